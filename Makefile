# tracker: make demo (ingest seeds/ and serve), make test, make test-fast, make ingest, make serve, make bench
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB := db/claims.db
SEEDS := seeds
JOBS ?= 1
HOST ?= 127.0.0.1
PORT ?= 8001

.PHONY: install demo ingest serve dist test test-fast bench clean

install: $(VENV)/.installed

# torch is pinned first: 2.13.0 is a CPU build on this machine's disk; a bare `torch` pulls CUDA
$(VENV)/.installed: setup.cfg pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test]'
	touch $@

ingest: install
	$(BIN)/tracker ingest $(SEEDS) --db $(DB) --jobs $(JOBS)

serve: install
	$(BIN)/tracker serve --db $(DB) --host $(HOST) --port $(PORT)

# the server starts only once the ingest is done, also under make -j
demo: ingest
	$(BIN)/tracker serve --db $(DB) --host $(HOST) --port $(PORT)

# a clean read-only snapshot with its inspect file, served immutable
dist: ingest
	$(BIN)/tracker publish --db $(DB) -o dist --serve --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest -q

# all but the tests marked slow (the crash and cluster tests, which start and kill processes); CI runs `make test`
test-fast: install
	$(BIN)/python -m pytest -q -m "not slow"

bench: install
	$(BIN)/python -m tracker.bench

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm dist
