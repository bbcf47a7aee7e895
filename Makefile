# Two commands are all a student needs:  make lab   and   make test
# Both create .venv on first use and install the pinned environment; when
# nothing changed they skip straight to the work.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json
# JavaScript for the offline pages and slides, fetched once from the npm registry (needs npm)
WEB_ASSETS := _build/web-assets/manifest.json

.PHONY: lab test test-fast test-browser bench instructor lint notebooks data lock clean help student html slides slide-metadata web-assets

help:
	@echo "make lab        set up (first time) and open JupyterLab on the start notebook"
	@echo "make test       set up (first time) and run every test, notebooks included"
	@echo "make notebooks  re-execute every notebook top to bottom and store its outputs"
	@echo "make data       rebuild data/ from the Penn World Table wheel and the toy-economy script"
	@echo "make lint       ruff check and format check"
	@echo "make instructor rewrite instructor/answers/ from the notebooks"
	@echo "make student    students' copies (no solutions) in student/ and student.zip"
	@echo "make html       static offline pages of the notebooks in _build/html/ (open index.html)"
	@echo "make slides     offline reveal.js slide decks in _build/slides/ (open index.html)"
	@echo "make test-browser  run every notebook in JupyterLab in headless Chromium (needs Debian's chromium)"
	@echo "make classroom-test  JupyterHub with N simulated students (root; default N=10)"
	@echo "make classroom-link  print the nbgitpuller link: HUB=... REPO=... BRANCH=..."
	@echo "make bench      measure notebook, widget, engine and import times; writes benchmarks/latest.md"

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
	$(BIN)/python scripts/fetch_web_assets.py --optional
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -o addopts='--doctest-modules' tests nqp_helpers

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check nqp_helpers tests scripts

notebooks: $(STAMP)
	$(BIN)/python scripts/run_notebooks.py
	$(BIN)/python scripts/instructor_answers.py

instructor: $(STAMP)
	$(BIN)/python scripts/instructor_answers.py

data: $(STAMP)
	$(BIN)/python scripts/build_data.py
	$(BIN)/python scripts/make_toy_data.py
	$(BIN)/python scripts/make_paths_data.py

# The browser test drives Debian's chromium with Playwright (Playwright's own browser download is not used).
BROWSER_STAMP := $(VENV)/.browser-installed
$(BROWSER_STAMP): requirements-browser.txt | $(STAMP)
	@test -x /usr/bin/chromium || { echo "make test-browser needs Debian's chromium: apt-get install chromium"; exit 1; }
	$(BIN)/python -m pip install --quiet -r requirements-browser.txt
	touch $@

test-browser: $(BROWSER_STAMP)
	$(BIN)/python scripts/browser_test.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

student: $(STAMP)
	$(BIN)/python scripts/student_copies.py --zip student.zip

$(WEB_ASSETS): scripts/fetch_web_assets.py | $(STAMP)
	$(BIN)/python scripts/fetch_web_assets.py

web-assets: $(WEB_ASSETS)

html: $(STAMP) $(WEB_ASSETS)
	$(BIN)/python scripts/export_html.py

slides: $(STAMP) $(WEB_ASSETS)
	$(BIN)/python scripts/slides.py

# writes slide types into notebooks/*.ipynb (for jupyterlab-rise); run when the notebooks are final
slide-metadata: $(STAMP)
	$(BIN)/python scripts/slides.py --set-metadata

lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet -r requirements.txt
	( echo "# Full lock of the environment that 'make' installs (pip freeze of requirements.txt"; \
	  echo "# on Python 3.11). Regenerate with 'make lock'."; .lock-venv/bin/pip freeze ) > constraints.txt
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache *.egg-info _build student student.zip

# The classroom (classroom/README.md): JupyterHub serving the pinned environment to a class, tested
# with simulated students. Its environment is built in _build/classroom/ (npm is needed once, for the
# proxy); the test creates throw-away Unix users, so it runs as root:  make classroom-test N=10
.PHONY: classroom-test classroom-link
CLASSROOM_STAMP := _build/classroom/.installed
CLASSROOM_PY := _build/classroom/venv/bin/python
N ?= 10
BRANCH ?= main
NOTEBOOK ?= notebooks/00-start-here.ipynb
$(CLASSROOM_STAMP): requirements.txt constraints.txt pyproject.toml jupyter/overrides.json classroom/requirements-user.txt classroom/requirements-hub.txt classroom/constraints.txt classroom/proxy/package.json classroom/proxy/package-lock.json classroom/setup_env.py | $(STAMP)
	$(BIN)/python classroom/setup_env.py --python "$(PYTHON)"
	touch $@

classroom-test: $(CLASSROOM_STAMP)
	$(CLASSROOM_PY) -m pytest -q -p no:cacheprovider -o addopts= tests/test_classroom.py
	$(CLASSROOM_PY) classroom/classroom_test.py --students $(N)

# prints the nbgitpuller link: make classroom-link HUB=https://hub.example.edu REPO=https://... BRANCH=main
# (a students' repository made with `make student`: add NOTEBOOK=00-start-here.ipynb)
classroom-link: $(STAMP)
	@$(BIN)/python classroom/link.py --hub "$(HUB)" --repo "$(REPO)" --branch "$(BRANCH)" --path "$(NOTEBOOK)"
