"""The desktop window, used as a person uses it: click, press keys, read what is visible."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel

from conftest import settle, shown_texts
from sepsis_viewer.content import load_content, validate_file
from sepsis_viewer.ui.desktop.main_window import MainWindow


def detail_text(win) -> str:
    return win.detail.visible_text()


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_window_opens_on_the_overview_with_title_diagram_and_call_to_action(window, content):
    texts = shown_texts(window)
    assert content.intro.title in texts and content.intro.heading in detail_text(window)
    for stage in content.stages:
        assert stage.title in texts and stage.summary in texts
    assert content.model_note.label in texts and content.model_note.text in texts
    assert "Call 112 and ask: could it be sepsis?" in texts
    for sign in content.call_to_action.signs:
        assert sign in window.cta.signs.text()


@pytest.mark.parametrize("index", range(4))
def test_clicking_a_stage_shows_its_own_detail(qtbot, window, content, index):
    stage = content.stages[index]
    node = window.diagram.nodes[index]
    click(qtbot, node)
    text = detail_text(window)
    assert stage.title in text and stage.body in text and stage.action in text
    assert all(sign in text for sign in stage.signs)
    assert "Source" in text
    assert node.isChecked() and sum(n.isChecked() for n in window.diagram.nodes) == 1
    others = [s for s in content.stages if s is not stage]
    assert not any(o.body in text for o in others)


def test_keyboard_reaches_and_selects_every_stage(qtbot, window, content):
    first = window.diagram.nodes[0]
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert content.stages[0].body in detail_text(window)
    for index in range(1, 4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
        assert QApplication.focusWidget() is window.diagram.nodes[index]
        key = Qt.Key.Key_Space if index % 2 else Qt.Key.Key_Enter
        qtbot.keyClick(window.diagram.nodes[index], key)
        assert content.stages[index].body in detail_text(window)
        assert window.diagram.nodes[index].isChecked()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert QApplication.focusWidget() is window.diagram.nodes[2]


def test_tab_moves_through_the_stages(qtbot, window):
    window.header.about.setFocus(Qt.FocusReason.TabFocusReason)
    seen = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert all(node in seen for node in window.diagram.nodes)


def test_every_panel_item_is_reachable_and_shows_its_detail(qtbot, window, content):
    for panel in content.panels:
        click(qtbot, window.panels.tabs[panel.id])
        assert window.panels.stack.currentWidget() is window.panels.pages[panel.id]
        assert panel.intro in detail_text(window)
        for item in panel.items:
            card = window.panels.cards[item.id]
            assert card.isVisibleTo(window)
            click(qtbot, card)
            text = detail_text(window)
            assert item.title in text and item.detail in text and panel.title in text
            assert card.isChecked()


def test_arrow_keys_walk_a_panel(qtbot, window, content):
    click(qtbot, window.panels.tabs["risk_groups"])
    cards = [window.panels.cards[i.id] for i in content.risk_groups]
    cards[0].setFocus(Qt.FocusReason.TabFocusReason)
    for card, item in zip(cards, content.risk_groups):
        assert QApplication.focusWidget() is card
        qtbot.keyClick(card, Qt.Key.Key_Space)
        assert item.detail in detail_text(window)
        qtbot.keyClick(card, Qt.Key.Key_Down)


def test_selecting_an_item_of_another_panel_opens_that_panel(window):
    window.select("dialysis")
    assert window.panels.stack.currentWidget() is window.panels.pages["risk_groups"]
    assert window.panels.tabs["risk_groups"].isChecked()


def test_numbers_and_call_to_action_views(qtbot, window, content):
    click(qtbot, window.header.numbers)
    text = detail_text(window)
    for figure in content.figures:
        assert figure.text in text and str(figure.year) in text
    click(qtbot, window.cta.more)
    text = detail_text(window)
    assert all(s in text for s in content.call_to_action.children_signs)
    assert content.call_to_action.skin_note in text
    assert not any(n.isChecked() for n in window.diagram.nodes)


def test_about_lists_references_version_review_date_licences_and_disclaimer(qtbot, window, content):
    click(qtbot, window.diagram.nodes[1])
    click(qtbot, window.header.about)
    text = detail_text(window)
    for ref in content.references:
        assert ref.citation in text
    assert content.content_version in text and content.last_reviewed in text
    assert "SIL Open Font License" in text and "MIT" in text and "Health Icons" in text
    assert "not medical advice" in text
    assert not window.diagram.nodes[1].isChecked()
    click(qtbot, window.diagram.nodes[1])  # the same stage again brings its detail back
    assert content.stages[1].body in detail_text(window)


def test_f1_opens_about_and_home_the_start_page(qtbot, window, content):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert "References" in detail_text(window)
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert content.intro.text in detail_text(window)


def test_accessible_names_begin_with_the_visible_title(window, content):
    for node, stage in zip(window.diagram.nodes, content.stages):
        assert node.accessibleName() == f"{stage.title}, stage {stage.number} of 4"
    for item_id, card in window.panels.cards.items():
        assert card.accessibleName().startswith(card.title.text())
    for tab in window.panels.tabs.values():
        assert tab.accessibleName().startswith(tab.title.text())
    assert window.header.about.accessibleName().startswith(window.header.about.title.text())


def test_every_control_takes_keyboard_focus(window):
    controls = [*window.diagram.nodes, *window.panels.all_cards(), window.header.numbers, window.header.about,
                window.cta.more]
    for control in controls:
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, control


def test_every_label_is_plain_text(window):
    window.select("about")
    for label in window.findChildren(QLabel):
        if label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


def test_markup_in_a_content_file_is_shown_literally(qtbot, write_content):
    markup = '<img src="file:///etc/passwd"><b>Infection</b>'
    path = write_content(lambda d: d["stages"][0].update(summary=markup, body=markup + " body"))
    win = MainWindow(load_content(path), remember_geometry=False)
    qtbot.addWidget(win)
    win.show()  # a page is laid out once the window has its size
    assert win.diagram.nodes[0].summary.text() == markup
    win.select("infection")
    assert markup + " body" in detail_text(win)


@pytest.mark.parametrize("breakage", [
    lambda d: d["stages"][0].update(titel="x"),
    lambda d: d["stages"][0].update(icon="../../etc/passwd.svg"),
    lambda d: d["references"].pop(0),
])
def test_an_invalid_content_file_gives_bundled_content_and_a_visible_warning(qtbot, write_content, breakage):
    from sepsis_viewer.app import create_window

    bad = write_content(breakage)
    first_problem = str(validate_file(bad)[0])
    win = create_window(bad, remember_geometry=False)
    qtbot.addWidget(win)
    win.show()
    assert win.content.path == load_content().path and win.content.stages == load_content().stages
    assert win.banner.isVisible() and first_problem in win.banner.text.text()
    assert "built-in content" in win.banner.text.text()
    assert QApplication.activeModalWidget() is None
    assert "Infection" in shown_texts(win)  # never a blank window
    click(qtbot, win.banner.dismiss)
    assert not win.banner.isVisible()


def test_opening_a_bad_file_keeps_what_is_shown(qtbot, window, write_content, content):
    window.select("sepsis")
    assert not window.open_content(write_content(raw=b"{"))
    assert window.banner.isVisible() and ":1:2: invalid JSON" in window.banner.text.text()
    assert window.content == content and content.stages[1].body in detail_text(window)


def test_opening_a_good_file_shows_it_and_keeps_the_selection(qtbot, window, write_content):
    window.select("lungs")
    path = write_content(lambda d: d["infection_sources"]["items"][0].update(detail="Changed words."))
    assert window.open_content(path)
    assert "Changed words." in detail_text(window)
    assert window.panels.cards["lungs"].isChecked()


def choose_from_menu(qtbot, window, menu_words: str, item_words: str) -> None:
    """Click a menu in the menu bar, then an item in it, as a person does."""
    bar = window.menuBar()
    entry = next(a for a in bar.actions() if a.text().replace("&", "") == menu_words)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(entry).center())
    menu = entry.menu()
    qtbot.waitUntil(menu.isVisible)
    item = next(a for a in menu.actions() if a.text().replace("&", "") == item_words)
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(item).center())


@pytest.fixture
def open_dialog(monkeypatch):
    """Stands in for the file dialog: answers with the file a test picks; says what it was asked."""
    from PySide6.QtWidgets import QFileDialog

    dialog = {"answer": "", "asked": []}

    def get_open_file_name(parent, caption, folder, filters):
        dialog["asked"].append((parent, caption, filters))
        return str(dialog["answer"]), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open_file_name))
    return dialog


def test_file_open_shows_the_chosen_file(qtbot, window, write_content, open_dialog):
    open_dialog["answer"] = write_content(lambda d: d["stages"][0].update(title="The first stage, renamed"))
    choose_from_menu(qtbot, window, "File", "Open content file…")
    (parent, caption, filters), = open_dialog["asked"]
    assert parent is window and caption == "Open a Sepsis Viewer content file" and "*.json" in filters
    qtbot.waitUntil(lambda: "The first stage, renamed" in shown_texts(window))  # the new cards are shown
    assert window.diagram.nodes[0].title.text() == "The first stage, renamed" and not window.banner.isVisible()


def test_file_open_of_a_bad_file_warns_and_keeps_what_is_shown(qtbot, window, write_content, open_dialog):
    open_dialog["answer"] = write_content(raw=b"{")
    choose_from_menu(qtbot, window, "File", "Open content file…")
    assert window.banner.isVisible()
    assert window.banner.text.text() == ("This content file could not be opened, so the content already shown "
                                         f"stays. {open_dialog['answer']}:1:2: invalid JSON: Expecting property "
                                         "name enclosed in double quotes")
    settle()
    assert window.diagram.nodes[0].title.text() == "Infection" and "Infection" in shown_texts(window)


def test_file_open_cancelled_changes_nothing(qtbot, window, open_dialog):
    before = shown_texts(window)
    choose_from_menu(qtbot, window, "File", "Open content file…")
    settle()
    assert open_dialog["asked"] and shown_texts(window) == before and not window.banner.isVisible()


def test_window_geometry_is_remembered(qtbot, content):
    QSettings().remove("window/geometry")
    first = MainWindow(content)
    qtbot.addWidget(first)
    first.setGeometry(50, 60, 1100, 700)
    first.show()
    first.close()
    assert QSettings().value("window/geometry", type=bytes)
    second = MainWindow(content)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (1100, 700)
    QSettings().remove("window/geometry")


def test_type_and_icons_scale_with_the_window(qtbot, window):
    window.resize(1024, 768)
    settle()
    small = (window.diagram.nodes[0].title.font().pixelSize(), window.diagram.nodes[0].icon.width())
    window.resize(3840, 2160)
    settle()
    large = (window.diagram.nodes[0].title.font().pixelSize(), window.diagram.nodes[0].icon.width())
    assert large[0] >= 2.5 * small[0] and large[1] >= 2.5 * small[1]


def test_a_missing_icon_file_is_drawn_as_a_placeholder(qtbot, tmp_path):
    from sepsis_viewer.ui.widgets.icons import icon_pixmap

    image = icon_pixmap(tmp_path / "gone.svg", "#16232B", 48).toImage()
    marked = sum(image.pixelColor(x, y).alpha() > 0 for x in range(48) for y in range(48))
    assert 50 < marked < 48 * 48 / 2  # a visible ring, not a hole and not a block


def test_an_icon_changed_on_disk_is_drawn_anew(qtbot, tmp_path):
    import os

    from sepsis_viewer.ui.widgets.icons import icon_pixmap

    path = tmp_path / "icon.svg"
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>')
    full = icon_pixmap(path, "#000000", 16).toImage()
    path.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="1" height="1"/></svg>')
    os.utime(path, ns=(1, 10**18))
    small = icon_pixmap(path, "#000000", 16).toImage()
    assert full.pixelColor(12, 12).alpha() > 0 and small.pixelColor(12, 12).alpha() == 0
