"""Text structure: language segments, sentences, translation alignment."""
