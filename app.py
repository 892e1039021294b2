"""WTfC Collect: page set-up, the store check, signing in and role-based navigation. No logic lives here."""

import streamlit as st

from wtfc_collect.domain.access import Role
from wtfc_collect.storage.port import StoreError
from wtfc_collect.ui import context, display, language, sign_in
from wtfc_collect.ui.navigation import OPEN_WITHOUT_SIGNING_IN, PAGES, pages_for, title

context.install_identity()  # the services check this session's signed-in user on every action
st.set_page_config(page_title="WTfC Collect", page_icon=display.page_icon(), layout="wide")

try:
    context.repository()
except StoreError as error:
    st.title("WTfC Collect cannot open its data")
    st.error(str(error))
    st.stop()


def _signed_in_pages() -> None:
    """Sign-in, or the pages of the signed-in user's role (their access checked again first)."""
    user = sign_in.signed_in_user()
    said = language.for_person(user)  # a person doing their own review sees everything in their language
    if user is None:
        # Every page is known (so a bookmarked address still works after signing in), none is listed, and
        # only the accessibility statement and the workshop vote (by its code) open without signing in.
        page = st.navigation(
            [st.Page(s.path, title=title(s, said), icon=s.symbol, default=s.default) for s in PAGES],
            position="hidden",
        )
        display.sidebar(said)
        if page.url_path in OPEN_WITHOUT_SIGNING_IN:
            page.run()
        else:
            sign_in.screen_for_signed_out()
        st.stop()

    if user.role is Role.SELF_REVIEWER:
        # The own review starts with the sidebar closed: on a tablet it takes a third of the screen, and its
        # choices (text size, high contrast) are on the review's first screen too.
        st.set_page_config(initial_sidebar_state="collapsed")

    # A flat list in method order: Streamlit's sectioned sidebar puts headings inside its <ul>, which
    # screen readers announce wrongly (axe "list" violation). Only the pages this role may use are listed;
    # the services check the role again on every action.
    specs = [spec for section in pages_for(user.role).values() for spec in section]
    first = not any(spec.default for spec in specs)
    pages = [
        st.Page(
            spec.path, title=title(spec, said), icon=spec.symbol, default=spec.default or (first and i == 0)
        )
        for i, spec in enumerate(specs)
    ]
    page = st.navigation(pages, expanded=True)  # every page listed, no "View more" to find
    display.sidebar(said)  # text size and high contrast, on every page (drawn after st.navigation: kept)
    sign_in.sidebar_account(user)
    sign_in.idle_watch()  # an untouched page signs itself out when the time is up
    page.run()


try:
    with context.one_version_per_run():  # the shared database is asked for its version once a run
        _signed_in_pages()
except StoreError as error:  # the shared database went away mid-session (while checking who is signed in,
    st.error(str(error))  # or on a page): say so in plain words and stop here: a stopped run keeps the
    st.stop()  # values of the fields it did not draw, so typed words are there when the database is back
