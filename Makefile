# The two commands of the README:  `make lab` (set up and open the kit)
# and `make test` (set up and run every test: unit tests, browser tests and strict nbval).
# Both need only Python 3 (>= 3.10) on the machine; everything else is installed here.

PYTHON ?= python3
VENV   := .venv
BIN    := $(CURDIR)/$(VENV)/bin
STAMP  := $(VENV)/.installed
export PATH := $(BIN):$(PATH)

.PHONY: setup lab test test-fast browser lint clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[test]'
	touch $(STAMP)

ROOT_FLAG := $(shell [ "$$(id -u)" = 0 ] && echo --allow-root)

lab: setup
	$(BIN)/jupyter lab --notebook-dir=notebooks $(ROOT_FLAG) $(LAB_ARGS)

# Debian's chromium for the real-browser tests (Playwright cannot download its own browser here).
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "The browser tests need Debian's chromium: sudo apt-get install chromium"; \
	  fi; \
	fi

lint: setup
	$(BIN)/ruff check .

test: setup browser lint
	env -u MPLBACKEND MEDIALIT_WORK="$$(mktemp -d)" $(BIN)/python -m pytest \
	  tests notebooks --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:randomly $(PYTEST_ARGS)

# Unit tests only, no notebooks or servers: for quick checks while coding.
test-fast: setup
	$(BIN)/python -m pytest tests -m "not browser and not slow" -q $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) test-artifacts .pytest_cache .ruff_cache
