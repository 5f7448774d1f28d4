"""Plain reading: the texts the public reads are at grade 8 or below, in every language.

Each language is measured with the formula made for it, all three from textstat:

- English: Flesch-Kincaid grade level (`flesch_kincaid_grade`): at most 8.
- Spanish: Fernández-Huerta (`fernandez_huerta`, after `set_lang("es")`): at least 70.
- French: Kandel-Moles (`flesch_reading_ease` after `set_lang("fr")`: textstat's French constants
  are Kandel and Moles' 207 - 1.015 x words per sentence - 73.6 x syllables per word): at least 70.

Why 70 for Spanish and French. Both are ease scores on Flesch's scale, where 60-70 reads at
grades 8-9 and 70-80 at grade 7; Fernández-Huerta and Kandel-Moles recalibrated Flesch's formula
so that the same bands hold in their language. 60 would let grade 9 through, so the limit is the
bottom of the grade 7 band: at most the 8th grade with a margin. The margin is needed because
textstat counts Spanish and French syllables with hyphenation dictionaries (pyphen), which miss
some syllables and so score a text easier than it is. Measured on this content, the English
version (grade 6.1) scores about 85 in both translations; a text at grade 8 would score
about 75, so 70 is no looser than the English limit.

Every section (the introduction, each stage, each panel, the numbers, the call to action) must
meet the limit, and so must the whole: a short hard section cannot hide in a long easy text.
The teacher's speaker notes and the references are not for the public and are not measured.
"""

from __future__ import annotations

import pytest
import textstat

from sepsis_viewer import strings
from sepsis_viewer.content import load_content
from sepsis_viewer.review_statements import public_statements

LIMITS = {  # language: (formula, limit, whether a higher score is harder)
    "en": (textstat.flesch_kincaid_grade, 8.0, True),
    "es": (textstat.fernandez_huerta, 70.0, False),
    "fr": (textstat.flesch_reading_ease, 70.0, False),  # Kandel-Moles once the language is French
}
HARD_TEXT = {  # a text far above the limits: long sentences of long words
    "en": "Septicaemia-associated multiorgan dysfunction necessitates immediate intravenous antimicrobial "
          "administration, haemodynamic optimisation with vasopressor infusion, and comprehensive "
          "microbiological investigation, notwithstanding considerable diagnostic uncertainty.",
    "es": "La disfunción multiorgánica asociada a la septicemia requiere la administración inmediata de "
          "antimicrobianos intravenosos, la optimización hemodinámica mediante infusión de vasopresores "
          "y una investigación microbiológica exhaustiva, independientemente de la considerable "
          "incertidumbre diagnóstica.",
    "fr": "La défaillance multiviscérale associée à la septicémie nécessite l’administration immédiate "
          "d’antimicrobiens intraveineux, l’optimisation hémodynamique par perfusion de vasopresseurs et "
          "une investigation microbiologique exhaustive, indépendamment d’une incertitude diagnostique "
          "considérable.",
}


def _sentence(text: str) -> str:
    """A list item or a title read as a sentence of its own, as a reader takes it."""
    text = text.strip()
    return text if text[-1:] in ".?!:»" else f"{text}."


def sections(code: str) -> dict[str, str]:
    """The public texts of a language by section of the tour, each section as one text."""
    strings.set_language(code)  # the sections are named in the language's interface words
    try:
        found: dict[str, list[str]] = {}
        for statement in public_statements(load_content(lang=code)):
            section = statement.where.split(" · ")[0].split(":")[0]
            found.setdefault(section, []).append(_sentence(statement.text))
        return {section: " ".join(parts) for section, parts in found.items()}
    finally:
        strings.set_language("en")


def score(code: str, text: str) -> float:
    formula, _, _ = LIMITS[code]
    textstat.set_lang(code)
    try:
        return formula(text)
    finally:
        textstat.set_lang("en_US")


def too_hard(code: str, value: float) -> bool:
    _, limit, higher_is_harder = LIMITS[code]
    return value > limit if higher_is_harder else value < limit


@pytest.mark.parametrize("code", sorted(LIMITS))
def test_the_public_texts_read_at_grade_8_or_below(code):
    parts = sections(code)
    whole = score(code, " ".join(parts.values()))
    assert not too_hard(code, whole), f"{code}: the whole content scores {whole:.1f}"
    hard = {section: round(score(code, text), 1) for section, text in parts.items() if too_hard(code, score(code, text))}
    assert not hard, f"{code}: sections above the limit {LIMITS[code][1]}: {hard}"


@pytest.mark.parametrize("code", sorted(LIMITS))
def test_the_measure_fails_a_hard_text(code):
    """The limits are not so loose that anything passes."""
    assert too_hard(code, score(code, HARD_TEXT[code]))


@pytest.mark.parametrize("code", sorted(LIMITS))
def test_every_section_is_measured(code):
    parts = sections(code)
    assert len(parts) >= 12 and all(len(text.split()) >= 30 for text in parts.values()), {
        section: len(text.split()) for section, text in parts.items()}
