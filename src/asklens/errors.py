"""Errors that asklens raises for bad input or configuration.

Every error a user can cause is an :class:`AsklensError` (a ``ValueError``) whose
message is one line naming the file, the row or column, and the fix. The CLI prints
that line and exits with status 2; it never shows a traceback for them.
"""

from __future__ import annotations

from os import PathLike

__all__ = ["AsklensError", "InputError", "ConfigError", "NotebookError"]


class AsklensError(ValueError):
    """Base class of the errors asklens raises for things the user can fix.

    Parameters
    ----------
    message : str
        What is wrong, quoting the bad value.
    path : str or path-like, optional
        The file the problem was found in.
    row : int, optional
        1-based row number in the file (the header is row 1 for delimited files).
    column : str, optional
        The column concerned.
    fix : str, optional
        What the user should do about it.
    """

    exit_code = 2

    def __init__(
        self,
        message: str,
        *,
        path: str | PathLike[str] | None = None,
        row: int | None = None,
        column: str | None = None,
        fix: str | None = None,
    ) -> None:
        self.message = " ".join(str(message).split())
        self.path = None if path is None else str(path)
        self.row = row
        self.column = column
        self.fix = None if fix is None else " ".join(str(fix).split())
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """Return the error as a single line: ``where: what (fix)``."""
        where = []
        if self.path:
            where.append(self.path)
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column!r}")
        text = self.message
        if where:
            text = ", ".join(where) + ": " + text
        if self.fix:
            text = f"{text} — fix: {self.fix}"
        return text


class InputError(AsklensError):
    """A question log or FAQ file cannot be read or fails validation."""


class ConfigError(AsklensError):
    """The workspace configuration (or a command-line option) is wrong."""


class NotebookError(AsklensError):
    """A report notebook failed while executing (exit status 3)."""

    exit_code = 3
