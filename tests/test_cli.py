import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "data" / "articles"


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "dossier", *args], cwd=cwd, capture_output=True, text=True, timeout=300)


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
