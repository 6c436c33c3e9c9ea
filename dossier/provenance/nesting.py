"""Who reports whom: the attributions of a unit arranged as a tree (a speaker inside a quotation
is cited by whoever the quotation is attributed to; in a verb-final language the last verb of a
clause is the main one, in English the first speaker is the outer one; a relay marker before a
speaker puts its source above that speaker), and the paths from the outer speaker to each origin.
"""

from __future__ import annotations

from dossier.provenance.attributions import Attribution, reports_content_after
from dossier.provenance.units import Unit


def _governor(unit: Unit, region: int, atts: list[Attribution]) -> Attribution | None:
    """The speaker a quotation is attributed to: the speaker of the enclosing region whose cue is
    nearest the quotation."""
    if region < 0:
        return None
    q_start, q_end, parent_region = unit.regions[region]
    cands = [a for a in atts if a.role == "speaker" and a.region == parent_region]
    if not cands:
        return _governor(unit, parent_region, atts)

    def dist(a: Attribution) -> int:
        if a.cue_end <= q_start:
            return q_start - a.cue_end
        if a.cue_start >= q_end:
            return a.cue_start - q_end
        return 0

    return min(cands, key=dist)


def _coordinated(unit: Unit, a: Attribution, b: Attribution) -> bool:
    """ "Kirby said X, and officials said Y": siblings. "KCNA reported that …, and that Kim said":
    the coordinator does not stand right before the second speaker, so Kim is nested."""
    between = unit.text[min(a.cue_end, b.run_start) : max(a.cue_end, b.run_start)]
    tail = between.rstrip()
    return any(tail.endswith(c.rstrip()) for c in unit.lex.coordinators)


def build_tree(unit: Unit, atts: list[Attribution]) -> None:
    lex = unit.lex
    speakers = sorted([a for a in atts if a.role == "speaker"], key=lambda a: a.cue_start)
    by_region: dict[int, list[Attribution]] = {}
    for s in speakers:
        by_region.setdefault(s.region, []).append(s)
    for region, ss in by_region.items():
        gov = _governor(unit, region, atts)
        if lex.verb_final:
            main = ss[-1]
            main.parent = gov
            for s in ss[:-1]:
                # "메르켈 총리가 언급했음에도 … 아베 총리가 시사했다": a concessive clause
                # is not reported speech
                after = unit.text[s.cue_end : s.cue_end + 6]
                s.parent = gov if any(after.startswith(e) for e in lex.sibling_endings) else main
        else:
            main = ss[0]
            main.parent = gov
            for s in ss[1:]:
                s.parent = main.parent if _coordinated(unit, main, s) else main
    for c in atts:
        if c.role == "cited":
            c.parent = c.owner if c.owner is not None else _governor(unit, c.region, atts)
    # "경찰에 따르면 A 씨는 …고 주장했다", "अख़बार के अनुसार कप्तान … ने घोषणा की": a relay marker
    # before the clause's speaker puts its source above that speaker
    for c in atts:
        if c.role != "cited" or not c.relay:
            continue
        below = [
            s
            for s in speakers
            if s.region == c.region
            and c.cue_end <= s.run_start
            and (s.parent is None or s.parent.region != c.region)
            and reports_content_after(unit, s)
        ]
        if below:
            s = below[-1] if lex.verb_final else below[0]
            c.parent, s.parent = s.parent, c
            c.owner = None


def source_paths(atts: list[Attribution]) -> list[list[Attribution]]:
    has_child = {id(a.parent) for a in atts if a.parent is not None}
    out = []
    for a in atts:
        if id(a) in has_child:
            continue
        path = []
        cur: Attribution | None = a
        guard = 0
        while cur is not None and guard < 20:
            path.append(cur)
            cur = cur.parent
            guard += 1
        out.append(list(reversed(path)))
    return out
