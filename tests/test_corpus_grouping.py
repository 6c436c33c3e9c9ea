"""Names the knowledge base does not know are grouped across articles and scripts, with a score."""

from dossier.corpus.grouping import regroup_unlinked
from dossier.filters import Filters
from dossier.model import Entity, Segment, Sentence
from dossier.store import NewArticle, Store


def art(n: int, text: str, lang: str, names: list[tuple[int, int, str]]) -> NewArticle:
    """An article whose names are each their own in-article chain."""
    return chained(n, text, lang, [Entity(s, e, text[s:e], label, f"x:{text[s:e]}", None, None, "none")
                                   for s, e, label in names])


def chained(n: int, text: str, lang: str, entities: list[Entity]) -> NewArticle:
    return NewArticle(
        id=f"a{n}", content_hash=f"h{n}", raw_sha256="r", text=text, origin="x", encoding="utf_8",
        segments=[Segment(0, len(text), lang)], sentences=[Sentence(0, len(text), 0)],
        entities=[(e, lang) for e in entities],
    )


def test_unlinked_names_group_across_scripts_and_keep_labels_apart(store_db) -> None:
    with Store(store_db) as s:
        s.save_article(art(1, "Maria Zakharova said so.", "en", [(0, 15, "PER")]))
        s.save_article(art(2, "마리아 자하로바 대변인이 말했다.", "ko", [(0, 8, "PER")]))
        s.save_article(art(3, "मारिया ज़खारोवा ने कहा।", "hi", [(0, 15, "PER")]))
        s.save_article(art(4, "Zakharova Group opened.", "en", [(0, 15, "ORG")]))
        assert regroup_unlinked(s) == 1
        actors = {a.entity_id: a for a in s.actors(Filters(), limit=10)}
        per = [a for a in actors.values() if a.label == "PER"]
        assert len(per) == 1 and per[0].n_articles == 3 and per[0].canonical == "Maria Zakharova"
        assert set(per[0].by_lang) == {"en", "ko", "hi"}
        org = [a for a in actors.values() if a.label == "ORG"]
        assert len(org) == 1 and org[0].entity_id != per[0].entity_id
        scores = {m.lang: (m.score, m.method) for m in s.mentions(Filters(), entity_id=per[0].entity_id, limit=10)}
        assert scores["en"][1] == "grouped" and all(0.8 <= sc <= 1.0 for sc, _ in scores.values())


def test_a_title_on_its_own_joins_no_cluster(store_db) -> None:
    with Store(store_db) as s:
        s.save_article(art(1, "총비서 회담을 가졌다.", "ko", [(0, 3, "PER")]))
        s.save_article(art(2, "총비서는 떠났다.", "ko", [(0, 4, "PER")]))
        regroup_unlinked(s)
        assert not [a for a in s.actors(Filters(), limit=10) if a.label == "PER"]


def test_a_short_form_stays_with_the_full_name_its_article_gave_it(store_db) -> None:
    # in-article coreference gave "Ruto" the chain of "William Ruto"; grouping across articles must
    # keep it there, not regroup the bare text "Ruto" on its own
    text1 = "William Ruto won the vote. Ruto thanked voters."
    first = chained(1, text1, "en", [Entity(0, 12, "William Ruto", "PER", "x:wiliamruto", None, None, "none"),
                                     Entity(27, 31, "Ruto", "PER", "x:wiliamruto", None, 0.9, "coref")])
    with Store(store_db) as s:
        s.save_article(first)
        s.save_article(art(2, "윌리엄 루토 대통령이 말했다.", "ko", [(0, 6, "PER")]))
        s.save_article(art(3, "Ruto Street was closed.", "en", [(0, 4, "ORG")]))
        regroup_unlinked(s)
        ids = {(m.article_id, m.text): m.entity_id for m in s.mentions(Filters(), limit=20)}
        assert ids[("a1", "Ruto")] == ids[("a1", "William Ruto")] == ids[("a2", "윌리엄 루토")]
        assert ids[("a3", "Ruto")] != ids[("a1", "Ruto")]
        per = [a for a in s.actors(Filters(), limit=10) if a.label == "PER"]
        assert len(per) == 1 and per[0].canonical == "William Ruto" and per[0].n_articles == 2


def test_a_chain_keeps_one_id_when_the_recogniser_typed_its_short_form_otherwise(store_db) -> None:
    text = "Pierre Vautier won gold. Vautier said he was happy."
    article = chained(1, text, "en", [Entity(0, 14, "Pierre Vautier", "PER", "x:pielupotie", None, None, "none"),
                                      Entity(25, 32, "Vautier", "ORG", "x:pielupotie", None, 0.9, "coref")])
    with Store(store_db) as s:
        s.save_article(article)
        regroup_unlinked(s)
        ids = {m.text: m.entity_id for m in s.mentions(Filters(), limit=20)}
        assert ids["Vautier"] == ids["Pierre Vautier"] and ids["Vautier"].endswith(":per")
        # one mention each way: the tie goes to the label the chain was grouped under (its full name's)
        assert [a.label for a in s.actors(Filters(), limit=10)] == ["PER"]
