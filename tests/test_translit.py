"""Romanisation and phonetic keys (dossier/linking/translit.py)."""

from dossier.linking.translit import (
    latin_key,
    name_keys,
    name_similarity,
    romanize,
    same_shape,
)


def test_hangul_revised_romanization_from_jamo_arithmetic():
    assert romanize("김정은") == "gimjeongeun"
    assert romanize("한국") == "hanguk"
    assert romanize("설리번") == "seollibeon"  # ㄹ + ㄹ is read ll
    assert romanize("서울") == "seoul"
    assert romanize("독립") == "dokrip"  # letter-by-letter; sound changes are not applied
    assert romanize("쇼이구 장관") == "syoigu janggwan"


def test_hangul_epenthetic_vowel_variant():
    assert romanize("블링컨", variant=1) == "bllingkeon"
    assert romanize("세르게이", variant=1) == "sergei"
    assert romanize("존 파이너", variant=1) == "jon painer"


def test_devanagari_inherent_vowel_and_schwa_deletion():
    assert romanize("पुतिन") == "putin"
    assert romanize("भारत") == "bharat"
    assert romanize("कमला") == "kamla"
    assert romanize("किम जोंग उन") == "kim jong un"
    assert romanize("व्लादिमीर पुतिन") == "vladimir putin"
    assert romanize("सर्गेई शोइगू") == "sargei shoigu"
    assert romanize("फ़ाइनर") == "fainar"  # nukta letter


def test_kana_hepburn():
    assert romanize("ショイグ") == "shoigu"
    assert romanize("キム・ジョンウン") == "kimu jonun"
    assert romanize("プーチン") == "puuchin"
    assert romanize("マッカーサー") == "makkaasaa"


def test_cyrillic_via_anyascii():
    assert romanize("Сергей Шойгу") == "Sergey Shoygu"


def test_one_key_for_kim_jong_un_across_scripts():
    key = latin_key("Kim Jong Un")
    assert key
    for spelling in ("Kim Jong-un", "KIM JONG UN", "김정은", "किम जोंग उन"):
        assert latin_key(spelling) == key, spelling


def test_one_key_for_shoigu_across_scripts_and_vowel_lengths():
    key = latin_key("Sergei Shoigu")
    assert latin_key("Сергей Шойгу") == key
    assert latin_key("Sergey Shoygu") == key
    assert latin_key("शोइगु") == latin_key("शोइगू") == latin_key("Shoigu")
    assert key in name_keys("세르게이 쇼이구")


def test_near_misses_have_different_keys_and_shapes():
    kju, kyj, kji = latin_key("김정은"), latin_key("김여정"), latin_key("김정일")
    assert len({kju, kyj, kji}) == 3
    assert latin_key("Kim Jong-il") == kji
    assert not same_shape(latin_key("Putin"), latin_key("Putina"))
    assert not same_shape(kju, kji)
    assert same_shape(latin_key("Shoigu"), latin_key("Shoygu"))


def test_similarity_of_foreign_names_written_in_hangul_and_devanagari():
    assert name_similarity("존 파이너", "Jon Finer") >= 0.9
    assert name_similarity("जॉन फाइनर", "Jon Finer") >= 0.8
    assert name_similarity("Дмитрий Медведев", "Dmitry Medvedev") == 1.0
    assert name_similarity("드미트리 메드베데프", "Dmitry Medvedev") == 1.0
    assert name_similarity("Dmitry Kozak", "Dmitry Medvedev") < 0.8


def test_empty_and_symbol_only_names():
    assert latin_key("") == ""
    assert latin_key("— …") == ""
    assert name_similarity("", "Kim") == 0.0
