"""Warm what the first page view would otherwise wait for, while the server starts.

A fresh server's first session used to spend seconds importing pandas, plotly and pydeck and
loading Babel's locale data before anything appeared; scripts/serve.py runs `warm` in a thread at
process start, so that work overlaps with the browser loading Streamlit's own scripts. Imports are
shared by every later session (sys.modules), so nothing here is run twice.
"""

from __future__ import annotations

import gc
import importlib
import inspect
import logging
import threading

# The libraries a page imports, heaviest first (pandas alone is about a second on this machine), and
# the engine modules. Not the components: three of them declare Streamlit caches at import, which
# must happen inside the running server to use its cache storage.
MODULES = (
    "pandas",
    "pyarrow",
    "plotly.graph_objects",
    "pydeck",
    "streamlit.elements.arrow",
    "streamlit.elements.plotly_chart",
    "streamlit.elements.deck_gl_json_chart",
    "components.labels",
    "dossier.store",
    "dossier.filters",
    "dossier.events.timeline",
    "dossier.export.charts",
    "dossier.export.map",
    "dossier.export.marks",
    "dossier.export.event_labels",
    "dossier.corpus.coverage",
    "dossier.text.align",
)

log = logging.getLogger(__name__)
_started = threading.Event()
_done = threading.Event()
# A page must not run while the warm-up is half-way through an import: other code (plotly) looks
# modules up in sys.modules without the import lock and would find pandas partly initialised.
WAIT_SECONDS = 60.0


def use_navigation_mode() -> bool:
    """Turn off Streamlit's old pages/-folder mode, in which a fresh server runs a page file on its
    own, without app.py (see components/frame.require_frame). False when this Streamlit has no such
    switch. Lives here, not in components/frame.py, because scripts/serve.py calls it before the
    server exists, and frame.py's imports declare Streamlit caches."""
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a future Streamlit without the flag: nothing to switch off
        return False
    PagesManager.uses_pages_directory = False
    return True


def start() -> None:
    """Run `warm` in a background thread (once per process)."""
    if _started.is_set():
        return
    _started.set()
    threading.Thread(target=_warm_then_signal, name="dossier-preload", daemon=True).start()


def wait() -> None:
    """Block until a started warm-up has finished; return at once when none was started."""
    if _started.is_set():
        _done.wait(WAIT_SECONDS)


def _warm_then_signal() -> None:
    try:
        warm()
        freeze_imported_objects()
    finally:
        _done.set()


def freeze_imported_objects() -> None:
    """Exempt every object alive now (Streamlit's, pandas', plotly's … modules: about 130,000) from
    the cyclic garbage collector. Streamlit runs a full ``gc.collect(2)`` after every script run
    (runner.postScriptGC), holding the GIL while it walks every tracked object: 0.1-0.2 s per
    rerun on this machine, during which the finished run's last messages wait to be sent. Module
    objects live as long as the process, so there is nothing for the collector to find in them;
    what the runs allocate afterwards is still collected."""
    gc.collect()  # what the imports left as garbage is freed, not frozen
    gc.freeze()


def warm() -> None:
    """Import the libraries and engine modules pages use, and load the lookup data their first run
    needs. Never raises: a failure here only means the first page view does the work itself."""
    for name in MODULES:
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - a warm-up must never stop the server
            log.warning("preload of %s failed: %s", name, exc)
    try:
        from components.labels import language_name

        language_name("en")  # Babel's English locale data: ~0.7 s on first use
        import plotly.graph_objects as go

        go.Figure().update_layout(title="warm")  # plotly builds its validators on first use
        from dossier.corpus.coverage import coverage

        coverage("en")  # the reader's coverage note: the event table's YAML (0.1-0.3 s in pure-Python yaml)
        # Streamlit's first element of a process calls inspect.stack() (env_util.is_repl), whose
        # first inspect.getmodule maps every module in sys.modules to its real path: 0.2-0.5 s of
        # the first page view. Mapping them now (getmodule of a frame walks sys.modules; a
        # function would be looked up by its __module__) leaves only later imports to map.
        inspect.getmodule(inspect.currentframe())
    except Exception as exc:  # noqa: BLE001
        log.warning("preload of lookup data failed: %s", exc)
