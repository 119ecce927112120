# The two quickstart commands of the README:
#   make demo   creates .venv, installs parley and codes the bundled sample articles
#   make test   installs the test dependencies and runs the whole test suite
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test install lint bench

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "need $(PY) (or run: make PY=python3 ...)"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

demo: install
	$(BIN)/python -m parley demo

test: install
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m ruff check parley tests scripts
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python scripts/bench.py --limit 500
