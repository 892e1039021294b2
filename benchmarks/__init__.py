"""Benchmarks: scripts that print figures. Run all with ``python -m benchmarks``."""
