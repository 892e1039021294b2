"""The page benchmark measures the app as people use it: every page inside app.py."""

from __future__ import annotations

import pytest
from streamlit.runtime.pages_manager import PagesManager

from benchmarks import pages


def test_a_page_is_measured_inside_app_py_with_its_sign_in_check_and_sidebar(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(PagesManager, "__init__", PagesManager.__init__)  # put back after the test
    pages.quiet_streamlit()
    with pages.data_folder(3), pages.as_administrator():
        app, _ = pages.open_page(pages.PAGES["checkpoint"])
        for _ in range(2):  # reruns too, as the benchmark times them
            assert "auth.sign_out" in [button.key for button in app.button]  # drawn by app.py only
            pages.rerun_ms(app)
