"""Towns whose names are everyday words, found as items of a list of places (dossier/geo/lists.py)."""

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
