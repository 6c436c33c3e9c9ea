import codecs
import unicodedata

import pytest

from dossier.ingest.decode import DecodeError, decode_bytes

KO = "김정은 국무위원장이 블라디보스토크에 도착했다. 푸틴 대통령과 회담을 가졌다."
FR = "Le président a déclaré à la presse: « Ça suffit », après une réunion très animée à l'été."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (KO.encode("utf-8"), "utf_8"),
        (codecs.BOM_UTF8 + KO.encode("utf-8"), "utf_8_sig"),
        (codecs.BOM_UTF16_LE + KO.encode("utf-16-le"), "utf_16_le"),
        (codecs.BOM_UTF16_BE + KO.encode("utf-16-be"), "utf_16_be"),
        ("Kim arrived in Vladivostok on Tuesday morning by train.".encode("utf-16-le"), "utf_16_le"),
    ],
)
def test_unicode_encodings(data: bytes, encoding: str) -> None:
    got = decode_bytes(data)
    assert got.encoding == encoding
    assert got.text.strip() in (KO, "Kim arrived in Vladivostok on Tuesday morning by train.")


def test_cp949_korean() -> None:
    text = KO * 3
    got = decode_bytes(text.encode("cp949"))
    assert got.text == text
    assert got.encoding.lower().replace("-", "_") in ("cp949", "euc_kr")


def test_euc_kr_decoded_as_cp949_superset() -> None:
    # 똠 is in CP949 but not in EUC-KR; a detector saying "EUC-KR" must not lose it.
    text = "똠양꿍 가게에서 만난 김 위원장의 사진이 공개되었다. " * 3
    assert decode_bytes(text.encode("cp949")).text == text


def test_windows_1252() -> None:
    text = (FR + " “Smart quotes” — and a euro sign: 5 €.\n") * 3
    got = decode_bytes(text.encode("cp1252"))
    assert got.text == text
    assert "€" in got.text and "“" in got.text


def test_nfc_and_newlines() -> None:
    decomposed = unicodedata.normalize("NFD", "한국어 café\r\nline two\rthree")
    got = decode_bytes(decomposed.encode("utf-8"))
    assert got.text == "한국어 café\nline two\nthree"
    assert unicodedata.is_normalized("NFC", got.text)


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (b"plain text with a NUL\x00 in the middle of it, which no article has", "binary"),
    ],
)
def test_rejections(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)


def test_control_characters_are_binary() -> None:
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(("abc" + "\x01\x02\x03\x04" * 20).encode("utf-8"))
