"""The body map beside the four steps: what the current step lights, named in words under it, and
a hotspot per organ that opens its item, for the mouse and for the keyboard alike."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QAbstractButton, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from sepsis_viewer.body_map import DEFAULT_FIGURE, FIGURES
from sepsis_viewer.content import Content
from sepsis_viewer.organ_ties import lit_organs, organ_targets
from sepsis_viewer.strings import ui
from sepsis_viewer.tour import OVERVIEW, StepKind, TourStep
from sepsis_viewer.ui.widgets.body_map import BodyMap
from sepsis_viewer.ui.widgets.detail import link_style
from sepsis_viewer.ui.widgets.text import TextLabel, set_text_role
from sepsis_viewer.ui.widgets.theme import Metrics, Palette


HOTSPOTS_AFTER_MS = 100
# Head to hips, shoulders to wrists: every organ the content names, as large as a narrow place
# allows (the whole figure, arms held out, would be drawn at two thirds of the size).
UPPER_BODY = QRectF(0.16, 0.015, 0.68, 0.54)


def organ_name(organ_id: str) -> str:
    """An organ's name in the language on screen."""
    return ui("organ_names").get(organ_id, organ_id)


def organ_colours(content: Content, step: TourStep, palette: Palette) -> dict[str, str]:
    """The organs a step lights, each in its stage's colour or the accent."""
    return {organ: palette.stage_colour(number) if number else palette.accent
            for organ, number in lit_organs(content, step).items()}


class OrganHotspot(QAbstractButton):
    """An organ as a button: reached with Tab, named for a screen reader, ringed when focused.

    The mouse goes through it to the map, which knows an organ's exact shape.
    """

    def __init__(self, organ_id: str, name: str, focus_colour: str, parent: QWidget):
        super().__init__(parent)
        self.organ_id = organ_id
        self._focus_colour = focus_colour
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setProperty("overlay", True)  # over the drawing on purpose, as organs lie over each other

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()  # Enter as well as Space, as for every button of the app
            return
        super().keyPressEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        if not self.hasFocus():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(self._focus_colour), 3, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5), 6, 6)
        painter.end()


_LEAST_FITTED = 0.6  # of the height its width asks: the least a map fitted beside the steps gets


class BodyPanel(QWidget):
    """A titled body map, the names of what it lights, and (on the desktop) a choice of figure."""

    activated = Signal(str)  # an organ asks for the step that explains it
    figure_changed = Signal(str)
    hotspots_made = Signal()  # another figure has other organs: the keyboard's order takes them in

    def __init__(self, content: Content, palette: Palette, *, figure: str = DEFAULT_FIGURE,
                 figure_choice: bool = False, crop: QRectF | None = None, hotspots: bool = True,
                 parent: QWidget | None = None):
        """`crop`: the part of the figure shown (see BodyMap.set_crop); all of it by default.
        `hotspots`: organs reached with Tab (not on a slide or a screen nobody touches)."""
        super().__init__(parent)
        self._content, self._palette = content, palette
        self._targets = organ_targets(content)
        self.title = TextLabel(ui("body_map_title"), "small-bold", self, colour=palette.muted)
        self.map = BodyMap(figure, self)
        self.map.align_top = True  # under its title, with the names of what is lit close below
        if crop is not None:
            self.map.set_crop(crop)
        self.map.set_words(ui("body_map_accessible"), organ_name,
                           lambda _figure, names: ui("body_map_description", lit=self._lit_words(names)))
        self.map.organ_clicked.connect(self._on_organ)
        self.map.installEventFilter(self)  # its resizes move the hotspots
        self.caption = TextLabel(ui("body_map_none"), "small", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.map)
        layout.addWidget(self.caption)
        self.figure_button = None
        if figure_choice:
            self.figure_button = QPushButton(self)
            set_text_role(self.figure_button, "small")
            self.figure_button.setStyleSheet(link_style(palette))
            self.figure_button.clicked.connect(self._other_figure)
            layout.addWidget(self.figure_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.hotspots: dict[str, OrganHotspot] = {}
        self._hotspots_wanted = hotspots
        self._fitted = False
        if self.figure_button is not None:
            self._name_figure_button()

    # --- what is lit --------------------------------------------------------------------------

    def show_step(self, step: TourStep) -> None:
        """Light the organs of a step, and name them under the map."""
        lit = organ_colours(self._content, step, self._palette)
        self.map.set_lit(lit)
        self.caption.setText(self._caption(lit_organs(self._content, step)))

    def _caption(self, lit: dict[str, int | None]) -> str:
        """The lit organs by name; when several stages' colours show (the overview), stage by stage,
        so that no colour has to be told apart to know which stage it is."""
        drawn = [organ for organ in self.map.organ_ids() if organ in lit]
        if not drawn:
            return ui("body_map_none")
        stages = sorted({lit[organ] for organ in drawn if lit[organ] is not None})
        if len(stages) < 2:
            return ui("body_map_lit", organs=self._lit_words([organ_name(o) for o in drawn]))
        # Each stage with all of its organs, though an organ two stages name shows the later's colour.
        drawn_set = set(self.map.organ_ids())
        return "\n".join(ui("body_map_stage", number=stage.number, stage=stage.title,
                             organs=self._lit_words([organ_name(o) for o in stage.organs if o in drawn_set]))
                         for stage in self._content.stages if stage.number in stages or stage.organs)

    # --- size -----------------------------------------------------------------------------------

    def fit_beside(self, on: bool) -> None:
        """On: the map is as tall as the column beside it leaves it (a portrait window, the four
        steps beside it), below it room for the longest list of names. Off: as tall as its width
        asks, the names under it.

        On a portrait window the nine names of the overview made the column taller than the steps:
        the steps' cards stretched over empty space, and the detail, which shares what is left,
        shrank to a line. The room kept for the names does not change with what is chosen, so the
        figure keeps its size from one choice to the next."""
        if on == self._fitted:
            return
        self._fitted = on
        self.map.height_from_width = not on
        self.map.setSizePolicy(QSizePolicy.Policy.Preferred,
                               QSizePolicy.Policy.Expanding if on else QSizePolicy.Policy.Preferred)
        layout = self.layout()
        layout.setStretchFactor(self.map, 1 if on else 0)
        layout.setStretch(layout.count() - 1, 0 if on else 1)  # the space under the figure choice
        if on:
            self._keep_room_for_names()
        else:
            self.caption.setMinimumHeight(0)
            self.map.setMinimumHeight(0)
        self.map.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._fitted:
            self._keep_room_for_names()

    def _keep_room_for_names(self) -> None:
        width = self.width()  # the caption's own width may not have followed the panel's yet
        if width < self.minimumSizeHint().width():
            return  # not laid out yet: its resize comes
        # Never a thumbnail: where the names are long (Spanish, French) the column outgrows the
        # steps a little rather than the figure shrink to a sketch.
        self.map.setMinimumHeight(round(self.map.heightForWidth(width) * _LEAST_FITTED))
        overview = self._caption(lit_organs(self._content, TourStep(OVERVIEW, StepKind.OVERVIEW)))
        metrics = self.caption.fontMetrics()
        tallest = max(metrics.boundingRect(QRect(0, 0, width, 1 << 20), Qt.TextFlag.TextWordWrap, text).height()
                      for text in (overview, self.caption.text()))
        margins = self.caption.contentsMargins()
        self.caption.setMinimumHeight(tallest + margins.top() + margins.bottom())

    @staticmethod
    def _lit_words(names: list[str]) -> str:
        return ui("organ_separator").join(names)

    def _on_organ(self, organ_id: str) -> None:
        target = self._targets.get(organ_id)
        if target is not None:
            self.activated.emit(target.id)

    # --- the figure ---------------------------------------------------------------------------

    def set_figure(self, figure: str) -> None:
        self.map.set_figure(figure)
        self._make_hotspots()

    def _other_figure(self) -> None:
        figure = next(f for f in FIGURES if f != self.map.figure())
        self.set_figure(figure)
        self.figure_changed.emit(figure)

    # --- hotspots -----------------------------------------------------------------------------

    def _make_hotspots(self) -> None:
        """One hotspot per organ of the figure that opens something, in the order of the drawing."""
        for hotspot in self.hotspots.values():
            hotspot.deleteLater()
        self.hotspots = {}
        for organ_id in self.map.organ_ids():
            target = self._targets.get(organ_id)
            if target is None or not self._hotspots_wanted:
                continue
            name = ui("organ_hotspot", organ=organ_name(organ_id), summary=_summary(target))
            hotspot = OrganHotspot(organ_id, name, self._palette.focus, self.map)
            hotspot.clicked.connect(lambda _=False, organ=organ_id: self._on_organ(organ))
            self.hotspots[organ_id] = hotspot
        if self.figure_button is not None:
            self._name_figure_button()
        self._place_hotspots()
        self.hotspots_made.emit()

    def _name_figure_button(self) -> None:
        # Short on screen (the column is narrow); whole for a screen reader.
        self.figure_button.setText(ui(f"body_map_figure_{self.map.figure()}_short"))
        self.figure_button.setAccessibleName(ui(f"body_map_figure_{self.map.figure()}"))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._hotspots_wanted and not self.hotspots:
            # Made once the first frame is up: each needs its organ's place in the drawing, which
            # a start (some 8 ms) need not wait for; nobody tabs to them in the first tenth of a second.
            QTimer.singleShot(HOTSPOTS_AFTER_MS, self, self._make_hotspots)

    def controls(self) -> list[QWidget]:
        """What the keyboard reaches here: the organs from the head down, then the figure choice."""
        spots = sorted(self.hotspots.items(), key=lambda item: self.map.organ_rect(item[0]).center().y())
        return [spot for _organ, spot in spots] + ([self.figure_button] if self.figure_button else [])

    def _place_hotspots(self) -> None:
        for organ_id, hotspot in self.hotspots.items():
            hotspot.setGeometry(self.map.organ_rect(organ_id).adjusted(-4, -4, 4, 4).toAlignedRect())
            hotspot.show()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.map and event.type() == QEvent.Type.Resize:
            self._place_hotspots()
        return False

    def rescale(self, metrics: Metrics) -> None:
        self.layout().setSpacing(max(2, metrics.gap // 2))


def _summary(step: TourStep) -> str:
    """What an organ's hotspot says of the step it opens: an item's summary, a stage's too."""
    return getattr(step.subject, "summary", "") or getattr(step.subject, "title", "")
