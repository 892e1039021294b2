"""Steps 3 to 8, the workshops, on the checked and anonymised statements only.

Step 3: ``card_call`` (cards into "I"-statement themes, read through ``themes``), ``priorities`` (dot votes
on the "not working" themes) and ``theme_charts`` (themes in numbers). Step 4: ``understand`` (five whys and
dots on root causes). Step 5: ``success``. Step 6: ``plan`` (ideas, dots, the cost and impact grid, action
plans). Steps 7 and 8: ``progress_review``. Throughout: ``golden_thread`` from any action back to people's
words, and ``dot_votes``, the one way dots are recorded for themes, root causes and ideas.
"""
