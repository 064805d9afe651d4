# The collection's verbs. Every target creates .venv from requirements.lock if it is missing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
NOTEBOOKS_RUN := $(PY) -m diaspora_helpers
NBVAL_OPTS := --nbval --nbval-current-env --nbval-sanitize-with=$(CURDIR)/tests/nbval_sanitize.cfg

.PHONY: help run test lab refresh lint format clean bench lock

help:  ## list the verbs
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; set PYTHON=python3.11")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)  ## execute every notebook with papermill into outputs/, with HTML pages and an index
	$(NOTEBOOKS_RUN) run

test: $(STAMP)  ## lint, unit tests, data checks, end-to-end tests and strict nbval over notebooks/
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest tests -W error::DeprecationWarning
	$(PY) data/build/assemble_datapackage.py --check
	$(VENV)/bin/frictionless validate data/datapackage.json
	$(PY) -m pytest $(NBVAL_OPTS) notebooks

lab: $(STAMP)  ## open JupyterLab on notebooks/
	$(VENV)/bin/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/

refresh: $(STAMP)  ## re-execute notebooks/ in place so their stored outputs are current
	env -u MPLBACKEND -u DIASPORA_FIGURES_DIR PYTHONHASHSEED=0 $(VENV)/bin/jupyter nbconvert \
	  --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False \
	  --ExecutePreprocessor.timeout=600 notebooks/*.ipynb

lint:  $(STAMP)  ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)  ## apply ruff's formatting and safe fixes
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: $(STAMP)  ## time the full run against a naive papermill + nbconvert baseline
	$(NOTEBOOKS_RUN) bench

lock:  ## rebuild requirements.lock (runtime, dev and build extras) in a throwaway venv
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --disable-pip-version-check -e '.[dev,build]'
	.venv-lock/bin/pip freeze --exclude-editable | grep -v '^diaspora-helpers' > requirements.lock
	rm -rf .venv-lock

clean:  ## remove generated files (outputs, caches); keeps .venv
	find outputs -mindepth 1 ! -name README.md -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache .outputs-* build *.egg-info
	find . -name __pycache__ -not -path './.venv/*' -exec rm -rf {} +
