"""Mentions to canonical actors across scripts: knowledge base, linking, transliteration keys."""
