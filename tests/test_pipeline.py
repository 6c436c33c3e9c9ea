import datetime as dt

from dossier.corpus import pipeline
from dossier.model import Span


def test_kb_names_replace_a_merged_unlinked_model_span(monkeypatch) -> None:
    text = "President of Russia Vladimir Putin spoke."
    monkeypatch.setattr(pipeline.ner, "recognize", lambda t, lang: [Span(13, 34, "PER")])
    spans = pipeline.entity_spans(text, "en")
    assert [(text[s.start:s.end], s.label) for s in spans] == [("Russia", "LOC"), ("Vladimir Putin", "PER")]


def test_a_country_after_of_inside_a_model_organisation_is_part_of_its_name(monkeypatch) -> None:
    text = "The People's Movement for the Liberation of Angola won."
    monkeypatch.setattr(pipeline.ner, "recognize", lambda t, lang: [Span(4, text.index(" won"), "ORG")])
    got = [(text[s.start:s.end], s.label) for s in pipeline.entity_spans(text, "en")]
    assert got == [("People's Movement for the Liberation of Angola", "ORG")]


def test_a_country_written_in_front_of_a_model_organisation_stays_in_its_name(monkeypatch) -> None:
    text = "according to the U.S. Centers for Disease Control and Prevention in Atlanta."
    org = Span(text.index("U.S."), text.index(" in Atlanta"), "ORG")
    monkeypatch.setattr(pipeline.ner, "recognize", lambda t, lang: [org])
    got = [(text[s.start:s.end], s.label) for s in pipeline.entity_spans(text, "en")]
    assert ("U.S. Centers for Disease Control and Prevention", "ORG") in got
    # ... but the owner before a possessive is not ("Russia's Defence Ministry" is cut to its KB names)
    text = "Russia's Defence Ministry said."
    monkeypatch.setattr(pipeline.ner, "recognize", lambda t, lang: [Span(0, text.index(" said"), "ORG")])
    assert ("Russia's Defence Ministry", "ORG") not in [(text[s.start:s.end], s.label) for s in pipeline.entity_spans(text, "en")]


def test_linked_model_span_is_kept_and_kb_fills_gaps(monkeypatch) -> None:
    text = "Kim Jong Un met reporters in Russia."
    monkeypatch.setattr(pipeline.ner, "recognize", lambda t, lang: [Span(0, 11, "PER")])
    got = [(text[s.start:s.end], s.label) for s in pipeline.entity_spans(text, "en")]
    assert got == [("Kim Jong Un", "PER"), ("Russia", "LOC")]


def test_analyse_offsets_are_into_the_article_and_segments_use_their_language() -> None:
    text = "김정은 위원장은 13일 푸틴 대통령과 만났다.\nKim Jong Un met Vladimir Putin on the 13th."
    a = pipeline.analyse(text, published=dt.date(2023, 9, 15))
    for e, lang in a.entities:
        assert text[e.start:e.end] == e.text
        assert lang == ("ko" if e.start < text.index("\n") else "en")
    assert {e.entity_id for e, _ in a.entities} >= {"per:kim-jong-un", "per:vladimir-putin"}
    assert [t.value for t in a.times] == ["2023-09-13", "2023-09-13"]
    for t in a.times:
        assert text[t.start:t.end] == t.text


def test_language_without_model_still_gets_kb_entities_and_a_note() -> None:
    text = "Le président Vladimir Poutine a rencontré Kim Jong Un en Russie la semaine dernière."
    a = pipeline.analyse(text)
    assert any("no NER model for fr" in n for n in a.notes)
    assert "country:RU" in {e.entity_id for e, _ in a.entities}


def test_longer_dictionary_name_replaces_a_cut_model_span(monkeypatch) -> None:
    text = "उत्तर कोरियाई नेता किम जोंग उन को लेकर"
    start = text.index("किम")
    monkeypatch.setattr(pipeline.ner, "recognize", lambda t, lang: [Span(start, start + len("किम जोंग"), "PER")])
    (kim,) = [e for e in pipeline.recognise_entities(text, "hi") if e.label == "PER"]
    assert (kim.text, kim.entity_id) == ("किम जोंग उन", "per:kim-jong-un")


def test_place_evidence_drops_compound_fronts_and_unlinked_person_labels() -> None:
    from dossier.model import Entity

    text = "한국전쟁 정전협정 70주년에 블라디보스토크에서 한국과 만났다"
    ents = [
        Entity(0, 2, "한국", "LOC", "country:KR"),  # 한국전쟁: the Korean War, not a mention of the state
        Entity(16, 23, "블라디보스토크", "PER", "x:pullatiposeutokeu"),  # mislabelled, unlinked
        Entity(28, 30, "한국", "LOC", "country:KR"),  # 한국과: a particle follows
    ]
    kept = pipeline.place_evidence(text, "ko", ents)
    assert [(e.start, e.text) for e in kept] == [(28, "한국")]


def test_unlinked_names_inside_a_city_or_site_become_places_but_countries_and_actors_stay() -> None:
    from dossier.model import Entity, Place

    ents = [
        Entity(0, 7, "블라디보스토크", "PER", "x:pulatiposutoku"),
        Entity(10, 16, "Russia", "ORG", "x:lusia"),
        Entity(20, 27, "Kremlin", "ORG", "org:kremlin"),
        Entity(30, 35, "Smith", "PER", "x:smis"),
    ]
    found = [
        Place(0, 7, "블라디보스토크", "gn:2013348", "Vladivostok", 43.1, 131.9, "city"),
        Place(10, 16, "Russia", "country:RU", "Russia", 60.0, 100.0, "country"),
        Place(20, 27, "Kremlin", "site:kremlin", "Kremlin", 55.75, 37.62, "site"),
    ]
    pipeline.relabel_places(ents, found)
    assert [e.label for e in ents] == ["LOC", "ORG", "ORG", "PER"]


def test_a_name_after_an_honorific_overrules_model_places_it_cuts_across(monkeypatch):
    from dossier.corpus import pipeline
    from dossier.model import Span

    text = "श्री राम नाईक, उत्तर प्रदेश के राज्यपाल को"
    # what the Hindi model returned for this line: the honorific and the first name as a place
    monkeypatch.setattr(pipeline.ner, "recognize", lambda t, lang: [Span(0, 8, "LOC"), Span(9, 13, "LOC")])
    got = [(text[s.start : s.end], s.label) for s in pipeline.entity_spans(text, "hi")]
    assert ("राम नाईक", "PER") in got and not any(t in ("श्री राम", "नाईक") for t, _ in got)


def test_a_name_after_a_role_noun_fills_only_a_gap(monkeypatch) -> None:
    text = "He married the daughter of dictator Suharto, while league leader Real Madrid lost."
    # the model found the club but not the dictator: the role noun adds the person and leaves the club
    club = text.index("Real Madrid")
    monkeypatch.setattr(pipeline.ner, "recognize", lambda t, lang: [Span(club, club + 11, "ORG")])
    got = [(text[s.start : s.end], s.label) for s in pipeline.entity_spans(text, "en")]
    assert got == [("Suharto", "PER"), ("Real Madrid", "ORG")]


def test_a_place_span_linked_to_a_known_organisation_is_that_organisation() -> None:
    from dossier.model import Entity

    ents = [
        Entity(0, 11, "White House", "LOC", "org:white-house"),
        Entity(20, 26, "Russia", "LOC", "country:RU"),
        Entity(30, 35, "Paris", "LOC", "x:palis"),
    ]
    pipeline.relabel_known_organisations(ents)
    assert [e.label for e in ents] == ["ORG", "LOC", "LOC"]


def test_analyse_lists_the_white_house_as_an_organisation_when_it_speaks() -> None:
    a = pipeline.analyse("In Washington, the White House congratulated the Indonesian people.", lang_hint="en")
    assert ("White House", "ORG", "org:white-house") in [(e.text, e.label, e.entity_id) for e, _ in a.entities]


def test_a_headline_abbreviation_and_the_body_full_name_are_one_organisation(monkeypatch):
    text = "더민주, 수도권 압승\n\n최대 야당인 더불어민주당이 수도권에서 크게 이겼습니다."

    def spans(t, lang):
        return [Span(t.index(n), t.index(n) + len(n), "ORG") for n in ("더민주", "더불어민주당") if n in t]

    monkeypatch.setattr(pipeline.ner, "recognize", spans)
    ids = {e.text: e.entity_id for e, _ in pipeline.analyse(text, lang_hint="ko").entities if e.label == "ORG"}
    assert ids["더민주"] == ids["더불어민주당"]


def test_an_organisation_abbreviation_before_a_person_in_a_headline_is_cut_off(monkeypatch):
    # "연준 옐런" (the Fed's Yellen) in the headline, "연방준비제도의 재닛 옐런" in the body
    text = "미 연준 옐런의장, 금리인상 시사\n\n미국의 중앙은행인 연방준비제도의 재닛 옐런 의장이 말했습니다."

    def spans(t: str, lang: str) -> list[Span]:
        return [Span(t.index(n), t.index(n) + len(n), label) for n, label in
                (("연준 옐런", "PER"), ("연방준비제도", "ORG"), ("재닛 옐런", "PER")) if n in t]

    monkeypatch.setattr(pipeline.ner, "recognize", spans)
    ents = {e.text: e for e, _ in pipeline.analyse(text, lang_hint="ko").entities}
    assert ents["연준"].label == "ORG" and ents["연준"].entity_id == ents["연방준비제도"].entity_id
    assert ents["옐런"].entity_id == ents["재닛 옐런"].entity_id


def _at(text: str, surface: str, label: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return Span(start, start + len(surface), label)


def test_a_titled_name_the_model_cut_short_wins_when_its_last_word_is_a_person_elsewhere():
    text = "राष्ट्रपति श्रीमती द्रौपदी मुर्मु 18 से 21 अप्रैल तक दौरा करेंगी। श्रीमती मुर्मु शिमला जाएंगी।"
    model = [_at(text, "श्रीमती द्रौपदी", "PER")]
    titled = [_at(text, "द्रौपदी मुर्मु", "PER"), _at(text, "मुर्मु", "PER", nth=1)]
    assert pipeline._cut_titled_names(text, titled, model) == {(model[0].start, model[0].end)}


def test_the_model_span_stays_when_the_titled_run_adds_a_word_that_is_no_name():
    text = "श्री नरेंद्र मोदी सरकार ने कहा। श्री नरेंद्र मोदी ने भी कहा।"
    model = [_at(text, "नरेंद्र मोदी", "PER"), _at(text, "नरेंद्र मोदी", "PER", nth=1)]
    titled = [_at(text, "नरेंद्र मोदी सरकार", "PER"), _at(text, "नरेंद्र मोदी", "PER", nth=1)]
    assert pipeline._cut_titled_names(text, titled, model) == set()
    # nor when a second model span lies in the titled run (a place after the name)
    text = "श्री राम नाईक जापान गए। नाईक ने कहा।"
    model = [_at(text, "राम", "PER"), _at(text, "जापान", "LOC"), _at(text, "नाईक", "PER", nth=1)]
    assert pipeline._cut_titled_names(text, [_at(text, "राम नाईक जापान", "PER")], model) == set()
