"""The body map's index, without Qt: the bundled figures, the organs each one has, and their names.

The drawings are EMBL-EBI's Expression Atlas anatomogram, prepared by packaging/prepare_body_map.py
into assets/body_map/ (its README says what changed): every organ is a `<g id="UBERON_…">` of plain
paths in view-box units, unfilled, inside `<g id="organs">`, so that a view colours the organs the
content names and the content validator can tell an id the drawing does not have.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sepsis_viewer import paths

FIGURES = ("female", "male")
# The female figure shows the womb (maternal sepsis) and every organ the male one shares with it.
DEFAULT_FIGURE = "female"
OUTLINE_ID = "outline"
ORGANS_ID = "organs"
# The drawings are CC BY 4.0: wherever the map is shown or printed (About, the handout), say so.
CREDIT = "Body drawing: Expression Atlas anatomogram, EMBL-EBI, CC BY 4.0 (adapted)"

# The organs kept from the anatomogram, with their English names for people (translations come
# later), in drawing order: the body-wide ones (skin, spinal cord, vessels) first, then each organ
# before those that lie over it in the drawing, so that a small lit organ (a kidney on the liver)
# is never hidden by a larger one. The womb is in the female figure only; the spinal cord and the
# prostate in the male one only (the source draws them there alone).
ORGAN_NAMES: dict[str, str] = {
    "UBERON_0000014": "Skin",
    "UBERON_0002240": "Spinal cord",
    "UBERON_0001981": "Blood vessels",
    "UBERON_0000947": "Aorta",
    "UBERON_0002048": "Lungs",
    "UBERON_0000948": "Heart",
    "UBERON_0002107": "Liver",
    "UBERON_0000945": "Stomach",
    "UBERON_0002106": "Spleen",
    "UBERON_0001264": "Pancreas",
    "UBERON_0002113": "Kidneys",
    "UBERON_0002110": "Gallbladder",
    "UBERON_0002108": "Small intestine",
    "UBERON_0001155": "Colon",
    "UBERON_0001154": "Appendix",
    "UBERON_0001255": "Bladder",
    "UBERON_0000995": "Womb (uterus)",
    "UBERON_0002367": "Prostate",
    "UBERON_0000310": "Breast",
    "UBERON_0000955": "Brain",
}

_SVG = "{http://www.w3.org/2000/svg}"


def svg_path(figure: str = DEFAULT_FIGURE) -> Path:
    """The prepared SVG of one figure ("female" or "male")."""
    if figure not in FIGURES:
        raise ValueError(f"no body-map figure {figure!r}; there are {', '.join(FIGURES)}")
    return paths.body_map_dir() / f"{figure}.svg"


@cache
def organ_ids(figure: str = DEFAULT_FIGURE) -> frozenset[str]:
    """The UBERON ids of the organs drawn in a figure, read from its SVG.

    Read from the text of the groups' tags (packaging/prepare_body_map.py writes one per organ):
    parsing the drawing as XML took a start some 5 ms, the XML module included."""
    text = svg_path(figure).read_bytes()
    if f'<g id="{ORGANS_ID}">'.encode() not in text:
        raise ValueError(f"{svg_path(figure)} has no <g id={ORGANS_ID!r}>: run `make body-map`")
    return frozenset(match.decode() for match in re.findall(rb'<g id="(UBERON_[0-9]{7})"', text))


def all_organ_ids() -> frozenset[str]:
    """The ids that some figure draws: what content may name (an id outside it is unknown)."""
    return frozenset().union(*(organ_ids(figure) for figure in FIGURES))


def display_name(organ_id: str) -> str:
    """An organ's English name for people, or its id when the table has none."""
    return ORGAN_NAMES.get(organ_id, organ_id)


def coloured_svg(figure: str, fills: dict[str, str], *, organ_fill: str = "#eef1f4", line: str = "#9aa6b2",
                 outline: str = "#c4ccd5", crop: tuple[float, float, float, float] | None = None) -> bytes:
    """The figure as SVG with the given organs filled (id to colour) and outlined, every other organ
    pale, and only the part `crop` (x, y, width, height as fractions of the drawing) in view.

    For paper: a vector drawing that any SVG renderer prints as shapes, not pixels.
    """
    import xml.etree.ElementTree as ET  # paper only: a start need not load it

    ET.register_namespace("", _SVG[1:-1])
    root = ET.parse(svg_path(figure)).getroot()
    for group in root.iter(f"{_SVG}g"):
        ident = group.get("id", "")
        if ident == OUTLINE_ID:
            group.set("fill", outline)
        elif ident in ORGAN_NAMES:
            lit = fills.get(ident)
            group.set("fill", lit or organ_fill)
            group.set("stroke", line if lit else outline)
            group.set("stroke-width", "0.45" if lit else "0.16")
            group.set("stroke-linejoin", "round")
    if crop is not None:
        x, y, width, height = (float(v) for v in root.get("viewBox").split())
        cx, cy, cw, ch = crop
        box = (x + cx * width, y + cy * height, cw * width, ch * height)
        root.set("viewBox", " ".join(f"{v:.3f}" for v in box))
        root.set("width", f"{box[2]:.3f}")
        root.set("height", f"{box[3]:.3f}")
    return ET.tostring(root, encoding="utf-8")
