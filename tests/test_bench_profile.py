"""bench/profile_app.py's attribution of CPU samples to the frontend's element chunks."""

from __future__ import annotations

from bench.profile_app import by_chunk


def _frame(node_id: int, name: str, url: str, children: list[int] = ()) -> dict:
    return {"id": node_id, "callFrame": {"functionName": name, "url": url}, "children": list(children)}


def test_a_sample_goes_to_the_deepest_element_chunk_on_its_stack() -> None:
    base = "http://localhost/static/js/"
    profile = {
        "nodes": [
            _frame(1, "(root)", "", [2, 6, 7]),
            _frame(2, "render", base + "react-dom.Dz.js", [3]),
            _frame(3, "DataFrame", base + "DataFrame.-f9.js", [4]),
            _frame(4, "styled", base + "emotion-styled.browser.esm.js", [5]),
            _frame(5, "fillText", ""),
            _frame(6, "(program)", ""),
            _frame(7, "commit", base + "react-dom.Dz.js"),
        ],
        # a DataFrame sample under emotion and a native call, one outside any element, one native
        "samples": [5, 4, 7, 6],
        "timeDeltas": [100, 200, 300, 400],
    }
    assert by_chunk(profile) == {"DataFrame.-f9.js": 300, "shared: react-dom": 300, "native: (program)": 400}
