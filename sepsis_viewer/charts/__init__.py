"""Charts of the numbers: the data each chart shows (no Qt, no matplotlib) and how to draw it."""
