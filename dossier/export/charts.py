"""Charts and data out of the app: PNG/SVG/HTML for charts, CSV/JSON/GeoJSON for data.

HTML exports inline plotly.js, so the file opens with no network. PNG/SVG go through kaleido,
which drives a system Chromium; when none is installed the error says so plainly, and the caller
offers HTML instead.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

# Browsers for rendering (kaleido's charts, the map's PNG): $DOSSIER_CHROMIUM, these paths, then
# these names on PATH (Debian installs /usr/bin/chromium).
BROWSER_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")
# Headless flags for a machine with no network and no GPU (no background fetches, no sandbox as root).
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


class ExportUnavailable(RuntimeError):
    """This export cannot be made on this machine; the message says why and what works instead."""


def browser_path() -> str | None:
    """A Chromium binary: $DOSSIER_CHROMIUM, else a system one; None when there is none."""
    env = os.environ.get("DOSSIER_CHROMIUM", "").strip()
    for cand in ([env] if env else []) + list(BROWSER_PATHS):
        if cand and Path(cand).is_file() and os.access(cand, os.X_OK):
            return cand
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def figure_html(fig: Any, *, title: str = "Dossier chart") -> bytes:
    """A self-contained HTML page for a plotly figure (plotly.js inlined: works offline)."""
    html = fig.to_html(include_plotlyjs=True, full_html=True, config={"displaylogo": False})
    html = html.replace("<head>", f"<head><meta charset=\"utf-8\"><title>{_escape(title)}</title>", 1)
    return html.encode("utf-8")


def figure_image(fig: Any, fmt: str = "png", *, width: int = 1200, height: int | None = None, scale: float = 2) -> bytes:
    """PNG or SVG bytes of a plotly figure, rendered by kaleido in the system Chromium; ``height``
    None: the figure's own (a labelled timeline is as tall as its rows), else 600."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"unsupported image format {fmt!r}")
    browser = browser_path()
    if browser is None:
        raise ExportUnavailable(
            "PNG/SVG export needs a Chromium browser, and none is installed on this machine "
            "(Debian: apt-get install chromium). The HTML export works without it."
        )
    if os.environ.get("DOSSIER_CHROMIUM") or not os.environ.get("BROWSER_PATH"):
        # kaleido's browser driver (choreographer) starts the browser $BROWSER_PATH names: make it
        # the one found here, so $DOSSIER_CHROMIUM applies to charts as it does to the map
        os.environ["BROWSER_PATH"] = browser
    try:
        height = height or getattr(getattr(fig, "layout", None), "height", None) or 600
        return fig.to_image(format=fmt, width=width, height=height, scale=scale if fmt == "png" else 1)
    except Exception as exc:  # kaleido reports a missing or broken browser in several ways
        raise ExportUnavailable(f"{fmt.upper()} export failed ({exc}); the HTML export works without a browser.") from exc


def _plain(row: Any) -> dict[str, Any]:
    if is_dataclass(row) and not isinstance(row, type):
        return asdict(row)
    if isinstance(row, Mapping):
        return dict(row)
    raise TypeError(f"cannot export {type(row).__name__}")


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return value


def rows_csv(rows: Iterable[Any], columns: Sequence[str] | None = None) -> bytes:
    """CSV (UTF-8 with BOM, so spreadsheet programs read Korean and Hindi right)."""
    plain = [_plain(r) for r in rows]
    cols = list(columns or (plain[0].keys() if plain else []))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
    writer.writeheader()
    for r in plain:
        writer.writerow({c: _cell(r.get(c)) for c in cols})
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def rows_json(rows: Iterable[Any], **meta: Any) -> bytes:
    doc = {**meta, "rows": [_plain(r) for r in rows]}
    return json.dumps(doc, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def places_geojson(places: Iterable[Any], **meta: Any) -> bytes:
    """A FeatureCollection of points; every other field of a place becomes a property."""
    features = []
    for p in places:
        props = _plain(p)
        lat, lon = props.pop("lat"), props.pop("lon")
        features.append(
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}
        )
    doc = {"type": "FeatureCollection", "features": features}
    if meta:
        doc["metadata"] = meta
    return json.dumps(doc, ensure_ascii=False, default=str).encode("utf-8")


def _escape(text: str) -> str:
    """Escapes for element text only (the page title), leaving quotes as they are."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
