"""Cut Natural Earth's admin-1 attribute table down to what the gazetteer build reads.

Natural Earth 1:10m Cultural, "Admin 1 – States, Provinces" (public domain) carries, for 4,596
first-level units of every country, a label point, the ISO 3166-2 code, the unit's type and its name in
about 25 languages (from Wikidata): 플로리다 / फ़्लोरिडा for Florida, 자르칸드 for Jharkhand, 간쑤성 for
Gansu. No registry ships it and the Natural Earth repository is too large to fetch here, so the
input is a copy of its attribute table (the shapefile's .dbf as CSV, every column, 4,596 rows):
github.com/MarkM2000/Final-Project-MAP674 @ bc086099a1393eab9e4dc4bd3c5729fb92b76b0e,
data/ne_10m_admin_1_states_provinces.csv (sha256 below; checked on 2026-12-04 against Natural
Earth's published row count and field list, version 5.1.x).

Output: data/gazetteer/sources/natural_earth_admin1.csv.gz (the columns in KEEP), read by
scripts/build_gazetteer.py.

Usage: python scripts/extract_natural_earth_admin1.py PATH/TO/ne_10m_admin_1_states_provinces.csv
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "data" / "gazetteer" / "sources" / "natural_earth_admin1.csv.gz"
SOURCE_SHA256 = "f7eab65170efb0509f5a606aa9ce57fad953c876f0192a49fa779d10bb029d17"
KEEP = ("iso_3166_2", "iso_a2", "adm1_code", "name", "type_en", "latitude", "longitude", "wikidataid",
        "name_en", "name_ko", "name_hi", "name_ja", "name_zh", "name_zht", "name_ru")


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    raw = Path(sys.argv[1]).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SOURCE_SHA256:
        sys.exit(f"unexpected input (sha256 {digest}); update SOURCE_SHA256 and the README after checking it")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=KEEP, lineterminator="\n")
    writer.writeheader()
    for row in sorted(rows, key=lambda r: (r["iso_a2"], r["adm1_code"])):
        writer.writerow({k: row[k].strip() for k in KEEP})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: identical input gives identical bytes (clean diffs)
    with open(OUT, "wb") as f, gzip.GzipFile(fileobj=f, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    print(f"{len(rows)} rows -> {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
