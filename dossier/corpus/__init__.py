"""Per-article analysis (pipeline) and the corpus-level steps run after ingest (rebuild: grouping, fusion,
corrections)."""
