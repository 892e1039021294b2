"""The quality checkpoint screen and Check statements."""
