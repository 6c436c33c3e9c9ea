"""A point inside each country's territory and its bounding box, from the basemap's outlines.

Reads data/basemap/countries.geojson (Natural Earth via world-atlas, see scripts/build_basemap.py),
the outlines the app's map draws, so a country's point lies inside the shape the map shows for it.
A point inside, not a centroid: the centroid of a crescent or an archipelago can fall outside the
country. Plain Python, no geometry library: a few hundred outlines, read once per build.
"""

from __future__ import annotations

import itertools
import json
import math
from collections import defaultdict

from . import ROOT

BASEMAP = ROOT / "data" / "basemap" / "countries.geojson"


def _ring_area(ring: list[list[float]]) -> float:
    return 0.5 * sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring))


def _inside(x: float, y: float, rings: list[list[list[float]]]) -> bool:
    """Even-odd rule over the outer ring and its holes."""
    inside = False
    for ring in rings:
        for (x1, y1), (x2, y2) in itertools.pairwise(ring):
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                inside = not inside
    return inside


def _edge_distance(x: float, y: float, rings: list[list[list[float]]]) -> float:
    """Distance (degrees, longitude scaled by cos(lat)) from a point to the nearest polygon edge."""
    k = math.cos(math.radians(y))
    best = float("inf")
    for ring in rings:
        for (x1, y1), (x2, y2) in itertools.pairwise(ring):
            ax, ay, bx, by = x1 * k, y1, x2 * k, y2
            px, py = x * k, y
            dx, dy = bx - ax, by - ay
            t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
            best = min(best, math.hypot(px - (ax + t * dx), py - (ay + t * dy)))
    return best


def interior_point(geometry: dict) -> tuple[float, float]:
    """A point well inside the largest polygon (coarse pole of inaccessibility on a 24x24 grid, refined)."""
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    rings = max(polys, key=lambda p: abs(_ring_area(p[0])))
    xs = [p[0] for p in rings[0]]
    ys = [p[1] for p in rings[0]]
    w, e, s, n = min(xs), max(xs), min(ys), max(ys)
    best, best_d = None, -1.0
    step_x, step_y = (e - w) / 24 or 1e-3, (n - s) / 24 or 1e-3
    for _ in range(3):  # refine around the best cell
        for i in range(25):
            for j in range(25):
                x, y = w + i * step_x, s + j * step_y
                if _inside(x, y, rings):
                    d = _edge_distance(x, y, rings)
                    if d > best_d:
                        best, best_d = (x, y), d
        if best is None:
            break
        w, s = best[0] - step_x, best[1] - step_y
        step_x, step_y = step_x / 12, step_y / 12
    if best is None:  # degenerate sliver: fall back to the first vertex
        best = (rings[0][0][0], rings[0][0][1])
    return round(best[1], 4), round(best[0], 4)


def country_shapes() -> dict[str, dict]:
    """ISO2 -> point inside the main territory + bounding box. Natural Earth splits some countries
    into several features with one code (Australia and Ashmore and Cartier Is. are both 036): the
    point comes from the feature with the largest polygon, the box covers them all."""
    by_iso: dict[str, list[dict]] = defaultdict(list)
    for f in json.loads(BASEMAP.read_text(encoding="utf-8"))["features"]:
        iso = f["properties"].get("iso_a2")
        if iso:
            by_iso[iso].append(f["geometry"])
    shapes = {}
    for iso, geoms in by_iso.items():
        def polys(g: dict) -> list:
            return [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]

        main = max(geoms, key=lambda g: max(abs(_ring_area(p[0])) for p in polys(g)))
        xs = [pt[0] for g in geoms for p in polys(g) for pt in p[0]]
        ys = [pt[1] for g in geoms for p in polys(g) for pt in p[0]]
        lat, lon = interior_point(main)
        shapes[iso] = {"lat": lat, "lon": lon, "bbox": [min(xs), min(ys), max(xs), max(ys)]}
    return shapes
