# The two commands: `make run` and `make test`. Each installs what it needs into .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
AXE := $(VENV)/axe/node_modules/axe-core/axe.min.js
AXE_VERSION := 4.14.1

.PHONY: run test check-whole check-dist dist cluster cluster-stop lint bench-concurrency bench-matching bench-outbox bench-booking bench-pages bench-find-worker bench-statements bench-import bench-load messages clean

run: $(VENV)/.app
	$(BIN)/python main.py

# Two workers per core: much of a browser or PostgreSQL test is spent waiting, not computing.
TEST_WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) * 2 )))

test: $(VENV)/.test $(AXE)
	$(BIN)/ruff check .
	$(BIN)/mypy  # what it checks, and how strictly, is in pyproject.toml's [tool.mypy]
	$(BIN)/pytest -n $(TEST_WORKERS)  # pytest-xdist; each worker builds its own test databases

# Whole-program checks, slow, after `make test` in CI: the first start of a fresh portal.
check-whole: $(VENV)/.test
	$(BIN)/pytest -m 'whole or cluster' tests/whole tests/cluster

# The single executable, dist/care-portal, from deploy/care-portal.spec (PyInstaller, `dist` extra).
dist: $(VENV)/.dist
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller deploy/care-portal.spec
	@ls -l dist/care-portal

# Builds the executable, then starts it on an empty data folder as a newcomer would (slow).
check-dist: dist $(VENV)/.test
	$(BIN)/pytest -m dist tests/dist

# N app processes (CLUSTER_PROCESSES, 2 by default) behind HAProxy, on PostgreSQL and Redis, on this
# machine: http://127.0.0.1:8000 (HAProxy and Redis are installed from Debian's packages if missing).
cluster: $(VENV)/.app
	bash deploy/cluster.sh start

cluster-stop:
	bash deploy/cluster.sh stop

# The translations: every message marked in the code, extracted and merged into each language's
# catalogue (assets/locales/<language>/LC_MESSAGES/messages.po); new ones arrive untranslated
# (shown in English) until a translator fills them in. tests/language checks nothing is missing.
messages: $(VENV)/.test
	$(BIN)/pybabel extract --mapping-file assets/locales/babel.cfg --keywords N_ --no-location --width 100 \
		--sort-output --project "Care Portal" --msgid-bugs-address "" --output-file $(VENV)/messages.pot .
	$(BIN)/pybabel update --input-file $(VENV)/messages.pot --output-dir assets/locales --domain messages \
		--no-fuzzy-matching --ignore-obsolete --width 100

lint: $(VENV)/.test
	$(BIN)/ruff check .

$(VENV)/.python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || \
		{ echo "Care Portal needs Python 3.11 or newer (found: $$($(PYTHON) --version))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	touch $@

$(VENV)/.app: $(VENV)/.python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.test: $(VENV)/.app pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.dist: $(VENV)/.app pyproject.toml
	$(BIN)/pip install --quiet -e '.[dist]'
	touch $@

# axe-core, the accessibility rules the browser tests run; skipped (with a message) where npm is missing.
$(AXE):
	@if command -v npm >/dev/null 2>&1; then \
		npm install --silent --no-audit --no-fund --prefix $(VENV)/axe axe-core@$(AXE_VERSION); \
	else echo "npm not found: the accessibility tests will be skipped"; fi

# Find provider at 5,000 workers / 250,000 shifts on SQLite and PostgreSQL; BENCH_REUSE=1 reuses the data.
bench-matching: $(VENV)/.test
	$(BIN)/python bench/matching.py

# 5,000 workers (competencies, availability) imported from CSV into an empty agency on SQLite and
# PostgreSQL; the last line is JSON with workers, sqlite_s, postgres_s and dry_run_s (each under 60 s).
bench-import: $(VENV)/.app
	$(BIN)/python bench/import.py

bench-pages: $(VENV)/.test
	$(BIN)/python bench/pages.py

# Find a worker in headless Chromium (a weekly series, the demo agency in its own process): from
# the tap until the first page of cards is in the browser's page; the last line is JSON (p50, p95).
bench-find-worker: $(VENV)/.test
	$(BIN)/python bench/find_worker_browser.py

# A 12-month statement PDF with 1,000 service lines; last line JSON with lines, pages, pdf_ms.
bench-statements: $(VENV)/.app
	$(BIN)/python bench/statements.py

# Outbox dispatch throughput to a local SMTP server on SQLite; the last line is JSON.
bench-outbox: $(VENV)/.app
	PYTHONPATH=. $(BIN)/python bench/outbox.py

# The booking flow (catalogue, find provider, nominate, accept) against the 5,000-worker agency of
# bench-matching; BENCH_REUSE=1 reuses it; the last line is JSON with each step's p95.
bench-booking: $(VENV)/.app
	$(BIN)/python bench/booking.py

# 50 concurrent clients for 60 s through the real server on PostgreSQL, racing nominations, answers,
# cancellations and allocations; the last line is JSON (requests, errors_5xx, double_allocations, p95_ms).
bench-concurrency: $(VENV)/.test
	$(BIN)/python bench/concurrency.py

# Simulated tablets through NiceGUI's websocket against one and two processes behind HAProxy
# (deploy/cluster.sh, on PostgreSQL); the last line is JSON (sessions, action_p95_ms, scale_ratio…).
bench-load: $(VENV)/.test
	$(BIN)/python bench/load.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist
