# make book   - install what is needed, then build the HTML and the PDF
# make test   - install what is needed, then run the tests
# make html / make pdf / make serve / make bench / make validate / make sources / make clean
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python

.PHONY: book html pdf serve test bench validate sources system-packages clean

book: system-packages $(VENV)/.installed
	$(PY) -m tools.build html pdf

html: $(VENV)/.installed
	$(PY) -m tools.build html

pdf: system-packages $(VENV)/.installed
	$(PY) -m tools.build pdf

# Serve the built book at http://localhost:8000/ (PORT=... to change it).
PORT ?= 8000
serve:
	$(PYTHON) -m http.server $(PORT) --directory _build/html

test: system-packages $(VENV)/.installed
	$(PY) -m pytest

# Time the builds against the floor (several runs; prints times and ratios).
bench: system-packages $(VENV)/.installed
	$(PY) -m tools.bench

validate: $(VENV)/.installed
	$(PY) -m oicbook.core.data

# Regenerate the derived data files from the seed, pycountry and the raw files of the time.
sources: $(VENV)/.installed
	$(PY) -m oicbook.core.sources
	$(PY) -m tools.countries
	$(PY) -m tools.vintage

system-packages:
	.ci/install-system-packages

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

clean:
	rm -rf _build
