"""An organisation's or person's short forms joined to the full name in one article, where no
knowledge-base actor decides: an organisation without its generic tail ("Asiana" after "Asiana
Airlines") or without the words before its name ("Recording Academy" after "National Recording
Academy"), a Korean organisation's syllable abbreviation ("더민주" of "더불어민주당", "중대본"), one
named again by its owner and bare head ("북한 대표팀" after "북한 축구대표팀"), a person taken with a
possessive for an organisation ("Zelenskiy's Party"), and an organisation's
abbreviation at the front of a Korean person's span ("연준 옐런"). `link_entities` runs
`join_short_forms` on each segment; the pipeline runs it, and `split_abbreviated_owner`, on the whole
article (the headline's "더민주", the body's "더불어민주당")."""

from __future__ import annotations

from dossier.linking.lookup import kb_index
from dossier.linking.mentions import load_cues, names_a_country
from dossier.linking.scores import SCORE_COREF
from dossier.model import Entity
from dossier.text.scripts import is_hangul


def _unlinked(e: Entity) -> bool:
    """A mention no knowledge-base actor and no coreference took: its id is its own cluster key."""
    return (e.entity_id or "").startswith("x:") and e.method == "none"


def _short_org_forms(entities: list[Entity], lang: str) -> None:
    """An organisation named without its generic tail ("Asiana" after "Asiana Airlines", "Labour"
    beside "Labour Party") is the one unknown organisation whose full name it begins. A short form the
    recogniser typed a place qualifies only before a company's tail (`company_tails`): "Washington"
    is not "Washington University"; one it typed a person only as one word that no person's full
    name in the article holds."""
    cues = load_cues()
    companies = cues.company_tails.get(lang, frozenset())
    heads = companies | cues.org_heads.get(lang, frozenset())
    fulls = [(e.text.split(), e.entity_id) for e in entities if e.label == "ORG" and _unlinked(e)]
    # words of people's full names: "Ford" beside "Gerald Ford" is the person, not "Ford Foundation"
    person_words = {w for e in entities if e.label == "PER" and len(e.text.split()) > 1 for w in e.text.split()}
    for e in entities:
        if not _unlinked(e):
            continue
        words = e.text.split()
        if e.label == "PER":
            # one word the recogniser took for a person, the front of an organisation's name in the
            # same article ("Celera" beside "Celera Genomics"), whatever the tail
            if len(words) != 1 or words[0] in person_words:
                continue
        elif e.label not in ("ORG", "LOC"):
            continue
        tails = None if e.label == "PER" else heads if e.label == "ORG" else companies
        hits = {fid for fwords, fid in fulls if fid != e.entity_id and len(fwords) > len(words)
                and fwords[: len(words)] == words and (tails is None or " ".join(fwords[len(words):]) in tails)}
        if len(hits) == 1:
            e.entity_id, e.label, e.method, e.score = hits.pop(), "ORG", "coref", SCORE_COREF


def _is_subsequence(short: str, full: str) -> bool:
    rest = iter(full)
    return all(ch in rest for ch in short)


def _abbreviates(short: str, full: str) -> bool:
    """Is the Hangul `short` made of syllables of `full`, in order, from its first and without its
    last (the generic head): 더민주 of 더불어민주당, 연준 of 연방준비제도."""
    return len(full) >= len(short) + 2 and full[0] == short[0] and full[-1] != short[-1] \
        and _is_subsequence(short, full)


def _unknown_hangul_orgs(entities: list[Entity]) -> list[tuple[str, str]]:
    """(name without spaces, id) of every unknown organisation written in Hangul alone: the full
    names a syllable abbreviation is read against."""
    orgs = [(e.text.replace(" ", ""), e.entity_id) for e in entities if e.label == "ORG" and _unlinked(e)]
    return [(written, eid) for written, eid in orgs if all(is_hangul(c) for c in written)]


def split_abbreviated_owner(entities: list[Entity], lang: str) -> list[Entity]:
    """A Korean person's span that begins with the syllable abbreviation of an organisation the
    article names in full ("미 연준 옐런의장" in the headline, "연방준비제도의 재닛 옐런" in the body):
    the person is the last word, the same person as the one whose full name ends in it, and the
    abbreviation is that organisation. Changes the person in place; returns the organisation
    mentions to add."""
    if lang != "ko":
        return []
    fulls = _unknown_hangul_orgs(entities)
    added: list[Entity] = []
    for e in entities:
        words = e.text.split()
        if e.label != "PER" or not _unlinked(e) or len(words) != 2 or not 2 <= len(words[0]) <= 4 \
                or not all(is_hangul(c) for c in words[0]):
            continue
        owners = {fid for full, fid in fulls if _abbreviates(words[0], full)}
        if len(owners) != 1:
            continue
        people = {p.entity_id for p in entities if p is not e and p.label == "PER" and len(p.text.split()) > 1
                  and p.text.split()[-1] == words[1] and p.entity_id}
        if len(people) != 1:
            continue  # no full name to say who the last word is
        added.append(Entity(e.start, e.start + len(words[0]), words[0], "ORG", owners.pop(),
                            score=SCORE_COREF, method="coref"))
        e.start = e.end - len(words[1])
        e.text, e.entity_id, e.method, e.score = words[1], people.pop(), "coref", SCORE_COREF
    return added


def _korean_org_abbreviations(entities: list[Entity], lang: str) -> None:
    """A Korean organisation's abbreviation made of syllables of its full name, in order, from the
    first one, without the full name's last (its generic head): "더민주" of "더불어민주당", "한은" of
    "한국은행", "전경련" of "전국경제인연합회"; "민주당" beside "민주평화당" keeps the head and is
    another party. Only between unknown organisations of one article (and one-word unknown people:
    the recogniser's type), and only one full name fits."""
    if lang != "ko":
        return
    ix = kb_index()
    orgs = [(e, e.text.replace(" ", "")) for e in entities if e.label == "ORG" and _unlinked(e)]
    fulls = _unknown_hangul_orgs(entities)
    # the full name without its country in front: "중대본" of "한국 중앙재난안전대책본부"
    fulls += [("".join(words[1:]), e.entity_id) for e, words in ((e, e.text.split()) for e, _ in orgs)
              if len(words) > 1 and names_a_country(words[0], ix) and all(is_hangul(c) for c in "".join(words[1:]))]
    # one word the recogniser took for a person may be such an abbreviation too ("중대본" of
    # "중앙재난안전대책본부"), but not a name the organisation's name holds as it is ("김대중" of
    # "김대중평화센터")
    people = [(e, e.text) for e in entities if e.label == "PER" and _unlinked(e) and " " not in e.text]
    for e, short in orgs + people:
        if not 2 <= len(short) <= 4 or not all(is_hangul(c) for c in short):
            continue
        hits = {fid for full, fid in fulls if fid != e.entity_id and _abbreviates(short, full)
                and (e.label == "ORG" or short not in full)}
        if len(hits) == 1:
            e.entity_id, e.label, e.method, e.score = hits.pop(), "ORG", "coref", SCORE_COREF


def _korean_org_without_modifier(entities: list[Entity], lang: str) -> None:
    """A Korean organisation named again by its owner and bare generic head, without the modifier
    glued to the head or standing before it: "북한 대표팀" after "북한 축구대표팀", "한국 대표팀" beside
    "한국 축구 대표팀". The first word (whose organisation it is) is the same, every short word is a
    word of the full name or the end of one, in order, and the last is the end of the full name's
    last word; only one full name may fit, so "북한 대표팀" beside both "북한 축구대표팀" and "북한
    여자축구대표팀" stays apart."""
    if lang != "ko":
        return
    heads = load_cues().org_heads.get(lang, frozenset())
    orgs = [(e, e.text.split()) for e in entities if e.label == "ORG" and _unlinked(e)]
    for e, short in orgs:
        # the short form ends in a bare generic head (대표팀, 위원회): "북한 축구대표팀" is not the
        # short form of "북한 여자축구대표팀", it is another team
        if len(short) < 2 or short[-1] not in heads or not all(is_hangul(c) for c in "".join(short)):
            continue
        hits = {f.entity_id for f, full in orgs if f.entity_id != e.entity_id and full[0] == short[0]
                and full[-1] != short[-1] and full[-1].endswith(short[-1]) and _words_end_in(short[1:], full[1:])}
        if len(hits) == 1:
            e.entity_id, e.method, e.score = hits.pop(), "coref", SCORE_COREF


def _org_without_leading_words(entities: list[Entity], lang: str) -> None:
    """An organisation named again without the words before its name ("Recording Academy" after "the
    National Recording Academy", "आपदा प्रबंधन प्राधिकरण" after "राष्ट्रीय आपदा प्रबंधन प्राधिकरण"): two
    words or more, after the one unknown organisation in the article whose longer name ends in them.
    Not where the words left out name a country: "Foreign Ministry" beside "Japan Foreign Ministry" may
    be another country's."""
    ix = kb_index()
    orgs = [(e, e.text.split()) for e in entities if e.label == "ORG" and _unlinked(e)]
    for e, short in orgs:
        if len(short) < 2:
            continue
        hits = {f.entity_id for f, full in orgs if f.entity_id != e.entity_id and len(full) > len(short)
                and f.start < e.start and full[-len(short):] == short
                and not any(names_a_country(w, ix) for w in full[: -len(short)])}
        if len(hits) == 1:
            e.entity_id, e.method, e.score = hits.pop(), "coref", SCORE_COREF


_POSSESSIVE = ("'s ", "’s ")


def _person_before_possessive(entities: list[Entity]) -> None:
    """An organisation span that is a person's name, a possessive and one more word ("Zelenskiy's
    Party" in a Title Case headline, where every word is capitalised): the party is a common noun
    there, and the mention is the person whose full name (or its last word) the article gives."""
    for e in entities:
        if e.label != "ORG" or not _unlinked(e):
            continue
        owner, mark, rest = next((e.text.partition(p) for p in _POSSESSIVE if p in e.text), ("", "", ""))
        if not owner or not mark or len(rest.split()) != 1:
            continue
        people = {p.entity_id for p in entities if p is not e and p.label == "PER" and p.entity_id
                  and (p.text == owner or (len(p.text.split()) > 1 and p.text.split()[-1] == owner))}
        if len(people) == 1:
            e.end = e.start + len(owner)
            e.text, e.label, e.entity_id, e.method, e.score = owner, "PER", people.pop(), "coref", SCORE_COREF


def _words_end_in(short: list[str], full: list[str]) -> bool:
    """Each short word, in order, is the end of a later full word than the one before it."""
    rest = iter(full)
    return all(any(w.endswith(s) for w in rest) for s in short)


def join_short_forms(entities: list[Entity], lang: str) -> None:
    """An organisation's short forms and its full name as one actor across a whole article (the
    headline's "더민주", the body's "더불어민주당"): `link_entities` does this within one segment."""
    _short_org_forms(entities, lang)
    _korean_org_abbreviations(entities, lang)
    _korean_org_without_modifier(entities, lang)
    _org_without_leading_words(entities, lang)
    _person_before_possessive(entities)
