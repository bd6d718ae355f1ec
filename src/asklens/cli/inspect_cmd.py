"""``asklens inspect``: placeholder until the readers land (issue 2)."""

from __future__ import annotations

from asklens.cli import app


@app.command("inspect")
def inspect() -> None:
    """Describe question-log files: format, rows, dates, columns, drops and redactions."""
    raise NotImplementedError
