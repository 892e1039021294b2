"""Step 2, Collect: "My review" — the easy-read own review, one question per screen, in English or Welsh."""

from wtfc_collect.ui import context
from wtfc_collect.ui.collect import self_review

self_review.draw(context.repository())
