"""Rule-based transliteration used at gazetteer build time to give places names in the product's scripts
that the sources lack, from names they do have:

- Japanese kana -> Hangul, by the Korean standard for writing Japanese (외래어 표기법, 일본어): GeoNames
  holds the kana reading of most Japanese towns (ながの) but often no Hangul name, while Korean news
  writes them phonetically (나가노, 구마모토).
- Bengali and Gujarati -> Devanagari: the Brahmic scripts share one letter order (Unicode laid the
  blocks out in parallel), so a town named only in Bengali (দার্জিলিং) gets its Hindi spelling (दार्जिलिंग).

Both return None for a name they cannot fully transliterate; the build then adds nothing.
"""

from __future__ import annotations

import unicodedata

# ---- kana -> Hangul -------------------------------------------------------------------------------

_ROWS = {"": "あいうえお", "k": "かきくけこ", "g": "がぎぐげご", "s": "さしすせそ", "z": "ざじずぜぞ",
         "t": "たちつてと", "d": "だぢづでど", "n": "なにぬねの", "h": "はひふへほ", "b": "ばびぶべぼ",
         "p": "ぱぴぷぺぽ", "m": "まみむめも", "r": "らりるれろ"}
_KANA: dict[str, tuple[str, str]] = {k: (row, "aiueo"[i]) for row, ks in _ROWS.items() for i, k in enumerate(ks)}
_KANA.update({"や": ("y", "a"), "ゆ": ("y", "u"), "よ": ("y", "o"), "わ": ("w", "a"), "を": ("", "o")})
_SMALL_VOWELS = {"ぁ": "a", "ぃ": "i", "ぅ": "u", "ぇ": "e", "ぉ": "o"}
_SMALL_Y = {"ゃ": "a", "ゅ": "u", "ょ": "o"}

# Hangul jamo indices (initial L, vowel V, final T) for composing syllables.
_L = {"ㄱ": 0, "ㄴ": 2, "ㄷ": 3, "ㄹ": 5, "ㅁ": 6, "ㅂ": 7, "ㅅ": 9, "ㅆ": 10, "ㅇ": 11, "ㅈ": 12, "ㅊ": 14,
      "ㅋ": 15, "ㅌ": 16, "ㅍ": 17, "ㅎ": 18}
# Japanese consonant -> (Hangul initial at the start of a word, in the middle): か is 가 first, 카 after.
_CONSONANT = {"": ("ㅇ", "ㅇ"), "k": ("ㄱ", "ㅋ"), "g": ("ㄱ", "ㄱ"), "s": ("ㅅ", "ㅅ"), "z": ("ㅈ", "ㅈ"),
              "t": ("ㄷ", "ㅌ"), "d": ("ㄷ", "ㄷ"), "n": ("ㄴ", "ㄴ"), "h": ("ㅎ", "ㅎ"), "b": ("ㅂ", "ㅂ"),
              "p": ("ㅍ", "ㅍ"), "m": ("ㅁ", "ㅁ"), "r": ("ㄹ", "ㄹ"), "y": ("ㅇ", "ㅇ"), "w": ("ㅇ", "ㅇ")}
_V = {"a": 0, "i": 20, "u": 13, "e": 5, "o": 8, "ya": 2, "yu": 17, "yo": 12, "wa": 9, "ɯ": 18}
_FINAL_N, _FINAL_S = 4, 19
_LONG_AFTER = {"う": {8, 13, 18, 12, 17}, "お": {8, 12}, "い": {20}}  # vowel not written twice (도쿄, 니가타)


def _hiragana(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in text)


def kana_to_hangul(name: str) -> str | None:
    """Korean spelling of a Japanese name written in kana (とうきょう -> 도쿄, くまもと -> 구마모토),
    or None when the name has anything but kana."""
    text = _hiragana(unicodedata.normalize("NFC", name.strip()))
    syllables: list[list[int]] = []  # [L, V, T]
    for ch in text:
        if ch == "ー":
            continue
        if ch in ("ん", "っ"):
            if not syllables:
                return None
            syllables[-1][2] = _FINAL_N if ch == "ん" else _FINAL_S
            continue
        if ch in _SMALL_Y:
            if not syllables or syllables[-1][1] != _V["i"]:
                return None
            last = syllables[-1]
            # じゃ, ちゃ are written 자, 차 (no glide after ㅈ, ㅊ); きゃ is 갸/캬, しゃ 샤
            last[1] = _V[_SMALL_Y[ch]] if last[0] in (_L["ㅈ"], _L["ㅊ"]) else _V["y" + _SMALL_Y[ch]]
            continue
        if ch in _SMALL_VOWELS:
            if not syllables:
                return None
            syllables[-1][1] = _V[_SMALL_VOWELS[ch]]
            continue
        if ch in _LONG_AFTER and syllables and syllables[-1][1] in _LONG_AFTER[ch] and syllables[-1][2] == 0:
            continue  # a long vowel is not written in Korean
        if ch not in _KANA:
            return None
        row, vowel = _KANA[ch]
        initial = _CONSONANT[row][0 if not syllables else 1]
        v = _V["y" + vowel] if row == "y" else _V["wa"] if row == "w" else _V[vowel]
        if row in ("t", "d") and vowel == "i":  # ち, ぢ: 지/치
            initial = "ㅈ" if row == "d" or not syllables else "ㅊ"
        if vowel == "u" and row in ("s", "z", "t", "d"):  # す 스, ず/づ 즈, つ 쓰
            v = _V["ɯ"]
            initial = "ㅆ" if row == "t" else "ㅈ" if row == "d" else initial
        syllables.append([_L[initial], v, 0])
    if not syllables:
        return None
    return "".join(chr(0xAC00 + (lv * 21 + v) * 28 + t) for lv, v, t in syllables)


# ---- Bengali / Gujarati -> Devanagari -----------------------------------------------------------------

_INDIC_BLOCKS = {0x0980: "BENGALI", 0x0A80: "GUJARATI"}  # block start -> name
# Bengali letters with no same-offset Devanagari twin
_BENGALI_EXTRA = {"\u09ce": "त्", "\u09df": "य", "\u09dc": "ड़", "\u09dd": "ढ़", "\u09f0": "र", "\u09f1": "व",
                  "\u09d7": ""}


_BENGALI_VELARS = "কখগঘহশষস"  # and the sibilants and h: সিংহ = सिंह


def _is_bengali_letter(ch: str) -> bool:
    return bool(ch) and ("\u0995" <= ch <= "\u09b9" or ch in "\u09dc\u09dd\u09df")


def indic_to_devanagari(name: str) -> str | None:
    """Devanagari spelling of a name written in Bengali or Gujarati (দার্জিলিং -> दार्जिलिंग), or None
    when it holds other letters."""
    out: list[str] = []
    text = unicodedata.normalize("NFC", name.strip())
    for k, ch in enumerate(text):
        cp = ord(ch)
        if ch == "\u0982":
            # Bengali anusvara is a full "ng": Hindi writes it so except before k/kh/g/gh, the
            # sibilants and h (দার্জিলিং = दार्जिलिंग, বাংলাদেশ = बांग्लादेश, সিংহ = सिंह)
            after = text[k + 1] if k + 1 < len(text) else ""
            out.append("ं" if after and after in _BENGALI_VELARS else "ंग्" if _is_bengali_letter(after) else "ंग")
            continue
        if ch in _BENGALI_EXTRA:
            out.append(_BENGALI_EXTRA[ch])
            continue
        block = next((b for b in _INDIC_BLOCKS if b <= cp < b + 0x80), None)
        if block is None:
            if ch in " -\u200c\u200d":
                out.append(ch)
                continue
            return None
        twin = chr(cp - block + 0x0900)
        try:
            unicodedata.name(twin)
        except ValueError:
            return None
        out.append(twin)
    return unicodedata.normalize("NFC", "".join(out)) or None


# ---- Revised Romanization of Korean -> Hangul -----------------------------------------------------
# South Korea's own units (gun, gu, si) come with romanised names only ("Goheung-gun"); Korean news
# writes 고흥군. The Revised Romanization spells each syllable from fixed letters, so a name can be read
# back: every way of cutting it into romanised syllables (initial + vowel + final) gives a Hangul
# candidate. RR also writes sound changes across syllables (강릉 = Gangneung, 신라 = Silla, 종로 = Jongno),
# so a ㄹ may be written n after ng/m/k/p and l after l, and a final k/p may be written ng/m before n/m;
# candidates with at most one such change are kept, all of them: a wrong one (강능) names nothing in
# running text, a missing right one would lose the place.

_RR_INITIALS = {"g": 0, "kk": 1, "n": 2, "d": 3, "tt": 4, "r": 5, "m": 6, "b": 7, "pp": 8, "s": 9, "ss": 10,
                "": 11, "j": 12, "jj": 13, "ch": 14, "k": 15, "t": 16, "p": 17, "h": 18}
_RR_VOWELS = {"a": 0, "ae": 1, "ya": 2, "yae": 3, "eo": 4, "e": 5, "yeo": 6, "ye": 7, "o": 8, "wa": 9, "wae": 10,
              "oe": 11, "yo": 12, "u": 13, "wo": 14, "we": 15, "wi": 16, "yu": 17, "eu": 18, "ui": 19, "i": 20}
_RR_VOWELS_LONGEST = sorted(_RR_VOWELS, key=len, reverse=True)
# finals of place names (ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ) as RR writes them before a consonant or at the end, and
# before a vowel (liaison: 백암 = Baegam, 월암 = Woram); ㄴ, ㅁ, ㅇ are written the same before a vowel
_RR_FINALS = {"": 0, "k": 1, "n": 4, "l": 8, "m": 16, "p": 17, "ng": 21}
_RR_FINALS_BEFORE_VOWEL = {"": 0, "g": 1, "n": 4, "r": 8, "m": 16, "b": 17, "ng": 21}
_RR_AS_FINAL = {"g": "k", "r": "l", "b": "p"}  # a liaison letter is that final
_RR_L, _RR_N_FINAL = 5, 4
_MAX_RR_SYLLABLES = 5
_MAX_RR_CANDIDATES = 6


def _syllable(initial: int, vowel: int, final: int) -> str:
    return chr(0xAC00 + (initial * 21 + vowel) * 28 + final)


def revised_romanization_to_hangul(name: str) -> list[str]:
    """Hangul spellings whose Revised Romanization is `name` ("Goheung" -> ["고흥"], "Gangneung" ->
    ["강능", "강릉"]), with at most one sound change or vowel-after-vowel syllable each, fewest first;
    [] when the name does not read as RR. A vowel is always read as the longest RR vowel there ("eo"
    is ㅓ, not ㅔ + ㅗ)."""
    s = name.lower().replace("-", "").replace(" ", "").replace("'", "")
    if not s.isascii() or not s.isalpha():
        return []
    found: dict[str, int] = {}

    def walk(pos: int, done: list[tuple[int, int, int]], prev_final: str, cost: int) -> None:
        if cost > 1 or len(done) > _MAX_RR_SYLLABLES or len(found) > 64:
            return
        if pos == len(s):
            if done:
                text = "".join(_syllable(*x) for x in done)
                found[text] = min(cost, found.get(text, cost))
            return
        for ini, i_ix in [*_RR_INITIALS.items(), ("l", _RR_L)]:
            if not s.startswith(ini, pos):
                continue
            vpos = pos + len(ini)
            vow = next((v for v in _RR_VOWELS_LONGEST if s.startswith(v, vpos)), None)
            if vow is None:
                continue
            readings = [(i_ix, 0, done)]
            if ini == "" and done and prev_final == "":
                readings = [(i_ix, 1, done)]  # 이어 = ieo: possible, rare in names
            if ini == "n" and prev_final in ("ng", "m"):
                readings.append((_RR_L, 1, done))  # 강릉 = Gangneung, 남릉: ㄹ written n
            if ini == "l":
                if prev_final != "l":
                    continue  # RR writes l at a syllable's start only after l
                readings = [(_RR_L, 0, done)]  # 울릉 = Ulleung
                last = done[-1]
                readings.append((_RR_L, 1, done[:-1] + [(last[0], last[1], _RR_N_FINAL)]))  # 신라 = Silla
            fpos = vpos + len(vow)
            for fin_table in (_RR_FINALS, _RR_FINALS_BEFORE_VOWEL):
                for fin, f_ix in fin_table.items():
                    end = fpos + len(fin)
                    before_vowel = end < len(s) and s[end] in "aeiouwy"
                    if not s.startswith(fin, fpos) or before_vowel != (fin_table is _RR_FINALS_BEFORE_VOWEL):
                        continue
                    for ix, extra, base in readings:
                        walk(end, base + [(ix, _RR_VOWELS[vow], f_ix)], _RR_AS_FINAL.get(fin, fin), cost + extra)

    walk(0, [], "", 0)
    return sorted(found, key=lambda h: (found[h], h))[:_MAX_RR_CANDIDATES]
