"""The roles and states screen readers are told: what each part is, not what Qt guesses from its class.

Qt calls every checkable button a check box ("check box, not checked"), which says that several
stages could be ticked at once. A stage or a panel item is one choice of several (a radio button:
Orca says "selected"); a panel's tab is a page tab, "selected" while its panel is open; a container
is a named group, or a filler that screen readers pass over. A class says which with `speaks_as`.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleStateChangeEvent
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QWidget

Role = QAccessible.Role
GROUP_OR_FILLER = "group-or-filler"  # a named group, or a filler while it has no name
_ROLES: dict[str, Role | str] = {}  # by the Qt class name Qt asks about
_installed = False


def speaks_as(role: Role | str):
    """Class decorator: screen readers are told its instances are a `role`."""

    def mark(cls):
        _ROLES[cls.__name__] = role
        return cls

    return mark


class _Told(QAccessibleWidget):
    """A widget with the role its class speaks as; buttons say whether they are the chosen one."""

    def role(self) -> Role:
        role = next(_ROLES[c.__name__] for c in type(self.widget()).__mro__ if c.__name__ in _ROLES)
        if role == GROUP_OR_FILLER:
            return Role.Grouping if self.widget().accessibleName() else Role.Client
        return role

    def state(self) -> QAccessible.State:
        state = super().state()
        widget = self.widget()
        if isinstance(widget, QAbstractButton) and widget.isCheckable():
            chosen = widget.isChecked()
            if self.role() == Role.PageTab:
                state.selectable, state.selected = True, chosen
            elif self.role() == Role.RadioButton:
                state.checkable, state.checked = True, chosen
        return state

    # A card's words are its name and description: as a button's text, they are not read twice
    # (a screen reader reads the labels in a group that belong to no control, on entering it).
    def childCount(self) -> int:  # noqa: N802 (Qt's name)
        return 0 if isinstance(self.widget(), QAbstractButton) else super().childCount()

    def child(self, index: int):
        return None if isinstance(self.widget(), QAbstractButton) else super().child(index)

    def actionNames(self) -> list[str]:  # noqa: N802
        names = super().actionNames()
        if isinstance(self.widget(), QAbstractButton):
            names = [QAccessibleActionInterface.pressAction(), *names]
        return names

    def doAction(self, name: str) -> None:  # noqa: N802
        if name == QAccessibleActionInterface.pressAction() and isinstance(self.widget(), QAbstractButton):
            self.widget().click()
        else:
            super().doAction(name)


def _factory(key: str, obj) -> QAccessibleWidget | None:
    # Qt asks once per class of the object's ancestry, most derived first: only ours are answered.
    return _Told(obj) if key in _ROLES and isinstance(obj, QWidget) else None


def install() -> None:
    """Let screen readers hear the roles the classes speak as (once; before the first is asked for)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def tell_selection_changed(widget: QWidget) -> None:
    """Tell screen readers that a page tab became selected or unselected (Qt tells only of "checked")."""
    state = QAccessible.State()
    state.selected = True
    event = QAccessibleStateChangeEvent(widget, state)
    QAccessible.updateAccessibility(event)
