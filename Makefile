# The two commands of the README: `make run` and `make test`. Everything they need is
# installed from lock files: Python packages from uv.lock, front-end packages from
# package-lock.json, Chromium from the operating system's packages.

PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
CHROMIUM := /usr/bin/chromium

export DJANGO_SETTINGS_MODULE ?= buurtwerkkamer.settings.development

.PHONY: run test bench setup setup-test lint audit chromium messages clean

# load_demo loads the demo once; later runs change nothing and print the logins again.
# The task worker (imports, reminders) runs beside the web server and stops with it.
run: setup
	$(MANAGE) load_demo
	@trap 'kill 0' EXIT INT TERM; \
	  $(MANAGE) db_worker --interval 0.5 --no-reload & \
	  $(MANAGE) runserver 127.0.0.1:8000

setup: $(VENV)/.synced node_modules/.installed var/.migrated

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) uv.lock pyproject.toml
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

var/.migrated: $(VENV)/.synced $(shell find src -path '*/migrations/*.py')
	@mkdir -p var
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules >/dev/null
	$(MANAGE) migrate --noinput
	@touch $@

chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    apt-get install -y -q chromium fonts-dejavu-core >/dev/null || \
	    (apt-get update -q >/dev/null && apt-get install -y -q chromium fonts-dejavu-core >/dev/null); \
	  else \
	    echo "Chromium is missing: install the Debian package 'chromium' (sudo apt-get install chromium)."; exit 1; \
	  fi; \
	fi

setup-test: $(VENV)/.synced node_modules/.installed chromium
	@mkdir -p var
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules >/dev/null

lint: $(VENV)/.synced
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy src

# Known vulnerabilities in the locked Python and npm packages (.ci/audit.py says how).
# An audit that could not reach its advisory service prints NOT DONE and passes;
# BWK_AUDIT_STRICT=1 makes that fail too, on machines that reach the services.
audit: $(VENV)/.synced node_modules/.installed
	$(PY) .ci/audit.py

test: setup-test lint audit
	DJANGO_SETTINGS_MODULE=buurtwerkkamer.settings.test $(MANAGE) makemigrations --check --dry-run >/dev/null
	DJANGO_SETTINGS_MODULE=buurtwerkkamer.settings.test $(PY) -m pytest -n 2 --dist loadfile -q

messages: $(VENV)/.synced
	cd src/buurtwerkkamer && ../../$(PY) ../../manage.py makemessages -l nl --no-location --no-obsolete --no-wrap --ignore="demo/*"

clean:
	rm -rf var $(VENV) $(TOOLS) node_modules

# A large installation (300 rooms, ten years) on SQLite and on PostgreSQL
# (BENCH_DATABASE_URL, made afresh on every run), served by gunicorn with production
# settings: the main pages of every role, the API lists, a 10,000-entry CAMT.053
# import and the SEPA run for every room, each against a bare Django page of the
# same server. Printed side by side and kept as JSON in var/bench/ (bench/run.py).
# BENCH_ROOMS, BENCH_YEARS and BENCH_REPEAT make a smaller run while trying things.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/bench
bench: setup
	@mkdir -p var/bench
	DATABASE_URL=sqlite:///$(CURDIR)/var/bench/large.sqlite3 $(PY) bench/run.py
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) bench/run.py
	$(PY) bench/run.py --report
