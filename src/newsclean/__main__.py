"""``python -m newsclean`` runs the console script."""

from .cli import console

console()
