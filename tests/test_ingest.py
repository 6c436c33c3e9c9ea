import json
import os
from pathlib import Path

import pytest

from dossier.filters import Filters
from dossier.ingest.run import MetadataError, ingest_paths, normalise_date
from dossier.store import Store

KO = "김정은 국무위원장이 오늘 블라디보스토크에 도착했다고 조선중앙통신이 보도했다."
EN = "Kim Jong Un arrived in Vladivostok on Tuesday, state media reported."


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def statuses(report) -> dict[str, str]:
    return {(Path(l.path).name + (f"#{l.locator}" if l.locator else "")): l.status for l in report.lines}


def test_every_format_and_encoding(tmp_path: Path, db_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    write(d / "utf8.txt", KO)
    write(d / "bom.txt", b"\xef\xbb\xbf" + ("[BOM] " + KO).encode())
    write(d / "utf16.txt", ("[UTF16] " + KO).encode("utf-16"))
    write(d / "cp949.txt", ("[CP949] " + KO * 2).encode("cp949"))
    write(d / "euckr.txt", ("[EUC-KR] " + KO * 2).encode("euc-kr"))
    write(d / "cp1252.txt", ("Café “summit” in Vladivostok — €5 paid. " * 3).encode("cp1252"))
    write(d / "page.html", f"<html><head><title>T</title><script>evil()</script></head><body><p>{EN}</p></body></html>")
    write(d / "note.md", f"# Heading\n\n{EN} (markdown)")
    write(d / "one.json", json.dumps({"title": "J", "text": EN + " (json)", "published": "2023-09-12"}))
    write(d / "many.jsonl", json.dumps({"text": EN + " (l1)"}) + "\n" + json.dumps({"text": EN + " (l2)", "source": "AP"}) + "\n")
    write(d / "table.csv", f'title,text,published,source,url,language\nC1,"{EN} (csv)",2023-09-11,Reuters,http://r,en\n')
    with Store(db_path) as s:
        report = ingest_paths([d], s)
        assert not report.rejected, [(l.path, l.reason) for l in report.rejected]
        assert report.counts()["created"] == 12
        texts = {s.get_article(i).text for i in s.article_ids()}
        assert any(t.startswith("[CP949] 김정은") for t in texts)
        assert any(t.startswith("[EUC-KR] 김정은") for t in texts)
        assert any(t.startswith("[UTF16] 김정은") for t in texts)
        assert any(t.startswith("[BOM] 김정은") for t in texts)  # BOM removed
        assert any("Café “summit”" in t and "€5" in t for t in texts)
        assert not any("evil" in t for t in texts)
        csv_row = s.list_articles(Filters(q="(csv)"), limit=5)[0]
        assert (csv_row.source, csv_row.published, csv_row.title) == ("Reuters", "2023-09-11", "C1")
        html = s.get_article(s.list_articles(Filters(q=EN[:20], langs=("en",)), limit=20)[0].id)
        assert html is not None


def test_sidecar_metadata_and_undated(tmp_path: Path, db_path: Path) -> None:
    tmp_path = tmp_path / "in"
    tmp_path.mkdir()
    write(tmp_path / "a.txt", EN)
    write(tmp_path / "a.json", json.dumps({"file": "a.txt", "title": "Side", "published": "2023-09-12", "source": "Kremlin", "licence": "CC BY 4.0"}))
    write(tmp_path / "b.txt", KO)
    with Store(db_path) as s:
        report = ingest_paths([tmp_path], s)
        assert report.counts()["created"] == 2  # the sidecar is not an article
        rows = {r.title: r for r in s.list_articles(Filters(), limit=10)}
        assert rows["Side"].published == "2023-09-12" and rows["Side"].source == "Kremlin"
        undated = [r for r in rows.values() if r.title is None]
        assert undated[0].published is None
        assert any("undated" in w for l in report.lines for w in l.warnings)


def test_reingest_is_idempotent(corpus_dir: Path, db_path: Path) -> None:
    with Store(db_path) as s:
        first = ingest_paths([corpus_dir], s)
        second = ingest_paths([corpus_dir], s)
        assert first.counts()["created"] == 6
        assert second.counts()["created"] == 0 and second.counts()["unchanged"] == 6
        assert s.count_articles(Filters()) == 6


def test_same_content_in_another_encoding_is_one_article(tmp_path: Path, db_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    write(d / "x.txt", KO * 2)
    write(d / "y.txt", (KO * 2).encode("cp949"))
    with Store(db_path) as s:
        report = ingest_paths([d], s)
        assert sorted(statuses(report).values()) == ["created", "unchanged"]


def test_bad_batch_keeps_good_files(tmp_path: Path, db_path: Path) -> None:
    d = tmp_path / "batch"
    d.mkdir()
    write(d / "good.txt", EN)
    write(d / "empty.txt", b"")
    write(d / "binary.txt", b"\x00\x01\x02\x03PK\x03\x04" * 50)
    write(d / "big.txt", "x" * 5000)
    write(d / "broken.json", '{"text": ')
    write(d / "rows.csv", f'text,published\n"{EN} one",2023-09-01\nonly,2023-02-30\n')
    write(d / "future.json", json.dumps({"text": "From the future.", "published": "2999-01-01"}))
    write(d / "photo.png", b"\x89PNG")
    with Store(db_path) as s:
        report = ingest_paths([d], s, max_bytes=4096)
        st = statuses(report)
        assert st["good.txt"] == "created" and st["rows.csv#row 2"] == "created"
        reasons = {Path(l.path).name + (f"#{l.locator}" if l.locator else ""): l.reason for l in report.lines}
        assert "empty" in reasons["empty.txt"]
        assert "binary" in reasons["binary.txt"]
        assert "size limit" in reasons["big.txt"]
        assert "malformed JSON" in reasons["broken.json"]
        assert "impossible publication date" in reasons["rows.csv#row 3"]
        assert "future" in reasons["future.json"]
        assert st["photo.png"] == "skipped"
        assert s.count_articles(Filters()) == 2


def test_missing_path_is_reported(tmp_path: Path, db_path: Path) -> None:
    with Store(db_path) as s:
        report = ingest_paths([tmp_path / "nope.txt"], s)
        assert report.rejected[0].reason == "no such file or folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without read permission")
def test_unreadable_file(tmp_path: Path, db_path: Path) -> None:
    p = write(tmp_path / "secret.txt", EN)
    p.chmod(0)
    with Store(db_path) as s:
        report = ingest_paths([p], s)
        assert "cannot read" in report.rejected[0].reason


@pytest.mark.parametrize(
    "value, expected",
    [("2023-09-05", "2023-09-05"), ("2023-09-05T08:00:00+09:00", "2023-09-05"), ("2023/9/5", "2023-09-05"),
     ("Tue, 05 Sep 2023 10:00:00 +0000", "2023-09-05"), (None, None), ("", None)],
)
def test_normalise_date(value, expected) -> None:
    assert normalise_date(value) == expected


@pytest.mark.parametrize("value", ["2023-02-30", "2023-13-01", "yesterday", "2999-01-01", 20230905])
def test_normalise_date_rejects(value) -> None:
    with pytest.raises(MetadataError):
        normalise_date(value)


def test_new_pipeline_version_reextracts_and_new_date_reresolves(tmp_path: Path, db_path: Path, monkeypatch) -> None:
    from dossier.ingest import run as ingest_mod

    d = tmp_path / "in"
    d.mkdir()
    write(d / "a.txt", "김정은 위원장은 13일 푸틴 대통령과 만났다.")
    with Store(db_path) as s:
        assert ingest_paths([d], s).counts()["created"] == 1
        (aid,) = s.article_ids()
        assert [t.value for t in s.article_extraction(aid)["times"]] == ["XXXX-XX-13"]
        # the same file again: nothing to do
        assert ingest_paths([d], s).counts()["unchanged"] == 1
        # a sidecar now gives the date: the relative date is resolved against it
        write(d / "a.json", json.dumps({"published": "2023-09-15"}))
        assert ingest_paths([d], s).counts()["re-extracted"] == 1
        assert [t.value for t in s.article_extraction(aid)["times"]] == ["2023-09-13"]
        # a newer pipeline redoes the extraction, keeping one article
        monkeypatch.setattr(ingest_mod, "pipeline_version", lambda: "newer")
        assert ingest_paths([d], s).counts()["re-extracted"] == 1
        assert s.count_articles(Filters()) == 1 and s.integrity_ok()
