"""The own-words checker: pure functions over statement text, used by the quality checkpoint."""
