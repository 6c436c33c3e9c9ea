"""Named-entity recognition: trained spaCy pipelines per language, their data, training and scoring."""
