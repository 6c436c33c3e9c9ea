"""Korean and Hindi text in the Articles reader is drawn with real glyphs, not tofu boxes.

A browser that has no font for a script draws every character of it as the same missing-glyph box
("tofu"). So: take a few distinct Hangul syllables (Devanagari consonants) from the article the
reader shows, draw each one alone inside the reader's text block — same element, same font stack,
same ``lang`` — and screenshot each. Real glyphs give as many different shapes as characters;
tofu gives one shape for all of them.

Two controls show the comparison can fail:
- in the same block, code points that Unicode leaves unassigned (no font has them) must come out as
  one identical box, and no real character may look like that box;
- in a second Chromium whose fontconfig sees only the installed fonts that lack these characters,
  the same check on the same page must find tofu (one shape for all characters).

Needs the fonts that scripts/setup.sh installs (fonts-nanum, fonts-lohit-deva) and fc-list.
Reuses tests/e2e/conftest.py (browser, page, e2e_db, the app server).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from playwright.sync_api import Page, expect

from dossier.export.charts import CHROMIUM_ARGS
from dossier.filters import Filters
from dossier.store import Store
from tests.e2e.conftest import CHROMIUM, SCREENSHOTS
from tests.e2e.test_app_e2e import assert_clean, settled

pytestmark = pytest.mark.e2e

N_CHARS = 5
# Characters that stand alone as one code point and one glyph (no combining marks), so tofu boxes
# for them have the same width: Hangul syllables, Devanagari consonants.
SCRIPT_RANGES = {"ko": (0xAC00, 0xD7A3), "hi": (0x0915, 0x0939)}
# Unassigned in Unicode (gaps in the Greek block): every font draws its missing-glyph box for them.
UNASSIGNED = ("\u0378", "\u0379", "\u0380", "\u0381", "\u0382")
# Each character in a box of whole pixels, big enough that glyph shapes differ clearly.
CELL_CSS = (
    "display:inline-block;width:128px;height:96px;font-size:64px;line-height:96px;"
    "text-align:center;vertical-align:top;color:#000;background:#fff;white-space:pre"
)
INK = 128  # a pixel darker than this is ink
SAME_SHAPE_MAX_DIFF = 0.02  # two inked shapes of one size differing in at most 2% of pixels are one


@dataclass(frozen=True)
class Drawn:
    chars: tuple[str, ...]
    shapes: tuple[Image.Image | None, ...]  # ink cropped, black and white; None: nothing drawn
    fonts: list[str]  # the fonts Chromium used for the text block (CDP), for failure messages


def script_chars(text: str, lang: str) -> tuple[str, ...]:
    lo, hi = SCRIPT_RANGES[lang]
    return tuple(dict.fromkeys(c for c in text if lo <= ord(c) <= hi))[:N_CHARS]


def article_in(db: Path, lang: str) -> tuple[str, str]:
    """(id, text) of the first listed article with a segment in ``lang`` that has enough
    distinct characters of the script."""
    with Store(db, readonly=True) as store:
        for row in store.list_articles(Filters(langs=(lang,)), limit=50):
            detail = store.get_article(row.id)
            assert detail is not None
            if len(script_chars(detail.text, lang)) == N_CHARS:
                return detail.id, detail.text
    pytest.fail(f"no article in the e2e corpus has {N_CHARS} distinct characters of {lang}")


def shape(png: bytes) -> Image.Image | None:
    gray = Image.open(io.BytesIO(png)).convert("L")
    ink = gray.point(lambda v: 255 if v < INK else 0, mode="L")
    box = ink.getbbox()
    return ink.crop(box) if box else None


def same_shape(a: Image.Image | None, b: Image.Image | None) -> bool:
    if a is None or b is None:
        return a is b
    if a.size != b.size:
        return False
    diff = ImageChops.difference(a, b).point(lambda v: 255 if v else 0)
    differing = sum(diff.histogram()[255:])
    return differing <= SAME_SHAPE_MAX_DIFF * a.size[0] * a.size[1]


def n_distinct(shapes: tuple[Image.Image | None, ...]) -> int:
    kinds: list[Image.Image | None] = []
    for s in shapes:
        if not any(same_shape(s, k) for k in kinds):
            kinds.append(s)
    return len(kinds)


def platform_fonts(page: Page, selector: str) -> list[str]:
    """Which installed fonts Chromium drew the element's text with (DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        return [f"{f['familyName']} ({f['glyphCount']} glyphs)" for f in fonts]
    finally:
        cdp.detach()


def draw(page: Page, selector: str, chars: tuple[str, ...]) -> Drawn:
    """Draw each character alone in a cell appended to the element ``selector`` (inheriting its
    font stack and lang) and screenshot the cells."""
    fonts = platform_fonts(page, selector)
    page.evaluate(
        """([selector, chars, css]) => {
            const row = document.createElement('div');
            row.setAttribute('data-dz-glyphs', '');
            for (const c of chars) {
                const cell = document.createElement('span');
                cell.style.cssText = css;
                cell.textContent = c;
                row.appendChild(cell);
            }
            document.querySelector(selector).appendChild(row);
        }""",
        [selector, list(chars), CELL_CSS],
    )
    row = page.locator(f"{selector} > [data-dz-glyphs]").last
    cells = row.locator("span")
    expect(cells).to_have_count(len(chars))
    shapes = tuple(shape(cells.nth(i).screenshot()) for i in range(len(chars)))
    row.evaluate("r => r.remove()")
    return Drawn(chars, shapes, fonts)


def open_reader(page: Page, app_url: str, lang: str, article_id: str) -> str:
    """Open the Articles page with the article in the reader; returns the selector of its first
    text block in ``lang``."""
    page.goto(f"{app_url}/articles?lang={lang}&article={article_id}")
    settled(page)
    selector = f'.dz-text[lang="{lang}"]'
    expect(page.locator(selector).first).to_be_visible()
    settled(page)
    return selector


def check(page: Page, app_url: str, db: Path, lang: str) -> tuple[Drawn, Drawn]:
    """(the article's characters, the unassigned code points), drawn in its reader text block."""
    article_id, text = article_in(db, lang)
    selector = open_reader(page, app_url, lang, article_id)
    shown = page.locator(selector).first.inner_text()
    chars = script_chars(text, lang)
    assert all(c in shown for c in chars), f"the reader's {lang} block does not show {chars}"
    return draw(page, selector, chars), draw(page, selector, UNASSIGNED)


@pytest.mark.parametrize("lang", ["ko", "hi"])
def test_reader_draws_real_glyphs(page: Page, app_url: str, e2e_db: Path, lang: str) -> None:
    real, tofu = check(page, app_url, e2e_db, lang)
    # evidence: the opening lines of the text block as the reader draws it
    block = page.locator(f'.dz-text[lang="{lang}"]').first
    block.evaluate("e => e.scrollIntoView({block: 'center'})")
    box = block.bounding_box()
    assert box is not None
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    top = max(box["y"], 0)
    page.screenshot(
        path=str(SCREENSHOTS / f"glyphs-{lang}.png"),
        clip={"x": box["x"], "y": top, "width": box["width"],
              "height": min(box["y"] + box["height"] - top, 240)},
    )
    # control: unassigned code points are one box, so identical tofu would be recognised
    assert all(s is not None for s in tofu.shapes), "the missing-glyph box drew no ink"
    assert n_distinct(tofu.shapes) == 1, "unassigned code points drew different shapes: the check is blind"
    # the article's characters are drawn, each in its own shape, none of them the missing-glyph box
    assert all(s is not None for s in real.shapes), f"{lang}: nothing drawn for some of {real.chars}"
    boxes = [c for c, s in zip(real.chars, real.shapes) if same_shape(s, tofu.shapes[0])]
    assert not boxes, f"{lang}: {boxes} drawn as the missing-glyph box (tofu); fonts used: {real.fonts}"
    assert n_distinct(real.shapes) == len(real.chars), (
        f"{lang}: {len(real.chars)} characters {real.chars} drawn as only "
        f"{n_distinct(real.shapes)} distinct shapes (tofu); fonts used: {real.fonts}"
    )
    assert_clean(page)


# -- the check fails when the fonts are missing -------------------------------------------------


def _fc_files(pattern: str) -> set[str]:
    out = subprocess.run(
        ["fc-list", "--format", "%{file}\n", pattern], capture_output=True, text=True, check=True
    )
    return {line for line in out.stdout.splitlines() if line}


@pytest.fixture(scope="module")
def fontless_browser(browser, e2e_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A second Chromium whose fontconfig lists only the installed fonts that have none of the
    characters the test draws (built from fc-list, so no font name is assumed)."""
    if not shutil.which("fc-list"):
        pytest.skip("fc-list (fontconfig) is missing: cannot build a font set without Hangul/Devanagari")
    chars = [c for lang in SCRIPT_RANGES for c in script_chars(article_in(e2e_db, lang)[1], lang)]
    covering = set().union(*(_fc_files(f":charset={ord(c):x}") for c in chars))
    kept = sorted(_fc_files(":") - covering)
    if not kept:
        pytest.skip("every installed font has Hangul or Devanagari: no font set without them to test with")
    root = tmp_path_factory.mktemp("fontless")
    (root / "fonts").mkdir()
    for i, path in enumerate(kept):
        (root / "fonts" / f"{i:03d}-{Path(path).name}").symlink_to(path)
    conf = root / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{root / 'fonts'}</dir>\n  <cachedir>{root / 'cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("FONTCONFIG")}
    b = browser.browser_type.launch(
        executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS), headless=True,
        env={**env, "FONTCONFIG_FILE": str(conf)},
    )
    yield b
    b.close()


@pytest.mark.parametrize("lang", ["ko", "hi"])
def test_glyph_check_sees_tofu_without_the_fonts(
    fontless_browser, app_url: str, e2e_db: Path, lang: str
) -> None:
    context = fontless_browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-US")
    try:
        page = context.new_page()
        real, tofu = check(page, app_url, e2e_db, lang)
    finally:
        context.close()
    assert all(s is not None for s in real.shapes)
    # what test_reader_draws_real_glyphs would see on a machine without the fonts: one box for all
    assert n_distinct(real.shapes) == 1, f"{lang}: distinct shapes without fonts; fonts used: {real.fonts}"
    assert same_shape(real.shapes[0], tofu.shapes[0])
