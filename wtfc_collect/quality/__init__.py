"""The own-words checker (pure functions over statement text). Its rules arrive with the quality checkpoint."""
