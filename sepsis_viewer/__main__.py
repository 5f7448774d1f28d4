"""`python -m sepsis_viewer`: the same as the `sepsis-viewer` command."""

from sepsis_viewer.app import main

raise SystemExit(main())
