"""The infographic's content: a plain-Python model, its loader and its validator (no Qt here)."""

from sepsis_viewer.content.loader import load_content, validate_file
from sepsis_viewer.content.model import (
    CallToAction,
    Chart,
    ChartBar,
    Content,
    Figure,
    Intro,
    ModelNote,
    Numbers,
    Panel,
    PanelItem,
    Reference,
    Stage,
)
from sepsis_viewer.content.problems import ContentError, Problem

__all__ = [
    "CallToAction", "Chart", "ChartBar", "Content", "ContentError", "Figure", "Intro", "ModelNote", "Numbers", "Panel",
    "PanelItem", "Problem", "Reference", "Stage", "load_content", "validate_file",
]
