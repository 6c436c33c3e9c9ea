"""English given names and their nicknames ("Mike" and "Michael", "Bill" and "William"), from the
hand-curated list the PyPI package `nicknames` ships (Apache-2.0): a newsroom writes "Michael
O'Sullivan reports" in the intro and "Mike O'Sullivan, VOA News" in the sign-off."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _namer():
    from nicknames import NickNamer  # loads its CSV (2,700 relations) once, on first use

    return NickNamer()


@lru_cache(maxsize=4096)
def given_name_variants(name: str) -> frozenset[str]:
    """The other forms of an English given name, lower case: its nicknames if it is a full name,
    the full names if it is a nickname (one step each way, not nickname to nickname)."""
    word = name.strip().lower()
    if not word.isascii() or not word.isalpha():
        return frozenset()
    namer = _namer()
    return frozenset((namer.nicknames_of(word) | namer.canonicals_of(word)) - {word})
