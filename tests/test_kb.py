"""Knowledge base loading and content (dossier/linking/kb.py, data/kb)."""

from pathlib import Path

import pytest

from dossier.linking.kb import ID_PREFIX, load_kb, load_kb_from
from dossier.linking.names import kb_key

# Actors of this domain that must be readable in all six languages the issue names.
SIX_LANGS = ("en", "ko", "hi", "ru", "ja", "zh")
CORE = [
    "per:kim-jong-un", "per:kim-yo-jong", "per:vladimir-putin", "per:sergei-shoigu", "per:sergey-lavrov",
    "per:antony-blinken", "per:joe-biden", "per:john-kirby", "per:jake-sullivan", "per:jon-finer",
    "per:cho-tae-yong", "per:takeo-akiba", "per:alexander-lukashenko", "per:yoon-suk-yeol",
    "per:fumio-kishida", "per:xi-jinping", "per:yury-trutnev", "per:maxim-oreshkin",
    "per:mikhail-degtyarev", "per:alexander-kozlov", "per:oleg-kozhemyako",
    "org:wpk", "org:white-house", "org:us-nsc", "org:us-state-department", "org:kremlin",
    "org:ru-defence-ministry", "org:unsc", "org:wagner-group", "org:wilson-center", "org:kpa",
    "outlet:yonhap", "outlet:kcna", "outlet:kyodo", "outlet:chosun-ilbo", "outlet:nyt", "outlet:reuters",
    "outlet:yomiuri", "outlet:afp", "outlet:tass", "outlet:voa", "outlet:ap", "outlet:bbc",
    "outlet:rodong-sinmun",
]


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_ids_types_and_prefixes(kb):
    assert len(kb) > 300
    for actor in kb.actors.values():
        assert actor.id.startswith(ID_PREFIX[actor.type]), actor.id
        assert actor.name and actor.names, actor.id
        if actor.country:
            assert actor.country in kb.actors, (actor.id, actor.country)


def test_core_actors_have_names_in_six_languages(kb):
    for actor_id in CORE:
        actor = kb.get(actor_id)
        assert actor is not None, actor_id
        missing = [lg for lg in SIX_LANGS if lg not in actor.names]
        assert not missing, (actor_id, missing)


def test_outlets_have_kind_and_country(kb):
    outlets = kb.of_type("outlet")
    assert len(outlets) >= 14
    for o in outlets:
        assert o.kind and o.country, o.id


def test_countries_come_from_cldr_in_every_babel_language(kb):
    kp = kb.get("country:KP")
    assert kp.name == "North Korea"
    assert "북한" in kp.names["ko"]
    assert "उत्तर कोरिया" in kp.names["hi"]
    assert "КНДР" in kp.names["ru"]
    assert "北朝鮮" in kp.names["ja"]
    # languages nobody typed here: only CLDR can have given these
    assert "Pohjois-Korea" in kp.names["fi"]
    assert len(kp.names) > 100
    assert "रूस" in kb.get("country:RU").names["hi"]
    assert "대한민국" in kb.get("country:KR").names["ko"]
    assert "한국" in kb.get("country:KR").names["ko"]  # added by country_aliases.yaml
    assert kb.get("country:SU").name == "Soviet Union"  # historical, from `extra`
    assert kb.get("country:EU") is None  # a CLDR region, not a country


def test_no_full_name_belongs_to_two_people(kb):
    owner: dict[str, str] = {}
    for person in kb.of_type("person"):
        for ns in person.names.values():
            for n in ns:
                key = kb_key(n)
                assert owner.setdefault(key, person.id) == person.id, (n, owner[key], person.id)


def test_family_names_are_not_standalone_names(kb):
    """'Kim' must never be a full name or a short form of anyone: only coreference may use it."""
    standalone = {kb_key(n) for a in kb.actors.values() for t in (a.names, a.short) for ns in t.values() for n in ns}
    for key in ("kim", "김", "किम", "ким", "金"):
        assert key not in standalone


def test_rules_are_loaded(kb):
    assert "에서" in kb.rules.particles["ko"]
    assert "대통령" in kb.rules.titles["ko"]
    assert "Russian" in kb.rules.not_mentions["en"]


def test_invalid_entries_are_rejected(tmp_path: Path):
    (tmp_path / "people.yaml").write_text("- {id: org:x, type: person, name: X, names: {en: [X]}}\n")
    with pytest.raises(ValueError, match="must start with"):
        load_kb_from(tmp_path)
    (tmp_path / "people.yaml").write_text(
        "- {id: per:x, type: person, name: X, names: {en: [X]}}\n- {id: per:x, type: person, name: Y, names: {en: [Y]}}\n"
    )
    with pytest.raises(ValueError, match="duplicate"):
        load_kb_from(tmp_path)
    (tmp_path / "people.yaml").write_text("- {id: per:x, type: robot, name: X}\n")
    with pytest.raises(ValueError, match="unknown type"):
        load_kb_from(tmp_path)
    (tmp_path / "people.yaml").write_text("")
    (tmp_path / "country_aliases.yaml").write_text("compounds: {ko: {북러: [country:KP]}}\n")
    with pytest.raises(ValueError, match="one known country id per syllable"):
        load_kb_from(tmp_path)
    # the one syllable table: a compound's syllables and the standalone ones must agree with it
    (tmp_path / "country_aliases.yaml").write_text(
        "compounds: {ko: {북러: [country:KP, country:RU]}}\nsyllables: {ko: {북: country:KP, 러: country:UA}}\n")
    with pytest.raises(ValueError, match="disagrees with the syllables table"):
        load_kb_from(tmp_path)
    (tmp_path / "country_aliases.yaml").write_text("syllables: {ko: {북: country:KP}}\nsyllables_alone: {ko: [미]}\n")
    with pytest.raises(ValueError, match="not in the syllables table"):
        load_kb_from(tmp_path)
