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
    # Streamlit first, on this thread: importing it builds plotly objects, and plotly looks pandas up
    # in sys.modules without the import lock, so pandas must not be half-imported by the warm-up then.
    from streamlit.web import cli

    from components import preload

    # else the first run of a fresh server executes the page file alone, then reruns through app.py
    preload.use_navigation_mode()
    preload.start()
    sys.argv = ["streamlit", "run", str(REPO / "app.py"), *sys.argv[1:]]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main())
