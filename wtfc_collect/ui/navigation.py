"""The list of screens and who may see each. app.py turns this into ``st.navigation``.

Roles arrive with sign-in; until then everyone using the app locally is staff (``None``).
"""

from __future__ import annotations

from dataclasses import dataclass

ALL_STAFF = frozenset({"administrator", "reviewer", "quality_lead", "facilitator"})
EVERYONE = ALL_STAFF | {"self_reviewer"}
COLLECTORS = frozenset({"administrator", "reviewer", "quality_lead"})
QUALITY = frozenset({"administrator", "quality_lead"})
FACILITATORS = frozenset({"administrator", "facilitator", "quality_lead"})


@dataclass(frozen=True)
class PageSpec:
    path: str
    title: str
    icon: str
    section: str
    roles: frozenset[str] = ALL_STAFF
    default: bool = False


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/home.py", "Home", "🏠", "Start", default=True),
    PageSpec(
        "pages/project_setup.py",
        "Set up a project",
        "🗂️",
        "Step 1 – Prepare",
        roles=frozenset({"administrator", "quality_lead"}),
    ),
    PageSpec("pages/reviews.py", "Reviews", "📋", "Step 2 – Collect", roles=COLLECTORS),
    PageSpec(
        "pages/review_with_person.py", "Review with a person", "🗣️", "Step 2 – Collect", roles=COLLECTORS
    ),
    PageSpec(
        "pages/self_review.py", "My review", "✍️", "Step 2 – Collect", roles=COLLECTORS | {"self_reviewer"}
    ),
    PageSpec(
        "pages/voice_answers.py", "Voice answers to write down", "🎙️", "Step 2 – Collect", roles=COLLECTORS
    ),
    PageSpec("pages/exchange.py", "Import and export reviews", "🔄", "Step 2 – Collect", roles=QUALITY),
    PageSpec("pages/checkpoint.py", "Quality checkpoint", "🔎", "Step 2 – Check quality", roles=QUALITY),
    PageSpec("pages/triage.py", "Check statements", "✅", "Step 2 – Check quality", roles=QUALITY),
    PageSpec("pages/card_call.py", "Card call", "🃏", "Step 3 – Theme", roles=FACILITATORS),
    PageSpec("pages/priorities.py", "Priorities", "🔴", "Step 3 – Theme", roles=FACILITATORS),
    PageSpec("pages/theme_charts.py", "Themes in numbers", "📊", "Step 3 – Theme", roles=FACILITATORS),
    PageSpec("pages/understand.py", "Understand: why?", "❓", "Step 4 – Understand", roles=FACILITATORS),
    PageSpec(
        "pages/success.py", "What success looks like", "🎯", "Step 5 – Identify success", roles=FACILITATORS
    ),
    PageSpec("pages/plan.py", "Ideas and plans", "💡", "Step 6 – Plan", roles=FACILITATORS),
    PageSpec(
        "pages/progress_review.py",
        "Progress and review",
        "📈",
        "Steps 7 and 8 – Implement and review",
        roles=FACILITATORS,
    ),
    PageSpec(
        "pages/golden_thread.py",
        "Golden thread",
        "🧵",
        "Steps 7 and 8 – Implement and review",
        roles=FACILITATORS,
    ),
    PageSpec("pages/accessibility_statement.py", "Accessibility statement", "♿", "About", roles=EVERYONE),
)


def pages_for(role: str | None) -> dict[str, list[PageSpec]]:
    """The pages a role may use, grouped by section in method order. ``None``: local use, all staff pages."""
    sections: dict[str, list[PageSpec]] = {}
    for spec in PAGES:
        if role is None or role in spec.roles:
            sections.setdefault(spec.section, []).append(spec)
    return sections
