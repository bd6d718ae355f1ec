"""Recognise an export format from its header.

Each format has *required* header groups (one name of each group must be present)
and *hint* names that add to its score; the best-scoring format whose requirements
hold wins. Header names are compared normalised (case, spaces and punctuation).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from asklens.readers._common import norm

__all__ = ["SIGNATURES", "QUESTION_FORMATS", "FAQ_FORMAT", "detect_from_columns", "detect_format"]

#: reader name -> (required groups, hint names, forbidden names)
SIGNATURES: dict[str, tuple[list[set[str]], set[str], set[str]]] = {
    "libchat": (
        [{"chat id"}, {"transcript", "initial question"}],
        {"timestamp", "message count", "rating 0 4", "duration seconds", "answerer", "department", "tags",
         "wait time seconds", "guest", "user agent"},
        set(),
    ),
    "refanalytics": (
        [{"entered by"}, {"date"}, {"question", "question answer"}],
        {"id", "ticket #", "chat #", "time", "email address", "answer", "read", "communication", "location",
         "patron affiliation", "patron status", "question type", "duration", "internal note", "dataset"},
        set(),
    ),
    "tickets": (
        [{"ticket id", "ticket #", "ticket", "id"}, {"subject", "question"},
         {"queue", "status", "asked on", "created", "created on", "owner", "asked via", "source", "assigned to",
          "date created", "submitted"}],
        {"details", "body", "answer", "reply", "tags", "topics", "asked by", "email", "closed", "closed on",
         "first reply", "patron email"},
        {"entered by", "faqid", "chat id", "response set"},
    ),
    "libraryh3lp": (
        [{"guest", "started"}, {"protocol", "queue", "operator", "wait", "accepted", "ended", "referrer"}],
        {"id", "profile", "started", "accepted", "ended", "wait", "duration", "operator", "ip", "referrer", "tags",
         "transcript", "text", "guest", "protocol", "queue"},
        {"chat id", "entered by", "response set"},
    ),
    "gimlet": (
        [{"initials"}, {"asked at", "question type", "asked by"}],
        {"location", "format", "asked by", "question type", "asked at", "tags", "question", "answer", "duration",
         "difficulty"},
        set(),
    ),
    "desktracker": (
        [{"response set", "response set id"}, {"date time", "datetime", "date"}, {"question", "field"},
         {"response", "answer", "value"}],
        {"desk", "user", "form"},
        set(),
    ),
    "faq": (
        [{"faqid", "faq id", "question"}, {"answer", "answer html", "details"}],
        {"topics", "topics name", "owner name", "owner", "created", "updated", "votes yes", "votes no",
         "totalhits", "total hits", "url public", "url", "keywords", "views", "faqid", "faq id"},
        {"chat id", "entered by", "initials", "response set", "transcript", "guest"},
    ),
}

QUESTION_FORMATS = ("libchat", "refanalytics", "tickets", "libraryh3lp", "gimlet", "desktracker", "generic")
FAQ_FORMAT = "faq"

_GENERIC_TEXT = {"text", "question", "utterance", "query", "message", "body", "subject", "question text"}


def detect_from_columns(columns: Iterable[str], *, mapping: dict[str, str] | None = None) -> str | None:
    """Return the format whose signature fits ``columns`` best, or ``None``.

    ``"faq"`` needs a FAQ-specific name (``faqid``, ``totalhits``, ``topics``,
    ``url.public``…) besides question and answer, so a generic question/answer log
    is not taken for a FAQ. When nothing matches, a file holding a text-like
    column, or any file when ``mapping`` (the generic column mapping) is given, is
    ``"generic"``.
    """
    names = {norm(c) for c in columns}
    best, best_score = None, 0.0
    for fmt, (required, hints, forbidden) in SIGNATURES.items():
        if names & forbidden:
            continue
        if not all(group & names for group in required):
            continue
        score = len(required) + 0.5 * len(hints & names)
        if fmt == "faq" and not (names & {"faqid", "faq id", "totalhits", "total hits", "url public", "topics",
                                          "topics name", "votes yes"}):
            continue
        if fmt == "libraryh3lp" and not (names & {"guest", "protocol", "operator"}) and not (
                {"started", "wait", "duration"} <= names):
            continue
        if fmt == "tickets" and not (names & {"ticket id", "ticket #", "ticket", "queue", "asked on", "asked via"}):
            continue
        if score > best_score:
            best, best_score = fmt, score
    if best is not None:
        return best
    if mapping:
        return "generic"
    if names & _GENERIC_TEXT or "asked at" in names:
        return "generic"
    return None


def detect_format(path: str | Path, *, sheet: str = "", encoding: str = "", delimiter: str = "") -> str:
    """Return the format of an export file, detected from its header.

    Parameters
    ----------
    path : str or Path
        A CSV, TSV, Excel or JSON export.
    sheet, encoding, delimiter : str, optional
        As for the readers (see ``[input]`` in the config).

    Returns
    -------
    str
        One of ``libchat, refanalytics, tickets, libraryh3lp, gimlet, desktracker,
        faq, generic``.

    Raises
    ------
    InputError
        When the file cannot be read or its header matches no known format.

    Examples
    --------
    >>> detect_format("tests/fixtures/libchat.csv")  # doctest: +SKIP
    'libchat'
    """
    from asklens.errors import InputError
    from asklens.readers._table import load_table

    table = load_table(path, sheet=sheet, encoding=encoding, delimiter=delimiter)
    fmt = detect_from_columns(table.frame.columns)
    if fmt is None:
        raise InputError(unknown_format_message(table.frame.columns), path=path, row=1,
                         fix=UNKNOWN_FORMAT_FIX)
    return fmt


UNKNOWN_FORMAT_FIX = ("pass --format NAME (libchat, refanalytics, tickets, libraryh3lp, gimlet, desktracker), or "
                      "map your columns for the generic reader in asklens.toml: [input.columns] text = \"...\", "
                      "asked_at = \"...\"")


def unknown_format_message(columns: Iterable[str]) -> str:
    """Return the message for a header that matches no format."""
    cols = [str(c) for c in columns]
    shown = ", ".join(repr(c[:40]) for c in cols[:10]) + (" …" if len(cols) > 10 else "")
    return f"unknown format: the header ({shown}) matches no known export"
