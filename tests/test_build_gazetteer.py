"""Rules the gazetteer build derives names by (scripts/build_gazetteer.py), and their effect in text."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from dossier.geo.places import geoparse

_SPEC = importlib.util.spec_from_file_location(
    "build_gazetteer", Path(__file__).resolve().parents[1] / "scripts" / "build_gazetteer.py")
build = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(build)


def test_korean_province_short_forms_follow_the_news_rule():
    assert build.korean_province_short_forms("경기도") == ["경기"]
    assert build.korean_province_short_forms("경상남도") == ["경남"]
    assert build.korean_province_short_forms("충청북도") == ["충북"]
    assert build.korean_province_short_forms("평안남도") == ["평남"]
    # cities and special units have no such short form
    assert build.korean_province_short_forms("부산") == []
    assert build.korean_province_short_forms("세종시") == []


def test_short_forms_are_found_in_text_but_not_inside_words_or_as_ordinary_words():
    text = "한국 대표팀은 서울에서 열린 경기에서 일본을 이겼다. 충남대학교 연구진과 경남 지역 주민들이 참석했다."
    found = {(p.text, p.place_id) for p in geoparse(text, "ko")}
    assert ("경남", "region:KR-48") in found
    assert not any(t.startswith(("경기", "충남")) for t, _ in found)  # a match; a university


def test_the_built_gazetteer_marks_capitals():
    from dossier.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    assert gaz.get("gn:290030").capital  # Doha
    assert not gaz.get("gn:10168209").capital  # Doha, a village in Rajasthan
