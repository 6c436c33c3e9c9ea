"""TempEval-3 style scorer: strict/relaxed span, value and type, on hand-made files with known answers."""

from __future__ import annotations

import json

import pytest

from dossier.timex.evaluate import align, evaluate, main, split

TEXT = "Profit fell last week and rose on Friday, up from a year ago."
# gold: "last week" [12,21), "Friday" [34,40), "a year ago" [50,60)
GOLD = [[12, 21, "DATE", "1989-W42"], [34, 40, "DATE", "1989-10-27"], [50, 60, "DATE", "1988"]]


def write(tmp_path, docs):
    p = tmp_path / "t.jsonl"
    p.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return str(p)


def doc(i=0, timexes=GOLD):
    return {"id": f"d{i}", "lang": "en", "dct": "1989-10-30", "text": TEXT, "timexes": timexes}


def test_perfect_system_scores_one(tmp_path):
    path = write(tmp_path, [doc()])
    r = evaluate(path, tag_fn=lambda text, lang, dct: GOLD)
    for key in ("strict", "relaxed", "value", "type"):
        assert r[key]["f1"] == 1.0


def test_relaxed_overlap_and_value_on_matched_pairs(tmp_path):
    path = write(tmp_path, [doc()])
    system = [
        [7, 21, "DATE", "1989-W42"],     # "fell last week": overlaps gold 1, not strict; value right
        [34, 40, "DATE", "1989-11-03"],  # strict match, wrong value
        [0, 6, "DATE", "PRESENT_REF"],   # spurious
    ]
    r = evaluate(path, tag_fn=lambda text, lang, dct: system)
    assert r["strict"]["precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert r["strict"]["recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert r["relaxed"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert r["relaxed"]["recall"] == pytest.approx(2 / 3, abs=1e-4)
    # one value right out of 3 system / 3 gold; accuracy over the 2 matched pairs
    assert r["value"]["f1"] == pytest.approx(1 / 3, abs=1e-4)
    assert r["value"]["accuracy"] == 0.5
    assert r["type"]["accuracy"] == 1.0


def test_alignment_is_one_to_one():
    gold = [(0, 10, "DATE", "a"), (11, 20, "DATE", "b")]
    system = [(0, 20, "DATE", "a")]  # one long span over two gold ones
    assert len(align(gold, system)) == 1


def test_empty_system(tmp_path):
    path = write(tmp_path, [doc()])
    r = evaluate(path, tag_fn=lambda text, lang, dct: [])
    assert r["relaxed"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_default_tagger_runs_and_accepts_timex_objects(tmp_path):
    path = write(tmp_path, [doc()])
    r = evaluate(path)
    assert r["gold"] == 3 and r["system"] >= 2
    assert r["relaxed"]["recall"] == 1.0


def test_split_is_fixed_and_disjoint():
    docs = [{"id": f"x{i:03d}"} for i in range(20)][::-1]
    dev, held = split(docs, "dev"), split(docs, "heldout")
    assert len(dev) == 16 and len(held) == 4
    assert not {d["id"] for d in dev} & {d["id"] for d in held}
    assert [d["id"] for d in held] == ["x004", "x009", "x014", "x019"]


def test_split_in_halves_holds_out_every_second_document(tmp_path):
    docs = [{"id": f"x{i:03d}"} for i in range(7)][::-1]
    assert [d["id"] for d in split(docs, "heldout", every=2)] == ["x001", "x003", "x005"]
    assert [d["id"] for d in split(docs, "dev", every=2)] == ["x000", "x002", "x004", "x006"]
    with pytest.raises(ValueError):
        split(docs, "dev", every=1)
    path = write(tmp_path, [doc(i) for i in range(4)])
    assert main([path, "--part", "heldout", "--every", "2"]) == 0


def test_main_prints_json(tmp_path, capsys):
    path = write(tmp_path, [doc(0), doc(1)])
    assert main([path]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["docs"] == 2 and "value" in out and "strict" in out


def test_main_missing_file(tmp_path, capsys):
    assert main([str(tmp_path / "nope.jsonl")]) == 2
