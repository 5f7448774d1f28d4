"""Reading a content file into the immutable model, or saying precisely why it cannot be used."""

from __future__ import annotations

from pathlib import Path

from sepsis_viewer import paths
from sepsis_viewer.content import model as m
from sepsis_viewer.content.assets import resolve_icon
from sepsis_viewer.content.numbers import resolved
from sepsis_viewer.content.parse import MAX_FILE_BYTES, parse_json
from sepsis_viewer.content.problems import ContentError, Problem
from sepsis_viewer.content.validate import meaning_problems, schema_problems

DEFAULT_LANGUAGE = "en"


def read_document(path: Path, file: str | None = None, *, schema: bool = True) -> dict:
    """The checked JSON document of a content file; ContentError lists every problem.

    `schema=False` is for the bundled files only: the tests and the build (`make check-content`)
    check them against the schema in full, so a start need not import jsonschema for them. Every
    other file is checked against the schema, every time.
    """
    file = file if file is not None else str(path)
    try:
        if path.is_dir():
            raise ContentError([Problem(file, "is a folder, not a content file")])
        if path.exists() and not path.is_file():  # a named pipe or a device: opening it could wait forever
            raise ContentError([Problem(file, "is not a regular file, so it cannot be a content file")])
        with path.open("rb") as stream:
            # Read one byte past the limit so that a huge file is refused without reading it all.
            data = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ContentError([Problem(file, "no such file")]) from None
    except OSError as exc:
        raise ContentError([Problem(file, f"cannot be read ({exc.strerror or exc})")]) from None
    doc = parse_json(data, file)
    problems = schema_problems(doc, file) if schema else []
    if not problems:
        problems = meaning_problems(doc, file, path.parent)
    if problems:
        raise ContentError(problems)
    return doc


def validate_file(path: Path | str) -> list[Problem]:
    """Every problem of a content file; an empty list means it is valid."""
    try:
        read_document(Path(path), str(path))
    except ContentError as exc:
        return list(exc.problems)
    return []


def load_content(path: Path | str | None = None, lang: str | None = None) -> m.Content:
    """The validated content of a file, or of the bundled file for `lang` when no path is given.

    A file named by its path is always checked against the schema in full; the bundled file, found
    by its language, was checked before it was shipped and gets the checks beyond the schema only.
    """
    if path is None:
        path = paths.bundled_content_path(lang or DEFAULT_LANGUAGE)
        if not path.is_file():
            raise ContentError([Problem(str(path), f'no bundled content for the language "{lang}"')])
        return _build(resolved(read_document(path, schema=False)), path)
    path = Path(path)
    return _build(resolved(read_document(path)), path)  # figures written into the texts in the file's language


def _build(doc: dict, path: Path) -> m.Content:
    icon = _IconResolver(path.parent)
    intro, note = doc["intro"], doc["model_note"]
    return m.Content(
        path=path.resolve(),
        language=doc["language"],
        content_version=doc["content_version"],
        last_reviewed=doc["last_reviewed"],
        disclaimer=_with_review_status(doc),
        intro=m.Intro(intro["title"], intro["subtitle"], intro["heading"], intro["text"], intro["hint"],
                      tuple(intro["sources"]), intro.get("notes", "")),
        model_note=m.ModelNote(note["label"], note["short"], note["title"], note["text"], icon(note["icon"]),
                               tuple(note["sources"])),
        stages=tuple(_stage(s, icon) for s in doc["stages"]),
        panels=tuple(_panel(panel_id, doc[panel_id], icon) for panel_id in m.PANEL_IDS if panel_id in doc),
        numbers=_numbers(doc["numbers"], icon),
        call_to_action=_call_to_action(doc["call_to_action"], icon),
        references=tuple(
            m.Reference(id=r["id"], title=r["title"], citation=r["citation"], url=r.get("url"))
            for r in doc["references"]
        ),
        translation=m.Translation(**doc["translation"]) if "translation" in doc else None,
        reviewed_by_clinician=doc.get("reviewed_by_clinician", False),
    )


def _with_review_status(doc: dict) -> str:
    """The disclaimer, followed by whether a clinician has signed the content off: wherever the
    disclaimer goes (the start page, About, the handout), that goes with it."""
    from sepsis_viewer.strings import table  # plain JSON, no Qt

    reviewed = doc.get("reviewed_by_clinician", False) and doc.get("translation", {}).get("reviewed_by_clinician", True)
    key = "clinician_reviewed" if reviewed else "clinician_not_reviewed"
    words = table(doc["language"].split("-")[0]).get(key) or table("en")[key]
    return f"{doc['disclaimer']} {words}"


def _stage(s: dict, icon) -> m.Stage:
    return m.Stage(
        id=s["id"], number=s["number"], title=s["title"], summary=s["summary"], icon=icon(s["icon"]),
        body=s["body"], signs=tuple(s["signs"]), action=s["action"], sources=tuple(s["sources"]),
        notes=s.get("notes", ""), organs=tuple(s.get("organs", ())),
    )


def _panel(panel_id: str, p: dict, icon) -> m.Panel:
    items = tuple(
        m.PanelItem(id=i["id"], title=i["title"], summary=i["summary"], icon=icon(i["icon"]), detail=i["detail"],
                    sources=tuple(i["sources"]), notes=i.get("notes", ""), organs=tuple(i.get("organs", ())))
        for i in p["items"]
    )
    return m.Panel(id=panel_id, title=p["title"], intro=p["intro"], icon=icon(p["icon"]), items=items,
                   notes=p.get("notes", ""))


def _numbers(n: dict, icon) -> m.Numbers:
    figures = tuple(
        m.Figure(id=f["id"], label=f["label"], value=float(f["value"]), unit=f["unit"], year=f["year"],
                 text=f["text"], sources=tuple(f["sources"]), low=f.get("low"), high=f.get("high"))
        for f in n["figures"]
    )
    return m.Numbers(title=n["title"], intro=n["intro"], headline=n["headline"],
                     headline_sources=tuple(n["headline_sources"]), icon=icon(n["icon"]), figures=figures,
                     notes=n.get("notes", ""), charts=tuple(_chart(c) for c in n.get("charts", ())))


def _chart(c: dict) -> m.Chart:
    return m.Chart(
        id=c["id"], kind=c["kind"], title=c["title"],
        bars=tuple(m.ChartBar(figure=b["figure"], label=b["label"]) for b in c["bars"]),
        text=c["text"], note=c.get("note", ""), rest_label=c.get("rest_label", ""), notes=c.get("notes", ""),
    )


def _call_to_action(c: dict, icon) -> m.CallToAction:
    return m.CallToAction(
        title=c["title"], signs=tuple(c["signs"]), children_title=c["children_title"],
        children_signs=tuple(c["children_signs"]), action_template=c["action"],
        emergency_number=c.get("emergency_number"), emergency_note=c["emergency_note"],
        skin_note=c["skin_note"], icon=icon(c["icon"]), sources=tuple(c["sources"]),
        notes=c.get("notes", ""), waiting_room_action=c.get("waiting_room_action", ""),
    )


class _IconResolver:
    """Turns icon references of an already validated document into file paths."""

    def __init__(self, base_dir: Path):
        self._base_dir = base_dir
        self._bundled = paths.icons_dir()

    def __call__(self, value: str) -> Path:
        return resolve_icon(value, self._base_dir, self._bundled)
