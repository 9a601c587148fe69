# Flarewatch — `make demo` runs everything on the bundled demo stream; `make test` runs the suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8501

.PHONY: demo demo-reset install test browser bench lint screenshots clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/flarewatch init
	$(BIN)/flarewatch train --if-missing
	$(BIN)/flarewatch run --dashboard --port $(PORT)

# Forget what the demo stored, so the next `make demo` replays the stream from the start.
demo-reset:
	rm -f var/flarewatch.db var/flarewatch.db-wal var/flarewatch.db-shm

# Chromium and CJK fonts from Debian's packages, for the dashboard's browser tests.
browser:
	@command -v chromium >/dev/null 2>&1 && fc-list :lang=zh | grep -q . || { \
	  echo "installing Chromium and CJK fonts from Debian's packages for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    chromium fonts-noto-cjk fonts-noto-color-emoji >/dev/null; }

test: install browser
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/run_all.py

lint: install
	$(BIN)/ruff check .

# Photograph the dashboard for the README (needs a trained model: `flarewatch train`).
screenshots: install browser
	$(BIN)/python docs/take_screenshots.py

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
