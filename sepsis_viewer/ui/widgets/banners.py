"""The strips around the diagram: the header, the call to action and the warning banner."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from sepsis_viewer import paths
from sepsis_viewer.content.model import DEFAULT_EMERGENCY, Content
from sepsis_viewer.pages import sources_line
from sepsis_viewer.strings import ui
from sepsis_viewer.tour import CALL_TO_ACTION, NUMBERS
from sepsis_viewer.ui.widgets.buttons import PushButton
from sepsis_viewer.ui.widgets.cards import CardButton
from sepsis_viewer.ui.widgets.roles import Role, speaks_as
from sepsis_viewer.ui.widgets.rounded import RoundedFrame
from sepsis_viewer.ui.widgets.text import IconLabel, TextLabel, set_text_colour, set_text_role
from sepsis_viewer.ui.widgets.theme import Metrics, Palette


def _button_style(background: str, text: str, edge: str, focus: str) -> str:
    return (
        f"QPushButton {{ background: {background}; color: {text}; border: 2px solid {edge};"
        f" border-radius: 6px; padding: 0.25em 0.8em; }}"
        f" QPushButton:focus {{ border: 3px dashed {focus}; }}"
    )


@speaks_as(Role.Button)  # it opens a view; its check mark only shows where the view belongs
class LinkCard(CardButton):
    """A card with an icon and one or two lines that opens a view: the numbers, or About."""

    def __init__(self, ident: str, title: str, subtitle: str, icon, palette: Palette, parent: QWidget | None = None):
        super().__init__(ident, palette, palette.border, parent)
        self.icon = IconLabel(icon, palette.accent, "small", self)
        self.title = self._label(title, "body-bold")
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.addWidget(self.title)
        if subtitle:
            self.subtitle = self._label(subtitle, "small", palette.muted)
            words.addWidget(self.subtitle)
        layout = QHBoxLayout(self)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(words, 1)
        self.setAccessibleName(f"{title}. {subtitle}" if subtitle else title)


class LanguageSwitch(QComboBox):
    """The languages the app speaks, each named in itself (English, Español, Français)."""

    chosen = Signal(str)

    def __init__(self, languages: list[tuple[str, str]], current: str, palette: Palette,
                 parent: QWidget | None = None):
        super().__init__(parent)
        for code, name in languages:
            self.addItem(name, code)
        index = self.findData(current)
        self.setCurrentIndex(max(0, index))
        set_text_role(self, "small-bold")
        self.setStyleSheet(
            f"QComboBox {{ background: {palette.surface}; color: {palette.text}; border: 2px solid {palette.border};"
            f" border-radius: 6px; padding: 0.15em 0.5em; }}"
            f" QComboBox:focus {{ border: 3px dashed {palette.focus}; }}"
        )
        # Only a person's choice counts, not setting the current item above.
        self.activated.connect(lambda index: self.chosen.emit(self.itemData(index)))


class Header(QWidget):
    """What this is (title and subtitle), the headline numbers, and About."""

    activated = Signal(str)
    language_chosen = Signal(str)

    def __init__(self, content: Content, palette: Palette, parent: QWidget | None = None,
                 languages: list[tuple[str, str]] | None = None):
        """`languages`: (code, name in that language) pairs for the language switch, if several."""
        super().__init__(parent)
        intro = content.intro
        self.title = TextLabel(intro.title, "h1", self, wrap=False)
        self.subtitle = TextLabel(intro.subtitle, "body", self, colour=palette.muted)
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.setSpacing(0)
        words.addWidget(self.title)
        words.addWidget(self.subtitle)
        numbers = content.numbers
        self.numbers = LinkCard(NUMBERS, numbers.headline, sources_line(content, numbers.headline_sources),
                                numbers.icon, palette, self)
        self.about = LinkCard("about", ui("about_button"), "", paths.icons_dir() / "book.svg", palette, self)
        self.about.setCheckable(False)
        for card in (self.numbers, self.about):
            card.activated.connect(self.activated)
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.about, 1)
        self.language = None
        if languages and len(languages) > 1:
            side.addLayout(self._make_language_row(languages, content.language, palette), 0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(words, 5)
        layout.addWidget(self.numbers, 5)
        layout.addLayout(side, 0)

    def _make_language_row(self, languages: list[tuple[str, str]], current: str, palette: Palette) -> QHBoxLayout:
        """The language list behind its visible name, which is also its name for a screen reader
        ("Language, English, combo box")."""
        self.language = LanguageSwitch(languages, current, palette, self)
        self.language.chosen.connect(self.language_chosen)
        self.language_label = TextLabel(ui("language_label"), "small-bold", self, wrap=False, colour=palette.muted)
        self.language_label.setBuddy(self.language)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.language_label, 0)
        row.addWidget(self.language, 1)
        self._language_row = row
        return row

    def rescale(self, metrics: Metrics) -> None:
        self.layout().setSpacing(metrics.gap)
        if self.language is not None:
            self._language_row.setSpacing(max(4, metrics.gap // 2))


class CallToActionBar(RoundedFrame):
    """Always on screen: the warning signs, and whom to call."""

    activated = Signal(str)

    def __init__(self, content: Content, palette: Palette, parent: QWidget | None = None):
        super().__init__(palette.cta_background, radius=8.0, parent=parent)
        set_text_colour(self, palette.cta_text)  # the words inside take it too
        cta = content.call_to_action
        self.icon = IconLabel(cta.icon, palette.cta_text, "card", self)
        self.signs_title = TextLabel(cta.title, "body-bold", self)
        self.signs = TextLabel("  ·  ".join(cta.signs), "body", self)
        self.source = TextLabel(sources_line(content, cta.sources), "small", self)
        self.action = TextLabel(cta.action(), "emergency", self)
        self.note = TextLabel(cta.emergency_note, "small", self)
        self.note.setVisible(bool(cta.emergency_note))  # only where the number is a guess
        self.more = PushButton(ui("more_signs_button"), self)
        set_text_role(self.more, "small-bold")
        self.more.setStyleSheet(_button_style(palette.cta_background, palette.cta_text, palette.cta_text,
                                              palette.cta_text))
        self.more.setCursor(Qt.CursorShape.PointingHandCursor)
        self.more.clicked.connect(lambda: self.activated.emit(CALL_TO_ACTION))
        # What the button leads to, with the number, for a reader who reaches only the button.
        self.more.setAccessibleName(ui("more_signs_accessible", number=cta.emergency_number or DEFAULT_EMERGENCY))
        signs = QVBoxLayout()
        signs.setContentsMargins(0, 0, 0, 0)
        signs.addWidget(self.signs_title)
        signs.addWidget(self.signs)
        signs.addStretch(1)
        call = QVBoxLayout()
        call.setContentsMargins(0, 0, 0, 0)
        call.addWidget(self.action)
        notes = QVBoxLayout()
        notes.setContentsMargins(0, 0, 0, 0)
        notes.addWidget(self.note)
        notes.addWidget(self.source)
        bottom = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addLayout(notes, 1)
        bottom.addWidget(self.more, 0, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft)
        self._bottom = bottom
        call.addLayout(bottom)
        call.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(signs, 5)
        layout.addLayout(call, 4)
        # Short: a screen reader says it on entering, then reads the signs and the number inside.
        self.setAccessibleName(ui("cta_kicker"))

    def rescale(self, metrics: Metrics) -> None:
        pad = metrics.margin
        self.layout().setContentsMargins(pad, pad, pad, pad)
        self.layout().setSpacing(metrics.gap * 2)

    def set_portrait(self, portrait: bool) -> None:
        """On a tall screen the button goes under the notes, which then get the column's width."""
        self._bottom.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)


class WarningBanner(RoundedFrame):
    """A non-modal warning at the top of the window, e.g. a content file that could not be used."""

    def __init__(self, palette: Palette, parent: QWidget | None = None):
        super().__init__(palette.warning_background, palette.warning_border, 2.0, 6.0, parent)
        set_text_colour(self, palette.warning_text)
        self.icon = IconLabel(paths.icons_dir() / "alert-triangle.svg", palette.warning_text, "small", self)
        self.text = TextLabel("", "body", self)
        self.dismiss = PushButton(ui("dismiss"), self)
        self.dismiss.setAccessibleName(ui("dismiss_accessible"))
        set_text_role(self.dismiss, "small-bold")
        self.dismiss.setStyleSheet(_button_style(palette.surface, palette.warning_text, palette.warning_border,
                                                 palette.focus))
        self.dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def retranslate(self) -> None:
        self.dismiss.setText(ui("dismiss"))
        self.dismiss.setAccessibleName(ui("dismiss_accessible"))

    def show_warning(self, text: str) -> None:
        self.text.setText(text)
        self.setAccessibleName(text)
        self.show()

    def rescale(self, metrics: Metrics) -> None:
        pad = max(6, metrics.gap)
        self.layout().setContentsMargins(pad, pad, pad, pad)
        self.layout().setSpacing(metrics.gap)
