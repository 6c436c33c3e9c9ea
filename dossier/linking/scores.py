"""How sure a link is, by the evidence that made it (Entity.score): shared by the linker and the
article-level short-form passes."""

SCORE_ALIAS = 1.0
SCORE_COREF = 0.95
SCORE_SHORT = 0.9
SCORE_GENERIC = 0.8
SCORE_COMPOUND = 0.9  # one syllable of a Korean country abbreviation (북러: 북 = North Korea)
