"""Bytes → text: encoding detection (BOMs, strict UTF-8, then charset-normalizer), NFC.

Why strict UTF-8 first: it is by far the most common encoding and is self-validating, while a
statistical detector can mislabel short texts. Only bytes that are not valid UTF-8 go to the
detector. Legacy Korean is decoded as CP949 (a superset of EUC-KR) and Western text as
Windows-1252 (a superset of Latin-1 in its printable range), so detector labels never lose
characters.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from charset_normalizer import from_bytes

# A decoded text with more than this share of control characters is binary, not an article.
MAX_CONTROL_SHARE = 0.01

# Share of high bytes that must be NUL to read BOM-less bytes as UTF-16.
UTF16_MIN_NUL_SHARE = 0.7
# Detector scores this close count as a tie.
TIE_MARGIN = 0.01
# Legacy encodings by how common they are in news text, to break ties.
PREFERRED_ON_TIE = ("cp949", "cp1252", "cp1251", "shift_jis", "gb18030", "big5")
_SUPERSETS = {"euc_kr": "cp949", "euc-kr": "cp949", "latin_1": "cp1252", "iso8859_1": "cp1252", "ascii": "utf_8"}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf_32_le"),  # before UTF-16 LE: its BOM starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf_32_be"),
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF16_LE, "utf_16_le"),
    (codecs.BOM_UTF16_BE, "utf_16_be"),
)


class DecodeError(ValueError):
    """The bytes are not a text we can read; the message is the reason shown to the analyst."""


@dataclass(frozen=True)
class Decoded:
    text: str  # NFC, universal newlines, no BOM
    encoding: str


def decode_bytes(data: bytes) -> Decoded:
    if not data.strip():
        raise DecodeError("empty file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(data[len(bom):].decode(name.replace("_sig", "")), name)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"undecodable: starts with a {name} byte-order mark but is not {name} ({exc.reason})") from exc
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _finish(data.decode(utf16), utf16)
    if b"\x00" in data:
        raise DecodeError("binary file (contains NUL bytes)")
    try:
        return _finish(data.decode("utf_8"), "utf_8")
    except UnicodeDecodeError:
        pass
    encoding = _detect(data)
    if encoding is None:
        raise DecodeError("undecodable: not UTF-8 and no known encoding fits")
    try:
        return _finish(data.decode(encoding), encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DecodeError(f"undecodable: detected {encoding} but the bytes do not decode ({exc})") from exc


def _detect(data: bytes) -> str | None:
    """The detector's best encoding; among candidates it scores the same (French in cp1250 and
    cp1252 look equally plausible to it) the most widely used legacy encoding wins."""
    matches = list(from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    tied = [
        m for m in matches
        if m.chaos <= best.chaos + TIE_MARGIN and m.coherence >= best.coherence - TIE_MARGIN
    ]
    for preferred in PREFERRED_ON_TIE:
        for m in tied:
            if preferred in (c.lower() for c in m.could_be_from_charset):
                return preferred
    return _SUPERSETS.get(best.encoding.lower(), best.encoding)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows as NUL in every other byte for ASCII-range characters."""
    if len(data) < 8 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    # Mostly-ASCII text puts NUL in nearly every high byte; binary data with scattered NULs does not.
    if odd.count(0) > UTF16_MIN_NUL_SHARE * len(odd) and even.count(0) < 0.05 * len(even):
        name = "utf_16_le"
    elif even.count(0) > UTF16_MIN_NUL_SHARE * len(even) and odd.count(0) < 0.05 * len(odd):
        name = "utf_16_be"
    else:
        return None
    try:
        data.decode(name)
    except UnicodeDecodeError:
        return None
    return name


def _finish(text: str, encoding: str) -> Decoded:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise DecodeError("empty file (whitespace only)")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\t\f\v")
    if controls > MAX_CONTROL_SHARE * len(text):
        raise DecodeError(f"binary file ({controls} control characters in {len(text)})")
    return Decoded(text, encoding)
