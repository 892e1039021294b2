"""Start the app: ``python -m wtfc_collect.ui.serve [streamlit options]`` (``make run`` uses this).

It is ``streamlit run app.py`` with one difference. With a ``pages/`` folder next to app.py, Streamlit
starts in its old multipage mode: until some browser has opened the home page, a visit straight to a
page's address (say ``/reviews``) would run that page file without app.py — without the sign-in and
the role's list of pages. Turning that mode off before the server starts makes app.py run every time.
(The services check the role on every action anyway, so even then nothing could be read or changed.)
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parents[2] / "app.py"


def main(argv: list[str]) -> None:
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(APP), *argv]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
