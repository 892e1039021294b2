"""Text size and high contrast, kept for the whole visit. Owns the keys starting with ``display.``.

``sidebar()`` (called by app.py on every page) draws the two choices in the sidebar and applies them;
``controls()`` draws the same choices on a page (the own review's first screen). Both places show and
change one remembered setting. Every style is a fixed string from this module, never user text.

It also gives every page a clear keyboard focus ring, lets button labels wrap instead of being cut
off on narrow screens, and keeps the page's language (``<html lang>``) true to what is shown:
a page in Welsh calls ``page_language("cy")``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Final, Literal, get_args

import streamlit as st

from accessibility.pictures import png
from accessibility.texts import screen

Size = Literal["normal", "large", "larger"]
SIZES: Final[tuple[Size, ...]] = get_args(Size)
SIZE_KEY: Final = "display.size"  # the remembered choice, kept across pages
CONTRAST_KEY: Final = "display.contrast"
LANGUAGES: Final = ("en", "cy")
# The whole page scales with the root font size (Streamlit sizes text in rem). 200 % is WCAG's 1.4.4.
ROOT_SIZE: Final[dict[Size, str]] = {"normal": "100%", "large": "150%", "larger": "200%"}
_PREFIX: Final = "display."

FOCUS_CSS: Final = """
<style>
/* A clear focus ring on everything that takes keyboard focus (WCAG 2.4.7). */
.stApp :focus-visible, .stApp audio:focus {
  outline: 3px solid var(--wtfc-focus, #1B5E20) !important; outline-offset: 2px !important;
}
/* Radio buttons and checkboxes hide the real input: ring the label the person sees instead. */
.stApp label:has(input:focus-visible) {
  outline: 3px solid var(--wtfc-focus, #1B5E20); outline-offset: 2px; border-radius: 0.25rem;
}
/* Text boxes, dates and drop-downs: ring the visible box around the field. */
.stApp [data-testid="stTextAreaRootElement"]:focus-within,
.stApp [data-testid="stTextInputRootElement"]:focus-within,
.stApp [data-testid="stDateInputField"]:focus-within,
.stApp .react-aria-ComboBox [role="group"]:focus-within {
  outline: 3px solid var(--wtfc-focus, #1B5E20); outline-offset: 2px;
}
.stApp [data-testid="stTextAreaRootElement"] textarea:focus-visible,
.stApp [data-testid="stTextInputRootElement"] input:focus-visible,
.stApp .react-aria-ComboBox [role="group"] input:focus-visible { outline: none !important; }
/* A closed sidebar is out of sight: its links must not take keyboard focus either (WCAG 2.4.11). */
.stApp [data-testid="stSidebar"][data-collapsed="true"] { visibility: hidden; }
/* The sidebar's links sit in a scrolling box that would cut an outside ring off. */
.stApp [data-testid="stSidebarNav"] a:focus-visible { outline-offset: -3px !important; }
/* Keep a focused element clear of the fixed header when the page scrolls to it (WCAG 2.4.11). */
.stApp [data-testid="stMain"] { scroll-padding-top: 4.5rem; }
/* The arrow that opens a choice list is a target of its own: at least 24 × 24 px (WCAG 2.5.8). */
.stApp .react-aria-ComboBox button[aria-haspopup="listbox"] { min-height: 24px; min-width: 24px; }
/* Button labels and page names wrap on narrow screens or with large text, instead of being cut off. */
.stApp button [data-testid="stMarkdownContainer"] p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  overflow-wrap: anywhere;
}
.stApp button [data-testid="stMarkdownContainer"] { overflow: visible !important; }
.stApp [data-testid="stSidebarNavLink"] span {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
</style>
"""

_SIZE_CSS: Final[dict[Size, str]] = {
    "normal": "",
    "large": """
<style>
html { font-size: 150% !important; }
.stApp h1 { font-size: 2.25rem !important; }
.stApp h2 { font-size: 1.75rem !important; }
.stApp h3 { font-size: 1.4rem !important; }
</style>
""",
    "larger": """
<style>
html { font-size: 200% !important; }
.stApp h1 { font-size: 1.75rem !important; }
.stApp h2 { font-size: 1.5rem !important; }
.stApp h3 { font-size: 1.25rem !important; }
</style>
""",
}

CONTRAST_CSS: Final = """
<style>
/* High contrast: black on white, solid black edges, underlined links, a black focus ring. */
.stApp { --wtfc-focus: #000000; }
.stApp, .stApp [data-testid="stHeader"], .stApp [data-testid="stSidebar"],
.stApp [data-testid="stSidebarContent"], .stApp [data-testid="stBottomBlockContainer"] {
  background: #FFFFFF !important; color: #000000 !important;
}
.stApp [data-testid="stSidebar"] { border-right: 3px solid #000000 !important; }
.stApp p, .stApp li, .stApp span, .stApp label, .stApp h1, .stApp h2, .stApp h3, .stApp h4,
.stApp [data-testid="stCaptionContainer"], .stApp [data-testid="stText"], .stApp th, .stApp td {
  color: #000000 !important;
}
.stApp [data-testid="stCaptionContainer"], .stApp [data-testid="stWidgetLabel"] { opacity: 1 !important; }
.stApp a, .stApp a span { color: #00007A !important; text-decoration: underline !important; }
.stApp [data-testid="stSidebarNav"] a[aria-current="page"] { outline: 2px solid #000000; }
.stApp button { border: 2px solid #000000 !important; background: #FFFFFF !important; }
.stApp button, .stApp button * { color: #000000 !important; }
.stApp button[kind="primary"], .stApp button[data-testid="stBaseButton-primary"],
.stApp button[data-testid="stBaseButton-primaryFormSubmit"] { background: #000000 !important; }
.stApp button[kind="primary"] *, .stApp button[data-testid="stBaseButton-primary"] *,
.stApp button[data-testid="stBaseButton-primaryFormSubmit"] * { color: #FFFFFF !important; }
.stApp [data-testid="stTextAreaRootElement"], .stApp [data-testid="stTextInputRootElement"],
.stApp [data-testid="stDateInputField"], .stApp .react-aria-ComboBox [role="group"] {
  border: 2px solid #000000 !important; background: #FFFFFF !important;
}
.stApp textarea, .stApp input { color: #000000 !important; background: #FFFFFF !important; }
.stApp [data-testid="stAlertContainer"] {
  background: #FFFFFF !important; border: 2px solid #000000 !important;
}
.stApp [data-testid="stAlertContainer"] * { color: #000000 !important; }
.stApp label[data-testid="stRadioOption"] div, .stApp [data-testid="stCheckbox"] label div {
  border-color: #000000 !important;
}
.stApp hr { border-color: #000000 !important; }
</style>
"""

# Fixed text, run once per browser tab; it follows every change of the page:
# - keeps <html lang> true to the page: "cy" while a page marks itself Welsh, "en" otherwise, and puts
#   Streamlit's "Skip to main content" link in the page's language (the words come with the marker);
# - names Streamlit's file drop area a group: it comes as role="presentation" with a label, which screen
#   readers treat inconsistently (axe "presentation-role-conflict").
_PAGE_SCRIPT: Final = """
<script>
if (!window.wtfcPageWatch) {
  const apply = () => {
    const marker = document.querySelector("[data-wtfc-lang]");
    const wanted = marker ? marker.getAttribute("data-wtfc-lang") : "en";
    if (document.documentElement.lang !== wanted) { document.documentElement.lang = wanted; }
    const skip = document.querySelector('[data-testid="stSkipToContent"]');
    if (skip) {
      if (!skip.dataset.wtfcEnglish) { skip.dataset.wtfcEnglish = skip.textContent; }
      const words = (marker && marker.getAttribute("data-wtfc-skip")) || skip.dataset.wtfcEnglish;
      if (skip.textContent !== words) { skip.textContent = words; }
    }
    const zones = '[data-testid="stFileUploaderDropzone"][role="presentation"]';
    for (const zone of document.querySelectorAll(zones)) { zone.setAttribute("role", "group"); }
  };
  window.wtfcPageWatch = new MutationObserver(apply);
  window.wtfcPageWatch.observe(document.body, {childList: true, subtree: true});
  apply();
}
</script>
"""


# Streamlit's own hints under a text box ("Press Enter to apply", "Press ⌘+Enter to submit form") are
# English only: a Welsh page leaves them out (the buttons beside the boxes say what to do).
NO_ENGLISH_HINTS_CSS: Final = """
<style>
.stApp [data-testid="InputInstructions"] { display: none !important; }
</style>
"""


def page_icon() -> bytes:
    """The browser tab's icon: a pictogram shipped with the tool (an emoji would need an emoji font, a
    Material Symbol as a tab icon would be fetched from the internet)."""
    return png("we_do", 64)


def size() -> Size:
    """The text size chosen for this visit ("normal" until changed)."""
    chosen = st.session_state.get(SIZE_KEY)
    return next((s for s in SIZES if s == chosen), "normal")


def text_scale() -> float:
    """How much bigger than normal the chosen text size is (1, 1.5 or 2): for what is drawn in pixels."""
    return {"normal": 1.0, "large": 1.5, "larger": 2.0}[size()]


def high_contrast() -> bool:
    return bool(st.session_state.get(CONTRAST_KEY, False))


def css(chosen: Size, contrast: bool) -> str:
    """The fixed styles for a choice (always the focus ring and wrapping labels)."""
    return FOCUS_CSS + _SIZE_CSS[chosen] + (CONTRAST_CSS if contrast else "")


def _widget_key(place: str, setting: str) -> str:
    return f"{_PREFIX}{place}.{setting}"


def _remember(place: str) -> None:
    """on_change: keep what was chosen in one place, for every page and every place."""
    st.session_state[SIZE_KEY] = st.session_state.get(_widget_key(place, "size"), "normal")
    st.session_state[CONTRAST_KEY] = bool(st.session_state.get(_widget_key(place, "contrast"), False))


def controls(place: str, texts: Mapping[str, str] | None = None) -> None:
    """The text size choice and the high-contrast switch, showing the remembered setting.

    ``place`` names where they are drawn ("sidebar", "page"…), so two places can show them at once.
    """
    t = texts if texts is not None else screen("display")
    size_key, contrast_key = _widget_key(place, "size"), _widget_key(place, "contrast")
    st.session_state[size_key] = size()  # show what was chosen elsewhere too
    st.session_state[contrast_key] = high_contrast()
    names = {s: t[f"size_{s}"] for s in SIZES}
    st.radio(
        t["size_label"],
        SIZES,
        key=size_key,
        format_func=names.__getitem__,
        horizontal=True,
        on_change=_remember,
        args=(place,),
    )
    st.checkbox(t["contrast_label"], key=contrast_key, on_change=_remember, args=(place,))


def apply() -> None:
    """Send the styles for the current choice, and the language watch (takes no space on the page)."""
    st.html(css(size(), high_contrast()))


def sidebar(language: str = "en") -> None:
    """For app.py, on every page: the choices in the sidebar (in ``language``), then their styles."""
    with st.sidebar:
        controls("sidebar", screen("display", language))
        st.html(_PAGE_SCRIPT, unsafe_allow_javascript=True)
    apply()


def page_language(language: str) -> None:
    """Mark this page as written in ``language`` ("en" or "cy"), for screen readers and browsers. A page in
    Welsh also hides the English hints Streamlit puts under a box being typed in ("Press Enter to apply")."""
    chosen = language if language in LANGUAGES else "en"
    if chosen == "en":
        st.html('<div data-wtfc-lang="en" hidden></div>')
        return
    skip = html.escape(screen("display", chosen)["skip_link"], quote=True)  # a fixed text of ours
    st.html(f'<div data-wtfc-lang="{chosen}" data-wtfc-skip="{skip}" hidden></div>')
    st.html(NO_ENGLISH_HINTS_CSS)
