"""Prepare the bundled body map from the anatomogram's npm tarball (`make body-map`); commit the result.

    python packaging/prepare_body_map.py ebi-gene-expression-group-anatomogram-2.4.0.tgz [--out DIR]

Writes <figure>.svg for each figure and README.md (source, licence, what changed) into
assets/body_map/; the licence texts beside them are kept in the repo. The same tarball gives the same
bytes. It runs at build time only: the app reads what it wrote and fetches nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
import tarfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout, not installed

from sepsis_viewer.body_map import CREDIT, FIGURES, ORGAN_NAMES, ORGANS_ID, OUTLINE_ID  # noqa: E402

PACKAGE = "@ebi-gene-expression-group/anatomogram"
SOURCE_SVG = "package/lib/svg/homo_sapiens.{figure}.svg"
SVG_NS = "http://www.w3.org/2000/svg"
_SVG = "{%s}" % SVG_NS
_HREF = "{http://www.w3.org/1999/xlink}href"
OUTLINE_LAYER = "LAYER_OUTLINE"
OUTLINE_FILL = "#a0a1a2"  # the source's grey; the app draws the outline in its own colour
# Organs drawn as a <use> of another group, in the source: blood vessels reuse the vessel tree
# drawn for the leukocyte (CL_0000738); the copy is written out as the organ's own paths.
PLACES = 3  # decimals kept: 0.001 of a view-box unit is 0.01 px at 4K height
_KAPPA = 4 * (math.sqrt(2) - 1) / 3  # a quarter ellipse as one cubic Bézier

Matrix = tuple[float, float, float, float, float, float]  # SVG's (a b c d e f)
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass
class Figure:
    """One prepared figure: its SVG text and what was done to make it."""

    svg: str
    kept: list[tuple[str, str]] = field(default_factory=list)  # (id, the source's title)
    removed_uses: list[str] = field(default_factory=list)
    inlined_uses: list[str] = field(default_factory=list)
    dropped: int = 0


# --- geometry: transforms baked into the coordinates ------------------------------------------


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m after n: the matrix that applies n first, then m."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + c * b2, b * a2 + d * b2, a * c2 + c * d2, b * c2 + d * d2,
            a * e2 + c * f2 + e, b * e2 + d * f2 + f)


def parse_transform(text: str | None) -> Matrix:
    """An SVG transform attribute as one matrix."""
    m = IDENTITY
    for name, args in re.findall(r"(\w+)\s*\(([^)]*)\)", text or ""):
        v = [float(x) for x in re.split(r"[\s,]+", args.strip()) if x]
        if name == "matrix":
            step = tuple(v)
        elif name == "translate":
            step = (1, 0, 0, 1, v[0], v[1] if len(v) > 1 else 0)
        elif name == "scale":
            step = (v[0], 0, 0, v[1] if len(v) > 1 else v[0], 0, 0)
        elif name == "rotate":
            r = math.radians(v[0])
            cx, cy = (v[1], v[2]) if len(v) == 3 else (0, 0)
            step = multiply(multiply((1, 0, 0, 1, cx, cy), (math.cos(r), math.sin(r), -math.sin(r), math.cos(r), 0, 0)),
                            (1, 0, 0, 1, -cx, -cy))
        else:
            raise ValueError(f"unsupported transform {name}({args})")
        m = multiply(m, step)
    return m


def _num(value: float) -> str:
    """A coordinate written short and always the same way."""
    text = f"{value:.{PLACES}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_ARGS = {"M": 2, "L": 2, "H": 1, "V": 1, "C": 6, "Z": 0}


def transform_path(d: str, m: Matrix) -> str:
    """Path data made absolute (M, L, C, Z only) with the matrix applied to every point."""
    tokens = _TOKEN.findall(d)
    out: list[str] = []
    x = y = start_x = start_y = 0.0
    i, command = 0, ""

    def point(px: float, py: float) -> str:
        a, b, c, dd, e, f = m
        return f"{_num(a * px + c * py + e)},{_num(b * px + dd * py + f)}"

    while i < len(tokens):
        if tokens[i].isalpha():
            command = tokens[i]
            i += 1
            if command.upper() not in _ARGS:
                raise ValueError(f"unsupported path command {command!r}")
        elif not command:
            raise ValueError("path data does not start with a command")
        upper, relative = command.upper(), command.islower()
        args = []
        while len(args) < _ARGS[upper] and i < len(tokens) and not tokens[i].isalpha():
            args.append(float(tokens[i]))
            i += 1
        if upper == "Z":
            out.append("Z")
            x, y = start_x, start_y
            continue
        if len(args) < _ARGS[upper]:
            raise ValueError(f"path command {command!r} lacks numbers")
        if upper in ("H", "V"):
            args = [args[0] + (x if relative else 0), y] if upper == "H" else [x, args[0] + (y if relative else 0)]
        elif relative:
            args = [v + (x if k % 2 == 0 else y) for k, v in enumerate(args)]
        pairs = [point(args[k], args[k + 1]) for k in range(0, len(args), 2)]
        out.append({"M": "M", "C": "C"}.get(upper, "L") + " ".join(pairs))
        x, y = args[-2], args[-1]
        if upper == "M":
            start_x, start_y = x, y
            command = "l" if relative else "L"  # further pairs after a move are lines
    return " ".join(out)


def _ellipse_d(cx: float, cy: float, rx: float, ry: float) -> str:
    """An ellipse as four cubic Béziers, so that any matrix can be baked into it."""
    kx, ky = rx * _KAPPA, ry * _KAPPA
    return (f"M{cx + rx},{cy} C{cx + rx},{cy + ky} {cx + kx},{cy + ry} {cx},{cy + ry} "
            f"C{cx - kx},{cy + ry} {cx - rx},{cy + ky} {cx - rx},{cy} "
            f"C{cx - rx},{cy - ky} {cx - kx},{cy - ry} {cx},{cy - ry} "
            f"C{cx + kx},{cy - ry} {cx + rx},{cy - ky} {cx + rx},{cy} Z")


def _shape_d(el: ET.Element) -> str | None:
    """The path data of a basic shape; None for one that draws nothing."""
    tag = el.tag.removeprefix(_SVG)
    if tag == "path":
        return el.get("d", "")
    get = lambda name: float(el.get(name, "0"))  # noqa: E731
    if tag in ("ellipse", "circle"):
        rx, ry = (get("r"), get("r")) if tag == "circle" else (get("rx"), get("ry"))
        return _ellipse_d(get("cx"), get("cy"), rx, ry) if rx > 0 and ry > 0 else None
    if tag == "rect" and not (el.get("rx") or el.get("ry")):
        x, y, w, h = get("x"), get("y"), get("width"), get("height")
        return f"M{x},{y} L{x + w},{y} L{x + w},{y + h} L{x},{y + h} Z" if w > 0 and h > 0 else None
    raise ValueError(f"unsupported shape <{tag} id={el.get('id')!r}>")


# --- the document -------------------------------------------------------------------------------


class Source:
    """A parsed source SVG with what its elements need: ids and parents."""

    def __init__(self, svg: bytes):
        self.root = ET.fromstring(svg)
        self.parents = {child: parent for parent in self.root.iter() for child in parent}
        self.by_id = {el.get("id"): el for el in self.root.iter() if el.get("id")}

    def ancestors(self, el: ET.Element) -> list[ET.Element]:
        """From the root down to el's parent."""
        chain = []
        while el in self.parents:
            el = self.parents[el]
            chain.append(el)
        return chain[::-1]

    def target(self, use: ET.Element) -> ET.Element | None:
        """The element a <use> points at."""
        return self.by_id.get((use.get(_HREF) or use.get("href") or "").removeprefix("#"))

    def remove_recursive_uses(self) -> list[str]:
        """Drop each <use> inside the element it points at: QtSvg refuses the whole file for one."""
        removed = []
        for use in list(self.root.iter(f"{_SVG}use")):
            target = self.target(use)
            if target is not None and (target is use or target in self.ancestors(use)):
                self.parents[use].remove(use)
                removed.append(f"{use.get('id')} → {target.get('id')}")
        return removed

    def paths(self, el: ET.Element, ctm: Matrix, inlined: list[str]) -> list[str]:
        """Every shape under el as path data in view-box units."""
        tag = el.tag.removeprefix(_SVG)
        m = multiply(ctm, parse_transform(el.get("transform")))
        if tag in ("title", "desc", "metadata"):
            return []
        if tag == "use":
            target = self.target(el)
            if target is None:
                raise ValueError(f"<use id={el.get('id')!r}> points at nothing")
            inlined.append(f"{el.get('id')} → {target.get('id')}")
            shift = (1, 0, 0, 1, float(el.get("x", "0")), float(el.get("y", "0")))
            return self.paths(target, multiply(m, shift), inlined)
        if tag == "g":
            return [d for child in el for d in self.paths(child, m, inlined)]
        d = _shape_d(el)
        return [transform_path(d, m)] if d else []

    def element_paths(self, el: ET.Element, inlined: list[str]) -> list[str]:
        """The shapes of el, with the transforms of el and of all that holds it."""
        ctm = IDENTITY
        for ancestor in self.ancestors(el):
            ctm = multiply(ctm, parse_transform(ancestor.get("transform")))
        return self.paths(el, ctm, inlined)

    def title(self, el: ET.Element) -> str:
        """The source's own name for a shape (its <title>), or ""."""
        title = el.find(f"{_SVG}title")
        return (title.text or "").strip() if title is not None else ""


def _group(attrs: str, title: str | None, paths: list[str]) -> list[str]:
    lines = [f"<g {attrs}>"]
    if title:
        lines.append(f"<title>{escape(title)}</title>")
    lines += [f"<path d={quoteattr(d)}/>" for d in paths]
    return lines + ["</g>"]


def prepare(svg: bytes, figure: str, version: str) -> Figure:
    """The source SVG of one figure made into the app's: see the README this script writes."""
    source = Source(svg)
    result = Figure(svg="", removed_uses=source.remove_recursive_uses())
    layer = source.by_id.get(OUTLINE_LAYER)
    if layer is None:
        raise ValueError(f"the source has no {OUTLINE_LAYER}")
    # The outline without the attribution badge: a web link (<a>), which README.md replaces.
    outline = [d for child in layer if child.tag != f"{_SVG}a"
               for d in source.element_paths(child, result.inlined_uses)]
    view_box = " ".join(_num(float(v)) for v in re.split(r"[\s,]+", source.root.get("viewBox", "").strip()))
    _, _, width, height = view_box.split()
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             f"<!-- Prepared by packaging/prepare_body_map.py from {PACKAGE} {version}, "
             f"{SOURCE_SVG.format(figure=figure).removeprefix('package/')}: EMBL-EBI Expression Atlas, "
             "CC BY 4.0. See README.md. -->",
             f'<svg xmlns="{SVG_NS}" version="1.1" viewBox="{view_box}" width="{width}" height="{height}">',
             f"<title>Human body, {figure} (EMBL-EBI Expression Atlas anatomogram, CC BY 4.0)</title>",
             *_group(f'id="{OUTLINE_ID}" fill="{OUTLINE_FILL}"', None, outline),
             f'<g id="{ORGANS_ID}">']
    for organ_id, name in ORGAN_NAMES.items():
        el = source.by_id.get(organ_id)
        if el is None:
            continue
        result.kept.append((organ_id, source.title(el)))
        lines += _group(f'id="{organ_id}" fill="none"', name, source.element_paths(el, result.inlined_uses))
    organs_layer = source.by_id.get("LAYER_EFO")
    result.dropped = sum(1 for el in (organs_layer if organs_layer is not None else [])) - len(result.kept)
    result.svg = "\n".join([*lines, "</g>", "</svg>", ""])
    return result


# --- the package and the output -----------------------------------------------------------------


def read_tarball(path: Path) -> tuple[str, dict[str, bytes]]:
    """The package version and each figure's source SVG, read from the npm tarball."""
    with tarfile.open(path) as tar:
        meta = json.load(tar.extractfile("package/package.json"))
        if meta.get("name") != PACKAGE:
            raise ValueError(f"{path} is {meta.get('name')!r}, not {PACKAGE}")
        svgs = {figure: tar.extractfile(SOURCE_SVG.format(figure=figure)).read() for figure in FIGURES}
    return meta["version"], svgs


def qt_check(svg: bytes) -> tuple[bool, list[str]]:
    """Whether QtSvg accepts the document, and the warnings it gave (needs PySide6)."""
    from PySide6.QtCore import QByteArray, qInstallMessageHandler
    from PySide6.QtSvg import QSvgRenderer

    messages: list[str] = []
    previous = qInstallMessageHandler(lambda _kind, _context, text: messages.append(text))
    try:
        valid = QSvgRenderer(QByteArray(svg)).isValid()
    finally:
        qInstallMessageHandler(previous)
    return valid, messages


def readme(version: str, digest: str, figures: dict[str, Figure]) -> str:
    """README.md: where the drawings come from, their licence and what this script changed."""
    rows = []
    for organ_id, name in ORGAN_NAMES.items():
        titles = {f: dict(p.kept).get(organ_id) for f, p in figures.items()}
        marks = " | ".join("yes" if titles[f] is not None else "—" for f in FIGURES)
        source_titles = sorted({t for t in titles.values() if t})
        rows.append(f"| `{organ_id}` | {name} | {marks} | {', '.join(source_titles) or '(no title)'} |")
    changes = []
    for f, p in figures.items():
        removed = "; ".join(f"`{u}`" for u in p.removed_uses) or "none"
        inlined = "; ".join(f"`{u}`" for u in sorted(set(p.inlined_uses))) or "none"
        changes.append(f"- `{f}.svg`: recursive `<use>` removed: {removed}. `<use>` written out as paths: "
                       f"{inlined}. {len(p.kept)} organs kept, {p.dropped} other shapes of the organ layer dropped.")
    return TEMPLATE.format(package=PACKAGE, version=version, digest=digest, changes="\n".join(changes),
                           credit=CREDIT, header=" | ".join(FIGURES), rule=" | ".join("---" for _ in FIGURES),
                           rows="\n".join(rows))


TEMPLATE = """# Body map

The drawings in this folder are the **anatomogram** of EMBL-EBI's Expression Atlas
(https://www.ebi.ac.uk/gxa), by the Gene Expression Team at EMBL-EBI. They were taken from the npm
package `{package}` version {version} (tarball sha256 `{digest}`), files
`lib/svg/homo_sapiens.female.svg` and `lib/svg/homo_sapiens.male.svg`, and changed as said below.

## Licence
The package declares the Apache License 2.0 (`LICENSE`), which its authors apply to the code. Its
README, and the LICENSE of its repository, say that the artwork and the anatomograms are under
the Creative Commons Attribution 4.0 International licence (`LICENSE-CC-BY-4.0`,
https://creativecommons.org/licenses/by/4.0/; EMBL-EBI's page: https://www.ebi.ac.uk/gxa/licence.html).
The package ships no NOTICE file. Wherever the app shows or prints the map, it credits it
(`sepsis_viewer.body_map.CREDIT`): "{credit}".

## What changed
Made by `packaging/prepare_body_map.py` (`make body-map`); the same tarball gives the same bytes.
- A `<use>` inside the group it points at is removed: QtSvg refuses the whole female file for
  one ("link UBERON_0002421 is recursive").
- Kept: the body outline (`<g id="outline">`) and the organs in the table below (`<g id="organs">`).
  Dropped: every other shape, the Inkscape and RDF metadata, and the attribution badge (a web link,
  which this README and the app's credit line replace).
- Each organ is one `<g id="UBERON_…" fill="none">` with a `<title>` (the app's English name) and
  plain `<path>`s without style, so that a host sets fill and stroke per id. A `<use>` that stood for
  an organ is written out as the paths it pointed at (blood vessels: the vessel tree drawn for the
  leukocyte, `CL_0000738`).
- Transforms are baked into the coordinates (so stroke widths mean the same in every organ),
  ellipses become Bézier paths, path data is absolute, and numbers are rounded to 0.001 of the
  view box (0.01 px at 4K). Organs are in the app's drawing order (sepsis_viewer/body_map.py).
{changes}

## Organs
| id | name in the app | {header} | title in the source |
| --- | --- | {rule} | --- |
{rows}
"""


def main(argv: list[str] | None = None) -> int:
    """Prepare every figure from the tarball named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tarball", type=Path, help=f"the npm tarball of {PACKAGE} (from `npm pack`)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "assets" / "body_map")
    parser.add_argument("--no-qt", action="store_true", help="skip the QtSvg check of the source and the result")
    args = parser.parse_args(argv)
    version, sources = read_tarball(args.tarball)
    digest = hashlib.sha256(args.tarball.read_bytes()).hexdigest()
    if not args.no_qt:
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (keeps Qt's messages flowing)
    figures = {figure: prepare(svg, figure, version) for figure, svg in sources.items()}
    args.out.mkdir(parents=True, exist_ok=True)
    for figure, prepared in figures.items():
        data = prepared.svg.encode("utf-8")
        if not args.no_qt:
            before, after = qt_check(sources[figure]), qt_check(data)
            print(f"{figure}: QtSvg on the source: valid={before[0]} {before[1][:2]}; "
                  f"prepared: valid={after[0]} {after[1]}")
            if not after[0] or after[1]:
                print(f"prepare_body_map: QtSvg does not take the prepared {figure}.svg", file=sys.stderr)
                return 1
        (args.out / f"{figure}.svg").write_bytes(data)
        print(f"wrote {args.out / f'{figure}.svg'} ({len(data)} bytes, {len(prepared.kept)} organs)")
    (args.out / "README.md").write_text(readme(version, digest, figures), encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
