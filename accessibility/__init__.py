"""Accessibility: the tool's own texts per language, and (later) speech and accessible widgets.

This package never imports ``wtfc_collect``.
"""
