"""Plain-text labels and icons that take their size from the window's metrics."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QComboBox, QLabel, QScrollArea, QSizePolicy, QWidget

from sepsis_viewer.ui.widgets.icons import icon_pixmap
from sepsis_viewer.ui.widgets.theme import Metrics

_ROLE = "textRole"


# What changes the height a label needs at a given width, besides its text.
_RELAYOUT_EVENTS = frozenset({
    QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange, QEvent.Type.StyleChange,
    QEvent.Type.ContentsRectChange, QEvent.Type.LayoutDirectionChange, QEvent.Type.DevicePixelRatioChange,
})


class TextLabel(QLabel):
    """A wrapping label that always shows its text literally, never as rich text.

    It remembers its height for each width it was asked about: the layouts of the window ask the
    same label the same question many times while they settle (some 780 times for 70 labels before
    the first frame, 300 of them new), and QLabel lays the text out afresh for every one. The
    answers are dropped whenever the text, font, style, margins or wrapping change.
    """

    def __init__(self, text: str = "", role: str = "body", parent: QWidget | None = None, wrap: bool = True,
                 colour: str | None = None):
        self._heights: dict[tuple[int, str, int], int] = {}
        self._selectable_when_reached = False
        super().__init__(parent)
        if colour:
            set_text_colour(self, colour)
        # Content files are not trusted: AutoText would render "<img src=file:...>".
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(wrap)
        self.setProperty(_ROLE, role)
        self.setText(text)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def allow_mouse_selection(self) -> None:
        """Let the mouse select the text, with Qt's text machinery set up when the mouse comes in.

        A selectable QLabel lays its text out through a QTextDocument: a third of the time it takes
        to show a page of the detail area, for words that are seldom selected.
        """
        self._selectable_when_reached = True

    def enterEvent(self, event) -> None:  # noqa: N802
        if self._selectable_when_reached:
            self._selectable_when_reached = False
            self._heights.clear()
            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        super().enterEvent(event)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        key = (width, self.text(), self.minimumHeight())  # QLabel's answer is at least the minimum
        height = self._heights.get(key)
        if height is None:
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() in _RELAYOUT_EVENTS:
            self._heights.clear()
        super().changeEvent(event)

    def setWordWrap(self, on: bool) -> None:  # noqa: N802
        self._heights.clear()
        super().setWordWrap(on)

    def setIndent(self, indent: int) -> None:  # noqa: N802
        self._heights.clear()
        super().setIndent(indent)

    def setMargin(self, margin: int) -> None:  # noqa: N802
        self._heights.clear()
        super().setMargin(margin)


class IconLabel(QLabel):
    """An icon drawn at a size taken from the metrics, in one colour.

    The picture is drawn when the label is first painted, not each time it is sized: a start sizes
    every icon at least twice (the window's first size, then its real one), and most icons sit on
    panels that are not open, so drawing on sizing rendered some 60 SVGs to show 15.
    """

    def __init__(self, path: Path | None, colour: str, role: str = "card", parent: QWidget | None = None):
        super().__init__(parent)
        self._path, self._colour, self._role = path, colour, role
        self._size = 0
        self._picture: QPixmap | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("")  # decorative: the words beside it say what it means

    def set_icon(self, path: Path | None, colour: str | None = None) -> None:
        self._path = path
        if colour:
            self._colour = colour
        self._redraw()

    def rescale(self, metrics: Metrics) -> None:
        self._size = metrics.icon_px(self._role)
        self.setFixedSize(self._size, self._size)
        self._redraw()

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.DevicePixelRatioChange:
            self._redraw()  # moved to a screen with another pixel density: stay sharp

    def pixmap(self) -> QPixmap:
        """The picture as it is shown (empty without a file or a size)."""
        if self._picture is None:
            if self._path is None or not self._size:
                self._picture = QPixmap()
            else:
                self._picture = icon_pixmap(self._path, self._colour, self._size, self.devicePixelRatioF())
        return self._picture

    def paintEvent(self, event) -> None:  # noqa: N802
        picture = self.pixmap()
        if picture.isNull():
            return
        ratio = picture.devicePixelRatio()
        width, height = picture.width() / ratio, picture.height() / ratio
        painter = QPainter(self)
        painter.drawPixmap(QPointF((self.width() - width) / 2, (self.height() - height) / 2), picture)
        painter.end()

    def _redraw(self) -> None:
        self._picture = None
        self.update()


def text_font(family: str, metrics: Metrics, role: str) -> QFont:
    """The font for a text role at these metrics."""
    font = QFont(family)
    font.setPixelSize(metrics.text_px(role))
    font.setWeight(QFont.Weight(metrics.weight(role)))
    return font


def apply_metrics(root: QWidget, family: str, metrics: Metrics) -> None:
    """Give every labelled or scalable widget under `root` its size for these metrics."""
    for widget in widgets_under(root):
        role = widget.property(_ROLE)
        if role:
            widget.setFont(text_font(family, metrics, role))
        rescale = getattr(widget, "rescale", None)
        if rescale is not None:
            rescale(metrics)


def widgets_under(root: QWidget) -> list[QWidget]:
    """`root` and the widgets under it, parents first, leaving out the parts Qt makes of its own
    scroll areas and drop-down lists (their scroll bars, viewports and list views).

    Not root.findChildren(QWidget): PySide finds a Python type for every widget that returns, and
    for those parts that meant setting up the classes of scroll bars and item views, some 3 ms of
    a start, for widgets that take no size from the metrics. A scroll area's page comes through
    widget(), which Python made.
    """
    found, index = [root], 0
    while index < len(found):
        widget = found[index]
        index += 1
        if isinstance(widget, QScrollArea):
            page = widget.widget()
            if page is not None:
                found.append(page)
        elif not isinstance(widget, (QAbstractScrollArea, QComboBox)):
            found += widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
    return found


def viewport_of(area: QAbstractScrollArea) -> QWidget:
    """A scroll area's viewport, fetched without making PySide load every widget class.

    The first object Python meets through a QWidget* return value, as area.viewport() gives it,
    makes PySide set up all ~200 QWidget subclasses to find its type: some 10 ms of a start that
    uses none of them. A child found by its Qt object name comes through QObject's meta-object.
    """
    found = area.findChild(QWidget, "qt_scrollarea_viewport", Qt.FindChildOption.FindDirectChildrenOnly)
    return found if found is not None else area.viewport()


def set_text_role(widget: QWidget, role: str) -> None:
    """Mark a widget (a button, say) to take the font of a text role."""
    widget.setProperty(_ROLE, role)


def set_text_colour(widget: QWidget, colour: str) -> None:
    """Draw a widget's text (and its children's) in this colour."""
    palette = widget.palette()
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(role, QColor(colour))
    widget.setPalette(palette)


def set_background(widget: QWidget, colour: str) -> None:
    """Fill a widget's background with this colour."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(colour))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


class ScrollPage(QWidget):
    """The contents of a scroll area whose words wrap to the area's width.

    A layout of wrapping labels reports the height it would need at its narrowest width as its
    minimum, which makes QScrollArea scroll when nothing overflows. The area asks for the height
    at its real width anyway (heightForWidth), so the minimum height is left out here.
    """

    def minimumSizeHint(self):  # noqa: N802
        hint = super().minimumSizeHint()
        hint.setHeight(0)
        return hint
