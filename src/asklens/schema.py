"""The canonical tables: column names, dtypes and validation.

A *question log* has one row per question or interaction; a *FAQ base* one row per
FAQ entry. Every reader returns these shapes, and every analysis takes them.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from asklens.errors import InputError

__all__ = [
    "QUESTION_COLUMNS",
    "REQUIRED_QUESTION_COLUMNS",
    "FAQ_COLUMNS",
    "REQUIRED_FAQ_COLUMNS",
    "empty_questions",
    "empty_faq",
    "validate_questions",
    "validate_faq",
]

#: canonical question-log columns and their pandas dtypes, in order.
QUESTION_COLUMNS: dict[str, str] = {
    "question_id": "string",
    "asked_at": "datetime64[ns, UTC]",  # tz-aware; the library's zone replaces UTC
    "text": "string",
    "channel": "category",
    "answer": "string",
    "tags": "object",  # list[str] per row
    "effort": "Int64",  # READ scale 1–6
    "duration_min": "float64",
    "n_messages": "Int64",
    "source": "category",
}
REQUIRED_QUESTION_COLUMNS = ("question_id", "asked_at", "text")

#: canonical FAQ-base columns and their pandas dtypes, in order.
FAQ_COLUMNS: dict[str, str] = {
    "faq_id": "string",
    "question": "string",
    "answer": "string",
    "topics": "object",  # list[str] per row
    "url": "string",
    "views": "Int64",
    "updated_at": "datetime64[ns, UTC]",
}
REQUIRED_FAQ_COLUMNS = ("faq_id", "question")


def _empty(columns: dict[str, str], tz: str) -> pd.DataFrame:
    data = {}
    for name, dtype in columns.items():
        if dtype.startswith("datetime64"):
            data[name] = pd.Series([], dtype=f"datetime64[ns, {tz}]")
        else:
            data[name] = pd.Series([], dtype=dtype)
    return pd.DataFrame(data)


def empty_questions(tz: str = "UTC") -> pd.DataFrame:
    """Return an empty question log with every canonical column and dtype."""
    return _empty(QUESTION_COLUMNS, tz)


def empty_faq(tz: str = "UTC") -> pd.DataFrame:
    """Return an empty FAQ base with every canonical column and dtype."""
    return _empty(FAQ_COLUMNS, tz)


def _check_required(df: pd.DataFrame, required: Iterable[str], what: str, source: str | None) -> None:
    if not isinstance(df, pd.DataFrame):
        raise InputError(f"{what} must be a pandas DataFrame, got {type(df).__name__}", path=source)
    missing = [c for c in required if c not in df.columns]
    if missing:
        raise InputError(
            f"{what} has no {', '.join(repr(c) for c in missing)} column (columns: {', '.join(map(str, df.columns[:12]))})",
            path=source,
            fix="map your columns to the canonical names, e.g. in asklens.toml [input.columns]",
        )


def validate_questions(questions: pd.DataFrame, *, source: str | None = None) -> pd.DataFrame:
    """Check that a table is a valid question log and return it with canonical dtypes.

    Parameters
    ----------
    questions : pandas.DataFrame
        A table with at least ``question_id``, ``asked_at`` and ``text``.
    source : str, optional
        Name of the file the table came from, quoted in error messages.

    Returns
    -------
    pandas.DataFrame
        A new frame with every canonical column (missing optional ones filled with
        missing values), canonical dtypes, canonical columns first and extra columns
        kept after them.

    Raises
    ------
    InputError
        When a required column is missing, ``asked_at`` is not a tz-aware datetime,
        ids are duplicated, a ``text`` is empty, or ``effort`` falls outside 1–6.
    """
    _check_required(questions, REQUIRED_QUESTION_COLUMNS, "the question log", source)
    df = questions.copy()
    asked = df["asked_at"]
    if not isinstance(asked.dtype, pd.DatetimeTZDtype):
        raise InputError(
            f"'asked_at' must be time-zone aware datetimes, got dtype {asked.dtype}",
            path=source,
            column="asked_at",
            fix="parse dates with pandas.to_datetime and localize them with .dt.tz_localize(<library time zone>)",
        )
    if asked.isna().any():
        pos = int(asked.isna().to_numpy().argmax())
        raise InputError("'asked_at' is missing", path=source, row=pos + 1, column="asked_at",
                         fix="drop the row or give it a date")
    df["question_id"] = df["question_id"].astype("string")
    if df["question_id"].isna().any():
        pos = int(df["question_id"].isna().to_numpy().argmax())
        raise InputError("'question_id' is missing", path=source, row=pos + 1, column="question_id")
    _check_unique(df, "question_id", source, fix="drop duplicates (the readers do this) or make ids unique")
    df["text"] = df["text"].astype("string")
    no_text = df["text"].isna() | (df["text"].str.strip() == "")
    if no_text.any():
        pos = int(no_text.to_numpy().argmax())
        raise InputError(f"'text' is empty in {int(no_text.sum())} of {len(df)} rows", path=source, row=pos + 1,
                         column="text", fix="drop the rows without a question (the readers do this)")
    for col, dtype in QUESTION_COLUMNS.items():
        if col in REQUIRED_QUESTION_COLUMNS:
            continue
        if col not in df.columns:
            df[col] = _missing_column(dtype, df.index)
            continue
        if col == "tags":
            if not _all_lists_of_str(df[col]):
                df[col] = df[col].map(_as_list)
            continue
        try:
            df[col] = df[col].astype(dtype)
        except (TypeError, ValueError) as exc:
            raise InputError(f"column {col!r} cannot be read as {dtype}: {exc}", path=source, column=col) from None
    bad = df["effort"].notna() & ~df["effort"].between(1, 6)
    if bad.any():
        pos = int(bad.to_numpy().argmax())
        raise InputError(
            f"effort (READ scale) must be 1–6, got {df['effort'].iloc[pos]}",
            path=source, row=pos + 1, column="effort", fix="map the library's effort codes to the READ scale 1–6",
        )
    ordered = list(QUESTION_COLUMNS) + [c for c in df.columns if c not in QUESTION_COLUMNS]
    return df[ordered]


def validate_faq(faq: pd.DataFrame, *, source: str | None = None) -> pd.DataFrame:
    """Check that a table is a valid FAQ base and return it with canonical dtypes.

    Parameters
    ----------
    faq : pandas.DataFrame
        A table with at least ``faq_id`` and ``question``.
    source : str, optional
        Name of the file the table came from, quoted in error messages.

    Returns
    -------
    pandas.DataFrame
        A new frame with every canonical FAQ column and dtype.
    """
    _check_required(faq, REQUIRED_FAQ_COLUMNS, "the FAQ base", source)
    df = faq.copy()
    df["faq_id"] = df["faq_id"].astype("string")
    _check_unique(df, "faq_id", source)
    for col, dtype in FAQ_COLUMNS.items():
        if col == "faq_id":
            continue
        if col not in df.columns:
            df[col] = _missing_column(dtype, df.index)
            continue
        if col == "topics":
            if not _all_lists_of_str(df[col]):
                df[col] = df[col].map(_as_list)
        elif dtype.startswith("datetime64"):
            if not isinstance(df[col].dtype, pd.DatetimeTZDtype):
                raise InputError(f"{col!r} must be time-zone aware datetimes, got dtype {df[col].dtype}",
                                 path=source, column=col)
        else:
            df[col] = df[col].astype(dtype)
    ordered = list(FAQ_COLUMNS) + [c for c in df.columns if c not in FAQ_COLUMNS]
    return df[ordered]


def _as_list(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, float) and value != value:
        return []
    if value is pd.NA:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    try:
        return [str(v) for v in value]  # type: ignore[union-attr]
    except TypeError:
        return [str(value)]


def _missing_column(dtype: str, index: pd.Index) -> pd.Series:
    """Return an all-missing column of ``dtype`` (lists are empty lists)."""
    if dtype == "object":
        return pd.Series([[] for _ in range(len(index))], index=index, dtype="object")
    if dtype.startswith("datetime64"):
        return pd.Series(pd.NaT, index=index, dtype="datetime64[ns, UTC]")
    return pd.Series(pd.NA, index=index, dtype=dtype if dtype != "float64" else "Float64").astype(dtype)


def _all_lists_of_str(values: pd.Series) -> bool:
    """Return True when every cell is already a list of strings (the readers' output)."""
    return all(type(v) is list and all(type(x) is str for x in v) for v in values)


def _check_unique(df: pd.DataFrame, col: str, source: str | None, *, fix: str | None = None) -> None:
    """Raise an InputError naming the first row whose ``col`` value repeats an earlier one."""
    dup = df[col].duplicated()
    if dup.any():
        pos = int(dup.to_numpy().argmax())
        raise InputError(f"{col} {df[col].iloc[pos]!r} appears more than once", path=source, row=pos + 1,
                         column=col, fix=fix)
