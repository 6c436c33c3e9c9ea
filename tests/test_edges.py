"""dossier.linking.edges: where a recognised Latin name starts and ends."""

from dossier.linking.edges import based_modifier, latin_edges
from dossier.linking.lookup import kb_index
from dossier.model import Span


def edges(text: str, surface: str, label: str, context: str = "") -> str:
    start = text.index(surface)
    s, e = latin_edges(text, Span(start, start + len(surface), label), "en", context,
                       frozenset({"Tuesday"}), frozenset({"The"}), kb_index())
    return text[s:e]


def test_words_around_a_name_are_cut_off_by_label():
    text = "Ko Wen-je of the party met the Miami-based National Hurricane Center in Washington Tuesday."
    assert edges(text, "Ko Wen-je of the", "PER") == "Ko Wen-je"
    assert edges(text, "Miami-based National Hurricane Center", "ORG") == "National Hurricane Center"
    assert edges(text, "Washington Tuesday", "LOC") == "Washington"
    # a club or paper may end in a weekday, so an organisation keeps it
    assert edges("Sheffield Wednesday won.", "Sheffield Wednesday", "ORG") == "Sheffield Wednesday"


def test_an_article_before_a_name_is_no_part_of_it():
    text = "The Naro Space Center launched it."
    assert edges(text, "The Naro Space Center", "ORG") == "Naro Space Center"


def test_a_based_modifier_is_where_not_who():
    assert based_modifier("Miami-based") and based_modifier("London-Based")
    assert not based_modifier("Miami") and not based_modifier("based")
