"""Event frames per sentence, fusion across articles, timeline bars."""
