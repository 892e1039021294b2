# Two commands do everything:  make run  (the app with a demo project)  and  make test  (every check).
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501
# The password of the demo accounts (admin, reviewer, quality, facilitator) that make run adds to an
# empty data folder. For trying the app on this computer only.
DEMO_PASSWORD ?= wtfc-demo-only
export WTFC_DATA_DIR ?= $(CURDIR)/data

.PHONY: run test bench venv dev-venv clean-venv

$(VENV)/.runtime: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed (python3 --version)."; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { echo "Could not make a virtual environment. On Debian: apt-get install python3-venv"; exit 1; }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

venv: $(VENV)/.runtime
dev-venv: $(VENV)/.dev

run: $(VENV)/.runtime
	@scripts/system-packages.sh run
	$(PY) -m wtfc_collect demo --if-empty --password "$(DEMO_PASSWORD)"
	$(PY) -m wtfc_collect.ui.serve --server.port $(PORT) --server.address 127.0.0.1

test: $(VENV)/.dev
	@scripts/system-packages.sh test
	$(PY) -m ruff check .
	$(PY) -m mypy wtfc_collect accessibility
	$(VENV)/bin/lint-imports --no-cache
	$(PY) -m pytest -n 2 --dist loadfile

bench: $(VENV)/.dev
	$(PY) -m benchmarks

clean-venv:
	rm -rf $(VENV)
