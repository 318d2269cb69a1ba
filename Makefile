PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test e2e bench theme clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip==26.2.1  # chalice 1.34 needs pip<26.3
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/blog serve $(ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest

# Browser tests (tests/e2e): Debian's Chromium, Playwright, axe-core, the Nu HTML
# checker and Lighthouse. Nothing here downloads a browser of its own.
E2E_STAMP := $(VENV)/.e2e-installed
LIGHTHOUSE := .e2e/node_modules/.bin/lighthouse

$(E2E_STAMP): requirements-e2e.txt $(STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-e2e.txt
	touch $(E2E_STAMP)

$(LIGHTHOUSE):
	mkdir -p .e2e
	cd .e2e && npm install --silent --no-audit --no-fund --save-exact lighthouse@12.2.3

/usr/bin/chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

e2e: $(E2E_STAMP) $(LIGHTHOUSE) /usr/bin/chromium
	$(BIN)/python -m pytest -c tests/e2e/pytest.ini tests/e2e

# The theme precompiled for the Lambda package (vendor/ lands beside app.py);
# tests/test_theme.py fails while it is stale.
theme: $(STAMP)
	$(BIN)/python -m chalicelib.code_colors templates/highlight.css
	$(BIN)/python -m chalicelib.render compile vendor/compiled_templates

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/load.py 10 20

clean:
	rm -rf $(VENV) .chalice/deployments build
