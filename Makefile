# The README's two commands: `make run` and `make test`. Everything else is a step of them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: install run setup test test-fast test-unit test-system test-browser test-deps lint fmt migrations-check audit messages lock clean backup restore

$(VENV)/.installed: requirements-dev.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	touch $@

install: $(VENV)/.installed

# Migrate the embedded SQLite database under var/, add the seed facts and the demo data.
# Safe to repeat: nothing is duplicated and nothing staff changed is overwritten.
setup: install
	mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable
	$(MANAGE) load_seed
	$(MANAGE) create_demo

run: setup
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: install
	$(MANAGE) makemigrations --check --dry-run

# Three tiers by pytest marker (pyproject.toml): unit and integration tests, the system
# tier (the portal as deployed: gunicorn, collectstatic, check --deploy, two instances
# sharing a cache, the backup round trip, the HTML checker) and the browser tier. Each
# runs on the database DATABASE_URL names (SQLite when unset). `make test` runs all three.
test: lint migrations-check test-unit test-system test-browser

# Unit and integration tests only: the quick loop while editing.
test-fast: lint migrations-check test-unit

# The unit tier on two processes (pytest-xdist; whole files to one worker, so that a
# module's data is built once): PYTEST_WORKERS=0 runs it in one.
PYTEST_WORKERS ?= 2
test-unit: install
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadfile -m "not system and not browser"

test-system: install
	scripts/test_deps.sh system
	$(BIN)/pytest -m system

# The browser tier on two processes too: each worker has its own test database, live
# server and Chromium (about 3 instead of 4 minutes on two CPUs); BROWSER_WORKERS=0 runs
# it in one.
BROWSER_WORKERS ?= 2
test-browser: install
	scripts/test_deps.sh browser
	$(BIN)/pytest -n $(BROWSER_WORKERS) --dist loadfile -m browser

# Chromium and a Java runtime (apt-get as root or with sudo; else one line names them),
# PostgreSQL and Redis started when installed.
test-deps:
	scripts/test_deps.sh

# A backup of the database (history included) and the uploaded files under var/backups/
# (BACKUP_DIR=... elsewhere); `make restore FROM=var/backups/<time>` reads one back.
# Both use the .venv that is there (production's, installed from requirements.lock) and
# install the development one only when there is none.
BACKUP_DIR ?= var/backups
NEEDS_VENV := $(if $(wildcard $(BIN)/python),,install)
backup: $(NEEDS_VENV)
	$(MANAGE) backup --to $(BACKUP_DIR)

restore: $(NEEDS_VENV)
	test -n "$(FROM)" || (echo "Brug: make restore FROM=var/backups/<tidspunkt>"; exit 2)
	$(MANAGE) restore $(FROM)

# Known vulnerabilities in the pinned dependencies (PyPI's advisory data; needs network).
# Not yet a step of `test`: on the current build machines pypi.org answers 404 for the
# per-release JSON that pip-audit reads, so every package would count as unauditable.
audit: install
	$(BIN)/pip-audit --strict --disable-pip --require-hashes --progress-spinner off -r requirements-dev.lock

# Compile the Danish catalogue for third-party apps (locale/); the .mo is committed.
messages:
	msgfmt --check-format -o locale/da/LC_MESSAGES/django.mo locale/da/LC_MESSAGES/django.po

# Re-resolve the pinned dependencies from pyproject.toml (needs pip-tools in the venv).
lock: install
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra dev -o requirements-dev.lock pyproject.toml

clean:
	rm -rf $(VENV) var/static

# The benchmark (scripts/bench.py; docs/operations.md "Performance and scale-out"): production settings under gunicorn on
# PostgreSQL, seed data and ten times that, wrk per page. Not part of `make test`.
.PHONY: bench bench-resilience
bench: install
	$(BIN)/python scripts/bench.py

bench-resilience: install
	$(BIN)/python scripts/bench.py --resilience

# Ship only the Bootstrap CSS the templates use (scripts/purge_bootstrap.py).
.PHONY: css
css:
	$(BIN)/python scripts/purge_bootstrap.py
