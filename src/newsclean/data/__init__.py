"""Data tables (plain text) used by the rules; see :mod:`newsclean.resources`."""
