# make run: set up .venv and start the app. make test: set up .venv and run every test.
# make check-content: the bundled content against its schema (make wheel and make bundle run it first).
# make bench: start-up, clicks, 4K repaints, the body map, memory, chart redraws and the kiosk soak (figures, not tests).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
BUNDLE_STAMP := $(VENV)/.installed-bundle

.PHONY: run test bench screenshots icons body-map check-content wheel bundle clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m sepsis_viewer

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: $(STAMP)
	$(PY) benchmarks/run_all.py

# Pictures of the window at the sizes the layout must hold, for looking at.
screenshots: $(STAMP)
	mkdir -p screenshots
	for size in 1024x768 1920x1080 3840x2160; do \
	  $(PY) -m sepsis_viewer --screenshot screenshots/desktop-$$size.png --size $$size || exit 1; \
	done

# The app icon's PNGs (assets/app/icons), rendered from its SVG with Qt; commit them after a change.
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) packaging/render_icons.py

# The body map (assets/body_map): the anatomogram's SVGs prepared from its npm tarball; commit the
# result. npm fetches the pinned version into build/body-map (kept there for the test that
# reproduces the committed files), or ANATOMOGRAM_TGZ=path names a tarball you have.
ANATOMOGRAM := @ebi-gene-expression-group/anatomogram@2.4.0
body-map: $(STAMP)
	@tgz="$(ANATOMOGRAM_TGZ)"; \
	if [ -z "$$tgz" ]; then \
	  mkdir -p build/body-map && tgz="build/body-map/$$(cd build/body-map && npm pack --silent $(ANATOMOGRAM))" || exit 1; \
	fi; \
	QT_QPA_PLATFORM=offscreen $(PY) packaging/prepare_body_map.py "$$tgz"

# The bundled content against its schema in full, as `sepsis-viewer validate` checks a user's file.
# A start skips the schema for the bundled files (content/loader.py), so nothing is built without this.
BUNDLED_CONTENT := $(filter-out %/content.schema.json,$(wildcard resources/content/*.json))
check-content: $(STAMP)
	$(PY) -m sepsis_viewer validate $(BUNDLED_CONTENT)

wheel: check-content
	$(PY) -m pip wheel --quiet --no-deps --wheel-dir dist .

$(BUNDLE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e ".[test,bundle]"
	touch $(BUNDLE_STAMP)

# A one-folder app in dist/sepsis-viewer/ that starts without an installed Python (see the README).
bundle: $(BUNDLE_STAMP) check-content
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
	  packaging/sepsis-viewer.spec

clean:
	rm -rf $(VENV) dist build screenshots .pytest_cache
