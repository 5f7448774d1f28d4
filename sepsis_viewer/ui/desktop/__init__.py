"""The desktop viewer: a window a person opens, reads and closes."""
