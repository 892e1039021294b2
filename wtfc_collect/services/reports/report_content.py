"""What goes into the WTfC report and the easy-read "You said, we did" (the documents package lays them out).

People who took part appear as numbers only: never a name or a reference. Their words appear only as
the confirmed workshop copies of statements that may go to a workshop (``triage.workshop_statements``:
sent in with consent, accepted, workshop copy confirmed, not withdrawn), read afresh on every call, so a
review withdrawn since drops out of every count and quote. A project with no workshop yet still gives a
report: the documents say "not done yet" where a step has nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime

from wtfc_collect.documents.report import (
    ActionLine,
    ChainLine,
    Count,
    GridLine,
    IdeaLine,
    MeasureLine,
    PriorityTheme,
    QuestionThemes,
    SuccessLine,
    ThemeLine,
    VoteLine,
    WtfcReport,
)
from wtfc_collect.documents.report_review import ThreadLine
from wtfc_collect.documents.you_said import Doing, SaidTheme, YouSaidWeDid
from wtfc_collect.domain import (
    ActionPlan,
    Measure,
    MeasureKind,
    Project,
    Question,
    Review,
    ReviewMode,
    Theme,
)
from wtfc_collect.domain.golden_thread import evidence
from wtfc_collect.domain.plan import (
    ACTION_STATUS_LABELS,
    IDEA_KIND_LABELS,
    PLAN_FIELDS,
    QUADRANT_LABELS,
    QUADRANT_MEANING,
    SCORE_LABELS,
    by_quadrant,
)
from wtfc_collect.domain.theme import Card
from wtfc_collect.services.access import FACILITATORS, guard
from wtfc_collect.services.prepare.project_setup import get_project
from wtfc_collect.services.reports import learning_review
from wtfc_collect.services.workshop import (
    golden_thread,
    participation,
    plan,
    priorities,
    private_ballot,
    progress_review,
    success,
    understand,
)
from wtfc_collect.services.workshop.theme_charts import NOT_RECORDED, theme_label
from wtfc_collect.services.workshop.themes import cards as cards_now
from wtfc_collect.storage.port import Repository

QUESTIONS = (Question.WORKING, Question.NOT_WORKING, Question.FUTURE)
MODE_LABELS = {ReviewMode.WITH_STAFF: "With a member of staff", ReviewMode.SELF: "Own review"}
QUOTES = 10  # statements quoted for each priority theme; the rest are counted
NOT_PLACED = "Not placed yet"
# "You said, we did": how many themes of each question to tell people about.
SAID_THEMES = {Question.WORKING: 3, Question.NOT_WORKING: 5, Question.FUTURE: 3}


def _usable_reviews(repo: Repository, project_id: str) -> list[Review]:
    return [r for r in repo.find(Review, project_id=project_id) if r.usable]


def _by(values: Iterable[str | None], known: list[str]) -> list[Count]:
    """How many of each value, in the project's own order, then others; empty when none is recorded."""
    counts = Counter(value or NOT_RECORDED for value in values)
    if set(counts) <= {NOT_RECORDED}:
        return []
    order = {name: place for place, name in enumerate(known)}
    names = sorted(counts, key=lambda n: (n == NOT_RECORDED, order.get(n, len(order)), n))
    return [Count(name, counts[name]) for name in names]


def _scope(project: Project) -> list[tuple[str, str]]:
    sample = project.sample_plan
    rows = [("Level", f"{project.level.label}: {project.level.description}")]
    rows += [
        (name, value.strip())
        for name, value in (
            ("What we collected", sample.what),
            ("How", sample.how),
            ("Who collected", sample.who),
            ("Where from", sample.where),
            ("When", sample.when),
        )
        if value.strip()
    ]
    if sample.target_reviews:
        rows.append(("Reviews wanted", str(sample.target_reviews)))
    if project.checkpoint_date:
        rows.append(("Quality checkpoint", f"{project.checkpoint_date:%d/%m/%Y}"))
    if project.people_at_level:
        rows.append(("People at this level", str(project.people_at_level)))
    if project.collection_start:
        rows.append(("Collecting started", f"{project.collection_start:%d/%m/%Y}"))
    if project.workshop_dates:
        rows.append(("Workshops", ", ".join(f"{d:%d/%m/%Y}" for d in sorted(project.workshop_dates))))
    return rows


def _number(value: float | None, unit: str | None = None, *, sign: bool = False) -> str:
    """ "1,500,000", "40.5", "+3" (at most two decimals, never 1.5e+06), with the unit if there is one."""
    if value is None:
        return "–"
    text = f"{value:{'+' if sign else ''},.2f}".rstrip("0").rstrip(".")
    return text + (f" {unit}" if unit else "")


def _measure_text(measure: Measure) -> str:
    how = measure.how_we_will_know.strip()
    source = f" How we will know: {how}" if how else ""
    if measure.kind is MeasureKind.WORDS:
        return f"We will hear people say: {measure.description.rstrip('.')}.{source}"
    if measure.baseline is None:
        return measure.description + source
    return f"{measure.description} (baseline {_number(measure.baseline, measure.unit)}){source}"


def _latest(measure: Measure) -> str:
    """Where a measure stands: its latest figure, or what people said the last time they were asked."""
    if measure.kind is MeasureKind.WORDS:
        heard = measure.latest_heard
        return f"“{heard.text}” ({heard.on:%d/%m/%Y})" if heard else "–"
    return _number(measure.current, measure.unit)


def _priority(repo: Repository, theme: Theme, cards: dict[str, Card]) -> PriorityTheme:
    found = evidence(theme, cards)
    dots = {r.cause.id: r.dots for r in understand.cause_results(repo, theme.id)}
    chains = [
        ChainLine(
            number,
            [(s.why, s.because) for s in chain.chain],
            chain.cause,
            dots.get(chain.id, 0),
            chain.taken_forward,
        )
        for number, chain in enumerate(understand.chains(repo, theme.id), start=1)
    ]
    successes = [
        SuccessLine(
            group.label,
            item.statement.text,
            [_measure_text(m) for m in item.measures],
            part.cause.cause if part.cause else "",
        )
        for part in success.success_by_cause(repo, theme.id)
        for group in part.groups
        for item in group.items
    ]
    ideas = [
        IdeaLine(r.idea.text, IDEA_KIND_LABELS[r.idea.kind], r.dots, r.idea.chosen)
        for r in plan.idea_results(repo, theme.id).ideas
    ]
    return PriorityTheme(
        name=theme_label(theme),
        question=theme.question.label,
        statements=found.statements,
        people=found.people,
        said=[card.text for card in found.cards[:QUOTES]],
        chains=chains,
        success=successes,
        already_happening=[i.text for i in plan.already_happening(repo, theme.id)],
        ideas=ideas,
    )


def _grid(repo: Repository, project_id: str) -> list[GridLine]:
    rows = plan.grid(repo, project_id)
    theme_of = {row.idea.id: theme_label(row.theme) for row in rows}
    lines = []
    for quadrant, ideas in by_quadrant(row.idea for row in rows).items():
        label = QUADRANT_LABELS[quadrant] if quadrant else NOT_PLACED
        lines += [
            GridLine(
                label,
                idea.text,
                theme_of[idea.id],
                SCORE_LABELS[idea.cost] if idea.cost else "–",
                SCORE_LABELS[idea.impact] if idea.impact else "–",
            )
            for idea in ideas
        ]
    return lines


def _action(action: ActionPlan, themes: dict[str, Theme]) -> ActionLine:
    theme = themes.get(action.theme_id)
    answers = [
        (question, str(getattr(action, name) or "").strip())
        for name, question in PLAN_FIELDS.items()
        if name != "title" and str(getattr(action, name) or "").strip()
    ]
    return ActionLine(
        action.title,
        theme_label(theme) if theme else "Theme removed",
        ACTION_STATUS_LABELS[action.status],
        answers,
    )


@guard(FACILITATORS)
def wtfc_report(repo: Repository, project_id: str, now: datetime) -> WtfcReport:
    """Everything the WTfC report needs, worked out from the records as they stand ``now``."""
    project = get_project(repo, project_id)
    reviews = _usable_reviews(repo, project_id)
    cards = cards_now(repo, project_id)
    themes = repo.find(Theme, project_id=project_id)
    per_question = Counter(card.question for card in cards.values())
    questions = []
    for question in QUESTIONS:
        lines = []
        for theme in (t for t in themes if t.question is question):
            found = evidence(theme, cards)
            if found.statements:
                lines.append(ThemeLine(theme_label(theme), found.statements, found.people, theme.chosen))
        lines.sort(key=lambda line: (-line.statements, -line.people))
        questions.append(QuestionThemes(question.label, per_question[question], lines))
    results = priorities.results(repo, project_id)
    by_theme = {t.id: t for t in themes}
    measures = [
        MeasureLine(
            theme_label(row.theme) if row.theme else "–",
            row.measure.description,
            _number(row.measure.baseline, row.measure.unit),
            _latest(row.measure),
            _number(row.change, row.measure.unit, sign=True),
        )
        for row in progress_review.measures(repo, project_id)
    ]
    worked, did_not_work = progress_review.process_notes(repo, project_id)
    return WtfcReport(
        project=project.name,
        purpose=project.purpose,
        made_on=now.date(),
        scope=_scope(project),
        reviews=len(reviews),
        by_mode=_by((MODE_LABELS[r.mode] for r in reviews), list(MODE_LABELS.values())),
        by_team=_by((r.team for r in reviews), project.teams),
        by_area=_by((r.area for r in reviews), project.areas),
        by_group=_by((r.group for r in reviews), project.groups),
        statements=[Count(q.label, per_question[q]) for q in QUESTIONS],
        questions=questions,
        votes=[
            VoteLine(theme_label(r.view.theme), r.dots, r.voters, r.view.theme.chosen)
            for r in results
            if r.dots
        ],
        voters=len(priorities.voters(repo, project_id)),
        dots_per_person=priorities.dots_per_person(repo, project_id),
        priorities=[_priority(repo, t, cards) for t in plan.chosen_themes(repo, project_id)],
        grid=_grid(repo, project_id),
        grid_key=[(QUADRANT_LABELS[q], QUADRANT_MEANING[q]) for q in QUADRANT_LABELS],
        actions=[_action(a, by_theme) for a in golden_thread.action_plans(repo, project_id)],
        thread=[
            ThreadLine(
                r.action,
                r.ideas,
                r.root_causes,
                r.theme,
                r.statements,
                r.people,
                r.success,
                r.measures,
                ACTION_STATUS_LABELS[r.status],
            )
            for r in golden_thread.thread_table(repo, project_id)
        ],
        measures=measures,
        worked=[n.text for n in worked],
        did_not_work=[n.text for n in did_not_work],
        participation=participation.report_participation(repo, project_id),
        votes_by_perspective=private_ballot.report_votes(repo, project_id),
        review=learning_review.review_sections(repo, project_id),
    )


@guard(FACILITATORS)
def you_said_we_did(repo: Repository, project_id: str, now: datetime) -> YouSaidWeDid:
    """The easy-read letter's content: the biggest named themes of each question ("not working": the
    priorities first, then by dots), and the action plans made about the themes it tells people about and
    about any other theme. A theme in which nobody's words may be shown any more is left out."""
    project = get_project(repo, project_id)
    cards = cards_now(repo, project_id)
    themes = [t for t in repo.find(Theme, project_id=project_id) if evidence(t, cards).people]
    dots = {r.view.theme.id: r.dots for r in priorities.results(repo, project_id)}
    said: dict[Question, list[SaidTheme]] = {}
    told: list[Theme] = []
    for question in QUESTIONS:
        named = [t for t in themes if t.question is question and t.name]
        named.sort(key=lambda t: (not t.chosen, -dots.get(t.id, 0), -evidence(t, cards).people))
        told += named[: SAID_THEMES[question]]
        said[question] = [
            SaidTheme(t.name or "", evidence(t, cards).people) for t in named[: SAID_THEMES[question]]
        ]
    by_theme: dict[str, list[ActionPlan]] = {}
    for action in golden_thread.action_plans(repo, project_id):
        by_theme.setdefault(action.theme_id, []).append(action)
    # The "not working" themes told about, then every other theme something is being done about.
    about = [t for t in told if t.question is Question.NOT_WORKING]
    about += [t for t in themes if t.id in by_theme and t.id not in {a.id for a in about}]
    about.sort(key=lambda t: t.question is not Question.NOT_WORKING)
    doing = [Doing(t.name, [(a.title, a.status, a.we_will) for a in by_theme.get(t.id, [])]) for t in about]
    return YouSaidWeDid(
        project=project.name,
        made_on=now.date(),
        people=len(_usable_reviews(repo, project_id)),
        said=said,
        doing=doing,
    )
