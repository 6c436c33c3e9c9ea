import itertools
from pathlib import Path

import pytest

from dossier.text.segment import identify_language, segment, sentences

CORPUS = Path(__file__).resolve().parents[1] / "data" / "articles"


def read(name: str) -> str:
    from dossier.ingest.decode import decode_bytes

    return decode_bytes((CORPUS / name).read_bytes()).text


def test_korean_article_with_translation_and_keywords() -> None:
    text = read("ko-en-nk-russia-alliance.txt")
    segs = segment(text)
    bodies = [s for s in segs if s.kind == "body"]
    assert [s.lang for s in bodies] == ["ko", "en"]
    ko_idx = segs.index(bodies[0])
    assert bodies[1].parallel_of == ko_idx
    assert bodies[0].parallel_of is None
    assert text[bodies[0].start:].startswith("북러 군사동맹 부활")
    assert text[bodies[1].start:].startswith("Revival of North Korea-Russia military alliance, nuclear")
    keywords = [s for s in segs if s.kind == "keywords"]
    assert len(keywords) == 1 and text[keywords[0].start:keywords[0].end].startswith("Kim Jong-un, Cold War allies")
    # the truncated English title line on top is English, not part of the Korean body
    assert segs[0].lang == "en" and text[segs[0].start:segs[0].end] == "Revival of North Korea-Russia military a"


def test_hindi_article_is_one_segment() -> None:
    text = read("hi-kim-train-to-russia.txt")
    segs = segment(text)
    assert len(segs) == 1
    assert segs[0].lang == "hi" and segs[0].kind == "body"
    assert segs[0].start == 0 and segs[0].end == len(text.rstrip())


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")))
def test_segments_cover_text_in_order(name: str) -> None:
    text = read(name)
    segs = segment(text)
    assert segs, name
    for a, b in itertools.pairwise(segs):
        assert a.end <= b.start
    assert not text[: segs[0].start].strip() and not text[segs[-1].end :].strip()
    covered = "".join(text[s.start : s.end] for s in segs)
    assert len("".join(covered.split())) == len("".join(text.split()))


def test_short_mixed_line_keeps_its_script_language() -> None:
    text = "쇼이구 장관은 북한을 방문했습니다.\nVOA 뉴스\n*이 기사는 AFP통신을 참조했습니다."
    assert {s.lang for s in segment(text)} == {"ko"}


@pytest.mark.parametrize(
    "text, lang",
    [
        ("The two leaders are scheduled to attend the Eastern Economic Forum in Vladivostok this month.", "en"),
        ("Les deux dirigeants doivent participer au Forum économique oriental à Vladivostok ce mois-ci.", "fr"),
        ("Die beiden Staatschefs wollen diesen Monat am Östlichen Wirtschaftsforum in Wladiwostok teilnehmen.", "de"),
        ("Оба лидера примут участие в Восточном экономическом форуме во Владивостоке в этом месяце.", "ru"),
        ("両首脳は今月ウラジオストクで開かれる東方経済フォーラムに出席する予定だ。", "ja"),
        ("两国领导人预计将出席本月在符拉迪沃斯托克举行的东方经济论坛。", "zh"),
        ("두 정상은 이달 블라디보스토크에서 열리는 동방경제포럼에 참석할 예정이다.", "ko"),
        ("दोनों नेता इस महीने व्लादिवोस्तोक में पूर्वी आर्थिक मंच में भाग लेंगे।", "hi"),
        ("12345 !!!", "und"),
    ],
)
def test_identify_language(text: str, lang: str) -> None:
    assert identify_language(text) == lang


def test_sentences_respect_abbreviations_initials_and_danda() -> None:
    text = "White House spokesman John F. Kirby said talks were underway. U.S. officials declined.\nपुतिन ने कहा। किम आएंगे।"
    segs = segment(text)
    sents = [text[s.start : s.end] for s in sentences(text, segs)]
    assert sents == [
        "White House spokesman John F. Kirby said talks were underway.",
        "U.S. officials declined.",
        "पुतिन ने कहा।",
        "किम आएंगे।",
    ]


def test_sentences_keep_closing_quotes() -> None:
    text = "He said, “It is over.” Then he left. 김 위원장은 “가겠다.” 라고 말했다."
    sents = [text[s.start : s.end] for s in sentences(text, segment(text))]
    assert sents[0] == "He said, “It is over.”"


def test_empty_text() -> None:
    assert segment("") == [] and segment("  \n\n ") == []
