# The two commands a newcomer needs: `make run` and `make test`.
# PYTHON=/path/to/python3.13 overrides the search for a Python 3.12+.

SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

# Try candidates by running them: a pyenv shim may exist and still refuse to run.
ifndef PYTHON
PYTHON := $(shell for c in python3.13 python3.12 python3.14 python3 \
	$$(ls -d $${PYENV_ROOT:-$$HOME/.pyenv}/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	  if "$$c" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then command -v "$$c" || echo "$$c"; break; fi; \
	done)
endif

.PHONY: install install-test lock upgrade messages migrate initial-data run test lint format migrations-check check-python browsers html-checker bench clean

check-python:
	@if [ -z "$(PYTHON)" ]; then echo "No Python 3.12 or newer found. Install one, or run: make PYTHON=/path/to/python3.12 ..."; exit 1; fi
	@"$(PYTHON)" -c 'import sys; assert sys.version_info >= (3, 12), sys.version' || { echo "$(PYTHON) is older than 3.12"; exit 1; }

$(BIN)/python: | check-python
	"$(PYTHON)" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Installs exactly the locked versions, each checked against its hash.
$(VENV)/.installed-base: requirements/base.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/base.txt
	touch $@

$(VENV)/.installed-test: requirements/base.txt requirements/test.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/test.txt
	touch $@ $(VENV)/.installed-base

# The lock: pyproject.toml's ranges compiled to exact versions with hashes.
# `make lock` after adding a dependency; `make upgrade` moves every pin to the newest release.
PIP_COMPILE := $(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
	--no-emit-index-url --no-emit-find-links --no-emit-trusted-host

$(BIN)/pip-compile: | $(BIN)/python
	$(BIN)/pip install --quiet pip-tools

lock: $(BIN)/pip-compile
	$(PIP_COMPILE) $(LOCK_ARGS) -o requirements/base.txt pyproject.toml
	$(PIP_COMPILE) $(LOCK_ARGS) --extra test -o requirements/test.txt pyproject.toml

upgrade:
	$(MAKE) lock LOCK_ARGS=--upgrade

install: $(VENV)/.installed-base

install-test: $(VENV)/.installed-test

# Compile the gettext catalogues (Babel: pure Python, no system gettext needed).
messages: install
	@for po in locale/*/LC_MESSAGES/*.po; do \
	  [ -e "$$po" ] || continue; \
	  $(BIN)/pybabel compile --statistics -i "$$po" -o "$${po%.po}.mo" >/dev/null || exit 1; \
	done

migrate: install
	DJANGO_DEBUG=1 $(MANAGE) migrate --noinput

initial-data: migrate
	DJANGO_DEBUG=1 $(MANAGE) load_twente
	DJANGO_DEBUG=1 $(MANAGE) ensure_admin

run: install messages initial-data
	DJANGO_DEBUG=1 $(MANAGE) runserver $(HOST):$(PORT)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The W3C's Nu HTML Checker (vnu.jar) for the HTML conformance tests, locked in
# package-lock.json; it runs on Java. Without npm those tests are skipped (in CI they fail).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --ignore-scripts --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the HTML checker's tests will be skipped."; fi

html-checker: node_modules/.installed

migrations-check: install-test
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=twente.settings_test

test: install-test messages lint migrations-check html-checker
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install-test
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache
