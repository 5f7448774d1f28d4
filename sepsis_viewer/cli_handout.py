"""`sepsis-viewer export-handout OUT.pdf`: the printable handout, without opening a window."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from sepsis_viewer.command_line import number_in

MIN_DPI, MAX_DPI = 72, 600  # 600 dpi already makes an A3 poster of about 10,000 x 7,000 pixels


def bundled_languages() -> list[str]:
    """The language codes that have bundled content."""
    from sepsis_viewer.languages import available_languages

    return available_languages()


def _language(code: str) -> str:
    languages = bundled_languages()
    if code not in languages:
        raise argparse.ArgumentTypeError(f"no bundled content in {code!r}; the languages are: {', '.join(languages)}")
    return code


_dpi = number_in(int, MIN_DPI, MAX_DPI, "a whole number")


def add_content_arguments(parser: argparse.ArgumentParser) -> None:
    """--lang, --content and --paper, as every command that prints the content takes them."""
    parser.add_argument("--lang", metavar="CODE", type=_language, default="en",
                        help=f"the language of the bundled content (one of: {', '.join(bundled_languages())})")
    parser.add_argument("--content", metavar="FILE", type=Path, help="a content file instead of the bundled one")
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4", help="the paper size (default a4)")


def paper_application():
    """The Qt application that drawing on paper needs, with no display (kept alive by the caller)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else "sepsis-viewer"])


def content_or_report(load):
    """`load()`'s content, or None once every problem that stops it is printed to stderr."""
    from sepsis_viewer.content import ContentError

    try:
        return load()
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sepsis-viewer export-handout",
        description="Write the handout (two pages for the reader and one of references: the body map, how sepsis harms the body, where it starts, who is "
        "at risk, the warning signs and what to do, the charts and the references) as a PDF with searchable "
        "text, or as a poster image, or both.")
    parser.add_argument("out", metavar="OUT.pdf", type=Path, nargs="?", help="the PDF file to write")
    add_content_arguments(parser)
    parser.add_argument("--png", metavar="OUT.png", type=Path,
                        help="also (or only) write the pages side by side as one poster image")
    parser.add_argument("--dpi", metavar="N", type=_dpi, default=300, help="the poster image's resolution (default 300)")
    return parser


def run(argv: list[str]) -> int:
    """Write the handout; 0 on success, 1 if it could not be written, 2 for a usage error."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.out is None and args.png is None:
        parser.print_usage(sys.stderr)
        print("sepsis-viewer export-handout: give OUT.pdf, --png OUT.png or both", file=sys.stderr)
        return 2
    from sepsis_viewer.scratch import matplotlib_in_scratch

    matplotlib_in_scratch()  # the charts are drawn by matplotlib, which would leave a cache behind
    app = paper_application()  # noqa: F841
    from sepsis_viewer import strings
    from sepsis_viewer.setting import Setting

    setting = Setting.from_system(args)  # the number to call where it is printed
    content = content_or_report(lambda: setting.load(args.content) if args.content else setting.bundled(args.lang))
    if content is None:
        return 1
    strings.set_language(content.language)  # the handout's headings in the content's language
    return _write(args, content)


def _write(args: argparse.Namespace, content) -> int:
    from sepsis_viewer.ui.handout.document import Handout
    from sepsis_viewer.ui.handout.devices import write_pdf, write_png

    handout = Handout(content)
    try:
        if args.out is not None:
            pages = write_pdf(args.out, handout, args.paper)
            print(f"{args.out}: {pages} pages, {args.paper}")
        if args.png is not None:
            image = write_png(args.png, handout, args.paper, args.dpi)
            print(f"{args.png}: {image.width()} x {image.height()} pixels at {args.dpi} dpi")
    except OSError as exc:
        print(f"sepsis-viewer: could not write the handout: {exc}", file=sys.stderr)
        return 1
    return 0
