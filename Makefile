# Two commands matter (see README): `make run` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test demo serve lint-imports bench clean

run: $(VENV)/.installed-run
	$(BIN)/evenwijdig demo
	$(BIN)/evenwijdig serve

test: $(VENV)/.installed-test
	./scripts/ensure-postgres
	$(BIN)/lint-imports
	$(BIN)/pytest

bench: $(VENV)/.installed-test
	$(BIN)/python -m bench --quick --json bench-quick.json

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Evenwijdig needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --editable .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --editable '.[test]'
	@touch $@ $(VENV)/.installed-run

clean:
	rm -rf $(VENV) var .pytest_cache .import_linter_cache
