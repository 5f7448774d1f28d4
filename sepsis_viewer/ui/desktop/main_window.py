"""The desktop window: menus, the window's size and place, and the content it shows. What it shows
is one InfographicView; this module only assembles it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from sepsis_viewer import strings
from sepsis_viewer.body_map import DEFAULT_FIGURE, FIGURES
from sepsis_viewer.content import Content, ContentError
from sepsis_viewer.setting import Setting
from sepsis_viewer.strings import ui
from sepsis_viewer.tour import ABOUT, OVERVIEW
from sepsis_viewer.ui.widgets.banners import WarningBanner
from sepsis_viewer.ui.widgets.fonts import use_app_font
from sepsis_viewer.ui.widgets.infographic import InfographicHost, InfographicView
from sepsis_viewer.ui.widgets.text import apply_metrics, text_font
from sepsis_viewer.ui.widgets.theme import DESKTOP, Palette

GEOMETRY_KEY = "window/geometry"
FIGURE_KEY = "body_map/figure"


class MainWindow(InfographicHost, QMainWindow):
    """The menus around one InfographicView; content comes in only through `setting`."""

    def __init__(self, content: Content, *, setting: Setting | None = None, palette: Palette = DESKTOP,
                 remember_geometry: bool = True, languages: list[str] | None = None):
        """`setting` prepares every content this window is given later (File > Open, a language);
        `languages` offers a switch between the bundled contents in those languages."""
        # The application's font first: set after this window exists, it would reach the window as a
        # posted event, after its first layout, and make every widget under it lay out again.
        self._family = use_app_font()
        super().__init__()
        self.setting = setting or Setting()
        self._languages = list(languages or [])
        self._palette = palette
        self._remember = remember_geometry
        self._body_figure = self._saved_figure()
        self.setWindowTitle(ui("app_name"))
        self._banner: WarningBanner | None = None  # made when there is first something to warn about
        self.view: InfographicView | None = None
        self._menus: list[QMenu] = []
        self._build_menus()
        self.set_content(content)
        if remember_geometry:
            self._restore_geometry()

    # --- content ------------------------------------------------------------------------------

    def set_content(self, content: Content) -> None:
        """Show this content (already prepared by the setting), keeping the selection where the
        new content has the same step."""
        previous = self.view.tour.current.id if self.view is not None else OVERVIEW
        focus = self.view.focus_key() if self.view is not None else None
        # The interface speaks the content's language (English where it has no words for one).
        if strings.language() != content.language:
            strings.set_language(content.language)
            if self.view is not None:
                self._retranslate()
        names = [(code, strings.table(code).get("language_name", code)) for code in self._languages]
        view = InfographicView(content, self._palette, self._family, languages=names, figure=self._body_figure,
                               figure_choice=True)
        view.language_chosen.connect(self.switch_language)
        view.body_map.figure_changed.connect(self._remember_figure)
        above = [self._banner] if self._banner is not None else []
        old = self.takeCentralWidget()
        if old is not None:
            old.take_above(above)
            old.deleteLater()
        view.place_above(above)
        self.view = view
        self.setCentralWidget(view)
        # A window not yet shown is sized in setVisible, at its real size: sizing every font and icon
        # now, at Qt's default size, would lay every text out twice.
        if not self.testAttribute(Qt.WidgetAttribute.WA_PendingResizeEvent):
            self._rescale()
        if old is not None and view.tour.has(previous):  # a first view starts at the start, unannounced
            view.select(previous)
        if old is not None:  # the keyboard stays on the control that was used (the language list…)
            view.restore_focus(focus)

    def _saved_figure(self) -> str:
        """The body map's figure this person chose last time (remembered only by a window that
        remembers its geometry: a screenshot or a test starts from the default)."""
        if not self._remember:
            return DEFAULT_FIGURE
        figure = QSettings().value(FIGURE_KEY, DEFAULT_FIGURE, type=str)
        return figure if figure in FIGURES else DEFAULT_FIGURE

    def _remember_figure(self, figure: str) -> None:
        self._body_figure = figure  # for the next view too (a language switch)
        if self._remember:
            QSettings().setValue(FIGURE_KEY, figure)

    def switch_language(self, code: str) -> None:
        """Show the bundled content in another language, keeping what is selected."""
        if code == self.content.language:
            return
        try:
            content = self.setting.bundled(code)
        except ContentError as exc:
            self.show_warning(ui("bad_content_kept", problem=str(exc.first)))
            return
        self.set_content(content)

    def open_content_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # its class and enums cost a start; few open a file

        name, _ = QFileDialog.getOpenFileName(self, ui("open_dialog_title"), "", ui("open_dialog_filter"))
        if name:
            self.open_content(Path(name))

    def open_content(self, path: Path) -> bool:
        """Show a content file; if it is invalid, keep what is shown and say why in the banner."""
        try:
            content = self.setting.load(path)
        except ContentError as exc:
            self.show_warning(ui("bad_content_kept", problem=str(exc.first)))
            return False
        if self._banner is not None:
            self._banner.hide()
        self.set_content(content)
        return True

    @property
    def banner(self) -> WarningBanner:
        """The warning strip at the top; made when first asked for."""
        if self._banner is None:
            self._banner = WarningBanner(self._palette)
            self.view.place_above([self._banner])
        return self._banner

    def show_warning(self, text: str) -> None:
        self.banner.show_warning(text)

    # --- menus ----------------------------------------------------------------------------

    def _retranslate(self) -> None:
        """Interface words that outlive a content: the window title, the menus, the banner."""
        self.setWindowTitle(ui("app_name"))
        self.menuBar().clear()
        for action in self.actions():
            self.removeAction(action)
        self._build_menus()
        self._size_menus()
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

    def _handout(self, how: str) -> None:
        # Imported here: printing support is not needed to start the window.
        from sepsis_viewer.ui.desktop import handout_actions

        (handout_actions.export_handout_dialog if how == "export" else handout_actions.print_handout_dialog)(self)

    # --- size -----------------------------------------------------------------------------

    def _rescale(self) -> None:
        self.view.rescale_for(self.width(), self.height())
        if self._banner is not None:
            apply_metrics(self._banner, self._family, self.view.metrics)
        self._size_menus()

    def _size_menus(self) -> None:
        """Menus are not under the view, and popups do not inherit fonts: size them here."""
        if self.view is None or self.view.metrics is None:
            return
        menu_font = text_font(self._family, self.view.metrics, "small")
        self.menuBar().setFont(menu_font)
        for menu in self._menus:  # not menuBar().findChildren(): see widgets_under in text.py
            menu.setFont(menu_font)

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

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
        # Ask for the keyboard: a session without a window manager never gives it.
        self.activateWindow()
        self.view.reveal_later()
        if QApplication.focusWidget() is None or not self.isAncestorOf(QApplication.focusWidget()):
            self.view.focus_first()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._remember:
            QSettings().setValue(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)
