"""Romanisation into comparable Latin keys, for matching one name across scripts.

`romanize` gives a readable Latin form: Hangul by Revised Romanization computed from the syllable
block arithmetic (U+AC00 + (initial*21 + medial)*28 + final), Devanagari with the inherent vowel and
Hindi schwa deletion, kana by Hepburn, anything else (Cyrillic, Greek, Latin with diacritics, Han)
through anyascii.

`name_keys` folds a romanisation into phonetic keys where spelling conventions of different scripts
meet: voicing (g/k, d/t, b/p), r/l, f/p/v, sh/s, ch/j, aspiration marks, Korean eo/eu, doubled
letters. Korean and Hindi spellings of foreign names add or drop vowels (epenthetic ㅡ in 블링컨,
schwa in फाइनर), so a name has a few key variants and `name_similarity` takes the best pair.
Han characters are read as Mandarin by anyascii and do not meet Korean or Japanese readings:
Chinese names match through knowledge-base aliases, not through these keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import Indel

from dossier.text.scripts import is_devanagari, is_hangul

# --- Hangul (Revised Romanization) -------------------------------------------------------------

_INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_MEDIALS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo",
            "u", "wo", "we", "wi", "yu", "eu", "ui", "i"]
# Final consonant as pronounced at the end of a syllable, and when a vowel follows (liaison).
_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
           "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]
_FINALS_LIAISON = ["", "g", "kk", "ks", "n", "nj", "nh", "d", "r", "lg", "lm", "lb", "ls", "lt", "lp", "lh",
                   "m", "b", "bs", "s", "ss", "ng", "j", "ch", "k", "t", "p", "h"]
_EU = 18  # index of ㅡ among medials
_NULL_INITIAL = 11  # ㅇ as initial: no sound
_RIEUL_FINAL = 8


def _hangul_syllable(ch: str) -> tuple[int, int, int] | None:
    code = ord(ch) - 0xAC00
    if 0 <= code < 11172:
        return code // 588, (code % 588) // 28, code % 28
    return None


def _romanize_hangul_word(word: str, drop_epenthetic: bool = False) -> str:
    """RR of a run of Hangul syllables. With drop_epenthetic, the ㅡ that Korean inserts after a
    consonant in loanwords (블 for 'b', 르 for 'r' in 세르게이) is dropped and a final ㅓ becomes
    'er' (파이너 'finer'), which is how foreign names are spelled in Hangul."""
    sylls = [_hangul_syllable(c) for c in word]
    out = []
    for i, s in enumerate(sylls):
        if s is None:
            out.append(word[i])
            continue
        ini, med, fin = s
        prev = sylls[i - 1] if i > 0 else None
        nxt = sylls[i + 1] if i + 1 < len(sylls) else None
        if ini == 5 and prev is not None and prev[2] == _RIEUL_FINAL:
            onset = "l"  # ㄹㄹ is read ll
        elif ini == 5 and i == 0:
            onset = "r"
        else:
            onset = _INITIALS[ini]
        vowel = _MEDIALS[med]
        if drop_epenthetic:
            if med == _EU and ini != _NULL_INITIAL:
                vowel = ""
            elif med == 4 and fin == 0 and nxt is None:
                vowel = "er"
        if fin == 0:
            coda = ""
        elif nxt is not None and nxt[0] == _NULL_INITIAL:
            coda = _FINALS_LIAISON[fin]
        else:
            coda = _FINALS[fin]
        out.append(onset + vowel + coda)
    return "".join(out)


# --- Devanagari ---------------------------------------------------------------------------------

_DEV_CONS = {
    "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n", "च": "ch", "छ": "chh", "ज": "j", "झ": "jh",
    "ञ": "n", "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n", "त": "t", "थ": "th", "द": "d",
    "ध": "dh", "न": "n", "प": "p", "फ": "ph", "ब": "b", "भ": "bh", "म": "m", "य": "y", "र": "r",
    "ल": "l", "ळ": "l", "व": "v", "श": "sh", "ष": "sh", "स": "s", "ह": "h",
    "क़": "q", "ख़": "kh", "ग़": "g", "ज़": "z", "ड़": "r", "ढ़": "rh", "फ़": "f", "य़": "y",
}
_DEV_VOWELS = {
    "अ": "a", "आ": "a", "इ": "i", "ई": "i", "उ": "u", "ऊ": "u", "ऋ": "ri", "ए": "e", "ऐ": "ai",
    "ओ": "o", "औ": "au", "ऑ": "o", "ऍ": "e", "ऎ": "e", "ऒ": "o",
}
_DEV_MATRAS = {
    "ा": "a", "ि": "i", "ी": "i", "ु": "u", "ू": "u", "ृ": "ri", "े": "e", "ै": "ai", "ो": "o",
    "ौ": "au", "ॉ": "o", "ॅ": "e", "ॆ": "e", "ॊ": "o",
}
_VIRAMA, _NUKTA, _ANUSVARA, _CANDRABINDU, _VISARGA = "्", "़", "ं", "ँ", "ः"


def _romanize_devanagari_word(word: str, medial_schwa_deletion: bool = True) -> str:
    """Devanagari with the inherent vowel 'a' after a bare consonant, deleted at the end of the
    word and (optionally) in the Hindi V C a C V position (पुतिन putin, not putina)."""
    word = unicodedata.normalize("NFC", word)
    units: list[list[str]] = []  # [consonant-or-vowel latin, vowel latin or None, kind]
    i = 0
    while i < len(word):
        ch = word[i]
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if nxt == _NUKTA and ch + _NUKTA in _DEV_CONS:
            ch, i = ch + _NUKTA, i + 1
            nxt = word[i + 1] if i + 1 < len(word) else ""
        if ch in _DEV_CONS:
            units.append([_DEV_CONS[ch], "a", "C"])  # inherent vowel until told otherwise
        elif ch in _DEV_MATRAS and units and units[-1][2] == "C":
            units[-1][1] = _DEV_MATRAS[ch]
            units[-1][2] = "CV"
        elif ch == _VIRAMA and units and units[-1][2] == "C":
            units[-1][1] = ""
            units[-1][2] = "C_"
        elif ch in _DEV_VOWELS:
            units.append(["", _DEV_VOWELS[ch], "V"])
        elif ch in (_ANUSVARA, _CANDRABINDU):
            if units and units[-1][2] == "C":
                units[-1][2] = "CV"  # nasalised inherent vowel is pronounced
            units.append(["n", "", "N"])
        elif ch == _VISARGA:
            units.append(["h", "", "N"])
        elif ch != _NUKTA:
            units.append([ch, "", "X"])
        i += 1
    # Schwa deletion: word-final bare consonant; then medial C a C V, right to left.
    bare = [u[2] == "C" for u in units]
    if bare and bare[-1] and len(units) > 1:
        units[-1][1] = ""
        units[-1][2] = "C_"
    if medial_schwa_deletion:
        for j in range(len(units) - 2, 0, -1):
            if units[j][2] != "C":
                continue
            prev_has_vowel = units[j - 1][1] != "" or units[j - 1][2] == "N"
            nxt = units[j + 1]
            nxt_has_vowel = nxt[2] in ("C", "CV", "V") and nxt[1] != ""
            if prev_has_vowel and nxt[2] in ("C", "CV") and nxt_has_vowel:
                units[j][1] = ""
                units[j][2] = "C_"
    out = []
    for k, (c, v, kind) in enumerate(units):
        if kind == "N" and c == "n":
            # anusvara before a labial sounds m
            nxt = units[k + 1][0] if k + 1 < len(units) else ""
            out.append("m" if nxt[:1] in ("p", "b", "m") else "n")
        else:
            out.append(c + v)
    return "".join(out)


# --- Kana (Hepburn) ---------------------------------------------------------------------------

_KANA_ROWS = {
    "": "あいうえお", "k": "かきくけこ", "g": "がぎぐげご", "s": "さしすせそ", "z": "ざじずぜぞ",
    "t": "たちつてと", "d": "だぢづでど", "n": "なにぬねの", "h": "はひふへほ", "b": "ばびぶべぼ",
    "p": "ぱぴぷぺぽ", "m": "まみむめも", "y": "や\0ゆ\0よ", "r": "らりるれろ", "w": "わゐ\0ゑを",
}
_KANA: dict[str, str] = {}
for _c, _row in _KANA_ROWS.items():
    for _v, _k in zip("aiueo", _row):
        if _k != "\0":
            _KANA[_k] = _c + _v
_KANA.update({"し": "shi", "ち": "chi", "つ": "tsu", "ふ": "fu", "じ": "ji", "ぢ": "ji", "づ": "zu",
              "を": "o", "ん": "n", "ゔ": "vu", "ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e", "ぉ": "o"})
_SMALL_Y = {"ゃ": "a", "ゅ": "u", "ょ": "o"}
_SMALL_V = {"ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e", "ぉ": "o"}


def _romanize_kana(text: str) -> str:
    # katakana -> hiragana by code point offset
    hira = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)
    out: list[str] = []
    geminate = False
    i = 0
    while i < len(hira):
        c = hira[i]
        nxt = hira[i + 1] if i + 1 < len(hira) else ""
        if c == "っ":
            geminate = True
            i += 1
            continue
        if c == "ー":
            if out and out[-1]:
                out.append(out[-1][-1])  # long vowel: repeat it
            i += 1
            continue
        if c in _KANA:
            syl = _KANA[c]
            if nxt in _SMALL_Y and syl.endswith("i"):
                base = syl[:-1]
                syl = (base if base in ("sh", "ch", "j") else base + "y") + _SMALL_Y[nxt]
                i += 1
            elif nxt in _SMALL_V and c not in _SMALL_V:
                syl = syl[:-1] + _SMALL_V[nxt]  # ファ fa, ティ ti, ウィ wi
                if syl.startswith("u") and len(syl) == 2:
                    syl = "w" + syl[1]
                i += 1
            if geminate and syl[:1] not in "aiueon":
                syl = ("t" if syl.startswith("ch") else syl[0]) + syl
            geminate = False
            out.append(syl)
        else:
            out.append(" " if c in "・･" else c)
        i += 1
    return "".join(out)


# --- Script dispatch ----------------------------------------------------------------------------

def _script(ch: str) -> str:
    if is_hangul(ch):
        return "hangul"
    if is_devanagari(ch):
        return "devanagari"
    if "\u3040" <= ch <= "\u30ff":  # the whole kana blocks, marks included (not scripts.char_script's KANA)
        return "kana"
    return "other"


def _runs(text: str):
    """Split text into maximal runs of one script (marks stay with their base letter)."""
    run, kind = "", None
    for ch in text:
        k = _script(ch)
        if run and k != kind:
            yield kind, run
            run = ""
        run += ch
        kind = k
    if run:
        yield kind, run


def romanize(text: str, *, variant: int = 0) -> str:
    """Readable Latin form of `text` in any script (lowercase is not forced).

    variant=1 undoes what Korean, Hindi and Japanese add to foreign names: Hangul without the
    epenthetic ㅡ, Devanagari without medial schwa deletion, kana without epenthetic u."""
    text = unicodedata.normalize("NFC", text)
    parts = []
    for kind, run in _runs(text):
        if kind == "hangul":
            parts.append(_romanize_hangul_word(run, drop_epenthetic=variant == 1))
        elif kind == "devanagari":
            parts.append(_romanize_devanagari_word(run, medial_schwa_deletion=variant != 1))
        elif kind == "kana":
            latin = _romanize_kana(run)
            if variant == 1:  # キム kimu -> kim, ドミトリー domitorii -> dmitrii:
                # Japanese adds u (o after t/d) after a consonant
                latin = re.sub(r"(?<=[kgsztdhbpmrf])u(?=[^aeiouy]|$)|(?<=[td])o(?=[^aeiouy ]|$)", "", latin)
            parts.append(latin)
        else:
            parts.append(anyascii(run))
    return "".join(parts)


# --- Phonetic key -------------------------------------------------------------------------------

# Applied in order to a lowercase ASCII string with only letters left. Each line says which
# spellings of one sound the scripts we read disagree on.
_FOLDS: list[tuple[str, str]] = [
    (r"tch", "ch"), (r"sch", "sh"), (r"chh", "ch"), (r"sy(?=[aeiou])", "sh"),
    (r"ph", "f"), (r"kh", "k"), (r"gh", "g"), (r"th", "t"), (r"dh", "d"), (r"bh", "b"), (r"jh", "j"),
    (r"ck", "k"), (r"zh", "j"), (r"ch", "j"), (r"sh", "s"), (r"ts", "s"), (r"x", "ks"),
    (r"ng", "N"),  # keep the velar nasal apart before g folds into k
    (r"q", "k"), (r"c", "k"), (r"z", "j"), (r"g", "k"), (r"d", "t"), (r"b", "p"), (r"f", "p"), (r"v", "p"),
    (r"w(?=[aeiou])", "p"), (r"w", "u"),
    (r"r", "l"), (r"h", ""),
    (r"y", "i"),
    (r"eo", "o"), (r"eu", "u"), (r"ae", "e"), (r"oe", "e"), (r"ou", "u"), (r"oo", "u"), (r"ee", "i"),
    (r"ui", "i"), (r"ii", "i"),
    (r"(.)\1+", r"\1"),
]
_FOLDS_RE = [(re.compile(p), r) for p, r in _FOLDS]
_NON_LETTER = re.compile(r"[^a-z]+")


def fold_latin(latin: str) -> str:
    """Phonetic key of a Latin string: lowercase letters only, sound-alike spellings folded."""
    s = _NON_LETTER.sub("", anyascii(latin).lower())
    for pat, rep in _FOLDS_RE:
        s = pat.sub(rep, s)
    return s


_MIN_KEY = 3  # no key of a name written with _LONG_NAME letters or more is shorter than this
_LONG_NAME = 5  # "Lee", "Oh", "Yoo" keep their short keys (li, o, io): they are whole names


def _fold_name(latin: str) -> str:
    """`fold_latin`, unless the folds swallow a longer name: vowel-heavy romanisations fold across
    word boundaries ("Hou You-ih" → houyouih → i, 허우유이 → heouyui → i). Then the plain letters are
    the key, so no cluster key of a longer name is one or two letters; spellings in other scripts
    still meet it through the grouping's similarity (houyouih / heouyui)."""
    key = fold_latin(latin)
    letters = _NON_LETTER.sub("", anyascii(latin).lower())
    return key if len(key) >= _MIN_KEY or len(letters) < _LONG_NAME else letters


@lru_cache(maxsize=65536)
def name_keys(text: str) -> tuple[str, ...]:
    """Phonetic keys of a name in any script (one or two variants, see `romanize`)."""
    keys = dict.fromkeys(k for k in (_fold_name(romanize(text)), _fold_name(romanize(text, variant=1))) if k)
    return tuple(keys)


def latin_key(text: str) -> str:
    """The main phonetic key of a name: 김정은, किम जोंग उन and 'Kim Jong-un' give the same key."""
    keys = name_keys(text)
    return keys[0] if keys else ""


_VOWELS = set("aeiou")


def consonant_skeleton(key: str) -> str:
    return "".join(c for c in key if c not in _VOWELS)


def key_similarity(a: str, b: str) -> float:
    """Similarity of two phonetic keys in [0, 1] (normalised Indel, i.e. rapidfuzz ratio / 100)."""
    if not a or not b:
        return 0.0
    return Indel.normalized_similarity(a, b)


def name_similarity(a: str, b: str) -> float:
    """Best similarity between any key variants of two names, in any scripts."""
    return max((key_similarity(x, y) for x in name_keys(a) for y in name_keys(b)), default=0.0)


def same_shape(a: str, b: str) -> bool:
    """Guard against near misses that a similarity score alone lets through: two keys may only be
    the same name if their consonant skeletons are equal and both end in a vowel or both in a
    consonant (Putin vs Putina, Kim Jong-un vs Kim Jong-il differ here)."""
    if not a or not b:
        return False
    return consonant_skeleton(a) == consonant_skeleton(b) and (a[-1] in _VOWELS) == (b[-1] in _VOWELS)
