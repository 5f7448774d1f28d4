"""The bundle's entry point, the same as the `sepsis-viewer` command.

A separate file rather than sepsis_viewer/__main__.py, because PyInstaller puts the entry script's
folder on the module path, which would make the package's own modules importable a second time.
"""

from sepsis_viewer.app import main

raise SystemExit(main())
