"""The Streamlit screens' pieces, grouped like the method: ``prepare`` (Step 1), ``collect`` (Step 2),
``checkpoint`` (the quality checkpoint and checking statements), ``workshop`` (Steps 3 to 8) and ``admin``.

One name per screen through every layer: ``pages/<screen>.py`` draws it with ``ui/<part>/<screen>.py``
and the use cases of ``services/<part>/<screen>.py``; its texts are
``accessibility/texts/<language>/<screen>.toml`` and its session-state keys start with ``<screen>.``.

Shared here: ``context`` (store, clock, who is signed in), ``page`` (a screen's start), ``feedback`` (running
a use case and showing a broken rule next to its control), ``literal`` and ``tables`` (typed text shown as
typed), ``downloads``, ``display`` (text size and contrast), ``navigation`` and ``links``, ``sign_in``,
``spoken`` (Listen buttons), ``highlight`` and ``easy_read``.
"""
