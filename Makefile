PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Compiled engine modules sit beside their sources (editable install).
BUILT = $(wildcard briefings/*.so briefings/*/*.so)

.PHONY: demo test lint typecheck pytest parity bench compiled pure clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The engine installs as pure Python: edits to it take effect without reinstalling.
$(STAMP): $(BIN)/python pyproject.toml setup.py
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# The compiled engine (mypyc; needs a C compiler). Not quiet: a failure shows the reason.
compiled: $(BIN)/python
	BRIEFBOT_COMPILE=1 $(BIN)/pip install -e '.[test]'
	touch $(STAMP)
	@$(BIN)/python -c "from briefings.engine import is_compiled; raise SystemExit(not is_compiled())" \
	  || { echo "make compiled: the engine did not compile" >&2; exit 1; }

# Back to the pure-Python engine: remove the compiled modules beside the sources.
pure:
	rm -f $(BUILT)

# The compiled engine briefs exactly like the pure one (run after make compiled).
parity: $(STAMP)
	BRIEFBOT_REQUIRE_COMPILED=1 $(BIN)/pytest -q tests/briefings/test_engine_parity.py

demo: $(STAMP)
	$(BIN)/briefbot demo

lint: $(STAMP)
	$(BIN)/ruff check bot briefings tests bench setup.py
	$(BIN)/ruff format --check bot briefings tests bench setup.py

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest -q

test: lint typecheck pytest

bench: $(STAMP)
	for b in bench/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build
	find briefings -name '*.so' -delete
