"""Per-article analysis and the corpus-level steps run after ingest (grouping, fusion, corrections)."""
