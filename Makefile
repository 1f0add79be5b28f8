# newsdesk — everything a user needs is one of these targets; the venv is created on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
WAREHOUSE ?= warehouse/newsdesk.duckdb

.PHONY: setup run test dq bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --disable-pip-version-check -c constraints.txt -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsdesk run --source seeds --warehouse $(WAREHOUSE)

test: $(STAMP)
	$(BIN)/python -m pytest

dq: $(STAMP)
	$(BIN)/newsdesk dq --warehouse $(WAREHOUSE) --out dq_out

bench: $(STAMP)
	$(BIN)/python benchmarks/quotes.py --split dev
	$(BIN)/python benchmarks/figures.py
	$(BIN)/python benchmarks/html_extraction.py

clean:
	rm -rf $(VENV) .prefect warehouse/*.duckdb* sql/target sql/logs
