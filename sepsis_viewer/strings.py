"""Interface words that are not content: button labels, headings, accessible names."""

from __future__ import annotations

UI: dict = {
    "app_name": "Sepsis Viewer",
    "stage_kicker": "Stage {number} of {total} in the classic model",
    "stage_accessible": "{title}, stage {number} of {total}",
    "body_heading": "What happens in the body",
    "signs_heading": "Signs you might notice",
    "action_heading": "What to do",
    "source_one": "Source: {refs}",
    "source_many": "Sources: {refs}",
    "figure_source": "{refs} · figure for {year}",
    "panel_hint": "Choose one to read more.",
    "charts_heading": "See them as charts",
    "chart_years_one": "figure for {year}",
    "chart_years_many": "figures for {years}",
    "and_join": "{first} and {last}",
    "share_in_ten": "About {count} in 10",
    "share_under_one": "Fewer than 1 in 10",
    "share_over_nine": "More than 9 in 10",
    "share_whole": "{label}: {value}",
    "chart_show_text": "Show the chart as text",
    "chart_hide_text": "Hide the text",
    "chart_accessible": "Chart: {title}",
    "handout_footer": "{app} handout. For learning only: not medical advice.",
    "handout_footer_right": "Content {version}, last reviewed {date} · page {page} of {pages}",
    "handout_title": "Sepsis: a handout from Sepsis Viewer",
    "menu_export_handout": "&Export handout…",
    "menu_print": "&Print handout…",
    "export_dialog_title": "Export the handout as a PDF",
    "export_dialog_filter": "PDF files (*.pdf)",
    "export_failed": "The handout could not be saved: {problem}",
    "print_failed": "The handout could not be printed: {problem}",
    "about_button": "About and sources",
    "numbers_button_accessible": "Sepsis by the numbers: {headline}",
    "more_signs_button": "All warning signs",
    "cta_kicker": "If you think it could be sepsis",
    "about_title": "About Sepsis Viewer",
    "about_kicker": "Sources, licences and version",
    "content_heading": "This content",
    "content_line": "Content version {version}, language {language}, last reviewed {date}.",
    "content_file": "Read from {file}.",
    "references_heading": "References",
    "credits_heading": "Font and icons",
    "font_credit": (
        "Text is set in Atkinson Hyperlegible, a typeface made for readers with low vision. "
        "Copyright 2020 Braille Institute of America, Inc., under the SIL Open Font License 1.1."
    ),
    "icon_credit": (
        "Icons from Health Icons (healthicons.org), copyright 2021 Resolve to Save Lives, under the MIT licence."
    ),
    "app_version": "Sepsis Viewer version {version}.",
    "bad_content": "This content file could not be used, so the built-in content is shown. {problem}",
    "bad_content_kept": "This content file could not be opened, so the content already shown stays. {problem}",
    "dismiss": "Dismiss",
    "dismiss_accessible": "Dismiss this warning",
    "menu_file": "&File",
    "menu_open": "&Open content file…",
    "menu_quit": "&Quit",
    "menu_view": "&View",
    "menu_fullscreen": "&Full screen",
    "menu_overview": "&Start page",
    "menu_help": "&Help",
    "menu_about": "&About and sources",
    "open_dialog_title": "Open a Sepsis Viewer content file",
    "open_dialog_filter": "Content files (*.json);;All files (*)",
    "panels_accessible": "Topics",
    "diagram_accessible": "Sepsis progression diagram, classic teaching model",
    "detail_accessible": "Details",
    "slide_part": "part {part} of {parts}",
    "slide_progress": "{index} / {count}",
    "projector_title": "Sepsis Viewer: audience view",
    "presenter_title": "Sepsis Viewer: presenter view",
    "presenter_now": "Now",
    "presenter_next": "Next",
    "presenter_end": "End of the tour",
    "presenter_notes": "Speaker notes",
    "presenter_no_notes": "No notes for this step.",
    "presenter_elapsed": "Elapsed {time}",
    "presenter_slide": "Slide {index} of {count}",
    "overview_title": "Sepsis at a glance",
    "help_title": "Keys",
    "help_keys": (
        ("Page Down, Right, Down, Space, Enter", "next"),
        ("Page Up, Left, Up, Backspace", "previous"),
        ("Home / End", "first / last"),
        ("1 to 4", "jump to a stage"),
        ("B or .  /  W or ,", "black / white screen"),
        ("O", "everything at once"),
        ("Z or double-click", "zoom in on this step"),
        ("S", "speaker notes window"),
        ("F5 or F", "full screen on and off"),
        ("Esc", "leave full screen"),
        ("?", "this help"),
    ),
    "help_close": "Press any key to go back.",
    "kiosk_progress": "Time until the next part of the tour",
    "kiosk_countdown": "Touch the screen to keep exploring. The tour starts again in {seconds} s.",
    "crash_title": "Sepsis Viewer ran into a problem",
    "crash_message": (
        "Something went wrong inside Sepsis Viewer. It was not caused by anything you did.\n\n"
        "A report for the people who look after this app was saved here:\n{file}\n\n"
        "If the window stops working, close it and start Sepsis Viewer again."
    ),
    "crash_message_unsaved": (
        "Something went wrong inside Sepsis Viewer. It was not caused by anything you did.\n\n"
        "If the window stops working, close it and start Sepsis Viewer again."
    ),
}


def ui(key: str, **values: object) -> str:
    """An interface string with its placeholders filled in."""
    text = UI[key]
    return text.format(**values) if values else text
