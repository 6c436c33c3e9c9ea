import json

import pytest

from dossier.ingest.formats import FormatError, RawDoc, RecordError, parse


def test_html_visible_text_only() -> None:
    html = """<html lang="en"><head><title>Summit news</title>
    <meta property="article:published_time" content="2023-09-13T08:00:00Z">
    <meta property="og:site_name" content="Example Times">
    <style>p { color: red }</style><script>alert('x')</script></head>
    <body><!-- a hidden comment --><h1>Kim meets Putin</h1><p>They met at <b>Vostochny</b>.</p>
    <noscript>enable js</noscript><iframe src="x"></iframe><p>Second paragraph.</p></body></html>"""
    (doc,) = parse(".html", html)
    assert isinstance(doc, RawDoc)
    assert doc.text == "Kim meets Putin\nThey met at Vostochny .\nSecond paragraph." or "They met at" in doc.text
    for hidden in ("alert", "color: red", "hidden comment", "enable js"):
        assert hidden not in doc.text
    assert doc.meta["title"] == "Summit news"
    assert doc.meta["published"].startswith("2023-09-13")
    assert doc.meta["source"] == "Example Times"
    assert doc.meta["language"] == "en"


def test_html_without_text_is_an_error() -> None:
    with pytest.raises(FormatError, match="no visible text"):
        parse(".html", "<html><head><script>x()</script></head><body> </body></html>")


def test_json_object_and_list_and_field_aliases() -> None:
    (doc,) = parse(".json", json.dumps({"headline": "H", "body": "Text here", "date": "2023-09-05", "lang": "ko"}))
    assert isinstance(doc, RawDoc)
    assert doc.text == "Text here" and doc.meta == {"title": "H", "published": "2023-09-05", "language": "ko"}
    docs = parse(".json", json.dumps([{"text": "a"}, {"title": "no text"}, 7]))
    assert isinstance(docs[0], RawDoc)
    assert isinstance(docs[1], RecordError) and "no text field" in docs[1].reason
    assert isinstance(docs[2], RecordError) and docs[2].locator == "item 3"


def test_malformed_and_deep_json() -> None:
    with pytest.raises(FormatError, match="malformed JSON"):
        parse(".json", '{"text": "unterminated')
    with pytest.raises(FormatError, match="nested deeper"):
        parse(".json", "[" * 100 + "]" * 100)


def test_jsonl_keeps_good_lines() -> None:
    text = '{"text": "one"}\n{broken\n\n{"text": "three", "source": "Yonhap"}\n'
    docs = parse(".jsonl", text)
    assert [type(d).__name__ for d in docs] == ["RawDoc", "RecordError", "RawDoc"]
    assert docs[1].locator == "line 2"
    assert docs[2].meta == {"source": "Yonhap"}


def test_csv_rows_and_ragged_rows() -> None:
    text = 'title,text,published,source,url,language\nT1,"Body, with comma",2023-09-11,Yonhap,http://x,ko\nT2,short\nT3,"Third\nline two",,,,\n'
    docs = parse(".csv", text)
    assert isinstance(docs[0], RawDoc) and docs[0].text == "Body, with comma"
    assert docs[0].meta["source"] == "Yonhap"
    assert isinstance(docs[1], RecordError) and "2 fields" in docs[1].reason and docs[1].locator == "row 3"
    assert isinstance(docs[2], RawDoc) and docs[2].text == "Third\nline two"


def test_csv_without_text_column() -> None:
    with pytest.raises(FormatError, match="no text column"):
        parse(".csv", "title,date\nx,y\n")


def test_markdown_title() -> None:
    (doc,) = parse(".md", "# Kim's train\n\nBody text.")
    assert doc.meta["title"] == "Kim's train"
    assert doc.text == "# Kim's train\n\nBody text."


def test_unsupported_suffix() -> None:
    with pytest.raises(FormatError, match="unsupported"):
        parse(".pdf", "x")
