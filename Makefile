# The collection's verbs. Every target creates .venv from requirements.lock if it is missing.
PYTHON ?= python3
# The oldest Python the lock installs on: requires-python in pyproject.toml says the same (a test checks).
PYTHON_FLOOR := 3.11.2
# Python code that exits with a message unless it runs on Python $(PYTHON_FLOOR) or newer.
FLOOR_GATE = import sys; need = tuple(int(n) for n in "$(PYTHON_FLOOR)".split(".")); \
  found = "%d.%d.%d" % sys.version_info[:3]; \
  sys.exit(0 if sys.version_info[:3] >= need else "Python $(PYTHON_FLOOR) or newer is needed, " \
  + "but $(PYTHON) is Python " + found + ": run make with PYTHON=path/to/a/newer/python3")
# make lock resolves for Python $(PYTHON_FLOOR), but pip reads markers with the Python it runs on.
LOCK_GATE = import sys; need = tuple(int(n) for n in "$(PYTHON_FLOOR)".split("."))[:2]; \
  sys.exit(0 if sys.version_info[:2] == need else "make lock needs a Python %d.%d " % need \
  + "(pip reads markers with it), but $(PYTHON) is Python %d.%d" % sys.version_info[:2])
VENV   := .venv
# Every command below keeps Python's bytecode (__pycache__/, ignored by git, removed by make
# clean) even where PYTHONDONTWRITEBYTECODE is set: without it each process, kernels and test
# workers included, compiles the package and the tests again. Bytecode never changes an output.
unexport PYTHONDONTWRITEBYTECODE
# axe-core (the accessibility test) and MiniSearch (the search), from npm: package-lock.json.
NODE_STAMP := node_modules/.installed
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
NOTEBOOKS_RUN := $(PY) -m diaspora_helpers
# nbval checks the stored outputs of the notebooks the runner does not execute (the course's
# masters); the others are compared with the test suite's fresh run (tests/publish/test_cached_run.py).
NBVAL_OPTS := --nbval --nbval-current-env --nbval-sanitize-with=tests/nbval_sanitize.cfg
NBVAL_NOTEBOOKS = notebooks/master_*.ipynb notebooks/fr/master_*.ipynb
# Set FORCE=1 to let refresh, catalogs, format and course-students overwrite files with
# uncommitted changes; FRESH=1 to make run ignore the cache of earlier executions.
FORCE ?=
FRESH ?=
# The tests make check runs (all that start no kernel); a test narrows it.
CHECK_TESTS ?= tests
FORCE_FLAG = $(if $(FORCE),--force)

.PHONY: help run test check lab refresh lint format clean bench lock catalogs course-release course-grade course-students

help:  ## list the verbs
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

# A .venv left half-made (Debian's Python without python3-venv: no pip inside) is rebuilt.
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c '$(FLOOR_GATE)'
	@if test -x $(PY) && ! $(PY) -m pip --version >/dev/null 2>&1; then \
	  echo "$(VENV) has no working pip (a half-made virtual environment): rebuilding it"; \
	  rm -rf $(VENV); fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	  echo "could not create $(VENV): on Debian or Ubuntu install python3-venv (apt install python3-venv), then run make again"; exit 1; }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## execute every notebook of both editions into outputs/ (English) and outputs/fr/ (French), reusing unchanged results (FRESH=1: all)
	$(NOTEBOOKS_RUN) run $(if $(FRESH),--fresh)

# The catalog checks are tests/publish/test_catalogs.py (what `catalogs --check` prints, in one
# process less).
check: $(STAMP)  ## the fast loop: ruff, import contracts, types, catalogs, data checks, every test that starts no kernel
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	$(PY) data/build/assemble_datapackage.py --check
	$(PY) -m pytest -q -n 2 -p no:cacheprovider -p no:nbval -m "not slow" -W error::DeprecationWarning $(CHECK_TESTS)

test: check $(NODE_STAMP)  ## everything CI runs: make check, then the end-to-end tests and nbval on the masters
	$(VENV)/bin/frictionless validate data/datapackage.json
	$(PY) -m pytest -n 3 --dist loadfile -p no:nbval -m slow -W error::DeprecationWarning tests
	$(PY) -m pytest -n 2 --dist loadfile -W error::DeprecationWarning $(NBVAL_OPTS) $(NBVAL_NOTEBOOKS)

# make lab EDITION=fr: JupyterLab's menus in French, set in user settings kept inside .venv
# (JUPYTERLAB_SETTINGS_DIR), never in ~/.jupyter; written once, so a change made in Lab stays.
LAB_FR_SETTINGS := $(VENV)/share/jupyter/lab/user-settings-fr
lab: $(STAMP)  ## copy the exercises into workspace/ (your answers are saved there, never overwritten) and open JupyterLab on it (EDITION=fr: menus in French)
	$(NOTEBOOKS_RUN) course lab --workspace $(WORKSPACE)
ifeq ($(EDITION),fr)
	test -f $(LAB_FR_SETTINGS)/@jupyterlab/translation-extension/plugin.jupyterlab-settings || \
	  { mkdir -p $(LAB_FR_SETTINGS)/@jupyterlab/translation-extension && printf '{"locale": "fr_FR"}\n' \
	  > $(LAB_FR_SETTINGS)/@jupyterlab/translation-extension/plugin.jupyterlab-settings; }
	JUPYTERLAB_SETTINGS_DIR="$(CURDIR)/$(LAB_FR_SETTINGS)" $(VENV)/bin/jupyter lab \
	  $(if $(filter 0,$(shell id -u)),--allow-root) $(WORKSPACE)/fr/
else
	$(VENV)/bin/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) $(WORKSPACE)/
endif

refresh: $(STAMP)  ## re-execute notebooks/ and notebooks/fr/ in place (refuses uncommitted ones unless FORCE=1)
	$(NOTEBOOKS_RUN) refresh $(FORCE_FLAG) $(if $(FRESH),--fresh)

lint:  $(STAMP)  ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)  ## apply ruff's formatting and safe fixes (refuses files with uncommitted changes unless FORCE=1)
	git ls-files -z '*.py' | xargs -0 $(NOTEBOOKS_RUN) guard $(FORCE_FLAG) format
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

catalogs: $(STAMP)  ## French edition: extract, update and compile the gettext catalogs (refuses uncommitted .po unless FORCE=1)
	$(NOTEBOOKS_RUN) catalogs $(FORCE_FLAG)

bench: $(STAMP)  ## time the run against a naive baseline, the import bound B, cached runs (SUITE=1: also make check and make test)
	$(NOTEBOOKS_RUN) bench $(if $(SUITE),--suite)

# The lecturer's course (nbgrader, locally): SESSION=4 make course-release, then put the
# submissions in a folder or zip and SESSION=4 SUBMISSIONS=path make course-grade.
# EDITION=fr releases and grades the French sessions (masters in notebooks/fr/, assignment
# session<n>_fr, French checks and feedback); the default is EDITION=en.
SESSION ?=
SUBMISSIONS ?=
EDITION ?= en
course-release: $(STAMP)  ## nbgrader: student versions and solutions into course/ (SESSION=n, EDITION=en|fr)
	$(NOTEBOOKS_RUN) course release --edition $(EDITION) $(SESSION)

course-grade: $(STAMP)  ## collect SUBMISSIONS (folder or zip) for SESSION=n (EDITION=en|fr), grade outside the students' kernels, feedback, CSV
	@test -n "$(SESSION)" -a -n "$(SUBMISSIONS)" || { echo "usage: make course-grade SESSION=n SUBMISSIONS=folder-or-zip [EDITION=fr]"; exit 2; }
	$(NOTEBOOKS_RUN) course collect --edition $(EDITION) $(SESSION) $(SUBMISSIONS)
	$(NOTEBOOKS_RUN) course grade --edition $(EDITION) $(SESSION)

course-students: $(STAMP)  ## regenerate the exercises from the masters, then re-execute both (refuses uncommitted ones unless FORCE=1)
	$(NOTEBOOKS_RUN) guard $(FORCE_FLAG) course-students notebooks/exercises_*.ipynb notebooks/fr/exercises_*.ipynb
	$(NOTEBOOKS_RUN) course students
	$(NOTEBOOKS_RUN) refresh --force notebooks/exercises_*.ipynb notebooks/master_*.ipynb \
	  notebooks/fr/exercises_*.ipynb notebooks/fr/master_*.ipynb

# Prints the pins of a pip install report (the project itself left out), sorted as pip freeze sorts.
define PINS_FROM_REPORT
import json, sys
report = json.load(open(sys.argv[1]))
pins = {i["metadata"]["name"]: i["metadata"]["version"] for i in report["install"]}
pins.pop("diaspora-helpers")
print("\n".join(f"{name}=={pins[name]}" for name in sorted(pins, key=str.lower)))
endef
export PINS_FROM_REPORT

lock:  ## rebuild requirements.lock (runtime, dev, build and lab extras), resolved for the Python floor
	@$(PYTHON) -c '$(LOCK_GATE)'
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check --upgrade 'pip>=23.3'
	.venv-lock/bin/pip install --quiet --disable-pip-version-check --dry-run --ignore-installed \
	  --python-version $(PYTHON_FLOOR) --only-binary=:all: --report .venv-lock/report.json '.[dev,build,lab]'
	.venv-lock/bin/python -c "$$PINS_FROM_REPORT" .venv-lock/report.json > requirements.lock
	rm -rf .venv-lock

clean:  ## remove what make run and the tools generated (the files a run's manifest lists, caches); keeps .venv, course/ and your own files
	$(PYTHON) -c 'import json, pathlib; o = pathlib.Path("outputs"); m = o / ".diaspora-manifest.json"; \
	  files = json.loads(m.read_text())["files"] if m.is_file() else []; \
	  [(o / f).unlink(missing_ok=True) for f in files]; m.unlink(missing_ok=True); \
	  dirs = {p for f in files for p in (o / f).parents if p != o and o in p.parents}; \
	  [d.rmdir() for d in sorted(dirs, key=lambda d: -len(d.parts)) if d.is_dir() and not any(d.iterdir())]'

	rm -rf .pytest_cache .ruff_cache .mypy_cache .diaspora-cache .outputs-* build *.egg-info
	find . -name __pycache__ -not -path './.venv/*' -exec rm -rf {} +

# The course, continued: final grades, the lecturer's build, worksheets, the student workspace.
# MARKS=path names the lecturer's marks CSV (default course/marks.csv); WORKSPACE the folder
# `make lab` copies the exercises into (default workspace/, git-ignored).
MARKS ?=
WORKSPACE ?= workspace
.PHONY: course-gradebook instructor-site worksheets
course-gradebook: $(STAMP)  ## final grades: grade tables + course/marks.csv, weighted by notebooks/course_weights.csv; Moodle/Canvas CSVs (EDITION=en|fr)
	$(NOTEBOOKS_RUN) course gradebook --edition $(EDITION) $(if $(MARKS),--marks $(MARKS))

instructor-site: $(STAMP)  ## the instructor guide with its answers into course/instructor/ (never published, not indexed)
	$(NOTEBOOKS_RUN) course instructor-site

worksheets: $(STAMP)  ## printable worksheets and answer sheets per session and edition into course/worksheets/ (PDF when Chromium is installed)
	$(NOTEBOOKS_RUN) course worksheets

# -- the site's JavaScript (issue 25): axe-core for the accessibility test, MiniSearch for
# the offline search; exact versions in package.json and package-lock.json, from npm.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $(NODE_STAMP)

node: $(NODE_STAMP)  ## install axe-core and MiniSearch from npm (package-lock.json) for the page tests
	@true

vendor-js: $(NODE_STAMP)  ## minify MiniSearch from node_modules into the package (the search every page loads)
	{ printf '/*! MiniSearch %s (npm package minisearch), MIT licence, Copyright 2022 Luca Ongaro.\n    Minified below this comment by make vendor-js with terser %s from node_modules/minisearch/dist/umd/index.js. */\n' \
	  "$$(node -p 'require("./node_modules/minisearch/package.json").version')" \
	  "$$(node -p 'require("./node_modules/terser/package.json").version')"; \
	  node_modules/.bin/terser node_modules/minisearch/dist/umd/index.js --compress --mangle --comments false; } \
	  > diaspora_helpers/publish/site/templates/vendor/minisearch.js
	cp node_modules/minisearch/LICENSE.txt diaspora_helpers/publish/site/templates/vendor/minisearch.LICENSE.txt
