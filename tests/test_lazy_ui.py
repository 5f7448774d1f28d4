"""The work the window puts off until it is needed still happens when it is needed."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from conftest import settle
from sepsis_viewer.ui.widgets.text import TextLabel


def test_a_window_sized_before_it_is_shown_has_its_fonts_in_the_first_frame(qtbot, content):
    """Fonts are applied as the window is shown, at the size it is shown at (not at Qt's default)."""
    from sepsis_viewer.ui.desktop.main_window import MainWindow
    from sepsis_viewer.ui.widgets.theme import metrics_for

    window = MainWindow(content, remember_geometry=False)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    title = window.diagram.nodes[0].title
    assert title.font().pixelSize() == metrics_for(1920, 1080).text_px("title")


def test_detail_text_becomes_selectable_when_the_mouse_reaches_it(qtbot, window):
    window.select("sepsis")
    label = next(label for label in window.detail.labels if len(label.text()) > 20)  # the kicker
    assert not label.hasSelectedText()
    start = label.rect().topLeft() + QPoint(2, label.height() // 2)
    qtbot.mouseMove(label, start)
    QApplication.sendEvent(label, _enter_event(label, start))
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    qtbot.mousePress(label, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(label, start + QPoint(label.width() // 2, 0))
    qtbot.mouseRelease(label, Qt.MouseButton.LeftButton, pos=start + QPoint(label.width() // 2, 0))
    assert label.hasSelectedText() and label.selectedText() in label.text()


def _enter_event(widget, pos):
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QEnterEvent

    local = QPointF(pos)
    return QEnterEvent(local, local, QPointF(widget.mapToGlobal(pos)))


def _measured_afresh(label: TextLabel, width: int) -> int:
    """What a plain QLabel set up like `label`, with nothing remembered, answers for `width`."""
    from PySide6.QtWidgets import QLabel

    fresh = QLabel(label.text())
    fresh.setTextFormat(label.textFormat())
    fresh.setWordWrap(label.wordWrap())
    fresh.setFont(label.font())
    fresh.setMargin(label.margin())
    fresh.setIndent(label.indent())
    return fresh.heightForWidth(width)


def test_a_label_measures_again_after_its_text_or_font_changes(qtbot):
    words = "one two three four five six seven eight nine ten"
    label = TextLabel(words, "body")
    qtbot.addWidget(label)

    def measure() -> int:
        """The label's height at 60 px, checked against a fresh label at several widths. Each width is
        asked twice, as layouts do: the second answer may come from what the label remembers."""
        for width in (60, 150, 300, 600):
            first, again = label.heightForWidth(width), label.heightForWidth(width)
            assert first == again == _measured_afresh(label, width), (width, first, again)
        return label.heightForWidth(60)

    narrow = measure()
    label.setText("one")
    assert measure() < narrow
    label.setText(words)
    assert measure() == narrow
    font = label.font()
    font.setPixelSize(font.pixelSize() * 3 if font.pixelSize() > 0 else 40)
    label.setFont(font)
    large = measure()
    assert large > narrow
    label.setMargin(12)
    with_margin = measure()
    assert with_margin > large
    label.setIndent(120)  # at 300 or 600 px wide, fewer words fit on a line
    measure()
    label.setWordWrap(False)
    assert measure() < with_margin  # one line now


def test_icons_are_drawn_when_shown_at_the_size_shown(qtbot, window):
    icon = window.diagram.nodes[0].icon
    picture = icon.pixmap()
    assert not picture.isNull()
    assert round(picture.width() / picture.devicePixelRatio()) == icon.width()
    window.resize(2560, 1440)
    qtbot.waitUntil(lambda: icon.width() > round(picture.width() / picture.devicePixelRatio()))  # laid out anew
    assert round(icon.pixmap().width() / icon.pixmap().devicePixelRatio()) == icon.width()


def test_a_panel_opened_later_has_its_cards_sized_selected_and_next_in_the_tab_order(qtbot, window, content):
    """The cards of a panel are made when it first opens, and then are as if they had always been there."""
    from sepsis_viewer.ui.widgets.theme import metrics_for

    window.select("dialysis")
    card = window.panels.cards["dialysis"]
    assert card.isVisible() and card.isChecked()
    metrics = metrics_for(window.width(), window.height())
    assert card.title.font().pixelSize() == metrics.text_px("body-bold")
    assert card.icon.width() == metrics.icon_px("card")
    last_tab = list(window.panels.tabs.values())[-1]  # Tab from the last tab goes into the open panel
    last_tab.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(last_tab, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.panels.cards[content.risk_groups[0].id]


def test_the_warning_banner_is_made_with_the_first_warning_at_the_top_in_the_window_type(qtbot, window):
    from sepsis_viewer.ui.widgets.banners import WarningBanner
    from sepsis_viewer.ui.widgets.theme import metrics_for

    assert window.findChildren(WarningBanner) == []  # most starts have nothing to warn about
    window.show_warning("This content file could not be used.")
    [banner] = window.findChildren(WarningBanner)
    qtbot.waitUntil(banner.isVisible)
    assert banner.geometry().bottom() < window.header.geometry().top()
    metrics = metrics_for(window.width(), window.height())
    assert banner.text.font().pixelSize() == metrics.text_px("body")


def test_the_window_is_made_in_the_app_font_so_no_font_change_follows_its_first_frame(qtbot, content):
    """A font change arriving after the first layout would lay every widget out a second time."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QFont

    from sepsis_viewer.ui.desktop.main_window import MainWindow

    previous = QApplication.font()
    QApplication.setFont(QFont("DejaVu Sans"))  # as a fresh process starts, before our font
    QApplication.processEvents()
    changes = []

    class Watch(QObject):
        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange) and watched is window:
                changes.append(event.type())
            return False

    watch = Watch()
    try:
        window = MainWindow(content, remember_geometry=False)
        qtbot.addWidget(window)
        QApplication.instance().installEventFilter(watch)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        settle()  # whatever the first frame queued has run
        assert changes == []
        assert window.diagram.nodes[0].summary.font().family() == window.font().family() != "DejaVu Sans"
    finally:
        QApplication.instance().removeEventFilter(watch)
        QApplication.setFont(previous)
