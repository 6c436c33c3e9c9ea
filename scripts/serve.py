"""Start the app: ``streamlit run app.py`` with its heavy imports warmed in a background thread.

    .venv/bin/python scripts/serve.py [streamlit run options, e.g. --server.port 8502]

Streamlit imports a page's modules only when the first browser session runs it; warming them at
process start (components/preload.py) overlaps that work with the browser loading Streamlit's
frontend, which is what an analyst waits for on a cold start (see bench/bench_app.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    sys.path.insert(0, str(REPO))
    from components import preload

    preload.start()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(REPO / "app.py"), *sys.argv[1:]]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main())
