# The front door. `make run` and `make test` are all a fresh machine needs.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.8
TOOLS := .tools
UV := $(TOOLS)/bin/uv
PY := .venv/bin/python
RAW ?= raw
OUT ?= build
DEST ?= downloads
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := .venv

.PHONY: setup run test lint golden schemas download bench fuzz eval clean publish releases serve ui

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --quiet --compile-bytecode
	$(PY) -m flows.accel.wordfreq_lean ru en
	@touch $@

# the standard loaders tests/test_loaders.py reads releases with, apart: they bring pandas
.venv-loaders/.synced: pyproject.toml uv.lock | $(UV)
	UV_PROJECT_ENVIRONMENT=.venv-loaders $(UV) sync --frozen --quiet --only-group loaders
	@touch $@

## setup: create .venv with the locked dependencies
setup: .venv/.synced

## run: build a release from RAW (default raw/) into OUT (default build/); ACCEL=0: plain
## stages; STRICT=1: fail on any reject; WAIT=1: wait for another build on OUT to finish;
## PSEUDONYMIZE=1: keyed pseudonyms (key: PSEUDONYM_KEY_FILE=… or $$CORPUS_PSEUDONYM_KEY)
run: setup
	$(PY) -m flows build --raw "$(RAW)" --out "$(OUT)" $(if $(filter 0,$(ACCEL)),--no-accel) \
		$(if $(filter 1,$(STRICT)),--strict) $(if $(filter 1,$(WAIT)),--wait) \
		$(if $(filter 1,$(PSEUDONYMIZE)),--pseudonymize) \
		$(if $(PSEUDONYM_KEY_FILE),--pseudonym-key-file "$(PSEUDONYM_KEY_FILE)")

## test: lint, type-check and the whole test suite
test: setup .venv-loaders/.synced lint
	$(PY) -m pytest -n 2 --dist loadfile

lint: setup
	$(PY) -m ruff check flows schemas tests benchmarks
	$(PY) -m ruff format --check flows schemas tests benchmarks
	$(PY) -m mypy

## golden: regenerate tests/golden/ from the seeds (review the diff like code)
golden: setup
	$(PY) -m tests.golden_tools

## schemas: regenerate the JSON Schemas in schemas/json/ and the draft row types
schemas: setup
	$(PY) -m schemas.jsonschema
	$(PY) -m schemas.rows

## bench: time the whole flow on a synthetic corpus (SIZE_MB, default 300) against its floors
bench: setup
	$(PY) -m benchmarks.run --size-mb $(or $(SIZE_MB),300) --out $(OUT)/bench --workers 2

## fuzz: 10,000 hypothesis examples per property (several minutes)
fuzz: setup
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest tests/test_fuzz.py tests/test_decode.py tests/test_repair.py -q -p no:xdist

## download: fetch and verify a release: make download URL=https://host/out [VERSION=v] [DEST=downloads]
download: setup
	$(PY) -m flows download "$(URL)" $(if $(VERSION),--version "$(VERSION)") --dest "$(DEST)"

## publish: copy OUT's newest release, then releases.json, to TO=s3://bucket/prefix
## (AWS_ENDPOINT_URL, AWS_REGION, credentials from the environment), file:///path or a path
publish: setup
	$(PY) -m flows publish --release "$(or $(RELEASE),$(OUT)/release)" --to "$(TO)"

## releases: list the releases published at URL (its releases.json) as a table
releases: setup
	$(PY) -m flows releases "$(URL)"

## serve: rebuild RAW into OUT on a schedule (SCHEDULE=seconds or cron, default 3600) as a
## Prefect deployment, publishing each new release to TO if given; watch it with `make ui`
serve: setup
	$(PY) -m flows serve --raw "$(RAW)" --out "$(OUT)" --schedule "$(or $(SCHEDULE),3600)" \
		$(if $(TO),--to "$(TO)")

## ui: the Prefect server and UI on http://127.0.0.1:4200, state kept in .prefect-home;
## point builds at it with PREFECT_API_URL=http://127.0.0.1:4200/api
ui: setup
	PREFECT_HOME="$(abspath .prefect-home)" PREFECT_SERVER_ANALYTICS_ENABLED=false \
		PREFECT_UI_API_URL=http://127.0.0.1:4200/api \
		$(PY) -m prefect server start --host 127.0.0.1 --port 4200

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache .hypothesis

## eval: score segmentation on the real-format fixtures: dev, test (tests/realworld), holdout (tests/holdout)
eval: setup
	$(PY) -m tests.realworld_eval $(if $(V),-v)
