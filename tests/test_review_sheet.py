"""`sepsis-viewer review-sheet`: the content on paper for a clinician, with real text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from sepsis_viewer import strings
from sepsis_viewer.app import main
from sepsis_viewer.content import load_content
from sepsis_viewer.review_statements import public_statements, review_sheet, statements


def pdf_words(path: Path) -> str:
    """The PDF's text with every run of white space made one space (lines wrap anywhere)."""
    text = " ".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return " ".join(text.split())


def files_under(folder: str) -> set[str]:
    return {str(Path(root) / name) for root, _, names in os.walk(folder) for name in names}


@pytest.mark.parametrize("code", ["en", "es", "fr"])
def test_the_sheet_has_each_statement_beside_its_full_citations_and_a_sign_off(qapp, tmp_path, capsys, code):
    out = tmp_path / f"review-{code}.pdf"
    cache_before = files_under(os.environ["XDG_CACHE_HOME"])
    assert main(["review-sheet", str(out), "--lang", code]) == 0
    assert f"{out}: " in capsys.readouterr().out
    assert sorted(tmp_path.iterdir()) == [out]  # only the file it was asked for
    assert files_under(os.environ["XDG_CACHE_HOME"]) == cache_before  # and nothing in the cache
    words = pdf_words(out)
    strings.set_language(code)
    try:
        content = load_content(lang=code)
        assert " ".join(content.disclaimer.split()) in words
        for sign in content.call_to_action.signs:
            assert " ".join(sign.split()) in words, sign
        # A long text may run across a page break, where the citations' column cuts into it.
        for statement in public_statements(content):
            assert " ".join(statement.text.split())[:40] in words, statement.text
        for ref in content.references:  # the full citation, not the short title
            assert " ".join(ref.citation.split()) in words, ref.id
        for key in ("review_signoff_heading", "clinician_not_reviewed"):
            assert " ".join(strings.ui(key).split()) in words, key
        for field in strings.ui("review_signoff_fields").replace("_", " ").split():
            assert field in words
        assert content.content_version in words and content.last_reviewed in words
    finally:
        strings.set_language("en")


def test_every_statement_cites_references_that_exist_and_notes_are_marked():
    content = load_content(lang="en")
    known = {ref.id for ref in content.references}
    all_statements = list(statements(content))
    assert len(all_statements) > 150
    assert all(set(statement.sources) <= known for statement in all_statements)
    public = public_statements(content)
    assert content.stages[1].notes not in {s.text for s in public}
    assert content.stages[1].notes in {s.text for s in all_statements if not s.public}
    pregnancy = next(s for s in public if s.text == content.panel("risk_groups").items[6].detail)
    assert "nice-ng51" in pregnancy.sources
    sheet = review_sheet(content)
    assert (sheet.language, sheet.content_version, sheet.reviewed) == ("en", "2.0.1", False)


def test_usage_errors_and_bad_content(qapp, tmp_path, capsys, write_content):
    assert main(["review-sheet"]) == 2
    assert main(["review-sheet", str(tmp_path / "x.pdf"), "--lang", "xx"]) == 2
    assert "no bundled content in 'xx'" in capsys.readouterr().err
    bad = write_content(lambda d: d["stages"][1].update(body="About {no-such-figure}."))
    assert main(["review-sheet", str(tmp_path / "x.pdf"), "--content", str(bad)]) == 1
    assert "/stages/1/body: {no-such-figure} names no figure" in capsys.readouterr().err
    assert main(["review-sheet", str(tmp_path)]) == 1  # a folder, not a file
    assert "could not write the review sheet" in capsys.readouterr().err
    assert main(["review-sheet", "--help"]) == 0
    assert "sign-off" in capsys.readouterr().out
