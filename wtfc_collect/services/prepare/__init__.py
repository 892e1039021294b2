"""Step 1, prepare: setting up a project (purpose, level, sample plan) and following progress against it."""
