import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from dossier.filters import Filters
from dossier.model import Segment, Sentence
from dossier.store.core import SCHEMA_VERSION, NewArticle, Store


def article(n: int, text: str, **meta) -> NewArticle:
    return NewArticle(
        id=f"id{n}", content_hash=f"h{n}", raw_sha256=f"r{n}", text=text, origin=f"f{n}.txt",
        encoding="utf_8", segments=[Segment(0, len(text), meta.pop("lang", "en"))],
        sentences=[Sentence(0, len(text), 0)], **meta,
    )


def test_schema_versioned_wal_and_fts(db_path) -> None:
    with Store(db_path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Store(db_path) as s:  # reopening migrates nothing and loses nothing
        assert s.schema_version() == SCHEMA_VERSION


def test_newer_schema_is_refused(db_path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        Store(db_path)


def test_idempotent_save_and_metadata_update(db_path) -> None:
    with Store(db_path) as s:
        assert s.save_article(article(1, "Kim went to Vladivostok.")).status == "created"
        assert s.save_article(article(1, "Kim went to Vladivostok.")).status == "unchanged"
        assert s.save_article(article(1, "Kim went to Vladivostok.", published="2023-09-12")).status == "updated"
        assert s.count_articles(Filters()) == 1
        assert s.get_article("id1").published == "2023-09-12"


def test_failed_transaction_rolls_back_everything(db_path) -> None:
    with Store(db_path) as s:
        s.save_article(article(1, "first"))
        bad = article(2, "second")
        bad.segments = [Segment(0, 6, "en"), Segment(0, 6, "en")]
        bad.sentences = [Sentence(0, 6, 0), Sentence(0, 6, 0)]
        # make the sentence insert fail after the article and segments were written
        s.conn.execute("CREATE TRIGGER boom BEFORE INSERT ON sentences BEGIN SELECT RAISE(ABORT, 'disk full'); END")
        with pytest.raises(sqlite3.DatabaseError, match="disk full"):
            s.save_article(bad)
        assert s.article_ids() == ["id1"]
        assert s.conn.execute("SELECT count(*) FROM segments WHERE article_id='id2'").fetchone()[0] == 0
        assert s.integrity_ok()


def test_search_any_script_and_filters(db_path) -> None:
    with Store(db_path) as s:
        s.save_article(article(1, "김정은이 블라디보스토크에서 푸틴을 만났다.", published="2023-09-05", source="Yonhap", lang="ko"))
        s.save_article(article(2, "किम प्योंगयांग से रवाना हुए।", published="2023-09-11", lang="hi"))
        s.save_article(article(3, "Undated English text about Kim.", lang="en"))
        ids = lambda f: sorted(r.id for r in s.list_articles(f, limit=10))
        assert ids(Filters(q="블라디보")) == ["id1"]
        assert ids(Filters(q="प्योंगयांग")) == ["id2"]
        assert ids(Filters(q="KIM")) == ["id3"]  # case-insensitive
        assert ids(Filters(q="김")) == ["id1"]  # below trigram length: scanned
        assert ids(Filters(langs=("hi", "ko"))) == ["id1", "id2"]
        assert ids(Filters(sources=("Yonhap",))) == ["id1"]
        assert ids(Filters(sources=("(unknown)",))) == ["id2", "id3"]
        sept10 = dt.date(2023, 9, 10)
        assert ids(Filters(date_from=sept10)) == ["id2", "id3"]
        assert ids(Filters(date_from=sept10, undated=False)) == ["id2"]
        assert ids(Filters(q='"quoted"; DROP TABLE articles; --')) == []
        assert s.count_articles(Filters()) == 3
        rows = s.list_articles(Filters(q="블라디보"), limit=10)
        assert "블라디보" in rows[0].snippet


def test_facets_and_overview(db_path) -> None:
    with Store(db_path) as s:
        s.save_article(article(1, "one", published="2023-09-05", source="Yonhap", lang="ko"))
        s.save_article(article(2, "two", lang="hi"))
        f = s.facets()
        assert (f.n_articles, f.n_undated, f.min_date, f.max_date) == (2, 1, "2023-09-05", "2023-09-05")
        assert f.languages == {"hi": 1, "ko": 1}
        assert f.sources == {"(unknown)": 1, "Yonhap": 1}
        o = s.overview(Filters())
        assert o.by_month == {"2023-09": 1, "undated": 1}
        assert o.n_articles == 2


def test_pagination(db_path) -> None:
    with Store(db_path) as s:
        for i in range(5):
            s.save_article(article(i, f"text {i}", published=f"2023-09-0{i + 1}"))
        first = s.list_articles(Filters(), limit=2)
        second = s.list_articles(Filters(), limit=2, offset=2)
        assert [r.published for r in first + second] == ["2023-09-05", "2023-09-04", "2023-09-03", "2023-09-02"]


def test_extraction_rows_queries_and_filters(db_path) -> None:
    from dossier.model import Entity, EventFrame, Place, Timex

    ko = "김정은이 블라디보스토크에 갔다. 김 위원장은 푸틴을 만났다."
    a = article(1, ko, lang="ko", published="2023-09-13")
    a.sentences = [Sentence(0, 17, 0), Sentence(18, len(ko), 0)]
    a.entities = [
        (Entity(0, 3, "김정은", "PER", "per:kim-jong-un", "Kim Jong Un", 1.0, "alias"), "ko"),
        (Entity(18, 24, "김 위원장", "PER", "per:kim-jong-un", "Kim Jong Un", 1.0, "coref"), "ko"),
        (Entity(26, 28, "푸틴", "PER", "per:vladimir-putin", "Vladimir Putin", 1.0, "alias"), "ko"),
    ]
    a.places = [Place(5, 12, "블라디보스토크", "gn:2013348", "Vladivostok", 43.1, 131.9, "city")]
    a.times = [Timex(0, 1, "x", "DATE", "2023-09-13", None, "day")]
    a.frames = [(EventFrame("meeting", "2023-09-13", None, "gn:2013348", ["per:kim-jong-un", "per:vladimir-putin"], 18, len(ko)), {"status": "occurred"})]
    b = article(2, "Putin spoke.", lang="en")
    b.entities = [(Entity(0, 5, "Putin", "PER", "per:vladimir-putin", "Vladimir Putin", 1.0, "alias"), "en")]
    with Store(db_path) as s:
        s.save_article(a)
        s.save_article(b)
        actors = {r.entity_id: r for r in s.actors(Filters(), limit=10)}
        assert actors["per:kim-jong-un"].n_mentions == 2 and actors["per:kim-jong-un"].aliases == ["김정은", "김 위원장"]
        assert actors["per:vladimir-putin"].by_lang == {"en": 1, "ko": 1}
        assert actors["per:vladimir-putin"].n_articles == 2
        ms = s.mentions(Filters(), entity_id="per:kim-jong-un", limit=10)
        assert [m.sentence for m in ms] == ["김정은이 블라디보스토크에 갔다.", "김 위원장은 푸틴을 만났다."]
        assert s.count_articles(Filters(actors=("per:kim-jong-un",))) == 1
        assert s.count_articles(Filters(actors=("per:vladimir-putin",))) == 2
        assert s.count_articles(Filters(places=("gn:2013348",))) == 1
        assert s.count_articles(Filters(event_types=("meeting",))) == 1
        (place,) = s.places(Filters(), limit=10)
        assert (place.name, place.n_mentions) == ("Vladivostok", 1)
        ex = s.article_extraction("id1")
        assert len(ex["entities"]) == 3 and ex["frames"][0].actor_ids == ["per:kim-jong-un", "per:vladimir-putin"]
        matrix = s.actor_article_matrix(Filters(), max_actors=5, max_articles=5)
        assert ("per:kim-jong-un", "Kim Jong Un", "id1", 2) in matrix
        assert s.actor_names(["per:kim-jong-un"]) == {"per:kim-jong-un": "Kim Jong Un"}


def test_shared_places_and_events_between_two_articles(corpus_db) -> None:
    with Store(corpus_db) as s:
        by_origin = {Path(s.get_article(a).origin).stem: a for a in s.article_ids()}
        common = s.shared_between(by_origin["ko-en-nk-russia-alliance"], by_origin["hi-kim-train-to-russia"])
        assert "gn:1871859" in {pid for pid, _ in common.places}  # Pyongyang, in both
        assert common.events  # the planned summit is reported by both
        assert s.shared_between(by_origin["kremlin-en-eef-moderators-20230912"], by_origin["voakorea-blinken-shoigu-20230729"]).events == []


def test_a_page_of_articles_walks_the_order_index_instead_of_sorting_every_match(db_path) -> None:
    with Store(db_path) as s:
        for n in range(30):
            s.save_article(article(n, f"김 기사 {n}", published=f"2023-01-{n % 28 + 1:02d}", lang="ko"))
        rows = s.list_articles(Filters(q="김"), limit=5)
        assert [r.published for r in rows] == sorted((r.published for r in rows), reverse=True)
        assert rows[0].published == "2023-01-28"
        plan = " ".join(str(r[-1]) for r in s.conn.execute(
            "EXPLAIN QUERY PLAN SELECT a.id FROM articles a WHERE instr(a.text, '김') > 0 "
            "ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT 5"))
        assert "articles_list_order" in plan and "TEMP B-TREE" not in plan, plan
