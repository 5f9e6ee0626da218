# zorgvuldig: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs every check.
# Both set up everything they need on a fresh machine (Python 3.11, make, Node.js and npm).

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test lint test-python lint-openapi bench setup clean chromium

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/activate pyproject.toml constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/zorgvuldig migrate --no-input
	$(BIN)/zorgvuldig createcachetable
	$(BIN)/zorgvuldig demo
	$(BIN)/zorgvuldig collectstatic --no-input --verbosity 0
	@echo "zorgvuldig draait op http://$(HOST):$(PORT)/  (API: http://$(HOST):$(PORT)/api/v1/docs)"
	@# the task worker (webhook deliveries) runs beside the web server and stops with it
	$(BIN)/zorgvuldig db_worker --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn zorgvuldig.conf.wsgi --bind $(HOST):$(PORT) --workers 3 --access-logfile -

chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

lint: $(VENV)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports --no-cache
	@# bandit warns of every `# nosec` it honours; those go to var/bandit.log, shown on failure
	@mkdir -p var && $(BIN)/bandit -q -c pyproject.toml -r src 2>var/bandit.log \
		|| { cat var/bandit.log >&2; exit 1; }
	$(BIN)/zorgvuldig makemigrations --check --dry-run >/dev/null

lint-openapi: $(VENV)/.installed node_modules/.installed
	bin/lint-openapi

test-python: $(VENV)/.installed node_modules/.installed chromium
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

test: lint lint-openapi test-python

# Benchmarks (not tests): SQLite and PostgreSQL side by side, the share path, the overview
# of art9.1, retention and 20 users signing in and opening dossiers under load (gunicorn and
# locust on 127.0.0.1: a few minutes, most of it building the region) on PostgreSQL; numbers go to docs/benchmarks.md.
# Retention runs on a region of 100,000 clients here (a few minutes);
# `bench/bench_retention.py --full` runs the issue's 1,000,000, whose numbers the docs keep.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/postgres
bench: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,bench]'
	$(BIN)/python bench/bench_decide.py
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/bench_log.py
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/bench_share.py
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/bench_overview.py
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/bench_resident.py
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/bench_retention.py
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/bench_load.py

clean:
	rm -rf $(VENV) node_modules var
