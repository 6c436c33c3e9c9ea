from dossier.model import Entity, Sentence
from dossier.text.align import align
from tests.sentence_spans import sentences_at


def test_korean_article_aligns_with_its_english_translation() -> None:
    from pathlib import Path

    from dossier.ingest.decode import decode_bytes
    from dossier.text.segment import segment, sentences

    path = Path(__file__).resolve().parents[1] / "data" / "articles" / "ko-en-nk-russia-alliance.txt"
    text = decode_bytes(path.read_bytes()).text
    segs = segment(text)
    ko = next(i for i, s in enumerate(segs) if s.lang == "ko")
    en = next(i for i, s in enumerate(segs) if s.parallel_of == ko)
    all_sents = sentences(text, segs)
    left = [x for x in all_sents if x.segment == ko]
    right = [x for x in all_sents if x.segment == en]
    pairs = align(text, left, right)
    assert [i for p in pairs for i in p.left] == list(range(len(left)))
    assert [j for p in pairs for j in p.right] == list(range(len(right)))

    def partner(ko_words: str) -> str:
        i = next(k for k, x in enumerate(left) if ko_words in text[x.start:x.end])
        pair = next(p for p in pairs if i in p.left)
        return " ".join(text[right[j].start:right[j].end] for j in pair.right)

    assert "April 2019" in partner("2019년 4월")
    assert "Vostochny Cosmodrome" in partner("보스토치니 우주기지")
    assert "Lukashenko" in partner("루카셴코")
    assert "Wilson Center" in partner("윌슨센터")


def test_entities_pull_the_right_pair_together() -> None:
    ko = ["가나다라마바사.", "아자차카타파하."]
    en = ["Putin spoke first today.", "Then Kim answered him."]
    text = " ".join(ko) + "\n" + " ".join(en)
    left, right = sentences_at(text, *ko), sentences_at(text, *en)
    ents = [
        Entity(left[0].start, left[0].start + 2, "가나", "PER", "per:putin"),
        Entity(right[0].start, right[0].start + 5, "Putin", "PER", "per:putin"),
    ]
    assert [(p.left, p.right) for p in align(text, left, right, ents)] == [((0,), (0,)), ((1,), (1,))]


def test_empty_sides() -> None:
    text = "a. b."
    left = [Sentence(0, 2, 0), Sentence(3, 5, 0)]
    assert [(p.left, p.right) for p in align(text, left, [])] == [((0,), ()), ((1,), ())]
    assert align(text, [], []) == []
