"""Per-language coverage notes (dossier/corpus/coverage.py) and their display component."""

from dossier.corpus import pipeline
from dossier.corpus.coverage import article_coverage, coverage
from dossier.model import Segment
from dossier.store.rows import ArticleDetail


def test_model_languages_miss_nothing_but_others_say_what_is_missing() -> None:
    assert coverage("en").missing == ()
    zh = coverage("zh")
    assert any("no NER model for zh" in m for m in zh.missing)
    assert "places (gazetteer)" in zh.ran
    assert zh.note().startswith("zh: ")


def test_article_coverage_lists_each_language_once_and_skips_undetermined() -> None:
    notes = article_coverage(["en", "ru", "und", "ru", "ko"])
    assert [c.lang for c in notes] == ["ru"]


def _article(langs: list[str]) -> ArticleDetail:
    segments = [Segment(start=i, end=i + 1, lang=lang, kind="body") for i, lang in enumerate(langs)]
    return ArticleDetail(id="a", title=None, published=None, source=None, url=None, langs=langs,
                         n_chars=len(langs), snippet="", segments=segments)


def test_component_lines_come_from_the_article_segments() -> None:
    from components.coverage_note import coverage_lines

    assert coverage_lines(None) == []
    assert coverage_lines(_article(["en", "hi"])) == []
    lines = coverage_lines(_article(["ja"]))
    assert len(lines) == 1 and "no NER model for ja" in lines[0]


def test_articles_without_a_model_still_get_places_and_knowledge_base_actors() -> None:
    cases = {
        "zh": "普京在莫斯科会见了金正恩。双方讨论了俄罗斯和朝鲜的合作。",
        "ja": "プーチン大統領はモスクワで金正恩総書記と会談した。ロシアと北朝鮮の協力について話し合った。",
        "ru": "Владимир Путин встретился с Ким Чен Ыном в Москве. Россия и КНДР обсудили сотрудничество.",
    }
    for lang, text in cases.items():
        a = pipeline.analyse(text)
        assert {s.lang for s in a.segments} == {lang}
        assert "gn:524901" in {p.place_id for p in a.places}, lang  # Moscow, from the gazetteer
        assert any(f"no NER model for {lang}" in n for n in a.notes)
        actors = {e.entity_id for e, _ in a.entities}
        assert actors & {"per:vladimir-putin", "per:kim-jong-un"}, (lang, actors)
