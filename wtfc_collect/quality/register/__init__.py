"""The register model: a person's own words, or professional writing? Trained by ``train.py`` from the
sources in ``data/`` (see data/README.md); read by ``model.py``; turned into flags by ``flags.py``."""
