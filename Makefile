# The two commands of the README: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8050
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test lint format geodata debian-packages bench load clean

run: geodata
	PHARE_ENABLE_SIMULATED=$${PHARE_ENABLE_SIMULATED:-1} PORT=$(PORT) $(BIN)/gunicorn dashboard.app:server --config gunicorn.conf.py --bind 127.0.0.1:$(PORT)

test: $(VENV)/.dev-installed geodata debian-packages lint
	$(BIN)/pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports

format: $(VENV)/.dev-installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

geodata: $(VENV)/.installed
	$(BIN)/python -m geodata build

bench: $(VENV)/.dev-installed geodata
	$(BIN)/python -m benchmarks

load: $(VENV)/.dev-installed geodata
	$(BIN)/python -m benchmarks.load

debian-packages:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
		|| ! command -v redis-server >/dev/null || ! fc-list | grep -q LiberationSans-Regular; then \
		echo "Installing Debian's chromium, chromium-driver (browser tests), redis-server (shared cache test) and fonts-liberation (the slides' font)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver redis-server fonts-liberation >/dev/null; \
	fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --disable-pip-version-check -q -r requirements-dev.txt
	touch $@ $(VENV)/.installed

clean:
	rm -rf $(VENV) .cache .pytest_cache .ruff_cache .hypothesis
