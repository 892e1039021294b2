"""Draw the PNG beside each vendored pictogram (accessibility/images/mulberry/*.svg), for Word documents.

python-docx cannot place an SVG, and the pictograms use more of SVG than ``accessibility.pictures`` draws
itself, so each is drawn once by Chromium (as a browser shows it) and kept in the repository. Each PNG
holds the SHA-256 of the SVG it was drawn from (text chunk ``source-sha256``): the tests check it, so a
changed SVG without a new PNG is noticed. Run after changing a pictogram (needs the development packages
and Debian's chromium):

    .venv/bin/python scripts/render_pictures.py
"""

from __future__ import annotations

import hashlib
import io
import sys
from pathlib import Path

from PIL import Image
from PIL.PngImagePlugin import PngInfo
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "accessibility" / "images" / "mulberry"
PIXELS = 600
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def render(svg: Path, page: object) -> bytes:
    """The SVG drawn PIXELS wide on a clear background, as PNG bytes with its source's hash."""
    page.set_content(  # type: ignore[attr-defined]
        f'<html><body style="margin:0;background:transparent">'
        f'<img id="p" src="data:image/svg+xml;base64,{_base64(svg)}" width="{PIXELS}" height="{PIXELS}">'
        "</body></html>"
    )
    page.wait_for_function("document.getElementById('p').complete")  # type: ignore[attr-defined]
    shot = page.locator("#p").screenshot(omit_background=True)  # type: ignore[attr-defined]
    info = PngInfo()
    info.add_text("source-sha256", hashlib.sha256(svg.read_bytes()).hexdigest())
    out = io.BytesIO()
    Image.open(io.BytesIO(shot)).convert("RGBA").save(out, format="PNG", pnginfo=info, optimize=True)
    return out.getvalue()


def _base64(path: Path) -> str:
    import base64

    return base64.b64encode(path.read_bytes()).decode("ascii")


def main() -> int:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": PIXELS, "height": PIXELS})
        for svg in sorted(FOLDER.glob("*.svg")):
            svg.with_suffix(".png").write_bytes(render(svg, page))
            print(f"{svg.with_suffix('.png').relative_to(ROOT)}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
