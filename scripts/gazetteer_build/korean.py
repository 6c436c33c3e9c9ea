"""Korean names the sources lack, derived by rule: readings, short forms and bare stems.

Reads only the syllable counts of Kiwi's dictionary (kiwipiepy_model, already installed for the
Korean tokenizer), to choose the likeliest Hangul reading of a romanised name. The rest derives from
names the other modules read: a province's short form (경기도 → 경기), a half of a divided province,
a city's name without its unit (경주시 → 경주). Kept apart because cities, regions and admin1 all use
these rules, each on its own source.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

from dossier.geo.transliterate import revised_romanization_to_hangul
from dossier.text.scripts import first_script


def is_divided_province(name: str) -> bool:
    """One half of a province Korea divided north and south: 경상남도, 충청북도, 황해남도."""
    return len(name) == 4 and name[2] in "남북" and name.endswith("도")


def korean_province_short_forms(native: str) -> list[str]:
    """How Korean news shortens a province's name: the two-syllable stem of a "-도" province (경기도
    → 경기, 강원도 → 강원) and, for a north/south pair, the first syllable with 남/북 (경상남도 →
    경남, 충청북도 → 충북, 평안남도 → 평남), and a special self-governing province by its old name
    (제주특별자치도 → 제주도). Derived by this rule, never listed by hand."""
    if native.endswith("특별자치도"):  # 제주특별자치도 -> 제주도 (the bare 제주 is the city)
        return [native[: -len("특별자치도")] + "도"]
    if len(native) == 3 and native.endswith("도"):
        return [native[:2]]
    if is_divided_province(native):
        return [native[0] + native[2]]
    return []


def korean_proper_noun_syllables() -> Counter[str]:
    """How often each Hangul syllable occurs in the proper nouns of Kiwi's dictionary (kiwipiepy_model,
    Apache-2.0; the Korean tokenizer's own model, already installed): which reading of a romanised
    name reads as a Korean name (통영, not 톤경). Only counts are taken from it, no names."""
    import kiwipiepy_model

    counts: Counter[str] = Counter()
    path = Path(kiwipiepy_model.__file__).parent / "default.dict"
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, rest = line.partition("\t")
        if rest.startswith("NNP"):
            counts.update(ch for ch in word if "가" <= ch <= "힣")
    return counts


# The likeliest reading is taken as the bare name only when it is this many times likelier than the next.
KO_READING_MARGIN = 5.0


def likeliest_reading(readings: list[str], syllables: Counter[str]) -> str | None:
    """The one Hangul reading whose syllables Korean place names use far more than the others'."""
    def score(h: str) -> float:
        return math.prod(syllables.get(ch, 0) + 0.5 for ch in h)
    ranked = sorted(readings, key=score, reverse=True)
    if not ranked or len(ranked[0]) < 2:
        return None
    if len(ranked) == 1 or score(ranked[0]) >= KO_READING_MARGIN * score(ranked[1]):
        return ranked[0]
    return None


def korean_reading(name: str, names: list[str], cc: str, syllables: Counter[str]) -> list[str]:
    """A South Korean town whose GeoNames names lack its Hangul name (Tongyeong has only its old name
    충무) gets it read back from the romanisation (통영), where one reading is far likelier
    (likeliest_reading)."""
    if cc != "KR":
        return []
    best = likeliest_reading(revised_romanization_to_hangul(name), syllables)
    return [best] if best and best not in names else []


# Korean units glued to a name (경주시, 부산광역시, 고흥군), longest first. Only for places where
# Korean or Japanese usage puts the unit there: in a foreign name the last syllable 시 is often the
# name itself (브카시 = Bekasi, 트빌리시 = Tbilisi, 바라나시 = Varanasi).
GLUED_UNITS = ("특별자치시", "특별시", "광역시", "직할시", "특급시", "시", "군", "현")
GLUED_UNIT_COUNTRIES = ("KR", "KP", "JP")


def hangul_stems(names: list[str], cc: str) -> list[str]:
    """GeoNames writes some Korean city names with the unit after a space ("히로시마 시") or glued to
    it (경주시, 부산광역시); news writes the bare name (히로시마, 경주). The bare form is added for
    시/군/현/주 after a space, and for a glued unit in Korea and Japan (a glued 주 is too often part of
    the name: 광주, 청주)."""
    out = []
    for n in names:
        head, _, unit = n.rpartition(" ")
        if unit in ("시", "군", "현", "주") and head and first_script(head) == "HANGUL" and len(head) >= 2:
            out.append(head)
        elif " " not in n and cc in GLUED_UNIT_COUNTRIES and first_script(n) == "HANGUL":
            unit = next((u for u in GLUED_UNITS if n.endswith(u)), "")
            if unit and len(n) - len(unit) >= 2:
                out.append(n[: -len(unit)])
    return out
