"""dossier.geo.korean_places: the questions places.py asks of a Hangul word."""

from dossier.geo.gazetteer import load_gazetteer, place_key
from dossier.geo.korean_places import foreign_word_like, syllable_chains, world_cities
from dossier.geo.places import _rules


def candidates(name: str):
    return load_gazetteer()._candidates(place_key(name), 1.0, "exact")


def test_a_world_city_spelled_by_sound_is_meant_without_its_country():
    assert {c.place.cc for c in world_cities(candidates("런던"))} == {"GB"}
    assert not foreign_word_like("런던", candidates("런던"))


def test_a_sino_korean_reading_is_no_world_city_and_reads_like_a_word():
    # 상해 is Shanghai (24 M people) read in Sino-Korean, and also "injury"
    cands = candidates("상해")
    assert cands and not world_cities(cands)
    assert foreign_word_like("상해", cands)


def test_a_small_foreign_town_of_two_syllables_reads_like_a_word_but_a_korean_one_does_not():
    assert foreign_word_like("크루", candidates("크루"))  # "crew", Crewe in England
    assert not foreign_word_like("공주", candidates("공주"))  # Gongju, Korea
    assert not foreign_word_like("블라디보스토크", candidates("블라디보스토크"))  # more than two syllables


def test_one_syllable_abbreviations_chained_by_dots_are_countries_unless_glued_into_a_word():
    text = "한·미·일 정상이 만났고 북-러간 거래도 논의됐다."
    got = [m.candidates[0].place.id for m in syllable_chains(load_gazetteer(), _rules(), text)]
    assert got == ["country:KR", "country:US", "country:JP", "country:KP", "country:RU"]
    assert syllable_chains(load_gazetteer(), _rules(), "가·나다라") == []
