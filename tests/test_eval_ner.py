"""Entity-level exact-match scoring used by `python -m dossier eval ner`."""

from __future__ import annotations

import json

import pytest

from dossier.model import Span
from dossier.ner.evaluate import evaluate, main, score


def _write(tmp_path, rows):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return str(path)


ROWS = [
    {"id": "a", "lang": "en", "text": "Kim Jong Un met Putin in Vladivostok .",
     "entities": [[0, 11, "PER"], [16, 21, "PER"], [25, 36, "LOC"]]},
    {"id": "b", "lang": "ko", "text": "김정은이 2023년 9월 러시아를 방문했다.",
     "entities": [[0, 3, "PER"], [5, 13, "DATE"], [14, 17, "LOC"]]},
]


def fake_predict(text, lang):
    if lang == "en":
        # one exact, one boundary error (counts as FP and FN), GPE scored as LOC
        return [Span(0, 11, "PER"), Span(16, 20, "PER"), Span(25, 36, "GPE")]
    # exact PER, LOC given as a plain list, an extra ORG
    return [Span(0, 3, "PER"), [14, 17, "LOC"], Span(5, 13, "ORG")]


def test_counts_exact_matches_only(tmp_path):
    r = evaluate(_write(tmp_path, ROWS), predict=fake_predict)
    assert r["labels"]["PER"] == {"precision": 0.6667, "recall": 0.6667, "f1": 0.6667,
                                  "tp": 2, "fp": 1, "fn": 1, "support": 3}
    assert r["labels"]["LOC"]["tp"] == 2 and r["labels"]["LOC"]["fp"] == 0
    assert r["labels"]["ORG"]["fp"] == 1 and r["labels"]["ORG"]["support"] == 0
    o = r["overall"]
    assert (o["tp"], o["fp"], o["fn"]) == (4, 2, 1)  # DATE gold is not scored
    assert o["precision"] == pytest.approx(4 / 6, abs=1e-4)
    assert o["recall"] == pytest.approx(4 / 5, abs=1e-4)
    assert o["f1"] == pytest.approx(2 * (4 / 6) * 0.8 / (4 / 6 + 0.8), abs=1e-4)
    assert r["sentences"] == 2 and r["languages"] == {"en": 1, "ko": 1}


def test_lang_override_is_passed_to_predict(tmp_path):
    seen = []
    evaluate(_write(tmp_path, ROWS), predict=lambda t, l: seen.append(l) or [], lang="hi")
    assert seen == ["hi", "hi"]


def test_no_predictions_scores_zero_not_error():
    r = score([([[0, 3, "PER"]], [])])
    assert r["overall"]["f1"] == 0.0 and r["overall"]["fn"] == 1


def test_perfect_prediction():
    gold = [[0, 3, "PER"], [4, 8, "ORG"]]
    assert score([(gold, gold)])["overall"]["f1"] == 1.0


def test_cli_prints_json(tmp_path, capsys, monkeypatch):
    import dossier.ner.evaluate as ev

    path = _write(tmp_path, ROWS)
    monkeypatch.setattr("dossier.ner.recognise.recognize_many", lambda texts, lang: [fake_predict(t, lang) for t in texts])
    assert main(["ner", path]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["overall"]["tp"] == 4 and set(out["labels"]) == set(ev.LABELS)
