"""The printable handout: one layout painted onto a PDF, a printer or a poster image."""
