from dossier.align import align
from dossier.model import Entity, Sentence


def sents(text: str, parts: list[str]) -> list[Sentence]:
    out, pos = [], 0
    for p in parts:
        start = text.index(p, pos)
        out.append(Sentence(start, start + len(p), 0))
        pos = start + len(p)
    return out


def test_one_to_two_and_shared_anchors() -> None:
    ko = ["김정은은 13일 푸틴을 만났다.", "NYT가 보도했다.", "회담은 4시간 계속됐다."]
    en = ["Kim met Putin on the 13th.", "The NYT reported it.", "It was reported widely.", "The talks lasted 4 hours."]
    text = " ".join(ko) + "\n" + " ".join(en)
    left, right = sents(text, ko), sents(text, en)
    pairs = align(text, left, right)
    assert pairs[0].left[0] == 0 and pairs[0].right[0] == 0
    assert pairs[-1].left == (2,) and pairs[-1].right == (3,)  # "4시간" ~ "4 hours"
    assert any(1 in p.left and 1 in p.right for p in pairs)  # NYT ~ NYT
    covered_l = [i for p in pairs for i in p.left]
    covered_r = [j for p in pairs for j in p.right]
    assert covered_l == [0, 1, 2] and covered_r == [0, 1, 2, 3]


def test_entities_pull_the_right_pair_together() -> None:
    ko = ["가나다라마바사.", "아자차카타파하."]
    en = ["Putin spoke first today.", "Then Kim answered him."]
    text = " ".join(ko) + "\n" + " ".join(en)
    left, right = sents(text, ko), sents(text, en)
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
