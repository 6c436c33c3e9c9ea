"""Script tests and the Korean particle stems that linking, geoparsing and segmentation share."""

from dossier.text.scripts import (
    char_script,
    first_script,
    fold_nukta,
    has_devanagari,
    has_hangul,
    is_latin,
    particle_stems,
)

PARTICLES = ["에서는", "에서", "에", "는"]  # longest first, as places.py sorts the rules


def test_scripts_of_the_three_languages_and_their_neighbours():
    assert first_script("  서울") == "HANGUL"
    assert first_script("12 दिल्ली") == "DEVANAGARI"
    assert first_script("Москва") == "CYRILLIC"
    assert char_script("東") == "HAN" and char_script("カ") == "KANA"
    assert first_script("2023 —") == "?"
    assert has_hangul("in 서울") and not has_hangul("Seoul")
    assert has_devanagari("रूस ने") and not has_devanagari("Russia")


def test_nukta_fold_makes_both_spellings_equal():
    assert fold_nukta("अख़बार") == fold_nukta("अखबार") == "अखबार"


def test_particle_stems_shortest_stem_first():
    assert particle_stems("서울에서는", PARTICLES) == ["서울", "서울에서"]
    assert particle_stems("서울에", PARTICLES) == ["서울"]


def test_particle_stems_of_a_word_without_particle_or_only_a_particle():
    assert particle_stems("서울", PARTICLES) == []
    assert particle_stems("에서", PARTICLES) == []
    assert particle_stems("에서는", PARTICLES) == ["에서"]  # only 는 leaves a stem


def test_is_latin_needs_a_letter_and_allows_accents():
    assert is_latin("Kim Jong Un") and is_latin("Shoigu's") and is_latin("Zelenskyy, Ł. Bergé")
    assert not is_latin("김정은") and not is_latin("Kim 정은") and not is_latin("Путин")
    assert not is_latin("2023") and not is_latin("—")  # no letter: not a Latin name
