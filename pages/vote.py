"""Voting at a workshop on one's own phone or tablet, with the workshop code (no account needed), in
English or Cymraeg."""

from wtfc_collect.ui.workshop import vote

vote.draw()
