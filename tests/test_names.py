"""People and organisations no knowledge base lists: span repair, typing, coreference, aliases and
cluster keys (dossier/linking/mentions.py, link.py, translit.py). Names from elections, state visits
and launches, far from the sample corpus's domain."""

import pytest

from dossier.corpus import pipeline
from dossier.linking.cued_names import abbreviations_before_org_nouns, apposed_org_names, titled_names
from dossier.linking.edges import complete_word
from dossier.linking.hangul_names import (
    _Words,
    names_after_roles,
    names_before_titles,
    orgs_in_apposition,
    people_before_honorifics,
)
from dossier.linking.link import _hangul_close, _latin_close, link_entities
from dossier.linking.lookup import country_in_front, kb_index
from dossier.linking.mentions import (
    is_alias_pair,
    repair_spans,
    split_at_sentence_end,
    trim_titles,
)
from dossier.linking.translit import latin_key
from dossier.linking.unlinked import group_unlinked
from dossier.model import Span


def span(text: str, surface: str, label: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Span(start, start + len(surface), label)


def surfaces(text: str, spans: list[Span]) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in spans]


# --- a span cut inside a word is completed -------------------------------------------------------

@pytest.mark.parametrize(("text", "cut", "whole"), [
    ("Lai Ching-te won.", "Lai Ching-", "Lai Ching-te"),
    ("Lai Ching-te won.", "Lai Ching", "Lai Ching-te"),
    ("Hou You-ih lost.", "Hou You-", "Hou You-ih"),
    ("Ko Wen-je came third.", "Ko We", "Ko Wen-je"),
    ("Kim Min-seok said.", "Kim Min-seok", "Kim Min-seok"),
    ("Hou, a former police chief", "Hou", "Hou"),
    ("윤석열 대통령은", "윤석열", "윤석열"),  # Hangul: what follows may be a particle
])
def test_a_span_cut_inside_a_word_ends_at_the_word_end(text, cut, whole):
    start = text.index(cut)
    assert text[start : complete_word(text, start, start + len(cut))] == whole


# --- repair: titles outside, types from cues, abbreviations never names -------------------------

@pytest.mark.parametrize(("lang", "text", "given", "want"), [
    ("hi", "श्रीमती मुर्मु ने कहा।", [("श्रीमती मुर्मु", "PER")], [("मुर्मु", "PER")]),
    ("hi", "राष्ट्रपति श्रीमती द्रौपदी मुर्मु ने कहा।", [("राष्ट्रपति श्रीमती द्रौपदी मुर्मु", "PER")],
     [("द्रौपदी मुर्मु", "PER")]),
    ("en", "President Lai said.", [("President Lai", "PER")], [("Lai", "PER")]),
    ("en", "Mr. Ko said.", [("Mr. Ko", "PER")], [("Ko", "PER")]),
    ("en", "Dr. Yoon Young-bin said.", [("Dr. Yoon Young-bin", "PER")], [("Yoon Young-bin", "PER")]),
    ("ko", "라이칭더 총통은 말했다.", [("라이칭더 총통은", "PER")], [("라이칭더 총통은", "PER")]),
    ("ko", "윤영빈 씨는 말했다.", [("윤영빈 씨는", "PER")], [("윤영빈", "PER")]),
    ("ko", "윤석열 대통령은 말했다.", [("윤석열 대통령은", "PER")], [("윤석열", "PER")]),
    ("en", "the Kuomintang said", [("Kuomintang", "PER")], [("Kuomintang", "ORG")]),
    ("en", "the Taiwan People's Party said", [("Taiwan People's Party", "PER")],
     [("Taiwan People's Party", "ORG")]),
    ("en", "the Election Commission of India said", [("Election Commission", "PER")],
     [("Election Commission", "ORG")]),
    ("ko", "더불어민주당은 합의했다.", [("더불어민주당은", "PER")], [("더불어민주당은", "ORG")]),
    ("ko", "한국항공우주연구원은 밝혔다.", [("한국항공우주연구원은", "PER")], [("한국항공우주연구원은", "ORG")]),
    ("hi", "भारतीय जनता पार्टी ने कहा।", [("भारतीय जनता पार्टी", "PER")], [("भारतीय जनता पार्टी", "ORG")]),
    ("hi", "निर्वाचन आयोग ने कहा।", [("निर्वाचन आयोग", "PER")], [("निर्वाचन आयोग", "ORG")]),
    ("en", "Tang Feng said.", [("Tang Feng", "PER")], [("Tang Feng", "PER")]),  # a family name, no suffix
    ("en", "On Jan. 13 voters went out.", [("Jan.", "PER")], []),
    ("en", "By Sept. 2 it was over.", [("Sept.", "ORG")], []),
    ("en", "Kuomintang and Ko Wen-je of the TPP", [("Kuomintang and Ko Wen-je of the", "ORG")],
     [("Kuomintang", "ORG"), ("Ko Wen-je", "PER")]),
    ("en", "the Ministry of Science and ICT said", [("Ministry of Science and ICT", "ORG")],
     [("Ministry of Science and ICT", "ORG")]),  # one name with "and" in it stays whole
    ("en", "The Naro Space Center launched it.", [("The Naro Space Center", "ORG")],
     [("Naro Space Center", "ORG")]),
    ("en", "The Hague said.", [("The", "ORG")], [("The", "ORG")]),  # nothing would be left: kept as found
    # a Korean nationality before a foreign name, taken into the span and typed a place
    ("ko", "우주선에는 캐나다인 제러미 핸슨이 탔다.", [("캐나다인 제러미 핸슨", "LOC")], [("제러미 핸슨", "PER")]),
    ("ko", "캐나다인 선교사 일행이 왔다.", [("캐나다인 선교사", "ORG")], [("캐나다인 선교사", "ORG")]),  # one word: no name
    ("ko", "덴마크인 우주비행사가 탔다.", [("덴마크", "PER")], [("덴마크", "LOC")]),  # a country's name is no person
])
def test_repair_spans(lang, text, given, want):
    spans = [span(text, s, label) for s, label in given]
    assert surfaces(text, repair_spans(text, lang, spans)) == want


# --- names after an honorific the model did not tag ---------------------------------------------

@pytest.mark.parametrize(("lang", "text", "want"), [
    ("hi", "राष्ट्रपति श्रीमती द्रौपदी मुर्मु 18 अप्रैल को शिलांग पहुंचीं।", ["द्रौपदी मुर्मु"]),
    ("hi", "श्री नरेन्द्र मोदी ने कहा।", ["नरेन्द्र मोदी"]),
    ("hi", "इस अवसर पर डॉ. जितेंद्र सिंह, श्री अमित शाह और अन्य उपस्थित थे।", ["जितेंद्र सिंह", "अमित शाह"]),
    ("en", "Dr. Ravi Kumar said the launch went well.", ["Ravi Kumar"]),
    ("en", "Mr. Lai, 64, won.", ["Lai"]),
    ("en", "Mrs. and Mr. Smith", ["Smith"]),
    ("en", "Mr. said nothing", []),
    ("hi", "तमिलनाडु के राज्यपाल डॉ. के. रोसैया को संदेश", ["के. रोसैया"]),  # initials with their dots
    ("en", "Dr. S. Rao spoke.", ["S. Rao"]),
    ("ko", "윤영빈 씨는", []),  # Korean titles follow the name: nothing to find after them
])
def test_titled_names(lang, text, want):
    assert [text[s.start : s.end] for s in titled_names(text, lang)] == want


@pytest.mark.parametrize("text, want", [
    ("Indonesia's late dictator Suharto ruled for decades.", ["Suharto"]),
    ("United Nations Secretary-General Ban Ki-moon called a meeting.", ["Ban Ki-moon"]),
    ("France striker Kylian Mbappe scored twice.", ["Kylian Mbappe"]),
    ("U.S. Attorney Carmen Ortiz, who prosecuted the case, spoke.", ["Carmen Ortiz"]),
    ("The president said nothing.", []),  # a role noun with no capitalised word after it
])
def test_names_after_role_nouns(text, want):
    assert [text[s.start : s.end] for s in titled_names(text, "en", roles=True)] == want
    # a role noun is not an honorific: without roles=True nothing is found after it
    assert all(text[s.start : s.end] not in want for s in titled_names(text, "en"))


# --- one person under one id within an article ---------------------------------------------------

def link(text: str, lang: str, *mentions: tuple[str, str]):
    spans, pos = [], 0
    for surface, label in mentions:
        start = text.index(surface, pos)
        spans.append(Span(start, start + len(surface), label))
        pos = start + len(surface)
    return link_entities(text, lang, repair_spans(text, lang, spans))


@pytest.mark.parametrize(("lang", "text", "mentions"), [
    ("en", "Lai Ching-te, also known as William Lai, won. Lai thanked voters.",
     [("Lai Ching-te", "PER"), ("William Lai", "PER"), ("Lai", "PER")]),
    ("en", "Lai Ching-te (William Lai) won. Lai thanked voters.",
     [("Lai Ching-te", "PER"), ("William Lai", "PER"), ("Lai", "PER")]),
    ("en", "Hou You-ih conceded. Hou said he was sorry.", [("Hou You-ih", "PER"), ("Hou", "PER")]),
    ("en", "Ko Wen-je came third. Mr. Ko said.", [("Ko Wen-je", "PER"), ("Mr. Ko", "PER")]),
    ("en", "Droupadi Murmu arrived. President Murmu said.", [("Droupadi Murmu", "PER"), ("President Murmu", "PER")]),
    ("en", "Aung San Suu Kyi was sentenced. Suu Kyi denied it.", [("Aung San Suu Kyi", "PER"), ("Suu Kyi", "PER")]),
    ("hi", "श्रीमती द्रौपदी मुर्मु पहुंचीं। श्रीमती मुर्मु ने कहा।",
     [("द्रौपदी मुर्मु", "PER"), ("श्रीमती मुर्मु", "PER")]),
    ("ko", "윤영빈 우주항공청장은 말했다. 윤 청장은 덧붙였다.", [("윤영빈", "PER"), ("윤", "PER")]),
    ("en", "Ranil Wickremesinghe, also known as Ranil, visited. Wickremesinghe met Modi.",
     [("Ranil Wickremesinghe", "PER"), ("Ranil", "PER"), ("Wickremesinghe", "PER")]),
    ("en", "Michael Phelps won again. Natalie Coughlin won too. Michael says he is motivated.",
     [("Michael Phelps", "PER"), ("Michael", "PER")]),
])
def test_short_forms_and_aliases_of_an_unknown_person_share_one_id(lang, text, mentions):
    ents = link(text, lang, *mentions)
    ids = {e.entity_id for e in ents}
    assert len(ids) == 1 and next(iter(ids)).startswith("x:")


@pytest.mark.parametrize(("text", "mentions"), [
    # two people sharing a family name: "Lai" refers to neither
    ("Lai Ching-te and Lai Yi-chung spoke. Lai said.", [("Lai Ching-te", "PER"), ("Lai Yi-chung", "PER"), ("Lai", "PER")]),
    # two people sharing a given name: "Michael" refers to neither
    ("Michael Phelps and Michael Klim swam. Michael said.",
     [("Michael Phelps", "PER"), ("Michael Klim", "PER"), ("Michael", "PER")]),
    # a comma between two people is not an alias
    ("Lai Ching-te, Hou You-ih and Ko Wen-je ran.", [("Lai Ching-te", "PER"), ("Hou You-ih", "PER"), ("Ko Wen-je", "PER")]),
])
def test_different_people_stay_apart(text, mentions):
    ents = link(text, "en", *mentions)
    assert len({e.entity_id for e in ents[:2]}) == 2
    if len(ents) == 3:
        assert ents[2].entity_id not in {ents[0].entity_id, ents[1].entity_id} or ents[2].text not in ("Lai", "Michael")


@pytest.mark.parametrize(("text", "left", "right", "alias"), [
    ("Lai Ching-te, also known as William Lai", "Lai Ching-te", "William Lai", True),
    ("Lai Ching-te (William Lai)", "Lai Ching-te", "William Lai", True),
    ("Lai Ching-te, better known as William Lai", "Lai Ching-te", "William Lai", True),
    ("Lai Ching-te and William Lai", "Lai Ching-te", "William Lai", False),
    ("Lai Ching-te, William Lai", "Lai Ching-te", "William Lai", False),
    ("Lai Ching-te (DPP)", "Lai Ching-te", "DPP", False),  # a party in parentheses is not an alias
])
def test_alias_cues(text, left, right, alias):
    label = "ORG" if right.isupper() else "PER"
    assert is_alias_pair(text, "en", span(text, left, "PER"), span(text, right, label)) is alias


def test_an_alias_of_a_known_actor_takes_the_known_id():
    text = "Vladimir Putin (Vladimir Vladimirovich Putin) spoke."
    ents = link(text, "en", ("Vladimir Putin", "PER"), ("Vladimir Vladimirovich Putin", "PER"))
    assert {e.entity_id for e in ents} == {"per:vladimir-putin"}


def test_a_place_named_after_a_title_keeps_the_title_in_its_key():
    # "राष्ट्रपति भवन" is the President's House: without "राष्ट्रपति" it would group with every "भवन"
    (place,) = link("वे राष्ट्रपति भवन पहुंचे।", "hi", ("राष्ट्रपति भवन", "LOC"))
    (building,) = link("वे भवन पहुंचे।", "hi", ("भवन", "LOC"))
    assert place.entity_id != building.entity_id


# --- cluster keys never collapse ----------------------------------------------------------------

@pytest.mark.parametrize("name", ["Hou You-ih", "허우유이", "होउ यू-इह", "Ko Wen-je", "Lai Ching-te",
                                  "Ouyang Yu", "Yeo You-ui", "Droupadi Murmu"])
def test_a_cluster_key_of_a_full_name_is_never_one_or_two_letters(name):
    assert len(latin_key(name)) >= 3


@pytest.mark.parametrize(("name", "key"), [("Lee", "li"), ("이", "i"), ("Oh", "o"), ("Kim Jong Un", "kimjoNun")])
def test_short_names_keep_their_keys(name, key):
    assert latin_key(name) == key


# --- cross-script grouping on names from other domains ------------------------------------------

OTHER_DOMAINS = [
    # Taiwan's 2024 presidential election
    [("Lai Ching-te", "en"), ("라이칭더", "ko"), ("लाई चिंग-ते", "hi")],
    [("Hou You-ih", "en"), ("허우유이", "ko"), ("होउ यू-इह", "hi")],
    [("Ko Wen-je", "en"), ("커원저", "ko"), ("को वेन-जे", "hi")],
    # Indian state visits
    [("Droupadi Murmu", "en"), ("드라우파디 무르무", "ko"), ("द्रौपदी मुर्मु", "hi")],
    [("Ranil Wickremesinghe", "en"), ("라닐 위크레메싱게", "ko"), ("रानिल विक्रमसिंघे", "hi")],
    [("Pinarayi Vijayan", "en"), ("피나라이 비자얀", "ko"), ("पिनराई विजयन", "hi")],
    # a Korean rocket launch
    [("Yoon Young-bin", "en"), ("윤영빈", "ko"), ("यून यंग-बिन", "hi")],
]


@pytest.mark.parametrize("names", OTHER_DOMAINS, ids=lambda ns: ns[0][0])
def test_unknown_names_group_across_scripts_in_other_domains(names):
    everyone = [n for group in OTHER_DOMAINS for n in group]
    groups = group_unlinked(everyone)
    own = {groups[n][0] for n in names}
    others = {groups[n][0] for g in OTHER_DOMAINS if g is not names for n in g}
    assert len(own) == 1 and not own & others


def test_a_korean_organisation_with_the_country_abbreviated_or_whole_is_one_name():

    ix = kb_index()
    assert country_in_front("미 대법원", "ko", ix) == country_in_front("미국 대법원", "ko", ix) == "미국 대법원"
    assert country_in_front("북 외무성", "ko", ix) == "북한 외무성"
    assert country_in_front("대법원", "ko", ix) == "대법원"  # nothing in front
    assert country_in_front("미 대법원", "en", ix) == "미 대법원"  # Korean only
    text = "미 대법원, 결정. 미국 대법원은 오늘 결정했습니다."
    ents = link(text, "ko", ("미 대법원", "ORG"), ("미국 대법원", "ORG"))
    assert ents[0].entity_id == ents[1].entity_id and ents[0].entity_id.startswith("x:")


def test_a_country_abbreviation_before_a_korean_name_is_the_country_not_part_of_the_name():
    text = "러 자하로바 대변인, 담화 발표"
    ents = link(text, "ko", ("러 자하로바", "PER"))
    assert [(e.text, e.label, e.entity_id) for e in ents] == [("러", "LOC", "country:RU"), ("자하로바", "PER", "x:jalopa")]


def test_a_country_abbreviation_alone_is_that_country():
    text = "러 외무부는 담화를 발표했다."
    ents = link(text, "ko", ("러", "PER"), ("외무부", "ORG"))
    assert (ents[0].label, ents[0].entity_id) == ("LOC", "country:RU")
    assert ents[1].entity_id == "org:ru-foreign-ministry"  # the country read from the abbreviation


@pytest.mark.parametrize("text, want", [
    ("할리우드 배우 레오나르도 디카프리오가 새로 출연한다.", [("레오나르도 디카프리오", "PER")]),
    ("이슬람 무장반군 보코하람의 공격이 이어졌다.", [("보코하람", "ORG")]),
    ("배우 섭외가 어려웠다.", []),  # a common noun after the role: nobody
])
def test_korean_names_after_a_role_noun(text, want):

    got = names_after_roles(text, [], _Words(text, kb_index()))
    assert [(text[s.start : s.end], s.label) for s in got] == want


def test_an_organisation_without_its_company_tail_is_that_organisation():
    text = "An Asiana Airlines jet crashed. The Asiana flight came from Shanghai. Washington University spoke in Washington."
    ents = link(text, "en", ("Asiana Airlines", "ORG"), ("Asiana", "LOC"), ("Washington University", "ORG"),
                ("Washington", "LOC"))
    assert ents[1].entity_id == ents[0].entity_id and ents[1].label == "ORG"
    assert ents[3].entity_id != ents[2].entity_id and ents[3].label == "LOC"  # a place, not the university


def test_an_abbreviation_is_keyed_by_its_letters_and_joins_its_name_without_the_country_in_front():
    text = "The U.S. Federal Bureau of Investigation said so. The FBI will help. The ABC said so."
    ents = link(text, "en", ("U.S. Federal Bureau of Investigation", "ORG"), ("FBI", "ORG"), ("ABC", "ORG"))
    assert ents[1].entity_id == ents[0].entity_id
    assert ents[2].entity_id == "x:abc"  # not a two-letter sound key


def test_a_name_span_run_over_the_end_of_a_sentence_is_two_mentions():
    text = "The prize went to singer Bob Dylan. Dylan was far down the list. Prof. John Smith agreed."

    # the pipeline splits the recogniser's spans (entity_spans) before they are repaired
    raw = [span(text, "Bob Dylan. Dylan", "PER"), span(text, "Prof. John Smith", "PER")]
    spans = repair_spans(text, "en", [p for s in raw for p in split_at_sentence_end(text, s, "en", kb_index())])
    assert [text[s.start : s.end] for s in spans] == ["Bob Dylan", "Dylan", "John Smith"]  # a title's dot is no sentence end


@pytest.mark.parametrize("text, mention, label, wrong", [
    ("김정훈 감독이 이끄는 북한 대표팀.", "김정훈", "PER", "per:kim-jong-un"),  # one sound key, other letters
    ("태국 등 아시아 3개 나라.", "아시아", "ORG", "org:asi"),  # a three-letter key is no misspelling
    ("The World Trade Organisation met.", "World Trade Organisation", "ORG", "org:who"),  # Trade is not Health
])
def test_a_fuzzy_sound_match_needs_the_letters_to_agree(text, mention, label, wrong):
    assert link(text, "ko" if not text.isascii() else "en", (mention, label))[0].entity_id != wrong


def test_a_fuzzy_match_still_takes_a_spelling_variant():

    assert _latin_close("Sergei Shoigu", "Sergey Shoygu") and _hangul_close("블라디보스톡", "블라디보스토크")
    assert not _hangul_close("김정훈", "김정은") and not _latin_close("Sergei Rebrov", "Sergey Lavrov")


def test_one_word_taken_for_a_person_is_the_organisation_it_begins_unless_a_person_has_it():
    text = "Celera Genomics said so. Celera is ahead. Gerald Ford met the Ford Foundation. Ford spoke."
    ents = link(text, "en", ("Celera Genomics", "ORG"), ("Celera", "PER"), ("Gerald Ford", "PER"),
                ("Ford Foundation", "ORG"), ("Ford", "PER"))
    assert (ents[1].entity_id, ents[1].label) == (ents[0].entity_id, "ORG")
    assert ents[4].entity_id != ents[3].entity_id


def test_a_span_over_a_sentence_end_before_a_title_gives_the_organisation_and_the_person(monkeypatch):

    text = "Their work is led by the National Institutes of Health. Doctor Collins says no."
    start = text.index("National")
    monkeypatch.setattr(pipeline.ner, "recognize", lambda t, lang: [Span(start, text.index(" says"), "ORG")])
    got = [(text[s.start : s.end], s.label) for s in pipeline.entity_spans(text, "en")]
    assert ("National Institutes of Health", "ORG") in got and ("Doctor Collins", "PER") in got


def test_a_foreign_surname_that_is_also_a_town_before_an_affiliation_and_title():
    # 오바마 is also Obama, a town in Japan: after a first name, before "미국 대통령", it is the surname

    text = "바락 오바마 미국 대통령이 참석했다."
    got = names_before_titles(text, [], _Words(text, kb_index()))
    assert [(text[s.start : s.end], s.label) for s in got] == [("바락 오바마", "PER")]


def test_a_korean_organisation_abbreviated_by_its_syllables_is_that_organisation():
    text = "더민주와 민주당. 더불어민주당과 민주평화당, 한국은행과 한은."
    ents = link(text, "ko", ("더민주", "ORG"), ("민주당", "ORG"), ("더불어민주당", "ORG"), ("민주평화당", "ORG"),
                ("한국은행", "ORG"), ("한은", "ORG"))
    assert ents[0].entity_id == ents[2].entity_id
    assert ents[1].entity_id != ents[3].entity_id  # keeps the head 당: another party
    assert ents[5].entity_id == ents[4].entity_id


def test_korean_ranks_and_academic_titles_are_titles_but_a_school_before_a_professor_is_no_person():

    ix = kb_index()
    text = "이세돌 9단"
    assert text[slice(*trim_titles(text, 0, len(text), "ko", ix))] == "이세돌"
    text = "중앙대 교수와 경찰대 교수 등이 참석했다."
    assert names_before_titles(text, [], _Words(text, ix)) == []


def test_an_organisation_named_again_without_its_leading_words_is_that_organisation():
    text = "The National Recording Academy held the show. The Recording Academy suspended its chief."
    ents = link(text, "en", ("National Recording Academy", "ORG"), ("Recording Academy", "ORG"))
    assert ents[1].entity_id == ents[0].entity_id


@pytest.mark.parametrize(("text", "spans"), [
    # two full names end in the short form; a short form before the full name is not a later mention
    ("The National Science Academy and the Royal Science Academy met. The Science Academy spoke.",
     (("National Science Academy", "ORG"), ("Royal Science Academy", "ORG"), ("Science Academy", "ORG"))),
    ("The Science Academy spoke. Later the National Science Academy met.",
     (("Science Academy", "ORG"), ("National Science Academy", "ORG"))),
])
def test_an_organisation_without_leading_words_stays_apart_where_that_is_unsure(text, spans):
    ents = link(text, "en", *spans)
    assert ents[-1].entity_id not in {e.entity_id for e in ents[:-1]}


def test_a_korean_organisation_named_again_without_a_modifier_is_that_organisation():
    text = "북한 축구대표팀이 졌다. 북한 대표팀은 브라질 대표팀에 1대2로 졌다."
    ents = link(text, "ko", ("북한 축구대표팀", "ORG"), ("북한 대표팀", "ORG"), ("브라질 대표팀", "ORG"))
    assert ents[1].entity_id == ents[0].entity_id
    assert ents[2].entity_id != ents[0].entity_id  # another country's team


def test_a_korean_organisation_without_its_modifier_stays_apart_when_two_full_names_fit():
    text = "북한 축구대표팀과 북한 여자축구대표팀. 북한 대표팀이 이겼다."
    ents = link(text, "ko", ("북한 축구대표팀", "ORG"), ("북한 여자축구대표팀", "ORG"), ("북한 대표팀", "ORG"))
    assert ents[2].entity_id not in (ents[0].entity_id, ents[1].entity_id)
    assert ents[0].entity_id != ents[1].entity_id  # not a bare head: the men's and the women's team


def test_a_place_cue_and_a_place_typed_a_person_is_the_place():
    text = "동성애자들은 현재 수도 워싱턴 DC와 미국 내 36개 주에서 결혼할 수 있다."
    start = text.index("수도")
    got = repair_spans(text, "ko", [Span(start, start + len("수도 워싱턴"), "PER")])
    assert [(text[s.start : s.end], s.label) for s in got] == [("워싱턴", "LOC")]
    text = "수도 김민수 씨가 말했다."  # no place after the cue: left to the recogniser
    got = repair_spans(text, "ko", [Span(0, 6, "PER")])
    assert [s.label for s in got] == ["PER"]


def test_a_name_after_a_company_called_is_an_organisation_where_nothing_else_was_found():
    text = "A company called OrbComm hired the firm to deploy 11 satellites."
    assert [(text[s.start : s.end], s.label) for s in titled_names(text, "en", roles=True)] == [("OrbComm", "ORG")]


def test_korean_role_nouns_are_left_to_the_reader_that_knows_particles():
    # titled_names would run on past the particle ("톰 크루즈가 서울에"); hangul_names reads them
    assert titled_names("할리우드 배우 톰 크루즈가 서울에 왔다.", "ko", roles=True) == []


def test_a_hyphenated_surname_cut_before_its_capitalised_part_is_made_whole():
    text = "Nana Addo Dankwah Akufo-Addo, NPP, and the Kim-Putin summit."
    spans = [Span(text.index("Dankwah"), text.index("-Addo"), "PER"), Span(text.index("Kim"), text.index("-Putin"), "PER")]
    assert [text[s.start : s.end] for s in repair_spans(text, "en", spans)] == ["Dankwah Akufo-Addo", "Kim"]


def test_an_abbreviation_taken_for_a_person_is_the_organisation_it_spells():
    text = "Mahama of the National Democratic Congress won. John Mahama, NDC: 5,574,761 votes. The NDC said so."
    ents = link(text, "en", ("National Democratic Congress", "ORG"), ("John Mahama", "PER"), ("NDC", "PER"), ("NDC", "PER"))
    assert [(e.text, e.label, e.entity_id) for e in ents if e.text == "NDC"] == [("NDC", "ORG", ents[0].entity_id)] * 2


def test_the_word_after_a_kind_of_organisation_with_the_copula_is_that_organisation():

    text = "여당인 국민의힘은 94곳에서 이겼다. 교육부 소속기관인 국사편찬위원회, 그리고 배우인 김민수 씨."
    got = orgs_in_apposition(text, [], _Words(text, kb_index()))
    assert [(text[s.start : s.end], s.label) for s in got] == [("국민의힘", "ORG"), ("국사편찬위원회", "ORG")]


def test_a_korean_name_glossed_in_brackets_or_former_before_a_title_is_a_person():

    text = "중국 보시라이(薄熙來) 전 충칭시 당서기와 아베 신조(安倍晋三) 일본 총리, 리언 패네타 전 장관."
    got = names_before_titles(text, [], _Words(text, kb_index()))
    assert [text[s.start : s.end] for s in got] == ["보시라이", "아베 신조", "리언 패네타"]


def test_an_abbreviation_before_an_organisation_noun_is_an_organisation_but_not_a_country_code():

    text = "Researchers from the ALMA observatory said so. A UK bank and the OSCE mission agreed."
    assert [text[s.start : s.end] for s in abbreviations_before_org_nouns(text, "en")] == ["ALMA", "OSCE"]


def test_a_person_with_a_possessive_taken_for_an_organisation_is_the_person():
    text = "Zelenskiy's Party Leads In Election\nThe party of President Volodymyr Zelenskiy won. People's Party lost."
    ents = link(text, "en", ("Zelenskiy's Party", "ORG"), ("Volodymyr Zelenskiy", "PER"), ("People's Party", "ORG"))
    assert (ents[0].text, ents[0].label, ents[0].entity_id) == ("Zelenskiy", "PER", ents[1].entity_id)
    assert (ents[2].text, ents[2].label) == ("People's Party", "ORG")  # no person called People


def test_a_name_set_off_by_commas_after_an_organisation_noun_is_an_organisation():
    text = ("His party, Servant of the People, is named after his TV show. Another new party, Voice, is "
            "headed by a singer. The party, which won, said so.")
    assert [text[s.start : s.end] for s in apposed_org_names(text, "en")] == ["Servant of the People", "Voice"]
    assert apposed_org_names("Their party, Servant of the People, won.", "hi") == []  # no such nouns


def test_a_korean_syllable_abbreviation_taken_for_a_person_is_the_organisation_but_a_name_it_holds_is_not():
    text = "한국 중앙재난안전대책본부가 밝혔다. 중대본은 또 김대중평화센터와 김대중을 언급했다."
    ents = link(text, "ko", ("한국 중앙재난안전대책본부", "ORG"), ("중대본", "PER"), ("김대중평화센터", "ORG"), ("김대중", "PER"))
    assert (ents[1].label, ents[1].entity_id) == ("ORG", ents[0].entity_id)
    assert (ents[3].label, ents[3].entity_id) != ("ORG", ents[2].entity_id)


def test_a_korean_country_and_a_title_taken_for_an_organisation_is_the_country():
    text = "이시바 시게루 일본 총리와 토니 블링컨 미국 국무장관이 만났다."
    spans = [Span(text.index("일본 총리"), text.index("일본 총리") + 5, "ORG"),
             Span(text.index("미국 국무장관"), text.index("미국 국무장관") + 7, "ORG")]
    got = repair_spans(text, "ko", spans)
    assert [(text[s.start : s.end], s.label) for s in got] == [("일본", "LOC"), ("미국", "LOC")]


def test_a_weekday_ends_no_place_or_person_but_may_end_a_club():
    text = "Power shifted in Washington Tuesday as Sheffield Wednesday lost."
    spans = [Span(text.index("Washington"), text.index(" as"), "LOC"), Span(text.index("Sheffield"), text.index(" lost"), "ORG")]
    assert [text[s.start : s.end] for s in repair_spans(text, "en", spans)] == ["Washington", "Sheffield Wednesday"]


def test_one_name_word_before_a_country_and_a_title_is_a_person():

    text = "리창 중국 총리와 모디 인도 총리가 왔다. 윤 후보와 서울 시장도."
    got = names_before_titles(text, [], _Words(text, kb_index()))
    assert [text[s.start : s.end] for s in got] == ["리창", "모디"]


def test_a_hindi_honorific_with_the_abbreviation_sign_after_a_comma_and_not_before_an_institution():
    text = "उत्तराखंड के राज्यपाल,डॉ॰ अज़ीज कुरेशी को संदेश भेजा। डॉ॰ हरिसिंह गौर विश्वविद्यालय में।"
    assert [text[s.start : s.end] for s in titled_names(text, "hi")] == ["अज़ीज कुरेशी"]


def test_us_parties_and_chambers_by_their_bare_names_only_beside_the_united_states():
    text = "Democrats won back the U.S. House of Representatives. But Republicans kept the Senate."
    ents = link(text, "en", ("Democrats", "ORG"), ("U.S. House of Representatives", "ORG"), ("Republicans", "ORG"), ("Senate", "ORG"))
    assert [e.entity_id for e in ents] == ["org:us-democratic-party", "org:us-house", "org:us-republican-party", "org:us-senate"]
    text = "In Japan the House of Representatives voted and the Democrats lost."
    ents = link(text, "en", ("Japan", "LOC"), ("House of Representatives", "ORG"), ("Democrats", "ORG"))
    assert [e.entity_id for e in ents][1:] == ["x:usopleplesentatipes", "x:temoklas"]


def test_another_countrys_democratic_party_is_not_the_us_one():
    text = "In Japan, the ruling Democratic Party of Japan met. The Democratic Party said Kan would stay."
    ents = link(text, "en", ("Japan", "LOC"), ("Democratic Party of Japan", "ORG"), ("Democratic Party", "ORG"))
    assert "org:us-democratic-party" not in [e.entity_id for e in ents]


def test_a_generic_name_after_another_country_is_not_the_us_body():
    text = "미국 대통령이 말했다. 영국 하원은 표결했다."
    ents = link(text, "ko", ("미국", "LOC"), ("영국", "LOC"), ("하원", "ORG"))
    assert ents[2].entity_id != "org:us-house"


def test_a_place_span_before_the_honorific_ssi_is_a_person_less_its_demonym():

    text = "미국인 조지 바이탈리 씨는 말했다. 부산 씨는"
    spans = [Span(0, text.index(" 씨는"), "LOC"), Span(text.index("부산"), text.index("부산") + 2, "LOC")]
    got = people_before_honorifics(text, spans, _Words(text, kb_index()))
    assert [(text[s.start : s.end], s.label) for s in got] == [("조지 바이탈리", "PER"), ("부산", "LOC")]


def test_a_korean_name_cut_before_its_family_name_takes_it_when_the_text_names_it_alone():
    text = "용의자는 아르칸 세틴으로, 경찰은 세틴을 체포했다."
    first, later = text.index("아르칸"), text.rindex("세틴")
    spans = [Span(first, first + 3, "PER"), Span(later, later + 2, "PER")]
    assert surfaces(text, repair_spans(text, "ko", spans)) == [("아르칸 세틴", "PER"), ("세틴", "PER")]
    # two known leaders side by side in a headline stay two people
    text = "김정은 푸틴 회담. 푸틴은 말했다."
    spans = [Span(0, 3, "PER"), Span(text.rindex("푸틴"), text.rindex("푸틴") + 2, "PER")]
    assert surfaces(text, repair_spans(text, "ko", spans)) == [("김정은", "PER"), ("푸틴", "PER")]


def test_a_korean_name_span_that_took_the_first_part_of_a_title_word_loses_it():
    ix = kb_index()
    text = "미국의 존 케리 국무장관은 말했습니다."
    start, cut = text.index("존"), text.index("장관")  # the recogniser's span: "존 케리 국무"
    assert text[slice(*trim_titles(text, start, cut, "ko", ix))] == "존 케리"
    # a name with its particle glued on is not a title word
    text = "존 케리가 말했다."
    assert text[slice(*trim_titles(text, 0, text.index("가"), "ko", ix))] == "존 케리"


def test_a_foreign_name_cut_at_a_middle_word_ending_in_do_is_one_person():
    # Kiwi reads the 도 of 에두아르도 (Eduardo) as the particle "also"
    text = "호세 에두아르도 도스 산토스 현 대통령이 이끄는 집권당"
    first, second = Span(0, text.index("도 도스"), "PER"), Span(text.index("도스"), text.index(" 현"), "PER")
    assert surfaces(text, repair_spans(text, "ko", [first, second])) == [("호세 에두아르도 도스 산토스", "PER")]
    # a one-word name then 도 is "A, and also B": two people
    text = "김현수도 이대호와 함께 뛰었다."
    spans = [Span(0, 3, "PER"), Span(text.index("이대호"), text.index("이대호") + 3, "PER")]
    assert surfaces(text, repair_spans(text, "ko", spans)) == [("김현수", "PER"), ("이대호", "PER")]


def test_current_and_former_before_a_korean_title_are_no_part_of_the_name():
    ix = kb_index()
    text = "도스 산토스 현 대통령이 말했다."
    assert text[slice(*trim_titles(text, 0, text.index(" 대통령"), "ko", ix))] == "도스 산토스"
    text = "전 대통령 조 바이든은 말했다."
    assert text[slice(*trim_titles(text, 0, text.index("은"), "ko", ix))] == "조 바이든"


def test_where_a_firm_is_based_is_no_part_of_its_name():
    text = "the Miami-based National Hurricane Center said"
    span = Span(text.index("Miami"), text.index(" said"), "ORG")
    assert surfaces(text, repair_spans(text, "en", [span])) == [("National Hurricane Center", "ORG")]


def test_a_name_after_an_indian_military_rank_is_a_person():
    from dossier.linking.cued_names import titled_names
    text = "राष्ट्रपति ने एयर चीफ मार्शल अरुप राहा को भेजे शोक संदेश में कहा कि स्क्वाड्रन लीडर रघु बन्सी की जान चली गई।"
    got = [text[s.start : s.end] for s in titled_names(text, "hi", roles=True)]
    assert got == ["अरुप राहा", "रघु बन्सी"]
    # a postposition right after the rank: no name follows
    assert titled_names("पुलिस ने कर्नल को बुलाया।", "hi", roles=True) == []


def test_a_korean_span_gives_the_ordinal_prefix_back_to_its_number():
    text = "유엔기후변화협약 제26차 당사국 총회"
    span = Span(0, text.index("26"), "ORG")  # the recogniser's "유엔기후변화협약 제"
    assert surfaces(text, repair_spans(text, "ko", [span])) == [("유엔기후변화협약", "ORG")]
