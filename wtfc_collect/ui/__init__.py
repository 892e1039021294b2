"""Reusable Streamlit pieces. Each component owns the session_state keys it uses (prefixed by its name)."""
