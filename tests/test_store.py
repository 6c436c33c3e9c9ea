import datetime as dt
import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.filters import Filters
from dossier.model import Segment, Sentence
from dossier.store import SCHEMA_VERSION, NewArticle, Store
from dossier.store.schema import MIGRATIONS, MIGRATIONS_DIR, migration_files, split_sql
from dossier.store.where import article_where


def article(n: int, text: str, **meta) -> NewArticle:
    return NewArticle(
        id=f"id{n}", content_hash=f"h{n}", raw_sha256=f"r{n}", text=text, origin=f"f{n}.txt",
        encoding="utf_8", segments=[Segment(0, len(text), meta.pop("lang", "en"))],
        sentences=[Sentence(0, len(text), 0)], **meta,
    )


def test_schema_versioned_wal_and_fts(store_db) -> None:
    with Store(store_db) as s:
        assert s.schema_version() == SCHEMA_VERSION
        if s.sql.name == "sqlite":
            assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        else:
            assert s.conn.execute("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'").fetchone()[0] == 1
    with Store(store_db) as s:  # reopening migrates nothing and loses nothing
        assert s.schema_version() == SCHEMA_VERSION


def test_newer_schema_is_refused(store_db) -> None:
    with Store(store_db) as s:
        if s.sql.name == "sqlite":
            s.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        else:
            s.conn.execute("UPDATE dossier_meta SET schema_version = ?", (SCHEMA_VERSION + 1,))
    with pytest.raises(RuntimeError, match="newer"):
        Store(store_db)


def test_idempotent_save_and_metadata_update(store_db) -> None:
    with Store(store_db) as s:
        assert s.save_article(article(1, "Kim went to Vladivostok.")).status == "created"
        assert s.save_article(article(1, "Kim went to Vladivostok.")).status == "unchanged"
        assert s.save_article(article(1, "Kim went to Vladivostok.", published="2023-09-12")).status == "updated"
        assert s.count_articles(Filters()) == 1
        assert s.get_article("id1").published == "2023-09-12"


def test_failed_transaction_rolls_back_everything(store_db) -> None:
    with Store(store_db) as s:
        s.save_article(article(1, "first"))
        bad = article(2, "second")
        bad.segments = [Segment(0, 6, "en"), Segment(0, 6, "en")]
        bad.sentences = [Sentence(0, 6, 0), Sentence(0, 6, 0)]
        # make the sentence insert fail after the article and segments were written
        if s.sql.name == "sqlite":
            s.conn.execute("CREATE TRIGGER boom BEFORE INSERT ON sentences BEGIN SELECT RAISE(ABORT, 'disk full'); END")
        else:
            s.conn.execute("CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                           "RAISE EXCEPTION 'disk full'; END $$")
            s.conn.execute("CREATE TRIGGER boom BEFORE INSERT ON sentences FOR EACH ROW EXECUTE FUNCTION boom()")
        with pytest.raises(Exception, match="disk full"):
            s.save_article(bad)
        assert s.article_ids() == ["id1"]
        assert s.conn.execute("SELECT count(*) FROM segments WHERE article_id='id2'").fetchone()[0] == 0
        assert s.integrity_ok()


def test_search_any_script_and_filters(store_db) -> None:
    with Store(store_db) as s:
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


def test_facets_and_overview(store_db) -> None:
    with Store(store_db) as s:
        s.save_article(article(1, "one", published="2023-09-05", source="Yonhap", lang="ko"))
        s.save_article(article(2, "two", lang="hi"))
        f = s.facets()
        assert (f.n_articles, f.n_undated, f.min_date, f.max_date) == (2, 1, "2023-09-05", "2023-09-05")
        assert f.languages == {"hi": 1, "ko": 1}
        assert f.sources == {"(unknown)": 1, "Yonhap": 1}
        o = s.overview(Filters())
        assert o.by_month == {"2023-09": 1, "undated": 1}
        assert o.n_articles == 2


def test_pagination(store_db) -> None:
    with Store(store_db) as s:
        for i in range(5):
            s.save_article(article(i, f"text {i}", published=f"2023-09-0{i + 1}"))
        first = s.list_articles(Filters(), limit=2)
        second = s.list_articles(Filters(), limit=2, offset=2)
        assert [r.published for r in first + second] == ["2023-09-05", "2023-09-04", "2023-09-03", "2023-09-02"]


def test_extraction_rows_queries_and_filters(store_db) -> None:
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
    with Store(store_db) as s:
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


def test_shared_places_and_events_between_two_articles(corpus_store) -> None:
    with Store(corpus_store) as s:
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


def test_a_filtered_page_keeps_the_list_order_and_its_offset(store_db) -> None:
    # newest first, undated last, ties by id; the page is picked before texts and languages are read
    with Store(store_db) as s:
        for n in range(12):
            published = None if n % 4 == 0 else f"2023-02-{n % 3 + 1:02d}"
            s.save_article(article(n, f"Police report {n} 경찰", published=published, lang="ko" if n % 2 else "en"))
        s.save_article(article(99, "Nothing to see", published="2023-03-01"))
        f = Filters(q="police")
        every = s.list_articles(f, limit=20)
        assert len(every) == 12 and "id99" not in {r.id for r in every}
        keys = [(r.published is None, "" if r.published is None else r.published, r.id) for r in every]
        assert keys == sorted(keys, key=lambda k: (k[0], [-ord(c) for c in k[1]], k[2]))
        pages = [s.list_articles(f, limit=5, offset=o) for o in (0, 5, 10)]
        assert [r.id for p in pages for r in p] == [r.id for r in every]
        assert all(r.langs == (["ko"] if int(r.id[2:]) % 2 else ["en"]) for r in every)
        assert every[0].snippet.startswith("Police report")


def test_sqlite_picks_a_search_page_from_the_order_index(db_path) -> None:
    # a common word's page used to be sorted from every match (0.1-0.16 s at 100k articles)
    with Store(db_path) as s:
        s.save_article(article(1, "police 1"))
        where, params = article_where(Filters(q="police"), s.sql)
        plan = " ".join(str(r[-1]) for r in s.conn.execute(
            f"EXPLAIN QUERY PLAN SELECT a.id FROM articles a{s.sql.list_order_index} WHERE {where} "
            "ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT 5", params))
        assert "articles_list_order" in plan and "TEMP B-TREE" not in plan, plan


# -- migrations ---------------------------------------------------------------------------------

# sha256 (first 16 hex digits) of each released migration's statements. A released migration is
# never edited: a database at version N must upgrade exactly as it did when N was new. A schema
# change is a new file with the next number (and a new line here).
RELEASED_MIGRATIONS = {
    "001_articles.sql": "ac0fe93544a565aa",
    "002_extraction.sql": "4fe1545954c5fb34",
    "003_extraction_version.sql": "0046ff335adb0997",
    "004_chains_and_events.sql": "c389a09445d8a8ac",
    "005_corrections.sql": "8c6013ad26b04e5d",
    "006_article_list_order.sql": "c3c33a7c73215ea2",
}


def test_migration_files_are_numbered_in_order_without_gaps() -> None:
    files = migration_files()
    assert [int(f.name[:3]) for f in files] == list(range(1, len(files) + 1))
    assert SCHEMA_VERSION == len(files) == len(MIGRATIONS)
    assert all(f.parent == MIGRATIONS_DIR for f in files)
    assert MIGRATIONS == tuple(f.read_text(encoding="utf-8") for f in files)
    assert all(split_sql(m) for m in MIGRATIONS)  # no empty step


def test_released_migrations_are_unchanged() -> None:
    names = [f.name for f in migration_files()]
    assert names[: len(RELEASED_MIGRATIONS)] == list(RELEASED_MIGRATIONS)
    for name, script in zip(names, MIGRATIONS):
        if name in RELEASED_MIGRATIONS:
            digest = hashlib.sha256("\n;\n".join(split_sql(script)).encode()).hexdigest()[:16]
            assert digest == RELEASED_MIGRATIONS[name], f"{name} was edited after release"


@pytest.mark.parametrize(
    "names, problem",
    [
        (["001_a.sql", "003_c.sql"], "expected migration number 002"),
        (["002_b.sql"], "expected migration number 001"),
        (["001_a.sql", "002_b.sql", "02_c.sql"], "NNN_<name>.sql"),
        (["001_a.sql", "002_Upper.sql"], "NNN_<name>.sql"),
        ([], "no migrations"),
    ],
)
def test_a_gap_or_a_bad_migration_name_is_refused(tmp_path, names, problem) -> None:
    for name in names:
        (tmp_path / name).write_text("SELECT 1;\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match=problem):
        migration_files(tmp_path)


def test_split_sql_keeps_trigger_bodies_whole_and_drops_header_comments() -> None:
    script = (
        "-- 9: a header\n-- on two lines\n    CREATE TABLE t (a INTEGER  -- kept\n    );\n"
        "CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n"
    )
    assert split_sql(script) == [
        "CREATE TABLE t (a INTEGER  -- kept\n    );",
        "CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN\n  SELECT 1;\n  SELECT 2;\nEND;",
    ]


def test_migrations_are_found_beside_the_module_from_any_working_directory(tmp_path) -> None:
    repo = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", ("import sys; sys.path.insert(0, sys.argv[1]); "
         "from dossier.store import SCHEMA_VERSION; print(SCHEMA_VERSION)"), str(repo)],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    )
    assert int(out.stdout) == SCHEMA_VERSION


def _database_at(path: Path, version: int) -> None:
    """A database as a program whose schema had ``version`` steps left it: the first ``version``
    migrations applied the way Store applies them, and an article with what that schema could hold."""
    conn = sqlite3.connect(path, isolation_level=None)
    for step, script in enumerate(MIGRATIONS[:version], start=1):
        conn.execute("BEGIN IMMEDIATE")
        for statement in split_sql(script):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {step}")
        conn.execute("COMMIT")
    text = "Kim met Putin in Vladivostok."
    if version >= 1:
        conn.execute(
            "INSERT INTO articles (id, content_hash, raw_sha256, title, published, origin, encoding, text, "
            "ingested_at) VALUES ('id1', 'h1', 'r1', 'Summit', '2023-09-13', 'f1.txt', 'utf_8', ?, "
            "'2023-09-14T00:00:00Z')",
            (text,),
        )
        conn.execute("INSERT INTO segments VALUES ('id1', 0, 0, ?, 'en', NULL, 'body')", (len(text),))
        conn.execute("INSERT INTO sentences VALUES ('id1', 0, 0, ?, 0)", (len(text),))
    if version >= 2:
        conn.execute(
            "INSERT INTO mentions (article_id, start, end, text, label, lang, entity_id, canonical, score, "
            "method) VALUES ('id1', 0, 3, 'Kim', 'PER', 'en', 'per:kim-jong-un', 'Kim Jong Un', 1.0, 'alias')"
        )
        at = text.index("Vladivostok")
        conn.execute(
            "INSERT INTO place_mentions (article_id, start, end, text, place_id, name, lat, lon, kind) "
            "VALUES ('id1', ?, ?, 'Vladivostok', 'gn:2013348', 'Vladivostok', 43.1, 131.9, 'city')",
            (at, at + len("Vladivostok")),
        )
    if version >= 5:  # from 5 on, a write keeps what extraction found beside the effective values
        conn.execute("UPDATE mentions SET extracted_entity_id = entity_id, extracted_canonical = canonical")
        conn.execute("UPDATE place_mentions SET extracted_lat = lat, extracted_lon = lon")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    conn.close()


def _schema(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return sorted(tuple(r) for r in conn.execute("SELECT type, name, coalesce(sql, '') FROM sqlite_master"))


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_a_database_at_an_older_version_upgrades_to_the_current_schema(tmp_path, version) -> None:
    old, fresh = tmp_path / "old.db", tmp_path / "fresh.db"
    _database_at(old, version)
    with Store(fresh) as s:
        expected = _schema(s.conn)
    with Store(old) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert _schema(s.conn) == expected  # the same tables, columns, indexes and triggers as a new file
        assert s.integrity_ok()
        if version >= 1:
            assert s.article_ids() == ["id1"]
            assert [r.id for r in s.list_articles(Filters(q="Vladivostok"), limit=5)] == ["id1"]  # FTS kept
        if version >= 2:
            # migration 5 keeps what extraction found beside the (correctable) effective values
            assert tuple(s.conn.execute("SELECT extracted_entity_id, extracted_canonical FROM mentions").fetchone()) == (
                "per:kim-jong-un", "Kim Jong Un")
            assert tuple(s.conn.execute("SELECT extracted_lat, extracted_lon FROM place_mentions").fetchone()) == (
                43.1, 131.9)
            assert [a.entity_id for a in s.actors(Filters(), limit=5)] == ["per:kim-jong-un"]
            assert [p.place_id for p in s.places(Filters(), limit=5)] == ["gn:2013348"]
    with Store(old) as s:  # reopening at the current version migrates nothing
        assert s.schema_version() == SCHEMA_VERSION and _schema(s.conn) == expected


@pytest.mark.parametrize("labels", [["PER", "ORG"], ["ORG", "PER"], ["PER", "ORG", "LOC", "LOC", "ORG", "PER"]])
def test_an_actor_label_tie_is_broken_the_same_way_in_every_process(labels) -> None:
    # before, max(set(labels), ...) let the hash seed pick: org:kremlin was ORG in one run, PER in another
    from dossier.store.rows import majority

    assert majority(labels) == min(labels)


def test_an_actor_label_is_the_most_frequent_one() -> None:
    from dossier.store.rows import majority

    assert majority(["PER", "ORG", "ORG"]) == "ORG"
    assert majority(["LOC", "PER", "PER"]) == "PER"


def test_a_label_tie_goes_to_the_label_an_unknown_name_was_grouped_under() -> None:
    from dossier.store.rows import grouped_label, majority

    assert grouped_label("x:pielupotie:per") == "PER" and grouped_label("per:kim-jong-un") is None
    assert majority(["ORG", "PER"], prefer=grouped_label("x:pielupotie:per")) == "PER"
    assert majority(["ORG", "ORG", "PER"], prefer="PER") == "ORG"  # a majority still wins
