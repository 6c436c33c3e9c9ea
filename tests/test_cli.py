import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "data" / "articles"


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "dossier", *args]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, check=False, timeout=300)


@pytest.mark.slow  # a fresh interpreter loads every model
def test_ingest_reports_and_is_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    first = run("ingest", str(CORPUS), str(bad), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "6 created" in first.stdout
    assert "rejected:" in first.stdout and "empty.txt: empty file" in first.stdout
    second = run("ingest", str(CORPUS), "--db", str(db))
    assert "0 created" in second.stdout and "6 unchanged" in second.stdout


def test_ingest_of_nothing_usable_fails(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "d.db"))
    assert result.returncode == 1


@pytest.mark.slow  # a fresh interpreter loads every model
def test_extract_korean_sample() -> None:
    result = run("extract", str(CORPUS / "ko-en-nk-russia-alliance.txt"), "--published", "2023-09-05")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert set(doc) >= {"article", "segments", "entities", "times", "places", "events"}
    assert doc["article"]["published"] == "2023-09-05"
    assert set(doc["article"]) >= {"id", "title", "published", "source", "url"}
    kinds = [(s["lang"], s["kind"], s["parallel_of"]) for s in doc["segments"]]
    ko = kinds.index(("ko", "body", None))
    assert ("en", "body", ko) in kinds and ("en", "keywords", None) in kinds


def test_extract_bad_file(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_bytes(b"")
    result = run("extract", str(p))
    assert result.returncode == 2 and "empty" in result.stderr


@pytest.mark.slow  # a fresh interpreter loads every model
def test_annotate_keeps_ids_and_reports_bad_lines(tmp_path: Path) -> None:
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    lines = [
        {"id": "a", "text": "  Kim Jong Un met Vladimir Putin in Vladivostok on 13 September 2023.  ", "lang": "en", "dct": "2023-09-14"},
        {"id": "b", "text": "김정은 위원장은 13일 푸틴 대통령과 만났다.", "lang": "ko", "dct": "2023-09-15"},
        {"id": "c", "text": "पुतिन ने सोमवार को कहा।"},
    ]
    src.write_text("\n".join(json.dumps(l, ensure_ascii=False) for l in lines) + "\n{not json\n", encoding="utf-8")
    result = run("annotate", str(src), str(dst))
    assert result.returncode == 1 and "line 4" in result.stderr
    out = [json.loads(l) for l in dst.read_text(encoding="utf-8").splitlines()]
    assert [o["id"] for o in out] == ["a", "b", "c", None]
    for o, l in zip(out, lines):
        assert set(o) == {"id", "entities", "timexes"}
        for start, end, label in o["entities"]:
            assert 0 <= start < end <= len(l["text"]) and label in ("PER", "ORG", "LOC")
        for start, end, typ, value in o["timexes"]:
            assert 0 <= start < end <= len(l["text"]) and typ in ("DATE", "TIME", "DURATION", "SET")


# ---- export: what the pages show, from the command line --------------------------------------------------


def _export(db: Path, *args: str) -> subprocess.CompletedProcess:
    result = run("export", *args, "--db", str(db))
    assert result.returncode == 0, result.stderr
    return result


def _rows(db: Path, what: str, *args: str) -> list[dict]:
    return json.loads(_export(db, what, *args).stdout)["rows"]


def _key(e: dict) -> tuple:
    return (e["id"], e["date"], e["date_end"], e["type"], e["place_id"], tuple(e["actor_ids"]))


def test_export_events_are_the_timeline_pages_events(corpus_db: Path, tmp_path: Path, monkeypatch) -> None:
    import shutil

    from components import events_data
    from dossier.filters import Filters

    db = tmp_path / "d.db"  # the page opens its store for writing: a copy, not the shared database
    shutil.copy(corpus_db, db)
    monkeypatch.setenv("DOSSIER_DB", str(db))
    kim = "per:kim-jong-un"
    for options, f in (((), Filters()), (("--actor", kim), Filters(actors=(kim,)))):
        page, names, cut = events_data.events(f)
        exported = _rows(db, "events", *options)
        assert not cut and len(page) > 5
        assert [_key(e) for e in exported] == [
            (e.id, e.date, e.date_end, e.type, e.place_id, tuple(e.actor_ids)) for e in page
        ]
        by_id = {e.id: e for e in page}
        for e in exported:
            assert e["actors"] == [names.get(a, a) for a in e["actor_ids"]]
            assert (e["status"], e["conflict"]) == (by_id[e["id"]].status, by_id[e["id"]].conflict)
            assert e["article_ids"] and all(s["sentence"] for s in e["sources"])


def _csv(db: Path, what: str) -> list[dict]:
    import csv
    import io

    # UTF-8 with a byte-order mark, as the app's downloads, so spreadsheets read Korean and Hindi right
    text = _export(db, what, "--format", "csv").stdout
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_export_csv_and_json_parse_to_the_same_rows(corpus_db: Path) -> None:
    for what, key in (("events", "id"), ("actors", "entity_id"), ("places", "place_id"), ("articles", "id")):
        rows = _rows(corpus_db, what)
        table = _csv(corpus_db, what)
        assert rows and [r[key] for r in table] == [r[key] for r in rows]
    events = _csv(corpus_db, "events")
    assert {"type", "date", "date_end", "place", "actors", "sources", "conflict", "status"} <= set(events[0])
    assert json.loads(events[0]["actor_ids"]) == _rows(corpus_db, "events")[0]["actor_ids"]


def test_export_filters_narrow_the_result(corpus_db: Path, tmp_path: Path) -> None:
    every = _rows(corpus_db, "events")
    september = _rows(corpus_db, "events", "--from", "2023-09-13", "--to", "2023-09-13")
    assert 0 < len(september) < len(every)
    assert all((e["date_end"] or e["date"]) >= "2023-09-13" and e["date"] <= "2023-09-13~" for e in september)
    kim = _rows(corpus_db, "events", "--actor", "per:kim-jong-un")
    assert 0 < len(kim) < len(every) and all("per:kim-jong-un" in e["actor_ids"] for e in kim)
    articles = _rows(corpus_db, "articles")
    korean = _rows(corpus_db, "articles", "--lang", "ko")
    assert 0 < len(korean) < len(articles) and all("ko" in a["langs"] for a in korean)
    assert len(_rows(corpus_db, "articles", "--lang", "ko", "--lang", "hi")) > len(korean)
    searched = _rows(corpus_db, "articles", "--q", "보스토치니")
    assert 0 < len(searched) < len(articles)
    place = _rows(corpus_db, "places")[0]["place_id"]
    at = _rows(corpus_db, "events", "--place", place)
    assert at and all(e["place_id"] == place for e in at)
    assert len(_rows(corpus_db, "actors", "--lang", "hi")) < len(_rows(corpus_db, "actors"))
    out = tmp_path / "a.json"
    assert _export(corpus_db, "actors", "--limit", "2", "--out", str(out)).stdout == ""
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert len(doc["rows"]) == 2 and doc["truncated"] is True


def test_export_refuses_a_bad_db_or_date(corpus_db: Path, tmp_path: Path) -> None:
    missing = run("export", "events", "--db", str(tmp_path / "none.db"))
    assert missing.returncode == 2 and "no such database" in missing.stderr and missing.stdout == ""
    assert not (tmp_path / "none.db").exists()  # not created by looking
    junk = tmp_path / "junk.db"
    junk.write_text("not sqlite", encoding="utf-8")
    bad = run("export", "events", "--db", str(junk))
    assert bad.returncode == 2 and "not a readable Dossier database" in bad.stderr
    date = run("export", "events", "--db", str(corpus_db), "--from", "2023-02-30")
    assert date.returncode == 2 and "not a YYYY-MM-DD date" in date.stderr and date.stdout == ""
    assert run("export", "events", "--db", str(corpus_db), "--format", "xml").returncode == 2
