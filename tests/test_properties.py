"""Properties over generated documents: the content layer fails only with ContentError, and any
document it accepts renders in every mode.

Documents come from the content schema (see content_documents.py). Example counts are kept low so
that the whole file runs in a few seconds; raise them locally when hunting.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content_documents import broken_documents, renderable_documents, schema_documents
from sepsis_viewer.content import ContentError, Problem, load_content, validate_file

_FIXTURES_ACROSS_EXAMPLES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]


def _write(tmp_path, doc) -> object:
    path = tmp_path / "generated.json"
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


@settings(max_examples=60, deadline=None, suppress_health_check=_FIXTURES_ACROSS_EXAMPLES)
@given(doc=st.one_of(schema_documents(), renderable_documents(), broken_documents()))
def test_loader_and_validator_raise_nothing_but_content_error(tmp_path, doc):
    path = _write(tmp_path, doc)
    try:
        content = load_content(path)
    except ContentError as exc:
        assert exc.problems and all(isinstance(problem, Problem) for problem in exc.problems)
        assert validate_file(path) == list(exc.problems)
    else:
        assert validate_file(path) == [] and content.stages


@settings(max_examples=25, deadline=None, suppress_health_check=_FIXTURES_ACROSS_EXAMPLES)
@given(doc=renderable_documents())
def test_documents_made_meaningful_pass_every_check(tmp_path, doc):
    """The rendering property below is only as good as this: its documents really are valid."""
    assert validate_file(_write(tmp_path, doc)) == []


def _desktop(content):
    """The desktop window, and a walk through every step and the About view."""
    from sepsis_viewer.ui.desktop.main_window import MainWindow

    window = MainWindow(content, remember_geometry=False)

    def walk():
        for step in window.tour.steps:
            window.select(step.id)
            assert window.tour.current.id == step.id
        window.select("about")

    return window, walk


def _projector(content):
    """The projector's audience view, and a walk through every slide (every part of a split page)
    and every overlay."""
    from sepsis_viewer.ui.projector.audience import AudienceView
    from sepsis_viewer.ui.widgets.fonts import register_fonts
    from sepsis_viewer.ui.projector.control import BLACK, HELP, OVERVIEW, ZOOM, ProjectorController

    controller = ProjectorController(content)
    view = AudienceView(content, controller, register_fonts())

    def walk():
        controller.first()
        seen = {controller.step.id}
        while controller.next():
            seen.add(controller.step.id)
        assert seen == {step.id for step in controller.position.steps}
        for overlay in (OVERVIEW, HELP, ZOOM, BLACK, None):
            controller.set_overlay(overlay)

    return view, walk


def _kiosk(content):
    """The waiting-room window, walked by its own loop."""
    from sepsis_viewer.ui.kiosk.session import KioskSession

    session = KioskSession([content], dwell=1.0)

    def walk():
        session.loop.start()
        for _ in range(10_000):  # every screen of every step: as many as the words need
            session.loop.advance()
            if session.loop.loops == 2:
                break
        assert session.loop.loops == 2  # round once, and started again
        session.loop.stop()

    session.window.closable = True
    return session.window, walk


# Every mode a valid document must render in, each a function from Content to (window, walk).
MODES = [("desktop", _desktop), ("projector", _projector), ("kiosk", _kiosk)]


@pytest.mark.parametrize("make_window", [make for _, make in MODES], ids=[name for name, _ in MODES])
@settings(max_examples=10, deadline=None, suppress_health_check=_FIXTURES_ACROSS_EXAMPLES)
@given(doc=renderable_documents())
def test_any_valid_document_renders_along_the_whole_tour(qtbot, tmp_path, make_window, doc):
    window, walk = make_window(load_content(_write(tmp_path, doc)))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    walk()
    assert not window.grab().isNull()  # every widget painted; an error in a paint handler fails the test
    window.close()
