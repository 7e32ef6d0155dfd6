# The instructor's workflow, one target per step. Everything runs in .venv,
# created from the pinned requirements.txt on first use.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
export PATH := $(abspath $(BIN)):$(PATH)
export MPLBACKEND := Agg

.PHONY: help venv jail postgres chromium build release check sample-class demo grade lab test test-fast clean

help:
	@echo "make demo          venv + build + release + grade the sample class (the main job)"
	@echo "make test          the whole test suite (what CI runs)"
	@echo "make test-fast     the suite without the slow end-to-end grading runs"
	@echo "make build         masters/ -> source/ (both languages) and reference/"
	@echo "make release       source/ -> release/ with nbgrader generate_assignment"
	@echo "make check         fail if source/, reference/, release/ or examples/ are stale"
	@echo "make grade         autograde submitted/, write feedback and grades.csv"
	@echo "make lab           JupyterLab with nbgrader's formgrader at the course root"
	@echo "make sample-class  rewrite examples/sample_class/ (after changing a master: make build release sample-class)"
	@echo "make clean         empty the class: submissions, grades, feedback, gradebook, submission times (keeps source/, release/)"

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found: run 'make PYTHON=python3' with a Python 3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

venv: $(VENV)/.installed

# apt-get as root, or through passwordless sudo (a CI runner); empty when neither works. Expanded only by
# the targets below that install a missing system package.
APT_GET = $(shell command -v apt-get >/dev/null 2>&1 && { \
  if [ "$$(id -u)" = 0 ]; then echo "env DEBIAN_FRONTEND=noninteractive apt-get"; \
  elif sudo -n true >/dev/null 2>&1; then echo "sudo -n env DEBIAN_FRONTEND=noninteractive apt-get"; fi; })

# Student code is graded in a bubblewrap jail (tools/grading/jail.py). As root (or with passwordless sudo),
# install it if missing; otherwise say how (grading without it needs --no-jail). Where Ubuntu's AppArmor
# restricts user namespaces (24.04), allow them to bwrap alone with an AppArmor profile (tools/jail/).
jail:
	@command -v bwrap >/dev/null 2>&1 || { \
	  apt="$(APT_GET)"; if [ -n "$$apt" ]; then \
	    $$apt update -qq && $$apt install -y -qq bubblewrap >/dev/null; \
	  else echo "bubblewrap is missing: install it (Debian/Ubuntu: sudo apt-get install bubblewrap)"; exit 1; fi; }
	@sh tools/jail/allow-bwrap-userns.sh

# The tests of a PostgreSQL gradebook start a throw-away server of Debian's postgresql package.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || { \
	  apt="$(APT_GET)"; if [ -n "$$apt" ]; then \
	    $$apt update -qq && $$apt install -y -qq postgresql >/dev/null; \
	  else echo "PostgreSQL is missing: install it (Debian/Ubuntu: sudo apt-get install postgresql)"; exit 1; fi; }

# The report's test renders report.html in a real browser: Debian's chromium, headless.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  apt="$(APT_GET)"; if [ -n "$$apt" ]; then \
	    $$apt update -qq && $$apt install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: install it (Debian: sudo apt-get install chromium)"; exit 1; fi; }

build: venv
	$(PY) -m tools build

release: venv
	$(PY) -m tools release

sample-class: venv
	$(PY) -m tools sample-class

check: venv
	$(PY) -m tools check

demo: venv jail build
	$(PY) -m tools demo

grade: venv jail
	$(PY) -m tools grade $(if $(JOBS),--jobs $(JOBS))

# tools/lab/ holds the server's config (a Content-Security-Policy), read on top of the instructor's own.
lab: venv
	JUPYTER_CONFIG_PATH=$(CURDIR)/tools/lab$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH} \
	  $(BIN)/jupyter lab --no-browser $(if $(filter 0,$(shell id -u)),--allow-root)

test: venv jail postgres chromium
	$(PY) -m pytest -n 2 --dist loadfile -q --durations=12 tests

test-fast: venv jail chromium
	$(PY) -m pytest -q -m "not slow" tests

clean:
	rm -rf submitted autograded/* feedback gradebook.db grades.csv submission_times.json grading_record.json \
	  report.html moodle.csv canvas.csv .pytest_cache
	mkdir -p autograded && touch autograded/.gitkeep
