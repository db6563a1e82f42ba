# The README's two commands: `make serve` and `make test`. Each sets up what it needs, once.
SHELL := /bin/bash
PYENV_ROOT ?= $(HOME)/.pyenv
# The tool environment uses the newest CPython found (pyodide-build needs >= 3.12).
TOOL_PYTHON ?= $(firstword $(foreach v,3.13 3.12,$(wildcard $(PYENV_ROOT)/versions/$(v).*/bin/python3) $(shell command -v python$(v))))
VENV := .venv
# Examples run in one environment per CPython found among those of tests/support/pythons.json (or
# those EXAMPLE_PYTHONS names, as a CI job does), with what examples/requirements.txt has for it.
find_python = $(firstword $(wildcard $(PYENV_ROOT)/versions/$(1).*/bin/python3) $(shell command -v python$(1)))
comma := ,
EXAMPLE_VERSIONS := $(or $(subst $(comma), ,$(EXAMPLE_PYTHONS)),3.11 3.12 3.13 3.14 3.14t 3.15 3.15t)
EXAMPLE_ENVS := $(foreach v,$(EXAMPLE_VERSIONS),$(if $(call find_python,$(v)),$(VENV)/examples-$(v)/.installed))
PORT ?= 8000

.PHONY: setup serve build test chromium test-fast test-examples test-site update-output format clean

$(VENV)/.installed: requirements.txt
	@test -n "$(TOOL_PYTHON)" || { echo "need CPython 3.12 or 3.13 (pyenv or python3.1x on PATH)"; exit 1; }
	test -x $(VENV)/bin/python || $(TOOL_PYTHON) -m venv $(VENV)
	$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Packages with no wheel for a CPython (tests/support/pythons.json) are left out there; the
# examples that need them are skipped on it, and the summary lists them.
$(VENV)/examples-%/.installed: examples/requirements.txt tests/support/pythons.json $(VENV)/.installed
	test -x $(VENV)/examples-$*/bin/python || $(call find_python,$*) -m venv $(VENV)/examples-$*
	$(VENV)/bin/python -m tests.support.examples requirements $* > $(VENV)/examples-$*/requirements.txt
	$(VENV)/examples-$*/bin/python -m pip install --quiet --disable-pip-version-check -r $(VENV)/examples-$*/requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed $(EXAMPLE_ENVS) node_modules/.installed

serve: setup
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

build: setup
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict

test: setup chromium
	$(VENV)/bin/python -m pytest

chromium:  # tests/test_browser.py drives Debian's Chromium (or the browser named by $$CHROMIUM)
	test -n "$$CHROMIUM" || command -v chromium || (apt-get update -qq && apt-get install -y -qq chromium)

# The two halves of `make test`, as the CI workflow runs them: the examples on the CPythons of
# EXAMPLE_PYTHONS, and everything that needs the built site (built once) or one CPython.
test-examples: $(VENV)/.installed $(EXAMPLE_ENVS)
	$(VENV)/bin/python -m pytest -m examples

test-site: setup chromium
	$(VENV)/bin/python -m pytest -m "not examples"

# A developer's quick tier (no example runs, browser, clusters, site build or benchmark): lint,
# format, the recorded outputs against their examples, and the docs blocks. Other tiers:
# `pytest -m examples` (EXAMPLE_PYTHONS=3.13 for one CPython), -m site, -m browser, -m clusters.
test-fast: setup
	$(VENV)/bin/python -m pytest -m "lint or records or docs"

# Re-record the output each page shows (examples/recorded.json) for every example that changed
# since its record; `make update-output ARGS=--all` re-records all, `ARGS="threads_io"` one.
update-output: setup
	$(VENV)/bin/python -m tests.support.examples record $(ARGS)

format: setup  # ruff format, keeping the spec blocks' `#>` output lines as they are written
	$(VENV)/bin/python -m tests.support.examples format

clean:
	rm -rf $(VENV) node_modules site .cache
