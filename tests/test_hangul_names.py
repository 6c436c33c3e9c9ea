"""Foreign names in Hangul mended around the Korean recogniser's cuts (dossier/linking/hangul_names.py).
Needs the Kiwi analyser (the Korean tokenizer's dependency). Names here are not the dev set's."""

from dossier.linking.hangul_names import mend_hangul_names
from dossier.linking.lookup import kb_index
from dossier.model import Span


def mend(text: str, *found: tuple[str, str]) -> list[tuple[str, str]]:
    spans, pos = [], 0
    for surface, label in found:
        start = text.index(surface, pos)
        spans.append(Span(start, start + len(surface), label))
        pos = start + len(surface)
    return [(text[s.start : s.end], s.label) for s in mend_hangul_names(text, spans, kb_index())]


def test_a_span_cut_into_a_title_word_ends_before_it_and_is_a_person():
    text = "오늘 제니퍼 로런스 상원의원은 법안을 냈다."
    assert mend(text, ("제니퍼 로런스 상원", "LOC")) == [("제니퍼 로런스", "PER")]


def test_a_country_before_a_title_stays_what_it_was():
    text = "미국 하원의장은 말했다."
    assert mend(text, ("미국 하원", "ORG")) == [("미국 하원", "ORG")]


def test_a_person_grows_over_the_proper_noun_after_it():
    text = "영국의 데이비드 캐머런이 말했다."
    assert mend(text, ("데이비드", "PER")) == [("데이비드 캐머런", "PER")]


def test_two_words_join_when_the_second_is_found_elsewhere_and_a_title_makes_it_a_person():
    text = "스웨덴의 안나 마리아 셰달 선수가 우승했다. 셰달은 기뻐했다."
    got = mend(text, ("안나", "ORG"), ("셰달은", "ORG"))
    assert got[0] == ("안나 마리아 셰달", "PER")


def test_proper_nouns_before_a_title_are_a_person_where_nothing_was_found():
    assert mend("캐나다의 제니퍼 로런스 선수 역시 출전했다.") == [("제니퍼 로런스", "PER")]
    # common nouns before a title are not a name
    assert mend("쇼트트랙 여자 선수와 국가대표 선수가 출전했다.") == []


def test_a_place_after_a_name_is_not_part_of_it():
    text = "세르게이 소뱌닌 모스크바 시장은 말했다."
    assert mend(text, ("세르게이 소뱌닌", "PER")) == [("세르게이 소뱌닌", "PER")]


def test_a_country_abbreviation_after_a_name_is_not_grown_over():
    text = "마거릿 하퍼 미 국무부 차관은 말했다."
    assert mend(text, ("마거릿 하퍼", "PER")) == [("마거릿 하퍼", "PER")]


def test_a_name_before_its_affiliation_and_title_is_a_person_where_nothing_was_found():
    assert mend("마거릿 하퍼 WHO 사무총장은 말했다.") == [("마거릿 하퍼", "PER")]
    assert mend("로버트 핀치 미 국무부 차관이 왔다.") == [("로버트 핀치", "PER")]
    # an ordinary noun phrase before an organisation and a title is not a name
    assert mend("관계 당국 WHO 사무총장은 말했다.") == []


def test_a_one_word_korean_name_before_an_affiliation_and_title_is_a_person():
    assert mend("한국 정현우 국방부 대변인은 밝혔다.", ("한국", "LOC"), ("국방부", "ORG")) == [
        ("한국", "LOC"), ("정현우", "PER"), ("국방부", "ORG")]
    # without an affiliation between, a proper noun of three syllables before a title is a name too
    assert mend("정현우 대변인은 밝혔다.") == [("정현우", "PER")]
    # a country or a common word before the organisation is no name
    assert mend("러시아 외무부 대변인은 밝혔다.") == []
    assert mend("이날 국방부 대변인은 밝혔다.") == []
    # a known name or place between is no organisation: it may be the rest of a longer name
    assert ("바락", "PER") not in mend("바락 오바마 미국 대통령이 왔다.")


def test_vice_presidents_and_governors_are_titles():
    assert mend("로버트 핀치 미국 부통령이 도착했다.") == [("로버트 핀치", "PER")]


def test_a_foreign_name_of_three_syllables_or_more_before_a_title_is_a_person():
    assert mend("시라카와 천황은 말했다.") == [("시라카와", "PER")]
    # before a firm's title one word is as often the firm
    assert mend("영남제분 회장이 항소했다.") == []
