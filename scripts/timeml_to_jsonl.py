"""TimeML .tml files → the shared TIMEX jsonl (one document a line), for scoring the English rules on
news beyond TimeBank.

    python scripts/timeml_to_jsonl.py OUT.jsonl FILE_OR_DIR [FILE_OR_DIR ...]

Each line: {"id", "lang": "en", "dct", "text", "timexes": [[start, end, TYPE, VALUE], ...]} where
- `dct` is the value (date part) of the TIMEX3 with functionInDocument="CREATION_TIME";
- `text` is the content of <TEXT> with every tag removed and entities decoded, so that
  the offsets of each TIMEX3 inside <TEXT> index `text` (end exclusive);
- TIMEX3 elements without text (TimeML's non-consuming timexes) are left out: no tagger can
  find a span that is not there, and the TempEval-3 scorer ignores them too;
- a one-digit ISO week in a value is zero-padded ("2000-W7" → "2000-W07"): ISO 8601 writes weeks
  with two digits, as TimeBank and the tagger do, and the scorer compares values as strings.

The corpus files are not in the repository (their licence does not allow it); README "Time expressions"
says where to fetch them. A file that is not well-formed TimeML stops the run with its name.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any


class TimeMLError(ValueError):
    pass


_ONE_DIGIT_WEEK = re.compile(r"(?<=-W)(\d)(?!\d)")


def canonical_value(value: str) -> str:
    return _ONE_DIGIT_WEEK.sub(r"0\1", value)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _dct(root: ET.Element) -> str:
    for el in root.iter():
        if _local(el.tag) == "TIMEX3" and el.get("functionInDocument") == "CREATION_TIME":
            value = el.get("value") or ""
            return value[:10]
    raise TimeMLError("no TIMEX3 with functionInDocument=\"CREATION_TIME\"")


def _flatten(el: ET.Element, parts: list[str], timexes: list[list[Any]], offset: list[int]) -> None:
    """Append el's text (tags removed) to parts, recording each TIMEX3's span in the joined text."""
    start = offset[0]
    if el.text:
        parts.append(el.text)
        offset[0] += len(el.text)
    for child in el:
        _flatten(child, parts, timexes, offset)
        if child.tail:
            parts.append(child.tail)
            offset[0] += len(child.tail)
    if _local(el.tag) == "TIMEX3" and offset[0] > start:
        timexes.append([start, offset[0], el.get("type", ""), canonical_value(el.get("value", ""))])


def convert_file(path: Path) -> dict[str, Any]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        raise TimeMLError(f"{path}: not well-formed XML ({e})") from e
    text_el = next((el for el in root.iter() if _local(el.tag) == "TEXT"), None)
    if text_el is None:
        raise TimeMLError(f"{path}: no <TEXT> element")
    docid_el = next((el for el in root.iter() if _local(el.tag) == "DOCID"), None)
    doc_id = (docid_el.text or "").strip() if docid_el is not None else ""
    try:
        dct = _dct(root)
    except TimeMLError as e:
        raise TimeMLError(f"{path}: {e}") from e
    parts: list[str] = []
    timexes: list[list[Any]] = []
    # the <TEXT> element's own tail is outside it: flatten only its content
    _flatten(text_el, parts, timexes, [0])
    text = "".join(parts)
    timexes.sort(key=lambda t: (t[0], t[1]))
    return {"id": doc_id or path.name.removesuffix(".tml"), "lang": "en", "dct": dct,
            "text": text, "timexes": timexes}


def tml_files(inputs: list[str]) -> list[Path]:
    files: list[Path] = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            files.extend(sorted(q for q in p.glob("*.tml") if not q.name.startswith("._")))
        elif p.is_file():
            files.append(p)
        else:
            raise TimeMLError(f"{item}: no such file or directory")
    return files


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="jsonl file to write")
    ap.add_argument("inputs", nargs="+", help=".tml files or directories holding them")
    args = ap.parse_args(argv)
    try:
        docs = [convert_file(f) for f in tml_files(args.inputs)]
    except TimeMLError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if not docs:
        print("error: no .tml files found", file=sys.stderr)
        return 2
    with open(args.out, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    n = sum(len(d["timexes"]) for d in docs)
    print(f"{len(docs)} documents, {n} timexes -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
