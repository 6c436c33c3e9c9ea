"""Build-time transliteration (dossier.geo.transliterate): kana -> Hangul by the Korean standard for
Japanese, Bengali/Gujarati -> Devanagari by the parallel Brahmic letter order.

Expected spellings are the ones Korean and Hindi Wikipedia use as article titles for these cities."""

from __future__ import annotations

import pytest

from dossier.geo.transliterate import indic_to_devanagari, kana_to_hangul, revised_romanization_to_hangul


@pytest.mark.parametrize(("kana", "hangul"), [
    ("とうきょう", "도쿄"),  # long vowel not written, か-row medial as ㅋ
    ("おおさか", "오사카"),
    ("ほっかいどう", "홋카이도"),  # small っ as final ㅅ
    ("さっぽろ", "삿포로"),
    ("せんだい", "센다이"),  # ん as final ㄴ
    ("きょうと", "교토"),  # small ょ glide, initial き as ㄱ
    ("ちば", "지바"),  # initial ち as 지
    ("ふくしま", "후쿠시마"),
    ("しずおか", "시즈오카"),  # ず as 즈
    ("にいがた", "니가타"),  # doubled い not written
    ("フクオカ", "후쿠오카"),  # katakana too
])
def test_kana_to_hangul_follows_the_korean_standard(kana, hangul):
    assert kana_to_hangul(kana) == hangul


@pytest.mark.parametrize("name", ["東京", "とうきょう都", "Tokyo", "", "ゃ"])
def test_kana_to_hangul_refuses_what_is_not_all_kana(name):
    assert kana_to_hangul(name) is None


@pytest.mark.parametrize(("source", "devanagari"), [
    ("ঢাকা", "ढाका"),  # Bengali
    ("বাংলাদেশ", "बांग्लादेश"),  # anusvara before l is a full "ng"
    ("সিংহ", "सिंह"),  # ... but not before h
    ("અમદાવાદ", "अमदावाद"),  # Gujarati
])
def test_indic_to_devanagari(source, devanagari):
    assert indic_to_devanagari(source) == devanagari


@pytest.mark.parametrize("name", ["Dhaka", "ঢাকা city", "ढाका"])
def test_indic_to_devanagari_refuses_other_scripts(name):
    assert indic_to_devanagari(name) is None


@pytest.mark.parametrize(("romanised", "hangul"), [
    ("Goheung", "고흥"), ("Pyeongchang", "평창"), ("Uijeongbu", "의정부"), ("Haeundae", "해운대"),
    ("Gangneung", "강릉"),  # ㄹ written n after ng
    ("Silla", "신라"),  # ㄴㄹ written ll
    ("Ulleung", "울릉"), ("Baegam", "백암"),  # ㄱ before a vowel written g
    ("Goheung-gun", "고흥군"),
])
def test_revised_romanization_reads_back_to_hangul(romanised, hangul):
    assert hangul in revised_romanization_to_hangul(romanised)


def test_readings_are_few_and_only_for_romanised_korean():
    assert revised_romanization_to_hangul("Goheung") == ["고흥"]
    assert len(revised_romanization_to_hangul("Daegwallyeong")) <= 6
    assert revised_romanization_to_hangul("Xylophone") == []  # x is no RR letter
    assert revised_romanization_to_hangul("통영") == []
