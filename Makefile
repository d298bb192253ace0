# Two commands matter (see README): `make run` and `make test`. Each sets itself up.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: run test demo serve lint-imports bench clean lock

run: $(VENV)/.installed-run
	$(BIN)/evenwijdig demo
	$(BIN)/evenwijdig serve

test: $(VENV)/.installed-test
	./scripts/ensure-postgres
	$(BIN)/lint-imports
	$(BIN)/pytest -n 2  # two workers: the machine CI runs on has two cores

bench: $(VENV)/.installed-test
	$(BIN)/python -m bench --quick --json bench-quick.json

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Evenwijdig needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

# Every package, transitive ones and the build backend included, exactly as the lock file names it and
# only with the SHA-256 it records: a report's bytes depend on them (fonttools and pillow subset its fonts).
# --no-deps: nothing outside the lock; --no-build-isolation: the project builds with the locked setuptools.
$(VENV)/.installed-run: requirements.lock pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation --editable .
	@touch $@

$(VENV)/.installed-test: requirements-test.lock pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements-test.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation --editable .
	@touch $@ $(VENV)/.installed-run

# After changing a dependency in pyproject.toml: both lock files again (pip-tools in a venv of its own).
# The test lock is constrained by the run lock, so both install the same version of every shared package.
LOCK_TOOL := .lock-venv/bin/pip-compile
LOCK_FLAGS := --quiet --generate-hashes --allow-unsafe --all-build-deps --strip-extras --no-emit-index-url --no-emit-find-links
lock:
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet pip-tools==7.6.2
	$(LOCK_TOOL) $(LOCK_FLAGS) --upgrade -o requirements.lock pyproject.toml
	$(LOCK_TOOL) $(LOCK_FLAGS) --upgrade --extra test -c requirements.lock -o requirements-test.lock pyproject.toml

clean:
	rm -rf $(VENV) .lock-venv var .pytest_cache .import_linter_cache
