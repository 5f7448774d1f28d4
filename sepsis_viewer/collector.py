"""Python's cyclic garbage collector around start-up.

Start-up builds tens of thousands of objects that live as long as the app: modules, Qt's enums,
widgets, the content. The collector ran some 60 times over them while they were built, found
nothing to free, and at exit walked them all again (10 and 20 ms of a 300 ms start). So it waits
while the window is built; then the survivors are frozen (moved where collections never look,
gc.freeze) and collecting resumes for what the app makes from then on.
"""

from __future__ import annotations

import gc


def hold() -> None:
    """No cyclic collections until release(): start-up only builds what it keeps."""
    gc.disable()


def release() -> None:
    """Freeze what start-up built, and collect as usual from now on."""
    gc.freeze()
    gc.enable()
