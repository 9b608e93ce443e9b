# Two commands matter: `make run` (dashboard on sample data) and `make test` (lint, types, all tests).
SHELL := /bin/bash
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
WAREHOUSE ?= $(or $(DASBOR_WAREHOUSE),data/warehouse.duckdb)
PORT ?= 8501

.PHONY: setup setup-dev data run serve test lint bench docs clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

$(DEV_STAMP): $(STAMP) requirements-dev.txt
	$(BIN)/pip install --disable-pip-version-check -q -r requirements-dev.txt
	touch $@

setup: $(STAMP)            ## create .venv and install the pinned runtime requirements

setup-dev: $(DEV_STAMP)    ## plus the test and lint tools

data: $(STAMP)             ## (re)build the warehouse: sample + reference + replay of the import archive (atomic)
	$(BIN)/python -m dasbor.build --out $(WAREHOUSE)

run: $(STAMP)              ## start the dashboard on http://localhost:$(PORT) (rebuilds + replays the archive if missing or stale)
	$(BIN)/python -m dasbor.build --out $(WAREHOUSE) --if-stale
	DASBOR_WAREHOUSE=$(WAREHOUSE) $(BIN)/streamlit run app.py --server.port $(PORT)

# The office server: REPLIKA Streamlit processes behind HAProxy (apt-get install haproxy). deploy/README.md.
REPLIKA ?= $(shell nproc 2>/dev/null || echo 2)
SERVE_PORT := $(if $(filter command line,$(origin PORT)),$(PORT),8080)

serve: $(STAMP)            ## office server on http://localhost:8080 (PORT=P): REPLIKA=N processes behind HAProxy, sticky sessions
	$(BIN)/python -m dasbor.build --out $(WAREHOUSE) --if-stale
	DASBOR_WAREHOUSE=$(WAREHOUSE) exec $(BIN)/python -m dasbor.layan --replika $(REPLIKA) --port $(SERVE_PORT)

lint: $(DEV_STAMP)         ## ruff (with S608), mypy --strict, import-linter contracts
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint                 ## lint, types and the whole test suite (browser tests included)
	$(BIN)/pytest

# Scale 60 reuses a prebuilt warehouse when given: make bench BENCH_WAREHOUSE_60=/tmp/w60.duckdb
BENCH_WAREHOUSE_60 ?=
BENCH_NOTE ?=

bench: $(DEV_STAMP)        ## benchmark at scale 1 (plus HAProxy replicas and Chromium) and 60 -> bench/RESULTS.md (figures only)
	$(BIN)/python -m dasbor.bench --scale 1 --json bench/hasil-skala-1.json --note "$(BENCH_NOTE)" \
		--parts queries,pages,server,proksi,peramban
	$(BIN)/python -m dasbor.bench --scale 60 --json bench/hasil-skala-60.json --runs 3 --note "$(BENCH_NOTE)" \
		$(if $(BENCH_WAREHOUSE_60),--warehouse $(BENCH_WAREHOUSE_60))
	$(BIN)/python -m dasbor.bench.results bench/hasil-skala-1.json bench/hasil-skala-60.json --out bench/RESULTS.md

docs: $(STAMP)             ## rewrite the generated header-synonym table in docs/impor.md from the import kinds
	$(BIN)/python -m dasbor.views.kamus docs/impor.md

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache
