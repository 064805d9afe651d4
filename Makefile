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
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
NOTEBOOKS_RUN := $(PY) -m diaspora_helpers
NBVAL_OPTS := --nbval --nbval-current-env --nbval-sanitize-with=$(CURDIR)/tests/nbval_sanitize.cfg

.PHONY: help run test lab refresh lint format clean bench lock catalogs course-release course-grade course-students

help:  ## list the verbs
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c '$(FLOOR_GATE)'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## execute every notebook of both editions into outputs/ (English) and outputs/fr/ (French), with pages and indexes
	$(NOTEBOOKS_RUN) run

test: $(STAMP)  ## lint, import contracts, data checks, unit and end-to-end tests, strict nbval
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) data/build/assemble_datapackage.py --check
	$(VENV)/bin/frictionless validate data/datapackage.json
	$(PY) -m pytest -n 3 --dist loadfile -W error::DeprecationWarning $(NBVAL_OPTS) tests notebooks

lab: $(STAMP)  ## open JupyterLab on notebooks/
	$(VENV)/bin/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/

refresh: $(STAMP)  ## re-execute notebooks/ and notebooks/fr/ in place so their stored outputs are current
	env -u MPLBACKEND -u DIASPORA_FIGURES_DIR PYTHONHASHSEED=0 $(VENV)/bin/jupyter nbconvert \
	  --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False \
	  --ExecutePreprocessor.timeout=600 notebooks/*.ipynb $(wildcard notebooks/fr/*.ipynb)

lint:  $(STAMP)  ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)  ## apply ruff's formatting and safe fixes
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

catalogs: $(STAMP)  ## French edition: extract, update and compile the gettext catalogs (then fill in the new msgstr)
	$(NOTEBOOKS_RUN) catalogs

bench: $(STAMP)  ## time the full run (both editions) against a naive papermill + nbconvert baseline
	$(NOTEBOOKS_RUN) bench

# The lecturer's course (nbgrader, locally): SESSION=4 make course-release, then put the
# submissions in a folder or zip and SESSION=4 SUBMISSIONS=path make course-grade.
# EDITION=fr releases and grades the French sessions (masters in notebooks/fr/, assignment
# session<n>_fr, French checks and feedback); the default is EDITION=en.
SESSION ?=
SUBMISSIONS ?=
EDITION ?= en
course-release: $(STAMP)  ## nbgrader: student versions and solutions into course/ (SESSION=n, EDITION=en|fr)
	$(NOTEBOOKS_RUN) course release --edition $(EDITION) $(SESSION)

course-grade: $(STAMP)  ## nbgrader: collect SUBMISSIONS (folder or zip) for SESSION=n (EDITION=en|fr), grade, feedback, CSV
	@test -n "$(SESSION)" -a -n "$(SUBMISSIONS)" || { echo "usage: make course-grade SESSION=n SUBMISSIONS=folder-or-zip [EDITION=fr]"; exit 2; }
	$(NOTEBOOKS_RUN) course collect --edition $(EDITION) $(SESSION) $(SUBMISSIONS)
	$(NOTEBOOKS_RUN) course grade --edition $(EDITION) $(SESSION)

course-students: $(STAMP)  ## regenerate notebooks/exercises_*.ipynb and notebooks/fr/exercises_*.ipynb from the masters, then re-execute them
	$(NOTEBOOKS_RUN) course students
	env -u MPLBACKEND -u DIASPORA_FIGURES_DIR PYTHONHASHSEED=0 $(VENV)/bin/jupyter nbconvert \
	  --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False \
	  --ExecutePreprocessor.timeout=600 notebooks/exercises_*.ipynb notebooks/master_*.ipynb \
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

lock:  ## rebuild requirements.lock (runtime, dev and build extras), resolved for the Python floor
	@$(PYTHON) -c '$(LOCK_GATE)'
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check --upgrade 'pip>=23.3'
	.venv-lock/bin/pip install --quiet --disable-pip-version-check --dry-run --ignore-installed \
	  --python-version $(PYTHON_FLOOR) --only-binary=:all: --report .venv-lock/report.json '.[dev,build]'
	.venv-lock/bin/python -c "$$PINS_FROM_REPORT" .venv-lock/report.json > requirements.lock
	rm -rf .venv-lock

clean:  ## remove generated files (outputs, caches); keeps .venv
	find outputs -mindepth 1 ! -name README.md -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache .outputs-* build *.egg-info
	find . -name __pycache__ -not -path './.venv/*' -exec rm -rf {} +

# -- the site's JavaScript (issue 25): axe-core for the accessibility test, MiniSearch for
# the offline search; exact versions in package.json and package-lock.json, from npm.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $(NODE_STAMP)

node: $(NODE_STAMP)  ## install axe-core and MiniSearch from npm (package-lock.json) for the page tests
	@true

vendor-js: $(NODE_STAMP)  ## copy MiniSearch from node_modules into the package (the search every page loads)
	{ printf '/*! MiniSearch %s (npm package minisearch), MIT licence, Copyright 2022 Luca Ongaro.\n    Vendored unchanged below this comment by make vendor-js from node_modules/minisearch/dist/umd/index.js. */\n' \
	  "$$(node -p 'require("./node_modules/minisearch/package.json").version')"; \
	  cat node_modules/minisearch/dist/umd/index.js; } > diaspora_helpers/publish/site/templates/vendor/minisearch.js
	cp node_modules/minisearch/LICENSE.txt diaspora_helpers/publish/site/templates/vendor/minisearch.LICENSE.txt
