"""Role checks inside the services: a page hiding a button is not enough.

Every use case that reads or writes the store is wrapped in :func:`guard`. The wrapper asks the
identity provider who is using the app (the UI gives the signed-in user of the session; the command
line gives the operator) and refuses, in plain words, what that role may not do. Where a use case is
about one review, the user must also be able to reach that review: a reviewer their own and their
team's, a person doing their own review only that one.

Checks run at the boundary only: once a use case has been allowed, the use cases it calls itself
(for example the card call reading the workshop statements) are not checked again.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

from wtfc_collect.domain import DomainError, Review
from wtfc_collect.domain.access import STAFF_ROLES, Role, User
from wtfc_collect.domain.voice import VoiceAnswer
from wtfc_collect.storage.port import Repository

P = ParamSpec("P")
T = TypeVar("T")

# Who may use what. Administrators look after projects and accounts, and stand in for any role.
ADMIN = frozenset({Role.ADMINISTRATOR})
STAFF = STAFF_ROLES
PROJECT_ADMINS = frozenset({Role.ADMINISTRATOR, Role.QUALITY_LEAD})
COLLECTORS = frozenset({Role.ADMINISTRATOR, Role.REVIEWER, Role.QUALITY_LEAD})
# Those who work on one review: staff collecting, and the person doing their own review.
REVIEW_WORKERS = COLLECTORS | {Role.SELF_REVIEWER}
QUALITY = frozenset({Role.ADMINISTRATOR, Role.QUALITY_LEAD})
FACILITATORS = frozenset({Role.ADMINISTRATOR, Role.FACILITATOR, Role.QUALITY_LEAD})
AUDIT_READERS = QUALITY

NOT_SIGNED_IN = "Please sign in first."
NOT_ALLOWED = "Your role does not let you do this. Ask an administrator if you need it."
NOT_YOURS = "You do not have access to this review."


class AccessDenied(DomainError):
    """The user may not do this (or is not signed in). The message is plain and names nothing."""


Provider = Callable[[], User | None]


def _nobody() -> User | None:
    return None


_provider: Provider = _nobody
_inside: ContextVar[bool] = ContextVar("wtfc_inside_use_case", default=False)


def use_identity(provider: Provider) -> None:
    """Tell the services how to find the current user (the UI does this once, at import)."""
    global _provider
    _provider = provider


def current_user() -> User | None:
    return _provider()


@contextmanager
def acting_as(user: User) -> Iterator[User]:
    """Run the block as ``user`` (the command line, tests and benchmarks use this)."""
    previous = _provider
    use_identity(lambda: user)
    try:
        yield user
    finally:
        use_identity(previous)


def operator() -> User:
    """The person at the command line: they can read the data folder anyway, so they act as administrator."""
    return User(username="command line", role=Role.ADMINISTRATOR)


def _same(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and a.casefold().strip() == b.casefold().strip()  # type: ignore[union-attr]


def can_reach(user: User, review: Review) -> bool:
    """Whether ``user`` may open ``review``."""
    if user.role in {Role.ADMINISTRATOR, Role.QUALITY_LEAD}:
        return True
    if user.role is Role.SELF_REVIEWER:
        return user.review_id == review.id
    if user.role is Role.REVIEWER:
        return (
            _same(review.created_by, user.username)
            or _same(review.reviewer, user.display_name)
            or _same(review.reviewer, user.username)
            or any(_same(review.team, team) for team in user.teams)
        )
    return False  # facilitators work with anonymised workshop copies only


def reachable(user: User, reviews: Iterable[Review]) -> list[Review]:
    return [review for review in reviews if can_reach(user, review)]


def _check_review(user: User, repo: Repository, review_id: str | None) -> None:
    if review_id is None:
        return
    if user.role is Role.SELF_REVIEWER:
        # Decided from the session alone, before anything is read: a guessed id gets nothing.
        if review_id != user.review_id:
            raise AccessDenied(NOT_YOURS)
        return
    review = repo.get(Review, review_id)
    if review is not None and not can_reach(user, review):
        raise AccessDenied(NOT_YOURS)


def _check_voice(user: User, repo: Repository, voice_id: str | None) -> None:
    if voice_id is None:
        return
    answer = repo.get(VoiceAnswer, voice_id)
    if answer is not None:
        _check_review(user, repo, answer.review_id)


def _check_project(user: User, project_id: str | None) -> None:
    if project_id is not None and user.project_id is not None and project_id != user.project_id:
        raise AccessDenied(NOT_YOURS)


def _filter(user: User, result: Any) -> Any:
    """Keep only the reviews (or things of reviews, or (review, …) pairs) the user may reach."""
    if user.role in {Role.ADMINISTRATOR, Role.QUALITY_LEAD} or not isinstance(result, list):
        return result
    return [item for item in result if _visible(user, item)]


def _visible(user: User, item: Any) -> bool:
    if isinstance(item, tuple) and item:
        item = item[0]  # (review, statement) pairs
    review = item if isinstance(item, Review) else getattr(item, "review", None)
    return isinstance(review, Review) and can_reach(user, review)


def require(roles: frozenset[Role]) -> User:
    """The current user, if their role is one of ``roles``; otherwise AccessDenied."""
    user = current_user()
    if user is None:
        raise AccessDenied(NOT_SIGNED_IN)
    if user.role not in roles:
        raise AccessDenied(NOT_ALLOWED)
    return user


def guard(
    roles: frozenset[Role], *, filter_reviews: bool = False
) -> Callable[[Callable[P, T]], Callable[P, T]]:
    """Allow the decorated use case to ``roles`` only, and only on reviews the user may reach.

    The use case's own arguments say what it touches: ``review_id``, ``voice_id`` and ``project_id``
    are checked against the user. With ``filter_reviews`` a list result keeps only what the user may
    reach (reviews, or items with a ``review`` attribute).
    """

    def decorate(function: Callable[P, T]) -> Callable[P, T]:
        signature = inspect.signature(function)
        names = set(signature.parameters)

        @functools.wraps(function)
        def checked(*args: P.args, **kwargs: P.kwargs) -> T:
            if _inside.get():
                return function(*args, **kwargs)
            user = require(roles)
            bound = signature.bind(*args, **kwargs)
            arguments = bound.arguments
            repo: Repository | None = arguments.get("repo")
            if repo is not None:
                if "project_id" in names:
                    _check_project(user, arguments.get("project_id"))
                if "review_id" in names:
                    _check_review(user, repo, arguments.get("review_id"))
                if "voice_id" in names:
                    _check_voice(user, repo, arguments.get("voice_id"))
            token = _inside.set(True)
            try:
                result = function(*args, **kwargs)
            finally:
                _inside.reset(token)
            return _filter(user, result) if filter_reviews else result

        checked.__wtfc_roles__ = roles  # type: ignore[attr-defined]
        return checked

    return decorate


def entrance(function: Callable[P, T]) -> Callable[P, T]:
    """Mark a use case that comes before signing in (signing in itself, opening a review with a code)."""
    function.__wtfc_entrance__ = True  # type: ignore[attr-defined]
    return function


def is_entrance(function: Callable[..., Any]) -> bool:
    return getattr(function, "__wtfc_entrance__", False) is True


def roles_of(function: Callable[..., Any]) -> frozenset[Role] | None:
    """The roles a use case allows, or None if it is not guarded (tests use this)."""
    roles = getattr(function, "__wtfc_roles__", None)
    return roles if isinstance(roles, frozenset) else None
