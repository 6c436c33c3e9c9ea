"""Dossier: offline multilingual news intelligence. The engine; never imports streamlit."""

__version__ = "0.1.0"
