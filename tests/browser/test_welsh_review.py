"""A whole own review in Welsh in a real Chromium, from the code screen: the person chooses Cymraeg before
typing their code, makes a mistake, answers, picks, skips, checks and sends, then reads the accessibility
statement. On every screen, every word the browser shows (the page and its sidebar) must be a Welsh word
of the open Welsh dictionary (tests/data/hunspell/), a name on its allow-list, or words the person typed,
and axe finds nothing on it."""

from __future__ import annotations

from typing import Any

import pytest

from accessibility.texts import screen
from tests.welsh import unknown_words, words
from wtfc_collect import bootstrap
from wtfc_collect.domain import Question, Review, ReviewStatus

from .conftest import RunningApp
from .helpers import (
    SIGN_IN_TITLE,
    TIMEOUT,
    answer,
    answer_box,
    axe_details,
    axe_violations,
    click,
    follow_link,
    heading,
    new_page,
    page_checks,
    pick,
    received,
    settle,
    wait_text,
)

pytestmark = pytest.mark.browser
SR, SI = screen("self_review", "cy"), screen("sign_in", "cy")
MESSAGES, STATEMENT = screen("messages", "cy"), screen("accessibility_statement", "cy")
TYPED = ("Canu yn y côr", "Fy nghi Mot", "Paned gyda Mam", "Mynd i'r traeth")
# Names that may show on a Welsh screen: the other language's own name on the language choice.
NAMES = frozenset({"English"})


# The words the browser shows. Icons are drawn from a font by their names ("volume_up" is a loudspeaker):
# they are pictures, not words, so they are left out while the text is read.
SHOWN_TEXT = """() => {
  // Icons are Material Symbols: their names ("error", "add") are ligatures, drawn as pictures, not words.
  const icons = [...document.querySelectorAll("span, i")].filter(
    (el) => getComputedStyle(el).fontFamily.includes("Material Symbols"));
  const before = icons.map((el) => el.style.display);
  icons.forEach((el) => { el.style.display = "none"; });
  try {
    return document.body.innerText;
  } finally {
    icons.forEach((el, i) => { el.style.display = before[i]; });
  }
}"""


class Screens:
    """Every screen seen, with any word on it that is not Welsh."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.seen: list[str] = []
        self.english: dict[str, list[str]] = {}
        self.inaccessible: dict[str, str] = {}

    def look(self, where: str) -> None:
        settle(self.page)
        shown = str(self.page.evaluate(SHOWN_TEXT))
        typed = frozenset(w for t in TYPED for w in words(t))
        strange = unknown_words(shown, also=NAMES | typed)
        if strange:
            self.english[where] = strange
        lang = self.page.evaluate("() => document.documentElement.lang")
        if lang != "cy":
            self.english.setdefault(where, []).append(f'<html lang="{lang}">')
        violations = axe_violations(self.page)  # the Welsh screens meet WCAG as the English ones do
        too_small = page_checks(self.page)["too_small"]
        if violations or too_small:
            self.inaccessible[where] = axe_details(violations) + (
                f" too small: {too_small}" if too_small else ""
            )
        self.seen.append(where)


def test_a_whole_own_review_in_welsh_from_the_code_screen(browser: Any, app_server: RunningApp) -> None:
    code = app_server.own_review("CY-BR-1")
    page = new_page(browser)
    screens = Screens(page)
    try:
        page.goto(app_server.url, wait_until="domcontentloaded")
        page.get_by_role("heading", name=SIGN_IN_TITLE, exact=True).wait_for(timeout=TIMEOUT)
        settle(page)
        before = received(page)
        page.get_by_text("Cymraeg", exact=True).click()  # the language, before the code
        settle(page, before)
        page.get_by_role("heading", name=SI["title"], exact=True).wait_for(timeout=TIMEOUT)
        screens.look("the code screen")

        box = page.get_by_label(SI["code_label"], exact=True)
        box.fill("AAAA-AAAA")
        click(page, SI["code_button"])
        wait_text(page, MESSAGES["code_refused"])
        screens.look("a wrong code")
        box.fill(code)
        click(page, SI["code_button"])
        page.get_by_role("heading", name=SR["title"], exact=True).wait_for(timeout=TIMEOUT)
        wait_text(page, SR["consent_heading"])
        screens.look("may we use your words")

        click(page, SR["consent_yes"])
        wait_text(page, SR["question_of"].format(n=1))
        click(page, SR["add_button"])  # nothing typed yet
        wait_text(page, SR["empty"])
        screens.look("question 1, nothing typed")
        for said in TYPED[:3]:
            answer(page, said, label=SR["write_label"], add=SR["add_button"])
        click(page, SR["next"])
        wait_text(page, SR["pick_first"])
        screens.look("question 1, pick first")
        pick(page, "Fy nghi Mot", SR["pick"])
        answer_box(page, "Fy nghi Mot").get_by_text(SR["first_choice"], exact=True).wait_for()
        pick(page, "Canu yn y côr", SR["pick"])
        answer_box(page, "Canu yn y côr").get_by_text(SR["second_choice"], exact=True).wait_for()
        screens.look("question 1, top two")
        click(page, SR["next"])

        wait_text(page, SR["question_of"].format(n=2))
        click(page, SR["skip_button"])
        wait_text(page, SR["skipped"])
        screens.look("question 2, skipped")
        click(page, SR["next"])

        wait_text(page, SR["question_of"].format(n=3))
        answer(page, TYPED[3], label=SR["write_label"], add=SR["add_button"])
        screens.look("question 3")
        click(page, SR["next"])

        wait_text(page, SR["check_heading"])
        screens.look("check your answers")
        click(page, SR["send"])
        wait_text(page, SR["thanks_text"])
        screens.look("thank you")

        follow_link(page, SI["page_accessibility_statement"])
        assert heading(page) == STATEMENT["title"]
        wait_text(page, STATEMENT["limits_heading"])
        screens.look("the accessibility statement")
    finally:
        page.close()

    assert len(screens.seen) == 11, screens.seen
    assert not screens.english, f"not Welsh, by screen: {screens.english}"
    assert not screens.inaccessible, screens.inaccessible
    repo = bootstrap.build_repository(app_server.data_dir)
    sent = next(r for r in repo.find(Review) if r.person_ref == "CY-BR-1")
    assert sent.status is ReviewStatus.SUBMITTED and sent.language == "cy"
    assert [s.text for s in sent.prioritised(Question.WORKING)] == ["Fy nghi Mot", "Canu yn y côr"]
    assert sent.declined == [Question.NOT_WORKING]
