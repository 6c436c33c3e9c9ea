"""What the two store engines must agree on, and what only PostgreSQL has to prove: its trigram
index really indexes Korean and Hindi, its schema is SQLite's, and analysts writing at the same time
lose nothing. The general store suite (test_store.py, test_corrections.py) runs on both engines too."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from dossier.filters import Filters
from dossier.store import Store
from dossier.store.dialect import TRIGRAM
from dossier.store.schema import (
    MIGRATIONS_DIR,
    PG_MIGRATIONS,
    PG_MIGRATIONS_DIR,
    SCHEMA_VERSION,
    migration_files,
    split_sql,
)
from tests.test_store import article

KO = "김정은 위원장이 블라디보스토크에서 푸틴 대통령을 만났다."
HI = "किम जोंग उन प्योंगयांग से रूस के लिए रवाना हुए।"
EN = "Kim Jong Un left Pyongyang for Russia."


def _three(s: Store) -> None:
    s.save_article(article(1, KO, lang="ko", published="2023-09-13"))
    s.save_article(article(2, HI, lang="hi", published="2023-09-10"))
    s.save_article(article(3, EN, lang="en", published="2023-09-10"))


@pytest.mark.parametrize(
    "q, expected",
    [
        ("블라", ["id1"]), ("블라디", ["id1"]), ("대통령", ["id1"]), ("푸틴", ["id1"]),
        ("रूस", ["id2"]), ("प्यों", ["id2"]), ("के", ["id2"]), ("रवाना", ["id2"]),
        ("pyongyang", ["id3"]), ("Ki", ["id3"]), ("만났다.", ["id1"]), ("없는말", []),
    ],
)
def test_short_korean_and_hindi_substrings_find_their_article(store_db, q, expected) -> None:
    with Store(store_db) as s:
        _three(s)
        assert sorted(r.id for r in s.list_articles(Filters(q=q), limit=10)) == expected
        assert s.count_articles(Filters(q=q)) == len(expected)


@pytest.mark.parametrize("q", ["", "기", "Kim", "없는말"])
def test_a_capped_count_stops_at_the_cap_and_is_exact_below_it(store_db, q) -> None:
    with Store(store_db) as s:
        _three(s)
        for i in range(4, 8):
            s.save_article(article(i, f"{KO} {i}번째 기사", lang="ko", published="2023-09-14"))
        exact = s.count_articles(Filters(q=q))
        for cap in (0, 1, 3, exact, exact + 5):
            assert s.count_articles(Filters(q=q), at_most=cap) == min(exact, cap)
    assert exact == {"": 7, "기": 4, "Kim": 1, "없는말": 0}[q]


@pytest.mark.parametrize("q", ["", "기", "Ki", "Kim", "없", "zq"])
def test_a_page_with_its_count_is_the_count_and_the_list_together(store_db, q) -> None:
    """article_page answers a 1-2 character search (which no index serves) from one scan when
    its matches stay below the cap: the same count and rows, in the same order, as the two calls."""
    with Store(store_db) as s:
        _three(s)
        for i in range(4, 12):  # dated, undated and tied dates, so the order has every case
            published = None if i % 3 == 0 else f"2023-09-{10 + i % 4:02d}"
            s.save_article(article(i, f"{KO} {i}번째 기사", lang="ko", published=published))
        exact = s.count_articles(Filters(q=q))
        for at_most in (1, 3, exact, exact + 1, exact + 5):
            for limit, offset in ((2, 0), (2, 2), (50, 0), (3, 7)):
                f = Filters(q=q)
                total, rows = s.article_page(f, limit=limit, offset=offset, at_most=at_most)
                assert total == s.count_articles(f, at_most=at_most), (at_most, limit, offset)
                expected = s.list_articles(f, limit=limit, offset=offset)
                assert [(r.id, r.snippet, r.langs) for r in rows] == [(r.id, r.snippet, r.langs) for r in expected]
    assert exact == {"": 11, "기": 8, "Ki": 1, "Kim": 1, "없": 0, "zq": 0}[q]


def test_a_rare_short_search_reads_the_texts_once(tmp_path) -> None:
    """The page and its count of a 1-2 character search come from one scan of the texts (SQLite:
    the statements that test instr() on every text), not one for the count and one for the page."""
    with Store(tmp_path / "dossier.db") as s:
        _three(s)
        scans: list[str] = []
        s.conn.set_trace_callback(lambda sql: scans.append(sql) if "instr(" in sql else None)
        total, rows = s.article_page(Filters(q="블라"), limit=200, offset=0, at_most=1201)
        assert (total, [r.id for r in rows]) == (1, ["id1"])
        assert len(scans) == 1, scans


@pytest.fixture()
def pg_store(pg_cluster):
    url = pg_cluster.new_database()
    yield url
    pg_cluster.drop_database(url)


@pytest.mark.parametrize("q", ["블라디", "대통령", "푸틴 대", "प्योंग", "रवाना", "Pyongyang"])
def test_postgresql_answers_a_substring_of_3_or_more_characters_from_the_trigram_index(pg_store, q) -> None:
    assert len(q) >= TRIGRAM
    with Store(pg_store) as s:
        _three(s)
        # the planner prefers a scan over three rows; forbid it to see whether the index can answer
        s.conn.execute("SET enable_seqscan = off")
        clause, params = s.sql.text_search(q)
        plan = "\n".join(r[0] for r in s.conn.execute(f"EXPLAIN SELECT a.id FROM articles a WHERE {clause}", params))
        assert "articles_text_trgm" in plan, plan
        # the index's trigrams for the query are not empty: non-ASCII letters are word characters here
        assert s.conn.execute("SELECT cardinality(show_trgm(?))", (q,)).fetchone()[0] >= len(q.replace(" ", "")) - 1
        assert len(s.list_articles(Filters(q=q), limit=10)) == 1


def test_a_database_in_the_c_locale_is_refused_with_how_to_create_it(pg_cluster) -> None:
    name = "c_locale_db"
    pg_cluster.admin(f"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")
    try:
        with pytest.raises(RuntimeError, match="LC_CTYPE is 'C'.*C.UTF-8"):
            Store(pg_cluster.url(name))
    finally:
        pg_cluster.drop_database(pg_cluster.url(name))


def test_postgresql_migrations_mirror_sqlite_and_give_the_same_columns(pg_store, tmp_path) -> None:
    assert [f.name for f in migration_files(PG_MIGRATIONS_DIR)] == [f.name for f in migration_files(MIGRATIONS_DIR)]
    with Store(tmp_path / "d.db") as lite:
        tables = [r[0] for r in lite.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%' ORDER BY name")]
        lite_columns = {t: [r[1] for r in lite.conn.execute(f"PRAGMA table_info({t})")] for t in tables}
        lite_indexes = {r[0] for r in lite.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    with Store(pg_store) as pg:
        pg_columns = {
            t: [r[0] for r in pg.conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", (t,))]
            for t in tables
        }
        pg_indexes = {r[0] for r in pg.conn.execute("SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")}
    assert pg_columns == lite_columns
    # the same named indexes, plus the two trigram indexes standing for the FTS5 table
    assert lite_indexes <= pg_indexes
    assert {"articles_text_trgm", "articles_title_trgm"} <= pg_indexes


def test_analysts_correcting_at_the_same_time_lose_nothing(store_db) -> None:
    with Store(store_db) as s:
        _three(s)
    errors: list[BaseException] = []
    per_analyst = 15

    def analyst(n: int) -> None:
        try:
            with Store(store_db) as own:  # each analyst's app has its own connection
                for i in range(per_analyst):
                    cid = own.add_correction("place_location", f"gn:{n}", {"lat": i, "lon": n}, None)
                    if i % 5 == 0:
                        own.undo_correction(cid)
        except BaseException as exc:  # noqa: BLE001 - reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=analyst, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with Store(store_db) as s:
        log = s.corrections()
        assert len(log) == 4 * per_analyst and len({c.id for c in log}) == len(log)
        assert sum(c.undone_at is not None for c in log) == 4 * 3
        assert s.count_articles(Filters()) == 3


def test_a_write_waits_for_another_analysts_open_transaction(pg_store) -> None:
    with Store(pg_store) as first, Store(pg_store) as second:
        done = threading.Event()
        with first.transaction() as tx:
            tx.execute("INSERT INTO corrections (created_at, kind, target, value) VALUES ('t', 'k', 'a', '{}')")
            worker = threading.Thread(target=lambda: (second.add_correction("k", "b", {}, None), done.set()))
            worker.start()
            assert not done.wait(0.5)  # blocked: one writer at a time, as SQLite's BEGIN IMMEDIATE
            with Store(pg_store, readonly=True) as reader:  # an analyst browsing is not blocked
                assert reader.corrections() == []  # and sees only what is committed
                with pytest.raises(Exception, match="read-only"):
                    reader.add_correction("k", "c", {}, None)
        worker.join(10)
        assert done.is_set()
        assert [c.target for c in first.corrections()] == ["a", "b"]


def test_the_data_version_moves_with_every_write_from_any_connection(store_db) -> None:
    with Store(store_db) as s, Store(store_db) as other:
        before = s.data_version()
        other.add_correction("k", "t", {}, None)
        assert s.data_version() != before


def test_a_sqlite_file_is_not_mistaken_for_a_url(tmp_path) -> None:
    with Store(tmp_path / "postgresql.db") as s:
        assert s.sql.name == "sqlite"
        assert isinstance(s.conn, sqlite3.Connection)


def _pg_columns(s: Store) -> list[tuple[str, str, str]]:
    return sorted(tuple(r) for r in s.conn.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'"))


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_a_postgresql_database_at_an_older_version_upgrades_to_the_current_schema(pg_cluster, version) -> None:
    fresh, old = pg_cluster.new_database(), pg_cluster.new_database()
    try:
        with Store(fresh) as s:
            expected = _pg_columns(s)
        from dossier.store.postgres import PgConnection

        conn = PgConnection(old, readonly=False)  # what a program with `version` steps left behind
        with conn.migrating():
            for script in PG_MIGRATIONS[:version]:
                for statement in split_sql(script):
                    conn.execute(statement)
            conn.set_schema_version(version)
        conn.close()
        with Store(old) as s:
            assert s.schema_version() == SCHEMA_VERSION
            assert _pg_columns(s) == expected
            s.save_article(article(1, KO, lang="ko"))
            assert [r.id for r in s.list_articles(Filters(q="블라디보"), limit=5)] == ["id1"]
            assert s.integrity_ok()
    finally:
        pg_cluster.drop_database(fresh)
        pg_cluster.drop_database(old)


# sha256 (first 16 hex digits) of each PostgreSQL migration's statements, pinned as test_store.py
# pins SQLite's: a team's database at version N must upgrade as it did when N was new.
RELEASED_PG_MIGRATIONS = {
    "001_articles.sql": "eba92f2d8f243541",
    "002_extraction.sql": "e2e5737917a7dba9",
    "003_extraction_version.sql": "0046ff335adb0997",
    "004_chains_and_events.sql": "7f797e89707952a9",
    "005_corrections.sql": "3d25fabd9ff65eec",
    "006_article_list_order.sql": "316c5b7fa1166bcb",
}


def test_released_postgresql_migrations_are_unchanged() -> None:
    import hashlib

    names = [f.name for f in migration_files(PG_MIGRATIONS_DIR)]
    assert names[: len(RELEASED_PG_MIGRATIONS)] == list(RELEASED_PG_MIGRATIONS)
    for name, script in zip(names, PG_MIGRATIONS):
        digest = hashlib.sha256("\n;\n".join(split_sql(script)).encode()).hexdigest()[:16]
        assert digest == RELEASED_PG_MIGRATIONS.get(name, digest), f"{name} was edited after release"
