"""Filters <-> URL query string: round trips, hand-edited and malformed links, descriptions."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.filters import FILTER_FIELDS, Filters


def _via_url(f: Filters) -> Filters:
    """Encode as a real query string and parse it back, as a browser link would travel."""
    query = urlencode(f.to_query_params(), doseq=True)
    return Filters.from_query_params(parse_qs(query, keep_blank_values=True))


def test_default_is_empty_and_has_no_params() -> None:
    f = Filters()
    assert f.is_empty()
    assert f.to_query_params() == {}
    assert f.describe() == "All articles"
    assert Filters.from_query_params({}) == f


def test_full_round_trip_through_a_query_string() -> None:
    f = Filters(
        date_from=dt.date(2023, 9, 1),
        date_to=dt.date(2023, 9, 30),
        undated=False,
        actors=("kim-jong-un", "vladimir-putin"),
        langs=("ko", "hi"),
        sources=("Voice of America (Korean service)", "(unknown)"),
        event_types=("visit",),
        places=("vostochny",),
        q="블라디보",
    )
    params = f.to_query_params()
    assert params["lang"] == ["ko", "hi"]  # lists repeat the parameter
    assert params["undated"] == "0"
    back = _via_url(f)
    assert back == f
    assert not back.problems


def test_links_written_today_keep_their_meaning_and_spelling() -> None:
    """The link format is public (bookmarks, exported briefings): Filters alone spells it, and this
    exact link must keep parsing to the same view and be written back the same, in this order."""
    link = (
        "from=2023-09-01&to=2023-09-30&undated=0&actor=kim-jong-un&actor=vladimir-putin&lang=ko&lang=hi"
        "&source=VOA&event=visit&place=vostochny&q=Vostochny"
    )
    f = Filters.from_query_params(parse_qs(link))
    assert f == Filters(
        date_from=dt.date(2023, 9, 1), date_to=dt.date(2023, 9, 30), undated=False,
        actors=("kim-jong-un", "vladimir-putin"), langs=("ko", "hi"), sources=("VOA",),
        event_types=("visit",), places=("vostochny",), q="Vostochny",
    )
    assert urlencode(f.to_query_params(), doseq=True) == link
    assert Filters.PARAM_NAMES == ("from", "to", "undated", "actor", "lang", "source", "event", "place", "q")
    assert [Filters.param(name) for name in FILTER_FIELDS] == list(Filters.PARAM_NAMES)


def test_single_string_and_list_values_both_parse() -> None:
    assert Filters.from_query_params({"lang": "ko"}).langs == ("ko",)
    assert Filters.from_query_params({"lang": ["ko", "hi"]}).langs == ("ko", "hi")


def test_duplicates_and_blank_values_are_dropped_order_kept() -> None:
    f = Filters.from_query_params({"lang": ["hi", " ", "ko", "hi", ""], "q": ["  "]})
    assert f.langs == ("hi", "ko")
    assert f.q == ""
    assert not f.problems


@pytest.mark.parametrize(
    "params, problem_word",
    [
        ({"from": "2023-13-45"}, "from"),
        ({"to": "yesterday"}, "to"),
        ({"from": "2023-09-01T10:00:00Z"}, "from"),
        ({"from": "<script>alert(1)</script>"}, "from"),
    ],
)
def test_malformed_dates_are_dropped_and_reported(params: dict, problem_word: str) -> None:
    f = Filters.from_query_params(params)
    assert f.date_from is None and f.date_to is None
    assert len(f.problems) == 1 and problem_word in f.problems[0]


def test_swapped_range_is_put_in_order_and_reported() -> None:
    f = Filters.from_query_params({"from": "2023-09-30", "to": "2023-09-01"})
    assert (f.date_from, f.date_to) == (dt.date(2023, 9, 1), dt.date(2023, 9, 30))
    assert any("swapped" in p for p in f.problems)


def test_unknown_parameters_are_ignored() -> None:
    f = Filters.from_query_params({"article": "abc", "utm_source": "mail", "lang": "ko"})
    assert f == Filters(langs=("ko",))
    assert not f.problems


def test_undated_flag_values() -> None:
    for off in ("0", "false", "no"):
        assert Filters.from_query_params({"undated": off}).undated is False
    assert Filters.from_query_params({"undated": "1"}).undated is True
    assert Filters.from_query_params({}).undated is True


def test_problems_do_not_affect_equality() -> None:
    assert Filters.from_query_params({"from": "garbage"}) == Filters()


def test_with_replaces_fields_and_clears_problems() -> None:
    f = Filters.from_query_params({"from": "garbage", "lang": "ko"})
    g = f.with_(langs=["hi", "ko"], sources={"VOA"})
    assert g.langs == ("hi", "ko") and g.sources == ("VOA",)
    assert not g.problems
    assert f.langs == ("ko",)  # frozen: the original is unchanged


def test_filters_are_hashable_cache_keys() -> None:
    a = Filters(langs=("ko",), q="x")
    b = Filters.from_query_params({"lang": "ko", "q": "x"})
    assert hash(a) == hash(b) and {a: 1}[b] == 1


@pytest.mark.parametrize(
    "f, words",
    [
        (Filters(date_from=dt.date(2023, 9, 1), date_to=dt.date(2023, 9, 30)), "Sep 2023"),
        (Filters(date_from=dt.date(2023, 9, 4), date_to=dt.date(2023, 9, 4)), "2023-09-04"),
        (Filters(date_from=dt.date(2023, 9, 1)), "from 2023-09-01"),
        (Filters(date_to=dt.date(2023, 9, 1), undated=False), "until 2023-09-01 (dated only)"),
        (Filters(langs=("ko", "hi"), q="블라디보"), "ko, hi · “블라디보”"),
    ],
)
def test_describe(f: Filters, words: str) -> None:
    assert f.describe() == words


def test_describe_uses_labels_for_ids() -> None:
    f = Filters(actors=("kim-jong-un",))
    assert f.describe({"kim-jong-un": "Kim Jong Un"}) == "Kim Jong Un"


# -- properties --------------------------------------------------------------------------

_word = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12
).map(str.strip).filter(bool)
_words = st.lists(_word, max_size=4, unique=True).map(tuple)
_date = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@st.composite
def filters(draw: st.DrawFn) -> Filters:
    start, end = draw(st.none() | _date), draw(st.none() | _date)
    if start and end and start > end:
        start, end = end, start
    return Filters(
        date_from=start,
        date_to=end,
        undated=draw(st.booleans()),
        actors=draw(_words),
        langs=draw(_words),
        sources=draw(_words),
        event_types=draw(_words),
        places=draw(_words),
        q=draw(st.text(max_size=30).map(str.strip)),
    )


@settings(max_examples=200, deadline=None)
@given(filters())
def test_any_filters_round_trip_through_a_url(f: Filters) -> None:
    back = _via_url(f)
    assert back == f, (f, f.to_query_params())
    assert not back.problems
    assert back.to_query_params() == f.to_query_params()


_param_value = st.text(max_size=20) | st.lists(st.text(max_size=20), max_size=3)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from([*Filters.PARAM_NAMES, "x"]) | st.text(max_size=8),
                       _param_value, max_size=8))
def test_parsing_any_hand_edited_url_never_raises(params: dict) -> None:
    f = Filters.from_query_params(params)
    # whatever came in, what goes out is a clean link that parses to the same filters
    again = Filters.from_query_params(f.to_query_params())
    assert again == f
    assert not again.problems
    assert set(f.to_query_params()) <= set(Filters.PARAM_NAMES)
    assert all(isinstance(getattr(f, name), (tuple, str, bool, dt.date, type(None))) for name in FILTER_FIELDS)
