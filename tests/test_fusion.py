"""Fusion of event frames across sentences, articles and languages (dossier/events/fusion.py).

Frames are built by hand as dossier.events.frames gives them for sentences of the sample articles (the
sentence text is the real one, in its own script); places resolve through a small table so the
tests do not load the gazetteer.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from dossier.events.frames import Frame
from dossier.events.fusion import FrameRef, PlaceInfo, fuse

PLACES = {
    "country:KP": PlaceInfo("country", "KP"),
    "country:RU": PlaceInfo("country", "RU"),
    "gn:1871859": PlaceInfo("city", "KP", 39.034, 125.755),  # Pyongyang
    "gn:2013348": PlaceInfo("city", "RU", 43.106, 131.874),  # Vladivostok
    "site:fefu-russky": PlaceInfo("site", "RU", 43.025, 131.893),  # EEF venue on Russky Island
    "site:vostochny-cosmodrome": PlaceInfo("site", "RU", 51.884, 128.334),
}
SHOIGU, KIM, PUTIN, EEF = "per:sergei-shoigu", "per:kim-jong-un", "per:vladimir-putin", "org:eef"
VOA_0729, HI_0911, KO_0905 = (
    "voakorea-blinken-shoigu-20230729",
    "hi-kim-train-to-russia",
    "ko-en-nk-russia-alliance",
)
VOA_0915, WIKI, KREMLIN = (
    "voakorea-komsomolsk-20230915",
    "wiki-en-kim-visit-russia-2023",
    "kremlin-en-eef-moderators-20230912",
)
PUBLISHED = {
    VOA_0729: dt.date(2023, 7, 29),
    HI_0911: dt.date(2023, 9, 11),
    KO_0905: dt.date(2023, 9, 5),
    VOA_0915: dt.date(2023, 9, 15),
    WIKI: None,
    KREMLIN: dt.date(2023, 9, 12),
}
LANG = {VOA_0729: "ko", HI_0911: "hi", KO_0905: "ko", VOA_0915: "ko", WIKI: "en", KREMLIN: "en"}


def ref(
    article: str,
    sentence: str,
    etype: str,
    trigger: str,
    actors: list[str],
    date: str | None = None,
    date_end: str | None = None,
    *,
    place: str | None = None,
    status: str = "occurred",
    precision: str | None = None,
    mod: str | None = None,
    offset: int = 0,
    lang: str | None = None,
) -> FrameRef:
    t0 = sentence.index(trigger)
    if precision is None and date:
        precision = {4: "year", 7: "month"}.get(len(date), "day")
    f = Frame(
        type=etype,
        date=date,
        date_end=date_end,
        place_id=place,
        actor_ids=actors,
        sentence_start=offset,
        sentence_end=offset + len(sentence),
        status=status,
        precision=precision,
        date_mod=mod,
        trigger_start=offset + t0,
        trigger_end=offset + t0 + len(trigger),
        trigger=trigger,
    )
    return FrameRef(article, PUBLISHED[article], lang or LANG[article], f, sentence)


def run(refs: list[FrameRef]):
    return fuse(refs, places=PLACES)


def only(events, etype):
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, [(e.type, e.date, [s.article_id for s in e.sources]) for e in events]
    return found[0]


# ---- Shoigu in Pyongyang: July by two articles, "last month" (August) by a third -------------------------

SHOIGU_REFS = [
    ref(
        VOA_0729,
        "쇼이구 장관은 앞서 25일부터 사흘 간 북한의 ‘전승절(한국전쟁 정전협정) 70주년’을 맞아 김정은 북한 "
        "국무위원장의 초청을 받고 북한을 방문했습니다.",
        "visit",
        "방문",
        [SHOIGU, KIM],
        "2023-07-25",
        "2023-07-27",
        place="country:KP",
        offset=300,
    ),
    ref(
        VOA_0729,
        "블링컨 “쇼이구 북한 방문은 러시아 무기 확보 위한 것”",
        "visit",
        "방문",
        [SHOIGU],
        place="country:KP",
    ),
    ref(
        HI_0911,
        "लेकिन जुलाई में रूसी रक्षा मंत्री सर्गेई शोइगू की उत्तर कोरिया की दुर्लभ यात्रा के बाद देशों के सैन्य सहयोग "
        "के बारे में अटकलें तेज हो गईं",
        "visit",
        "यात्रा",
        [SHOIGU],
        "2023-07",
        place="country:KP",
        offset=5000,
    ),
    ref(
        KO_0905,
        "로이터는 “러시아 쇼이구 국방장관은 지난달 한국전쟁 종전 70주년을 맞아 북한을 방문해 북한에서 '승리의 날'로 "
        "기념했다”며",
        "visit",
        "방문",
        [SHOIGU],
        "2023-08",
        place="country:KP",
        offset=2000,
    ),
    ref(
        KO_0905,
        "Reuters said, “Russian Defense Minister Shoigu visited North Korea last month to mark the 70th "
        "anniversary of the end of the Korean War",
        "visit",
        "visited",
        [SHOIGU],
        "2023-08",
        place="country:KP",
        offset=9000,
        lang="en",
    ),
    ref(
        KO_0905,
        "미국 백악관 국가안보회의(NSC) 에이드리언 왓슨 대변인은 관련 질의에 “세르게이 쇼이구 러시아 국방장관이 평양을 "
        "방문해 북한이 러시아에 포탄을 판매하도록 설득하기 위해 노력했다”",
        "visit",
        "방문",
        [SHOIGU],
        place="gn:1871859",
        offset=400,
    ),
]


def test_shoigu_visit_is_one_event_with_a_conflict_and_the_better_supported_date():
    ev = only(run(SHOIGU_REFS), "visit")
    assert len(ev.sources) == len(SHOIGU_REFS)
    assert set(ev.articles) == {VOA_0729, HI_0911, KO_0905}
    assert ev.conflict
    # July is given by two independent articles (25-27 July lies inside "July"); August by one.
    # The day-precise July reading wins the tie with "July".
    assert (ev.date, ev.date_end, ev.precision) == ("2023-07-25", "2023-07-27", "day")
    readings = {(r.date, r.date_end): r for r in ev.readings}
    assert set(readings) == {("2023-07-25", "2023-07-27"), ("2023-07", None), ("2023-08", None)}
    assert readings[("2023-08", None)].support == 1  # Korean text and its English translation: one article
    assert readings[("2023-08", None)].agreeing == 1
    assert readings[("2023-07", None)].agreeing == 2
    assert ev.place_id == "gn:1871859"  # Pyongyang lies in North Korea: the precise place is shown
    assert ev.actor_ids[0] == SHOIGU
    # every source keeps the reading it gave
    by_article = {(s.article_id, s.date) for s in ev.sources}
    assert (KO_0905, "2023-08") in by_article and (HI_0911, "2023-07") in by_article


def test_tie_between_single_articles_goes_to_the_more_precise_reading():
    refs = [SHOIGU_REFS[0], SHOIGU_REFS[3]]
    ev = only(run(refs), "visit")
    assert ev.conflict and (ev.date, ev.date_end) == ("2023-07-25", "2023-07-27")


def test_more_articles_beat_precision():
    extra = ref(
        VOA_0915,
        "러시아 쇼이구 국방장관은 지난달 북한을 방문했다.",
        "visit",
        "방문",
        [SHOIGU],
        "2023-08",
        place="country:KP",
    )
    ev = only(run([SHOIGU_REFS[0], SHOIGU_REFS[3], extra]), "visit")
    assert ev.date == "2023-08" and ev.conflict


def test_agreeing_sources_are_not_a_conflict():
    ev = only(run([SHOIGU_REFS[0], SHOIGU_REFS[2]]), "visit")
    assert not ev.conflict and ev.date == "2023-07-25"


def test_result_does_not_depend_on_input_order():
    refs = SHOIGU_REFS + SUMMIT_REFS + EEF_REFS + TRAIN_REFS
    first = [(e.id, e.date, len(e.sources)) for e in run(refs)]
    for seed in range(5):
        shuffled = refs[:]
        random.Random(seed).shuffle(shuffled)
        assert [(e.id, e.date, len(e.sources)) for e in run(shuffled)] == first


# ---- the Kim-Putin summit: planned in Vladivostok "after the 9th" / "early Tuesday", held 13 Sept -------

def voa_vostochny_summit(offset: int = 0) -> FrameRef:
    """VOA Korea, 15 September: the summit held on the 13th at the Vostochny Cosmodrome."""
    return ref(
        VOA_0915,
        "앞서 김 위원장은 13일 블라디미르 푸틴 대통령과 아무르주 보스토치니 우주기지에서 정상회담을 가졌으며,",
        "meeting",
        "정상회담",
        [KIM, PUTIN],
        "2023-09-13",
        place="site:vostochny-cosmodrome",
        offset=offset,
    )


SUMMIT_REFS = [
    ref(
        KO_0905,
        "뉴욕타임스는 4일 북한의 김정은 조선노동당 총비서가 블라딕보스톡에서 9일 이후 푸틴 러시아 대통령과 회담을 계획하며",
        "meeting",
        "회담",
        [KIM, PUTIN],
        "2023-09-09",
        place="gn:2013348",
        status="planned",
        mod="AFTER",
        offset=100,
    ),
    ref(
        HI_0911,
        "ट्रेन संभवतः रविवार शाम को उत्तर कोरिया की राजधानी प्योंगयांग से रवाना हुई और किम-पुतिन की बैठक मंगलवार की "
        "शुरुआत में संभव है।",
        "meeting",
        "बैठक",
        [KIM, PUTIN],
        "2023-09-12",
        status="planned",
        offset=300,
    ),
]
SUMMIT_HELD = [
    ref(
        WIKI,
        "The visit included a summit meeting between North Korea and Russia where Kim Jong Un met with Russian "
        "President Vladimir Putin on 13 September 2023.",
        "meeting",
        "met",
        [KIM, PUTIN],
        "2023-09-13",
        offset=500,
    ),
    ref(
        WIKI,
        "The meeting was held at the Vostochny Cosmodrome in the Russian Far East.",
        "meeting",
        "meeting",
        [KIM],
        place="site:vostochny-cosmodrome",
        offset=650,
    ),
    voa_vostochny_summit(offset=400),
]


def test_planned_summit_alone_shows_the_planned_date():
    ev = only(run(SUMMIT_REFS), "meeting")
    assert ev.status == "planned"
    assert ev.date == "2023-09-12"  # "after the 9th" agrees with Tuesday the 12th; the 12th is exact
    assert not ev.conflict
    assert ev.place_id == "gn:2013348"


def test_held_summit_absorbs_the_plans_without_calling_them_a_conflict():
    ev = only(run(SUMMIT_REFS + SUMMIT_HELD), "meeting")
    assert len(ev.sources) == 5
    assert (ev.status, ev.date, ev.place_id) == ("occurred", "2023-09-13", "site:vostochny-cosmodrome")
    assert not ev.conflict  # a plan for the 12th is an expectation, not a disagreeing report
    statuses = {(r.date, r.status) for r in ev.readings}
    assert ("2023-09-12", "planned") in statuses and ("2023-09-13", "occurred") in statuses
    assert next(r for r in ev.readings if r.date == "2023-09-13").support == 2


def test_putins_forum_videoconference_is_not_the_summit():
    kremlin = ref(
        KREMLIN,
        "Vladimir Putin held a videoconference meeting with representatives of the business and "
        "expert communities who moderate sessions of the Eastern Economic Forum.",
        "meeting",
        "meeting",
        [PUTIN, EEF],
    )
    events = run(SUMMIT_HELD + [kremlin])
    meetings = [e for e in events if e.type == "meeting"]
    assert len(meetings) == 2
    assert any(e.sources == [s for s in e.sources if s.article_id == KREMLIN] for e in meetings)


def test_occurred_events_at_distant_places_stay_apart():
    a = voa_vostochny_summit()
    b = ref(
        KO_0905,
        "김 위원장은 블라디보스토크에서 푸틴 대통령을 만났다.",
        "meeting",
        "만났",
        [KIM, PUTIN],
        "2023-09-13",
        place="gn:2013348",
    )
    assert len(run([a, b])) == 2


# ---- the Eastern Economic Forum, 10-13 September, Vladivostok ------------------------------------------

EEF_REFS = [
    ref(
        KO_0905,
        "요미우리는 NYT 보도를 인용하며 “두 정상은 이달 10일부터 13일까지 블라디보스토크에서 열리는 국제회의인 "
        "동방경제포럼에 참석할 예정이다”며",
        "forum",
        "국제회의",
        [EEF],
        "2023-09-10",
        "2023-09-13",
        place="gn:2013348",
        status="planned",
        offset=1500,
    ),
    ref(
        KO_0905,
        "Yomiuri cited a NYT report and said, “The two leaders are scheduled to attend the Eastern Economic "
        "Forum, an international conference held in Vladivostok from the 10th to the 13th of this month,”",
        "forum",
        "conference",
        [EEF],
        "2023-09-10",
        "2023-09-13",
        place="gn:2013348",
        status="planned",
        offset=8000,
        lang="en",
    ),
    ref(
        KREMLIN,
        "Vladimir Putin held a videoconference meeting with representatives of the business and expert "
        "communities who moderate sessions of the Eastern Economic Forum.",
        "forum",
        "Forum",
        [PUTIN, EEF],
        place="site:fefu-russky",
    ),
]


def test_forum_fuses_languages_and_counts_one_article_once():
    ev = only(run(EEF_REFS), "forum")
    assert (ev.date, ev.date_end, ev.precision) == ("2023-09-10", "2023-09-13", "day")
    assert len(ev.sources) == 3 and set(ev.articles) == {KO_0905, KREMLIN}
    assert ev.readings[0].support == 1  # Korean and English of one article
    assert ev.status == "occurred"  # the Kremlin reports it under way
    assert ev.place_id in {"gn:2013348", "site:fefu-russky"}  # 15 km apart: one venue
    assert not ev.conflict


# ---- Kim's train: left Pyongyang on the evening of 10 September ---------------------------------------

TRAIN_REFS = [
    ref(
        HI_0911,
        "ट्रेन संभवतः रविवार शाम को उत्तर कोरिया की राजधानी प्योंगयांग से रवाना हुई",
        "departure",
        "रवाना",
        [KIM],
        "2023-09-10TEV",
        place="gn:1871859",
        offset=300,
    ),
    ref(
        WIKI,
        "On 10 September, the meeting was confirmed by both sides after Kim Jong Un departed Pyongyang with his "
        "personal armoured train",
        "departure",
        "departed",
        [KIM],
        place="gn:1871859",
        offset=900,
    ),
    ref(
        KO_0905,
        "“김 위원장이 평양에서 기차를 타고 러시아 태평양 연안의 블라디보스톡으로 이동해 푸틴 대통령 만날 예정이라고 "
        "관계자들이 말했다”",
        "travel",
        "이동",
        [KIM],
        place="gn:2013348",
        status="planned",
        offset=3000,
    ),
]


def test_departure_keeps_its_evening_date_and_takes_undated_mentions():
    events = run(TRAIN_REFS)
    dep = only(events, "departure")
    assert (dep.date, dep.place_id, dep.status) == ("2023-09-10TEV", "gn:1871859", "occurred")
    assert {s.article_id for s in dep.sources} >= {HI_0911, WIKI}


def test_visits_years_apart_are_different_events():
    v2019 = ref(
        KO_0905,
        "김 위원장은 2019년 4월 전용열차로 블라디보스토크를 방문해",
        "visit",
        "방문",
        [KIM],
        "2019-04",
        place="gn:2013348",
    )
    v2023 = ref(
        WIKI,
        "On September 13–17, 2023, General Secretary of the Workers' Party of Korea Kim Jong Un visited "
        "Russia.",
        "visit",
        "visited",
        [KIM],
        "2023-09-13",
        "2023-09-17",
        place="country:RU",
    )
    events = run([v2019, v2023])
    assert sorted(e.date for e in events) == ["2019-04", "2023-09-13"]
    assert not any(e.conflict for e in events)


def test_an_undated_mention_joins_the_event_whose_participants_it_names_not_a_larger_one():
    kim_visit = ref(WIKI, "On September 13–17, 2023, Kim Jong Un visited Russia.", "visit", "visited", [KIM],
                    "2023-09-13", "2023-09-17", place="country:RU")
    first = ref(WIKI, "This was Kim's first official visit overseas since the start of the pandemic.", "visit",
                "visit", [KIM], offset=400)
    events = run(SHOIGU_REFS[:1] + [kim_visit, first])
    (joined,) = [e for e in events if any(s.sentence.startswith("This was") for s in e.sources)]
    assert joined.actor_ids == [KIM] and joined.date == "2023-09-13"


def test_an_undated_articles_undated_mention_goes_to_the_event_nearest_its_story():
    WPK = "org:wpk"
    old = ref(KO_0905, "김 위원장은 2019년 4월 블라디보스토크에서 푸틴 대통령을 만났다.", "meeting", "만났", [KIM, PUTIN],
              "2019-04", place="gn:2013348")
    summit = ref(WIKI, "Kim Jong Un met Vladimir Putin on 13 September 2023.", "meeting", "met", [KIM, PUTIN, WPK],
                 "2023-09-13", place="site:vostochny-cosmodrome")
    confirmed = ref(WIKI, "On 10 September, the meeting was confirmed by both sides.", "meeting", "meeting",
                    [KIM, PUTIN], offset=500)
    events = run([old, summit, confirmed])
    (joined,) = [e for e in events if any(s.sentence.startswith("On 10 September") for s in e.sources)]
    assert joined.date == "2023-09-13"


def test_an_article_cannot_have_reported_a_later_event_as_done():
    komsomolsk = ref(
        VOA_0915,
        "김정은 북한 국무위원장이 오늘(15일) 러시아 극동 지역의 최신예 전투기 제조공장 등을 방문했다고",
        "inspection",
        "방문",
        [KIM],
        "2023-09-15",
    )
    factories = ref(
        HI_0911,
        "शोइगु की यात्रा के बाद, किम ने उत्तर कोरिया के हथियार कारखानों का दौरा किया",
        "inspection",
        "दौरा किया",
        [KIM],
        place="country:KP",
    )
    assert len(run([komsomolsk, factories])) == 2


def test_different_types_do_not_fuse_but_declared_ones_do():
    visit = SHOIGU_REFS[0]
    parade = ref(
        VOA_0729,
        "쇼이구 장관은 26일에는 김정은 위원장과 ‘무장장비전시회’ 행사장을 찾고 27일에는 북한 군의 열병식에 "
        "참석했습니다.",
        "ceremony",
        "열병식",
        [SHOIGU, KIM],
        "2023-07-27",
    )
    assert len(run([visit, parade])) == 2
    events = run(
        TRAIN_REFS[:1]
        + [ref(HI_0911, "किम संभवत: अपनी निजी ट्रेन से रूस जा रहे थे", "travel", "जा रहे", [KIM], place="country:RU")]
    )
    assert len(events) == 1 and events[0].type == "departure"


def test_ids_are_stable_and_typed():
    a = run(SHOIGU_REFS)
    b = run(list(reversed(SHOIGU_REFS)))
    assert a[0].id == b[0].id and a[0].id.startswith("ev:visit:")


def test_empty_input():
    assert fuse([], places=PLACES) == []


# ---- the whole sample corpus through the real upstream modules -------------------------------------------


def _corpus_refs() -> list[FrameRef]:
    import json
    from pathlib import Path

    from dossier.events.frames import frames
    from dossier.geo import places as places_mod
    from dossier.linking import link
    from dossier.text import segment
    from dossier.timex import tag as timex

    refs: list[FrameRef] = []
    corpus = Path(__file__).resolve().parents[1] / "data" / "articles"
    for path in sorted(corpus.glob("*.txt")):
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        pub = dt.date.fromisoformat(meta["published"]) if meta.get("published") else None
        segs = segment.segment(text, meta.get("language"))
        sents = segment.sentences(text, segs)
        for i, seg in enumerate(segs):
            if seg.lang not in ("en", "ko", "hi"):
                continue
            chunk_sents = [s for s in sents if s.segment == i]
            spans = [s for s in link.kb_matches(text, seg.lang) if seg.start <= s.start and s.end <= seg.end]
            ents = link.link_entities(text, seg.lang, spans)
            pls = [p for p in places_mod.geoparse(text, seg.lang, spans) if seg.start <= p.start < seg.end]
            tms = [t for t in timex.tag(text, seg.lang, pub) if seg.start <= t.start and t.end <= seg.end]
            for f in frames(text, seg.lang, chunk_sents, ents, tms, pls, pub, segments=segs):
                refs.append(FrameRef(path.stem, pub, seg.lang, f, text[f.sentence_start : f.sentence_end]))
    return refs


@pytest.mark.slow
def test_sample_corpus_timeline_with_real_modules():
    events = fuse(_corpus_refs())  # places resolve through the real gazetteer

    def with_actors(etype: str, *actors: str):
        return [e for e in events if e.type == etype and set(actors) <= set(e.actor_ids) and e.date]

    (shoigu,) = [e for e in with_actors("visit", SHOIGU) if e.date.startswith("2023")]
    assert shoigu.date.startswith("2023-07") and shoigu.conflict
    assert {r.date for r in shoigu.readings} >= {"2023-07", "2023-08"}

    (eef,) = with_actors("forum", EEF)
    assert (eef.date, eef.date_end) == ("2023-09-10", "2023-09-13")

    (train,) = with_actors("departure", KIM)
    assert train.date == "2023-09-10TEV" and train.place_id == "gn:1871859"

    summits = [e for e in with_actors("meeting", KIM, PUTIN) if e.date.startswith("2023-09")]
    assert [e.date for e in summits] == ["2023-09-13"]
    assert {r.date for r in summits[0].readings if r.status == "planned"} >= {"2023-09-12"}

    # no event of Kim's trip carries a date that only dates a report (the 4th, the 5th, Monday the 11th)
    for e in events:
        if e.type != "statement" and KIM in e.actor_ids:
            assert e.date not in ("2023-09-04", "2023-09-05", "2023-09-11"), e


def test_a_plan_does_not_join_an_event_that_was_over_before_the_article():
    v2019 = ref(
        KO_0905,
        "김 위원장은 2019년 4월 전용열차로 블라디보스토크를 방문해",
        "visit",
        "방문",
        [KIM, PUTIN],
        "2019-04",
    )
    invited = ref(
        VOA_0915,
        "푸틴 대통령은 김 위원장의 방북 초청을 수락했습니다.",
        "visit",
        "방북",
        [KIM, PUTIN],
        status="planned",
    )
    assert len(run([v2019, invited])) == 2


def test_published_may_come_as_an_iso_string():
    a = SHOIGU_REFS[0]
    as_text = FrameRef(a.article_id, "2023-07-29", a.lang, a.frame, a.sentence)
    assert [e.date for e in run([as_text, SHOIGU_REFS[3]])] == [e.date for e in run([a, SHOIGU_REFS[3]])]


# ---- ids that survive a rebuild (inherit_ids) -------------------------------------------------------------

from dossier.events.fusion import FusedEvent, Source, _event_id, inherit_ids, source_key


def keys_of(events) -> dict[str, set]:
    return {e.id: {source_key(s) for s in e.sources} for e in events}


def made(etype: str, *keys: tuple[str, int, int]) -> FusedEvent:
    """An event of `etype` with sources at these (article, sentence start, trigger start) keys and
    the id fusion computes for it."""
    sources = [
        Source(a, "en", None, ss, ss + 50, "", etype, "t", ts, ts + 1, None, None, None, None, "occurred",
               None)
        for a, ss, ts in keys
    ]
    return FusedEvent(_event_id(etype, sources), etype, None, None, None, None, "occurred", None, [], sources)


A, B, C, D = ("art-a", 0, 5), ("art-b", 10, 12), ("art-c", 0, 3), ("art-d", 7, 9)


def test_an_event_keeps_its_id_when_an_earlier_sorting_article_joins_it():
    without_hindi = run([r for r in SHOIGU_REFS if r.article_id != HI_0911])
    everything = run(SHOIGU_REFS)
    old, new = only(without_hindi, "visit"), only(everything, "visit")
    assert new.id != old.id  # the computed id moved to the Hindi article, which sorts first
    assert inherit_ids(keys_of(without_hindi), everything) == [old.id]


def test_an_event_keeps_its_id_when_its_type_changes():
    old = made("meeting", B, C)
    new = made("visit", A, B, C)
    assert inherit_ids({old.id: {B, C}}, [new]) == [old.id]


def test_the_old_event_sharing_the_most_sources_gives_its_id():
    small, large = made("visit", A), made("visit", B, C)
    merged = made("visit", A, B, C)
    assert inherit_ids(keys_of([small, large]), [merged]) == [large.id]
    # the other way round: two new events want one old id; the one sharing more gets it
    whole = made("visit", B, C, D)
    part_d, part_bc = made("visit", D), made("visit", B, C)
    assert inherit_ids(keys_of([whole]), [part_d, part_bc]) == [part_d.id, whole.id]


def test_ties_are_broken_by_the_preferred_then_the_smaller_old_id_whatever_the_order():
    x, y = made("visit", A), made("visit", B)
    merged = made("visit", A, B)
    smaller, larger = sorted([x.id, y.id])
    previous = keys_of([x, y])
    assert inherit_ids(previous, [merged]) == [smaller]
    assert inherit_ids(dict(reversed(previous.items())), [merged]) == [smaller]
    assert inherit_ids(previous, [merged], prefer={larger}) == [larger]
    # one old event split evenly: the new event with the smaller computed id keeps its id
    whole = made("visit", A, B)
    halves = [made("visit", A), made("visit", B)]
    first = min(halves, key=lambda e: e.id)
    for order in (halves, halves[::-1]):
        ids = inherit_ids(keys_of([whole]), order)
        assert ids[order.index(first)] == whole.id and len(set(ids)) == 2


def test_new_events_keep_their_computed_ids_and_no_id_is_used_twice():
    old = made("visit", A)
    fresh = made("meeting", D)
    assert inherit_ids(keys_of([old]), [fresh]) == [fresh.id]
    assert inherit_ids({}, [old, fresh]) == [old.id, fresh.id]
    # the old event's first source splits off alone; the rest keeps the old id, and the split-off
    # part, whose computed id is that same old id, gets another one, the same every time
    whole = made("visit", A, B, C)
    rest, first = made("visit", B, C), made("visit", A)
    assert first.id == whole.id
    ids = inherit_ids(keys_of([whole]), [first, rest])
    assert ids[1] == whole.id and ids[0] != whole.id and ids[0].startswith("ev:visit:")
    assert ids == inherit_ids(keys_of([whole]), [first, rest])
    assert ids[::-1] == inherit_ids(keys_of([whole]), [rest, first])


def test_fusing_the_same_frames_again_gives_the_same_ids():
    first = run(SHOIGU_REFS)
    again = run(list(reversed(SHOIGU_REFS)))
    assert inherit_ids(keys_of(first), again) == [e.id for e in again]
    assert {e.id for e in again} == set(keys_of(first))
