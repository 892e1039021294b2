"""Step 1, prepare: the project set-up screen and the progress tables it shares with the checkpoint."""
