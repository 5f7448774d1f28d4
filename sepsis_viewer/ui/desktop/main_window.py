"""The desktop window: assembles the views and routes selections through the shared tour."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QLayout,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from sepsis_viewer.charts.data import chart_data
from sepsis_viewer.content import Content, ContentError, load_content
from sepsis_viewer.pages import ABOUT, page_for
from sepsis_viewer import strings
from sepsis_viewer.record import Record
from sepsis_viewer.strings import ui
from sepsis_viewer.tour import CHART, NUMBERS, OVERVIEW, TourPosition, TourStep, build_tour
from sepsis_viewer.ui.widgets.banners import CallToActionBar, Header, WarningBanner
from sepsis_viewer.ui.widgets.detail import DetailView
from sepsis_viewer.ui.widgets.diagram import ProgressionDiagram
from sepsis_viewer.ui.widgets.fonts import register_fonts
from sepsis_viewer.ui.widgets.panels import PanelArea
from sepsis_viewer.ui.widgets.rounded import framed
from sepsis_viewer.ui.widgets.text import apply_metrics, set_background, text_font
from sepsis_viewer.ui.widgets.theme import DESKTOP, Metrics, Palette, metrics_for

GEOMETRY_KEY = "window/geometry"


class _View(Record):
    """One content's widgets and its place in the tour."""

    content: Content
    tour: TourPosition
    central: QWidget
    header: Header
    diagram: ProgressionDiagram
    panels: PanelArea
    detail: DetailView
    cta: CallToActionBar
    body: QBoxLayout


class _Central(QWidget):
    """The window's central widget: no minimum size of its own (see set_content)."""

    def minimumSizeHint(self):  # noqa: N802
        return QSize(320, 240)


class MainWindow(QMainWindow):
    """Header, diagram, panels, detail and call to action, all driven by one TourPosition."""

    def __init__(self, content: Content, *, palette: Palette = DESKTOP, emergency_number: str | None = None,
                 remember_geometry: bool = True, chrome: bool = True, languages: list[str] | None = None,
                 load_language: Callable[[str], Content] | None = None):
        """`chrome=False` (the waiting room) leaves out the menus and every shortcut that could open
        a dialog or quit. `languages` and `load_language` offer a language switch."""
        # The application's font first: set after this window exists, it would reach the window as a
        # posted event, after its first layout, and make every widget under it lay out again.
        self._family = register_fonts()
        font = QApplication.font()
        font.setFamily(self._family)
        QApplication.setFont(font)  # menus and dialogs too
        super().__init__()
        self._chrome = chrome
        self._languages = list(languages or []) if load_language else []
        self._load_language = load_language
        self._palette = palette
        self._emergency_number = emergency_number
        self._remember = remember_geometry
        self._metrics: Metrics | None = None
        self.setWindowTitle(ui("app_name"))
        self._banner: WarningBanner | None = None  # made when there is first something to warn about
        self.top_strip: QWidget | None = None  # the kiosk's loop progress, above everything
        self.closable = True  # the waiting room turns this off: only its quit chord closes it
        self.keep_views = 0  # how many other contents' widgets to keep for their next turn
        self._kept: list[_View] = []
        self._view: _View | None = None
        self._drift = (0, 0)
        self._menus: list[QMenu] = []
        if chrome:
            self._build_menus()
        else:
            self.menuBar().hide()
        self.set_content(content)
        if remember_geometry:
            self._restore_geometry()

    # --- building -------------------------------------------------------------------------

    def set_content(self, content: Content) -> None:
        """Show this content, keeping the selection where the new content has the same id."""
        previous = self.tour.current.id if getattr(self, "tour", None) else OVERVIEW
        # The interface speaks the content's language (English where it has no words for one).
        retranslate = strings.language() != content.language
        strings.set_language(content.language)
        if retranslate and getattr(self, "_view", None) is not None:
            self._retranslate()
        outgoing = self.takeCentralWidget()
        if outgoing is not None:
            self._retire(outgoing)
        view = next((v for v in self._kept if v.content is content), None)
        if view is not None:
            self._kept.remove(view)
        else:
            view = self._build_view(content)
        self._view = view
        self.content, self.tour = view.content, view.tour
        self.header, self.diagram, self.panels = view.header, view.diagram, view.panels
        self.detail, self.cta, self._body = view.detail, view.cta, view.body
        # The strip and the banner belong to the window, not to one content: they move along.
        layout = view.central.layout()
        for index, widget in enumerate(w for w in (self.top_strip, self._banner) if w is not None):
            widget.setParent(view.central)
            layout.insertWidget(index, widget)
        self.setCentralWidget(view.central)
        self._metrics = None
        # A window not yet shown is sized in setVisible, at its real size: sizing every font and icon
        # now, at Qt's default size, would lay every text out twice.
        if not self.testAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent):
            self._apply_metrics()
        self.tour.select(previous) if self.tour.has(previous) else None
        self._on_step(self.tour.current)

    def _retire(self, central: QWidget) -> None:
        """Keep the outgoing content's widgets for its next turn (the waiting room's languages), or
        let them go. Rebuilding a window's worth of widgets every loop for weeks only fragments
        the memory."""
        view = self._view
        for widget in (self.top_strip, self._banner):
            if widget is not None:
                central.layout().removeWidget(widget)
                widget.setParent(None)
        if self.keep_views > 0:
            self._kept.append(view)
            while len(self._kept) > self.keep_views:
                self._kept.pop(0).central.deleteLater()
        else:
            central.deleteLater()

    def _build_view(self, content: Content) -> _View:
        tour = TourPosition(build_tour(content))
        tour.subscribe(self._on_step)
        central = _Central()
        set_background(central, self._palette.window)
        names = [(code, strings.table(code).get("language_name", code)) for code in self._languages]
        header = Header(content, self._palette, central, languages=names)
        header.language_chosen.connect(self.switch_language)
        diagram = ProgressionDiagram(content, self._palette, central)
        panels = PanelArea(content, self._palette, self._family, central)
        detail = DetailView(self._palette, self._family, self._metrics, central)
        detail.set_chart_source(lambda chart_id: chart_data(content, chart_id))
        cta = CallToActionBar(content, self._palette, self._emergency_number, central)
        body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(panels, 5)
        body.addWidget(framed(detail, self._palette.surface, self._palette.border, 1.0, 8.0), 6)
        layout = QVBoxLayout(central)
        # The type shrinks with the window, so the window may always shrink: the minimum of the
        # layout at today's type must not stop a move to a smaller screen.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.addWidget(header)
        layout.addWidget(diagram)
        layout.addLayout(body, 1)
        layout.addWidget(cta)
        for view in (header, panels, cta, detail, *diagram.nodes):
            view.activated.connect(self.select)
        return _View(content, tour, central, header, diagram, panels, detail, cta, body)

    def switch_language(self, code: str) -> None:
        """Show the bundled content in another language, keeping what is selected."""
        if self._load_language is None or code == self.content.language:
            return
        try:
            content = self._load_language(code)
        except ContentError as exc:
            self.show_warning(ui("bad_content_kept", problem=str(exc.first)))
            return
        self.set_content(content)

    def _retranslate(self) -> None:
        """Interface words that outlive a content: the window title, the menus, the banner."""
        self.setWindowTitle(ui("app_name"))
        if self._chrome:
            self.menuBar().clear()
            for action in self.actions():
                self.removeAction(action)
            self._build_menus()
        if self._banner is not None:
            self._banner.retranslate()

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(ui("menu_file"))
        self._action(file_menu, ui("menu_open"), QKeySequence.StandardKey.Open, self.open_content_dialog)
        self._action(file_menu, ui("menu_export_handout"), QKeySequence("Ctrl+E"), lambda: self._handout("export"))
        self._action(file_menu, ui("menu_print"), QKeySequence.StandardKey.Print, lambda: self._handout("print"))
        file_menu.addSeparator()
        self._action(file_menu, ui("menu_quit"), QKeySequence.StandardKey.Quit, self.close)
        view_menu = bar.addMenu(ui("menu_view"))
        self._action(view_menu, ui("menu_overview"), QKeySequence(Qt.Key.Key_Home), lambda: self.select(OVERVIEW))
        self._action(view_menu, ui("menu_fullscreen"), QKeySequence(Qt.Key.Key_F11), self.toggle_full_screen)
        help_menu = bar.addMenu(ui("menu_help"))
        self._action(help_menu, ui("menu_about"), QKeySequence(Qt.Key.Key_F1), lambda: self.select(ABOUT))
        self._menus = [file_menu, view_menu, help_menu]

    def _action(self, menu, text, shortcut, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # so the shortcut works with the menu bar hidden in full screen
        return action

    # --- selection ------------------------------------------------------------------------

    def select(self, step_id: str) -> None:
        """Show a tour step (a stage, panel, item, the numbers, the call to action) or About."""
        if step_id == ABOUT:
            self._check(None)
            self.detail.show_page(page_for(self.content, ABOUT))
        elif not self.tour.select(step_id):
            self._on_step(self.tour.current)  # the same step again: show it even if About was up

    def _on_step(self, step: TourStep) -> None:
        if step.panel:
            self.panels.show_panel(step.panel)  # first: it may make the cards that _check marks
        self._check(NUMBERS if step.kind == CHART else step.id)  # a chart is part of the numbers
        self.detail.show_page(page_for(self.content, step.id, self._emergency_number))
        self._reveal_selection()

    def _reveal_selection(self) -> None:
        """Scroll the selected panel item into view (again once the layout has settled)."""
        step = self.tour.current
        if step.kind == "item":
            self.panels.pages[step.panel].ensureWidgetVisible(self.panels.cards[step.id], 0, 8)

    def _check(self, step_id: str | None) -> None:
        """Mark the card of this step as selected, and no other."""
        for card in (*self.diagram.nodes, *self.panels.cards.values(), self.header.numbers):
            card.setChecked(card.ident == step_id)

    # --- size -----------------------------------------------------------------------------

    def _current_metrics(self) -> Metrics:
        return metrics_for(self.width(), self.height())

    def _apply_metrics(self) -> None:
        metrics = self._current_metrics()
        if metrics == self._metrics:
            return
        self._metrics = metrics
        central = self.centralWidget()
        apply_metrics(central, self._family, metrics)
        self._set_margins()
        central.layout().setSpacing(metrics.gap)
        self._body.setSpacing(metrics.gap)
        portrait = self.height() > self.width()
        # A portrait screen (common in waiting rooms) stacks the panels above the detail.
        self._body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        # Tall screens: the panels take what their cards need, the detail gets the rest.
        self._body.setStretch(0, 0 if portrait else 5)
        self._body.setStretch(1, 1 if portrait else 6)
        self.panels.setMaximumHeight(round(self.height() * 0.25) if portrait else 16777215)
        if portrait:
            # The panels keep the height of the fullest one, so that the detail does not move when
            # another panel opens: that takes every panel's cards.
            self.panels.make_all_cards()
        self.diagram.set_portrait(portrait)
        self.cta.set_portrait(portrait)
        # Menus are not under the central widget, and popups do not inherit fonts: size them here.
        menu_font = text_font(self._family, metrics, "small")
        self.menuBar().setFont(menu_font)
        for menu in self._menus:  # not menuBar().findChildren(): see widgets_under in text.py
            menu.setFont(menu_font)

    def set_drift(self, dx: int, dy: int) -> None:
        """Shift everything by a few pixels, so that nothing stays burnt into a screen left on for weeks."""
        self._drift = (dx, dy)
        self._set_margins()

    def _set_margins(self) -> None:
        m = self._metrics or self._current_metrics()
        dx, dy = self._drift
        self.centralWidget().layout().setContentsMargins(m.margin + dx, m.gap + dy, m.margin - dx, m.margin - dy)

    def set_top_strip(self, strip: QWidget) -> None:
        """Put a thin widget above everything (it stays there when the content changes)."""
        self.top_strip = strip
        strip.setParent(self.centralWidget())
        self.centralWidget().layout().insertWidget(0, strip)

    def setVisible(self, visible: bool) -> None:  # noqa: N802
        # Before Qt lays the window out to show it: its first resize event would come after that.
        if visible and self._metrics is None:
            self._apply_metrics()
        super().setVisible(visible)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._apply_metrics()

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    # --- content files and settings ---------------------------------------------------------

    @property
    def banner(self) -> WarningBanner:
        """The warning strip at the top, under the kiosk's progress strip; made when first asked for."""
        if self._banner is None:
            self._banner = WarningBanner(self._palette, self.centralWidget())
            self.centralWidget().layout().insertWidget(0 if self.top_strip is None else 1, self._banner)
            if self._metrics is not None:
                apply_metrics(self._banner, self._family, self._metrics)
        return self._banner

    def show_warning(self, text: str) -> None:
        self.banner.show_warning(text)

    def _handout(self, how: str) -> None:
        # Imported here: printing support is not needed to start the window.
        from sepsis_viewer.ui.desktop import handout_actions

        (handout_actions.export_handout_dialog if how == "export" else handout_actions.print_handout_dialog)(self)

    def open_content_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # its class and enums cost a start; few open a file

        name, _ = QFileDialog.getOpenFileName(self, ui("open_dialog_title"), "", ui("open_dialog_filter"))
        if name:
            self.open_content(Path(name))

    def open_content(self, path: Path) -> bool:
        """Show a content file; if it is invalid, keep what is shown and say why in the banner."""
        try:
            content = load_content(path)
        except ContentError as exc:
            self.show_warning(ui("bad_content_kept", problem=str(exc.first)))
            return False
        if self._banner is not None:
            self._banner.hide()
        self.set_content(content)
        return True

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value(GEOMETRY_KEY, QByteArray(), type=QByteArray)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self._default_geometry()

    def _default_geometry(self) -> None:
        """1280x800, or less on a smaller screen, centred on it."""
        # Not self.screen(): PySide ties the screen object it returns to this window's lifetime.
        screen = QApplication.primaryScreen()
        area = screen.availableGeometry() if screen else None
        if area is None or area.isEmpty():
            self.resize(1280, 800)
            return
        width, height = min(1280, int(area.width() * 0.92)), min(800, int(area.height() * 0.9))
        self.setGeometry(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2,
                         width, height)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # Ask for the keyboard: a session without a window manager (a kiosk at boot) never gives it.
        self.activateWindow()
        QTimer.singleShot(0, self._reveal_selection)
        if QApplication.focusWidget() is None or not self.isAncestorOf(QApplication.focusWidget()):
            # Start on the diagram, quietly: arrow keys and Enter work at once, Tab goes on from there.
            self.diagram.nodes[0].setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.closable:
            event.ignore()
            return
        if self._remember:
            QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)
