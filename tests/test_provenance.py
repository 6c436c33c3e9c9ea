"""Reporting chains in English, Korean and Hindi, and independence of confirmations.

Entities are built by hand here (use_kb=False) so these tests exercise provenance alone; one
integration test at the end runs the real linker over the sample articles.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.linking.link import kb_matches, link_entities
from dossier.model import Entity, Sentence
from dossier.provenance import (
    KIND_ANONYMOUS,
    KIND_DOCUMENT,
    KIND_OFFICIAL,
    KIND_OUTLET,
    ROLE_NOTE,
    ROLE_PUBLISHER,
    Chain,
    ClaimSupport,
    Link,
    article_attribution,
    chains,
    independence,
    independent_count,
    lexicon,
    publisher,
)
from dossier.text.segment import segment, sentences
from tests.sentence_spans import sentences_at

ARTICLES = Path(__file__).resolve().parent.parent / "data" / "articles"


def ent(text: str, surface: str, eid: str | None, label: str = "ORG", nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Entity(start, start + len(surface), surface, label, eid)


def one_sentence(text: str) -> list[Sentence]:
    return [Sentence(0, len(text), 0)]


def ids(chain: Chain) -> list[str | None]:
    return [link.entity_id for link in chain.links]


def spans_hold(text: str, cs: list[Chain]) -> None:
    for c in cs:
        for link in c.links:
            if link.start is not None:
                assert text[link.start : link.end] == link.text


# --- Korean -------------------------------------------------------------------------------------


def test_ko_yomiuri_citing_nyt():
    t = (
        "요미우리는 NYT 보도를 인용하며 “두 정상은 이달 10일부터 13일까지 블라디보스토크에서 열리는 "
        "국제회의인 동방경제포럼에 참석할 예정이다”며 모스크바에서의 북러정상회담 예정으로 밝혔다."
    )
    es = [
        ent(t, "요미우리", "outlet:yomiuri"),
        ent(t, "NYT", "outlet:nyt"),
        ent(t, "블라디보스토크", "x:vladivostok", "LOC"),
    ]
    cs = chains(t, "ko", one_sentence(t), es, use_kb=False)
    assert [ids(c) for c in cs] == [["outlet:yomiuri", "outlet:nyt"]]
    nyt = cs[0].links[1]
    assert "인용" in nyt.cue and nyt.kind == KIND_OUTLET
    assert cs[0].origin.entity_id == "outlet:nyt"
    spans_hold(t, cs)


def test_ko_reuters_quoting_nyt_and_kremlin_are_two_chains():
    t = (
        "로이터는 이날 “뉴욕타임스는 김정은이 모스크바에 갈 가능성이 있다고 보도했지만 확실하지는 않았다”면서 "
        "“크렘린은 지난주 평양과 ‘상호 존중관계’ 심화계획이라 밝혔다”고 보도했다."
    )
    es = [
        ent(t, "로이터", "outlet:reuters"),
        ent(t, "뉴욕타임스", "outlet:nyt"),
        ent(t, "김정은", "per:kim-jong-un", "PER"),
        ent(t, "크렘린", "org:kremlin"),
        ent(t, "모스크바", "country:RU", "LOC"),
    ]
    cs = chains(t, "ko", one_sentence(t), es, use_kb=False)
    assert sorted(ids(c) for c in cs) == [["outlet:reuters", "org:kremlin"], ["outlet:reuters", "outlet:nyt"]]


def test_ko_reuters_citing_yonhap_citing_nis():
    t = (
        "로이터는 “러시아 쇼이구 국방장관은 지난달 한국전쟁 종전 70주년을 맞아 북한을 방문해 북한에서 "
        "'승리의 날'로 기념했다”며 “한국 국가정보원은 그가 김정은과 비공개 면담을 한 것으로 보인다고 "
        "말했다고 연합뉴스가 보도했다”고 밝혔다."
    )
    es = [
        ent(t, "로이터", "outlet:reuters"),
        ent(t, "쇼이구", "per:sergei-shoigu", "PER"),
        ent(t, "한국", "country:KR", "LOC", nth=1),
        ent(t, "국가정보원", "org:kr-nis"),
        ent(t, "김정은", "per:kim-jong-un", "PER"),
        ent(t, "연합뉴스", "outlet:yonhap"),
    ]
    cs = chains(t, "ko", one_sentence(t), es, use_kb=False)
    assert [ids(c) for c in cs] == [["outlet:reuters", "outlet:yonhap", "org:kr-nis"]]
    assert cs[0].links[-1].cue.startswith("말했")


def test_ko_tass_is_the_source_of_the_komsomolsk_article():
    t = (
        "김정은 북한 국무위원장이 오늘(15일) 러시아 극동 지역의 최신예 전투기 제조공장 등을 방문했다고 "
        "러시아 국영 ‘타스(TASS)’ 통신이 보도했습니다.\n"
        "통신에 따르면 김 위원장은 이날 새벽 하바롭스크 주 콤소몰스크나아무레에 도착해 전투기 공장을 방문했습니다.\n"
        "이 공장은 서방의 제재를 받고 있는 시설입니다.\n"
        "VOA뉴스\n"
        "*이 기사는 Reuters를 참조했습니다."
    )
    sents = sentences_at(
        t,
        t.split("\n")[0],
        t.split("\n")[1],
        t.split("\n")[2],
        "VOA뉴스",
        "*이 기사는 Reuters를 참조했습니다.",
    )
    es = [
        ent(t, "김정은", "per:kim-jong-un", "PER"),
        ent(t, "북한", "country:KP", "LOC"),
        ent(t, "러시아", "country:RU", "LOC", nth=1),
        ent(t, "타스", "outlet:tass"),
        ent(t, "TASS", "outlet:tass"),
        ent(t, "VOA뉴스", "outlet:voa"),
        ent(t, "Reuters", "outlet:reuters"),
    ]
    cs = chains(t, "ko", sents, es, "outlet:voa", use_kb=False)
    assert [ids(c) for c in cs] == [
        ["outlet:voa", "outlet:reuters", "outlet:tass"],
        ["outlet:voa", "outlet:reuters", "outlet:tass"],  # 통신에 따르면: "the agency" = TASS
    ]
    assert cs[0].links[0].role == ROLE_PUBLISHER and cs[0].links[0].start is None
    assert cs[0].links[1].role == ROLE_NOTE
    assert cs[0].links[2].affiliation == "country:RU"  # 러시아 국영 타스
    assert cs[1].links[2].text == "통신"
    spans_hold(t, cs)
    # a sentence with no source of its own is the publisher's, drawing on its credit
    all_cs = chains(t, "ko", sents, es, "outlet:voa", use_kb=False, include_unattributed=True)
    plain = [c for c in all_cs if c.sentence_start == sents[2].start]
    assert [ids(c) for c in plain] == [["outlet:voa", "outlet:reuters"]]


def test_ko_voa_article_draws_on_afp_and_signs_off():
    t = (
        "토니 블링컨 미국 국무장관은 29일 미국은 러시아의 세르게이 쇼이구 국방장관이 북한에 간 것은 무기 공급을 "
        "확보하기 위해서라고 믿는다고 말했습니다.\n\nVOA 뉴스\n\n*이 기사는AFP통신을 참조했습니다.\n"
    )
    es = [
        ent(t, "토니 블링컨", "per:antony-blinken", "PER"),
        ent(t, "미국", "country:US", "LOC"),
        ent(t, "미국", "country:US", "LOC", nth=1),
        ent(t, "러시아", "country:RU", "LOC"),
        ent(t, "세르게이 쇼이구", "per:sergei-shoigu", "PER"),
        ent(t, "북한", "country:KP", "LOC"),
        ent(t, "VOA 뉴스", "outlet:voa"),
        ent(t, "AFP", "outlet:afp"),
    ]
    notes = article_attribution(t, "ko", es, use_kb=False)
    assert [n.entity_id for n in notes] == ["outlet:afp"]
    assert "참조" in notes[0].cue
    pub = publisher(t, "ko", es, use_kb=False)
    assert pub is not None and pub.entity_id == "outlet:voa" and t[pub.start : pub.end] == "VOA 뉴스"
    first = t.split("\n")[0]
    cs = chains(t, "ko", sentences_at(t, first, "VOA 뉴스", "*이 기사는AFP통신을 참조했습니다."), es, use_kb=False)
    # the speaker is the topic (블링컨 … 국무장관은), not a nominative inside the reported clause
    assert [ids(c) for c in cs] == [["outlet:voa", "outlet:afp", "per:antony-blinken"]]
    assert cs[0].origin.kind == KIND_OFFICIAL and cs[0].origin.affiliation == "country:US"


def test_ko_according_to_kcna_inside_a_quotation():
    t = "NYT는 4일 “KCNA에 따르면 김 위원장은 지난 6월 푸틴 대통령에게 메시지를 보냈다”고 밝혔다."
    es = [
        ent(t, "NYT", "outlet:nyt"),
        ent(t, "KCNA", "outlet:kcna"),
        ent(t, "김 위원장", "per:kim-jong-un", "PER"),
        ent(t, "푸틴 대통령", "per:vladimir-putin", "PER"),
    ]
    cs = chains(t, "ko", one_sentence(t), es, use_kb=False)
    assert [ids(c) for c in cs] == [["outlet:nyt", "outlet:kcna"]]
    assert cs[0].links[1].cue == "에 따르면"


def test_ko_quotation_cut_by_the_sentence_splitter_is_rejoined():
    t = (
        "미국 백악관 국가안보회의(NSC) 에이드리언 왓슨 대변인은 관련 질의에 “쇼이구 국방장관이 평양을 방문했다”며 "
        "“이러한 협상을 이어갈 것이라는 정보를 입수했고. ‘지도자급 외교적 참여’를 기대한다”고 인정했다."
    )
    cut = t.index("‘지도자급")
    sents = [Sentence(0, cut - 1, 0), Sentence(cut, len(t), 0)]
    es = [
        ent(t, "미국", "country:US", "LOC"),
        ent(t, "백악관", "org:white-house"),
        ent(t, "국가안보회의", "org:us-nsc"),
        ent(t, "NSC", "org:us-nsc"),
        ent(t, "에이드리언 왓슨", "per:adrienne-watson", "PER"),
        ent(t, "쇼이구", "per:sergei-shoigu", "PER"),
    ]
    cs = chains(t, "ko", sents, es, use_kb=False)
    assert [ids(c) for c in cs] == [["per:adrienne-watson"]]
    w = cs[0].origin
    assert w.kind == KIND_OFFICIAL and w.affiliation == "org:us-nsc" and w.cue.startswith("인정")
    assert (cs[0].sentence_start, cs[0].sentence_end) == (0, len(t))


def test_ko_speaker_told_the_nyt_and_citing_a_document():
    t = (
        '윌슨센터의 한국담당 진 H. 리 선임연구원은 "러시아-북한 동맹의 강화는 적절한 시기에 이뤄졌다"며 '
        '"전통적 동맹의 부활"이라고 NYT에 밝혔다.'
    )
    es = [
        ent(t, "윌슨센터", "org:wilson-center"),
        ent(t, "진 H. 리", "per:jean-h-lee", "PER"),
        ent(t, "NYT", "outlet:nyt"),
    ]
    cs = chains(t, "ko", one_sentence(t), es, use_kb=False)
    assert [ids(c) for c in cs] == [["outlet:nyt", "per:jean-h-lee"]]
    assert cs[0].origin.affiliation == "org:wilson-center"
    t2 = "백악관은 푸틴 대통령과 김 위원장이 기밀 해제 된 정보를 인용하여 무기 거래를 논의하는 편지를 교환했다고 인정했다."
    es2 = [ent(t2, "백악관", "org:white-house")]
    c2 = chains(t2, "ko", one_sentence(t2), es2, use_kb=False)
    assert [ids(c) for c in c2] == [["org:white-house", None]]
    assert c2[0].origin.kind == KIND_DOCUMENT and c2[0].origin.text == "기밀 해제 된 정보"


# --- Hindi --------------------------------------------------------------------------------------


def test_hi_kyodo_citing_russian_officials():
    t = "जापान की क्योदो समाचार एजेंसी ने रूसी अधिकारियों के हवाले से बताया कि किम संभवत: अपनी निजी ट्रेन से रूस जा रहे थे।"
    es = [
        ent(t, "जापान", "country:JP", "LOC"),
        ent(t, "क्योदो समाचार एजेंसी", "outlet:kyodo"),
        ent(t, "किम", "per:kim-jong-un", "PER"),
        ent(t, "रूस", "country:RU", "LOC", nth=1),
    ]
    cs = chains(t, "hi", one_sentence(t), es, use_kb=False)
    assert [ids(c) for c in cs] == [["outlet:kyodo", None]]
    kyodo, officials = cs[0].links
    assert kyodo.affiliation == "country:JP" and kyodo.cue == "बताया"
    assert officials.kind == KIND_ANONYMOUS and not officials.named
    assert officials.text == "रूसी अधिकारियों" and officials.affiliation == "country:RU"
    assert officials.cue == "के हवाले से"
    spans_hold(t, cs)


def test_hi_chosun_citing_unnamed_south_korean_government_sources():
    t = (
        "अज्ञात दक्षिण कोरियाई सरकारी सूत्रों का हवाला देते हुए, चोसुन इल्बो अखबार ने बताया कि ट्रेन संभवतः "
        "रविवार शाम को उत्तर कोरिया की राजधानी प्योंगयांग से रवाना हुई।"
    )
    es = [
        ent(t, "चोसुन इल्बो", "outlet:chosun-ilbo"),
        ent(t, "उत्तर कोरिया", "country:KP", "LOC"),
        ent(t, "प्योंगयांग", "x:pyongyang", "LOC"),
    ]
    cs = chains(t, "hi", one_sentence(t), es, use_kb=False)
    assert [ids(c) for c in cs] == [["outlet:chosun-ilbo", None]]
    src = cs[0].origin
    assert src.text == "अज्ञात दक्षिण कोरियाई सरकारी सूत्रों"
    assert src.kind == KIND_ANONYMOUS and src.affiliation == "country:KR"
    assert src.cue == "का हवाला देते हुए"


def test_hi_media_coordination_according_to_and_negation():
    t = (
        "योनहाप समाचार एजेंसी और कुछ अन्य मीडिया ने इसी तरह की रिपोर्ट प्रकाशित कीं। "
        "अमेरिकी अधिकारियों के अनुसार, पुतिन गोला-बारूद की आपूर्ति पर ध्यान केंद्रित कर सकते हैं। "
        "दक्षिण कोरिया के राष्ट्रीय खुफिया सेवा ने तुरंत उन विवरणों की पुष्टि नहीं की। "
        "विश्लेषकों का कहना है कि उत्तर कोरिया के पास लाखों तोपखाने के गोले हैं।"
    )
    parts = [p + "।" for p in t.split("। ")]
    parts[-1] = parts[-1].rstrip("।")
    sents = sentences_at(t, *parts)
    es = [
        ent(t, "योनहाप समाचार एजेंसी", "outlet:yonhap"),
        ent(t, "पुतिन", "per:vladimir-putin", "PER"),
        ent(t, "दक्षिण कोरिया", "country:KR", "LOC"),
        ent(t, "राष्ट्रीय खुफिया सेवा", "org:kr-nis"),
        ent(t, "उत्तर कोरिया", "country:KP", "LOC"),
    ]
    cs = chains(t, "hi", sents, es, use_kb=False)
    by_sentence = {}
    for c in cs:
        by_sentence.setdefault(c.sentence_start, []).append(c)
    first = by_sentence[sents[0].start]
    assert sorted((c.origin.entity_id or "", c.origin.kind) for c in first) == [
        ("", KIND_OUTLET),
        ("outlet:yonhap", KIND_OUTLET),
    ]
    [us] = by_sentence[sents[1].start]
    assert (
        us.origin.kind == KIND_ANONYMOUS
        and us.origin.affiliation == "country:US"
        and us.origin.cue == "के अनुसार"
    )
    assert sents[2].start not in by_sentence  # "did not confirm" confirms nothing
    [analysts] = by_sentence[sents[3].start]
    assert analysts.origin.text == "विश्लेषकों" and analysts.origin.kind == KIND_ANONYMOUS


# --- English ------------------------------------------------------------------------------------


def test_en_nyt_citing_an_official_and_according_to_kcna():
    t = "NYT, citing an official, said that one of the places Chairman Kim is likely to stop by is Vostochny."
    es = [ent(t, "NYT", "outlet:nyt"), ent(t, "Kim", "per:kim-jong-un", "PER")]
    cs = chains(t, "en", one_sentence(t), es, use_kb=False)
    assert [ids(c) for c in cs] == [["outlet:nyt", None]]
    assert cs[0].origin.text == "an official" and cs[0].origin.kind == KIND_ANONYMOUS
    assert cs[0].links[0].cue == "said"
    t2 = (
        "NYT reported on the 4th, “According to KCNA, Chairman Kim promised President Putin to ‘join hands’.”"
    )
    es2 = [
        ent(t2, "NYT", "outlet:nyt"),
        ent(t2, "KCNA", "outlet:kcna"),
        ent(t2, "Kim", "per:kim-jong-un", "PER"),
        ent(t2, "Putin", "per:vladimir-putin", "PER"),
    ]
    c2 = chains(t2, "en", one_sentence(t2), es2, use_kb=False)
    assert [ids(c) for c in c2] == [["outlet:nyt", "outlet:kcna"]]
    assert c2[0].origin.cue == "According to"


def test_en_reuters_citing_yonhap_citing_nis():
    t = (
        "Reuters said, “Russian Defense Minister Shoigu visited North Korea last month,” and “South Korea’s "
        "National Intelligence Service said he appears to have had a private meeting with Kim Jong-un,” "
        "Yonhap News reported."
    )
    es = [
        ent(t, "Reuters", "outlet:reuters"),
        ent(t, "Shoigu", "per:sergei-shoigu", "PER"),
        ent(t, "North Korea", "country:KP", "LOC"),
        ent(t, "South Korea", "country:KR", "LOC"),
        ent(t, "National Intelligence Service", "org:kr-nis"),
        ent(t, "Kim Jong-un", "per:kim-jong-un", "PER"),
        ent(t, "Yonhap News", "outlet:yonhap"),
    ]
    cs = chains(t, "en", one_sentence(t), es, use_kb=False)
    assert [ids(c) for c in cs] == [["outlet:reuters", "outlet:yonhap", "org:kr-nis"]]
    assert cs[0].origin.affiliation is None or cs[0].origin.affiliation == "country:KR"


def test_en_spokesman_said_and_inverted_attribution_then_told_the_nyt():
    t = (
        "In response to a related inquiry, Adrian Watson, spokesman for the White House National Security "
        "Council (NSC), said, “Russian Defense Minister Sergei Shoigu visited Pyongyang.”"
    )
    es = [
        ent(t, "Adrian Watson", "per:adrienne-watson", "PER"),
        ent(t, "White House", "org:white-house"),
        ent(t, "National Security Council", "org:us-nsc"),
        ent(t, "NSC", "org:us-nsc"),
        ent(t, "Sergei Shoigu", "per:sergei-shoigu", "PER"),
    ]
    cs = chains(t, "en", one_sentence(t), es, use_kb=False)
    assert [ids(c) for c in cs] == [["per:adrienne-watson"]]
    assert cs[0].origin.kind == KIND_OFFICIAL and cs[0].origin.affiliation == "org:white-house"

    t2 = (
        "“The strengthening of the alliance comes at an opportune time,” said Jin H. Lee, senior fellow for "
        "Korea at the Wilson Center. “It is a revival of a traditional alliance,” he told the NYT."
    )
    s1 = t2[: t2.index("Center.") + 7]
    es2 = [
        ent(t2, "Jin H. Lee", "per:jean-h-lee", "PER"),
        ent(t2, "Wilson Center", "org:wilson-center"),
        ent(t2, "NYT", "outlet:nyt"),
    ]
    c2 = chains(t2, "en", sentences_at(t2, s1, t2[len(s1) + 1 :]), es2, use_kb=False)
    assert [ids(c) for c in c2] == [["per:jean-h-lee"], ["outlet:nyt", "per:jean-h-lee"]]
    assert c2[1].origin.text == "he"  # the pronoun, resolved to the speaker just before
    spans_hold(t2, c2)


def test_en_pronoun_after_an_outlet_is_not_resolved_to_an_older_person():
    t = (
        "White House spokesman John F. Kirby said the talks were underway. The NYT continued, “New "
        "information goes far beyond previous warnings.” “Officials declined to comment,” he said."
    )
    s = [
        "White House spokesman John F. Kirby said the talks were underway.",
        "The NYT continued, “New information goes far beyond previous warnings.”",
        "“Officials declined to comment,” he said.",
    ]
    es = [
        ent(t, "White House", "org:white-house"),
        ent(t, "John F. Kirby", "per:john-kirby", "PER"),
        ent(t, "NYT", "outlet:nyt"),
    ]
    cs = chains(t, "en", sentences_at(t, *s), es, use_kb=False)
    assert [ids(c) for c in cs] == [["per:john-kirby"], ["outlet:nyt"]]
    assert cs[0].origin.kind == KIND_OFFICIAL and cs[0].origin.affiliation == "org:white-house"


def test_en_article_credits():
    t = "SEOUL (Reuters) - North Korea fired a missile on Monday.\nKyodo News contributed reporting."
    es = [
        ent(t, "Reuters", "outlet:reuters"),
        ent(t, "North Korea", "country:KP", "LOC"),
        ent(t, "Kyodo News", "outlet:kyodo"),
    ]
    assert [n.entity_id for n in article_attribution(t, "en", es, use_kb=False)] == [
        "outlet:kyodo",
        "outlet:reuters",
    ] or sorted(n.entity_id for n in article_attribution(t, "en", es, use_kb=False)) == [
        "outlet:kyodo",
        "outlet:reuters",
    ]
    # a credit that names no outlet is not a source
    t2 = "Reporting by Hyonhee Shin; Editing by Ed Davies"
    assert article_attribution(t2, "en", [ent(t2, "Hyonhee Shin", None, "PER")], use_kb=False) == []


# --- Independence -------------------------------------------------------------------------------


def L(eid: str | None, kind: str = KIND_OUTLET, text: str | None = None, named: bool = True) -> Link:
    return Link(text or eid or "?", 0, 1, kind, eid, named=named)


def C(*links: Link) -> Chain:
    return Chain(0, 1, "en", list(links))


def test_reuters_citing_nyt_and_nyt_are_one_confirmation():
    claims = [
        ClaimSupport("kim-visit", C(L("outlet:reuters"), L("outlet:nyt"))),
        ClaimSupport("kim-visit", C(L("outlet:nyt"))),
    ]
    groups = independence(claims)["kim-visit"]
    assert len(groups) == 1 and groups[0].key == "outlet:nyt"
    assert groups[0].outlets == ["outlet:reuters", "outlet:nyt"]


def test_nyt_and_kyodo_citing_russian_officials_are_two():
    officials = L(None, KIND_ANONYMOUS, "रूसी अधिकारियों", named=False)
    claims = [ClaimSupport("c", C(L("outlet:nyt"))), ClaimSupport("c", C(L("outlet:kyodo"), officials))]
    groups = independence(claims)["c"]
    assert sorted(g.key for g in groups) == ["outlet:kyodo", "outlet:nyt"]
    assert independent_count(claims, "c") == 2


def test_independence_relays_and_named_origins():
    nyt_officials = C(L("outlet:nyt"), L(None, KIND_ANONYMOUS, "officials", named=False))
    yomiuri_nyt = C(L("outlet:yomiuri"), L("outlet:nyt"))
    reuters_nyt = C(L("outlet:reuters"), L("outlet:nyt"))
    # anonymous officials are known only through the NYT: all three are one confirmation
    assert (
        independent_count([ClaimSupport("c", x) for x in (nyt_officials, yomiuri_nyt, reuters_nyt)], "c") == 1
    )
    # the NYT quoting two different named people: two origins; a bare relay of the NYT joins one of them
    nyt_x = C(L("outlet:nyt"), L("per:x", KIND_OFFICIAL))
    nyt_y = C(L("outlet:nyt"), L("per:y", KIND_OFFICIAL))
    groups = independence([ClaimSupport("c", x) for x in (nyt_x, nyt_y, reuters_nyt)])["c"]
    assert len(groups) == 2
    # the same official quoted by two outlets is one origin
    voa_afp_blinken = C(L("outlet:voa"), L("outlet:afp"), L("per:antony-blinken", KIND_OFFICIAL))
    reuters_blinken = C(L("outlet:reuters"), L("per:antony-blinken", KIND_OFFICIAL))
    assert (
        independent_count([ClaimSupport("c", voa_afp_blinken), ClaimSupport("c", reuters_blinken)], "c") == 1
    )
    # two outlets each with their own unnamed officials: two (nothing says they are the same people)
    a = C(L("outlet:yonhap"), L(None, KIND_ANONYMOUS, "관계자", named=False))
    b = C(L("outlet:chosun-ilbo"), L(None, KIND_ANONYMOUS, "सूत्रों", named=False))
    assert independent_count([ClaimSupport("c", a), ClaimSupport("c", b)], "c") == 2
    # claims are kept apart
    res = independence([ClaimSupport("c1", a), ClaimSupport("c2", b)])
    assert set(res) == {"c1", "c2"} and all(len(g) == 1 for g in res.values())


def test_lexicons_are_data():
    for lang in ("en", "ko", "hi"):
        lex = lexicon(lang)
        assert lex.speech is not None and lex.anonymous is not None and lex.notes
        assert lex.cite_after is not None or lex.cite_before is not None
    assert lexicon("ko").verb_final and lexicon("hi").verb_final and not lexicon("en").verb_final
    assert lexicon("fr").lang == "en"  # no vocabulary: English markers are the best guess


# --- Integration with the real linker over the sample articles ------------------------------------


def _analyse(name: str):

    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    meta = json.loads((ARTICLES / f"{name}.json").read_text(encoding="utf-8"))
    segs = segment(text, lang_hint=meta.get("language"))
    ents: list[Entity] = []
    for seg in segs:
        sub = text[seg.start : seg.end]
        for e in link_entities(sub, seg.lang, kb_matches(sub, seg.lang)):
            e.start += seg.start
            e.end += seg.start
            ents.append(e)
    return text, meta, sentences(text, segs), ents


def test_sample_articles_with_the_real_linker():
    from dossier.provenance import source_id

    text, meta, sents, ents = _analyse("ko-en-nk-russia-alliance")
    cs = chains(text, "ko", sents, ents)
    spans_hold(text, cs)
    got = [tuple(ids(c)) for c in cs]
    assert ("outlet:yomiuri", "outlet:nyt") in got
    assert ("outlet:reuters", "outlet:yonhap", "org:kr-nis") in got
    assert ("outlet:reuters", "outlet:nyt") in got
    assert ("outlet:nyt", "outlet:kcna") in got
    # both the Korean body and its English translation give Yomiuri citing the NYT
    assert {c.lang for c in cs if tuple(ids(c)) == ("outlet:yomiuri", "outlet:nyt")} == {"ko", "en"}

    text, meta, sents, ents = _analyse("hi-kim-train-to-russia")
    cs = chains(text, "hi", sents, ents)
    spans_hold(text, cs)
    got = [(tuple(ids(c)), c.origin.kind, c.origin.affiliation) for c in cs]
    assert (("outlet:kyodo", None), KIND_ANONYMOUS, "country:RU") in got
    assert (("outlet:chosun-ilbo", None), KIND_ANONYMOUS, "country:KR") in got

    text, meta, sents, ents = _analyse("voakorea-komsomolsk-20230915")
    src = source_id(meta["source"])
    assert src == "outlet:voa"
    cs = chains(text, "ko", sents, ents, src)
    assert [ids(c) for c in cs[:2]] == [["outlet:voa", "outlet:reuters", "outlet:tass"]] * 2

    text, meta, sents, ents = _analyse("voakorea-blinken-shoigu-20230729")
    assert [n.entity_id for n in article_attribution(text, "ko", ents)] == ["outlet:afp"]
    cs = chains(text, "ko", sents, ents)  # no source id: the "VOA 뉴스" sign-off is the publisher
    assert cs and all(ids(c)[:2] == ["outlet:voa", "outlet:afp"] for c in cs)


# --- Patterns beyond the samples: the vocabulary, not the articles, decides ---------------------


def test_supports_for_an_event_sentence_and_stored_records():
    from dossier.provenance import supports_for

    nyt = Chain(0, 50, "en", [L("outlet:reuters"), L("outlet:nyt")])
    other = Chain(60, 90, "en", [L("outlet:yonhap")])
    got = supports_for("e1", 10, 40, [nyt, other], article_id="a1")
    assert [s.chain for s in got] == [nyt] and got[0].article_id == "a1"
    own = Chain(0, 0, "ko", [L("outlet:voa"), L("outlet:afp")])
    [fallback] = supports_for("e1", 100, 120, [nyt, other], own=own)
    assert ids(fallback.chain) == ["outlet:voa", "outlet:afp"] and fallback.chain.sentence_start == 100
    assert supports_for("e1", 100, 120, [nyt]) == []
    # a stored record (Chain.to_json plus extra keys) reads back to the same chain
    record = dict(nyt.to_json(), origin_key="outlet:nyt", description=nyt.describe())
    assert Chain.from_json(record) == nyt


def test_a_quotation_opened_with_a_straight_quote_and_closed_with_a_curly_one():
    t = '레이니가십은 "배두나가 영어를 말하려고 노력했고, 스터게스는 배두나를 도왔다”고 덧붙였다.'
    es = [
        ent(t, "레이니가십", "x:rainygossip", "ORG"),
        ent(t, "배두나", "x:bae-doona", "PER"),
        ent(t, "스터게스", "x:sturgess", "PER"),
    ]
    [c] = chains(t, "ko", one_sentence(t), es, use_kb=False)
    assert [lk.text for lk in c.links] == ["레이니가십"]


def test_ko_interview_outlet_and_concessive_clause():
    t = "수전 라이스 미국 백악관 국가안보보좌관도 이날 NBC 방송과의 인터뷰에서 우크라이나의 분열이 누구에게도 이익이 되지 않는다고 강조했다."
    es = [
        ent(t, "수전 라이스", "x:susan-rice", "PER"),
        ent(t, "미국 백악관", "org:white-house"),
        ent(t, "NBC", None),
        ent(t, "우크라이나", "country:UA", "LOC"),
    ]
    [c] = chains(t, "ko", one_sentence(t), es, use_kb=False)
    assert [lk.text for lk in c.links] == ["NBC", "수전 라이스"]
    assert c.links[0].kind == KIND_OUTLET  # unlinked, but "NBC 방송" is a broadcaster

    t = "또 메르켈 총리가 역사 문제를 언급했음에도 대화가 이뤄지지 않았다며 아베 총리가 적극적으로 대응할 뜻을 시사했다."
    es = [ent(t, "메르켈", "per:angela-merkel", "PER"), ent(t, "아베", "per:shinzo-abe", "PER")]
    got = sorted(ids(c) for c in chains(t, "ko", one_sentence(t), es, use_kb=False))
    assert got == [["per:angela-merkel"], ["per:shinzo-abe"]]  # Abe does not cite Merkel


def test_relay_markers_put_the_source_above_the_speaker():
    t = "अख़बार के अनुसार कप्तान यूनिस ख़ान ने इस मैच के बाद संन्यास लेने की घोषणा की है।"
    es = [ent(t, "यूनिस ख़ान", "x:younis-khan", "PER")]
    [c] = chains(t, "hi", one_sentence(t), es, use_kb=False)
    # "according to the newspaper, Younis Khan announced": the paper (unnamed, अख़बार with a nukta
    # matches the data's अखबार) reports Khan, not the other way round
    assert [(lk.text, lk.kind) for lk in c.links] == [("अख़बार", KIND_OUTLET), ("यूनिस ख़ान", "person")]
    assert not c.links[0].named


def test_ko_outlet_told_further_back_in_the_clause():
    t = "조인성의 소속사 IOK컴퍼니 관계자는 24일 스타뉴스에 “조인성은 친한 친구로서 인연을 이어가고 있다”고 전했다."
    es = [
        ent(t, "조인성", "x:jo-in-sung", "PER"),
        ent(t, "IOK컴퍼니", "x:iok", "ORG"),
        ent(t, "스타뉴스", "x:starnews", "ORG"),
    ]
    [c] = chains(t, "ko", one_sentence(t), es, use_kb=False)
    assert [(lk.text, lk.kind) for lk in c.links] == [("스타뉴스", KIND_OUTLET), ("관계자", KIND_ANONYMOUS)]


def test_en_according_to_inside_a_final_attribution_is_cited_by_the_speaker():
    t = (
        "Brazil is likely to turn Sao Paulo state bank Banespa into a federal bank, according to unnamed "
        "government sources, O Globo daily said."
    )
    es = [ent(t, "Brazil", "country:BR", "LOC"), ent(t, "O Globo", "x:o-globo")]
    [c] = chains(t, "en", one_sentence(t), es, use_kb=False)
    assert [(lk.text, lk.kind) for lk in c.links] == [
        ("O Globo", KIND_OUTLET),
        ("unnamed government sources", KIND_ANONYMOUS),
    ]


# --- One sentence: which chains it gives, and where each leads ----------------------------------

# (language, sentence, its entities as (surface, entity id, label), the chains' entity ids, what the
# origin of the one chain is); an empty list: the sentence reports nothing.
ONE_SENTENCE = [
    pytest.param("ko", "이날 블링컨 장관을 기자들에게 러시아가 동맹국들로부터 무기를 사기 위해 움직이고 있다고 말했습니다.",
                 [("블링컨", "per:antony-blinken", "PER"), ("러시아", "country:RU", "LOC")], [], {},
                 id="ko-nominative-inside-the-reported-clause-is-not-the-speaker"),
    pytest.param("ko", "국방부는 구체적인 내용을 밝히지 않았다.", [("국방부", "org:kr-defence-ministry")], [], {},
                 id="ko-negated-verb-reports-nothing"),
    pytest.param("hi", "अमेरिकी राष्ट्रपति जो बिडेन के मुख्य उप राष्ट्रीय सुरक्षा सलाहकार जॉन फाइनर "
                 "ने रविवार को संवाददाताओं से कहा कि उत्तर कोरिया से हथियार खरीदना मॉस्को के लिए "
                 "एकमात्र विकल्प हो सकता है।",
                 [("जो बिडेन", "per:joe-biden", "PER"), ("जॉन फाइनर", "per:jon-finer", "PER"),
                  ("उत्तर कोरिया", "country:KP", "LOC")],
                 [["per:jon-finer"]],  # reporters are not an outlet
                 {"kind": KIND_OFFICIAL, "affiliation": "country:US"}, id="hi-named-official-told-reporters"),
    pytest.param("en", "Yomiuri cited a NYT report and said, “The two leaders are scheduled to attend "
                 "the Eastern Economic Forum in Vladivostok.”",
                 [("Yomiuri", "outlet:yomiuri"), ("NYT", "outlet:nyt"), ("Eastern Economic Forum", "org:eef"),
                  ("Vladivostok", "x:vladivostok", "LOC")],
                 [["outlet:yomiuri", "outlet:nyt"]], {}, id="en-yomiuri-cited-a-nyt-report"),
    # patterns beyond the samples, in three languages
    pytest.param("en", "Putin was quoted by TASS as saying that the talks were useful.",
                 [("Putin", "per:vladimir-putin", "PER"), ("TASS", "outlet:tass")],
                 [["outlet:tass", "per:vladimir-putin"]], {}, id="en-quoted-by"),
    pytest.param("en", "Yonhap news agency reported, citing a government source, that the train had left "
                 "Pyongyang.", [("Yonhap", "outlet:yonhap"), ("Pyongyang", "x:pyongyang", "LOC")],
                 [["outlet:yonhap", None]], {"text": "a government source"},
                 id="en-citing-a-government-source"),
    pytest.param("en", "Japanese media, including NHK, reported that the train had crossed the border.",
                 [("NHK", "outlet:nhk")], [["outlet:nhk"]], {}, id="en-media-including-nhk"),
    pytest.param("ko", "NHK 등 일본 언론은 열차가 국경을 넘었다고 보도했다.",
                 [("NHK", "outlet:nhk"), ("일본", "country:JP", "LOC")], [["outlet:nhk"]], {},
                 id="ko-media-including-nhk"),
    pytest.param("ko", "정부 소식통은 김 위원장이 이미 출발했다고 전했다.", [("김 위원장", "per:kim-jong-un", "PER")],
                 [[None]], {"kind": KIND_ANONYMOUS, "text": "정부 소식통"}, id="ko-government-source"),
    pytest.param("hi", "पेसकोव ने तास को बताया कि बातचीत उपयोगी रही।",
                 [("पेसकोव", "per:dmitry-peskov", "PER"), ("तास", "outlet:tass")],
                 [["outlet:tass", "per:dmitry-peskov"]], {}, id="hi-told-an-outlet"),
    pytest.param("en", "Interfax quoted Levrentyeva's colleagues as saying that judges were unprotected.",
                 [("Interfax", "outlet:interfax"), ("Levrentyeva", "x:levrentyeva", "PER")],
                 [["outlet:interfax", None]], {"text": "Levrentyeva's colleagues"},
                 id="en-quoted-as-saying-plural"),
    pytest.param("ko", "케리 장관은 영국의 외무장관들과도 만나 의견을 나눴다고 외교 소식통들이 전했다.",
                 [("케리", "per:john-kerry", "PER"), ("영국", "country:GB", "LOC")],
                 [[None]], {"kind": KIND_ANONYMOUS, "text": "외교 소식통"}, id="ko-plural-diplomatic-sources"),
    # relay markers put the source above the speaker; "citing" stays below it
    pytest.param("ko", "경찰에 따르면 김모 씨는 고소장에서 지속적으로 폭행을 당했다고 주장했다.",
                 [("경찰", "x:police", "ORG"), ("김모", "x:kim-mo", "PER")],
                 [["x:police", "x:kim-mo"]], {}, id="ko-relay-according-to-the-police"),
    pytest.param("en", "According to the ministry, Peskov said the talks were useful.",
                 [("Peskov", "per:dmitry-peskov", "PER"), ("ministry", "x:ministry", "ORG")],
                 [["x:ministry", "per:dmitry-peskov"]], {}, id="en-relay-according-to-the-ministry"),
    pytest.param("en", "Peskov, citing the ministry, said the talks were useful.",
                 [("Peskov", "per:dmitry-peskov", "PER"), ("ministry", "x:ministry", "ORG")],
                 [["per:dmitry-peskov", "x:ministry"]], {}, id="en-citing-stays-below-the-speaker"),
    pytest.param("ko", "25일 연합뉴스에 따르면 부산 기장경찰서는 현장소장 등을 검찰에 송치했다고 밝혔다.",
                 [("연합뉴스", "outlet:yonhap"), ("부산 기장경찰서", "x:gijang-police", "ORG")],
                 [["outlet:yonhap", "x:gijang-police"]], {}, id="ko-relay-not-an-outlet-told"),
    pytest.param("hi", "अंजना ने हाल ही में बीबीसी से बातचीत में कहा कि कुणाल को कुत्तों के बारे में "
                 "काफ़ी जानकारी है।",
                 [("अंजना", "x:anjana", "PER"), ("बीबीसी", "outlet:bbc"), ("कुणाल", "x:kunal", "PER")],
                 [["outlet:bbc", "x:anjana"]], {}, id="hi-interview-with-an-outlet"),
    pytest.param("hi", "विदेश मंत्री होशियार ज़ेबारी ने समाचार एजेंसी रॉयटर्स को यह जानकारी दी है।",
                 [("होशियार ज़ेबारी", "x:hoshyar-zebari", "PER"), ("रॉयटर्स", "outlet:reuters")],
                 [["outlet:reuters", "x:hoshyar-zebari"]], {"kind": KIND_OFFICIAL},
                 id="hi-outlet-told-further-back-in-the-clause"),
    pytest.param("ko", "애플이 미국 법무부가 삼성전자를 상대로 조사를 진행 중이라고 주장했다고 지적재산권 전문 블로그인 "
                 "포스페이턴츠가 23일 전했다.",
                 [("애플", "x:apple", "ORG"), ("미국 법무부", "x:us-doj", "ORG"), ("삼성전자", "x:samsung", "ORG"),
                  ("포스페이턴츠", "x:foss-patents", "ORG")],
                 [["x:foss-patents", "x:apple"]], {}, id="ko-nested-claim-with-its-own-reported-subject"),
    # verbs that are speech only with a quotation
    pytest.param("en", "Sohail and Saeed Anwar continued their good form with an opening stand of 100.",
                 [("Sohail", "x:sohail", "PER"), ("Saeed Anwar", "x:saeed-anwar", "PER")], [], {},
                 id="en-continued-without-a-quotation"),
    pytest.param("en", "CNIEC said to be helping the Japanese trader unload its copper positions.",
                 [("CNIEC", "x:cniec")], [], {}, id="en-said-to-be"),
    pytest.param("en", "Reuters continued, “North Korea has conducted nuclear tests since 2006.”",
                 [("Reuters", "outlet:reuters"), ("North Korea", "country:KP", "LOC")],
                 [["outlet:reuters"]], {}, id="en-continued-with-a-quotation"),
]


@pytest.mark.parametrize(("lang", "text", "entities", "expected", "origin"), ONE_SENTENCE)
def test_one_sentence_chains(lang: str, text: str, entities: list[tuple[str, ...]],
                             expected: list[list[str | None]], origin: dict[str, str]) -> None:
    cs = chains(text, lang, one_sentence(text), [ent(text, *e) for e in entities], use_kb=False)
    assert [ids(c) for c in cs] == expected
    for attr, want in origin.items():
        assert getattr(cs[0].origin, attr) == want, attr
