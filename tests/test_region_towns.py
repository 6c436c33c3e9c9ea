"""Hindi towns named after their region, "केरल के वायनाड में" (dossier/geo/region_towns.py): districts
and small towns no list spells in Devanagari, matched by sound to a town of that region."""

from __future__ import annotations

import pytest

from dossier.geo.places import geoparse
from dossier.model import Span


def places(text: str, spans: list[Span] | None = None) -> dict[str, str]:
    return {p.text: p.name for p in geoparse(text, "hi", spans)}


@pytest.mark.parametrize(("text", "word", "name"), [
    # PIB, 30 July 2024: a district with no population in any list (countrystatecity has its point)
    ("प्रधानमंत्री ने केरल के वायनाड में भूस्खलन से हुई जानमाल की हानि पर शोक व्यक्त किया", "वायनाड", "Wayanad"),
    ("प्रधानमंत्री ने आज उत्तराखंड के रुद्रप्रयाग में बस दुर्घटना में हुई लोगों की मृत्यु पर शोक व्यक्त किया",
     "रुद्रप्रयाग", "Rudraprayag"),
    ("बिहार के कटिहार ज़िले में मुठभेड़ हुई", "कटिहार", "Katihar"),  # IL-NER dev
])
def test_a_word_after_its_region_and_the_genitive_is_a_town_of_that_region(text, word, name):
    assert places(text).get(word) == name


def test_an_everyday_word_after_a_region_is_no_town():
    # मुद्दा "issue" romanises to mudda, 80 from Mauda (Maharashtra): a town of any size needs a closer spelling
    assert "मुद्दा" not in places("क्या इस बार भी छत्तीसगढ़ का मुद्दा चावल पर ही आधारित होगा")


def test_the_town_must_lie_in_that_region():
    # Wayanad is in Kerala, not in Rajasthan, 1,900 km away
    assert "वायनाड" not in places("राजस्थान के वायनाड में बारिश हुई")


def test_a_person_after_a_region_stays_a_person():
    text = "केरल के वायनाड में सभा हुई"
    s = text.index("वायनाड")
    assert "वायनाड" not in places(text, [Span(s, s + len("वायनाड"), "PER")])


def test_a_country_before_the_genitive_is_not_enough():
    # a country narrows nothing: thousands of towns would sound like some word after "भारत के"
    assert "वायनाड" not in places("भारत के वायनाड में बारिश हुई")


def test_a_town_of_a_region_the_article_names_is_found_before_a_locative_postposition():
    # President's Secretariat, 21 October 2016: GeoNames has no Hindi name for Bharuch or Ankleshwar
    text = ("भारत के राष्ट्रपति 22 से 23 अक्तूबर, 2016 तक गुजरात का दौरा करेंगे। 23 अक्तूबर को राष्ट्रपति भरुच में "
            "अस्पताल का उद्घाटन करेंगे तथा अंकलेश्वर में संस्थान का दौरा करेंगे।")
    found = places(text)
    assert found.get("भरुच") == "Bharūch" and found.get("अंकलेश्वर") == "Ankleshwar"
    # without the region named, a word before में is not matched by sound
    assert "भरुच" not in places("भारत के राष्ट्रपति 23 अक्तूबर को भरुच में अस्पताल का उद्घाटन करेंगे।")
