# 收债人职业素养培训手册 — every command sets up what it needs.
# `make serve` and `make test` are the two commands of the README.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
export PYTHONPATH := $(CURDIR)/hooks
# Material prints a multi-line end-of-life banner on every build; the README explains the plan.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check typography test test-fast test-future fuzz mutation lint bench new clean pdf pdf-preview scorm qti

SYSTEM_STAMP := $(VENV)/.system-packages

$(SYSTEM_STAMP): system-packages.txt scripts/install-system-deps.sh
	bash scripts/install-system-deps.sh
	mkdir -p $(VENV) && touch $(SYSTEM_STAMP)

# npm tooling for the browser tests (axe-core), exactly as locked in package-lock.json.
NODE_STAMP := node_modules/.installed

$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

$(STAMP): requirements.txt requirements-dev.txt requirements-pdf.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $(STAMP)

## serve: build and serve the site at http://127.0.0.1:8000/collector-handbook/ (path from site_url), live reload
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr $(HOST):$(PORT)

## build: strict build of the site into site/
build: $(STAMP)
	$(BIN)/mkdocs build --strict

## pdf: strict build of the site plus the printable manual site/downloads/handbook.pdf (about 30 s)
pdf: $(STAMP) $(SYSTEM_STAMP)
	ENABLE_PDF_EXPORT=1 $(BIN)/mkdocs build --strict

## pdf-preview: PNG images of PDF pages to look at, in build/pdf-preview/ (PAGES=first-last, default 1-6)
PAGES ?= 1-6
pdf-preview: pdf
	rm -rf build/pdf-preview && mkdir -p build/pdf-preview
	pdftoppm -r 70 -png -f $(firstword $(subst -, ,$(PAGES))) -l $(lastword $(subst -, ,$(PAGES))) \
		site/downloads/handbook.pdf build/pdf-preview/page
	@ls build/pdf-preview

## typography: fix spacing, punctuation, quotes and brackets in every page (review with git diff)
typography: $(STAMP)
	$(BIN)/python -m handbook.tools.typography docs

## scorm: SCORM 1.2 package for a learning platform, dist/collector-handbook-<edition>-scorm12.zip
scorm: $(STAMP)
	$(BIN)/python -m handbook.tools.scorm --out dist

## qti: the question bank as QTI 2.1 for an LMS question bank, dist/collector-handbook-<edition>-qti21.zip
qti: $(STAMP)
	$(BIN)/python -m handbook.tools.qti --out dist

## check: all content rules in about a second, without building
check: $(STAMP)
	$(BIN)/python -m handbook.check docs

## test: lint and types, then every test (unit, property-based, strict build, PDF, browser and accessibility)
test: lint $(STAMP) $(SYSTEM_STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest

## test-fast: the unit tests only (no site build, PDF or browser), for the edit-test loop
test-fast: $(STAMP)
	HANDBOOK_FAST_TESTS=1 $(BIN)/python -m pytest -m unit -q

## lint: ruff over all Python; mypy strict over the engine (hooks/handbook), default over adapters and tests
lint: $(STAMP)
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/mypy --strict hooks/handbook
	$(BIN)/mypy hooks/*.py tests/*.py
	$(BIN)/mypy tests/browser

## test-future: every non-browser test with the clock two years ahead (no test may depend on today)
test-future: $(STAMP) $(SYSTEM_STAMP)
	$(BIN)/python -m pytest -m "not browser" --clock-ahead=730 -q

## fuzz: the property tests with new random cases each run (the test suite replays fixed ones)
fuzz: $(STAMP)
	HANDBOOK_HYPOTHESIS=explore $(BIN)/python -m pytest -q tests/test_html_safety.py tests/test_fuzz.py tests/test_markdown_view.py

## mutation: mutation testing of the rule modules (mutmut); table of killed/survived per module, fails below 90 %
mutation: $(STAMP)
	$(BIN)/python scripts/mutation.py --check

## bench: performance table (build, hook overhead, growth, page weight, PDF); LIGHTHOUSE=1 adds Lighthouse
bench: $(STAMP) $(SYSTEM_STAMP)
	$(BIN)/python scripts/bench.py $(if $(LIGHTHOUSE),--lighthouse) $(BENCH_ARGS)

## new: scaffold a page from templates/ and add it to the nav, e.g.
##   make new TYPE=case SLUG=payment-plan TITLE="分期还款方案的谈判" MODULES="M2 M4" OWNER=案例教学组
new: $(STAMP)
	$(BIN)/python -m handbook.tools.scaffold "$(TYPE)" "$(SLUG)" --title "$(TITLE)" $(if $(MODULES),--modules $(MODULES)) $(if $(OWNER),--owner "$(OWNER)") $(if $(HOURS),--hours $(HOURS)) $(if $(MINUTES),--minutes $(MINUTES))

clean:
	rm -rf site dist $(VENV)
