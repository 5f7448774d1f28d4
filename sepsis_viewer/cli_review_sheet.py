"""`sepsis-viewer review-sheet OUT.pdf`: the content on paper for a clinician to review and sign off.

Writes only the file it was asked for: the content is checked in full, not remembered in the
cache folder.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sepsis_viewer.cli_handout import add_content_arguments, content_or_report, paper_application


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sepsis-viewer review-sheet",
        description="Write a PDF for a clinician to review one language version of the content on paper: "
        "every statement beside the full citations of the references it cites, the content version, the date "
        "it was last reviewed, and a sign-off block (name, role, signature, date).")
    parser.add_argument("out", metavar="OUT.pdf", type=Path, help="the PDF file to write")
    add_content_arguments(parser)
    return parser


def run(argv: list[str]) -> int:
    """Write the review sheet; 0 on success, 1 if the content is invalid or the file cannot be
    written, 2 for a usage error."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    from sepsis_viewer import strings
    from sepsis_viewer.content import load_content

    content = content_or_report(lambda: load_content(args.content) if args.content else load_content(lang=args.lang))
    if content is None:
        return 1
    strings.set_language(content.language)  # the sheet's headings in the language under review
    from sepsis_viewer.ui.handout.review_sheet import write_review_sheet
    from sepsis_viewer.review_statements import review_sheet
    from sepsis_viewer.ui.widgets.fonts import register_fonts

    app = paper_application()  # noqa: F841
    sheet = review_sheet(content)
    try:
        pages = write_review_sheet(args.out, sheet, register_fonts(), args.paper)
    except OSError as exc:
        print(f"sepsis-viewer: could not write the review sheet: {exc}", file=sys.stderr)
        return 1
    print(f"{args.out}: {pages} pages, {len(sheet.statements)} statements, language {content.language}, "
          f"content {content.content_version}")
    return 0
