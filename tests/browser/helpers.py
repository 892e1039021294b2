"""What the browser tests share: waiting for Streamlit, axe, focus rings, target sizes and reflow.

Waiting for Streamlit: a script added to every page counts the messages the server sends over the
WebSocket and watches the run state Streamlit puts on its root element (``data-test-script-state``).
After a keystroke or click that makes the page run again, ``settle(page, before)`` waits until a message
has come since (the run started), the state is "notRunning" and nothing has changed for a short while.
Counting messages, not states, matters: under load React may show "running" and "notRunning" in one
paint, so a run can finish without the state ever being seen to change.

Signing in: the sign-in in Streamlit lives in the browser session only, and every ``page.goto`` (a full
page load) starts a new session, signed out. ``open_page`` signs in after loading (then the page asked
for shows); to see more pages in one session, ``follow_link`` uses the sidebar's links. A person doing
their own review opens it with the link they are given (``open_own_review``: ``/?code=…``).
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

from wtfc_collect.demo.accounts import DEMO_USERS
from wtfc_collect.domain.access import Role

from .conftest import TEST_PASSWORD, RunningApp

TIMEOUT = 30_000
QUIET_MS = 300
SIGN_IN_TITLE = "Sign in to WTfC Collect"
OWN_REVIEW_TITLE = "My review"
ACCOUNTS: dict[Role, str] = {role: username for username, _, role in DEMO_USERS}  # the demo accounts

RUN_WATCH = """
(() => {
  const watch = window.__wtfcRuns = {received: 0, state: null, changed: performance.now()};
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", () => { watch.received += 1; watch.changed = performance.now(); });
    }
  };
  new MutationObserver(() => {
    const app = document.querySelector('[data-testid="stApp"]');
    const state = app ? app.getAttribute("data-test-script-state") : null;
    if (state !== watch.state) { watch.state = state; watch.changed = performance.now(); }
  }).observe(document, {subtree: true, childList: true, attributes: true,
                        attributeFilter: ["data-test-script-state"]});
})();
"""

_SETTLED = """([after, quiet]) => {
  const w = window.__wtfcRuns;
  return !!w && w.state === "notRunning" && w.received > after && performance.now() - w.changed >= quiet;
}"""


def new_page(browser: Any, width: int = 1024, height: int = 900) -> Any:
    page = browser.new_page(viewport={"width": width, "height": height})
    page.add_init_script(RUN_WATCH)
    page.set_default_timeout(TIMEOUT)
    return page


def received(page: Any) -> int:
    """How many messages the server has sent so far: pass it to ``settle`` after an action."""
    return int(page.evaluate("() => window.__wtfcRuns ? window.__wtfcRuns.received : 0"))


def settle(page: Any, after: int = -1) -> None:
    """Wait until Streamlit is not running and quiet (and, with ``after``, has answered since then)."""
    page.wait_for_function(_SETTLED, arg=[after, QUIET_MS], timeout=TIMEOUT)


def open_page(
    browser: Any,
    app: RunningApp,
    path: str = "",
    width: int = 1024,
    height: int = 900,
    *,
    role: Role | None = Role.ADMINISTRATOR,
) -> Any:
    """A new browser page at ``path``, signed in as ``role`` (``None``: signed out, as loaded).

    Every ``goto`` is a new Streamlit session, signed out: the sign-in screen shows first, and the page
    asked for opens once signed in."""
    page = new_page(browser, width, height)
    page.goto(f"{app.url}/{path}", wait_until="domcontentloaded")
    page.wait_for_selector("h1", timeout=TIMEOUT)
    settle(page)
    if role is not None:
        sign_in(page, role)
    return page


def heading(page: Any) -> str:
    return str(page.locator("h1").first.inner_text()).strip()


def _signed_in(page: Any) -> None:
    """Wait until the sign-in screen has given way to a page (with the account's "Sign out")."""
    page.get_by_role("button", name="Sign out", exact=True).wait_for(state="attached", timeout=TIMEOUT)
    page.wait_for_function(
        "(title) => { const h = document.querySelector('h1'); return h && h.innerText.trim() !== title; }",
        arg=SIGN_IN_TITLE,
        timeout=TIMEOUT,
    )
    settle(page)


def sign_in(page: Any, role: Role) -> None:
    """On the sign-in screen: the demo account for ``role`` signs in (mouse and typing)."""
    page.get_by_role("heading", name=SIGN_IN_TITLE, exact=True).wait_for(timeout=TIMEOUT)
    settle(page)
    page.get_by_label("Username", exact=True).fill(ACCOUNTS[role])
    page.get_by_label("Password", exact=True).fill(TEST_PASSWORD)
    click(page, "Sign in")
    _signed_in(page)


def open_own_review(browser: Any, app: RunningApp, code: str, width: int = 1024, height: int = 900) -> Any:
    """A new browser page with the link a person is given (``/?code=…``): their own review opens."""
    page = new_page(browser, width, height)
    page.goto(f"{app.url}/?code={code}", wait_until="domcontentloaded")
    page.get_by_role("heading", name=OWN_REVIEW_TITLE, exact=True).wait_for(timeout=TIMEOUT)
    settle(page)
    return page


def nav_links(page: Any) -> list[str]:
    """The names of the pages the sidebar offers (every one, also those behind "View more")."""
    settle(page)
    nav = page.get_by_test_id("stSidebarNav")
    more = nav.get_by_text(re.compile(r"^View \d+ more$"))
    if more.count():
        more.click()
    return [str(name).strip().splitlines()[-1].strip() for name in nav.get_by_role("link").all_inner_texts()]


def wait_style(page: Any, element: str, name: str, expected: str) -> None:
    """Wait until ``getComputedStyle(element)[name]`` is ``expected`` (``element``: "html" or "body"), then
    check it: a run's styles can reach the page a moment after ``settle`` returns, when a busy server
    pauses between the first message of a run and the rest (see the note at the top)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    read = f"() => getComputedStyle(document.querySelector({element!r}))[{name!r}]"
    with contextlib.suppress(PlaywrightTimeout):  # the check below then says what was found instead
        page.wait_for_function(f"(expected) => ({read})() === expected", arg=expected, timeout=TIMEOUT)
    assert page.evaluate(read) == expected


def follow_link(page: Any, name: str) -> None:
    """Go to another page with its link in the sidebar (the same session: still signed in)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    settle(page)
    sidebar = page.get_by_test_id("stSidebar")
    if sidebar.get_attribute("data-collapsed") == "true":  # the own review starts with it closed: open it
        page.get_by_test_id("stExpandSidebarButton").click()
        page.wait_for_function(
            "() => document.querySelector('[data-testid=\"stSidebar\"]').getAttribute('data-collapsed')"
            " === 'false'"
        )
    nav = page.get_by_test_id("stSidebarNav")
    link = nav.get_by_role("link", name=name, exact=True)
    if link.count() == 0:  # Streamlit lists ten pages, then "View 10 more"
        nav.get_by_text(re.compile(r"^View \d+ more$")).click()
        link.wait_for(timeout=TIMEOUT)
    was = page.url
    for attempt in range(3):
        before = received(page)
        link.click()
        try:  # a click while the sidebar is redrawn can be lost: then click again
            page.wait_for_function("(was) => location.href !== was", arg=was, timeout=5_000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            settle(page)
    settle(page, before)
    page.locator("h1").first.wait_for(timeout=TIMEOUT)


def wait_text(page: Any, text: str) -> None:
    page.get_by_text(text, exact=False).first.wait_for(timeout=TIMEOUT)


def button(page: Any, name: str) -> Any:
    return page.get_by_role("button", name=name, exact=True)


def click(page: Any, name: str) -> None:
    """A mouse click that makes Streamlit run the page again; returns when that run is over."""
    settle(page)
    before = received(page)
    button(page, name).click()
    settle(page, before)


# --- axe --------------------------------------------------------------------------------------------------
def axe_violations(page: Any) -> list[dict[str, Any]]:
    from axe_playwright_python.sync_playwright import Axe

    settle(page)
    return list(Axe().run(page).response["violations"])


def axe_summary(where: str, violations: list[dict[str, Any]]) -> str:
    found = ", ".join(f"{v['id']} ({v['impact']}, {len(v['nodes'])})" for v in violations)
    return f"{where}: {len(violations)} violation(s)" + (f": {found}" if found else "")


def summary_line(where: str, violations: list[dict[str, Any]], checks: dict[str, Any]) -> str:
    """One line for the end of the test run: axe's findings and the target sizes on one screen."""
    small = len(checks["too_small"])
    return f"{axe_summary(where, violations)}; {checks['count']} targets, {small} too small"


def axe_details(violations: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{v['id']} [{v['impact']}] {v['help']}: " + "; ".join(str(n["target"][0]) for n in v["nodes"][:5])
        for v in violations
    )


# --- focus ------------------------------------------------------------------------------------------------
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) { return null; }
  const shown = (n) => {
    const r = n.getBoundingClientRect(), s = getComputedStyle(n);
    return r.width >= 4 && r.height >= 4 && s.visibility !== "hidden" && parseFloat(s.opacity) > 0;
  };
  const outline = (s) => s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
  const shadow = (s) => s.boxShadow !== "none" && s.boxShadow.split(/,(?![^(]*\\))/).some((part) => {
    const px = part.match(/-?\\d+(\\.\\d+)?px/g) || [];
    return px.length >= 4 && parseFloat(px[3]) >= 2;  // a ring: a spread of 2 px or more
  });
  // A radio button or checkbox hides its real input: the ring must be on what the person sees.
  const seen = el.matches('input[type="radio"], input[type="checkbox"]') ? (el.closest("label") || el) : el;
  let ring = null;
  const own = getComputedStyle(seen);
  if (shown(seen) && (outline(own) || shadow(own))) { ring = seen; }
  for (let n = seen.parentElement, i = 0; !ring && n && i < 4; n = n.parentElement, i += 1) {
    if (shown(n) && outline(getComputedStyle(n))) { ring = n; }
  }
  // Its name as a screen reader has it: an icon's ligature ("add", "volume_up") is hidden from it.
  const heard = (n) => {
    if (!n.querySelector('[aria-hidden="true"]')) { return n.innerText; }
    const copy = n.cloneNode(true);
    copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return copy.textContent;
  };
  const name = (el.getAttribute("aria-label") || (el.labels && el.labels[0] && el.labels[0].innerText)
                || heard(el) || el.value || el.tagName).replace(/\\s+/g, " ").trim().slice(0, 60);
  let obscured = false;
  if (ring) {
    const r = ring.getBoundingClientRect();
    const x = Math.min(Math.max(r.left + r.width / 2, 1), window.innerWidth - 1);
    // Near the top of a control; in the middle of a region taller than half the window (the main area,
    // which Chromium lets a scrolling region take focus): its top edge may sit under the fixed toolbar.
    const down = r.height > window.innerHeight / 2 ? r.height / 2 : Math.min(r.height / 2, 12);
    const y = Math.min(Math.max(r.top + down, 1), window.innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    obscured = !hit || !(ring.contains(hit) || hit.contains(ring) || el.contains(hit));
    if (obscured) { obscured = `${hit ? hit.outerHTML.slice(0, 120) : "nothing"} at ${x},${y}`; }
  }
  return {tag: el.tagName, name: name, ring: ring ? ring.tagName : null, obscured: obscured};
}"""


def focused(page: Any) -> dict[str, Any] | None:
    """What has keyboard focus: its tag, name, whether a focus ring shows and whether it is covered."""
    found = page.evaluate(FOCUS)
    return dict(found) if found else None


# --- targets, dragging, tooltips, autoplay, reflow --------------------------------------------------------
TARGETS = """() => {
  const seen = new Set(), targets = [];
  const selector = 'button, a[href], [role="button"], [role="tab"], [role="option"], [role="switch"], '
    + 'summary, select, textarea, input:not([type="hidden"])';
  for (const node of document.querySelectorAll(selector)) {
    let el = node;
    if (el.matches('input[type="radio"], input[type="checkbox"]')) {
      el = el.closest("label") || el;  // the hit area is the whole label
    }
    if (seen.has(el)) { continue; }
    seen.add(el);
    const s = getComputedStyle(el), r = el.getBoundingClientRect();
    if (s.visibility === "hidden" || s.display === "none" || parseFloat(s.opacity) === 0) { continue; }
    if (r.width === 0 || r.height === 0 || r.right <= 0 || r.bottom <= 0) { continue; }  // not on screen
    if (el.closest('[data-testid="stSkipToContent"]')) { continue; }  // shown only when focused
    // Inside a closed expander: laid out (Chromium measures it) but inert and not shown.
    const fold = el.closest("details");
    if (el.closest("[inert]") || (fold && !fold.open && !el.closest("summary"))) { continue; }
    if (el.matches("a") && el.closest('[data-testid="stMarkdownContainer"] p, '
                                       + '[data-testid="stMarkdownContainer"] li')) { continue; }  // inline
    const text = (el.getAttribute("aria-label") || el.innerText || el.tagName).replace(/\\s+/g, " ");
    targets.push({name: text.trim().slice(0, 50), left: r.left, top: r.top, width: r.width,
                  height: r.height});
  }
  const small = targets.filter((t) => t.width < 23.5 || t.height < 23.5);
  // WCAG 2.5.8 spacing: a small target passes if a 24 px circle on its centre touches no other target.
  const centre = (t) => [t.left + t.width / 2, t.top + t.height / 2];
  const touches = (t, o) => {
    const [x, y] = centre(t);
    const dx = Math.max(o.left - x, 0, x - (o.left + o.width));
    const dy = Math.max(o.top - y, 0, y - (o.top + o.height));
    return Math.hypot(dx, dy) < 12;
  };
  const crowded = small.filter((t) => targets.some((o) => o !== t && touches(t, o)));
  return {count: targets.length,
          too_small: crowded.map((t) => `${t.name} (${Math.round(t.width)}x${Math.round(t.height)})`)};
}"""

PAGE_RULES = """() => ({
  draggable: document.querySelectorAll('[draggable="true"]').length,
  autoplay: document.querySelectorAll("audio[autoplay], video[autoplay]").length,
  tooltips: document.querySelectorAll('[data-testid="stTooltipIcon"]').length,
})"""

REFLOW = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const scrollers = [document.documentElement, document.body, main].filter(Boolean);
  const sideways = scrollers.filter((e) => e.scrollWidth > e.clientWidth + 1)
                            .map((e) => `${e.tagName} ${e.scrollWidth}>${e.clientWidth}`);
  if (document.documentElement.scrollWidth > window.innerWidth + 1) { sideways.push("document"); }
  const inMain = ["button", "textarea", "input"].map((tag) => `[data-testid="stMain"] ${tag}`).join(", ");
  const boxes = [...new Set([...document.querySelectorAll(inMain)].map(
      (e) => e.matches('input[type="radio"], input[type="checkbox"]') ? (e.closest("label") || e) : e))]
    .map((e) => ({e, r: e.getBoundingClientRect()}))
    .filter(({r}) => r.width > 0 && r.height > 0);
  const overlaps = [];
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const a = boxes[i], b = boxes[j];
      if (a.e.contains(b.e) || b.e.contains(a.e)) { continue; }
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 1 && h > 1) {
        const name = (e) => (e.innerText || e.tagName).slice(0, 30);
        overlaps.push(`${name(a.e)} / ${name(b.e)}`);
      }
    }
  }
  const cut = [...document.querySelectorAll('[data-testid="stMain"] *')]
    .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1
                   && getComputedStyle(e).visibility !== "hidden")
    .map((e) => `${e.tagName} ${(e.innerText || "").slice(0, 30)}`).slice(0, 5);
  return {sideways, overlaps, beyond_the_edge: cut, width: window.innerWidth};
}"""


def page_checks(page: Any) -> dict[str, Any]:
    """Target sizes (WCAG 2.5.8), draggable elements, tooltips and autoplaying sound on this page."""
    return {**page.evaluate(TARGETS), **page.evaluate(PAGE_RULES)}


def reflow(page: Any) -> dict[str, Any]:
    return dict(page.evaluate(REFLOW))


def answer(page: Any, words: str, label: str = "Write one thing here", add: str = "Add this") -> None:
    """Type an answer with the mouse and keyboard, then add it; returns once it is on the screen."""
    box = page.get_by_label(label, exact=True)
    settle(page)
    before = received(page)
    box.fill(words)
    box.press("Tab")  # Streamlit takes the text when the box loses focus, and runs the page again
    settle(page, before)
    click(page, add)
    page.get_by_text(words).first.wait_for(timeout=TIMEOUT)  # the answer, in its box


def answer_box(page: Any, words: str) -> Any:
    """The box of one answer on the own review (its words, Listen, Pick and Take out)."""
    boxes = page.locator('[class*="st-key-self_review_answer_"]')
    return boxes.filter(has=page.get_by_text(words, exact=True)).first


def pick(page: Any, words: str, label: str = "Pick this") -> None:
    """On the own review: press *Pick this* (``label``, in the page's language) in the box of the answer
    ``words``; returns once the page ran."""
    settle(page)
    before = received(page)
    answer_box(page, words).get_by_role("button", name=label, exact=True).click()
    settle(page, before)


def picked(page: Any, words: str, number: int, mark: str = "Number {n}") -> None:
    """Wait until the answer ``words`` is marked as the person's number 1 or 2 (``mark``: how the page
    says it, in its language)."""
    answer_box(page, words).get_by_text(mark.format(n=number), exact=True).wait_for(timeout=TIMEOUT)
