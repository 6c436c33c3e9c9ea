"""DOSSIER_MODELS points the NER stage at another models directory (how a candidate model is scored
by `dossier eval ner` and bench/ without replacing the committed one)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = ("from dossier.ner import recognise; "
         "print(recognise.MODELS_DIR); print(recognise.has_model('en')); print(recognise.available_languages())")


def _probe(env_value: str | None) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "DOSSIER_MODELS"}
    if env_value is not None:
        env["DOSSIER_MODELS"] = env_value
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True)
    return out.stdout.splitlines()


def test_models_dir_follows_the_environment(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / "en" / "config.cfg").write_text("", encoding="utf-8")
    (tmp_path / "ko").mkdir()  # not a pipeline: no meta.json
    assert _probe(str(tmp_path)) == [str(tmp_path), "True", "['en']"]


def test_unset_or_blank_means_the_repository_models():
    assert _probe(None)[0] == str(ROOT / "data" / "models")
    assert _probe("  ")[0] == str(ROOT / "data" / "models")
