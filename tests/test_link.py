"""Entity linking (dossier/linking/link.py): cross-script links, coreference, near misses, dictionary
recognition, grouping of names not in the KB."""

import json
import unicodedata
from pathlib import Path

import pytest

from dossier import config
from dossier.linking.link import group_unlinked, kb_matches, link_entities
from dossier.model import Span
from dossier.text.scripts import is_hangul


def _word_at(text: str, start: int, end: int) -> bool:
    """No letter or combining mark glued to either side (a Korean particle may follow)."""
    def glued(c: str) -> bool:
        return c.isalnum() or unicodedata.category(c).startswith("M")
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if end - start == 1 and is_hangul(text[start]):
        return True  # one syllable of 북러
    latin_in_hangul = text[start].isascii() and is_hangul(before)  # 기사는AFP통신을
    return (latin_in_hangul or not glued(before)) and (is_hangul(after) or not glued(after))


def spans_of(text: str, *mentions: tuple[str, str]) -> list[Span]:
    """Spans for (surface, label) pairs, each at its next whole-word occurrence after the previous."""
    out, pos = [], 0
    for surface, label in mentions:
        start = text.index(surface, pos)
        while not _word_at(text, start, start + len(surface)):
            start = text.index(surface, start + 1)
        out.append(Span(start, start + len(surface), label))
        pos = start + len(surface)
    return out


def link(text, lang, *mentions):
    return link_entities(text, lang, spans_of(text, *mentions))


def test_hindi_short_form_links_to_earlier_full_mention():
    text = "रूसी राष्ट्रपति व्लादिमीर पुतिन के साथ बैठक। अधिकारियों के अनुसार, पुतिन ध्यान केंद्रित कर सकते हैं।"
    full, short = link(text, "hi", ("व्लादिमीर पुतिन", "PER"), ("पुतिन", "PER"))
    assert full.entity_id == short.entity_id == "per:vladimir-putin"
    assert (full.method, full.score) == ("alias", 1.0)
    assert short.method == "coref" and short.score < 1.0
    assert short.canonical == "Vladimir Putin"


def test_shoigu_in_two_hindi_spellings_is_one_person():
    text = "रूसी रक्षा मंत्री सर्गेई शोइगू की यात्रा। शोइगु की यात्रा के बाद।"
    a, b = link(text, "hi", ("सर्गेई शोइगू", "PER"), ("शोइगु", "PER"))
    assert a.entity_id == b.entity_id == "per:sergei-shoigu"


def test_korean_honorific_and_english_chairman_kim_after_full_name():
    text = "김정은 국무위원장이 도착했다. 김 위원장은 공장을 방문했다. Kim Jong-un arrived. Chairman Kim visited."
    ents = link(text, "ko", ("김정은", "PER"), ("김 위원장", "PER"), ("Kim Jong-un", "PER"), ("Chairman Kim", "PER"))
    assert [e.entity_id for e in ents] == ["per:kim-jong-un"] * 4
    assert ents[1].method == "coref" and ents[3].method == "coref"


def test_three_scripts_one_id():
    for text, lang in (("किम जोंग उन रूस गए", "hi"), ("김정은이 러시아에 갔다", "ko"), ("Kim Jong Un went", "en")):
        mention = text.split(" ")[0] if lang == "ko" else " ".join(text.split(" ")[:3])
        (e,) = link_entities(text, lang, [Span(0, len(mention), "PER")])
        assert e.entity_id == "per:kim-jong-un", (text, e)


def test_korean_particle_inside_span_is_stripped():
    text = "김정은이 블라디보스토크에서 러시아에 도착"
    a, b = link(text, "ko", ("김정은이", "PER"), ("러시아에", "LOC"))
    assert a.entity_id == "per:kim-jong-un"
    assert b.entity_id == "country:RU"


def test_near_misses_stay_apart():
    text = "Kim Jong-un met Kim Yo-jong near a portrait of Kim Jong-il and Kim Il Sung. Lyudmila Putina spoke."
    ents = link(
        text, "en", ("Kim Jong-un", "PER"), ("Kim Yo-jong", "PER"), ("Kim Jong-il", "PER"), ("Kim Il Sung", "PER"),
        ("Lyudmila Putina", "PER"),
    )
    assert [e.entity_id for e in ents[:4]] == ["per:kim-jong-un", "per:kim-yo-jong", "per:kim-jong-il", "per:kim-il-sung"]
    assert ents[4].entity_id is None or ents[4].entity_id.startswith("x:")
    (putina,) = link_entities("Putina said", "en", [Span(0, 6, "PER")])
    assert putina.entity_id != "per:vladimir-putin"


def test_ambiguous_family_name_is_not_guessed():
    text = "Kim Jong Un and Kim Yo Jong arrived. Kim said nothing."
    ents = link(text, "en", ("Kim Jong Un", "PER"), ("Kim Yo Jong", "PER"), ("Kim", "PER"))
    assert not (ents[2].entity_id or "").startswith("per:")


def test_family_name_without_antecedent_is_not_linked():
    (e,) = link_entities("Kim said nothing.", "en", [Span(0, 3, "PER")])
    assert not (e.entity_id or "").startswith("per:")
    (e,) = link_entities("김 위원장이 말했다", "ko", [Span(0, 1, "PER")])
    assert not (e.entity_id or "").startswith("per:")


def test_countries_in_korean_and_hindi_and_adjectives_are_not_countries():
    (kp,) = link_entities("북한은", "ko", [Span(0, 2, "LOC")])
    assert kp.entity_id == "country:KP" and kp.canonical == "North Korea"
    (ru,) = link_entities("रूस के लिए", "hi", [Span(0, 3, "LOC")])
    assert ru.entity_id == "country:RU"
    (adj,) = link_entities("Russian officials", "en", [Span(0, 7, "LOC")])
    assert adj.entity_id != "country:RU"
    (adj_hi,) = link_entities("रूसी सेना", "hi", [Span(0, 4, "LOC")])
    assert adj_hi.entity_id != "country:RU"


def test_label_decides_the_type():
    (e,) = link_entities("Wagner", "en", [Span(0, 6, "PER")])  # the composer is not the Wagner Group
    assert e.entity_id != "org:wagner-group"
    (e,) = link_entities("Wagner", "en", [Span(0, 6, "ORG")])
    assert e.entity_id == "org:wagner-group"


def test_a_full_name_under_the_wrong_label_still_links_but_never_to_a_country():
    text = "Kim Jong-un arrived. Chairman Kim left. Jordan scored."
    ents = link(text, "en", ("Kim Jong-un", "LOC"), ("Chairman Kim", "PER"), ("Jordan", "PER"))
    assert ents[0].entity_id == "per:kim-jong-un" and ents[0].score < 1.0
    assert ents[1].entity_id == "per:kim-jong-un"
    assert not (ents[2].entity_id or "").startswith("country:")


def test_unlinked_names_sharing_a_token_do_not_block_a_known_actor():
    text = "North Korea-Russia ties. Ivan Petrov and Pavel Petrov spoke. Petrov added."
    ents = link(text, "en", ("North Korea-Russia", "LOC"), ("Ivan Petrov", "PER"), ("Pavel Petrov", "PER"), ("Petrov", "PER"))
    assert ents[3].entity_id and ents[3].entity_id.startswith("x:")  # its own cluster, not a guess
    assert ents[3].entity_id not in (ents[1].entity_id, ents[2].entity_id)


def test_generic_name_decided_by_country_in_the_sentence():
    text = "दक्षिण कोरिया के राष्ट्रपति कार्यालय, रक्षा मंत्रालय ने पुष्टि नहीं की। रूस ने कहा।"
    ents = link(text, "hi", ("दक्षिण कोरिया", "LOC"), ("राष्ट्रपति कार्यालय", "ORG"), ("रक्षा मंत्रालय", "ORG"), ("रूस", "LOC"))
    assert ents[1].entity_id == "org:kr-presidential-office"
    assert ents[2].entity_id == "org:kr-defence-ministry" and ents[2].score == 0.8
    text = "The Defense Ministry said nothing."
    (e,) = link(text, "en", ("Defense Ministry", "ORG"))
    assert not (e.entity_id or "").startswith("org:")  # no country named: not decided


def test_fuzzy_link_records_the_evidence():
    (e,) = link_entities("Sergei Shoygu visited", "en", [Span(0, 13, "PER")])
    assert e.entity_id == "per:sergei-shoigu"
    assert e.method == "fuzzy" and 0.85 <= e.score <= 1.0


def test_unlinked_names_get_a_cluster_id_and_short_forms_follow_them():
    text = "Ivan Petrovsky said so. Later Petrovsky added more."
    a, b = link(text, "en", ("Ivan Petrovsky", "PER"), ("Petrovsky", "PER"))
    assert a.entity_id and a.entity_id.startswith("x:") and a.method == "none"
    assert b.entity_id == a.entity_id and b.method == "coref"


def test_a_three_word_name_without_its_last_or_middle_word_is_the_same_person():
    text = "राष्ट्रपति मोहम्मद अशरफ घनी आए। मोहम्मद अशरफ ने कहा। Then Ivan Ilyich Petrovsky met Ivan Petrovsky."
    a, b, c, d = link(text, "hi", ("मोहम्मद अशरफ घनी", "PER"), ("मोहम्मद अशरफ", "PER"),
                      ("Ivan Ilyich Petrovsky", "PER"), ("Ivan Petrovsky", "PER"))
    assert b.entity_id == a.entity_id and b.method == "coref"
    assert d.entity_id == c.entity_id and d.method == "coref"


def test_a_nickname_and_the_full_given_name_are_one_person():
    text = "As Michael Dunleavy reports, it shook. Mike Dunleavy, VOA News. Later Tom Dunleavy spoke."
    a, b, c = link(text, "en", ("Michael Dunleavy", "PER"), ("Mike Dunleavy", "PER"), ("Tom Dunleavy", "PER"))
    assert b.entity_id == a.entity_id and b.method == "coref"
    assert c.entity_id != a.entity_id  # Tom is no form of Michael


def test_a_title_short_form_and_the_full_name_that_overlaps_it_are_one_match():
    text = "Chinese President Xi Jinping spoke. Xi said no."
    assert [(text[s.start : s.end], s.label) for s in kb_matches(text, "en")] == [
        ("President Xi Jinping", "PER"), ("Xi", "PER")]


def test_another_languages_name_of_a_country_that_is_a_city_in_english_is_not_the_country():
    text = "Lula met Scholz in Brasilia. Germany and Deutschland agreed."
    a, b, c = link(text, "en", ("Brasilia", "LOC"), ("Germany", "LOC"), ("Deutschland", "LOC"))
    assert a.entity_id != "country:BR"  # Finnish for Brazil, English for the capital
    assert b.entity_id == c.entity_id == "country:DE"  # a foreign name that is no city still counts


def test_kb_matches_korean_particles_stay_outside_the_span():
    text = "김정은이 러시아에서 푸틴과 만났다. 북한군은 한국전쟁 기념일에 NYT가 보도했다."
    got = [(text[s.start : s.end], s.label) for s in kb_matches(text, "ko")]
    assert ("김정은", "PER") in got
    assert ("러시아", "LOC") in got
    assert ("푸틴", "PER") in got
    assert ("NYT", "ORG") in got
    assert not any(t.startswith(("북한", "한국")) for t, _ in got)  # 북한군, 한국전쟁


def test_kb_matches_word_boundaries_case_and_offsets():
    text = "ज़ोर से रूसी सेना रूस के लिए"
    got = [(text[s.start : s.end], s.label) for s in kb_matches(text, "hi")]
    assert got == [("रूस", "LOC")]
    text = "Tell us what the US and America said; america is lowercase."
    got = [text[s.start : s.end] for s in kb_matches(text, "en")]
    assert got == ["US", "America"]
    text = "Kim Jong-un met the Kremlin's envoy"
    got = [(text[s.start : s.end], s.label) for s in kb_matches(text, "en")]
    assert got == [("Kim Jong-un", "PER"), ("Kremlin", "ORG")]


def test_kb_matches_family_name_only_after_the_full_name():
    text = "Kim arrived. Kim Jong Un met Putin. Later Kim left; Kimberly stayed."
    got = [(s.start, text[s.start : s.end]) for s in kb_matches(text, "en")]
    assert (0, "Kim") not in got  # before the full name: not recognised
    assert (text.index("Kim left"), "Kim") in got
    assert not any(t.startswith("Kimberly") for _, t in got)
    text = "किम जोंग उन रूस गए। किम-पुतिन बैठक"
    got = [text[s.start : s.end] for s in kb_matches(text, "hi")]
    assert got.count("किम") == 1


def test_kb_matches_skips_names_that_are_common_words():
    text = "빨래를 말리는 중에 이란과 말리 대표가 만났다"
    got = [text[s.start : s.end] for s in kb_matches(text, "ko")]
    assert got == ["이란"]
    (mali,) = link_entities(text, "ko", [Span(text.index("말리 "), text.index("말리 ") + 2, "LOC")])
    assert mali.entity_id == "country:ML"  # tagged by a model, it still links


def test_korean_country_abbreviations_give_one_mention_per_country():
    text = "북러 군사동맹 부활, 북러정상회담과 한미일 공조. 한미약품은 북미 시장에"
    got = [(text[s.start : s.end], s.start) for s in kb_matches(text, "ko")]
    assert got[:2] == [("북", 0), ("러", 1)]
    assert ("북", text.index("북러정상")) in got
    assert [t for t, _ in got if _ >= text.index("한미일")][:3] == ["한", "미", "일"]
    assert not any(pos >= text.index("한미약품") for _, pos in got)  # a company, and 북미 is ambiguous
    ents = link_entities(text, "ko", kb_matches(text, "ko"))
    assert [e.entity_id for e in ents[:2]] == ["country:KP", "country:RU"]
    assert [e.entity_id for e in ents[-3:]] == ["country:KR", "country:US", "country:JP"]
    (whole,) = link_entities(text, "ko", [Span(0, 2, "LOC")])
    assert not (whole.entity_id or "").startswith("country:")  # two countries: no single id


def test_kb_matches_korean_bound_noun_after_an_organisation():
    text = "조태용 한국 대통령실 국가안보실장은 말했다"
    got = [text[s.start : s.end] for s in kb_matches(text, "ko")]
    assert "국가안보실" in got


def test_group_unlinked_across_scripts_independent_of_order():
    names = [
        ("Dmitry Medvedev", "en"), ("Дмитрий Медведев", "ru"), ("दिमित्री मेदवेदेव", "hi"),
        ("드미트리 메드베데프", "ko"), ("Dmitry Kozak", "en"), ("Дмитрий Козак", "ru"),
    ]
    groups = group_unlinked(names)
    medvedev = {groups[n][0] for n in names[:4]}
    kozak = {groups[n][0] for n in names[4:]}
    assert len(medvedev) == 1 and len(kozak) == 1 and medvedev != kozak
    assert all(cid.startswith("x:") for cid in medvedev | kozak)
    assert 0.8 <= groups[("दिमित्री मेदवेदेव", "hi")][1] <= 1.0
    assert group_unlinked(list(reversed(names))) == groups


# --- the sample corpus: every person, organisation, outlet and country it names links ---------

CORPUS = config.SHARED_DIR / "corpus"

# Per article: its language and (surface as written, label, expected id) for every actor it names, in text
# order; written by reading the articles.
GOLD_FILE = Path(__file__).with_name("link_gold.json")
GOLD = {name: (entry["lang"], [tuple(m) for m in entry["mentions"]])
        for name, entry in json.loads(GOLD_FILE.read_text(encoding="utf-8")).items()}


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not beside the repository")
@pytest.mark.parametrize("fname", sorted(GOLD))
def test_sample_articles_link_every_named_actor(fname):
    lang, gold = GOLD[fname]
    text = (CORPUS / fname).read_text(encoding="utf-8")
    spans = spans_of(text, *[(s, label) for s, label, _ in gold])
    ents = link_entities(text, lang, spans)
    wrong = [(e.text, e.entity_id, want) for e, (_, _, want) in zip(ents, gold) if e.entity_id != want]
    assert not wrong


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not beside the repository")
def test_sample_articles_one_actor_across_two_articles_and_three_scripts():
    ids = {}
    for fname in ("hi-kim-train-to-russia.txt", "ko-en-nk-russia-alliance.txt", "wiki-en-kim-visit-russia-2023.txt"):
        lang = GOLD[fname][0]
        text = (CORPUS / fname).read_text(encoding="utf-8")
        ents = link_entities(text, lang, kb_matches(text, lang))
        ids[fname] = {e.entity_id for e in ents}
    common = set.intersection(*ids.values())
    assert {"per:kim-jong-un", "per:vladimir-putin", "per:sergei-shoigu", "country:KP", "country:RU"} <= common


# --- properties: any text, any spans -----------------------------------------------------------

from hypothesis import given, settings
from hypothesis import strategies as st

_ALPHABET = st.sampled_from(list("김정은푸틴러시아북한 의에서 Kim Jong-un Putin US. रूसकिमपुतिऩँ्ी\n·-'"))


@settings(max_examples=60, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.data())
def test_any_text_and_spans_give_one_entity_per_span_with_original_offsets(text, data):
    n = len(text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n), st.sampled_from(["PER", "ORG", "LOC"])),
                               max_size=6))
    spans = [Span(min(a, b), max(a, b), lab) for a, b, lab in spans]
    ents = link_entities(text, data.draw(st.sampled_from(["en", "ko", "hi"])), spans)
    assert sorted((e.start, e.end) for e in ents) == sorted((s.start, s.end) for s in spans)
    # the only type the linker changes: a short form joined to an organisation becomes it ("Celera"
    # beside "Celera Genomics", "NDC" for the National Democratic Congress, 중대본)
    from collections import Counter

    kept = Counter((e.start, e.end, e.label) for e in ents if e.label != "ORG")
    given = Counter((s.start, s.end, s.label) for s in spans)
    assert not kept - given  # every entity not an ORG has its span's own type
    for e in ents:
        assert e.text == text[e.start : e.end]
        assert e.method in ("alias", "coref", "fuzzy", "none")
        assert (e.entity_id is None or e.entity_id.startswith("x:")) == (e.canonical is None)


@settings(max_examples=60, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.sampled_from(["en", "ko", "hi"]))
def test_kb_matches_spans_are_inside_the_text_and_do_not_overlap(text, lang):
    spans = kb_matches(text, lang)
    last_end = 0
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= last_end
        last_end = s.end


def test_a_cut_name_is_not_fuzzily_taken_for_a_near_namesake() -> None:
    # "Kim Jong" starts Kim Jong Un's name: it must not become Kim Yo Jong by similarity
    for text, lang in (("leader Kim Jong spoke", "en"), ("नेता किम जोंग को", "hi")):
        start = text.index("Kim") if lang == "en" else text.index("किम")
        end = start + (len("Kim Jong") if lang == "en" else len("किम जोंग"))
        (e,) = link_entities(text, lang, [Span(start, end, "PER")])
        assert e.entity_id != "per:kim-yo-jong"


def test_a_title_on_its_own_names_nobody():
    text = "총비서는 회담을 가졌다. The President left. Kim Jong Un arrived."
    ents = link(text, "ko", ("총비서는", "PER"), ("President", "PER"), ("Kim Jong Un", "PER"))
    assert [e.entity_id for e in ents[:2]] == [None, None]
    assert ents[2].entity_id == "per:kim-jong-un"


def test_an_outlets_one_word_name_links_whatever_its_label():
    text = "Yomiuri cited a NYT report. 요미우리는 보도했다."
    ents = link(text, "en", ("Yomiuri", "PER"))
    assert ents[0].entity_id == "outlet:yomiuri"


@pytest.mark.parametrize(("text", "lang", "surface", "actor"), [
    ("미국 지질조사국은 지진 규모가 8.2에 달했다고 밝혔습니다.", "ko", "미국 지질조사국", "org:usgs"),
    ("기후변화에 관한 정부 간 협의체(IPCC)가 보고서를 냈다.", "ko", "기후변화에 관한 정부 간 협의체", "org:ipcc"),
    ("राष्ट्रीय भूकंप विज्ञान केंद्र ने भूकंप दर्ज किया।", "hi", "राष्ट्रीय भूकंप विज्ञान केंद्र", "org:in-ncs"),
    ("The U.S. Geological Survey said the quake measured 7.8.", "en", "U.S. Geological Survey", "org:usgs"),
])
def test_disaster_and_climate_bodies_are_known_in_every_language(text, lang, surface, actor):
    assert any(text[s.start : s.end] == surface and s.label == "ORG" for s in kb_matches(text, lang))
    found = link_entities(text, lang, [s for s in kb_matches(text, lang) if text[s.start : s.end] == surface])
    assert [e.entity_id for e in found] == [actor]


def test_a_bare_weather_agency_after_its_country_is_that_countrys():
    # "일본 기상청에 따르면 … 기상청은 경보를 발령하고": the later bare 기상청 is the same Japanese agency
    text = "일본 기상청에 따르면 화산이 분화했습니다. 기상청은 경보를 발령했습니다."
    spans = kb_matches(text, "ko") + [Span(text.rindex("기상청"), text.rindex("기상청") + 3, "ORG")]
    found = {(text[e.start : e.end], e.entity_id) for e in link_entities(text, "ko", sorted(
        {(s.start, s.end, s.label): s for s in spans}.values(), key=lambda s: s.start))}
    assert ("기상청", "org:jma") in found and ("일본 기상청", "org:jma") in found
