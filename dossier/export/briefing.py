"""A briefing: one self-contained HTML file for a reader without the app.

It holds the active filters in words, the timeline (inline SVG when a browser can render it, else
the interactive chart with plotly.js inlined), a map drawn here as SVG from the offline basemap,
the key actors, and every event with its source sentences in their own script and its origins.
Nothing in it is fetched from the network; everything from an article is escaped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from jinja2 import Environment, PackageLoader

from dossier.events.timeline import bar_for
from dossier.export import charts as export
from dossier.provenance.confirmations import EventConfirmation
from dossier.store import ActorRow, EventRow, PlaceRow

MAP_WIDTH, MAP_HEIGHT = 960, 480
MAX_BRIEF_EVENTS = 200
MAX_BRIEF_ACTORS = 20
KIND_COLOURS = {"country": "#1f4e79", "city": "#c8553d", "region": "#2a9d8f", "site": "#8d6a9f"}
# The page and its map: dossier/export/templates/. Autoescaped, so text from an article is never markup.
_TEMPLATES = Environment(
    loader=PackageLoader("dossier.export", "templates"),
    autoescape=True,
)


def timeline_markup(fig: Any) -> str:
    """The timeline as inline SVG when a browser can render it; else the interactive chart with
    plotly.js inlined (larger, still offline)."""
    try:
        svg = export.figure_image(fig, "svg", width=1000, height=int(fig.layout.height or 500)).decode("utf-8")
        return svg[svg.find("<svg"):]
    except export.ExportUnavailable:
        return fig.to_html(include_plotlyjs=True, full_html=False, config={"displaylogo": False})


def _xy(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular projection onto the map's pixels."""
    return (lon + 180) / 360 * MAP_WIDTH, (90 - lat) / 180 * MAP_HEIGHT


def map_svg(places: Sequence[PlaceRow], countries: Mapping[str, Any] | None) -> str:
    """Country outlines and places (area ∝ mentions) as one inline SVG."""
    polygons = []
    for feature in (countries or {}).get("features", []):
        geom = feature.get("geometry") or {}
        polys = geom.get("coordinates", [])
        if geom.get("type") == "Polygon":
            polys = [polys]
        for poly in polys:
            for ring in poly:
                step = max(1, len(ring) // 400)
                points = (_xy(lon, lat) for lon, lat in ring[::step])
                polygons.append(" ".join(f"{x:.1f},{y:.1f}" for x, y in points))
    top = max((p.n_mentions for p in places), default=1)
    dots = []
    for p in sorted(places, key=lambda p: -p.n_mentions):
        x, y = _xy(p.lon, p.lat)
        r = 3 + 14 * (p.n_mentions / top) ** 0.5
        fill = KIND_COLOURS.get(p.kind, "#555")
        dots.append({"x": f"{x:.1f}", "y": f"{y:.1f}", "r": f"{r:.1f}", "fill": fill, "name": p.name,
                     "n_mentions": p.n_mentions})
    svg = _TEMPLATES.get_template("briefing_map.svg.j2")
    return svg.render(width=MAP_WIDTH, height=MAP_HEIGHT, polygons=polygons, dots=dots)


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
    generated = generated or dt.datetime.now(dt.UTC)
    page = _TEMPLATES.get_template("briefing.html.j2")
    return page.render(
        generated=generated.strftime("%Y-%m-%d %H:%M UTC"),
        description=description,
        timeline=timeline,
        map=map_svg(places, countries),
        actors=[_actor_item(a) for a in actors[:MAX_BRIEF_ACTORS]],
        events=[_event_item(e, names, confirmations.get(e.id)) for e in events[:MAX_BRIEF_EVENTS]],
    )


def _actor_item(a: ActorRow) -> dict[str, Any]:
    return {
        "name": a.canonical, "n_mentions": a.n_mentions, "n_articles": a.n_articles,
        "by_lang": ", ".join(f"{k} {v}" for k, v in a.by_lang.items()), "aliases": " · ".join(a.aliases[:6]),
    }


def _event_item(e: EventRow, names: Mapping[str, str], conf: EventConfirmation | None) -> dict[str, Any]:
    bar = bar_for(e)
    return {
        "when": bar.label if bar else (e.date or "undated"),
        "type": e.type.replace("_", " "),
        "planned": e.status == "planned",
        "actors": ", ".join(names.get(a, a) for a in e.actor_ids),
        "place": names.get(e.place_id, e.place_id) if e.place_id else None,
        "n_articles": e.n_articles,
        "conflict": e.conflict,
        "origins": {"independent": conf.independent, "text": conf.describe()} if conf else None,
        "sources": [
            {
                "title": s.get("title") or s["article_id"], "published": s.get("published") or "undated",
                "lang": s["lang"], "reads": s.get("date") or "no date", "sentence": s["sentence"],
            }
            for s in e.sources
        ],
    }
