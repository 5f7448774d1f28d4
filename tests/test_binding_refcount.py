"""PySide6 6.12.0 on Python 3.11 takes a reference from None on each void call and then aborts.

pyproject.toml pins the binding below 6.12 on Python < 3.12; this test fails if a later bump
brings the bug back, long before the interpreter would crash.
"""

import sys

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel


def test_twenty_thousand_void_calls_leave_none_alone(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    font = QFont()
    before = sys.getrefcount(None)
    for i in range(5000):
        label.setText("x")
        label.setFont(font)
        label.resize(10 + i % 5, 10)
        label.setToolTip("")
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references in 20,000 calls"
