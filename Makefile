# The README's two commands: `make serve` and `make test`. Each sets up what it needs, once.
SHELL := /bin/bash
PYENV_ROOT ?= $(HOME)/.pyenv
# The tool environment uses the newest CPython found (pyodide-build needs >= 3.12).
TOOL_PYTHON ?= $(firstword $(foreach v,3.13 3.12,$(wildcard $(PYENV_ROOT)/versions/$(v).*/bin/python3) $(shell command -v python$(v))))
VENV := .venv
# Examples run in one environment per CPython found (3.11 to 3.14), with examples/requirements.txt.
find_python = $(firstword $(wildcard $(PYENV_ROOT)/versions/$(1).*/bin/python3) $(shell command -v python$(1)))
EXAMPLE_ENVS := $(foreach v,3.11 3.12 3.13 3.14,$(if $(call find_python,$(v)),$(VENV)/examples-$(v)/.installed))
PORT ?= 8000

.PHONY: setup serve build test format clean

$(VENV)/.installed: requirements.txt
	@test -n "$(TOOL_PYTHON)" || { echo "need CPython 3.12 or 3.13 (pyenv or python3.1x on PATH)"; exit 1; }
	test -x $(VENV)/bin/python || $(TOOL_PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/examples-%/.installed: examples/requirements.txt
	test -x $(VENV)/examples-$*/bin/python || $(call find_python,$*) -m venv $(VENV)/examples-$*
	$(VENV)/examples-$*/bin/python -m pip install --quiet --disable-pip-version-check -r examples/requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed $(EXAMPLE_ENVS) node_modules/.installed

serve: setup
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

build: setup
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict

test: setup
	@# tests/test_browser.py drives Debian's Chromium (or the browser named by $$CHROMIUM).
	test -n "$$CHROMIUM" || command -v chromium || (apt-get update -qq && apt-get install -y -qq chromium)
	$(VENV)/bin/python -m pytest

format: setup  # ruff format, keeping the examples' `#>` output lines as they are written
	$(VENV)/bin/ruff format examples tests docs/hooks.py
	sed -i -E 's/^# ([>?])( |$$)/#\1\2/' examples/*.py

clean:
	rm -rf $(VENV) node_modules site .cache
