"""A batch of hostile or broken files: each is ingested or rejected with a reason, the good files
in the same batch are all stored, and nothing from an article is ever executed."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from dossier.ingest.run import ingest_paths
from dossier.store import Store

GOOD = "Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome on 13 September 2023."
KO = "김정은 국무위원장이 13일 보스토치니 우주기지에서 푸틴 대통령과 정상회담을 가졌다."


def hostile_files() -> dict[str, bytes]:
    nested = "[" * 5000 + "]" * 5000
    return {
        "truncated_utf8.txt": (KO * 3).encode("utf-8")[:-1],
        "mixed_encodings.txt": KO.encode("utf-8") + b"\n" + KO.encode("cp949"),
        "nul_bytes.txt": b"abc\x00def\x00" * 100,
        "over_limit.txt": b"a" * 70_000,
        "deep.json": nested.encode(),
        "deep_in_jsonl.jsonl": (json.dumps({"text": GOOD + " jsonl"}) + "\n" + nested + "\n").encode(),
        "ragged.csv": f'text,title\n"{GOOD} csv",T\nonly\na,b,c,d\n'.encode(),
        "script.html": b"<html><body><p>Safe words.</p><script>alert(1)</script><img src=x onerror=alert(2)></body></html>",
        "iframe.html": b"<html><body><iframe src='http://evil.example'></iframe><p onclick='steal()'>Click text</p></body></html>",
        "zero_width.txt": ("Kim\u200bJong\u200dUn\ufeff met \u2060Putin. " * 3).encode(),
        "rtl.txt": ("\u202eThis text is reversed\u202c and \u200fRTL marks. مرحبا بالعالم " * 3).encode(),
        "one_mb_line.txt": ("word " * 200_000).encode()[:1_000_000],
        "future.json": json.dumps({"text": GOOD, "published": "2999-12-31"}).encode(),
        "impossible.json": json.dumps({"text": GOOD + " x", "published": "2023-02-31"}).encode(),
        "not_a_date.json": json.dumps({"text": GOOD + " y", "published": "soon"}).encode(),
        "duplicate_a.txt": (GOOD + " duplicate").encode(),
        "duplicate_b.txt": (GOOD + " duplicate").encode(),
        "empty.txt": b"",
        "whitespace.txt": b" \n\t\r\n ",
        "binary.txt": bytes(range(256)) * 10,
        "utf16_no_bom.txt": (GOOD + " utf16").encode("utf-16-le"),
        "utf32.txt": codecs.BOM_UTF32_LE + (GOOD + " utf32").encode("utf-32-le"),
        "json_number.json": b"42",
        "json_text_not_string.json": json.dumps({"text": {"nested": "object"}}).encode(),
        "json_empty_list.json": b"[]",
        "bad_sidecar.txt": (GOOD + " with a broken sidecar").encode(),
        "bad_sidecar.json": b"{not json",
        "csv_no_text.csv": b"title,date\na,b\n",
        "csv_only_header.csv": b"title,text\n",
        "html_only_script.html": b"<script>alert(1)</script>",
        "controls.txt": ("ok" + "\x07\x08\x1b" * 50).encode(),
        "lone_surrogate.json": b'{"text": "bad \\ud800 surrogate in a real sentence about Kim."}',
        "markdown_html.md": b"# Title\n\n<script>alert(1)</script> and [link](javascript:alert(1))",
    }


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    for name, data in hostile_files().items():
        (folder / name).write_bytes(data)
    (folder / "good.txt").write_bytes(GOOD.encode())
    (folder / "good_ko.txt").write_bytes(KO.encode("cp949"))
    return folder, tmp_path_factory.mktemp("db") / "d.db"


@pytest.mark.slow
def test_hostile_batch(batch: tuple[Path, Path]) -> None:
    folder, db = batch
    assert len(hostile_files()) >= 30
    with Store(db) as s:
        report = ingest_paths([folder], s, max_bytes=64_000 + 1_000_000)
        by_name = {}
        for line in report.lines:
            by_name.setdefault(Path(line.path).name, []).append(line)
        # every file got an answer, and every rejection says why
        for name in list(hostile_files()) + ["good.txt", "good_ko.txt"]:
            if name == "bad_sidecar.json":
                continue  # read with its article, reported as a warning there
            assert name in by_name, name
        for line in report.rejected:
            assert line.reason, line
        status = lambda n: {l.status for l in by_name[n]}
        assert status("good.txt") == {"created"} and status("good_ko.txt") == {"created"}
        for name in ("nul_bytes.txt", "empty.txt", "whitespace.txt", "binary.txt", "deep.json",
                     "future.json", "impossible.json", "not_a_date.json", "json_number.json",
                     "json_text_not_string.json", "csv_no_text.csv", "html_only_script.html", "controls.txt"):
            assert status(name) == {"rejected"}, name
        assert {l.status for l in by_name["duplicate_a.txt"] + by_name["duplicate_b.txt"]} == {"created", "unchanged"}
        assert "created" in status("deep_in_jsonl.jsonl") and "rejected" in status("deep_in_jsonl.jsonl")
        assert "created" in status("ragged.csv") and "rejected" in status("ragged.csv")
        assert any("sidecar" in w for l in by_name["bad_sidecar.txt"] for w in l.warnings)
        assert status("bad_sidecar.txt") == {"created"}
        # nothing executable survives into stored text from HTML; markdown is kept as plain text
        for aid in s.article_ids():
            art = s.get_article(aid)
            if art.origin.endswith(".html"):
                assert "<script" not in art.text and "alert" not in art.text and "onerror" not in art.text
        assert s.integrity_ok()


def test_over_limit_file_is_rejected_with_the_setting_name(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"a" * 2000)
    with Store(tmp_path / "d.db") as s:
        report = ingest_paths([tmp_path / "big.txt"], s, max_bytes=1000)
    assert "DOSSIER_MAX_FILE_BYTES" in report.rejected[0].reason
