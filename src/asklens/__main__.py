"""``python -m asklens`` runs the CLI."""

from asklens.cli import run

run()
