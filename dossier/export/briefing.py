"""A briefing: one self-contained HTML file for a reader without the app.

It holds the active filters in words, the timeline (inline SVG when a browser can render it, else
the interactive chart with plotly.js inlined), a map drawn here as SVG from the offline basemap,
the key actors, and every event with its source sentences in their own script and its origins.
Nothing in it is fetched from the network; everything from an article is escaped.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from typing import Any

from dossier.export import charts as export
from dossier.provenance.confirmations import EventConfirmation
from dossier.store import ActorRow, EventRow, PlaceRow
from dossier.events.timeline import bar_for

MAP_WIDTH, MAP_HEIGHT = 960, 480
MAX_BRIEF_EVENTS = 200
MAX_BRIEF_ACTORS = 20
KIND_COLOURS = {"country": "#1f4e79", "city": "#c8553d", "region": "#2a9d8f", "site": "#8d6a9f"}


def timeline_markup(fig: Any) -> str:
    """The timeline as inline SVG when a browser can render it; else the interactive chart with
    plotly.js inlined (larger, still offline)."""
    try:
        svg = export.figure_image(fig, "svg", width=1000, height=int(fig.layout.height or 500)).decode("utf-8")
        return svg[svg.find("<svg"):]
    except export.ExportUnavailable:
        return fig.to_html(include_plotlyjs=True, full_html=False, config={"displaylogo": False})


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _xy(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular projection onto the map's pixels."""
    return (lon + 180) / 360 * MAP_WIDTH, (90 - lat) / 180 * MAP_HEIGHT


def map_svg(places: Sequence[PlaceRow], countries: Mapping[str, Any] | None) -> str:
    """Country outlines and places (area ∝ mentions) as one inline SVG."""
    paths = []
    for feature in (countries or {}).get("features", []):
        geom = feature.get("geometry") or {}
        polys = geom.get("coordinates", [])
        if geom.get("type") == "Polygon":
            polys = [polys]
        for poly in polys:
            for ring in poly:
                pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (_xy(lon, lat) for lon, lat in ring[:: max(1, len(ring) // 400)]))
                paths.append(f'<polygon points="{pts}"/>')
    top = max((p.n_mentions for p in places), default=1)
    dots = []
    for p in sorted(places, key=lambda p: -p.n_mentions):
        x, y = _xy(p.lon, p.lat)
        r = 3 + 14 * (p.n_mentions / top) ** 0.5
        dots.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{KIND_COLOURS.get(p.kind, "#555")}" '
            f'fill-opacity="0.75"><title>{_e(p.name)} · {p.n_mentions} mentions</title></circle>'
        )
    return (
        f'<svg viewBox="0 0 {MAP_WIDTH} {MAP_HEIGHT}" width="100%" role="img" aria-label="map of places">'
        f'<rect width="{MAP_WIDTH}" height="{MAP_HEIGHT}" fill="#eef3f8"/>'
        f'<g fill="#dfe3e8" stroke="#9aa3af" stroke-width="0.4">{"".join(paths)}</g>{"".join(dots)}</svg>'
    )


def briefing_html(
    *,
    description: str,
    events: Sequence[EventRow],
    names: Mapping[str, str],
    confirmations: Mapping[str, EventConfirmation],
    actors: Sequence[ActorRow],
    places: Sequence[PlaceRow],
    countries: Mapping[str, Any] | None,
    timeline: str,
    generated: dt.datetime | None = None,
) -> str:
    """``timeline`` is ready-made markup (an inline SVG or a self-contained plotly div)."""
    generated = generated or dt.datetime.now(dt.timezone.utc)
    actor_rows = "".join(
        f"<tr><td>{_e(a.canonical)}</td><td>{a.n_mentions}</td><td>{a.n_articles}</td>"
        f"<td>{_e(', '.join(f'{k} {v}' for k, v in a.by_lang.items()))}</td>"
        f"<td>{_e(' · '.join(a.aliases[:6]))}</td></tr>"
        for a in actors[:MAX_BRIEF_ACTORS]
    )
    items = []
    for e in events[:MAX_BRIEF_EVENTS]:
        bar = bar_for(e)
        when = bar.label if bar else (e.date or "undated")
        conf = confirmations.get(e.id)
        sources = "".join(
            f'<li><span class="meta">{_e(s.get("title") or s["article_id"])} · {_e(s.get("published") or "undated")} · '
            f'{_e(s["lang"])} · reads {_e(s.get("date") or "no date")}</span>'
            f'<blockquote lang="{_e(s["lang"])}">{_e(s["sentence"])}</blockquote></li>'
            for s in e.sources
        )
        items.append(
            f'<section class="event"><h3>{_e(when)} — {_e(e.type.replace("_", " "))}'
            f'{" (planned)" if e.status == "planned" else ""}</h3>'
            f'<p class="meta">{_e(", ".join(names.get(a, a) for a in e.actor_ids))}'
            f'{" · at " + _e(names.get(e.place_id, e.place_id)) if e.place_id else ""}'
            f' · {e.n_articles} article(s)'
            f'{" · <strong>sources disagree on the date</strong>" if e.conflict else ""}</p>'
            + (f'<p class="meta">Origins ({conf.independent} independent): {_e(conf.describe())}</p>' if conf else "")
            + f"<ul>{sources}</ul></section>"
        )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dossier briefing</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-inline' 'unsafe-eval'">
<style>
body {{font-family: "Source Sans 3", "Noto Sans", "NanumGothic", "Lohit Devanagari", sans-serif; max-width: 1000px;
  margin: 2rem auto; color: #1c2430; line-height: 1.5; padding: 0 1rem;}}
h1 {{font-size: 1.7rem; margin-bottom: 0.2rem;}} h2 {{border-bottom: 2px solid #1f4e79; padding-bottom: 0.2rem; margin-top: 2rem;}}
.filters {{background: #f3f5f8; border-left: 3px solid #1f4e79; padding: 0.4rem 0.8rem;}}
.meta {{color: #4a5567; font-size: 0.9rem;}} table {{border-collapse: collapse; width: 100%; font-size: 0.92rem;}}
td, th {{border-bottom: 1px solid #e3e7ec; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top;}}
blockquote {{margin: 0.2rem 0 0.6rem 0; padding-left: 0.7rem; border-left: 2px solid #d9dee5; white-space: pre-wrap;}}
.event {{page-break-inside: avoid;}}
</style></head><body>
<h1>Dossier briefing</h1>
<p class="meta">Generated {_e(generated.strftime("%Y-%m-%d %H:%M UTC"))} from the Dossier store.</p>
<p class="filters"><strong>Filters:</strong> {_e(description)}</p>
<h2>Timeline</h2>{timeline}
<h2>Map</h2>{map_svg(places, countries)}
<h2>Key actors</h2>
<table><thead><tr><th>Actor</th><th>Mentions</th><th>Articles</th><th>By language</th><th>Written as</th></tr></thead>
<tbody>{actor_rows}</tbody></table>
<h2>Events and their sources</h2>{"".join(items) or "<p>No event in this view.</p>"}
</body></html>"""
