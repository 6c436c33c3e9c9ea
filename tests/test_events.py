"""Sentence-level event frames (dossier/events/frames.py) on sentences of the sample articles.

Inputs (entities, times, places) are built by hand with the values the upstream stages give, so these
tests check only the attachment rules: which date belongs to which trigger, reporting verbs dating the
report, planned vs occurred, places and actors. One test at the end runs the real upstream modules.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.events.frames import Frame, frames
from dossier.events.table import load_table
from dossier.model import Entity, Place, Sentence, Timex
from dossier.timex.value import date_interval

REPO = Path(__file__).resolve().parents[1]

PLACES = {  # id: (name, lat, lon, kind)
    "country:KP": ("North Korea", 40.0, 127.0, "country"),
    "country:RU": ("Russia", 60.0, 100.0, "country"),
    "gn:1871859": ("Pyongyang", 39.034, 125.755, "city"),
    "gn:2013348": ("Vladivostok", 43.106, 131.874, "city"),
    "site:vostochny-cosmodrome": ("Vostochny Cosmodrome", 51.884, 128.334, "site"),
    "gn:524901": ("Moscow", 55.752, 37.616, "city"),
}


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def ent(text: str, needle: str, eid: str, label: str = "PER", nth: int = 0) -> Entity:
    s, e = _at(text, needle, nth)
    return Entity(s, e, needle, label, eid, eid)


def tmx(
    text: str,
    needle: str,
    value: str,
    value_end: str | None = None,
    precision: str | None = "day",
    type_: str = "DATE",
) -> Timex:
    s, e = _at(text, needle)
    return Timex(s, e, needle, type_, value, value_end, precision)


def plc(text: str, needle: str, pid: str, nth: int = 0) -> Place:
    s, e = _at(text, needle, nth)
    name, lat, lon, kind = PLACES[pid]
    return Place(s, e, needle, pid, name, lat, lon, kind)


def run(text: str, lang: str, published: dt.date | None, entities=(), times=(), places=()) -> list[Frame]:
    out = frames(
        text, lang, [Sentence(0, len(text), 0)], list(entities), list(times), list(places), published
    )
    for f in out:  # evidence offsets always point into the text
        assert 0 <= f.sentence_start <= f.trigger_start < f.trigger_end <= f.sentence_end <= len(text)
        assert text[f.trigger_start : f.trigger_end] == f.trigger
    return out


def of_type(fs: list[Frame], etype: str) -> list[Frame]:
    return [f for f in fs if f.type == etype]


# ---- Shoigu's visit to Pyongyang, July 2023 ---------------------------------------------------------------

VOA_SHOIGU = (
    "쇼이구 장관은 앞서 25일부터 사흘 간 북한의 ‘전승절(한국전쟁 정전협정) 70주년’을 맞아 "
    "김정은 북한 국무위원장의 초청을 받고 북한을 방문했습니다."
)


def test_korean_visit_takes_the_range_before_its_verb():
    t = VOA_SHOIGU
    fs = run(
        t,
        "ko",
        dt.date(2023, 7, 29),
        [
            ent(t, "쇼이구", "per:sergei-shoigu"),
            ent(t, "김정은", "per:kim-jong-un"),
            ent(t, "북한", "country:KP", "LOC"),
            ent(t, "북한", "country:KP", "LOC", nth=2),
        ],
        [tmx(t, "25일부터 사흘 간", "2023-07-25", "2023-07-27")],
        [plc(t, "북한", "country:KP", nth=2)],
    )
    (visit,) = of_type(fs, "visit")
    assert (visit.date, visit.date_end, visit.status) == ("2023-07-25", "2023-07-27", "occurred")
    assert visit.place_id == "country:KP"
    assert "per:sergei-shoigu" in visit.actor_ids
    assert visit.trigger == "방문"


HI_SHOIGU = (
    "लेकिन जुलाई में रूसी रक्षा मंत्री सर्गेई शोइगू की उत्तर कोरिया की दुर्लभ यात्रा के बाद देशों के सैन्य "
    "सहयोग के बारे में अटकलें तेज हो गईं"
)


def test_hindi_visit_in_july_keeps_month_precision():
    t = HI_SHOIGU
    fs = run(
        t,
        "hi",
        dt.date(2023, 9, 11),
        [ent(t, "सर्गेई शोइगू", "per:sergei-shoigu")],
        [tmx(t, "जुलाई", "2023-07", precision="month")],
        [plc(t, "उत्तर कोरिया", "country:KP")],
    )
    (visit,) = of_type(fs, "visit")
    assert (visit.date, visit.precision, visit.status) == ("2023-07", "month", "occurred")
    assert visit.place_id == "country:KP" and visit.actor_ids == ["per:sergei-shoigu"]


KO_SHOIGU_LAST_MONTH = (
    "로이터는 “러시아 쇼이구 국방장관은 지난달 한국전쟁 종전 70주년을 맞아 북한을 방문해 북한에서 "
    "'승리의 날'로 기념했다”며 “한국 국가정보원은 그가 김정은과 비공개 면담을 한 것으로 보인다고 "
    "말했다고 연합뉴스가 보도했다”고 밝혔다."
)


def test_date_inside_a_quote_belongs_to_the_quoted_event_not_the_reporter():
    t = KO_SHOIGU_LAST_MONTH
    fs = run(
        t,
        "ko",
        dt.date(2023, 9, 5),
        [
            ent(t, "로이터", "outlet:reuters", "ORG"),
            ent(t, "쇼이구", "per:sergei-shoigu"),
            ent(t, "국가정보원", "org:kr-nis", "ORG"),
            ent(t, "김정은", "per:kim-jong-un"),
            ent(t, "연합뉴스", "outlet:yonhap", "ORG"),
        ],
        [tmx(t, "지난달", "2023-08", precision="month")],
        [plc(t, "북한", "country:KP")],
    )
    (visit,) = of_type(fs, "visit")
    assert visit.date == "2023-08" and visit.place_id == "country:KP"
    assert visit.actor_ids == ["per:sergei-shoigu"]  # neither Reuters nor the NIS took part
    assert not of_type(fs, "statement")  # no date is attached to any of the three reporting verbs
    (meeting,) = of_type(fs, "meeting")
    assert meeting.date is None and "outlet:yonhap" not in meeting.actor_ids


# ---- Eastern Economic Forum, Vladivostok, 10-13 September 2023 ------------------------------------------

KO_EEF = (
    "요미우리는 NYT 보도를 인용하며 “두 정상은 이달 10일부터 13일까지 블라디보스토크에서 열리는 국제회의인 "
    "동방경제포럼에 참석할 예정이다”며 “북한 당국자들은 8월 말에 약 20명 대표단이 평양서 기차로 블라디보스토크까지."
)


def test_forum_range_place_and_planned_status():
    t = KO_EEF
    fs = run(
        t,
        "ko",
        dt.date(2023, 9, 5),
        [
            ent(t, "요미우리", "outlet:yomiuri", "ORG"),
            ent(t, "NYT", "outlet:nyt", "ORG"),
            ent(t, "동방경제포럼", "org:eef", "ORG"),
        ],
        [
            tmx(t, "이달 10일부터 13일까지", "2023-09-10", "2023-09-13"),
            tmx(t, "8월 말", "2023-08", precision="month"),
        ],
        [
            plc(t, "블라디보스토크", "gn:2013348"),
            plc(t, "평양", "gn:1871859"),
            plc(t, "블라디보스토크", "gn:2013348", nth=1),
        ],
    )
    (forum,) = of_type(fs, "forum")  # 국제회의 and 동방경제포럼 name one forum
    assert (forum.date, forum.date_end) == ("2023-09-10", "2023-09-13")
    assert forum.place_id == "gn:2013348"
    assert forum.status == "planned"  # 참석할 예정이다, and it lies after the 5 September article
    assert forum.actor_ids == ["org:eef"]


EN_EEF = (
    "Yomiuri cited a NYT report and said, “The two leaders are scheduled to attend the Eastern Economic "
    "Forum, an international conference held in Vladivostok from the 10th to the 13th of this month,”"
)


def test_forum_in_english():
    t = EN_EEF
    fs = run(
        t,
        "en",
        dt.date(2023, 9, 5),
        [
            ent(t, "Yomiuri", "outlet:yomiuri", "ORG"),
            ent(t, "NYT", "outlet:nyt", "ORG"),
            ent(t, "Eastern Economic Forum", "org:eef", "ORG"),
        ],
        [tmx(t, "from the 10th to the 13th of this month", "2023-09-10", "2023-09-13")],
        [plc(t, "Vladivostok", "gn:2013348")],
    )
    (forum,) = of_type(fs, "forum")
    assert (forum.date, forum.date_end, forum.place_id, forum.status) == (
        "2023-09-10",
        "2023-09-13",
        "gn:2013348",
        "planned",
    )


# ---- Kim's train leaves Pyongyang on the evening of 10 September; the summit is planned -------------------

HI_TRAIN = (
    "अज्ञात दक्षिण कोरियाई सरकारी सूत्रों का हवाला देते हुए, चोसुन इल्बो अखबार ने बताया कि ट्रेन संभवतः "
    "रविवार शाम को उत्तर कोरिया की राजधानी प्योंगयांग से रवाना हुई और किम-पुतिन की बैठक मंगलवार की "
    "शुरुआत में संभव है।"
)


def hi_train_frames() -> list[Frame]:
    t = HI_TRAIN
    return run(
        t,
        "hi",
        dt.date(2023, 9, 11),
        [
            ent(t, "चोसुन इल्बो", "outlet:chosun-ilbo", "ORG"),
            ent(t, "किम", "per:kim-jong-un"),
            ent(t, "पुतिन", "per:vladimir-putin"),
        ],
        [tmx(t, "रविवार शाम", "2023-09-10TEV", type_="TIME"), tmx(t, "मंगलवार की शुरुआत में", "2023-09-12")],
        [plc(t, "उत्तर कोरिया", "country:KP"), plc(t, "प्योंगयांग", "gn:1871859")],
    )


def test_hindi_departure_on_sunday_evening_from_pyongyang():
    (dep,) = of_type(hi_train_frames(), "departure")
    assert (dep.date, dep.status, dep.place_id) == ("2023-09-10TEV", "occurred", "gn:1871859")
    assert dep.trigger == "रवाना"


def test_hindi_planned_meeting_on_tuesday():
    (meet,) = of_type(hi_train_frames(), "meeting")
    assert (meet.date, meet.status) == ("2023-09-12", "planned")  # बैठक … संभव है
    assert set(meet.actor_ids) == {"per:kim-jong-un", "per:vladimir-putin"}
    assert meet.place_id != "gn:1871859"  # Pyongyang is where the train left, not where they meet


HI_MONDAY = (
    "दक्षिण कोरियाई मीडिया ने सोमवार को कहा कि उत्तर कोरियाई नेता किम जोंग उन को लेकर एक उत्तर कोरियाई ट्रेन "
    "रूसी राष्ट्रपति व्लादिमीर पुतिन के साथ संभावित बैठक के लिए रूस के लिए रवाना हो गई है।"
)


def test_hindi_reporting_verb_dates_the_report_only():
    t = HI_MONDAY
    fs = run(
        t,
        "hi",
        dt.date(2023, 9, 11),
        [ent(t, "किम जोंग उन", "per:kim-jong-un"), ent(t, "व्लादिमीर पुतिन", "per:vladimir-putin")],
        [tmx(t, "सोमवार", "2023-09-11")],
        [plc(t, "रूस", "country:RU")],
    )
    (stmt,) = of_type(fs, "statement")
    assert stmt.date == "2023-09-11" and stmt.trigger == "कहा"
    (dep,) = of_type(fs, "departure")
    assert dep.date is None  # Monday is when the media said it, not when the train left
    (meet,) = of_type(fs, "meeting")
    assert meet.status == "planned" and meet.date is None  # संभावित बैठक


KO_NYT = (
    "뉴욕타임스는 4일 북한의 김정은 조선노동당 총비서가 블라딕보스톡에서 9일 이후 푸틴 러시아 대통령과 회담을 "
    "계획하며 러시아와 무기 제공에서 핵추진잠수함 기술 거래 논의할 것으로 보도했다."
)


def test_korean_report_date_vs_planned_meeting_after_the_9th():
    t = KO_NYT
    fs = run(
        t,
        "ko",
        dt.date(2023, 9, 5),
        [
            ent(t, "뉴욕타임스", "outlet:nyt", "ORG"),
            ent(t, "김정은", "per:kim-jong-un"),
            ent(t, "조선노동당", "org:wpk", "ORG"),
            ent(t, "푸틴", "per:vladimir-putin"),
        ],
        [tmx(t, "4일", "2023-09-04"), tmx(t, "9일", "2023-09-09")],
        [plc(t, "블라딕보스톡", "gn:2013348"), plc(t, "러시아", "country:RU")],
    )
    (meet,) = of_type(fs, "meeting")
    assert (meet.date, meet.date_mod, meet.status) == ("2023-09-09", "AFTER", "planned")
    assert meet.place_id == "gn:2013348"  # not 러시아, which is Putin's title here
    assert {"per:kim-jong-un", "per:vladimir-putin"} <= set(meet.actor_ids)
    assert "org:wpk" not in meet.actor_ids  # 조선노동당 총비서 is Kim's title
    (stmt,) = of_type(fs, "statement")
    assert stmt.date == "2023-09-04" and stmt.actor_ids == ["outlet:nyt"]
    assert all(f.date != "2023-09-04" for f in fs if f.type != "statement")


EN_NYT = (
    "The New York Times reported on the 4th that North Korea's Kim Jong-un, general secretary of the "
    "Workers' Party of Korea, plans to meet with Russian President Putin in Vladikvostok after the 9th "
    "and discuss nuclear-powered submarine technology trade with Russia in addition to providing weapons."
)


def test_english_report_date_vs_planned_meeting_after_the_9th():
    t = EN_NYT
    fs = run(
        t,
        "en",
        dt.date(2023, 9, 5),
        [
            ent(t, "The New York Times", "outlet:nyt", "ORG"),
            ent(t, "Kim Jong-un", "per:kim-jong-un"),
            ent(t, "Putin", "per:vladimir-putin"),
        ],
        [tmx(t, "the 4th", "2023-09-04"), tmx(t, "the 9th", "2023-09-09")],
        [
            plc(t, "North Korea", "country:KP"),
            plc(t, "Vladikvostok", "gn:2013348"),
            plc(t, "Russia", "country:RU", nth=1),
        ],
    )
    (meet,) = of_type(fs, "meeting")
    assert (meet.date, meet.date_mod, meet.status, meet.place_id) == (
        "2023-09-09",
        "AFTER",
        "planned",
        "gn:2013348",
    )
    (stmt,) = of_type(fs, "statement")
    assert stmt.date == "2023-09-04"
    assert date_interval(meet.date, meet.date_end, meet.date_mod)[0] == dt.date(2023, 9, 9)


WIKI_CONFIRMED = (
    "On 10 September, the meeting was confirmed by both sides after Kim Jong Un departed Pyongyang "
    "with his personal armoured train that he had previously used to visit Russia in 2019."
)


def test_english_fronted_date_goes_to_the_verb_not_the_noun_trigger():
    t = WIKI_CONFIRMED
    fs = run(
        t,
        "en",
        None,
        [ent(t, "Kim Jong Un", "per:kim-jong-un")],
        [tmx(t, "10 September", "2023-09-10"), tmx(t, "2019", "2019", precision="year")],
        [plc(t, "Pyongyang", "gn:1871859"), plc(t, "Russia", "country:RU")],
    )
    (meet,) = of_type(fs, "meeting")
    assert meet.date is None  # the summit was on the 13th; the 10th is when it was confirmed
    assert of_type(fs, "statement")[0].date == "2023-09-10"
    (dep,) = of_type(fs, "departure")
    assert dep.place_id == "gn:1871859"
    (visit,) = of_type(fs, "visit")
    assert visit.date == "2019" and visit.place_id == "country:RU"


WIKI_MET = (
    "The visit included a summit meeting between North Korea and Russia where Kim Jong Un met with "
    "Russian President Vladimir Putin on 13 September 2023."
)


def test_english_summit_date_and_countries_between_are_not_the_venue():
    t = WIKI_MET
    fs = run(
        t,
        "en",
        None,
        [ent(t, "Kim Jong Un", "per:kim-jong-un"), ent(t, "Vladimir Putin", "per:vladimir-putin")],
        [tmx(t, "13 September 2023", "2023-09-13")],
        [plc(t, "North Korea", "country:KP"), plc(t, "Russia", "country:RU")],
    )
    (meet,) = of_type(fs, "meeting")  # "summit meeting" and "met" are one frame
    assert (meet.date, meet.status) == ("2023-09-13", "occurred")
    assert meet.place_id is None  # "between North Korea and Russia" names the parties


# ---- Komsomolsk-on-Amur, 15 September: the visit is a factory inspection -------------------------------

KO_KOMSOMOLSK = (
    "김정은 북한 국무위원장이 오늘(15일) 러시아 극동 지역의 최신예 전투기 제조공장 등을 방문했다고 러시아 국영 "
    "‘타스(TASS)’ 통신이 보도했습니다."
)


def test_korean_event_date_before_reported_clause_is_not_the_report_date():
    t = KO_KOMSOMOLSK
    fs = run(
        t,
        "ko",
        dt.date(2023, 9, 15),
        [ent(t, "김정은", "per:kim-jong-un"), ent(t, "타스", "outlet:tass", "ORG")],
        [tmx(t, "오늘(15일)", "2023-09-15")],
        [],
    )
    (insp,) = of_type(fs, "inspection")  # 제조공장 … 방문 is a factory visit
    assert insp.date == "2023-09-15" and insp.actor_ids == ["per:kim-jong-un"]
    assert not of_type(fs, "statement")


def test_korean_impersonal_report_does_not_take_the_topic_date():
    t = "김 위원장은 이날 시찰을 마친 뒤 블라디보스토크로 향하고 있는 것으로 알려졌습니다."
    fs = run(
        t,
        "ko",
        dt.date(2023, 9, 15),
        [ent(t, "김 위원장", "per:kim-jong-un")],
        [tmx(t, "이날", "2023-09-15")],
        [plc(t, "블라디보스토크", "gn:2013348")],
    )
    assert not of_type(fs, "statement")
    assert of_type(fs, "inspection")[0].date == "2023-09-15"
    (travel,) = of_type(fs, "travel")
    assert travel.place_id == "gn:2013348"


def test_korean_chained_verbs_share_a_date_but_not_across_a_clause():
    t = "김 위원장은 2019년 4월 전용열차로 블라디보스토크를 방문해 푸틴 대통령을 만나기도 했다"
    fs = run(
        t,
        "ko",
        dt.date(2023, 9, 5),
        [ent(t, "김 위원장", "per:kim-jong-un"), ent(t, "푸틴", "per:vladimir-putin")],
        [tmx(t, "2019년 4월", "2019-04", precision="month")],
        [plc(t, "블라디보스토크", "gn:2013348")],
    )
    visit, meet = of_type(fs, "visit")[0], of_type(fs, "meeting")[0]
    assert visit.date == meet.date == "2019-04"
    assert visit.date_mod is None  # 전용열차 (private train) is not 전 ("before")
    assert meet.date_inherited and not visit.date_inherited

    t2 = (
        "앞서 김 위원장은 13일 블라디미르 푸틴 대통령과 아무르주 보스토치니 우주기지에서 정상회담을 가졌으며, "
        "푸틴 대통령은 김 위원장의 방북 초청을 수락했습니다."
    )
    fs2 = run(
        t2,
        "ko",
        dt.date(2023, 9, 15),
        [ent(t2, "김 위원장", "per:kim-jong-un"), ent(t2, "블라디미르 푸틴", "per:vladimir-putin")],
        [tmx(t2, "13일", "2023-09-13")],
        [plc(t2, "보스토치니 우주기지", "site:vostochny-cosmodrome")],
    )
    (summit,) = of_type(fs2, "meeting")
    assert (summit.date, summit.place_id) == ("2023-09-13", "site:vostochny-cosmodrome")
    assert of_type(fs2, "visit")[0].date is None  # the invitation to visit is not dated the 13th


def test_future_date_makes_a_frame_planned_and_past_date_occurred():
    t = "Kim Jong Un met Vladimir Putin on 13 September 2023."
    times = [tmx(t, "13 September 2023", "2023-09-13")]
    ents = [ent(t, "Kim Jong Un", "per:kim-jong-un"), ent(t, "Vladimir Putin", "per:vladimir-putin")]
    assert run(t, "en", dt.date(2023, 9, 15), ents, times)[0].status == "occurred"
    assert run(t, "en", dt.date(2023, 9, 5), ents, times)[0].status == "planned"


def test_language_without_table_and_empty_inputs():
    assert frames("Ким встретился с Путиным.", "ru", [Sentence(0, 25, 0)], [], [], [], None) == []
    assert frames("", "en", [], [], [], [], None) == []
    assert run("Nothing happened here at all.", "en", None) == []


def test_table_covers_every_type_in_every_language():
    table = load_table()
    assert set(table.langs) >= {"en", "ko", "hi"}
    for lang, lt in table.langs.items():
        covered = {t.type for t in lt.triggers}
        assert covered == set(table.types()) - {"statement"}, lang
        assert lt.reporting, lang
    for t, others in table.fuse_with.items():
        assert all(t in table.fuse_with[o] for o in others)


def test_durations_do_not_date_events():
    t = "पिछले 17 महीनों में यूक्रेन पर हमले जारी हैं"
    fs = run(
        t, "hi", dt.date(2023, 9, 11), [], [tmx(t, "पिछले 17 महीनों", "P17M", type_="DURATION", precision=None)]
    )
    assert fs and all(f.date is None for f in fs)


def test_a_date_and_place_inside_a_since_phrase_belong_to_that_phrase_not_the_visit():
    t = "This was Kim's first official visit overseas since the start of the pandemic in North Korea in 2020."
    fs = run(t, "en", None, [], [tmx(t, "2020", "2020", precision="year")], [plc(t, "North Korea", "country:KP")])
    assert of_type(fs, "visit") and all(f.date is None and f.place_id is None for f in of_type(fs, "visit"))
    # right after "since" the date still bounds the event
    t2 = "He has not visited Russia since 2019."
    fs2 = run(t2, "en", None, [], [tmx(t2, "2019", "2019", precision="year")])
    assert [(f.date, f.date_mod) for f in of_type(fs2, "visit")] == [("2019", "AFTER")]


def test_each_verb_keeps_the_date_of_its_own_clause():
    t = "Kim left Pyongyang on Sunday evening and arrived in the border town of Khasan early Tuesday."
    fs = run(t, "en", dt.date(2023, 9, 13), [ent(t, "Kim", "per:kim-jong-un")],
             [tmx(t, "Sunday evening", "2023-09-10TEV"), tmx(t, "early Tuesday", "2023-09-12")])
    assert [(f.type, f.date) for f in fs] == [("departure", "2023-09-10TEV"), ("arrival", "2023-09-12")]
    t2 = "Kim will travel to Komsomolsk-on-Amur later this week to visit aircraft factories."
    fs2 = run(t2, "en", dt.date(2023, 9, 13), [ent(t2, "Kim", "per:kim-jong-un")],
              [tmx(t2, "later this week", "2023-W37", precision="week")])
    assert [f.date for f in of_type(fs2, "travel")] == ["2023-W37"]
    t3 = "Shoigu visited Pyongyang in July for celebrations marking the anniversary."
    fs3 = run(t3, "en", dt.date(2023, 9, 13), [ent(t3, "Shoigu", "per:sergei-shoigu")],
              [tmx(t3, "July", "2023-07", precision="month")])
    assert [f.date for f in of_type(fs3, "visit")] == ["2023-07"]


def test_a_modal_reaches_the_second_of_two_joined_verbs():
    t = ("Officials said that Chairman Kim will take a train from Pyongyang to Vladivostok on the Pacific "
         "coast of Russia and meet President Putin.")
    (meeting,) = of_type(run(t, "en", dt.date(2023, 9, 5)), "meeting")
    assert meeting.status == "planned"
    t2 = "Kim visited Vladivostok in April 2019 and met President Putin."
    (past,) = of_type(run(t2, "en", dt.date(2023, 9, 5)), "meeting")
    assert past.status == "occurred"


def test_a_missile_salvo_is_a_weapons_test():
    t = "North Korea fired two short-range ballistic missiles into the sea."
    assert of_type(run(t, "en", dt.date(2023, 9, 13)), "weapons_test")


def test_cities_are_where_not_who_but_countries_can_act():
    t = "Kim Jong Un met Vladimir Putin after stops in Vladivostok and Moscow, and North Korea and Russia agreed."
    ents = [
        ent(t, "Kim Jong Un", "per:kim-jong-un"),
        ent(t, "Vladimir Putin", "per:vladimir-putin"),
        ent(t, "Vladivostok", "x:platipostok", "LOC"),  # an unlinked location name
        ent(t, "Moscow", "x:mosku", "PER"),  # mislabelled, but the geoparser read it as a city
    ]
    fs = run(t, "en", None, ents, [], [plc(t, "Moscow", "gn:524901")])
    (meeting,) = of_type(fs, "meeting")
    assert meeting.actor_ids == ["per:kim-jong-un", "per:vladimir-putin"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "방문했다",
                " visited ",
                "बैठक",
                "“",
                "”",
                "4일",
                " said ",
                "ने कहा",
                ", ",
                "예정",
                "회담",
                "met",
                "रवाना",
                "\n",
                " ",
                "x",
            ]
        ),
        max_size=30,
    ),
    st.sampled_from(["en", "ko", "hi"]),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
)
def test_property_offsets_stay_in_the_sentence(parts, lang, dct):
    text = "".join(parts)
    times = []
    i = text.find("4일")
    if i >= 0:
        times.append(Timex(i, i + 2, "4일", "DATE", dct.isoformat(), None, "day"))
    fs = frames(text, lang, [Sentence(0, len(text), 0)], [], times, [], dct)
    for f in fs:
        assert 0 <= f.trigger_start < f.trigger_end <= len(text)
        assert f.date is None or f.date == dct.isoformat()


# ---- the real upstream modules --------------------------------------------------------------------------


@pytest.mark.slow
def test_integration_hindi_article_with_real_modules():
    from dossier.geo import places as places_mod
    from dossier.linking import link
    from dossier.text import segment
    from dossier.timex import tag as timex

    path = REPO / "data" / "articles" / "hi-kim-train-to-russia.txt"
    text = path.read_text(encoding="utf-8")
    pub = dt.date(2023, 9, 11)
    segs = segment.segment(text, "hi")
    sents = segment.sentences(text, segs)
    spans = link.kb_matches(text, "hi")
    ents = link.link_entities(text, "hi", spans)
    pls = places_mod.geoparse(text, "hi", spans)
    fs = frames(text, "hi", sents, ents, timex.tag(text, "hi", pub), pls, pub, segments=segs)
    deps = [f for f in of_type(fs, "departure") if f.date]
    assert [f.date for f in deps] == ["2023-09-10TEV"]
    meets = [f for f in of_type(fs, "meeting") if f.date == "2023-09-12"]
    assert meets and meets[0].status == "planned"
    assert all(f.date != "2023-09-11" for f in fs if f.type != "statement")


def test_table_refuses_yaml_booleans_in_word_lists(tmp_path):
    from dossier.events.table import TABLE_FILE, load_table_from

    text = TABLE_FILE.read_text(encoding="utf-8").replace('via, "on"]', "via, on]")
    bad = tmp_path / "event_types.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="not a string"):
        load_table_from(bad)


def test_invited_visit_is_planned_and_its_word_names_the_destination():
    t = "앞서 김 위원장은 13일 정상회담을 가졌으며, 푸틴 대통령은 김 위원장의 방북 초청을 수락했습니다."
    fs = run(
        t, "ko", dt.date(2023, 9, 15), [ent(t, "푸틴", "per:vladimir-putin")], [tmx(t, "13일", "2023-09-13")]
    )
    (visit,) = of_type(fs, "visit")
    assert (visit.status, visit.place_id, visit.date) == ("planned", "country:KP", None)


def test_each_segment_is_read_in_its_own_language():
    from dossier.model import Segment

    text = "쇼이구 장관은 북한을 방문했습니다.\nShoigu visited North Korea.\n쇼이구, 북한, 방문, 러시아, 무기"
    a, b = text.index("\n"), text.rindex("\n")
    segs = [
        Segment(0, a, "ko"),
        Segment(a + 1, b, "en", parallel_of=0),
        Segment(b + 1, len(text), "ko", kind="keywords"),
    ]
    sents = [Sentence(0, a, 0), Sentence(a + 1, b, 1), Sentence(b + 1, len(text), 2)]
    fs = frames(text, "ko", sents, [], [], [], dt.date(2023, 9, 5), segments=segs)
    assert [f.trigger for f in fs] == ["방문", "visited"]  # the keyword line gives nothing
