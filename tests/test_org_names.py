"""Organisation names by their head word (dossier/linking/org_names.py) and abbreviations read as
their full name (dossier/linking/abbreviations.py). Names here are not the dev set's."""

import pytest

from dossier.linking.abbreviations import (
    abbreviation_of,
    abbreviation_pair,
    defined_abbreviations,
    initials_of,
    reordered_abbreviation_of,
)
from dossier.linking.link import link_entities
from dossier.linking.mentions import repair_spans, split_parenthesised
from dossier.linking.org_names import merge_org_names, org_name_spans
from dossier.model import Span


def found(text: str, lang: str) -> list[str]:
    return [text[s.start : s.end] for s in org_name_spans(text, lang)]


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "The Korea Meteorological Administration said the Bank of Thailand Governor spoke.",
     ["Korea Meteorological Administration", "Bank of Thailand"]),
    ("en", "Police said. The Pacific Tsunami Warning Center, in Hawaii, warned.", ["Pacific Tsunami Warning Center"]),
    ("en", "Indonesia's National Disaster Mitigation Agency counted.", ["National Disaster Mitigation Agency"]),
    ("en", "The minister and his agency said nothing.", []),  # no capitals: no name
    ("en", "The Rocky Mountain News in Denver won. So did the Chicago Tribune.", ["Rocky Mountain News", "Chicago Tribune"]),
    ("en", "It won in Denver and the Chicago Tribune said so.", ["Chicago Tribune"]),  # "and the" joins two names
    ("en", "Forecasters at the Miami-based National Hurricane Center said so.", ["National Hurricane Center"]),
    ("en", "the Ministry of Health and Welfare said", ["Ministry of Health and Welfare"]),
    ("en", "Police Arrest Opposition Party Leader In Capital\nThe Electoral Commission said", ["Electoral Commission"]),
    ("ko", "행정안전부는 밝혔다. 미국 지질조사국과 식품의약품안전처가 말했다.", ["행정안전부", "식품의약품안전처"]),
    ("ko", "연락처를 요청했다. 동남부에서 지진이 났다.", []),  # everyday words with those endings
    ("ko", "태국 은행이 금리를 올렸다.", ["태국 은행"]),  # a country, then a head word
    ("ko", "구조된 사람 가운데 한빛고등학교 학생이 많았다.", ["한빛고등학교"]),
    ("ko", "한국 국회의 탄핵소추 의결과 서울시의회 결정. 정기국회가 열렸다.", ["한국 국회", "서울시의회"]),
    ("ko", "북한 축구대표팀이 졌다. 한국 대표팀은 이겼다.", ["북한 축구대표팀", "한국 대표팀"]),
    ("ko", "교도통신에 따르면 한국일보도 보도했다.", ["교도통신", "한국일보"]),  # a news agency, a newspaper
    ("hi", "कल राष्ट्रीय आपदा प्रबंधन प्राधिकरण ने कहा और इस मंत्रालय को", ["राष्ट्रीय आपदा प्रबंधन प्राधिकरण"]),
    ("hi", "पुणे के सावित्रीबाई फुले विश्वविद्यालय में", ["सावित्रीबाई फुले विश्वविद्यालय"]),
    ("hi", "प्रधानमंत्री ने सीरम इंस्टीट्यूट में हुई आग पर शोक व्यक्त किया", ["सीरम इंस्टीट्यूट"]),  # an English head in Devanagari
    ("ko", "대한항공은 운항을 멈췄고 말레이시아 항공 여객기는 항공기 정비를 받았다.", ["대한항공", "말레이시아 항공"]),
    ("hi", "अध्यक्ष, राष्ट्रीय नवप्रवर्तन प्रतिष्ठान, और इन्होंने पंचवटी फाउंडेशन की", ["राष्ट्रीय नवप्रवर्तन प्रतिष्ठान",
                                                                              "पंचवटी फाउंडेशन"]),
])
def test_organisation_names_by_head_word(lang, text, names):
    assert found(text, lang) == names


@pytest.mark.parametrize(("lang", "text", "names"), [
    # the office that issues a release, on a line of its own above the headline
    ("hi", "उपराष्ट्रपति सचिवालय\n\nउपराष्ट्रपति ने चेन्नई में छात्रों को संबोधित किया", ["उपराष्ट्रपति सचिवालय"]),
    ("hi", "  वित्त मंत्रालय \nवित्त मंत्री ने बजट पेश किया", ["वित्त मंत्रालय"]),
    ("en", "Vice President's Secretariat\nVice President addresses students in Chennai", ["Vice President's Secretariat"]),
    # not a line of its own, one word alone, a sentence or a line with a number: no office line
    ("hi", "उन्होंने कहा कि प्रधानमंत्री कार्यालय ने ट्वीट किया।", []),
    ("hi", "कार्यालय\nकल बैठक हुई", []),
    ("en", "Office\nthe minister said", []),
    ("en", "Room 12 Office\nsomething", []),
])
def test_a_line_that_is_only_an_office_name_is_an_organisation(lang, text, names):
    assert found(text, lang) == names


def test_a_proposal_replaces_the_country_inside_it_but_never_cuts_or_swallows_a_person():
    text = "The Thailand Meteorological Department said. Bank of Uganda Governor Emmanuel Tumusiime"
    country = Span(4, 12, "LOC")
    person = Span(text.index("Emmanuel"), len(text), "PER")
    merged = merge_org_names([country, person], org_name_spans(text, "en"))
    assert [(text[s.start : s.end], s.label) for s in merged] == [
        ("Thailand Meteorological Department", "ORG"), ("Bank of Uganda", "ORG"), ("Emmanuel Tumusiime", "PER")]
    cut = Span(text.index("Department"), text.index("said") + 4, "ORG")  # would be cut: the proposal yields
    assert merge_org_names([cut], org_name_spans(text, "en")[:1]) == [cut]
    assert merge_org_names([country], org_name_spans(text, "en")[:1], known=lambda s: True) == [country]


@pytest.mark.parametrize(("full", "short", "same"), [
    ("Federal Emergency Management Agency", "FEMA", True),
    ("U.K. Met Office", "UKMO", True),
    ("Bank for International Settlements", "BIS", True),
    ("Federal Emergency Management Agency", "FBI", False),
    ("Fema", "FEMA", False),  # one word: no initials to compare
])
def test_initials(full, short, same):
    assert abbreviation_of(full, short) is same


@pytest.mark.parametrize(("full", "short", "same"), [
    ("Revolutionary Armed Forces of Colombia", "FARC", True),  # Fuerzas Armadas Revolucionarias de Colombia
    ("National Union for the Total Independence of Angola", "UNITA", True),
    ("Federal Bureau of Investigation", "FBI", False),  # the English order is the other rule's
    ("Labour Party", "PL", False),  # two letters swapped say too little
    ("National Liberation Army", "ELN", False),  # Ejército: another word, not another order
])
def test_initials_in_the_order_of_the_organisation_s_own_language(full, short, same):
    assert reordered_abbreviation_of(full, short) is same


def test_an_abbreviation_from_the_name_in_its_own_language_links_to_the_english_name():
    text = "The National Union for the Total Independence of Angola lost. UNITA said it would appeal."
    full, short = "National Union for the Total Independence of Angola", "UNITA"
    ents = link_entities(text, "en", [Span(text.index(full), text.index(full) + len(full), "ORG"),
                                      Span(text.index(short), text.index(short) + len(short), "ORG")])
    assert ents[0].entity_id == ents[1].entity_id


def test_initials_of_a_name_in_another_script_are_empty():
    assert initials_of("राष्ट्रीय आपदा प्रबंधन प्राधिकरण") == ""


@pytest.mark.parametrize(("text", "left", "right", "pair"), [
    ("The Federal Emergency Management Agency (FEMA) said", "Federal Emergency Management Agency", "FEMA", True),
    ("NDMA (National Disaster Management Authority) said", "NDMA", "National Disaster Management Authority", True),
    ("राष्ट्रीय आपदा प्रबंधन प्राधिकरण (एनडीएमए) ने कहा", "राष्ट्रीय आपदा प्रबंधन प्राधिकरण", "एनडीएमए", True),
    ("유엔아동기금, UNICEF는 밝혔다", "유엔아동기금", "UNICEF", True),
    ("유엔아동기금, UNICEF 등이 밝혔다", "유엔아동기금", "UNICEF", False),  # a list
    ("The agencies UNHCR, UNICEF and others", "UNHCR", "UNICEF", False),  # an English list
    ("the Ministry of Defence (Japan) said", "Ministry of Defence", "Japan", False),
    ("유럽우주국(ESA)의 조종사", "유럽우주국", "ESA", True),  # a one-word Korean name, a Latin abbreviation
    ("서울(한국)에서", "서울", "한국", False),  # two one-word names in one script
])
def test_abbreviation_pairs(text, left, right, pair):
    ls = text.index(left)
    rs = text.index(right, ls + len(left))
    assert abbreviation_pair(text, Span(ls, ls + len(left), "ORG"), Span(rs, rs + len(right), "ORG")) is pair


def test_a_glued_name_the_recogniser_typed_a_person_is_paired_with_its_organisation_abbreviation():
    text = "집권 여당인 앙골라인민해방운동(MPLA)이 74퍼센트를 얻었다."
    ls, rs = text.index("앙골라"), text.index("MPLA")
    full, short = Span(ls, text.index("("), "PER"), Span(rs, rs + 4, "ORG")
    assert abbreviation_pair(text, full, short)
    # a person's name with its Hanja, or two words of a person's name, stay people
    text = "보시라이(薄熙來)는 말했다."
    assert not abbreviation_pair(text, Span(0, 4, "PER"), Span(5, 8, "ORG"))
    text = "존 케리(JK)는 말했다."
    assert not abbreviation_pair(text, Span(0, 4, "PER"), Span(5, 7, "ORG"))


def test_a_parenthesised_abbreviation_inside_one_span_becomes_two_spans():
    text = "राष्ट्रीय आपदा प्रबंधन प्राधिकरण (एनडीएमए) ने"
    whole = Span(0, text.index(")") + 1, "ORG")
    parts = split_parenthesised(text, whole)
    assert [text[s.start : s.end] for s in parts] == ["राष्ट्रीय आपदा प्रबंधन प्राधिकरण", "एनडीएमए"]
    assert len(repair_spans(text, "hi", [whole])) == 2


def test_an_abbreviation_and_its_full_name_share_one_id():
    text = ("The Federal Emergency Management Agency sent teams. FEMA said more would follow. "
            "The Pacific Tsunami Warning Center (PTWC) cancelled its warning; PTWC said so.")
    spans = [Span(text.index(n, pos), text.index(n, pos) + len(n), "ORG") for n, pos in [
        ("Federal Emergency Management Agency", 0), ("FEMA", 40), ("Pacific Tsunami Warning Center", 0),
        ("PTWC", 0), ("PTWC", text.index("warning;"))]]
    ents = link_entities(text, "en", spans)
    assert len({ents[0].entity_id, ents[1].entity_id}) == 1
    assert len({ents[2].entity_id, ents[3].entity_id, ents[4].entity_id}) == 1
    assert ents[0].entity_id != ents[2].entity_id


def test_an_organisation_the_recogniser_found_keeps_its_edges():
    text = "Chairman of the Board of Governors of Acme-Nord said"
    found_org = Span(text.index("Board"), text.index("-Nord"), "ORG")
    assert merge_org_names([found_org], org_name_spans(text, "en")) == [found_org]


def test_korean_words_ending_like_an_everyday_noun_are_no_organisation():
    assert found("미국담당 차관보와 바이든 행정부는", "ko") == []


def test_an_abbreviation_defined_in_parentheses_becomes_an_organisation_span():
    text = "국제원자력기구 (IAEA)는 밝혔다. 경찰 (KNP)과 박 (PM)"
    org = text.index("국제원자력기구")
    got = defined_abbreviations(text, [Span(org, org + len("국제원자력기구"), "ORG"),
                                       Span(text.index("박"), text.index("박") + 1, "PER")])
    assert [text[s.start : s.end] for s in got] == ["IAEA"]  # only after an organisation
    # already a span: nothing added
    iaea = text.index("IAEA")
    assert defined_abbreviations(text, [Span(org, org + 7, "ORG"), Span(iaea, iaea + 4, "ORG")]) == []


def test_korean_military_units_named_by_a_number_are_organisations_kept_apart_by_it():
    from dossier.corpus.pipeline import recognise_entities

    text = "미 7함대와 제2사단이 출동했고 미 3함대는 대기했다."
    found = {(e.text, e.label, e.entity_id) for e in recognise_entities(text, "ko")}
    assert ("미 7함대", "ORG") in {(t, lab) for t, lab, _ in found}
    assert ("제2사단", "ORG") in {(t, lab) for t, lab, _ in found}
    ids = {t: i for t, _, i in found}
    assert ids["미 7함대"] != ids["미 3함대"]  # the number is part of the name
