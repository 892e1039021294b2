"""Text size and high contrast: chosen in one place, shown in every place, kept for the whole visit."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from accessibility.texts import screen
from wtfc_collect.ui import display

TIMEOUT = 30
APP = str(Path(__file__).resolve().parents[2] / "app.py")


def two_places() -> None:  # run as a script by AppTest
    from wtfc_collect.ui import display

    display.controls("first")
    display.controls("second")
    display.apply()


def _styles(at: AppTest) -> str:
    return "\n".join(str(element.proto.body) for element in at.get("html"))


def test_a_choice_in_one_place_shows_in_the_other_and_styles_the_page() -> None:
    at = AppTest.from_function(two_places, default_timeout=TIMEOUT).run()
    assert [r.value for r in at.radio] == ["normal", "normal"]
    assert "font-size: 200%" not in _styles(at) and "High contrast" not in _styles(at)
    at.radio(key="display.first.size").set_value("larger").run()
    at.checkbox(key="display.second.contrast").check().run()
    assert [r.value for r in at.radio] == ["larger", "larger"]
    assert [c.value for c in at.checkbox] == [True, True]
    assert at.session_state[display.SIZE_KEY] == "larger" and at.session_state[display.CONTRAST_KEY]
    assert "html { font-size: 200% !important; }" in _styles(at)
    assert "High contrast" in _styles(at)
    at.radio(key="display.second.size").set_value("normal").run()
    at.checkbox(key="display.first.contrast").uncheck().run()
    assert [r.value for r in at.radio] == ["normal", "normal"] and not any(c.value for c in at.checkbox)
    assert "font-size: 200%" not in _styles(at) and "High contrast" not in _styles(at)
    assert all(key.startswith("display.") for key in at.session_state)


def test_every_page_has_the_choices_in_the_sidebar_and_keeps_them(data_dir: Path) -> None:
    # AppTest shows what app.py draws before st.navigation(...).run() only on a session's first run:
    # each check below starts a new AppTest, with the session state a browser session would have.
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception, at.exception
    t = screen("display")
    assert [r.label for r in at.sidebar.radio] == [t["size_label"]]
    assert list(at.sidebar.radio[0].options) == [t["size_normal"], t["size_large"], t["size_larger"]]
    assert [c.label for c in at.sidebar.checkbox] == [t["contrast_label"]]
    assert "font-size: 150%" not in _styles(at) and ":focus-visible" in _styles(at)
    at.sidebar.radio[0].set_value("large").run()
    assert at.session_state[display.SIZE_KEY] == "large"
    at.switch_page("pages/reviews.py").run()
    assert not at.exception, at.exception
    assert at.session_state[display.SIZE_KEY] == "large"

    again = AppTest.from_file(APP, default_timeout=TIMEOUT)
    again.session_state[display.SIZE_KEY] = "large"
    again.session_state[display.CONTRAST_KEY] = True
    again.run()
    assert again.sidebar.radio[0].value == "large" and again.sidebar.checkbox[0].value is True
    assert "html { font-size: 150% !important; }" in _styles(again) and "High contrast" in _styles(again)


def test_the_styles_are_fixed_text_with_a_focus_ring_always() -> None:
    for size in display.SIZES:
        for contrast in (False, True):
            css = display.css(size, contrast)
            assert css.count("<style>") == css.count("</style>") >= 1
            assert ":focus-visible" in css  # the keyboard focus ring is always there
            assert ("High contrast" in css) is contrast
            assert ("html { font-size" in css) is (size != "normal")
    assert display.ROOT_SIZE["larger"] == "200%" in display.css("larger", False)


def test_an_unknown_size_in_the_session_falls_back_to_normal() -> None:
    def page() -> None:
        import streamlit as st

        from wtfc_collect.ui import display

        st.session_state["display.size"] = "enormous"
        st.write(display.size())

    at = AppTest.from_function(page, default_timeout=TIMEOUT).run()
    assert at.markdown[0].value == "normal"
