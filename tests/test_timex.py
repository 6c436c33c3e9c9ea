"""Temporal tagger: every example of issue 4 in its own language, plus property tests."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.model import Timex
from dossier.timex.resolve import resolve
from dossier.timex.tag import tag

MON = dt.date(2023, 9, 11)  # the Hindi report: a Monday
KO = dt.date(2023, 9, 5)  # the Korean article
VOA_JUL = dt.date(2023, 7, 29)
VOA_SEP = dt.date(2023, 9, 15)


def one(text: str, lang: str, dct: dt.date | None, surface: str) -> Timex:
    """The timex whose text contains `surface` (and check offsets point into the text)."""
    found = tag(text, lang, dct)
    for t in found:
        assert text[t.start:t.end] == t.text
    hits = [t for t in found if surface in t.text or t.text in surface and t.start >= text.find(surface)]
    assert hits, f"{surface!r} not found in {[(t.text, t.value) for t in found]}"
    return hits[0]


# --- one expression each: the fields of the timex found for a surface ------------------------------

@pytest.mark.parametrize("text,lang,dct,surface,expected", [
    # absolute and partial dates
    pytest.param("김 위원장은 2019년 4월 전용열차로 블라디보스토크를 방문했다.", "ko", KO, "2019년 4월",
                 {"text": "2019년 4월", "value": "2019-04", "precision": "month"}, id="ko_year_month"),
    pytest.param("फरवरी 2022 में यूक्रेन पर रूस के आक्रमण के बाद से", "hi", MON, "फरवरी 2022",
                 {"text": "फरवरी 2022", "value": "2022-02", "precision": "month"}, id="hi_month_year"),
    pytest.param("The forum is held on 10-13 September.", "en", KO, "10-13 September",
                 {"value": "2023-09-10", "value_end": "2023-09-13"}, id="en_day_range_month"),
    pytest.param(
        "Meeting with moderators, September 12, 2023, Russky Island", "en", None, "September 12, 2023",
        {"text": "September 12, 2023", "value": "2023-09-12"},
        id="en_month_day_year",
    ),
    pytest.param("Kim met Putin on 13 September 2023.", "en", None, "13 September 2023",
                 {"text": "13 September 2023", "value": "2023-09-13"}, id="en_day_month_year"),
    pytest.param(
        "On September 13–17, 2023, Kim Jong Un visited Russia.", "en", None, "September 13–17, 2023",
        {"text": "September 13–17, 2023", "value": "2023-09-13", "value_end": "2023-09-17"},
        id="en_month_day_range_year",
    ),
    pytest.param("두 정상은 2023년 9월 13일 만났다.", "ko", None, "2023년 9월 13일",
                 {"value": "2023-09-13"}, id="ko_full_date"),
    # day of the month alone
    pytest.param(
        "뉴욕타임스는 4일 회담 계획을 보도했다.", "ko", KO, "4일",
        {"text": "4일", "value": "2023-09-04", "precision": "day"},
        id="ko_day_alone_is_publication_month",
    ),
    pytest.param("산불은 2019년 4월 4일 오후 7시 17분께 시작됐다.", "ko", KO, "2019년 4월 4일",
                 {"text": "2019년 4월 4일 오후 7시 17분", "value": "2019-04-04T19:17"}, id="ko_full_date_with_clock"),
    pytest.param("불은 4월 4일 오후 7시께 났다.", "ko", KO, "4월 4일",
                 {"text": "4월 4일 오후 7시", "value": "2023-04-04T19:00"}, id="ko_month_day_with_clock"),
    pytest.param("2019년 4월 4일(현지시간) 오후 회담이 열렸다.", "ko", KO, "오후",
                 {"value": "2019-04-04TAF"}, id="ko_part_of_day_is_the_day_last_named"),
    pytest.param("हादसा 4 अप्रैल 2019 को शाम 7 बजे हुआ।", "hi", MON, "4 अप्रैल",
                 {"text": "4 अप्रैल 2019 को शाम 7 बजे", "value": "2019-04-04T19:00"}, id="hi_date_with_clock"),
    pytest.param("पेरिस में गत रात्रि हुए हमलों की निंदा की।", "hi", MON, "गत रात्रि",
                 {"value": "2023-09-10TNI"}, id="hi_last_night"),
    pytest.param("हादसा कल रात 11 बजे हुआ था।", "hi", MON, "कल",
                 {"text": "कल रात 11 बजे", "value": "2023-09-10T23:00"}, id="hi_yesterday_with_clock"),
    pytest.param("그는 20일 평양을 방문했다.", "ko", KO, "20일",
                 {"value": "2023-08-20"}, id="ko_later_day_in_past_report_is_previous_month"),
    pytest.param("김정은이 블라디보스톡에서 9일 이후 푸틴과 회담을 계획하며", "ko", KO, "9일",
                 {"value": "2023-09-09"}, id="ko_later_day_in_plan_stays_in_month"),
    pytest.param("앞서 김 위원장은 13일 푸틴 대통령과 정상회담을 가졌다.", "ko", VOA_SEP, "13일",
                 {"value": "2023-09-13"}, id="ko_13th"),
    pytest.param("The New York Times reported on the 4th that Kim plans to meet Putin.", "en", KO, "the 4th",
                 {"value": "2023-09-04"}, id="en_on_the_4th"),
    pytest.param("The delegation arrived on the 20th and left.", "en", KO, "the 20th",
                 {"value": "2023-08-20"}, id="en_later_day_in_past_report_is_previous_month"),
    # weekdays
    pytest.param("दक्षिण कोरियाई मीडिया ने सोमवार को कहा कि", "hi", MON, "सोमवार",
                 {"text": "सोमवार", "value": "2023-09-11"}, id="hi_monday_in_monday_article_is_that_day"),
    pytest.param(
        "ट्रेन संभवतः रविवार शाम को प्योंगयांग से रवाना हुई", "hi", MON, "रविवार शाम",
        {"text": "रविवार शाम", "value": "2023-09-10TEV", "type": "TIME"},
        id="hi_sunday_evening_is_day_before_with_part_of_day",
    ),
    pytest.param(
        "A Kim-Putin meeting is possible early Tuesday.", "en", MON, "Tuesday",
        {"text": "early Tuesday", "value": "2023-09-12"},
        id="en_early_tuesday_plan_is_coming_tuesday",
    ),
    pytest.param("The company said Friday that profit fell.", "en", dt.date(1989, 10, 30), "Friday",
                 {"value": "1989-10-27"}, id="en_friday_past_report"),
    # ranges
    pytest.param(
        "두 정상은 이달 10일부터 13일까지 블라디보스토크에서 열리는 포럼에 참석할 예정이다", "ko", KO, "이달",
        {"text": "이달 10일부터 13일까지", "value": "2023-09-10", "value_end": "2023-09-13"},
        id="ko_range_this_month",
    ),
    pytest.param(
        "a conference held in Vladivostok from the 10th to the 13th of this month", "en", KO, "the 10th",
        {"value": "2023-09-10", "value_end": "2023-09-13"},
        id="en_range_of_this_month",
    ),
    pytest.param(
        "मंच 10 से 13 सितंबर तक व्लादिवोस्तोक में होगा", "hi", MON, "10 से 13 सितंबर",
        {"text": "10 से 13 सितंबर", "value": "2023-09-10", "value_end": "2023-09-13"},
        id="hi_range_month",
    ),
    # durations
    pytest.param("क्योंकि पिछले 17 महीनों में यूक्रेन को हथियार भेजे गए", "hi", MON, "पिछले 17 महीनों",
                 {"type": "DURATION", "value": "P17M"}, id="hi_past_17_months"),
    pytest.param("The visit lasted three days.", "en", KO, "three days",
                 {"type": "DURATION", "value": "P3D"}, id="en_three_days"),
    pytest.param("그는 사흘 간 머물렀다.", "ko", VOA_JUL, "사흘",
                 {"type": "DURATION", "value": "P3D"}, id="ko_three_days_native"),
    pytest.param("쇼이구 장관은 앞서 25일부터 사흘 간 북한을 방문했습니다.", "ko", VOA_JUL, "25일",
                 {"value": "2023-07-25", "value_end": "2023-07-27"}, id="ko_start_day_plus_three_days"),
    # parts of day and fuzzy spans
    pytest.param(
        "a delegation travelled by train at the end of August.", "en", KO, "August",
        {"text": "the end of August", "value": "2023-08", "precision": "month"},
        id="en_end_of_august_keeps_month_precision",
    ),
    pytest.param(
        "북한 당국자들은 8월 말에 약 20명 대표단이 기차로 이동했다.", "ko", KO, "8월 말",
        {"text": "8월 말", "value": "2023-08", "precision": "month"},
        id="ko_end_of_august_keeps_month_precision",
    ),
    pytest.param(
        "In early September 2023, it was reported that Kim would visit.", "en", None, "September 2023",
        {"text": "early September 2023", "value": "2023-09", "precision": "month"},
        id="en_early_september_2023",
    ),
    pytest.param("김정은 위원장이 오늘(15일) 공장을 방문했다. 김 위원장은 이날 새벽 도착했다.", "ko", VOA_SEP, "이날 새벽",
                 {"value": "2023-09-15TMO", "type": "TIME"}, id="ko_dawn_that_day"),
])
def test_one_expression(text, lang, dct, surface, expected):
    t = one(text, lang, dct, surface)
    assert {field: getattr(t, field) for field in expected} == expected


# --- day of the month alone ------------------------------------------------------------------

def test_ko_today_and_yesterday_with_day():
    text = "김정은 위원장이 오늘(15일) 공장을 방문했다. 안보보좌관들은 어제(14일) 통화했다."
    assert one(text, "ko", VOA_SEP, "오늘(15일)").value == "2023-09-15"
    assert one(text, "ko", VOA_SEP, "어제(14일)").value == "2023-09-14"


# --- weekdays --------------------------------------------------------------------------------

def test_hi_early_tuesday_plan_is_coming_tuesday():
    t = one("किम-पुतिन की बैठक मंगलवार की शुरुआत में संभव है।", "hi", MON, "मंगलवार")
    assert t.value == "2023-09-12"
    assert t.text.startswith("मंगलवार की शुरुआत")


# --- relative months / weeks / years -----------------------------------------------------------

@pytest.mark.parametrize("text,lang,dct,surface,value", [
    ("쇼이구 국방장관은 지난달 북한을 방문했다.", "ko", KO, "지난달", "2023-08"),
    ("크렘린은 지난주 밝혔다.", "ko", KO, "지난주", "2023-W35"),
    ("두 정상은 이달 만날 예정이다.", "ko", KO, "이달", "2023-09"),
    ("블링컨 장관은 29일 말했다. 이날 호주를 방문 중이던 장관은", "ko", VOA_JUL, "이날", "2023-07-29"),
    ("Shoigu visited North Korea last month.", "en", KO, "last month", "2023-08"),
    ("The Kremlin said last week that ties would deepen.", "en", KO, "last week", "2023-W35"),
    ("Kim would be visiting Russia this month.", "en", KO, "this month", "2023-09"),
    ("अमेरिकी अधिकारियों ने पिछले सप्ताह खुफिया जानकारी जारी की थी", "hi", MON, "पिछले सप्ताह", "2023-W36"),
    ("एक बैठक जो इस महीने के भीतर होगी", "hi", MON, "इस महीने", "2023-09"),
    ("संयुक्त राज्य अमेरिका पिछले साल से आरोप लगा रहा है", "hi", MON, "पिछले साल", "2022"),
    ("Shoigu attended celebrations in Pyongyang a month prior.", "en", KO, "a month prior", "2023-08"),
])
def test_relative(text, lang, dct, surface, value):
    t = one(text, lang, dct, surface)
    assert t.text == surface
    assert t.value == value


def test_week_precision():
    t = one("अमेरिकी अधिकारियों ने पिछले सप्ताह जानकारी जारी की", "hi", MON, "पिछले सप्ताह")
    assert t.precision == "week"


# --- parts of day and fuzzy spans -----------------------------------------------------------------

def test_en_in_recent_years_and_decades():
    text = "North Korea has tested missiles in recent years after decades of tension."
    assert one(text, "en", KO, "recent years").value == "PAST_REF"
    d = one(text, "en", KO, "decades")
    assert (d.type, d.value) == ("DURATION", "PXDE")


# --- TimeBank conventions -----------------------------------------------------------------------

@pytest.mark.parametrize("text,surface,typ,value", [
    ("Prices are falling now.", "now", "DATE", "PRESENT_REF"),
    ("The trend held for twenty years.", "twenty years", "DURATION", "P20Y"),
    ("Profit rose in the first quarter of 1998.", "the first quarter of 1998", "DATE", "1998-Q1"),
    ("Hate groups grew over the past year.", "the past year", "DATE", "1997"),
    ("Earnings will rise for the full year.", "the full year", "DATE", "1998"),
    ("Wages lost to inflation in the last decade.", "the last decade", "DATE", "198"),
    ("It was his first job in the first year.", "the first year", "DURATION", "P1Y"),
    ("Third-quarter profit rose.", "Third-quarter", "DATE", "1998-Q3"),
    ("Sales fell last year.", "last year", "DATE", "1997"),
])
def test_timebank_conventions(text, surface, typ, value):
    t = one(text, "en", dt.date(1998, 10, 20), surface)
    assert (t.text, t.type, t.value) == (surface, typ, value)


# --- undated articles ------------------------------------------------------------------------------

def test_undated_relative_stays_unresolved():
    assert one("Shoigu visited last month.", "en", None, "last month").value == "XXXX-XX"
    assert one("On 10 September, the meeting was confirmed.", "en", None, "10 September").value == "XXXX-09-10"
    assert one("뉴욕타임스는 4일 보도했다.", "ko", None, "4일").value == "XXXX-XX-04"
    assert one("दक्षिण कोरियाई मीडिया ने सोमवार को कहा", "hi", None, "सोमवार").value.startswith("XXXX")


def test_unknown_language_and_empty_text():
    assert tag("On 4 September 2023", "fr", KO) == []
    assert tag("", "en", KO) == []


def test_no_false_dates_in_plain_text():
    assert tag("The minister may march with 2,000 people.", "en", KO) == []
    assert [t.text for t in tag("한일 관계는 일본과의 협력이다.", "ko", KO)] == []


def test_spans_do_not_overlap_and_are_sorted():
    text = "On September 13–17, 2023, Kim visited; on 13 September he met Putin, a month after Shoigu."
    found = tag(text, "en", None)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


# --- properties ---------------------------------------------------------------------------------

_words = st.sampled_from([
    "last", "next", "this", "month", "week", "year", "Monday", "Friday", "September", "Sept.", "the", "4th",
    "13", "10-13", "2023", "1998", "ago", "three", "days", "early", "end of", "quarter", "third", "now",
    "지난달", "이달", "4일", "10일부터", "13일까지", "사흘", "간", "2019년", "4월", "말", "오늘(15일)", "이날", "새벽",
    "पिछले", "सप्ताह", "सोमवार", "रविवार", "शाम", "17", "महीनों", "फरवरी", "10 से 13 सितंबर", "कल", "को",
    " ", ", ", ".", "\n", "(", ")", "–", "-",
])
_dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


@settings(max_examples=150, deadline=None)
@given(parts=st.lists(_words, max_size=25), lang=st.sampled_from(["en", "ko", "hi"]), dct=st.none() | _dates)
def test_offsets_always_inside_text(parts, lang, dct):
    text = " ".join(parts)
    for t in tag(text, lang, dct):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=120), lang=st.sampled_from(["en", "ko", "hi"]), dct=st.none() | _dates)
def test_any_string_never_crashes(text, lang, dct):
    for t in tag(text, lang, dct):
        assert text[t.start:t.end] == t.text


_spec = st.fixed_dictionaries({}, optional={
    "year": st.integers(1, 9999).map(str), "month": st.integers(0, 14), "day": st.integers(0, 40),
    "weekday": st.integers(0, 8), "rel_unit": st.sampled_from(["D", "W", "M", "Q", "Y", "DE", "CE", "WE", "ANCHOR"]),
    "rel_n": st.integers(-3000, 3000), "quarter": st.integers(1, 4), "pod": st.sampled_from(["MO", "EV"]),
    "dir": st.sampled_from(["past", "future"]), "hour": st.integers(0, 24), "season": st.sampled_from(["SU", "WI"]),
    "end": st.fixed_dictionaries({"day": st.integers(1, 31)}), "span_n": st.integers(0, 40),
    "dur_unit": st.sampled_from(["D", "W", "M", "Y", "H"]), "dur_n": st.sampled_from(["X", 1, 2.5, 17]),
})


@settings(max_examples=300, deadline=None)
@given(spec=_spec, dct=st.none() | _dates, tense=st.sampled_from([None, "past", "future"]))
def test_resolution_never_crashes_for_any_dct(spec, dct, tense):
    r = resolve(spec, dct, tense, {"D": dct, "M": dct} if dct else None)
    assert isinstance(r.value, str) and r.value


# --- the sample articles (data/articles): values against their publication dates ----------------

import json
import re
import unicodedata
from pathlib import Path

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


def article(name: str, lang: str) -> tuple[str, list[Timex], dt.date | None]:
    path = ARTICLES / f"{name}.txt"
    meta = json.loads((ARTICLES / f"{name}.json").read_text(encoding="utf-8"))
    dct = dt.date.fromisoformat(meta["published"]) if meta.get("published") else None
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    return text, tag(text, lang, dct), dct


def _days(v: str) -> dt.date | None:
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(T.*)?", v)
    return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None


def test_hindi_article_values():
    _text, found, _dct = article("hi-kim-train-to-russia", "hi")
    got = {(t.text, t.value, t.value_end) for t in found}
    for expected in [("सोमवार", "2023-09-11", None), ("रविवार शाम", "2023-09-10TEV", None),
                     ("पिछले सप्ताह", "2023-W36", None), ("इस महीने", "2023-09", None),
                     ("पिछले 17 महीनों", "P17M", None), ("फरवरी 2022", "2022-02", None),
                     ("पिछले साल", "2022", None), ("जुलाई", "2023-07", None), ("रविवार", "2023-09-10", None)]:
        assert expected in got
    assert any(t.text.startswith("मंगलवार") and t.value == "2023-09-12" for t in found)


def test_korean_article_values():
    _text, found, _dct = article("ko-en-nk-russia-alliance", "ko")
    korean = [t for t in found if re.search("[가-힣]", t.text)]
    got = {(t.text, t.value, t.value_end) for t in korean}
    for expected in [("4일", "2023-09-04", None), ("9일", "2023-09-09", None), ("지난주", "2023-W35", None),
                     ("이달 10일부터 13일까지", "2023-09-10", "2023-09-13"), ("8월 말", "2023-08", None),
                     ("2019년 4월", "2019-04", None), ("지난달", "2023-08", None), ("지난 6월", "2023-06", None)]:
        assert expected in got


def test_english_translation_values():
    _text, found, _dct = article("ko-en-nk-russia-alliance", "en")
    got = {(t.text, t.value, t.value_end) for t in found}
    for expected in [("the 4th", "2023-09-04", None), ("the 9th", "2023-09-09", None),
                     ("from the 10th to the 13th of this month", "2023-09-10", "2023-09-13"),
                     ("the end of August", "2023-08", None), ("April 2019", "2019-04", None),
                     ("last month", "2023-08", None), ("last week", "2023-W35", None)]:
        assert expected in got


def test_voa_articles_values():
    _, found, _ = article("voakorea-blinken-shoigu-20230729", "ko")
    got = {(t.text, t.value, t.value_end) for t in found}
    assert ("25일부터 사흘 간", "2023-07-25", "2023-07-27") in got
    assert ("26일", "2023-07-26", None) in got and ("27일", "2023-07-27", None) in got
    _, found, _ = article("voakorea-komsomolsk-20230915", "ko")
    got = {(t.text, t.value) for t in found}
    assert {("오늘(15일)", "2023-09-15"), ("13일", "2023-09-13"), ("어제(14일)", "2023-09-14"),
            ("이날 새벽", "2023-09-15TMO")} <= got


def test_no_sample_date_far_after_publication():
    """A report never talks about a day months after it was published in these articles."""
    for name, lang in [("hi-kim-train-to-russia", "hi"), ("ko-en-nk-russia-alliance", "ko"),
                       ("voakorea-blinken-shoigu-20230729", "ko"), ("voakorea-komsomolsk-20230915", "ko")]:
        _, found, dct = article(name, lang)
        for t in found:
            d = _days(t.value)
            if d is not None:
                assert d <= dct + dt.timedelta(days=31), (name, t)


def test_undated_wikipedia_article_dates_its_story_by_the_months_it_names():
    _, found, dct = article("wiki-en-kim-visit-russia-2023", "en")
    assert dct is None
    got = {(t.text, t.value, t.value_end) for t in found}
    assert ("September 13–17, 2023", "2023-09-13", "2023-09-17") in got
    # "In early September 2023 ... On 10 September": the story's year, not an unknown one
    assert ("10 September", "2023-09-10", None) in got
    assert ("12 September", "2023-09-12", None) in got
    # "a month prior" counts from an event, not from a date the text names: it stays unresolved
    assert ("a month prior", "XXXX-XX", None) in got


def test_dct_as_iso_string():
    assert one("Shoigu visited last month.", "en", "2023-09-05", "last month").value == "2023-08"  # type: ignore[arg-type]


def test_hi_kal_follows_the_tense():
    assert one("उन्होंने कल कहा था कि वह आएंगे।", "hi", MON, "कल").value == "2023-09-10"
    assert one("वह कल दिल्ली जाएंगे।", "hi", MON, "कल").value == "2023-09-12"


def test_hi_expression_before_danda():
    assert one("यह पिछले साल।", "hi", MON, "पिछले साल").value == "2022"


def test_ko_explicit_direction_before_day():
    dct = dt.date(2023, 9, 20)
    assert one("오는 5일 발표할 예정이다", "ko", dct, "5일").value == "2023-10-05"
    assert one("지난 25일 만났다", "ko", dct, "25일").value == "2023-08-25"
    assert one("다음 달 3일 회담이 열린다", "ko", dct, "3일").value == "2023-10-03"


def test_anaphoric_units_follow_the_narrative():
    text = ("In June 1988 they met. Elections were held in April of that year. The following month, it "
            "collapsed. On March 3, 1990 it ended; that day was cold.")
    found = {t.text: t.value for t in tag(text, "en", dt.date(1996, 8, 28))}
    assert found["April of that year"] == "1988-04"
    assert found["The following month"] == "1988-05"
    assert found["that day"] == "1990-03-03"


def test_en_part_of_day_of_a_date_and_no_sentence_period():
    t = one("Kim's train left Pyongyang on the evening of 10 September.", "en", MON, "evening")
    assert (t.text, t.type, t.value) == ("the evening of 10 September", "TIME", "2023-09-10TEV")
    assert one("It opened on 12 September.", "en", MON, "September").text == "12 September"
    assert one("It opened on Sept. 12.", "en", MON, "Sept").text == "Sept. 12"


# --- TimeML mod: qualifiers kept in the span fill Timex.mod, the value keeps the unit's precision ----

@pytest.mark.parametrize("lang,text,surface,value,mod", [
    ("en", "Talks began in early 1990.", "early 1990", "1990", "START"),
    ("en", "a delegation travelled by train at the end of August.", "the end of August", "2023-08", "END"),
    ("en", "The forum opens in mid-September.", "mid-September", "2023-09", "MID"),
    ("en", "He arrived at the beginning of July.", "the beginning of July", "2023-07", "START"),
    ("en", "The deal was signed about three years ago.", "about three years ago", "2020", "APPROX"),
    ("en", "It lasted roughly two weeks.", "roughly two weeks", "P2W", "APPROX"),
    ("en", "It lasted more than two weeks.", "more than two weeks", "P2W", "MORE_THAN"),
    ("ko", "김 위원장은 2019년 4월 초 블라디보스토크를 방문했다.", "2019년 4월 초", "2019-04", "START"),
    ("ko", "대표단이 8월 말께 기차로 이동했다.", "8월 말께", "2023-08", "END"),
    ("ko", "대표단이 8월 말경 이동했다.", "8월 말경", "2023-08", "END"),
    ("ko", "지난달 중순 회담이 열렸다.", "지난달 중순", "2023-08", "MID"),
    ("ko", "2023년 초반 발사했다.", "2023년 초반", "2023", "START"),
    ("ko", "양측은 3일께 만났다.", "3일께", "2023-09-03", "APPROX"),
    ("hi", "अगस्त के अंत में बैठक हुई थी।", "अगस्त के अंत में", "2023-08", "END"),
    ("hi", "मार्च की शुरुआत में दौरा हुआ था।", "मार्च की शुरुआत में", "2023-03", "START"),
    ("hi", "जुलाई के मध्य में दौरा हुआ था।", "जुलाई के मध्य में", "2023-07", "MID"),
    ("hi", "लगभग तीन साल पहले समझौता हुआ था।", "लगभग तीन साल पहले", "2020", "APPROX"),
])
def test_mod_from_qualifiers(lang, text, surface, value, mod):
    t = one(text, lang, KO, surface)
    assert (t.text, t.value, t.mod) == (surface, value, mod)


@pytest.mark.parametrize("lang,text,surface", [
    ("en", "Talks began in 1990.", "1990"),
    ("en", "It lasted another two weeks.", "two weeks"),
    ("ko", "대표단이 8월 기차로 이동했다.", "8월"),
    ("ko", "10일 경제 회의가 열렸다.", "10일"),
    ("hi", "अगस्त में बैठक हुई थी।", "अगस्त"),
])
def test_no_mod_without_a_qualifier(lang, text, surface):
    t = one(text, lang, KO, surface)
    assert t.mod is None
    assert "경" not in t.text


# --- generic news conventions (TimeML) -------------------------------------------------------------

def test_en_month_without_tense_is_the_nearest_one():
    dct = dt.date(1998, 2, 6)
    assert one("A revision to December's figures.", "en", dct, "December").value == "1997-12"
    dct = dt.date(1989, 10, 26)
    assert one("Mr. Schwarz succeeds Mr. Davison Feb. 1.", "en", dct, "Feb. 1").value == "1990-02-01"
    # a month just after the dct stays in the dct year
    assert one("The results are due in November.", "en", dct, "November").value == "1989-11"


def test_en_soon_and_now_that():
    dct = dt.date(1998, 2, 6)
    assert one("The budget will soon move into surplus.", "en", dct, "soon").value == "FUTURE_REF"
    assert [t.text for t in tag("They left as soon as possible, soon after the vote.", "en", dct)] == [
        "as soon as possible"]
    assert one("Iraq needs Jordan now that the border is closed.", "en", dct, "now").value == "PRESENT_REF"


@pytest.mark.parametrize("text", [
    "The notes pay $1.76 a year.", "It saves $500 million a year.", "They add 700 seats a week.",
    "Mr. Schwarz, 52 years old, will succeed him.",
])
def test_en_rates_and_ages_are_not_times(text):
    assert tag(text, "en", dt.date(1998, 2, 6)) == []


def test_en_a_day_after_a_number_is_still_a_time():
    dct = dt.date(1998, 2, 6)
    assert one("It closed on Oct. 19. A day later it reopened.", "en", dct, "A day").type == "DURATION"
    assert one("It opened in 1997 a year after the war.", "en", dct, "a year").type == "DURATION"


def test_en_qualified_part_of_day_century_more_years_and_decimals():
    dct = dt.date(1998, 3, 6)
    assert one("By mid afternoon, officials were saying so.", "en", dct, "mid afternoon").value == "1998-03-06TAF"
    assert one("near the fabled 11th century temple", "en", dct, "11th century").value == "10"
    assert one("to keep the base for at least 20 more years.", "en", dct,
               "at least 20 more years").value == "P20Y"
    # an index level is not a year
    assert tag("The index shed 47.3 points to close at 2082.1, down 4.5%.", "en", dct) == []


def test_en_a_clock_time_takes_the_day_named_right_after_it():
    dct = dt.date(2013, 3, 21)  # a Thursday
    ts = tag("The blast came at 10:00 KST on Tuesday, officials said.", "en", dct)
    assert [(t.text, t.value) for t in ts] == [("10:00 KST", "2013-03-19T10:00"), ("Tuesday", "2013-03-19")]
    assert one("Officials met at 3 p.m. local time on March 20.", "en", dct,
               "3 p.m. local time on March 20").value == "2013-03-20T15:00"
    # a date in the next clause is not the clock time's day
    assert one("The offer expires at 5 p.m. and talks resume on Friday.", "en", dct,
               "5 p.m.").value == "2013-03-21T17:00"


def test_en_a_reporting_verb_right_before_dates_the_report_over_a_later_modal():
    dct = dt.date(2023, 9, 13)  # a Wednesday
    assert one("Putin said on Tuesday he would visit North Korea.", "en", dct, "Tuesday").value == "2023-09-12"
    assert one("He said he will go on Friday.", "en", dct, "Friday").value == "2023-09-15"
    ts = tag("The train arrived at 6 a.m. local time on Tuesday (2100 GMT Monday).", "en", dct)
    assert [t.value for t in ts] == ["2023-09-12T06:00", "2023-09-11T21:00", "2023-09-11"]


def test_ko_the_day_before_with_a_clock_time_counts_from_the_day_named():
    t = one("조선중앙통신은 14일 김 위원장이 전날 오후 1시께 우주기지에 도착했다고 보도했다.", "ko",
            dt.date(2023, 9, 14), "전날 오후 1시")
    assert t.value == "2023-09-13T13:00"


def test_ko_the_day_before_counts_from_a_day_in_its_own_sentence_else_the_first_day():
    text = ("두 정상은 13일 회담했다. 조선중앙통신은 14일 김 위원장이 전날 오후 1시께 도착했다고 보도했다. "
            "김 위원장은 전날 평양을 떠났다.")
    ts = tag(text, "ko", dt.date(2023, 9, 14))
    assert [(t.text, t.value) for t in ts] == [
        ("13일", "2023-09-13"), ("14일", "2023-09-14"), ("전날 오후 1시", "2023-09-13T13:00"), ("전날", "2023-09-12")]


def test_undated_text_takes_the_year_of_the_last_month_it_named():
    ts = tag("In early September 2023 it was reported. He went to Russia in 2019. On 12 September he "
             "arrived.", "en", None)
    assert [t.value for t in ts] == ["2023-09", "2019", "2023-09-12"]
    # with nothing to go by the year stays unknown
    assert [t.value for t in tag("In 2019 he visited. On 10 September he left.", "en", None)] == ["2019", "XXXX-09-10"]


def test_en_a_year_earlier_follows_the_period_last_named():
    dct = dt.date(1989, 10, 26)
    quarter = "Net rose 5% in the third quarter from a year earlier."
    assert one(quarter, "en", dct, "a year earlier").value == "1988-Q3"
    nine = ("Net rose 5% in the third quarter. In the nine months, net was $3 million, compared with "
            "$2 million a year earlier and year-earlier sales of $9 million.")
    assert one(nine, "en", dct, "a year earlier").value == "1988"
    assert one(nine, "en", dct, "year-earlier").value == "1988"


def test_en_overnight_is_the_night_before_the_day_talked_about():
    dct = dt.date(1989, 10, 30)  # a Monday
    ts = tag("Prices closed lower Friday. Shares were hit by overnight losses in New York. The index was "
             "down 4.5% from the previous Friday.", "en", dct)
    assert [(t.text, t.value) for t in ts] == [("Friday", "1989-10-27"), ("overnight", "1989-10-26TNI"),
                                               ("the previous Friday", "1989-10-20")]
    assert one("Overnight, rebels shelled the town.", "en", dct, "Overnight").value == "1989-10-29TNI"


def test_en_next_day_early_hours_and_weekend_of():
    dct = dt.date(2013, 3, 21)
    assert one("On March 3 he arrived; the following day he met Kim.", "en", dct,
               "the following day").value == "2013-03-04"
    assert one("Rain is forecast over the next day or two.", "en", dct, "the next day").type == "DURATION"
    assert one("The attacks happened in the early hours of Saturday.", "en", dct,
               "the early hours of Saturday").value == "2013-03-16TMO"
    assert one("The summit is set for the weekend of April 6-7.", "en", dct,
               "the weekend of April 6-7").value == "2013-W14-WE"
    assert one("a shooting in the early hours on Saturday", "en", dct,
               "the early hours on Saturday").value == "2013-03-16TMO"
    # "a second-round choice" is an order, not a second of time
    assert [t.text for t in tag("A second-round choice in 1988.", "en", dct)] == ["1988"]


def test_en_a_participle_under_a_modal_keeps_the_plan_ahead():
    # "unspecified" looks like a past form, but "would be paid" governs the clause
    t = one("The split would be paid on a still unspecified date in January to holders.", "en",
            dt.date(1989, 10, 26), "January")
    assert t.value == "1990-01"


def test_en_age_of_a_thing_and_a_while():
    dct = dt.date(1998, 3, 22)
    assert one("It undermines the IRA's 8-month-old truce.", "en", dct, "8-month-old").value == "P8M"
    assert one("They will live without it for a while.", "en", dct, "a while").value == "PXX"
    assert one("Until recently, it sold well.", "en", dct, "recently").text == "recently"


def test_en_one_day_year_end_earlier_in_the_year():
    dct = dt.date(1989, 10, 26)
    assert one("Islam will one day be the second religion.", "en", dct, "one day").value == "FUTURE_REF"
    assert one("It took one day to finish.", "en", dct, "one day").value == "P1D"
    assert one("The deal should close by year-end.", "en", dct, "year-end").value == "1989-12-31"
    assert one("The change is since year-end.", "en", dct, "year-end").value == "1988-12-31"
    assert one("It expects to cut jobs by year end.", "en", dct, "year end").value == "1989-12-31"
    assert one("Sales were delayed earlier in the year by rain.", "en", dct, "earlier in the year").value == "1989"


@pytest.mark.parametrize("text,surface,value", [
    ("Three months earlier, it had sold the unit.", "Three months", "P3M"),
    ("In the spring of 1988 it rose.", "the spring of 1988", "1988-SP"),
    ("Sales will rise in the second half of 1990.", "the second half of 1990", "1990-H2"),
    ("In fiscal 1990's first quarter it rose.", "fiscal 1990's first quarter", "1990-Q1"),
    ("Profit in 1989's third quarter fell.", "1989's third quarter", "1989-Q3"),
    ("Demand will grow over the next decade.", "the next decade", "P10Y"),
])
def test_en_longest_reading_wins(text, surface, value):
    t = one(text, "en", dt.date(1989, 10, 26), surface)
    assert (t.text, t.value) == (surface, value)


def test_en_half_of_a_decade_and_year_earlier_months():
    dct = dt.date(1989, 10, 26)
    t = one("It characterized the last half of the '80s.", "en", dct, "the last half")
    assert (t.text, t.value, t.mod) == ("the last half of the '80s", "198", "END")
    t = one("Net for the year-earlier nine months rose.", "en", dct, "nine months")
    assert (t.text, t.type, t.value) == ("the year-earlier nine months", "DURATION", "P9M")


def test_en_weeks_ago_is_a_day():
    dct = dt.date(1998, 3, 22)
    assert one("Sinn Fein was invited to rejoin two weeks ago.", "en", dct, "two weeks ago").value == "1998-03-08"
    assert one("Then, a week or so ago, he picked Saturday.", "en", dct, "a week or so ago").value == "1998-03-15"
    assert one("He met the president last week.", "en", dct, "last week").value == "1998-W11"


# --- tense of the clause (round 3) -----------------------------------------------------------------

def test_en_future_passive_is_not_a_past_participle():
    # "will be named": the participle belongs to the future cue, so December is the coming one
    dct = dt.date(1998, 3, 4)
    text = "Colonel Eileen Collins will be named commander of the Space Shuttle Columbia for a mission in December."
    assert one(text, "en", dct, "December").value == "1998-12"


def test_en_far_future_cue_of_the_same_sentence_still_counts():
    # the only verb ("would leave") is far from the date, but the sentence has no other tense
    dct = dt.date(1998, 2, 13)
    text = ("It said two new flights would leave Bombay on Mondays from March 30, with the third one "
            "departing each Thursday from August 6.")
    assert one(text, "en", dct, "August 6").value == "1998-08-06"


def test_en_participle_after_an_article_is_an_adjective_not_a_past_tense():
    dct = dt.date(1989, 10, 26)
    text = "The split would be paid on an unspecified date in January."
    assert one(text, "en", dct, "January").value == "1990-01"
    text = "The dividend is payable on the revised date in January."
    assert one(text, "en", dct, "January").value == "1990-01"


# --- coverage of common news forms (round 3) ---------------------------------------------------------

@pytest.mark.parametrize("text,surface,typ,value", [
    ("Prices rose in October of last year.", "October of last year", "DATE", "1988-10"),
    ("Exports fell in January this year.", "January this year", "DATE", "1989-01"),
    ("The plant opens in March next year.", "March next year", "DATE", "1990-03"),
    ("It happened on Oct. 3 last year.", "Oct. 3 last year", "DATE", "1988-10-03"),
    ("He will speak tonight.", "tonight", "TIME", "1989-10-26TNI"),
    ("The next morning, troops moved in.", "The next morning", "TIME", "1989-10-27TMO"),
    ("The night before, he had left.", "The night before", "TIME", "1989-10-25TNI"),
    ("Prices rose in the late 19th century.", "the late 19th century", "DATE", "18"),
])
def test_en_news_forms(text, surface, typ, value):
    t = one(text, "en", dt.date(1989, 10, 26), surface)
    assert (t.text, t.type, t.value) == (surface, typ, value)


def test_en_part_of_day_and_month_follow_the_date_talked_about():
    dct = dt.date(1998, 8, 14)
    text = "The bombs exploded on Aug. 7. That night, rescuers dug through the rubble."
    assert one(text, "en", dct, "That night").value == "1998-08-07TNI"
    text = "The war began in 1990. In January of the following year, it ended."
    assert one(text, "en", dct, "January of the following year").value == "1991-01"
    text = "The war began in 1990. By March of the previous year, troops had massed."
    assert one(text, "en", dct, "March of the previous year").value == "1989-03"


def test_en_this_weekend_is_the_dct_week_whatever_the_tense():
    fri = dt.date(1998, 2, 13)  # ISO week 7
    assert one("The strike could come as soon as this weekend.", "en", fri, "this weekend").value == "1998-W07-WE"
    assert one("Annan will travel to Baghdad this weekend.", "en", fri, "this weekend").value == "1998-W07-WE"
    assert one("Annan met him last weekend.", "en", fri, "last weekend").value == "1998-W06-WE"
    assert one("Annan traveled to Baghdad over the weekend.", "en", fri, "the weekend").value == "1998-W06-WE"


def test_en_half_a_century_and_season_names():
    fri = dt.date(1998, 2, 13)
    assert one("It lasted half a century.", "en", fri, "half a century").value == "P50Y"
    found = tag("The 1998 Winter Olympics open in Nagano.", "en", fri)
    assert [(t.text, t.value) for t in found] == [("1998", "1998")]
    assert one("The talks end in two weeks from today.", "en", fri, "two weeks from today").type == "DATE"


@pytest.mark.parametrize("text,surface,value", [
    ("It lasted two and a half years.", "two and a half years", "P2Y6M"),
    ("It lasted a year and a half.", "a year and a half", "P1Y6M"),
    ("The talks went on for three and a half hours.", "three and a half hours", "PT3H30M"),
    ("Debt was $2 billion at year-end 1988.", "year-end 1988", "1988"),
    ("Debt was $2 billion at end-1988.", "end-1988", "1988"),
])
def test_en_halves_and_year_end_of_a_year(text, surface, value):
    t = one(text, "en", dt.date(1989, 10, 26), surface)
    assert (t.text, t.value) == (surface, value)


def test_en_bare_clock_time_is_on_the_date_just_named():
    dct = dt.date(1989, 10, 26)
    assert one("It happened Oct. 20, 1989, at 10 a.m.", "en", dct, "10 a.m.").value == "1989-10-20T10:00"
    # a clock time in a later sentence, or with no date before it, stays on the dct
    assert one("It happened Oct. 20. The market closed at 4 p.m.", "en", dct, "4 p.m.").value == "1989-10-26T16:00"
    assert one("The market closed at 4 p.m.", "en", dct, "4 p.m.").value == "1989-10-26T16:00"


@pytest.mark.parametrize("text,surface,typ,value", [
    ("It happened in October of nineteen ninety-seven.", "October of nineteen ninety-seven", "DATE", "1997-10"),
    ("The vote will be held on October twenty-seventh.", "October twenty-seventh", "DATE", "1998-10-27"),
    ("The vote will be held on the twenty-seventh of October.", "the twenty-seventh of October", "DATE", "1998-10-27"),
    ("He spoke at four o'clock this afternoon.", "four o'clock this afternoon", "TIME", "1998-01-08T16:00"),
])
def test_en_spoken_forms_of_broadcast_transcripts(text, surface, typ, value):
    t = one(text, "en", dt.date(1998, 1, 8), surface)
    assert (t.text, t.type, t.value) == (surface, typ, value)


def test_en_following_weekday_counts_from_the_day_talked_about():
    fri = dt.date(1998, 2, 13)
    text = "He arrived on Monday, Feb. 2. He left the following Thursday."
    assert one(text, "en", fri, "the following Thursday").value == "1998-02-05"
    text = "The talks ended on Feb. 5. The previous Monday, he had resigned."
    assert one(text, "en", fri, "The previous Monday").value == "1998-02-02"
    # with no date before it, "the following Monday" is the coming one
    assert one("He left the following Monday.", "en", fri, "the following Monday").value == "1998-02-16"


@pytest.mark.parametrize("text,surface,value", [
    ("The blast came at 10:30 local time.", "10:30 local time", "1998-02-13T10:30"),
    ("The blast came at 0740 GMT.", "0740 GMT", "1998-02-13T07:40"),
    ("The talks began at 14:00.", "14:00", "1998-02-13T14:00"),
])
def test_en_24_hour_clock(text, surface, value):
    t = one(text, "en", dt.date(1998, 2, 13), surface)
    assert (t.text, t.type, t.value) == (surface, "TIME", value)


def test_en_scores_and_counts_are_not_clock_times():
    assert tag("The Bulls won 10:30 in the final and sold 1330 tickets.", "en", dt.date(1998, 2, 13)) == []


@pytest.mark.parametrize("text,surface,typ,value", [
    ("The loan may be extended for an additional year.", "an additional year", "DURATION", "P1Y"),
    ("It will take another month.", "another month", "DURATION", "P1M"),
    ("He said at the time he was willing to withdraw.", "the time", "DATE", "PAST_REF"),
    ("It will be paid at a later date.", "a later date", "DATE", "FUTURE_REF"),
])
def test_en_one_more_unit_and_anaphoric_times(text, surface, typ, value):
    t = one(text, "en", dt.date(1998, 3, 1), surface)
    assert (t.text, t.type, t.value) == (surface, typ, value)


def test_en_by_the_time_is_a_conjunction():
    assert tag("By the time he arrived, it was over.", "en", dt.date(1998, 3, 1)) == []


@pytest.mark.parametrize("text,surface,value", [
    ("Prices rose the past weekend.", "the past weekend", "1998-W19-WE"),
    ("Prices rose at the end of the summer.", "the end of the summer", "1998-SU"),
    ("Prices rose at the beginning of spring.", "the beginning of spring", "1998-SP"),
])
def test_en_past_weekend_and_qualified_seasons(text, surface, value):
    t = one(text, "en", dt.date(1998, 5, 14), surface)
    assert (t.text, t.value) == (surface, value)


def test_en_the_fall_of_a_regime_is_not_a_season():
    assert tag("Prices rose after the end of the fall of communism.", "en", dt.date(1998, 5, 14)) == []


def test_en_hours_ago_and_a_couple_of_weeks_ago():
    dct = dt.date(1998, 5, 14)
    # no clock time in the dct to count hours back from: the day (was 1998-05-14TXX:00)
    assert one("It happened two hours ago.", "en", dct, "two hours ago").value == "1998-05-14"
    # like "two weeks ago", counted back to the day
    assert one("It happened a couple of weeks ago.", "en", dct, "a couple of weeks ago").value == "1998-04-30"


def test_en_quarter_ended_a_day_is_dated_by_that_day():
    dct = dt.date(1989, 11, 2)
    # a fiscal quarter May-July is mostly the calendar second quarter, whatever the dct
    assert one("In the quarter ended July 31, Jayark had sales.", "en", dct, "the quarter").value == "1989-Q2"
    assert one("For the quarter ended Sept. 30, profit rose.", "en", dct, "the quarter").value == "1989-Q3"
    t = one("In the latest quarter ended June 30, 1989, profit fell.", "en", dct, "the latest quarter")
    assert (t.text, t.value) == ("the latest quarter", "1989-Q2")
    # the end date stays a timex of its own
    assert one("In the quarter ended July 31, Jayark had sales.", "en", dct, "July 31").value == "1989-07-31"


def test_en_rate_after_a_number_word_is_not_a_time():
    dct = dt.date(1998, 2, 13)
    assert tag("The airline adds four flights a week.", "en", dct) == []
    assert one("They met three times a year.", "en", dct, "a year").type == "SET"


@pytest.mark.parametrize("text,surface,value", [
    ("Sales will peak at Thanksgiving.", "Thanksgiving", "1989-11-23"),
    ("The market was closed for Labor Day.", "Labor Day", "1989-09-04"),
    ("Thanksgiving 1988 was cold.", "Thanksgiving 1988", "1988-11-24"),
    ("Memorial Day sales fell.", "Memorial Day", "1989-05-29"),
    ("Sales rose in '89.", "'89", "1989"),
    ("Sales will rise in fiscal '90.", "fiscal '90", "1990"),
])
def test_en_moveable_holidays_and_short_years(text, surface, value):
    t = one(text, "en", dt.date(1989, 11, 2), surface)
    assert (t.text, t.value) == (surface, value)


def test_nth_weekday_of_a_month():
    from dossier.timex.resolve import _nth_weekday
    assert _nth_weekday(1998, 11, "4-4") == 26  # Thanksgiving 1998
    assert _nth_weekday(1998, 5, "L-1") == 25  # Memorial Day 1998
    assert _nth_weekday(1998, 2, "5-1") is None  # no fifth Monday in February 1998


def test_en_the_future_of_something_is_not_a_time():
    dct = dt.date(1998, 2, 13)
    assert tag("That is very important to the future of our peoples.", "en", dct) == []
    assert tag("The future looks anything but encouraging.", "en", dct) == []
    assert one("Prices will rise in the future.", "en", dct, "the future").value == "FUTURE_REF"
    assert [t.value for t in tag("It caused violence for the past three summers.", "en", dct)] != ["PAST_REF"]


def test_en_titles_and_the_present_age_are_not_dates():
    dct = dt.date(1998, 2, 13)
    found = tag('Baker said on ABC\'s "This Week With David Brinkley" that it rose.', "en", dct)
    assert found == []
    assert tag("He told USA Today that it rose.", "en", dct) == []
    assert tag("It is the chip of many of today's personal computers.", "en", dct) == []
    assert one("Today's decision was a surprise.", "en", dct, "Today").value == "1998-02-13"
    assert one("This week, prices rose.", "en", dct, "This week").value == "1998-W07"


@pytest.mark.parametrize("text,expected", [
    ("Ambassador April Glaspie met Saddam.", []),
    ("He met August A. Busch III.", []),
    ("In April Congress voted.", [("April", "1990-04")]),
    ("Sales rose in April, June and August.", [("April", "1990-04"), ("June", "1990-06"), ("August", "1990-08")]),
])
def test_en_first_names_that_are_months(text, expected):
    assert [(t.text, t.value) for t in tag(text, "en", dt.date(1990, 8, 13))] == expected


@pytest.mark.parametrize("text,surface,typ,value", [
    ("Profit rose in 3Q.", "3Q", "DATE", "1989-Q3"),
    ("Profit rose in Q2 1989.", "Q2 1989", "DATE", "1989-Q2"),
    ("Profit rose in FY89.", "FY89", "DATE", "1989"),
    ("Profit rose early in the year.", "early in the year", "DATE", "1989"),
    ("Trading was heavy at midday.", "midday", "TIME", "1989-11-02TMI"),
    ("The index fell in the afternoon.", "the afternoon", "TIME", "1989-11-02TAF"),
])
def test_en_business_shorthand_and_parts_of_the_day(text, surface, typ, value):
    t = one(text, "en", dt.date(1989, 11, 2), surface)
    assert (t.text, t.type, t.value) == (surface, typ, value)


def test_en_part_of_the_day_follows_the_date_talked_about():
    text = "He left on Oct. 5. In the evening, he returned."
    assert one(text, "en", dt.date(1989, 11, 2), "the evening").value == "1989-10-05TEV"
    assert tag("He works in the morning shift.", "en", dt.date(1989, 11, 2)) == []


@pytest.mark.parametrize("text,surface,value", [
    ("The weeklong strike ended.", "weeklong", "P1W"),
    ("A yearlong probe ended.", "yearlong", "P1Y"),
    ("They held an hour-long meeting.", "hour-long", "PT1H"),
])
def test_en_unit_long_adjectives(text, surface, value):
    t = one(text, "en", dt.date(1989, 11, 2), surface)
    assert (t.text, t.type, t.value) == (surface, "DURATION", value)


def test_en_past_report_of_a_day_far_after_the_dct_is_last_year():
    dct = dt.date(1991, 1, 16)
    assert one("Iraq invaded Kuwait on Aug. 2.", "en", dct, "Aug. 2").value == "1990-08-02"
    # a plan stays ahead
    assert one("The talks will resume on Aug. 2.", "en", dct, "Aug. 2").value == "1991-08-02"


def test_en_shortly_after_is_a_conjunction():
    found = tag("Bombs fell shortly after midnight.", "en", dt.date(1991, 1, 16))
    assert [t.text for t in found] == ["midnight"]


def test_en_spoken_clock_and_scheduled_time_on_a_weekday():
    dct = dt.date(1998, 3, 5)  # a Thursday
    assert one("Join us at eight p.m. Eastern.", "en", dct, "eight p.m.").value == "1998-03-05T20:00"
    # a present-tense schedule with a clock time before the weekday points ahead
    assert one("Trading resumes at 9:30 a.m. Monday.", "en", dct, "Monday").value == "1998-03-09T09:30"
    assert one("Trading resumed at 9:30 a.m. Monday.", "en", dct, "Monday").value == "1998-03-02T09:30"


def test_en_a_year_ago_is_a_quarter_only_in_quarterly_reports():
    dct = dt.date(1989, 10, 26)
    text = "Profit in the third quarter rose to $5 million from $4 million a year ago."
    assert one(text, "en", dct, "a year ago").value == "1988-Q3"
    text = "Junk bonds are a quarter of the market, up from a fifth a year ago."
    assert one(text, "en", dct, "a year ago").value == "1988"


def test_en_the_year_alone_is_the_current_year():
    dct = dt.date(1989, 10, 30)
    text = "The stock rose to a high for the year of $42.875 a share in June."
    assert one(text, "en", dct, "the year").value == "1989"
    # the longer readings keep their own values
    assert one("Net for the year ended June 30 rose.", "en", dct, "the year").value == "P1Y"
    assert one("In the year-ago quarter it lost money.", "en", dct, "year-ago").value == "1988-Q3"
    assert one("By the year 2000 it will be done.", "en", dct, "2000").value == "2000"


def test_en_ages_in_decade_words_are_not_decades():
    dct = dt.date(1998, 1, 1)
    assert tag("Men in their forties are affected.", "en", dct) == []
    assert tag("He is in his early sixties.", "en", dct) == []
    assert one("It was popular in the forties.", "en", dct, "the forties").value == "194"


def test_en_race_results_are_not_clock_times():
    assert tag("10. Skibby 1:45", "en", dt.date(1996, 8, 20)) == []


def test_en_clock_time_in_a_part_of_the_day():
    dct = dt.date(1998, 1, 1)
    assert one("He woke at seven in the morning.", "en", dct, "seven").value == "1998-01-01T07:00"
    assert one("They met at 7:30 in the evening.", "en", dct, "7:30").value == "1998-01-01T19:30"
