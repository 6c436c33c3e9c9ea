"""Escaped HTML for anything that came from an article, a sidecar or a URL.

Article text is shown exactly as written and never interpreted: every string from outside passes
through ``esc`` before it is placed in markup, and links are only made for http(s) URLs. Markdown
is avoided for such strings because it would reinterpret ``*``, ``#``, ``$`` and ``[..](..)``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import streamlit as st

# the one HTML escape of the project (quotes too, so it is safe inside attributes), under the short
# name the components use
from dossier.text.markup import escape as esc

_LANG_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")

# One stylesheet for the app's own markup (no external fonts or assets: everything is offline).
STYLE = """
<style>
.dz-filterbar {font-size: 0.92rem; color: #3b4656; padding: 0.35rem 0.7rem;
  border-left: 3px solid #1f4e79; background: #f3f5f8; border-radius: 2px; margin-bottom: 0.2rem;}
.dz-filterbar strong {color: #1c2430; font-weight: 600;}
.dz-warning {font-size: 0.9rem; color: #6b4a00; background: #fff7e0; border-left: 3px solid #e0a100;
  padding: 0.4rem 0.8rem; border-radius: 2px;}
.dz-warning ul {margin: 0.2rem 0 0 0; padding-left: 1.2rem;}
.dz-title {font-size: 1.35rem; font-weight: 650; line-height: 1.3; margin: 0 0 0.25rem 0;
  color: #1c2430;}
.dz-title.dz-untitled {color: #6b7685; font-style: italic; font-weight: 500;}
.dz-meta {font-size: 0.88rem; color: #4a5567; margin-bottom: 0.4rem;}
.dz-meta span + span::before {content: " · "; color: #9aa3af;}
.dz-meta a {color: #1f4e79;}
.dz-seglabel {display: inline-block; font-size: 0.78rem; font-weight: 600; letter-spacing: .02em;
  color: #1f4e79; background: #e6edf5; padding: 0.1rem 0.45rem;
  border-radius: 2px; margin: 0.6rem 0 0.25rem 0;}
.dz-segrange {font-size: 0.75rem; color: #6b7685; margin-left: 0.5rem;}
.dz-text {white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.98rem; line-height: 1.65;
  border-left: 2px solid #d9dee5; padding: 0.1rem 0 0.1rem 0.8rem; margin-bottom: 0.4rem;
  font-family: "Source Sans 3", "Source Sans Pro", "Noto Sans", "NanumGothic", "Nanum Gothic",
  "Lohit Devanagari", "Noto Sans Devanagari", sans-serif;}
.dz-dl {display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem;
  font-size: 0.88rem; margin: 0.3rem 0;}
.dz-dl dt {color: #6b7685;}
.dz-dl dd {margin: 0; overflow-wrap: anywhere;}
.dz-undated {color: #8a5a00; font-weight: 600;}
.dz-parallel {width: 100%; border-collapse: collapse; font-size: 0.95rem; line-height: 1.55;
  font-family: "Source Sans 3", "NanumGothic", "Lohit Devanagari", sans-serif;}
.dz-parallel th {text-align: left; font-size: 0.8rem; color: #1f4e79; background: #e6edf5; padding: 0.3rem 0.5rem;}
.dz-parallel td {vertical-align: top; width: 50%; padding: 0.35rem 0.5rem; border-bottom: 1px solid #e3e7ec;}
.dz-parallel .dz-mark {padding: 0 0.1rem;}
.dz-mark {color: inherit; text-decoration: none; border-radius: 2px; padding: 0 0.08rem;
  border-bottom: 1px solid rgba(0, 0, 0, 0.25);}
a.dz-mark {cursor: pointer;}
a.dz-mark:hover {outline: 1px solid #1f4e79;}
.dz-k-PER {background: #ffe08a;}
.dz-k-ORG {background: #b8e0ff;}
.dz-k-LOC {background: #c8f0c0;}
.dz-k-TIME {background: #e6d6ff;}
.dz-focus {background: #fff3b0; box-shadow: 0 0 0 2px #e0a100; border-radius: 2px;}
.dz-legend {font-size: 0.85rem; color: #4a5567; margin: 0.2rem 0;}
.dz-legend .dz-mark {margin-left: 0.35rem;}
.dz-storylist {list-style: none; padding: 0; margin: 0; font-size: 0.88rem; line-height: 1.4;}
.dz-story {padding: 0.3rem 0.2rem; border-bottom: 1px solid #e3e7ec;}
.dz-story a {color: #1c2430; text-decoration: none;}
.dz-story a:hover {text-decoration: underline;}
.dz-story-chosen {background: #fff3b0;}
.dz-story-when {font-weight: 600; color: #1f4e79; margin-right: 0.3rem;}
.dz-story-src {color: #6b7685; font-size: 0.8rem;}
.dz-story-conflict {color: #8a5a00; font-size: 0.8rem; font-weight: 600;}
.dz-story-sentence {color: #4a5567; font-size: 0.8rem; display: -webkit-box; -webkit-line-clamp: 2;
  -webkit-box-orient: vertical; overflow: hidden;}
.dz-legend-note {font-size: 0.8rem; color: #6b7685; margin-bottom: 0.3rem;}
</style>
"""


def lang_attr(code: str) -> str:
    """A ``lang="…"`` attribute when the code looks like a BCP-47 tag (helps the browser pick
    Hangul and Devanagari fonts); nothing otherwise."""
    return f' lang="{esc(code)}"' if code and _LANG_TAG.match(code) else ""


def safe_link(url: str | None) -> str:
    """An escaped link for http(s) URLs; any other scheme (javascript:, data:, file:) is text."""
    if not url:
        return ""
    scheme = urlsplit(url.strip()).scheme.lower()
    if scheme in ("http", "https"):
        return (
            f'<a href="{esc(url.strip())}" target="_blank" rel="noopener noreferrer nofollow">'
            f"{esc(url)}</a>"
        )
    return esc(url)


def text_block(text: str, *, lang: str = "") -> str:
    """Text exactly as written: escaped, whitespace and line breaks kept, direction per paragraph."""
    return f'<div class="dz-text" dir="auto"{lang_attr(lang)}>{esc(text)}</div>'


def inject_style() -> None:
    st.html(STYLE)
