"""The list of screens and who may see each. app.py turns this into ``st.navigation``.

The role sets are the services' own (``services.access``): a page is listed for a role exactly when
the use cases it is built on allow that role.
"""

from __future__ import annotations

from dataclasses import dataclass

from accessibility.texts import screen
from wtfc_collect.domain.access import Role
from wtfc_collect.services.access import ADMIN, COLLECTORS, FACILITATORS, PROJECT_ADMINS, QUALITY, STAFF

ALL_STAFF = STAFF
EVERYONE = STAFF | {Role.SELF_REVIEWER}
# The one page anyone may open without signing in.
OPEN_TO_ALL = "accessibility_statement"
# Where people in a workshop vote on their own phones with the workshop code: open without signing in,
# listed for nobody, and it reaches only the ballot the code belongs to.
VOTE = "vote"
OPEN_WITHOUT_SIGNING_IN = (OPEN_TO_ALL, VOTE)
NOBODY: frozenset[Role] = frozenset()


@dataclass(frozen=True)
class PageSpec:
    path: str
    title: str
    icon: str  # the name of a Material Symbol: its font comes with Streamlit, so no emoji font is needed
    section: str
    roles: frozenset[Role] = ALL_STAFF
    default: bool = False

    @property
    def symbol(self) -> str:
        """The icon as Streamlit takes it: ``":material/home:"``."""
        return f":material/{self.icon}:"


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/home.py", "Home", "home", "Start", default=True),
    PageSpec(
        "pages/project_setup.py",
        "Set up a project",
        "folder_open",
        "Step 1 – Prepare",
        roles=PROJECT_ADMINS,
    ),
    PageSpec("pages/reviews.py", "Reviews", "list_alt", "Step 2 – Collect", roles=COLLECTORS),
    PageSpec(
        "pages/review_with_person.py", "Review with a person", "forum", "Step 2 – Collect", roles=COLLECTORS
    ),
    PageSpec(
        "pages/self_review.py",
        "My review",
        "edit_note",
        "Step 2 – Collect",
        roles=COLLECTORS | {Role.SELF_REVIEWER},
    ),
    PageSpec(
        "pages/voice_answers.py", "Voice answers to write down", "mic", "Step 2 – Collect", roles=COLLECTORS
    ),
    PageSpec("pages/exchange.py", "Import and export reviews", "sync_alt", "Step 2 – Collect", roles=QUALITY),
    PageSpec("pages/checkpoint.py", "Quality checkpoint", "search", "Step 2 – Check quality", roles=QUALITY),
    PageSpec(
        "pages/check_statements.py", "Check statements", "rule", "Step 2 – Check quality", roles=QUALITY
    ),
    PageSpec("pages/participation.py", "Who takes part", "groups", "Step 3 – Theme", roles=FACILITATORS),
    PageSpec("pages/card_call.py", "Card call", "style", "Step 3 – Theme", roles=FACILITATORS),
    PageSpec("pages/priorities.py", "Priorities", "how_to_vote", "Step 3 – Theme", roles=FACILITATORS),
    PageSpec("pages/private_ballot.py", "Private ballot", "ballot", "Step 3 – Theme", roles=FACILITATORS),
    PageSpec("pages/theme_charts.py", "Themes in numbers", "bar_chart", "Step 3 – Theme", roles=FACILITATORS),
    PageSpec(
        "pages/keep_and_spread.py", "Keep and spread, and gaps", "eco", "Step 3 – Theme", roles=FACILITATORS
    ),
    PageSpec("pages/understand.py", "Understand: why?", "help", "Step 4 – Understand", roles=FACILITATORS),
    PageSpec(
        "pages/success.py", "What success looks like", "flag", "Step 5 – Identify success", roles=FACILITATORS
    ),
    PageSpec("pages/plan.py", "Ideas and plans", "lightbulb", "Step 6 – Plan", roles=FACILITATORS),
    PageSpec(
        "pages/progress_review.py",
        "Progress and review",
        "trending_up",
        "Steps 7 and 8 – Implement and review",
        roles=FACILITATORS,
    ),
    PageSpec(
        "pages/golden_thread.py",
        "Golden thread",
        "timeline",
        "Steps 7 and 8 – Implement and review",
        roles=FACILITATORS,
    ),
    PageSpec(
        "pages/learning_review.py",
        "Learning and review",
        "autorenew",
        "Steps 7 and 8 – Implement and review",
        roles=FACILITATORS,
    ),
    PageSpec(
        "pages/compare_cycles.py",
        "Compare cycles",
        "compare_arrows",
        "Steps 7 and 8 – Implement and review",
        roles=FACILITATORS,
    ),
    PageSpec("pages/audit_log.py", "Audit log", "history", "Administration", roles=QUALITY),
    PageSpec("pages/accounts.py", "Accounts", "group", "Administration", roles=ADMIN),
    PageSpec(
        "pages/accessibility_statement.py",
        "Accessibility statement",
        "accessibility",
        "About",
        roles=EVERYONE,
    ),
    PageSpec(f"pages/{VOTE}.py", "Vote", "how_to_vote", "Workshop", roles=NOBODY),
)


def title(spec: PageSpec, language: str) -> str:
    """The page's name in ``language``: the pages a person doing their own review sees have a Welsh name
    (``accessibility/texts/cy/sign_in.toml``, ``page_<name>``); staff pages keep their English one."""
    name = spec.path.removeprefix("pages/").removesuffix(".py")
    return screen("sign_in", language).get(f"page_{name}", spec.title)


def pages_for(role: Role) -> dict[str, list[PageSpec]]:
    """The pages a role may use, grouped by section in method order."""
    sections: dict[str, list[PageSpec]] = {}
    for spec in PAGES:
        if role in spec.roles:
            sections.setdefault(spec.section, []).append(spec)
    return sections


def may_open(role: Role | None, path: str) -> bool:
    """Whether ``role`` has the page at ``path`` in its navigation."""
    return role is not None and any(spec.path == path and role in spec.roles for spec in PAGES)
