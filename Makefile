PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test bench theme clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/blog serve

test: $(STAMP)
	$(BIN)/python -m pytest

# The theme precompiled for the Lambda package (vendor/ lands beside app.py);
# tests/test_theme.py fails while it is stale.
theme: $(STAMP)
	$(BIN)/python -m chalicelib.render compile vendor/compiled_templates

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .chalice/deployments build
