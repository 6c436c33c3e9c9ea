"""Escaping outside text for HTML: one rule for the reader, hover labels, SVG and exported pages."""

from __future__ import annotations

import html


def escape(value: object) -> str:
    """HTML-escape any value (None is empty); quotes too, so the result is safe inside attributes."""
    return html.escape("" if value is None else str(value), quote=True)
