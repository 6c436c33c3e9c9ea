"""Towns the scan cannot read by their name alone: everyday words in a list of places
(dossier/geo/lists.py), and foreign towns Korean spells by sound (dossier/geo/places.py)."""

from __future__ import annotations

import pytest

from dossier.geo.places import geoparse
from dossier.model import Span


def names(text: str, lang: str, spans: list[Span] | None = None) -> list[str]:
    return [p.text for p in geoparse(text, lang, spans)]


@pytest.mark.parametrize(("text", "lang", "town"), [
    ("등재가 확정된 지역은 공주, 부여, 익산의 왕궁입니다.", "ko", "공주"),  # 공주 'princess'
    ("폭우로 공주와 부여, 청양에 피해가 났다.", "ko", "공주"),  # a joining particle glued to the item
    ("Floods hit Lyon, Nice and Marseille on Sunday.", "en", "Nice"),
    ("Nice, Lyon and Marseille were hit.", "en", "Nice"),  # first in the list
])
def test_a_listed_everyday_word_is_the_town_beside_the_other_places(text, lang, town):
    assert town in names(text, lang)


def test_the_recogniser_calling_it_a_person_does_not_matter_in_a_list():
    text = "등재가 확정된 지역은 공주, 부여, 익산의 왕궁입니다."
    s = text.index("공주")
    assert "공주" in names(text, "ko", [Span(s, s + 2, "PER")])


@pytest.mark.parametrize(("text", "lang"), [
    ("공주, 서울", "ko"),  # only one other place
    ("공주, 도쿄, 오사카", "ko"),  # the others are in another country
    ("The princess met Nice people in Paris and London.", "en"),  # not an item of the list
    ("Nice, Lyon and Berlin", "en"),  # the list spans two countries
    ("공주는 서울과 부산을 방문했다.", "ko"),  # a particle that does not join a list
])
def test_no_town_without_a_list_of_places_of_its_own_country(text, lang):
    found = names(text, lang)
    assert "공주" not in found and "Nice" not in found


# --- a foreign town Korean spells by sound, before the unit word 시 (dossier/geo/places.py) ---------

def test_a_town_no_list_names_in_hangul_is_found_by_its_sound_before_the_unit_word():
    text = "콩고민주공화국 동부 부템보 시에서 환자가 나왔다."
    assert ("부템보", "gn:217562") in {(p.text, p.place_id) for p in geoparse(text, "ko")}  # Butembo
    # Beni in Congo, beside North Kivu; not Bolivia's Beni department, which has a Korean name
    text = "콩고민주공화국 북키부 지역 베니 시에 발병 사례가 집중됐다."
    assert ("베니", "gn:219057") in {(p.text, p.place_id) for p in geoparse(text, "ko")}


@pytest.mark.parametrize("text", [
    "콩고민주공화국 동부 부템보에서 환자가 나왔다.",  # no unit word: Korean words meet towns by chance
    "환자가 부템보 시에서 나왔다.",  # the article names neither its country nor a place near it
])
def test_no_town_by_sound_without_the_unit_word_and_the_article_s_support(text):
    assert "부템보" not in names(text, "ko")


def test_a_listed_hindi_name_no_list_spells_so_is_the_town_that_sounds_the_same_near_the_others():
    text = "चक्रवात से तमिलनाडु, आंध्र प्रदेश और पुडुचेरी में हानि हुई।"
    found = {p.text: p for p in geoparse(text, "hi")}
    assert found["पुडुचेरी"].name == "Puducherry"
    # alone, with nothing listed beside it, the spelling is not read as a place
    assert "पुडुचेरी" not in names("पुडुचेरी में हानि हुई।", "hi")
