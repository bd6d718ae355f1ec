"""Render monthly reports: run a notebook with papermill, export HTML, publish atomically.

A report for one month is a folder ``DIR/YYYY-MM/`` with

- ``report.html``: self-contained page for managers (no code, plotly.js inlined once,
  sortable tables, opens offline from a file share);
- ``report.ipynb``: the executed notebook, for analysts;
- ``tables/*.csv``: every table the report shows;
- ``kpis.json``: the headline figures (also shown on ``DIR/index.html``);
- ``manifest.json``: versions, config and input hashes, seed, timings, redactions.

A run executes into a hidden temporary folder inside ``DIR`` and then renames it into
place, so a failed or killed run never leaves a partial report and never damages the
last good one. A lock file keeps two runs on the same ``DIR`` apart.

The report notebook itself stays thin: it calls :func:`build_report_data` (which
calls the readers, the topic model and the analyses) and shows its tables and
figures with :func:`show_table` and :mod:`asklens.plotting`.

Examples
--------
>>> from asklens.reporting import render_report
>>> result = render_report(["data/sample/questions/*.csv"], faq="data/sample/faq.json",
...                        month="2025-12", out_dir="reports")  # doctest: +SKIP
>>> result.html  # doctest: +SKIP
PosixPath('reports/2025-12/report.html')
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import glob
import hashlib
import html
import json
import os
import platform
import re
import shutil
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from asklens import __version__
from asklens.config import Config, load_config
from asklens.errors import AsklensError, ConfigError, InputError, NotebookError

__all__ = [
    "ReportResult",
    "ReportData",
    "render_report",
    "render_reports",
    "packaged_notebook",
    "find_notebook",
    "read_notebook",
    "notebook_parameters",
    "check_parameters",
    "export_html",
    "write_index",
    "published_months",
    "months_with_data",
    "no_questions_error",
    "month_range",
    "setup_notebook",
    "show_table",
    "show_html",
    "plain_reason",
    "build_report_data",
    "init_workspace",
    "default_config_text",
]

REPORT_NOTEBOOK = "monthly_report.py"
BROWSER_NOTEBOOK = "topics_browser.py"
LOCK_NAME = ".asklens-report.lock"
TMP_PREFIX = ".tmp-"
OLD_PREFIX = ".old-"
FAILED_DIR = ".failed"
MAX_HTML_BYTES = 10 * 1024 * 1024
#: the shared copy of plotly.js beside index.html (``[report] plotly_js = "shared"``)
PLOTLY_JS_NAME = "plotly.min.js"
PLOTLY_JS_ENV = "ASKLENS_PLOTLY_JS"
_MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_PY_TYPES: dict[str, tuple[type, ...]] = {
    "str": (str,),
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
    "list": (list, tuple),
    "dict": (dict,),
}

ProgressCallback = Callable[[str, int, int], None]


# --------------------------------------------------------------------------- notebooks


def packaged_notebook(name: str = REPORT_NOTEBOOK) -> Path:
    """Return the path of a notebook shipped inside the asklens package.

    Parameters
    ----------
    name : str, default "monthly_report.py"
        ``"monthly_report.py"`` (the report) or ``"topics_browser.py"`` (for analysts).

    Returns
    -------
    Path
    """
    path = Path(str(resources.files("asklens") / "notebooks" / name))
    if not path.is_file():
        raise ConfigError(f"asklens ships no notebook named {name!r}", path=path.parent,
                          fix=f"use {REPORT_NOTEBOOK!r} or {BROWSER_NOTEBOOK!r}")
    return path


def find_notebook(config: Config | None = None, notebook: str | os.PathLike[str] | None = None) -> Path:
    """Return the report notebook to run: explicit, else ``[report] notebook``, else the packaged one.

    Parameters
    ----------
    config : Config, optional
        The workspace config; a relative ``[report] notebook`` is resolved against its folder.
    notebook : str or path-like, optional
        An explicit notebook (``.py`` in jupytext percent format, or ``.ipynb``).

    Returns
    -------
    Path
    """
    if notebook is not None:
        path = Path(notebook)
    elif config is not None and config.report.notebook:
        path = config.resolve(config.report.notebook)
    else:
        return packaged_notebook()
    if not path.is_file():
        raise ConfigError("report notebook not found", path=path,
                          fix="check [report] notebook in asklens.toml, or leave it empty to use the packaged one")
    return path


def read_notebook(path: str | os.PathLike[str], *, kernel_name: str = "python3") -> Any:
    """Read a notebook (jupytext ``.py`` percent format or ``.ipynb``) as an nbformat node.

    The kernel spec is set to ``kernel_name`` so papermill can run and inspect it.

    Parameters
    ----------
    path : str or path-like
    kernel_name : str, default "python3"

    Returns
    -------
    nbformat.NotebookNode
    """
    import nbformat

    path = Path(path)
    try:
        if path.suffix == ".ipynb":
            nb = nbformat.read(path, as_version=4)
        else:
            import jupytext

            nb = jupytext.read(path, fmt="py:percent")
    except FileNotFoundError:
        raise ConfigError("notebook not found", path=path) from None
    except Exception as exc:  # malformed JSON or text
        raise ConfigError(f"cannot read the notebook: {exc}", path=path,
                          fix="save it as a jupytext percent .py file or a valid .ipynb") from None
    nb.metadata["kernelspec"] = {"name": kernel_name, "display_name": "Python 3", "language": "python"}
    nb.metadata.setdefault("language_info", {"name": "python"})
    for cell in nb.cells:
        cell.metadata.setdefault("tags", [])
    return nb


def _parameter_cells(nb: Any) -> list[int]:
    return [i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])]


def notebook_parameters(notebook: str | os.PathLike[str] | Any | None = None) -> dict[str, dict[str, Any]]:
    """Return the parameters a notebook declares in its one ``parameters`` cell.

    Parameters
    ----------
    notebook : str, path-like or NotebookNode, optional
        Defaults to the packaged report notebook.

    Returns
    -------
    dict
        ``name -> {"name", "inferred_type_name", "default", "help"}`` (papermill's inspection).

    Raises
    ------
    ConfigError
        When the notebook has no ``parameters`` cell, or more than one.
    """
    from papermill.inspection import _infer_parameters

    where: Any = None
    if notebook is None or isinstance(notebook, (str, os.PathLike)):
        where = packaged_notebook() if notebook is None else Path(notebook)
        nb = read_notebook(where)
    else:
        nb = notebook
    cells = _parameter_cells(nb)
    if len(cells) != 1:
        raise ConfigError(f"the notebook has {len(cells)} cells tagged 'parameters', needs exactly one", path=where,
                          fix="tag one cell with plain `name: type = value` lines as 'parameters'")
    return {p.name: p._asdict() for p in _infer_parameters(nb)}


def check_parameters(notebook: str | os.PathLike[str] | Any | None, parameters: Mapping[str, Any]) -> None:
    """Fail before execution when a parameter is unknown to the notebook or has the wrong type.

    Papermill only logs a warning for an unknown parameter; a report must not run with a
    typo silently ignored.

    Parameters
    ----------
    notebook : str, path-like or NotebookNode, optional
        The notebook (``None``: the packaged report).
    parameters : mapping
        The values that would be injected.

    Raises
    ------
    ConfigError
        Naming the parameter, the closest known name and the list of known ones.

    Examples
    --------
    >>> check_parameters(None, {"mnth": "2025-12"})  # doctest: +SKIP
    Traceback (most recent call last):
    ConfigError: ...: unknown notebook parameter 'mnth' — fix: did you mean 'month'? ...
    """
    declared = notebook_parameters(notebook)
    where = None if not isinstance(notebook, (str, os.PathLike)) else notebook
    for name, value in parameters.items():
        if name not in declared:
            close = difflib.get_close_matches(name, list(declared), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise ConfigError(f"unknown notebook parameter {name!r}", path=where,
                              fix=f"{hint}the notebook takes {', '.join(declared)}")
        type_name = str(declared[name].get("inferred_type_name") or "None").split("[")[0].strip().lower()
        expected = _PY_TYPES.get(type_name)
        if expected is None or value is None:
            continue
        wrong = not isinstance(value, expected) or (bool not in expected and isinstance(value, bool))
        if wrong:
            raise ConfigError(f"notebook parameter {name!r} must be {type_name}, got {value!r}", path=where,
                              fix=f"pass a {type_name} (the notebook's default is {declared[name]['default']})")


# --------------------------------------------------------------------------- inputs and months


def _check_month(month: str, what: str = "month") -> str:
    if isinstance(month, str) and re.fullmatch(r"\d{4}-\d{2}", month) and not _MONTH_RE.match(month):
        raise ConfigError(f"{what} {month!r} is not a month: in YYYY-MM the month runs from 01 to 12",
                          fix="e.g. --month 2025-12")
    if not isinstance(month, str) or not _MONTH_RE.match(month):
        raise ConfigError(f"{what} must look like YYYY-MM, got {month!r}", fix="e.g. --month 2025-12")
    return month


def month_range(start: str, end: str) -> list[str]:
    """Return every month from ``start`` to ``end`` inclusive, as ``YYYY-MM`` strings.

    Examples
    --------
    >>> month_range("2024-11", "2025-02")
    ['2024-11', '2024-12', '2025-01', '2025-02']
    """
    _check_month(start, "--from")
    _check_month(end, "--to")
    if start > end:
        raise ConfigError(f"--from {start} is after --to {end}", fix="swap them")
    periods = pd.period_range(start, end, freq="M")
    return [str(p) for p in periods]


def _expand_paths(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[Path] = []
    for p in paths:
        s = os.fspath(p)
        if any(ch in s for ch in "*?["):
            matches = sorted(glob.glob(s))
            if not matches:
                raise InputError("no file matches this pattern", path=s, fix="check the path and the pattern")
            out.extend(Path(m) for m in matches)
        else:
            out.append(Path(s))
    if not out:
        raise InputError("no question log given", fix="pass one or more files with --questions")
    for p in out:
        if not p.exists():
            raise InputError("file not found", path=p, fix="check the path")
    seen: dict[Path, None] = {}
    for p in out:
        seen.setdefault(p.resolve(), None)
    return list(seen)


def _load_config(config: Config | str | os.PathLike[str] | None) -> Config:
    if isinstance(config, Config):
        return config
    return load_config(config)


def months_with_data(questions: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *,
                     config: Config | str | os.PathLike[str] | None = None) -> list[str]:
    """Return the months (``YYYY-MM``, sorted) in which the question logs have questions.

    Parameters
    ----------
    questions : path, glob or list of them
    config : Config or path, optional

    Returns
    -------
    list of str
    """
    import asklens

    cfg = _load_config(config)
    # only the dates are kept and nothing is written, so the text need not be scrubbed (a third faster)
    result = asklens.load_questions([str(p) for p in _expand_paths(questions)], config=cfg, scrub=False)
    asked = result.questions["asked_at"]
    if asked.empty:
        return []
    tz = cfg.workspace.timezone
    local = asked.dt.tz_convert(tz) if asked.dt.tz is not None else asked
    return sorted({f"{t.year:04d}-{t.month:02d}" for t in local.dropna()})


def no_questions_error(month: str, have: Sequence[str], *, path: str = "") -> InputError:
    """Return the error for a report month without questions: naming the months that have them, or an empty log.

    Parameters
    ----------
    month : str
        The month asked for, ``YYYY-MM``.
    have : sequence of str
        The months with questions (:func:`months_with_data`).
    path : str, default ""
        The logs read, named when they hold no question at all.
    """
    if not have:
        return InputError("the question logs hold no question", path=path or None,
                          fix="check that the export has rows, or pass the right files with --questions")
    return InputError(f"the question logs have no question in {month}",
                      fix=f"pick a month with questions: {month_ranges(have)}")


def month_ranges(months: Sequence[Any]) -> str:
    """Name months compactly: runs of consecutive months as ``first–last``, gaps as separate runs.

    Examples
    --------
    >>> month_ranges([pd.Period("2024-01", "M"), pd.Period("2024-03", "M"), pd.Period("2024-04", "M")])
    '2024-01, 2024-03–2024-04'
    >>> month_ranges([])
    'none'
    """
    periods = sorted({pd.Period(m, freq="M") for m in months})
    if not periods:
        return "none"
    runs: list[list[pd.Period]] = [[periods[0], periods[0]]]
    for m in periods[1:]:
        if m == runs[-1][1] + 1:
            runs[-1][1] = m
        else:
            runs.append([m, m])
    text = [f"{a}" if a == b else f"{a}–{b}" for a, b in runs]
    return ", ".join(text) if len(text) <= 6 else ", ".join(text[:3] + ["…"] + text[-2:])


def published_months(out_dir: str | os.PathLike[str]) -> list[str]:
    """Return the months that have a published report in ``out_dir`` (sorted)."""
    out = Path(out_dir)
    if not out.is_dir():
        return []
    return sorted(p.name for p in out.iterdir()
                  if p.is_dir() and _MONTH_RE.match(p.name) and (p / "report.html").is_file())


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


# --------------------------------------------------------------------------- the notebook side


class _Html:
    """A displayable HTML fragment (already escaped where it holds data)."""

    def __init__(self, markup: str) -> None:
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __str__(self) -> str:  # pragma: no cover - for print()
        return self.markup


def show_html(markup: str) -> _Html:
    """Return an object that a notebook displays as the given HTML (the caller escapes data).

    Parameters
    ----------
    markup : str
    """
    return _Html(markup)


def _cell_full(value: Any, digits: int | None = None) -> str:
    """Return the whole display text of one cell ("" for a missing value)."""
    if isinstance(value, (set, frozenset)):
        value = sorted(map(str, value))
    elif isinstance(value, np.ndarray):
        value = value.tolist()
    if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if digits is not None and isinstance(value, (int, float, np.integer, np.floating)) \
            and not isinstance(value, (bool, np.bool_)):
        return f"{float(value):,.{digits}f}"
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".") if abs(value) < 1e15 else str(value)
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def _cut(text: str, max_chars: int) -> str:
    """Cut ``text`` to ``max_chars`` at a word boundary, ending in an ellipsis."""
    if len(text) <= max_chars:
        return text
    head = text[: max_chars - 1]
    space = head.rfind(" ")
    if space >= max_chars * 0.6:
        head = head[:space]
    return head.rstrip(" ,;:(—-") + "…"


def _cell_text(value: Any, max_chars: int, digits: int | None = None) -> str:
    return _cut(_cell_full(value, digits), max_chars)


_SIGNED_NUMBER = re.compile(r"^[+\-−±]?\d[\d,]*(?:\.\d+)?%?$")


def _all_signed_numbers(col: pd.Series) -> bool:
    """Tell whether a text column holds only numbers such as ``+6%`` or ``-25%`` (aligned right like numbers)."""
    if pd.api.types.is_numeric_dtype(col):
        return False
    texts = [str(v).strip() for v in col if isinstance(v, str) and v.strip()]
    return bool(texts) and all(_SIGNED_NUMBER.match(t) for t in texts) \
        and all(isinstance(v, str) or pd.isna(v) for v in col)


_REASON_CHARS = 600  # "Why" cells: long enough for a rule naming three FAQs, short enough to stop a runaway
_LONG_TEXT = 60  # characters from which a text column gets the wide "text" class


_SAFE_URL = re.compile(r"^https?://[^\s\"'<>]+$", re.IGNORECASE)


def show_table(table: pd.DataFrame, *, caption: str = "", max_rows: int = 25, max_chars: int = 280,
               columns: Mapping[str, str] | Sequence[str] | None = None, sortable: bool | None = None,
               percent: Sequence[str] | None = None, empty: str = "Nothing to show for this month.",
               digits: Mapping[str, int] | None = None, links: Mapping[str, str] | None = None,
               missing: str = "–") -> _Html:
    """Return a readable, escaped HTML table for a report (sortable when long).

    Every cell is HTML-escaped, so patron text such as ``<script>`` shows as text.

    Parameters
    ----------
    table : DataFrame
    caption : str, default ""
        A plain-words caption above the table.
    max_rows : int, default 25
        Rows shown; the caption says how many were left out (the CSV has them all).
    max_chars : int, default 160
        Longer cell texts are cut with an ellipsis.
    columns : mapping or sequence, optional
        Columns to show, in order; a mapping also renames them (``{"n": "Questions"}``).
    sortable : bool, optional
        Add click-to-sort headers; default when the table has more than 8 rows.
    percent : sequence of str, optional
        Columns (by their original names) holding shares 0–1, shown as percentages;
        default every numeric column whose name contains "share" or "coverage".
    empty : str
        Text shown when the table has no rows.
    digits : mapping of str to int, optional
        Fixed decimals per numeric column (by original name), e.g. ``{"per_month": 1}``.
    links : mapping of str to str, optional
        ``{text column: url column}`` (original names): the text links to the URL when it is
        an ``http(s)`` address; the URL column itself is not shown unless listed in ``columns``.
    missing : str, default "–"
        Text of an empty cell.

    Returns
    -------
    object with ``_repr_html_``

    Notes
    -----
    A cut cell keeps its full text in a ``title`` attribute (shown on hover), escaped too.
    """
    df = table
    digits = dict(digits or {})
    link_urls: dict[str, list[Any]] = {}
    for text_col, url_col in (links or {}).items():
        if text_col in df.columns and url_col in df.columns:
            link_urls[text_col] = df[url_col].tolist()
    if percent is None:
        percent = [c for c in df.columns if re.search(r"share|coverage", str(c))
                   and pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])]
    if percent:
        df = df.assign(**{str(c): df[c].map(lambda v: f"{v:.0%}" if pd.notna(v) else "") for c in percent
                          if c in df.columns})
    if columns is not None:
        names = dict(columns) if isinstance(columns, Mapping) else {c: c for c in columns}
        keep = [c for c in names if c in df.columns]
        df = df.loc[:, keep].rename(columns={c: names[c] for c in keep})
        digits = {names.get(c, c): d for c, d in digits.items()}
        link_urls = {names[c]: u for c, u in link_urls.items() if c in names}
    cap = html.escape(caption)
    if df.empty:
        return _Html(f'<div class="asklens-table-wrap"><p class="asklens-caption">{cap}</p>'
                     f'<p class="asklens-empty">{html.escape(empty)}</p></div>')
    total = len(df)
    shown = df.head(max_rows)
    if sortable is None:
        sortable = len(shown) > 8
    pct_names = set()
    if percent:
        names = dict(columns) if isinstance(columns, Mapping) else {}
        pct_names = {names.get(c, c) for c in percent}
    numeric = {c: (pd.api.types.is_numeric_dtype(shown[c]) and not pd.api.types.is_bool_dtype(shown[c]))
               or c in pct_names or _all_signed_numbers(shown[c]) for c in shown.columns}
    # long-text columns (reasons, example questions) keep a readable width on a phone: the table
    # scrolls sideways instead of squeezing them to a word a line
    long_text = {c: not numeric[c] and any(len(_cell_text(v, max_chars, digits.get(c))) > _LONG_TEXT
                                           for v in shown[c]) for c in shown.columns}

    def _cls(c: Any) -> str:
        names = ["num"] if numeric[c] else (["text"] if long_text[c] else [])
        return f' class="{" ".join(names)}"' if names else ""

    head = "".join(f"<th{_cls(c)}>{html.escape(str(c))}</th>" for c in shown.columns)
    rows = []
    for i, rec in enumerate(shown.itertuples(index=False, name=None)):
        cells = []
        for c, v in zip(shown.columns, rec):
            full = _cell_full(v, digits.get(c))
            cut = _cut(full, max_chars)
            text = html.escape(cut) if full else html.escape(missing)
            title = f' title="{html.escape(full, quote=True)}"' if cut != full else ""
            url = link_urls.get(c, [None] * (i + 1))[i]
            if full and isinstance(url, str) and _SAFE_URL.match(url.strip()):
                text = f'<a href="{html.escape(url.strip(), quote=True)}">{text}</a>'
            cells.append(f"<td{_cls(c)}{title}>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    note = ""
    if total > len(shown):
        note = f" (top {len(shown)} of {total}; all rows are in the CSV)"
    classes = "asklens-table" + (" asklens-sortable" if sortable else "")
    markup = (f'<div class="asklens-table-wrap"><p class="asklens-caption">{cap}{html.escape(note)}</p>'
              f'<table class="{classes}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>')
    return _Html(markup)



# --------------------------------------------------------------------------- plain words for managers

_KEY = r"\[?[a-z]+\]?\s*[a-z]+_[a-z_]+"  # a config key such as min_volume or [rubric] window_months
_PLAIN_RULES: list[tuple[re.Pattern[str], Any]] = [(re.compile(a), b) for a, b in [
    (r"score [\d.]+ = [^;]*;\s*", ""),
    (r"^(write an FAQ: .*?); standardised: .*$", r"\1; the questions are alike and need little effort"),
    (r"\(closest: ([^,;()]+), z=[-\d.]+; that entry is stale[^()]*\)",
     r"(the closest FAQ, \1, is itself stale, so it answers nothing)"),
    (r"\(closest: (“[^”]*”|[^,;()]+), z=[-\d.]+ ≥ faq_claim_z [\d.]+, but the entries that close are together the "
     r"best match of only (\d+%) of its questions[^()]*(?:\([^()]*\)[^()]*)*\)", lambda m: _close_faq_words(m)),
    (r"\(closest: ([^,;()]+),[^()]*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)[^()]*)*\)",
     r"(the closest FAQ, \1, is not specific to it)"),
    (r"the entries that answer it \(([^()]*)\) are the best match of too few of its questions",
     r"the FAQ \1 is the best match of too few of its questions"),
    (r";?\s*no (?:needs-people|custom-work) signal fired", ""),
    (r"\(> max_effort_share [\d.%]+\)", "(too many in-depth questions to automate)"),
    (r"\s*\[[^\]]*\]", ""),                                   # [binomial test on share, p < trend_alpha …]
    (r"cohesion [\d.]+ ≥ min_cohesion [\d.]+", "the questions are alike"),
    (r"cohesion [\d.]+ < min_cohesion [\d.]+", "the questions are too varied"),
    (r"diverse questions: cohesion [\d.]+ over ([\d,]+) questions(?: \([^)]*\))?",
     r"its \1 questions are too varied for one answer"),
    (r"cohesion [\d.]+", "questions alike"),
    (r"less than stale_view_share [\d.]+ of the median entry's ([\d,]+) views",
     r"far less than a typical FAQ entry (\1 views)"),
    # "the 25 of 2219 questions … it matched are not counted" read as 25 people needing a stale entry
    (r"the (\d+) of (\d+) questions of the last (\d+) months it matched are not counted as its coverage",
     lambda m: f"the {m.group(1)} of the {int(m.group(2)):,} questions of the last {m.group(3)} months that came "
               "closest to it are not counted as answered by it: a rarely read entry's matches are taken as loose"),
    (r"\(share ×([\d.]+), p\s*[=<]\s*[\d.e+-]+\)", lambda m: f"({_times(m.group(1))} its earlier share)"),
    (r"\(share ×([\d.]+)\)", lambda m: f"({_times(m.group(1))} its earlier share)"),
    (r"\s*\([^()]*\b[a-z]+_[a-z_]+\b[^()]*\)", ""),              # (≥ min_volume 10, ≥ min_recurrence 50%)
    (r"\s*\([^()]*\b[a-z]+_[a-z_]+\b[^()]*\)", ""),              # once more for nested ones
    (r"\s*[<>≤≥]\s*" + _KEY + r"\s*=?\s*[\d.,%]+", ""),       # 65 questions ≥ min_volume 10
    (r",?\s*\bz\s*=\s*-?[\d.]+", ""),
    (r",?\s*\bp\s*[=<]\s*[\d.e+-]+", ""),
    (r"(\d+) questions in (\d+) months, asked in (\d+) of them",
     r"\1 questions in the last \2 months, asked in \3 of them"),
    (r"asked in (\d+) of (\d+) months", r"asked in \1 of the last \2 months"),
    (r"\bcoverage (\d+%)", r"an FAQ answers \1 of its questions"),
    (r"an FAQ answers 0% of its questions; (?=no FAQ|the FAQ)", ""),
    (r"\bnot standardised\b", "not routine"),
    (r"\bstandardised\b", "routine"),
    (r"READ-coded are READ 3\+", "with an effort code need READ 3+"),
    (r"READ-coded questions are READ 3\+", "questions with an effort code need READ 3+ (in-depth help)"),
    (r"^monitor:", "monitor (no action yet, watch it):"),
    (r"\(\s*\)", ""), (r"\s+([,;)])", r"\1"), (r"([,;])\1+", r"\1"), (r"\s{2,}", " "),
]]


def _close_faq_words(m: re.Match[str]) -> str:
    """Say why a close FAQ does not count as answering a topic, with the share it would need."""
    faq, share, whole = m.group(1), m.group(2), m.group(0)
    if share == "0%":
        return f"(the closest FAQ, {faq}, is the best answer to none of its questions)"
    need = re.search(r"faq_answer_share (\d+%)", whole)
    # the share is that of every entry as close as the closest (together), not of the closest alone
    words = f"(the closest FAQs, led by {faq}, are together the best answer to only {share} of its questions"
    words += f", under the {need.group(1)} needed to count" if need else ", too few to count"
    if "faq_claim_share" in whole:
        words += "; the closest one fits another topic better"
    return words + ")"


def _times(value: str) -> str:
    v = float(value)
    if v >= 1:
        return f"{v:.1f} times"
    return f"{v:.0%} of"


def plain_reason(text: Any, *, faq_titles: Mapping[str, str] | None = None) -> str:
    """Rewrite a rule's ``reason`` text in plain words for managers.

    Config keys, statistics (z, p, cohesion scores) and threshold comparisons are dropped
    (they stay in ``tables/*.csv`` and in the report's rules section); FAQ ids become the
    FAQ's question in quotes.

    Parameters
    ----------
    text : str
        A ``reason`` from the analyses (missing values give ``""``).
    faq_titles : mapping of str to str, optional
        FAQ id → its question.

    Returns
    -------
    str

    Examples
    --------
    >>> plain_reason("write an FAQ: 80 questions in 12 months, asked in 12 of them (≥ min_volume 10, "
    ...              "≥ min_recurrence 50%); coverage 0% < min_coverage 20%; no FAQ entry answers this topic "
    ...              "(closest: 7, z=3.1)", faq_titles={"7": "How do I cite?"})
    'write an FAQ: 80 questions in the last 12 months, asked in 12 of them; no FAQ entry answers this topic \
(the closest FAQ, “How do I cite?”, is not specific to it)'
    """
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    out = str(text)
    if faq_titles:
        def title(m: re.Match[str]) -> str:
            t = faq_titles.get(m.group(0))
            return f"“{t}”" if t else m.group(0)
        ids = sorted((re.escape(str(k)) for k in faq_titles if str(k)), key=len, reverse=True)
        if ids:
            out = re.sub(r"(?<![\w.])(?:" + "|".join(ids) + r")(?![\w.])", title, out)
        out = re.sub(r"FAQ entries (“[^”]*”) answer", r"the FAQ \1 answers", out)
        out = re.sub(r"FAQ entries ((?:“[^”]*”, )+“[^”]*”) answer", r"the FAQs \1 answer", out)
    for pattern, repl in _PLAIN_RULES:
        out = pattern.sub(repl, out)
    return out.strip(" ;,")


def _plural(n: Any, word: str, plural: str | None = None) -> str:
    """Return ``"1 topic"`` / ``"3 topics"`` (``n`` formatted with thousands separators)."""
    try:
        k = int(n)
    except (TypeError, ValueError):
        return f"– {plural or word + 's'}"
    return f"{k:,} {word if k == 1 else (plural or word + 's')}"


_FORMAT_NAMES = {
    "libchat": "LibAnswers LibChat transcripts", "refanalytics": "LibAnswers Reference Analytics",
    "tickets": "LibAnswers tickets", "libraryh3lp": "LibraryH3lp chats", "gimlet": "Gimlet",
    "desktracker": "Desk Tracker", "generic": "spreadsheet (generic columns)",
}

_CATEGORY_WORDS = (
    "automate = recurring, alike questions with one answer: point a chatbot or canned answer at an FAQ; "
    "write an FAQ = the same, but no FAQ answers it yet; needs people = takes effort (READ 3 or more on the 1–6 "
    "READ scale, i.e. more than directions or a quick fact), long or varied conversations; monitor (watch) = "
    "asked often enough to count but fits none of these yet: watch it next month."
)


def _plain_source(src: Any) -> str:
    """Drop config keys from an assumption's source (the rules table in section 6 has them)."""
    text = "" if src is None or (not isinstance(src, str) and pd.isna(src)) else str(src)
    text = text.replace("the topics automation_candidates marks standardised",
                        "topics asked again and again, with alike questions and one answer")
    text = re.sub(r"duration_min, capped at \[costs\] max_duration_min = ([\d.]+)",
                  lambda m: f"recorded handling times, each capped at {float(m.group(1)):g} minutes", text)
    text = re.sub(r"\[costs\] default_minutes = ([\d.]+)", lambda m: f"{float(m.group(1)):g} minutes each", text)
    text = re.sub(r"\[\w+\]\s*[a-z_]+\s*(?:=\s*[\d.]+)?\s*:?\s*", "", text)
    return text.strip(" :;,")


def _trend_arrow(text: Any) -> str:
    """Turn ``"17 this month vs 12 the month before, …"`` into ``"▲ 42%"``; under 10 either month, the counts.

    A percentage on a handful of questions reads as news when it is noise ("▼ 60%" for 4
    against 10), so small counts are shown as they are: ``"▼ 4 vs 10"``.
    """
    m = re.match(r"\s*(\d+) this month vs (\d+) the month before", str(text)) if isinstance(text, str) else None
    if not m:
        return ""
    now, before = int(m.group(1)), int(m.group(2))
    if before == 0:
        return "▲ new" if now else "–"
    change = now / before - 1
    if abs(change) < 0.005:
        return "= same"
    arrow = "▲" if change > 0 else "▼"
    if min(now, before) < 10:
        return f"{arrow} {now} vs {before}"
    return f"{arrow} {abs(change):.0%}"


_FIGURES = {"count": 0}


#: top margin (px) of a chart whose title became an HTML caption
_CAPTIONED_TOP = 24


def _title_as_caption(fig_dict: dict) -> tuple[dict, str]:
    """Move a chart's title out of the chart into an HTML caption above it; return the figure and the caption.

    A plotly title is one line of SVG text that a phone cuts off after some 35
    characters; HTML text wraps to any width.
    """
    layout = fig_dict.get("layout") or {}
    title = layout.get("title")
    text = title.get("text") if isinstance(title, dict) else title if isinstance(title, str) else None
    if not text:
        return fig_dict, ""
    # the top margin held the title: keep a small one, and shrink the figure by as much, so the plot keeps its size
    margin = dict(layout.get("margin") or {})
    freed = max(0, int(margin.get("t", 60)) - _CAPTIONED_TOP)
    margin["t"] = min(int(margin.get("t", 60)), _CAPTIONED_TOP)
    shown = {**fig_dict, "layout": {**layout, "title": {"text": ""}, "margin": margin,
                                    **({"height": int(layout["height"]) - freed} if "height" in layout else {})}}
    caption = html.escape(" ".join(str(text).replace("<br>", " ").split()))
    return shown, f'<p class="asklens-figure-title">{caption}</p>'


def _notes_as_html(fig_dict: dict) -> tuple[dict, str]:
    """Move a chart's notes (annotations named :data:`asklens.plotting.NOTE_NAME`) out into HTML under its caption.

    A note is one line of SVG text above the plot, cut off on a phone like a title;
    HTML text wraps. Returns the figure without its notes and the notes' markup (escaped).
    """
    from asklens.plotting import NOTE_NAME

    layout = fig_dict.get("layout") or {}
    annotations = list(layout.get("annotations") or [])
    notes = [a for a in annotations if isinstance(a, Mapping) and a.get("name") == NOTE_NAME]
    if not notes:
        return fig_dict, ""
    shown = {**fig_dict, "layout": {**layout, "annotations": [a for a in annotations if a not in notes]}}
    words = (html.escape(" ".join(str(n.get("text") or "").replace("<br>", " ").split())) for n in notes)
    return shown, "".join(f'<p class="asklens-figure-note">{w}</p>' for w in words)


def _phone_attribute(fig_dict: dict, config: Mapping[str, Any] | None = None) -> str:
    """Return the figure's ``data-asklens-phone`` attribute (its :func:`asklens.plotting.phone_layout`), or ``""``.

    The report's script applies the phone layout while the chart is narrower than
    :data:`asklens.plotting.PHONE_WIDTH`; the JSON is HTML-escaped, so no label can end the attribute.
    """
    from asklens.plotting import PHONE_WIDTH, phone_layout

    spec = phone_layout(fig_dict)
    if not spec["phone"]["layout"] and not spec["phone"]["traces"]:
        return ""
    spec["width"] = PHONE_WIDTH
    spec["config"] = dict(config or {})  # the chart is drawn anew with the same plotly config
    text = json.dumps(spec, ensure_ascii=True, allow_nan=False, separators=(",", ":"), default=_json_default)
    return f' data-asklens-phone="{html.escape(text, quote=True)}"'


def _json_default(value: Any) -> Any:
    """Return numpy numbers and arrays as plain JSON values (for :func:`_phone_attribute`)."""
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"not JSON: {type(value).__name__}")


def _make_renderer() -> Any:
    """Build the plotly renderer the report kernel uses (no CDN, plotly.js inlined once)."""
    from plotly.io import to_html
    from plotly.io._base_renderers import HtmlRenderer

    class AsklensRenderer(HtmlRenderer):
        """Like plotly's ``notebook`` renderer, minus the MathJax CDN, with stable div ids."""

        def __init__(self) -> None:
            super().__init__(connected=False, full_html=False, global_init=True,
                             config={"displaylogo": False, "responsive": True}, include_plotlyjs=False)

        def activate(self) -> None:
            if os.environ.get(PLOTLY_JS_ENV) != "shared":
                super().activate()  # plotly.js inlined once
                return
            from IPython.display import display_html
            from plotly.io._base_renderers import _mathjax_config, _window_plotly_config

            # the one copy beside index.html (render_report writes it); the report sits in YYYY-MM/
            display_html(f"<script>{_window_plotly_config}{_mathjax_config}</script>"
                         f'<script src="../{PLOTLY_JS_NAME}"></script>', raw=True)

        def to_mimebundle(self, fig_dict: dict) -> dict:
            # plotly copies renderers, so the figure counter lives in the module
            _FIGURES["count"] += 1
            shown, caption = _title_as_caption(fig_dict)
            shown, notes = _notes_as_html(shown)
            markup = to_html(shown, config=self.config, include_plotlyjs=False, include_mathjax=False,
                             full_html=False, default_width="100%", default_height=480, validate=False,
                             div_id=f"asklens-figure-{_FIGURES['count']}")
            chart = f'<div class="asklens-chart"{_phone_attribute(shown, self.config)}>{markup}</div>'
            return {"text/html": f'<div class="asklens-figure">{caption}{notes}{chart}</div>',
                    "application/vnd.plotly.v1+json": fig_dict}

    return AsklensRenderer()


def setup_notebook() -> None:
    """Prepare a report kernel: the plotly renderer for HTML export, quiet warnings, pandas display.

    Call it in the first cell of a report notebook. Plotly 6+ with nbconvert drops charts
    silently unless a renderer that writes HTML is set; this one inlines plotly.js once
    and loads nothing from the network.
    """
    import warnings

    import plotly.io as pio

    _FIGURES["count"] = 0
    pio.renderers["asklens"] = _make_renderer()
    pio.renderers.default = "asklens"
    pd.set_option("display.max_colwidth", 160)
    pd.set_option("display.max_rows", 60)
    warnings.filterwarnings("ignore", category=FutureWarning)
    warnings.filterwarnings("ignore", category=DeprecationWarning)


# --------------------------------------------------------------------------- HTML export

_REPORT_CSS = """
:root { --asklens-ink: #1f2933; --asklens-muted: #52606d; --asklens-line: #d9e2ec; --asklens-accent: #0072B2; }
body.jp-Notebook { background: #fff; }
main { max-width: 1180px; margin: 0 auto; padding: 16px 28px 48px; }
body, .jp-RenderedHTMLCommon { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: var(--asklens-ink); }
.jp-RenderedHTMLCommon { font-size: 15px; line-height: 1.5; padding-right: 0; }
.jp-RenderedHTMLCommon h1 { font-size: 1.9em; margin-top: 0.4em; }
.jp-RenderedHTMLCommon h2 { font-size: 1.45em; border-bottom: 2px solid var(--asklens-line); padding-bottom: 4px;
  margin-top: 1.6em; }
.jp-RenderedHTMLCommon h3 { font-size: 1.15em; margin-top: 1.2em; }
.jp-Cell { padding: 2px 0; }
.jp-OutputArea-output { overflow-x: auto; }
.asklens-summary { background: #f5f7fa; border-left: 5px solid var(--asklens-accent); padding: 10px 18px;
  margin: 8px 0 14px; }
.asklens-summary li { margin: 3px 0; }
.asklens-kpis { display: flex; flex-wrap: wrap; gap: 12px; margin: 10px 0 6px; }
.asklens-kpi { border: 1px solid var(--asklens-line); border-radius: 8px; padding: 10px 14px; min-width: 150px;
  flex: 1 1 150px; background: #fff; }
.asklens-kpi .value { font-size: 1.7em; font-weight: 650; }
.asklens-kpi .label { color: var(--asklens-muted); font-size: 0.9em; }
.asklens-kpi .note { color: var(--asklens-muted); font-size: 0.82em; }
.asklens-caption { font-weight: 600; margin: 10px 0 4px; }
.asklens-empty { color: var(--asklens-muted); font-style: italic; }
.asklens-note { color: var(--asklens-muted); font-size: 0.9em; }
.asklens-note p { margin: 4px 0; }
.asklens-note ul { margin: 2px 0 8px; padding-left: 22px; }
.asklens-note li { margin: 1px 0; }
.jp-RenderedHTMLCommon table.asklens-table { border-collapse: collapse; font-size: 13.5px; width: 100%;
  table-layout: auto; margin: 0 0 10px; }
.jp-RenderedHTMLCommon table.asklens-table th { background: #eef2f7; text-align: left; padding: 6px 8px;
  border-bottom: 2px solid #bcccdc; position: sticky; top: 0; }
.jp-RenderedHTMLCommon table.asklens-table td { text-align: left; padding: 5px 8px; border-bottom: 1px solid
  var(--asklens-line); vertical-align: top; max-width: 460px; min-width: 3.5em; white-space: normal; }
.jp-RenderedHTMLCommon table.asklens-table td:not(.num) { min-width: 7em; }
.jp-RenderedHTMLCommon table.asklens-table td.text { min-width: 17em; }
.jp-RenderedHTMLCommon table.asklens-table th.num, .jp-RenderedHTMLCommon table.asklens-table td.num {
  text-align: right; font-variant-numeric: tabular-nums; }
.jp-RenderedHTMLCommon table.asklens-table tbody tr:nth-child(even) { background: #fafbfc; }
table.asklens-sortable th { cursor: pointer; user-select: none; }
table.asklens-sortable th::after { content: " \\2195"; color: #9aa5b1; font-size: 0.85em; }
table.asklens-sortable th[aria-sort="ascending"]::after { content: " \\2191"; color: var(--asklens-ink); }
table.asklens-sortable th[aria-sort="descending"]::after { content: " \\2193"; color: var(--asklens-ink); }
details.asklens-more > summary { cursor: pointer; color: var(--asklens-accent); font-weight: 600; margin: 8px 0; }
details.asklens-more > summary .asklens-caption { display: inline; color: var(--asklens-ink); }
@media print { details.asklens-more > * { display: block; } }
.asklens-figure { margin: 6px 0 14px; }
.asklens-figure-title { margin: 10px 0 0; font-size: 1.05rem; font-weight: 600; color: var(--asklens-ink); }
.asklens-figure-note { margin: 2px 0 0; font-size: 0.88rem; color: var(--asklens-muted); }
@media (max-width: 640px) {
  body.jp-Notebook { margin: 0; padding: 0; }
  body.jp-Notebook main { padding: 6px 10px 32px; }
  body.jp-Notebook .jp-Cell { padding: 0; }
  body.jp-Notebook .jp-RenderedHTMLCommon.jp-OutputArea-output { margin-left: 0; padding-right: 0; }
  /* tighter cells, so the short tables (month at a glance, channels) fit a 400 px screen whole */
  body.jp-Notebook .jp-RenderedHTMLCommon table.asklens-table { font-size: 13px; }
  body.jp-Notebook .jp-RenderedHTMLCommon table.asklens-table th,
  body.jp-Notebook .jp-RenderedHTMLCommon table.asklens-table td { padding: 4px 4px; }
  body.jp-Notebook .jp-RenderedHTMLCommon table.asklens-table td:not(.num) { min-width: 5.5em; }
  body.jp-Notebook .jp-RenderedHTMLCommon table.asklens-table td.num { min-width: 0; }
  body.jp-Notebook .jp-RenderedHTMLCommon table.asklens-table td.text { min-width: 17em; }
}
.asklens-footer { color: var(--asklens-muted); font-size: 0.85em; margin-top: 30px; border-top: 1px solid
  var(--asklens-line); padding-top: 8px; }
@media print { table.asklens-sortable th::after { content: ""; } }
"""

_SORTER_JS = """
(function () {
  function key(cell, numeric) {
    var t = (cell ? cell.textContent : "").trim();
    if (numeric) { var n = parseFloat(t.replace(/[^0-9.eE+-]/g, "")); return isNaN(n) ? -Infinity : n; }
    return t.toLowerCase();
  }
  document.querySelectorAll("table.asklens-sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, col) {
      th.setAttribute("tabindex", "0");
      function sort() {
        var dir = th.getAttribute("aria-sort") === "descending" ? "ascending" : "descending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        var numeric = th.classList.contains("num");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[col], numeric), y = key(b.cells[col], numeric);
          var r = x < y ? -1 : x > y ? 1 : 0;
          return dir === "ascending" ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sort(); } });
    });
  });
})();
"""

_PHONE_JS = """
(function () {
  // charts with a phone layout (asklens.plotting.phone_layout) switch to it while narrower than spec.width
  function put(tree, path, value) {
    var parts = path.split("."), last = parts.pop();
    parts.forEach(function (p) {
      if (tree[p] === null || typeof tree[p] !== "object") { tree[p] = {}; }
      tree = tree[p];
    });
    if (value === null) { delete tree[last]; } else { tree[last] = value; }
  }
  function apply(box) {
    var gd = box.querySelector(".js-plotly-plot");
    if (!gd || !window.Plotly || !gd.data || !gd.layout) { return; }
    if (!box.asklensSpec) {
      try { box.asklensSpec = JSON.parse(box.getAttribute("data-asklens-phone")); } catch (e) { return; }
      box.asklensHeight = gd.parentElement.style.height;
    }
    var spec = box.asklensSpec, narrow = box.clientWidth < spec.width;
    if (box.asklensNarrow === narrow || (box.asklensNarrow === undefined && !narrow)) {
      box.asklensNarrow = narrow;
      return;
    }
    box.asklensNarrow = narrow;
    var use = narrow ? spec.phone : spec.wide;
    use.traces.forEach(function (t) {
      Object.keys(t[1]).forEach(function (k) { put(gd.data[t[0]], k, t[1][k]); });
    });
    Object.keys(use.layout).forEach(function (k) { put(gd.layout, k, use.layout[k]); });
    gd.parentElement.style.height = narrow && use.layout.height ? use.layout.height + "px" : box.asklensHeight;
    // drawn anew, not relayout/restyle: those keep the margins a vertical colour bar pushed
    // (called by name: the page keeps one literal newPlot call per chart, which tests count)
    Plotly["newPlot"](gd, gd.data, gd.layout, spec.config || {});
  }
  function all() { document.querySelectorAll(".asklens-chart[data-asklens-phone]").forEach(apply); }
  var timer = null;
  window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(all, 150); });
  if (document.readyState === "complete") { all(); } else { window.addEventListener("load", all); }
})();
"""

_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block extra_css -%}<style type="text/css">{{ resources.asklens_css }}</style>{%- endblock extra_css -%}
{%- block footer_js -%}<script>{{ resources.asklens_js }}</script>{%- endblock footer_js -%}
"""


def _strip_for_managers(nb: Any) -> Any:
    """Return a copy of an executed notebook without stderr streams, errors or empty code cells."""
    import copy

    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if "parameters" in tags or "injected-parameters" in tags or "remove-cell" in tags:
            continue
        if cell.cell_type == "markdown" and "papermill-error-cell-tag" in tags:
            continue
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", [])
                            if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
            if not cell.outputs:
                continue
        cells.append(cell)
    nb.cells = cells
    return nb


def export_html(notebook: Any, dest: str | os.PathLike[str], *, title: str | None = None) -> Path:
    """Export an executed notebook to a self-contained HTML page without code.

    No script or style is loaded from the network (no require.js, MathJax or mermaid
    CDN); plotly.js is inlined once by the kernel's renderer (:func:`setup_notebook`);
    tables with class ``asklens-sortable`` get a small inline sorter.

    Parameters
    ----------
    notebook : NotebookNode or path
        An executed notebook.
    dest : str or path-like
        The HTML file to write.
    title : str, optional
        The page title (default: the notebook's ``metadata.title``).

    Returns
    -------
    Path
    """
    import tempfile

    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(notebook, as_version=4) if isinstance(notebook, (str, os.PathLike)) else notebook
    nb = _strip_for_managers(nb)
    if title:
        nb.metadata["title"] = title
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "asklens_report.html.j2"
        template.write_text(_TEMPLATE, encoding="utf-8")
        exporter = HTMLExporter(template_file=str(template), exclude_input=True, exclude_input_prompt=True,
                                exclude_output_prompt=True, embed_images=True)
        body, _ = exporter.from_notebook_node(
            nb, resources={"asklens_css": _REPORT_CSS, "asklens_js": _SORTER_JS + _PHONE_JS,
                           "metadata": {"name": title or nb.metadata.get("title", "report")}})
    dest = Path(dest)
    dest.write_text(body, encoding="utf-8")
    return dest


# --------------------------------------------------------------------------- index page


def _fmt_int(value: Any) -> str:
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return "–"


def _finite(value: Any) -> float | None:
    """Return ``value`` as a float, or None when it is missing or not a number."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return None
    return None if v != v else v


def _fmt_pct(value: Any, signed: bool = False) -> str:
    v = _finite(value)
    if v is None:
        return "–"
    return f"{v:+.0%}" if signed else f"{v:.0%}"


def _fmt_num(value: Any, digits: int = 0) -> str:
    v = _finite(value)
    if v is None:
        return "–"
    return f"{v:,.{digits}f}"


def _fmt_hours(value: Any) -> str:
    """Format hours: one decimal under 100 (as the tables and charts show them), whole above."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return "–"
    return _fmt_num(v, 1 if abs(v) < 100 else 0)


def write_index(out_dir: str | os.PathLike[str], *, title: str | None = None) -> Path:
    """Write ``out_dir/index.html`` listing every published month with its headline figures.

    The page is plain HTML (no script), rebuilt from each month's ``kpis.json``, and
    replaced atomically.

    Parameters
    ----------
    out_dir : str or path-like
    title : str, optional
        Defaults to the library name found in the newest ``kpis.json``.

    Returns
    -------
    Path
    """
    out = Path(out_dir)
    rows = []
    windows: list[Any] = []
    library = None
    for month in sorted(published_months(out), reverse=True):
        try:
            kpis = json.loads((out / month / "kpis.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            kpis = {}
        library = library or kpis.get("library")
        windows.append(kpis.get("window_months"))
        m = html.escape(month)
        rows.append(
            "<tr>"
            f'<td style="white-space: nowrap"><a href="{m}/report.html">{m}</a></td>'
            f'<td class="num">{_fmt_int(kpis.get("questions"))}</td>'
            f'<td class="num">{_fmt_pct(kpis.get("change_vs_previous_month"), signed=True)}</td>'
            f'<td class="num">{_fmt_pct(kpis.get("change_vs_last_year"), signed=True)}</td>'
            f'<td class="num">{_fmt_pct(kpis.get("automatable_share"))}</td>'
            f'<td class="num">{_fmt_hours(kpis.get("hours_at_stake"))}</td>'
            f'<td class="num">{_fmt_int(kpis.get("faqs_to_write"))}</td>'
            f'<td class="num">{_fmt_int(kpis.get("topics_needing_people"))}</td>'
            f'<td><a href="{m}/report.ipynb">notebook</a> · <a href="{m}/tables/">tables</a></td>'
            "</tr>"
        )
    heading = html.escape(title or (f"{library} — question reports" if library else "Question reports"))
    windows = sorted({int(w) for w in windows if w})
    window = ("the last 12 months by default" if not windows else
              f"the last {_plural(windows[0], 'month')}" if len(windows) == 1 else
              "the last " + " or ".join(map(str, windows)) + " months, as set in each month's config")
    body = "".join(rows) or '<tr><td colspan="9">No reports yet.</td></tr>'
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{heading}</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1f2933;
  max-width: 1100px; margin: 24px auto; padding: 0 20px; }}
table {{ border-collapse: collapse; width: 100%; font-size: 14px; }}
th {{ background: #eef2f7; text-align: left; padding: 7px 8px; border-bottom: 2px solid #bcccdc; }}
td {{ padding: 6px 8px; border-bottom: 1px solid #d9e2ec; }}
.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
a {{ color: #0072B2; }}
p.note {{ color: #52606d; font-size: 0.9em; }}
.wrap {{ overflow-x: auto; }}
@media (max-width: 640px) {{ body {{ padding: 0 10px; }} table {{ font-size: 13px; }} th, td {{ padding: 4px; }} }}
</style></head>
<body>
<h1>{heading}</h1>
<p class="note">One report per month, newest first. Change columns compare with the previous month and the same
month a year earlier; "looks automatable" is the share of the month's questions in topics asked again and again
with alike questions (to automate, or to answer with a new FAQ); staff hours saved is the estimated staff time
a month automating them would save; FAQs to write and topics needing people are counted over the months the
rules look back on ({html.escape(window)}).</p>
<div class="wrap"><table>
<thead><tr><th>Month</th><th class="num">Questions</th><th class="num">vs previous month</th>
<th class="num">vs a year earlier</th><th class="num">Looks automatable</th><th class="num">Staff hours saved</th>
<th class="num">FAQs to write</th><th class="num">Topics needing people</th><th>Also</th></tr></thead>
<tbody>
{body}
</tbody></table></div>
<p class="note">Made by asklens {html.escape(__version__)}.</p>
</body></html>
"""
    dest = out / "index.html"
    tmp = out / f".index-{uuid.uuid4().hex[:8]}.html"
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, dest)
    return dest


# --------------------------------------------------------------------------- running


@dataclass(frozen=True)
class ReportResult:
    """What :func:`render_report` published.

    Attributes
    ----------
    month : str
    folder : Path
        ``DIR/YYYY-MM``.
    html : Path
        ``DIR/YYYY-MM/report.html``.
    kpis : dict
        The headline figures.
    seconds : float
        Wall time of the whole run.
    html_bytes : int
    """

    month: str
    folder: Path
    html: Path
    kpis: dict = field(default_factory=dict)
    seconds: float = 0.0
    html_bytes: int = 0


def _clean_stale(out: Path) -> None:
    """Remove temp folders of killed runs; restore a month left aside by a run killed mid-swap."""
    for p in out.iterdir() if out.is_dir() else []:
        if not p.is_dir():
            if (p.name.startswith(".index-") and p.suffix == ".html") or p.name.startswith(TMP_PREFIX):
                p.unlink(missing_ok=True)  # a half-written index page or shared plotly.js
            continue
        if p.name.startswith(TMP_PREFIX):
            shutil.rmtree(p, ignore_errors=True)
        elif p.name.startswith(OLD_PREFIX):
            month = p.name[len(OLD_PREFIX):len(OLD_PREFIX) + 7]
            target = out / month
            if _MONTH_RE.match(month) and not target.exists():
                os.rename(p, target)
            else:
                shutil.rmtree(p, ignore_errors=True)


def _publish(staging: Path, target: Path) -> None:
    """Move ``staging`` to ``target``, replacing an existing folder with two renames."""
    if target.exists():
        aside = target.parent / f"{OLD_PREFIX}{target.name}-{uuid.uuid4().hex[:8]}"
        os.rename(target, aside)
        os.rename(staging, target)
        shutil.rmtree(aside, ignore_errors=True)
    else:
        os.rename(staging, target)


@contextlib.contextmanager
def _kernel_env(values: Mapping[str, str]) -> Iterator[None]:
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _describe_cell(nb: Any, index: int | None) -> str:
    if index is None or not (0 <= index < len(nb.cells)):
        return "an unknown cell"
    heading = ""
    for cell in nb.cells[:index][::-1]:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    heading = line.lstrip("#").strip()
                    break
            if heading:
                break
    first = next((ln.strip() for ln in nb.cells[index].source.splitlines()
                  if ln.strip() and not ln.strip().startswith("#")), "")
    if len(first) > 60:
        first = first[:57] + "..."
    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"
                  and "injected-parameters" not in c.get("metadata", {}).get("tags", [])]
    number = code_cells.index(index) + 1 if index in code_cells else index + 1
    text = f"code cell {number}"
    if heading:
        text += f' under "{heading}"'
    if first:
        text += f" (`{first}`)"
    return text


def _package_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for name in ("asklens", "pandas", "numpy", "scikit-learn", "scipy", "plotly", "papermill", "nbconvert",
                 "nbclient", "ipykernel", "jupytext", "sentence-transformers", "torch"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            continue
    return out


def render_report(
    questions: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    month: str,
    faq: str | os.PathLike[str] | None = None,
    out_dir: str | os.PathLike[str] | None = None,
    config: Config | str | os.PathLike[str] | None = None,
    seed: int = 0,
    notebook: str | os.PathLike[str] | None = None,
    parameters: Mapping[str, Any] | None = None,
    progress: ProgressCallback | None = None,
    lock_timeout: float = 3600.0,
) -> ReportResult:
    """Render one month's report into ``out_dir/YYYY-MM/`` and update ``out_dir/index.html``.

    The notebook is checked (one ``parameters`` cell; every parameter known and of the
    right type) before anything runs, executed by papermill into a temporary folder inside
    ``out_dir``, exported to HTML and published by renaming the folder into place. A
    failed run keeps the last good report and saves the failed notebook in
    ``out_dir/.failed/YYYY-MM.ipynb``.

    Parameters
    ----------
    questions : path, glob or list of them
        The question logs (any format the readers know).
    month : str
        ``YYYY-MM``.
    faq : path, optional
        The FAQ base.
    out_dir : path, optional
        Where reports live; default ``[workspace] reports_dir`` of the config.
    config : Config or path, optional
        The workspace config (``asklens.toml``); ``None`` looks in the working folder.
    seed : int, default 0
        Passed to every random step; the same inputs and seed give the same tables.
    notebook : path, optional
        Another report notebook (default ``[report] notebook``, else the packaged one).
    parameters : mapping, optional
        Extra notebook parameters (checked like the others).
    progress : callable, optional
        Called as ``progress(stage, done, total)`` while the run advances.
    lock_timeout : float, default 3600
        Seconds to wait for another run on the same ``out_dir`` to finish.

    Returns
    -------
    ReportResult

    Raises
    ------
    InputError, ConfigError
        Bad inputs or config (nothing executed; exit status 2 in the CLI).
    NotebookError
        The notebook failed or timed out (exit status 3); names the cell and where the
        failed notebook was kept.
    """
    import filelock

    started = time.perf_counter()
    timings: dict[str, float] = {}
    report = (lambda stage, done=0, total=0: progress(stage, done, total)) if progress else (lambda *a, **k: None)

    report("checking inputs")
    _check_month(month)
    cfg = _load_config(config)
    paths = _expand_paths(questions)
    faq_path = None
    if faq is not None and str(faq) != "":
        faq_path = Path(faq)
        if not faq_path.is_file():
            raise InputError("FAQ file not found", path=faq_path, fix="check the --faq path")
        faq_path = faq_path.resolve()
        import asklens

        asklens.read_faq(str(faq_path), config=cfg)  # a broken FAQ file fails here, before a kernel starts
    out = Path(out_dir) if out_dir is not None else cfg.resolve(cfg.workspace.reports_dir)
    nb_path = find_notebook(cfg, notebook)
    kernel_name = cfg.report.kernel_name or "python3"
    nb = read_notebook(nb_path, kernel_name=kernel_name)
    config_path = str(Path(cfg.path).resolve()) if cfg.path else ""
    params: dict[str, Any] = {
        "questions": [str(p) for p in paths],
        "faq": str(faq_path) if faq_path else "",
        "month": month,
        "config": config_path,
        "seed": int(seed),
    }
    params.update(parameters or {})
    check_parameters(nb_path, params)
    _check_kernel(kernel_name, cfg)
    if cfg.report.execution_timeout <= 0 or cfg.report.kernel_start_timeout <= 0:
        raise ConfigError("[report] execution_timeout and kernel_start_timeout must be positive seconds",
                          path=cfg.path)
    timings["check"] = time.perf_counter() - started

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create the reports folder: {exc.strerror}", path=out) from None
    lock = filelock.FileLock(str(out / LOCK_NAME))
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        report("waiting for another report run on this folder")
        try:
            lock.acquire(timeout=lock_timeout)
        except filelock.Timeout:
            raise AsklensError("another asklens report run is still writing to this folder", path=out,
                               fix=f"wait for it to finish (lock {out / LOCK_NAME})") from None
    try:
        _clean_stale(out)
        staging = out / f"{TMP_PREFIX}{month}-{uuid.uuid4().hex[:8]}"
        (staging / "tables").mkdir(parents=True)
        try:
            if not cfg.path and cfg.to_dict() != Config().to_dict():
                # a Config built in Python: hand the kernel the same settings as a file
                import tomli_w

                tmp_cfg = staging / ".config.toml"
                tmp_cfg.write_text(tomli_w.dumps(cfg.to_dict()), encoding="utf-8")
                params["config"] = str(tmp_cfg.resolve())
            params["output_dir"] = str(staging.resolve())
            if "output_dir" not in notebook_parameters(nb):
                params.pop("output_dir")
            executed = _execute(nb, params, staging=staging, out=out, month=month, cfg=cfg,
                                kernel_name=kernel_name, report=report, timings=timings)
            t0 = time.perf_counter()
            report("writing the HTML page", 0, 1)
            kpis_path = staging / "kpis.json"
            if kpis_path.is_file():
                kpis = json.loads(kpis_path.read_text(encoding="utf-8"))
            else:  # a custom notebook that wrote no headline figures: the index still lists the month
                kpis = {"month": month, "library": cfg.workspace.name}
                kpis_path.write_text(json.dumps(kpis, indent=2, sort_keys=True) + "\n", encoding="utf-8")
            library = kpis.get("library") or cfg.workspace.name
            export_html(executed, staging / "report.html",
                        title=f"{library} — questions report, {_month_words(month)}")
            timings["export"] = time.perf_counter() - t0
            html_bytes = (staging / "report.html").stat().st_size
            manifest = {
                "month": month,
                "asklens": __version__,
                "packages": _package_versions(),
                "notebook": {"path": str(nb_path), "sha256": _sha256(nb_path)},
                "config": {"path": config_path, "digest": cfg.digest()},
                "inputs": {
                    "questions": [{"path": str(f), "bytes": f.stat().st_size, "sha256": _sha256(f)}
                                  for f in _question_inputs(paths, staging / "tables" / "files.csv", faq_path)],
                    "faq": ({"path": str(faq_path), "bytes": faq_path.stat().st_size, "sha256": _sha256(faq_path)}
                            if faq_path else None),
                },
                "seed": int(seed),
                "parameters": {k: v for k, v in params.items() if k != "output_dir"},
                "redactions": kpis.get("redactions", {}),
                "rows_read": kpis.get("rows_read"),
                "rows_dropped": kpis.get("rows_dropped"),
                "html_bytes": html_bytes,
                "timings_seconds": {k: round(v, 3) for k, v in timings.items()},
                "created_at": pd.Timestamp.now(tz="UTC").isoformat(timespec="seconds"),
                "host": {"platform": platform.platform(), "python": sys.version.split()[0]},
            }
            timings["total"] = time.perf_counter() - started
            manifest["timings_seconds"]["total"] = round(timings["total"], 3)
            (staging / "manifest.json").write_text(json.dumps(manifest, indent=2, default=str) + "\n",
                                                   encoding="utf-8")
            (staging / ".config.toml").unlink(missing_ok=True)
            report("publishing", 1, 1)
            target = out / month
            if cfg.report.plotly_js == "shared":
                _write_shared_plotly(out)
            _publish(staging, target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        write_index(out)
    finally:
        lock.release()
    return ReportResult(month=month, folder=out / month, html=out / month / "report.html", kpis=kpis,
                        seconds=time.perf_counter() - started, html_bytes=html_bytes)


def _write_shared_plotly(out: Path) -> Path:
    """Write the shared plotly.js beside index.html unless the same copy is there (atomic)."""
    from plotly.offline import get_plotlyjs

    code = get_plotlyjs().encode("utf-8")
    dest = out / PLOTLY_JS_NAME
    if dest.is_file() and dest.stat().st_size == len(code) and dest.read_bytes() == code:
        return dest
    tmp = out / f"{TMP_PREFIX}{PLOTLY_JS_NAME}-{uuid.uuid4().hex[:8]}"
    tmp.write_bytes(code)
    os.replace(tmp, dest)
    return dest


def _question_inputs(paths: Sequence[Path], files_csv: Path, faq_path: Path | None) -> list[Path]:
    """Return the question files a run read: the files given, or in the folders given, that the readers used.

    A folder may also hold the FAQ export or files the readers skip (an Excel lock file);
    the notebook's ``tables/files.csv`` names the files it read, so only those are listed
    (all of them when a custom notebook writes no such table), and never the FAQ.
    """
    found = [f for p in paths for f in (sorted(c for c in p.iterdir() if c.is_file()) if p.is_dir() else [p])]
    if faq_path is not None:
        found = [f for f in found if f.resolve() != faq_path]
    if files_csv.is_file():
        try:
            read = set(pd.read_csv(files_csv, dtype=str)["path"].dropna())
        except (OSError, ValueError, KeyError):
            return found
        kept = [f for f in found if f.name in read or str(f) in read]
        return kept or found
    return found


def _month_words(month: str) -> str:
    return pd.Period(month, freq="M").strftime("%B %Y")


def _check_kernel(kernel_name: str, cfg: Config) -> None:
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        KernelSpecManager().get_kernel_spec(kernel_name)
    except NoSuchKernel:
        raise ConfigError(f"no Jupyter kernel named {kernel_name!r}", path=cfg.path,
                          fix="set [report] kernel_name to an installed kernel (see 'jupyter kernelspec list'), "
                              "or run 'python -m ipykernel install --user'") from None


def _execute(nb: Any, params: dict[str, Any], *, staging: Path, out: Path, month: str, cfg: Config,
             kernel_name: str, report: Callable[..., None], timings: dict[str, float]) -> Any:
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    n_code = sum(1 for c in nb.cells if c.cell_type == "code") + 1  # + the injected parameters cell
    state: dict[str, Any] = {"index": None, "done": 0}

    def on_start(cell: Any, cell_index: int, **_: Any) -> None:
        state["index"] = cell_index

    def on_done(cell: Any, cell_index: int, **_: Any) -> None:
        if cell.cell_type == "code":
            state["done"] += 1
            report("running the notebook", state["done"], n_code)

    output = staging / "report.ipynb"
    cwd = Path(cfg.path).resolve().parent if cfg.path else Path.cwd()
    env = {"PLOTLY_RENDERER": "notebook", "PYTHONHASHSEED": "0", "ASKLENS_REPORT": "1",
           PLOTLY_JS_ENV: cfg.report.plotly_js}
    t0 = time.perf_counter()
    report("running the notebook", 0, n_code)
    ipc_dir = None
    extra: dict[str, Any] = {}
    if os.name == "posix":
        # talk to the kernel over local sockets (not TCP): patron text stays on this machine
        import tempfile

        from traitlets.config import Config as TraitletsConfig

        ipc_dir = tempfile.mkdtemp(prefix="asklens-kernel-")
        extra["config"] = TraitletsConfig({"KernelManager": {"transport": "ipc", "ip": os.path.join(ipc_dir, "k")}})
    import logging

    # papermill logs every cell error and kernel death itself; the NotebookError below says it once
    quiet = {name: logging.getLogger(name).level for name in ("papermill", "asyncio")}
    for name in quiet:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        with _kernel_env(env):
            executed = pm.execute_notebook(
                nb, str(output), parameters=params, kernel_name=kernel_name, progress_bar=False,
                log_output=False, start_timeout=cfg.report.kernel_start_timeout,
                execution_timeout=cfg.report.execution_timeout, cwd=str(cwd),
                on_cell_start=on_start, on_cell_complete=on_done, kernel_manager_class=_quiet_kernel_manager(),
                **extra,
            )
    except PapermillExecutionError as exc:
        where = _keep_failed(output, out, month)
        if exc.ename in {"InputError", "ConfigError", "AsklensError"}:
            # the library found bad input while the notebook ran: a user error (exit 2), said in one line
            klass = ConfigError if exc.ename == "ConfigError" else InputError
            raise klass(" ".join(str(exc.evalue).split())) from None
        raise NotebookError(
            f"the report notebook failed in {_describe_cell(_executed_or(output, nb), state['index'])}: "
            f"{exc.ename}: {' '.join(str(exc.evalue).split())[:300]}",
            fix=f"open the failed notebook kept at {where}",
        ) from None
    except Exception as exc:  # timeouts, dead kernels, kernels that never start
        where = _keep_failed(output, out, month)
        what = type(exc).__name__
        if state["index"] is None and "didn't respond" in str(exc):  # jupyter_client's start timeout
            raise NotebookError(f"the notebook's kernel {kernel_name!r} did not start within [report] "
                                f"kernel_start_timeout = {cfg.report.kernel_start_timeout} s",
                                fix="raise kernel_start_timeout, or check the kernel with "
                                    "'jupyter kernelspec list'") from None
        if "Timeout" in what or isinstance(exc, TimeoutError):
            reason = (f"took longer than [report] execution_timeout = {cfg.report.execution_timeout} s"
                      if state["index"] is not None else
                      f"the kernel did not start within [report] kernel_start_timeout = "
                      f"{cfg.report.kernel_start_timeout} s")
        elif state["index"] is None:
            reason = f"the kernel could not start ({what}: {' '.join(str(exc).split())[:200]})"
        else:
            reason = f"{what}: {' '.join(str(exc).split())[:300]}"
        cell = _describe_cell(nb, state["index"]) if state["index"] is not None else "kernel start"
        raise NotebookError(f"the report notebook failed in {cell}: {reason}",
                            fix=f"see the notebook kept at {where}" if where else "raise the timeout in [report]",
                            ) from None
    finally:
        for name, level in quiet.items():
            logging.getLogger(name).setLevel(level)
        if ipc_dir:
            shutil.rmtree(ipc_dir, ignore_errors=True)
    timings["execute"] = time.perf_counter() - t0
    return executed


def _quiet_kernel_manager() -> type:
    """Return a kernel manager whose kernel writes nothing to our stderr (cell errors are in the notebook)."""
    import subprocess

    from jupyter_client import AsyncKernelManager

    class QuietKernelManager(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            kw.setdefault("stdout", subprocess.DEVNULL)
            kw.setdefault("stderr", subprocess.DEVNULL)
            await super()._async_launch_kernel(kernel_cmd, **kw)

    return QuietKernelManager


def _executed_or(output: Path, nb: Any) -> Any:
    import nbformat

    try:
        executed = nbformat.read(output, as_version=4) if output.is_file() else None
    except Exception:  # pragma: no cover - half-written file
        executed = None
    if executed is None:
        return nb
    # papermill inserts an error banner cell at the top of a failed notebook; drop it so
    # indices match the ones the hooks saw
    executed.cells = [c for c in executed.cells
                      if "papermill-error-cell-tag" not in c.get("metadata", {}).get("tags", [])]
    return executed


def _keep_failed(output: Path, out: Path, month: str) -> Path | None:
    if not output.is_file():
        return None
    dest_dir = out / FAILED_DIR
    dest_dir.mkdir(exist_ok=True)
    dest = dest_dir / f"{month}.ipynb"
    shutil.copyfile(output, dest)
    return dest


def render_reports(
    questions: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    months: Sequence[str],
    progress_month: Callable[[str, int, int], None] | None = None,
    **kwargs: Any,
) -> list[ReportResult]:
    """Render several months in order with :func:`render_report`; stop at the first failure.

    Parameters
    ----------
    questions : path, glob or list of them
    months : sequence of str
    progress_month : callable, optional
        Called as ``progress_month(month, i, n)`` before each month.
    **kwargs
        Passed to :func:`render_report`.

    Returns
    -------
    list of ReportResult
    """
    results = []
    for i, month in enumerate(months):
        if progress_month:
            progress_month(month, i, len(months))
        results.append(render_report(questions, month=month, **kwargs))
    return results


# --------------------------------------------------------------------------- workspaces

_TOPICS_TOML = """\
# Topic curation for asklens: staff edits to the topics the model finds. They are
# applied on every run and survive refits. Topic ids are the numbers in the report's
# topics table (tables/topics.csv). Uncomment and edit.
#
# pin = [3, 12]            # never retired or merged away by a refit
# ignore = [17]            # kept, but marked "ignored" (reports leave it out)
#
# [rename]
# 4 = "Printing and scanning"
#
# [[merge]]
# topics = [9, 21]         # 21 goes into 9
# label = "Room booking"   # optional
#
# [[split]]
# topic = 4
# keywords = ["poster", "plotter"]
# label = "Poster printing"
"""


def _toml_value(value: Any) -> str:
    """Return a TOML inline value (inline tables for dicts, so a commented line holds it all)."""
    import tomli_w

    if isinstance(value, Mapping):
        if not value:
            return "{}"
        items = ", ".join(f"{k if re.fullmatch(r'[A-Za-z0-9_-]+', str(k)) else json.dumps(str(k))} = "
                          f"{_toml_value(v)}" for k, v in value.items())
        return "{ " + items + " }"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return tomli_w.dumps({"v": value}).split("=", 1)[1].strip()


def default_config_text(*, name: str = "My library", timezone: str = "UTC") -> str:
    """Return an ``asklens.toml`` with every setting written out as a commented default.

    Parameters
    ----------
    name : str, default "My library"
    timezone : str, default "UTC"
        An IANA time zone such as ``"America/New_York"``.

    Returns
    -------
    str
        Valid TOML: only ``[workspace] name`` and ``timezone`` are set; everything else
        is a comment showing the default, to uncomment and edit.
    """
    import typing

    from asklens import config as config_module

    lines = ["# asklens workspace settings. Uncomment a line to change a default.",
             "# Docs: each [section] matches a class in asklens.config.", ""]
    cfg = Config()
    for section, klass in config_module._SECTIONS.items():
        doc = (klass.__doc__ or "").strip().splitlines()[0] if klass.__doc__ else ""
        lines.append(f"[{section}]")
        if doc:
            lines.append(f"# {doc}")
        values = dataclasses.asdict(getattr(cfg, section))
        for key, value in values.items():
            if section == "workspace" and key in {"name", "timezone"}:
                lines.append(f"{key} = {_toml_value(name if key == 'name' else timezone)}")
                continue
            words = _RULE_WORDS.get(key)
            if words:  # what the setting does, above it
                lines.append(f"# {words[0].upper()}{words[1:]}:")
            if value is None:  # not set by default: an example value, so the line is valid TOML uncommented
                hints = typing.get_type_hints(klass)
                example = _NONE_EXAMPLES.get(key, '""')
                lines.append(f"# {key} = {example}   # not set by default ({hints.get(key, '')})".rstrip())
                continue
            if section == "terms" and key == "terms":
                lines.append('# terms = [{ name = "Fall 2025", start = "2025-08-25", end = "2025-12-12" }]')
                continue
            lines.append(f"# {key} = {_toml_value(value)}")
        lines.append("")
    return "\n".join(lines)


#: the parameters a workspace's own notebooks start from (the packaged ones point at the shipped sample)
_WORKSPACE_PARAMETERS = {
    "questions": '["data/raw/*"]  # question logs: files or globs',
    "faq": '""  # the FAQ base, e.g. "data/raw/faq.json" ("" for none)',
    "config": '"asklens.toml"  # the workspace config ("" for the defaults)',
}


def _workspace_parameters(text: str) -> str:
    """Point a packaged notebook's parameters at a new workspace's folders instead of the sample's."""
    def repl(m: re.Match[str]) -> str:
        return f"{m.group(1)}{_WORKSPACE_PARAMETERS[m.group(2)]}"
    return re.sub(r"(?m)^((questions|faq|config): \w+ = ).*$", repl, text)


#: example values written (commented out) for config keys that are not set by default
_NONE_EXAMPLES = {"n_topics": "40", "max_topics": "40"}


def init_workspace(dest: str | os.PathLike[str], *, name: str = "My library", timezone: str = "UTC",
                   force: bool = False) -> Path:
    """Create a workspace for a new library: config, data folders, notebooks, reports.

    Creates ``asklens.toml`` (commented defaults), ``data/raw/``, ``data/processed/``,
    ``notebooks/`` (copies of the packaged report and topics-browser notebooks),
    ``reports/`` and ``topics.toml`` (the curation file), plus a ``.gitignore`` that
    keeps raw data, caches and reports out of version control.

    Parameters
    ----------
    dest : str or path-like
        The workspace folder (created if missing).
    name : str, default "My library"
        The library's name, shown on reports.
    timezone : str, default "UTC"
        The library's IANA time zone.
    force : bool, default False
        Overwrite an existing ``asklens.toml`` (other files are kept).

    Returns
    -------
    Path
        The config file.

    Raises
    ------
    ConfigError
        When ``dest`` already holds an ``asklens.toml`` (without ``force``), or the time zone
        is unknown.
    """
    dest = Path(dest)
    cfg_path = dest / "asklens.toml"
    if cfg_path.exists() and not force:
        raise ConfigError("this folder already has an asklens.toml", path=cfg_path,
                          fix="pick another folder, or pass --force to overwrite the config")
    text = default_config_text(name=name, timezone=timezone)
    import tomllib

    Config.from_dict(tomllib.loads(text), path=str(cfg_path))  # validates the time zone
    for sub in ("data/raw", "data/processed", "notebooks", "reports"):
        (dest / sub).mkdir(parents=True, exist_ok=True)
    cfg_path.write_text(text, encoding="utf-8")
    for nb in (REPORT_NOTEBOOK, BROWSER_NOTEBOOK):
        target = dest / "notebooks" / nb
        if not target.exists():
            target.write_text(_workspace_parameters(packaged_notebook(nb).read_text(encoding="utf-8")),
                              encoding="utf-8")
    curation = dest / "topics.toml"
    if not curation.exists():
        curation.write_text(_TOPICS_TOML, encoding="utf-8")
    ignore = dest / ".gitignore"
    if not ignore.exists():
        ignore.write_text("data/raw/\ndata/processed/\ndata/cache/\nreports/\n", encoding="utf-8")
    return cfg_path


# --------------------------------------------------------------------------- report data


# What each table is called on the page and which of its columns a manager sees.
_DISPLAY: dict[str, tuple[str, dict[str, str]]] = {
    "at_a_glance": ("This month against last month and a year earlier", {
        "measure": "", "this_month": "This month", "previous_month": "Last month",
        "change_vs_previous_month": "Change", "a_year_earlier": "A year ago", "change_vs_last_year": "Change "}),
    "automation": ("Automation candidates, most staff hours saved first (why each qualifies: the appendix)", {
        "topic_label": "Topic", "category": "Next step", "hours_saved": "Hours saved a month",
        "n_period": "This month", "per_month": "Per month (last 12 months)", "trend": "On last month",
        "faq_coverage": "Answered by an FAQ", "representative_questions": "Typical questions"}),
    "recurring_questions": ("The same question, asked again and again this month", {
        "topic_label": "Topic", "count": "Times asked", "representative": "The question"}),
    "rubric": ("Every topic and the rule that placed it", {
        "topic_label": "Topic", "category": "Placed under", "n_questions": "Questions (last 12 months)",
        "per_month": "Per month", "coverage": "Answered by an FAQ", "reason": "Why"}),
    # numbers before long texts, so a phone shows them without scrolling sideways
    "faq_gaps": ("FAQs to write: recurring topics no FAQ answers (last 12 months)", {
        "topic_label": "Topic", "n_questions": "Questions", "months_asked": "Months asked", "per_month": "Per month",
        "coverage": "Counted as answered by an FAQ", "typical_question": "Typical question", "reason": "Why"}),
    # the gaps for which an existing FAQ is already the best answer to part of the questions
    "faq_gaps_check": ("Check an existing FAQ first: it is already the best answer to part of these topics' "
                       "questions (last 12 months)", {
        "topic_label": "Topic", "n_questions": "Questions", "per_month": "Per month",
        "closest_faq_share": "Best answer to", "coverage": "Counted as answered",
        "closest_faq_question": "The FAQ to check", "typical_question": "Typical question"}),
    "asked_titles": ("Books, journals and databases people ask for by name (last 12 months)", {
        "title": "Title", "n_title": "Questions naming it", "n_questions": "Questions in the topic",
        "topic_label": "Topic", "also_in_faqs_to_write": "Also under FAQs to write"}),
    "findability": ("FAQs people don't find: answered, yet still asked", {
        "topic_label": "Topic", "faq_question": "The FAQ", "n_questions": "Questions",
        "per_month": "Per month", "views": "FAQ views", "reason": "Why"}),
    "stale_faqs": ("FAQs nobody needs any more", {
        "faq_question": "The FAQ", "views": "Views", "reason": "Why"}),
    "custom_work": ("Topics that need people (last 12 months)", {
        "topic_label": "Topic", "n_questions": "Questions",
        "high_effort_share": "Share needing in-depth help (READ 3+)",
        "median_duration_min": "Median minutes", "median_messages": "Median messages", "reason": "Why"}),
    "channels": ("How this month's questions arrived", {
        "channel": "Channel", "n_questions": "Questions", "share": "Share", "previous_month": "Previous month"}),
    "topics": ("All topics this month", {
        "topic_label": "What people ask about", "n_questions": "Questions this month",
        "n_history": "Questions in all months read", "keywords": "Keywords", "examples": "Example questions",
        "topic_id": "Topic number"}),
    "rising": ("Topics whose share of questions changed (new, rising, fading or seasonal)", {
        "topic_label": "Topic", "status": "Status", "n_recent": "Recent months", "n_baseline": "Months before",
        "n_last_year": "A year earlier", "reason": "Why"}),
    "seasonal_flags": ("Weeks of this term unlike the same weeks last year (all questions together, not "
                       "per topic)", {
        "term_week": "Week of term", "n_this_year": "This year", "n_last_year": "Last year", "status": "Status",
        "reason": "Why"}),
    "files": ("Files read", {"path": "File", "format": "Format", "rows_read": "Rows read",
                             "rows_kept": "Rows kept"}),
    "dropped_reasons": ("Rows not used, and why", {"reason": "Reason", "rows": "Rows"}),
    "redactions": ("Personal details removed before anything was analysed", {
        "meaning": "What was removed", "count": "Times"}),
    "rules": ("The exact rules and thresholds behind this report (settings in asklens.toml)", {
        "section": "Section", "setting": "Setting", "value": "Value", "meaning": "Meaning"}),
}

_DIGITS = {"per_month": 1, "hours_saved": 2, "median_duration_min": 0, "median_messages": 0,
           "minutes_per_question": 0}
_CATEGORY_LABELS = {"write FAQ": "write an FAQ", "monitor": "monitor (watch)"}
def _short_gap_reason(text: Any) -> Any:
    """Shorten a plain "write an FAQ" reason to what the gap table's columns and title do not already say.

    ``"write an FAQ: 74 questions in the last 12 months, asked in 12 of them; no FAQ entry
    answers this topic (the closest FAQ, “…”, is itself stale, so it answers nothing)"``
    becomes ``"No current FAQ comes close (the closest, “…”, is one of the stale entries below)"``.
    """
    if not isinstance(text, str):
        return text
    out = _GAP_COUNTS.sub("", text)
    m = re.fullmatch(r"no FAQ entry answers this topic \((.*)\)", out)
    if m:
        out = m.group(1)
    # a stale entry or one that answers none of the questions is no FAQ to build on: say that first
    out = re.sub(r"^the closest FAQ, (“[^”]*”), is itself stale, so it answers nothing$",
                 r"no current FAQ comes close (the closest, \1, is one of the stale entries below)", out)
    out = re.sub(r"^the closest FAQ, (“[^”]*”), is the best answer to none of its questions$",
                 r"no FAQ comes close (the closest, \1, is the best answer to none of its questions)", out)
    return out[:1].upper() + out[1:]


#: the first clause of a plain "write an FAQ" reason, which the gap table's columns already show
_GAP_COUNTS = re.compile(r"^write an FAQ: \d[\d,]* questions in the last \d+ months?, asked in \d+ of them;\s*")

_REDACTION_WORDS = {
    "email": "email addresses", "phone": "phone numbers", "card_number": "library card, student or payment numbers",
    "ip_address": "IP addresses", "street_address": "street addresses", "url_token": "links with personal tokens",
    "name": "personal names", "id_column": "identifier columns dropped (email, name, IP…)",
}


@dataclass
class ReportData:
    """Everything one month's report shows: tables, headline figures and plain-words text.

    Built by :func:`build_report_data`; a report notebook displays it with
    :meth:`header`, :meth:`show` and :meth:`note` and the figures of :mod:`asklens.plotting`,
    and writes it with :meth:`save`.

    Attributes
    ----------
    month : str
    library : str
    tables : dict of str to DataFrame
        Each is written to ``tables/<name>.csv``.
    kpis : dict
        The headline figures (``kpis.json``).
    notes : dict of str to str
        Plain-words sentences per section (already written from the numbers).
    history : DataFrame, optional
        The scrubbed question log up to the end of the month, with ``topic_id`` and
        ``topic_label`` (for analysts; not written by :meth:`save`).
    topics : DataFrame, optional
        The topics table (``topic_id``, ``label``, ``keywords``, ...).
    faq : DataFrame, optional
        The FAQ base.
    config : Config, optional
        The config the data was built with.
    """

    month: str
    library: str
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    kpis: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    history: pd.DataFrame | None = field(default=None, repr=False)
    topics: pd.DataFrame | None = field(default=None, repr=False)
    faq: pd.DataFrame | None = field(default=None, repr=False)
    config: Config | None = field(default=None, repr=False)

    def table(self, name: str, **kwargs: Any) -> _Html:
        """Return table ``name`` for display (see :func:`show_table` for the options)."""
        return show_table(self.tables.get(name, pd.DataFrame()), **kwargs)

    def show(self, name: str, **kwargs: Any) -> _Html:
        """Return table ``name`` with its caption and the columns a manager reads.

        Parameters
        ----------
        name : str
            A key of :attr:`tables`.
        **kwargs
            Passed to :func:`show_table` (override ``caption``, ``columns``, ``max_rows``); and
            ``collapsed=True`` folds the table under a one-line "Show N rows" summary (the
            appendix: a manager opens it when needed, and find-in-page still reaches it).
        """
        collapsed = bool(kwargs.pop("collapsed", False))
        if collapsed:
            shown = self.show(name, **kwargs)
            n = len(self.tables.get(name, pd.DataFrame()))
            if not n:
                return shown
            caption = kwargs.get("caption") or _DISPLAY.get(name, (name.replace("_", " ").capitalize(),))[0]
            return _Html(f'<details class="asklens-more"><summary>Show {html.escape(_plural(n, "row"))}: '
                         f'<span class="asklens-caption">{html.escape(self._windowed(caption, None)[0])}</span>'
                         f"</summary>{shown._repr_html_()}</details>")
        if name == "faq_gaps" and "check_faq_first" in self.tables.get(name, pd.DataFrame()).columns:
            return self._show_faq_gaps(**kwargs)
        caption, columns = self._windowed(*_DISPLAY.get(name, (name.replace("_", " ").capitalize(), None)))
        if name == "rising" and columns is not None:
            tw = self.trend_months()
            columns = {**columns, "n_recent": f"Last {_plural(tw, 'month')}",
                       "n_baseline": f"The {_plural(tw, 'month')} before", "n_last_year": "Same months a year earlier"}
        df = self.display_frame(name)
        if name == "rising" and columns is not None and {"n_baseline", "n_last_year"} <= set(df.columns) \
                and df["n_baseline"].astype(float).equals(df["n_last_year"].astype(float)):
            # a 12-month window: the months before ARE the same months a year earlier; two equal
            # columns read as two confirmations, so show one and say so in its name
            columns = {c: (f"{v} (= a year earlier)" if c == "n_baseline" else v)
                       for c, v in columns.items() if c != "n_last_year"}
        kwargs.setdefault("caption", caption)
        if columns is not None:
            kwargs.setdefault("columns", columns)
        digits = {c: d for c, d in _DIGITS.items() if c in df.columns}
        kwargs.setdefault("digits", digits)
        if "reason" in df.columns:
            kwargs.setdefault("max_chars", _REASON_CHARS)  # a reason cut mid-sentence loses the rule or the FAQs
        if "faq_url" in df.columns:
            kwargs.setdefault("links", {"faq_question": "faq_url"})
        return show_table(df, **kwargs)

    def _show_faq_gaps(self, **kwargs: Any) -> _Html:
        """Show the FAQs to write as two tables: new FAQs to write, then the gaps an existing FAQ partly answers.

        The second table names the FAQ to check, grouped by FAQ (the FAQ answering most of
        its topics' questions first); rows and counts are those of ``faq_gaps.csv``.
        """
        df = self.display_frame("faq_gaps")
        if df.empty:
            return show_table(df, caption=kwargs.get("caption", _DISPLAY["faq_gaps"][0]))
        check = df["check_faq_first"].astype(bool).to_numpy()
        digits = {c: d for c, d in _DIGITS.items() if c in df.columns}
        parts = []
        for key, rows in (("faq_gaps", df[~check]), ("faq_gaps_check", df[check])):
            if key == "faq_gaps_check" and rows.empty:
                continue
            if key == "faq_gaps_check":
                n_by_faq = rows.groupby("closest_faq_id")["n_questions"].transform("sum")
                rows = rows.assign(_n=n_by_faq).sort_values(["_n", "closest_faq_id", "n_questions"],
                                                            ascending=[False, True, False], kind="stable")
            caption, columns = self._windowed(*_DISPLAY[key])
            opts = {"caption": caption, "columns": columns, "digits": digits, "max_chars": _REASON_CHARS,
                    "links": {"closest_faq_question": "closest_faq_url"}, "percent": ["coverage",
                                                                                     "closest_faq_share"],
                    "max_rows": max(25, len(rows)) if len(rows) <= 40 else 25}
            opts.update({k: v for k, v in kwargs.items() if k != "caption" or key == "faq_gaps"})
            parts.append(show_table(rows.reset_index(drop=True), **opts)._repr_html_())
        return _Html("".join(parts))

    def _windowed(self, caption: str, columns: dict[str, str] | None) -> tuple[str, dict[str, str] | None]:
        """Say the rules' window (``[rubric] window_months``) where a caption or column says "last 12 months"."""
        words = self.window_words()
        if words == "last 12 months":
            return caption, columns
        caption = caption.replace("last 12 months", words)
        if columns is not None:
            columns = {c: v.replace("last 12 months", words) for c, v in columns.items()}
        return caption, columns

    def window_words(self) -> str:
        """Return the period the rules average over, in words (``"last 12 months"``).

        In a log's first months the rules see less than their window: the words say the
        months there are (``kpis["window_months"]``), not the configured window.
        """
        w = self.kpis.get("window_months") if self.kpis else None
        if w is None:
            w = int(self.config.rubric.window_months) if self.config is not None else 12
        w = int(w)
        return f"last {_plural(max(1, w), 'month')}" if w != 1 else "this month"

    def trend_months(self) -> int:
        """Return the trend window in months (``[rubric] trend_window_months``)."""
        return int(self.config.rubric.trend_window_months) if self.config is not None else 12

    def faq_titles(self) -> dict[str, str]:
        """Return FAQ id → its question (empty without an FAQ base)."""
        if self.faq is None or not len(self.faq):
            return {}
        return dict(zip(self.faq["faq_id"].astype(str), self.faq["question"].astype(str)))

    def display_frame(self, name: str) -> pd.DataFrame:
        """Return table ``name`` as a manager reads it (the CSV keeps the exact values).

        ``reason`` becomes plain words (:func:`plain_reason`), FAQ ids their question
        (linked to the FAQ's URL), the automation trend an arrow, reader formats their
        product names; the automation candidates are ordered by hours saved.
        """
        df = self.tables.get(name, pd.DataFrame())
        if df.empty:
            return df
        titles = self.faq_titles()
        out = df.copy()
        if "reason" in out.columns and name not in {"dropped_reasons"}:
            out["reason"] = [plain_reason(r, faq_titles=titles) for r in out["reason"]]
        if "faq_id" in out.columns and self.faq is not None and len(self.faq):
            urls = dict(zip(self.faq["faq_id"].astype(str), self.faq["url"])) if "url" in self.faq else {}
            ids = out["faq_id"].map(lambda f: str(f) if isinstance(f, str) or pd.notna(f) else "")
            if "faq_question" not in out.columns:
                out["faq_question"] = ids.map(lambda f: titles.get(f, f))
            out["faq_url"] = ids.map(lambda f: urls.get(f) if isinstance(urls.get(f), str) else None)
        if "trend" in out.columns:
            out["trend"] = out["trend"].map(_trend_arrow)
        if "category" in out.columns:
            out["category"] = out["category"].map(lambda c: _CATEGORY_LABELS.get(c, c) if isinstance(c, str) else c)
            if "faq_to_check" in out.columns:
                out["category"] = [f"{c} (check an existing one first: section 3)" if isinstance(f, str) and f
                                   and c == "write an FAQ" else c for c, f in zip(out["category"], out["faq_to_check"])]
        if name == "faq_gaps":
            # the Questions and Months asked columns already say the rule's first clause
            out["reason"] = out["reason"].map(_short_gap_reason)
            if "closest_faq_id" in out.columns and self.faq is not None and "url" in self.faq:
                urls = dict(zip(self.faq["faq_id"].astype(str), self.faq["url"]))
                out["closest_faq_url"] = out["closest_faq_id"].map(
                    lambda f: urls.get(str(f)) if pd.notna(f) and isinstance(urls.get(str(f)), str) else None)
        if name == "automation" and "automatable" in out.columns:
            # the topics behind the hours saved and the chart (the rubric's routine automate / write-FAQ
            # topics); a topic the rubric sends to people is no automation candidate on the page
            out = out[out["automatable"].astype(bool).to_numpy()]
        if name == "automation" and "hours_saved" in out.columns:
            out = out.sort_values("hours_saved", ascending=False, kind="stable", na_position="last")
        if name == "files" and "format" in out.columns:
            out["format"] = out["format"].map(lambda f: _FORMAT_NAMES.get(str(f), f))
        return out.reset_index(drop=True)

    def note(self, name: str) -> _Html:
        """Return the plain-words note for a section (escaped), or nothing."""
        text = self.notes.get(name, "")
        if not text:
            return _Html("")
        parts, items = [], []
        for line in (ln.strip() for ln in text.split("\n")):
            if line.startswith("•"):
                items.append(f"<li>{html.escape(line.lstrip('• '))}</li>")
                continue
            if items:
                parts.append("<ul>" + "".join(items) + "</ul>")
                items = []
            if line:
                parts.append(f"<p>{html.escape(line)}</p>")
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
        return _Html(f'<div class="asklens-note">{"".join(parts)}</div>')

    def header(self) -> _Html:
        """Return the report's title, headline figures and the text summary written from the numbers."""
        k = self.kpis
        title = f"{self.library}: questions in {_month_words(self.month)}"
        window = self.window_words()  # the period the FAQ and needs-people rules count over
        cards = [
            ("Questions", _fmt_int(k.get("questions")), _change_words(k)),
            ("Look automatable", _fmt_pct(k.get("automatable_share")), "of this month's questions"),
            ("Staff hours saved", _fmt_hours(k.get("hours_at_stake")),
             "a month (estimate), if those topics were automated"),
            ("FAQs to write", _fmt_int(k.get("faqs_to_write")), f"recurring topics no FAQ answers ({window})"
             + (f"; for {k['faqs_to_write_check_first']}, check an existing FAQ first"
                if k.get("faqs_to_write_check_first") else "")),
            ("Topics needing people", _fmt_int(k.get("topics_needing_people")),
             f"high effort or varied questions ({window})"),
        ]
        card_html = "".join(
            f'<div class="asklens-kpi"><div class="value">{html.escape(v)}</div>'
            f'<div class="label">{html.escape(label)}</div><div class="note">{html.escape(note)}</div></div>'
            for label, v, note in cards)
        bullets = "".join(f"<li>{html.escape(b)}</li>" for b in self.summary())
        return _Html(f"<h1>{html.escape(title)}</h1>"
                     f'<div class="asklens-kpis">{card_html}</div>'
                     f'<div class="asklens-summary"><strong>In short</strong><ul>{bullets}</ul></div>')

    def summary(self) -> list[str]:
        """Return the summary sentences, written from the headline figures and tables."""
        return list(self.kpis.get("summary", []))

    def save(self, folder: str | os.PathLike[str]) -> list[Path]:
        """Write ``tables/<name>.csv`` (deterministic bytes) and ``kpis.json`` into ``folder``.

        Parameters
        ----------
        folder : str or path-like
            An empty string writes nothing (interactive use).

        Returns
        -------
        list of Path
        """
        if not str(folder):
            return []
        folder = Path(folder)
        (folder / "tables").mkdir(parents=True, exist_ok=True)
        written = []
        for name, df in sorted(self.tables.items()):
            path = folder / "tables" / f"{name}.csv"
            _csv_ready(df).to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
            written.append(path)
        path = folder / "kpis.json"
        kpis = {"month": self.month, "library": self.library, **self.kpis}
        path.write_text(json.dumps(_jsonable(kpis), indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        written.append(path)
        return written


def _change_words(k: Mapping[str, Any]) -> str:
    parts = []
    if k.get("change_vs_previous_month") is not None:
        parts.append(f"{_fmt_pct(k['change_vs_previous_month'], signed=True)} on last month")
    if k.get("change_vs_last_year") is not None:
        parts.append(f"{_fmt_pct(k['change_vs_last_year'], signed=True)} on a year ago")
    return ", ".join(parts) or "no earlier month to compare"


def _csv_ready(df: pd.DataFrame) -> pd.DataFrame:
    out = {}
    for c in df.columns:
        s = df[c]
        if isinstance(s.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_any_dtype(s):
            s = s.map(lambda v: "" if pd.isna(v) else v.isoformat())
        elif pd.api.types.is_float_dtype(s):
            s = s.round(6)
        elif s.dtype == object:
            s = s.map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple, np.ndarray)) else
                      "; ".join(sorted(map(str, v))) if isinstance(v, (set, frozenset)) else v)
        out[str(c)] = s
    return pd.DataFrame(out, index=df.index)


def _jsonable(value: Any) -> Any:
    import numpy as np

    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating, float)):
        v = float(value)
        return None if v != v or v in (float("inf"), float("-inf")) else round(v, 6)
    if value is pd.NA or value is pd.NaT or value is None:
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _jsonable(dataclasses.asdict(value))
    return value


def _ratio_change(now: float, before: float) -> float | None:
    if not before:
        return None
    return now / before - 1.0


def _local_months(asked_at: pd.Series, tz: str) -> pd.Series:
    local = asked_at.dt.tz_convert(tz) if asked_at.dt.tz is not None else asked_at
    return local.dt.tz_localize(None).dt.to_period("M")


_RULE_WORDS: dict[str, str] = {
    "window_months": "months of history the automate / FAQ / needs-people rules look at",
    "min_volume": "questions a topic needs in that window to count as recurring",
    "min_recurrence": "share of the months in which a recurring topic must be asked",
    "min_cohesion": "how alike a topic's questions must be to automate it (0 = as varied as the whole log)",
    "max_effort_share": "most a topic may have at READ 3+ and still be automated",
    "high_effort_share": "share at READ 3+ from which a topic needs people",
    "long_duration_min": "median handling minutes from which a topic needs people",
    "many_messages": "median chat messages from which a topic needs people",
    "low_cohesion": "how alike a topic's questions are (cohesion), under which they are too varied for one answer",
    "min_signal_n": "questions a needs-people signal must rest on",
    "covered_similarity": "similarity from which an FAQ answers a question (0 = calibrated from the data)",
    "faq_claim_z": "how far above the typical topic an FAQ entry's match must stand (robust z) to be about a topic",
    "faq_claim_share": "share of an FAQ entry's strongest topic match another topic must reach to claim the entry too",
    "faq_answer_share": "share of a topic's questions that its close FAQ entries must together best answer to count as about it",
    "min_coverage": "share of a topic an FAQ must answer for the topic to count as covered",
    "findability_per_month": "questions a month from which a covered topic has an FAQ people don't find",
    "findability_view_ratio": "questions per FAQ view from which the FAQ looks hard to find",
    "stale_months": "months without a matching question after which an FAQ is stale",
    "stale_view_share": "share of the median FAQ's views under which an unmatched FAQ is stale",
    "trend_window_months": "recent months compared for rising / new / fading topics",
    "trend_alpha": "how unlikely by chance a change must be to count as a trend (binomial test; smaller = stricter)",
    "trend_min_ratio": "smallest change in a topic's share reported as a trend",
    "trend_min_count": "questions a trend must involve",
    "read_minutes": "minutes a question takes at each READ level (where no duration was recorded)",
    "default_minutes": "minutes per question with neither a duration nor a READ code",
    "deflection_rate": "share of a topic's questions an FAQ or chatbot is expected to answer",
    "hourly_cost": "staff cost per hour, to turn hours into money (0 = not used)",
    "max_duration_min": "cap on a single recorded duration",
    "backend": "how questions are turned into vectors (tfidf needs no model)",
    "n_topics": "number of topics (empty = found from the data)",
    "max_misc_share": "largest share of questions left in miscellaneous",
    "model": "sentence-embedding model for the semantic backend (empty = the default)",
    "random_state": "seed of the topic model (the report passes its own seed)",
    "curation_file": "file with staff's topic names, merges and ignored topics",
    "model_dir": "folder of the saved topic model (reused so topic numbers stay stable)",
    "drop_columns": "extra input columns dropped before anything is read (names, emails…)",
    "id_patterns": "extra patterns for card or student numbers to mask",
    "mask_names": "mask personal names",
    "keep_urls": "keep links (personal tokens are masked either way)",
    "max_topics": "most topics a report shows (empty = as many as the data has)",
    # the settings that are not rules: what asklens init's asklens.toml says of them
    "data_dir": "folder of the question logs and FAQ exports",
    "reports_dir": "folder the monthly reports are written to",
    "cache_dir": "folder of cached sentence embeddings (hashes and vectors only, never text)",
    "format": "the export format; auto = recognised from the columns",
    "columns": "your column for each asklens field, e.g. { text = \"utterance\", asked_at = \"Date\" }",
    "faq_columns": "the same for the FAQ export, e.g. { question = \"Title\" }",
    "date_format": "how dates are written, e.g. \"%d/%m/%Y %H:%M\"; empty = recognised",
    "dayfirst": "read an ambiguous 03/04 as 3 April (a column with a day over 12 is read day-first anyway)",
    "encoding": "the files' text encoding; empty = detected",
    "sheet": "the Excel sheet to read; empty = the first",
    "multi_value_separators": "characters between several tags in one cell",
    "delimiter": "the CSV separator, one character or \"tab\"; empty = detected",
    "default_date": "date (e.g. \"2024-06-30\") for rows without one; empty = such rows are dropped and counted",
    "terms": "the academic terms, to compare week 3 of this term with week 3 a year ago",
    "notebook": "your own report notebook; empty = the packaged one",
    "execution_timeout": "seconds a report notebook may run",
    "kernel_start_timeout": "seconds to wait for the notebook's kernel to start",
    "kernel_name": "the Jupyter kernel that runs the report",
    "plotly_js": "inline = each report.html stands alone (~5 MB); shared = one plotly.min.js beside index.html "
                 "and ~0.5 MB reports that need their folder (a web server)",
}


def _rules_table(cfg: Config) -> pd.DataFrame:
    from asklens import config as config_module

    rows = []
    for section in ("rubric", "costs", "topics", "privacy"):
        values = dataclasses.asdict(getattr(cfg, section))
        known = {f.name for f in dataclasses.fields(config_module._SECTIONS[section])}
        for key, value in values.items():
            if key not in known:
                continue
            if isinstance(value, dict):
                value = ", ".join(f"{k}: {v}" for k, v in value.items())
            elif isinstance(value, list):
                value = ", ".join(map(str, value)) or "none"
            rows.append({"section": section, "setting": key, "value": "" if value is None else str(value),
                         "meaning": _RULE_WORDS.get(key, "see the comments in asklens.toml")})
    return pd.DataFrame(rows, columns=["section", "setting", "value", "meaning"])


def build_report_data(
    questions: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    month: str,
    faq: str | os.PathLike[str] | None = None,
    config: Config | str | os.PathLike[str] | None = None,
    seed: int = 0,
) -> ReportData:
    """Build every table, headline figure and sentence of one month's report.

    Reads the logs (scrubbed), keeps the history up to the end of ``month``, finds the
    topics, runs the analyses (automation, gaps, custom work, trends) and collects what
    the report shows. Nothing is written to disk; :meth:`ReportData.save` does that.

    Parameters
    ----------
    questions : path, glob or list of them
        The question logs.
    month : str
        ``YYYY-MM``.
    faq : path, optional
        The FAQ base; without it the knowledge-gap section says so.
    config : Config or path, optional
        The workspace config (an empty string means the defaults).
    seed : int, default 0
        The random state of every random step.

    Returns
    -------
    ReportData

    Raises
    ------
    InputError
        When the logs have no question in ``month``.
    """
    import asklens
    from asklens import trends

    _check_month(month)
    cfg = _load_config(config or None)
    tz = cfg.workspace.timezone
    read = asklens.load_questions([str(p) for p in _expand_paths(questions)], config=cfg)
    log = read.questions
    period = pd.Period(month, freq="M")
    months = _local_months(log["asked_at"], tz)
    history = log[months <= period].reset_index(drop=True)
    hist_months = months[months <= period].reset_index(drop=True)
    in_month = (hist_months == period).to_numpy()
    if not in_month.any():
        raise no_questions_error(month, sorted({str(m) for m in months.dropna()}),
                                 path=", ".join(map(str, read.files["path"])))
    faq_table = asklens.read_faq(str(faq), config=cfg) if faq else None

    tables: dict[str, pd.DataFrame] = {}
    notes: dict[str, str] = {}
    kpis: dict[str, Any] = {}

    # ---- topics
    history, topics, topics_how = _fit_topics(history, cfg=cfg, seed=seed)
    this = history[in_month]
    kpis["topics_found_by"] = topics_how

    # ---- 1. the month at a glance
    n_now = int(in_month.sum())
    n_prev = int((hist_months == period - 1).sum())
    n_year = int((hist_months == period - 12).sum())
    has_prev = bool((hist_months <= period - 1).any())
    has_year = bool((hist_months <= period - 12).any())
    kpis.update({
        "questions": n_now,
        "questions_previous_month": n_prev if has_prev else None,
        "change_vs_previous_month": _ratio_change(n_now, n_prev) if has_prev else None,
        "questions_a_year_earlier": n_year if has_year else None,
        "change_vs_last_year": _ratio_change(n_now, n_year) if has_year else None,
        "n_topics": int((topics["topic_id"] != -1).sum()) if len(topics) else 0,
        # the months the FAQ and needs-people counts cover: the rules' window, or less in a log's first months
        "window_months": trends._months_covered(hist_months, period, int(cfg.rubric.window_months)),
        "rules_window_months": int(cfg.rubric.window_months),
    })
    mix = trends.channel_mix(history)
    tables["channel_mix"] = mix
    ch_now = mix[mix["period"] == month].sort_values("n_questions", ascending=False, kind="stable")
    ch_prev = mix[mix["period"] == str(period - 1)].set_index("channel")["n_questions"]
    channels = ch_now.loc[ch_now["n_questions"] > 0, ["channel", "n_questions", "share"]].copy()
    # a log's first month has no previous month: "–", not 0 (as the month-at-a-glance table says)
    channels["previous_month"] = (channels["channel"].map(ch_prev).fillna(0).astype("Int64") if has_prev
                                  else pd.array([pd.NA] * len(channels), dtype="Int64"))
    tables["channels"] = channels.reset_index(drop=True)
    kpis["channels"] = {str(c): int(n) for c, n in zip(channels["channel"], channels["n_questions"])}
    monthly = mix.groupby("period", as_index=False)["n_questions"].sum()
    tables["monthly_volume"] = monthly
    tables["at_a_glance"] = _at_a_glance(mix, period, has_prev=has_prev, has_year=has_year)

    # ---- topics table for the month
    tables["topics"] = _topics_table(history, topics, in_month)
    tables["questions"] = _questions_table(this)

    # ---- 2-4. analyses (automation, gaps, custom work)
    _analyses(history, topics, faq_table, in_month=in_month, month=month, cfg=cfg, seed=seed,
              tables=tables, notes=notes, kpis=kpis)

    # ---- 5. trends
    tables["topic_trends"] = trends.topic_trends(history, freq="month", topics=topics)
    rising = trends.rising_topics(history, period=month, topics=topics, config=cfg)
    tables["rising"] = rising
    changed = rising[rising["status"].isin(["new", "rising", "fading", "seasonal"])]
    kpis["topics_new"] = int((rising["status"] == "new").sum())
    kpis["topics_rising"] = int((rising["status"] == "rising").sum())
    kpis["topics_fading"] = int((rising["status"] == "fading").sum())
    tables["rising"] = changed.reset_index(drop=True)
    month_end = period.end_time.tz_localize(tz) if history["asked_at"].dt.tz is not None else period.end_time
    at = min(history["asked_at"].max(), month_end)
    seasonal = trends.seasonal_comparison(history, at=at, by_topic=False, config=cfg)
    tables["seasonal"] = seasonal
    flags = seasonal[seasonal["status"].isin(["higher", "lower"])].reset_index(drop=True)
    if seasonal["reason"].str.contains("log begins after week").any():
        notes["seasonal"] = ("The question logs begin after some weeks of the same term last year; those "
                             "weeks are not compared.")
    tables["seasonal_flags"] = flags
    tables["load_heatmap"] = trends.load_heatmap(history, period=month, months=3)
    tw = cfg.rubric.trend_window_months
    notes["trends"] = (f"Trends compare each topic's share of questions in the last {_plural(tw, 'month')} with the "
                       f"{_plural(tw, 'month')} before"
                       + (" (which are the same months a year earlier)" if tw == 12 else
                          " and with the same months a year earlier")
                       + "; a topic counts as "
                       f"rising or fading only if its share moved at least {cfg.rubric.trend_min_ratio:g}-fold and the "
                       "change is too large to be chance (the exact test is in section 6). The hour-by-weekday "
                       "view covers the last 3 months, in the library's time zone.")

    # ---- 6. data and privacy
    files = read.files.loc[:, [c for c in ("path", "format", "rows_read", "rows_kept") if c in read.files]].copy()
    if "path" in files:
        files["path"] = files["path"].map(lambda p: Path(str(p)).name)
    tables["files"] = files
    dropped = read.dropped
    if len(dropped):
        key = "reason_kind" if "reason_kind" in dropped else "reason"
        reasons = dropped.groupby(key).size().rename("rows").reset_index().rename(columns={key: "reason"})
        reasons = reasons.sort_values(["rows", "reason"], ascending=[False, True], kind="stable")
    else:
        reasons = pd.DataFrame({"reason": pd.Series(dtype="object"), "rows": pd.Series(dtype="int64")})
    tables["dropped_reasons"] = reasons.reset_index(drop=True)
    red = dict(read.redactions or {})
    tables["redactions"] = pd.DataFrame({"kind": list(red), "count": [int(v) for v in red.values()],
                                         "meaning": [_REDACTION_WORDS.get(k, k) for k in red]})
    tables["rules"] = _rules_table(cfg)
    rows_read = int(read.files["rows_read"].sum()) if "rows_read" in read.files else len(log)
    kpis.update({"rows_read": rows_read, "rows_kept": len(log), "rows_dropped": int(len(dropped)),
                 "redactions": {k: int(v) for k, v in red.items()}})
    notes["rules"] = ("What each topic's next step means: " + _CATEGORY_WORDS + " The table gives every setting "
                      "and threshold the rules use; the CSV files in tables/ give, for each topic, the exact rule "
                      "text (the reason column).")
    notes["privacy"] = (f"{_plural(rows_read, 'row')} were read from {_plural(len(read.files), 'file')}; "
                        f"{_plural(len(log), 'question')} were "
                        f"kept and {_plural(len(dropped), 'row')} not used (duplicates across exports, empty text, "
                        f"unreadable dates…). Personal details were masked before anything was analysed: "
                        f"{sum(v for k, v in red.items() if k != 'id_column'):,} in the text"
                        + (f", and {_plural(red['id_column'], 'identifier column')} (email, name, IP…) dropped"
                           if red.get("id_column") else "")
                        + ". Only masked text appears in this report and its tables.")

    kpis["summary"] = _summary_sentences(month, kpis, tables)
    library = cfg.workspace.name
    return ReportData(month=month, library=library, tables=tables, kpis=kpis, notes=notes, history=history,
                      topics=topics, faq=faq_table, config=cfg)


def _at_a_glance(mix: pd.DataFrame, period: pd.Period, *, has_prev: bool, has_year: bool) -> pd.DataFrame:
    by = mix.pivot_table(index="channel", columns="period", values="n_questions", aggfunc="sum", fill_value=0)

    def col(p: pd.Period) -> pd.Series:
        return by[str(p)] if str(p) in by.columns else pd.Series(0, index=by.index)

    now, prev, year = col(period), col(period - 1), col(period - 12)
    rows = [("All questions", int(now.sum()), int(prev.sum()), int(year.sum()))]
    for ch in now.sort_values(ascending=False, kind="stable").index:
        if now[ch] or prev[ch] or year[ch]:
            rows.append((f"by {ch}", int(now[ch]), int(prev[ch]), int(year[ch])))
    out = pd.DataFrame(rows, columns=["measure", "this_month", "previous_month", "a_year_earlier"])
    out["change_vs_previous_month"] = [(_fmt_pct(_ratio_change(a, b), signed=True) if has_prev and b else "–")
                                       for a, b in zip(out["this_month"], out["previous_month"])]
    out["change_vs_last_year"] = [(_fmt_pct(_ratio_change(a, b), signed=True) if has_year and b else "–")
                                  for a, b in zip(out["this_month"], out["a_year_earlier"])]
    if not has_prev:
        out["previous_month"] = pd.array([pd.NA] * len(out), dtype="Int64")
    if not has_year:
        out["a_year_earlier"] = pd.array([pd.NA] * len(out), dtype="Int64")
    return out[["measure", "this_month", "previous_month", "change_vs_previous_month", "a_year_earlier",
                "change_vs_last_year"]]


def _fit_topics(history: pd.DataFrame, *, cfg: Config, seed: int) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """Add ``topic_id``/``topic_label`` to the history; return it, the topics table and how topics were found.

    A topic model saved in ``[topics] model_dir`` is loaded and only *assigns* (so topic
    ids stay those staff know and curate, and a rerun gives the same result); without
    one, a model is fitted on the history up to the report month with ``seed``. The
    curation file ``[topics] curation_file`` is applied either way. The report never
    writes the model.
    """
    from asklens.topics import TopicModel

    curation = None
    if cfg.path and cfg.topics.curation_file:
        cur = cfg.resolve(cfg.topics.curation_file)
        curation = str(cur) if cur.is_file() else None
    saved = cfg.resolve(cfg.topics.model_dir) if cfg.path else None
    if saved is not None and (saved / "model.joblib").is_file():
        model = TopicModel.load(saved)
        if curation is not None:
            model.curation = curation
        ids = np.asarray(model.assign(history), dtype=int)
        how = f"saved topic model in {cfg.topics.model_dir}"
    else:
        model = TopicModel.from_config(cfg).set_params(random_state=seed, curation=curation)
        model.fit(history)
        ids = np.asarray(model.labels_, dtype=int)
        how = f"topics found in the {len(history):,} questions up to this month (seed {seed})"
    topics = model.topics_.copy()
    if "status" in topics:
        ignored = set(topics.loc[topics["status"].astype(str) == "ignored", "topic_id"].astype(int))
        if ignored:
            ids = np.where(np.isin(ids, list(ignored)), -1, ids)
            topics = topics[~topics["topic_id"].astype(int).isin(ignored)]
    labels = dict(zip(topics["topic_id"].astype(int), topics["label"].astype(str)))
    out = history.assign(topic_id=ids, topic_label=[labels.get(int(t), "Miscellaneous") for t in ids])
    return out, topics.reset_index(drop=True), how


def _topics_table(history: pd.DataFrame, topics: pd.DataFrame, in_month: Any) -> pd.DataFrame:
    now = history[in_month].groupby("topic_id").size()
    total = history.groupby("topic_id").size()
    t = topics.copy()
    t["topic_id"] = t["topic_id"].astype(int)
    out = pd.DataFrame({
        "topic_id": t["topic_id"],
        "topic_label": t["label"].astype(str),
        "n_questions": t["topic_id"].map(now).fillna(0).astype(int),
        "n_history": t["topic_id"].map(total).fillna(0).astype(int),
        "keywords": t["keywords"] if "keywords" in t else [[] for _ in range(len(t))],
        "examples": t["examples"] if "examples" in t else [[] for _ in range(len(t))],
    })
    out = out.sort_values(["n_questions", "topic_id"], ascending=[False, True], kind="stable")
    if -1 in total.index:  # the questions no topic fits: listed last, so the rows add up to the month's total
        misc = pd.DataFrame({"topic_id": [-1], "topic_label": ["Miscellaneous"], "n_questions": [int(now.get(-1, 0))],
                             "n_history": [int(total[-1])], "keywords": [[]], "examples": [[]]})
        out = pd.concat([out, misc], ignore_index=True)
    return out.reset_index(drop=True)


def _questions_table(this: pd.DataFrame) -> pd.DataFrame:
    cols = [c for c in ("question_id", "asked_at", "channel", "text", "topic_id", "topic_label", "best_faq_id",
                        "faq_similarity", "covered", "effort", "duration_min", "n_messages") if c in this.columns]
    return this.loc[:, cols].sort_values(["asked_at", "question_id"], kind="stable").reset_index(drop=True)


def _analyses(history: pd.DataFrame, topics: pd.DataFrame, faq: pd.DataFrame | None, *, in_month: Any,
              month: str, cfg: Config, seed: int, tables: dict[str, pd.DataFrame], notes: dict[str, str],
              kpis: dict[str, Any]) -> None:
    """Run the automation, knowledge-gap and custom-work analyses and collect their tables."""
    from asklens import gaps, trends

    period = pd.Period(month, freq="M")
    w = max(1, int(cfg.rubric.window_months))
    months = _local_months(history["asked_at"], cfg.workspace.timezone)
    window = history[(months > period - w).to_numpy()].reset_index(drop=True)
    seen = int(kpis.get("window_months") or w)  # the months the window really holds (fewer in a log's first)

    # one vectorizer, fitted once on the questions and the FAQ together (as asklens.gaps does),
    # and one set of vectors shared by matching, coverage, cohesion and automation
    from asklens.vectorize import make_vectorizer

    backend = cfg.topics.backend if cfg.topics.backend in {"tfidf", "semantic"} else "tfidf"
    vec: Any = make_vectorizer(backend, model=cfg.topics.model or None, random_state=seed)
    qtexts = gaps._texts(history)
    has_faq = faq is not None and len(faq) > 0
    ftexts = gaps._faq_texts(faq) if has_faq else []
    X = np.asarray(vec.fit_transform(qtexts + ftexts), dtype=np.float32)
    Q, F = X[: len(qtexts)], (X[len(qtexts):] if has_faq else None)
    in_window = (months > period - w).to_numpy()

    # ---- 3. knowledge gaps
    if has_faq:
        matches = gaps.match_faq(history, faq, vectors=Q, faq_vectors=F, config=cfg, random_state=seed)
        coverage = gaps.faq_coverage(history, faq, matches=matches, vectors=Q, faq_vectors=F, topics=topics,
                                     period=month, config=cfg, random_state=seed)
        # "answered by an FAQ" per question, by the same rule as topic coverage (not match_faq's raw evidence)
        answered = gaps.question_coverage(history, faq, matches=matches, vectors=Q, faq_vectors=F, period=month,
                                          config=cfg, random_state=seed).set_index("question_id")["covered"]
        decided = gaps.knowledge_gaps(history, faq, matches=matches, coverage=coverage, topics=topics,
                                      period=month, vectors=Q, faq_vectors=F, config=cfg, random_state=seed)
        faq_question = dict(zip(faq["faq_id"].astype(str), faq["question"].astype(str)))
        decided = decided.assign(faq_question=decided["faq_id"].map(
            lambda f: faq_question.get(str(f), "") if isinstance(f, str) else ""))
        this_matches = matches[in_month].reset_index(drop=True)
        q = tables["questions"]
        by_id = this_matches.set_index("question_id")
        q = q.assign(best_faq_id=q["question_id"].map(by_id["faq_id"]),
                     faq_similarity=q["question_id"].map(by_id["similarity"]).astype(float).round(3),
                     covered=q["question_id"].map(answered).astype("boolean"))
        tables["questions"] = q
        tables["faq_matches_by_topic"] = coverage
        tables["coverage"] = coverage[coverage["topic_id"].astype(int) != -1].reset_index(drop=True)
        tables["stale_faqs"] = decided[decided["action"] == "review a stale FAQ"].reset_index(drop=True)
        tables["faq_gaps"] = _with_closest_faq(decided[decided["action"] == "write an FAQ"], coverage, faq,
                                               topics=topics, stale=tables["stale_faqs"]["faq_id"],
                                               min_share=float(cfg.rubric.min_coverage))
        tables["findability"] = decided[decided["action"] == "make the FAQ easier to find"].reset_index(drop=True)
        this_answered = this_matches["question_id"].map(answered).fillna(False).astype(bool)
        kpis["faq_coverage"] = float(this_answered.mean()) if len(this_matches) else None
        kpis["faqs_to_write"] = len(tables["faq_gaps"])
        n_gap = len(tables["faq_gaps"])
        n_check = int(tables["faq_gaps"]["check_faq_first"].sum()) if n_gap else 0
        kpis["faqs_to_write_check_first"] = n_check
        notes["faq_gaps"] = (f"{_plural(n_gap, 'topic')} asked again and again over the last "
                             f"{_plural(seen, 'month')} {'has' if n_gap == 1 else 'have'} no FAQ that answers "
                             f"{'it' if n_gap == 1 else 'them'} (the “FAQs to write” figure at the top)."
                             + (f" For {n_check} of them an existing FAQ is already the best "
                                f"answer to {cfg.rubric.min_coverage:.0%} or more of the questions (enough to "
                                "count as covered), but the rule does not credit it, because that FAQ is closer "
                                "to another topic or answers too little on its own: check that FAQ first (the "
                                "second table); it may only need a line about these questions."
                                if n_check else "")
                             + " Recurring topics without an FAQ that take staff effort are in section 4 instead.")
        kpis["faqs_not_found"] = len(tables["findability"])
        kpis["stale_faqs"] = len(tables["stale_faqs"])
        notes["gaps"] = (f"A question counts as answered by an FAQ when its best match passes the calibrated "
                         f"threshold ({float(matches['threshold'].iloc[0]):.2f} lift). Gaps look at the last {w} "
                         f"months: a topic with at least {cfg.rubric.min_volume} questions, asked in at least "
                         f"{cfg.rubric.min_recurrence:.0%} of the months and under {cfg.rubric.min_coverage:.0%} "
                         f"covered needs an FAQ; a covered topic still asked {cfg.rubric.findability_per_month:g}+ "
                         f"times a month has an FAQ people don't find; an FAQ no question matched in "
                         f"{cfg.rubric.stale_months} months (and read less than most) is stale.")
    else:
        kpis.update({"faq_coverage": None, "faqs_to_write": None, "faqs_not_found": None, "stale_faqs": None})
        notes["gaps"] = "No FAQ base was given (--faq), so this section is empty."

    # ---- 3b. books, journals and databases asked for by name (collection demand, not FAQs to write)
    from asklens.describe import asked_for_titles

    titles = asked_for_titles(window["text"].astype("string").fillna("").tolist(),
                              window["topic_id"].astype(int).to_numpy())
    titles = trends._with_labels(titles[titles["n_questions"] >= cfg.rubric.min_volume].reset_index(drop=True),
                                 trends._labels(window, topics))
    write = set(tables["faq_gaps"]["topic_id"].astype(int)) if "faq_gaps" in tables else set()
    titles["also_in_faqs_to_write"] = np.where(titles["topic_id"].astype(int).isin(write), "yes", "no")
    tables["asked_titles"] = titles
    kpis["titles_asked_for"] = len(titles)
    n_also = int((titles["also_in_faqs_to_write"] == "yes").sum())
    notes["asked_titles"] = (
        f"No topic of the last {_plural(seen, 'month')} is mostly requests for one book, journal or database by "
        "name." if not len(titles) else
        f"{_plural(len(titles), 'topic')} of the last {_plural(seen, 'month')} {'is' if len(titles) == 1 else 'are'} "
        "mostly requests for one book, journal or database by name (at least half of the topic's questions name "
        f"it, {cfg.rubric.min_volume}+ questions). The catalogue or the A–Z list answers these, or more copies, an "
        "e-book or a subscription would: they are collection demand."
        + (f" {_plural(n_also, 'of them', 'of them')} {'is' if n_also == 1 else 'are'} also among the FAQs to write "
           "above, because no FAQ entry answers a request for one title; a general entry on finding a title "
           "covers them better than one entry per title." if n_also else ""))

    # ---- 4. where people are needed
    effort = gaps.custom_work(window, topics=topics, vectors=Q[in_window], config=cfg, random_state=seed)
    tables["effort_by_topic"] = effort
    tables["custom_work"] = effort[effort["needs_people"].astype(bool)].reset_index(drop=True)
    kpis["topics_needing_people"] = int(effort["needs_people"].astype(bool).sum())
    notes["custom_work"] = (f"Over the last {_plural(seen, 'month')}, a topic needs people when the share of its READ-coded "
                            f"questions at READ 3 or more reaches {cfg.rubric.high_effort_share:.0%}, its median "
                            f"handling time reaches {cfg.rubric.long_duration_min:g} minutes, its chats run to "
                            f"{cfg.rubric.many_messages:g}+ messages, or its questions are too varied for one "
                            f"answer; each signal needs at least {_plural(cfg.rubric.min_signal_n, 'question')} "
                            "carrying it (exact thresholds in section 6).")

    # ---- 2. what to automate next, and the rubric that sorts every topic
    _automation(history, topics, faq, vectors=Q, faq_vectors=F, in_month=in_month, month=month, cfg=cfg, seed=seed,
                tables=tables, notes=notes, kpis=kpis)
    for name in ("faq_gaps", "findability", "stale_faqs", "coverage"):
        tables.setdefault(name, pd.DataFrame({c: pd.Series(dtype="object") for c in
                                              ("topic_id", "topic_label", "n_questions", "coverage", "reason")}))


def _with_closest_faq(gap_rows: pd.DataFrame, coverage: pd.DataFrame, faq: pd.DataFrame, *, topics: pd.DataFrame,
                      stale: Iterable[Any], min_share: float) -> pd.DataFrame:
    """Add to the "write an FAQ" rows the FAQ entry closest to each topic and a typical question.

    The new columns, from the one FAQ relation (:func:`asklens.gaps.faq_coverage`):
    ``closest_faq_id`` / ``closest_faq_question`` (its ``best_faq_id``), ``closest_faq_share``
    (its ``best_faq_share``: the share of the topic's questions whose best match, above the
    calibrated threshold, is that entry), ``closest_faq_stale`` and ``check_faq_first``: the
    entry is not stale and is already the best answer to at least ``min_share`` (``[rubric]
    min_coverage``, the share that counts a topic as covered) of its questions, so a manager
    should look at that FAQ before writing a new one. ``typical_question`` is the topic's
    first example. The decision (the row being a gap) is unchanged.
    """
    out = gap_rows.reset_index(drop=True).copy()
    by_topic = coverage.assign(topic_id=coverage["topic_id"].astype(int)).set_index("topic_id")
    tid = out["topic_id"].astype(int)
    titles = dict(zip(faq["faq_id"].astype(str), faq["question"].astype(str)))
    stale_ids = {str(f) for f in stale}
    closest = tid.map(by_topic["best_faq_id"]) if "best_faq_id" in by_topic else pd.Series(pd.NA, index=out.index)
    closest = closest.map(lambda f: str(f) if isinstance(f, str) or pd.notna(f) else pd.NA).astype("string")
    share = tid.map(by_topic["best_faq_share"]).astype(float).fillna(0.0) if "best_faq_share" in by_topic \
        else pd.Series(0.0, index=out.index)
    out["closest_faq_id"] = closest
    out["closest_faq_question"] = closest.map(lambda f: titles.get(str(f), "") if pd.notna(f) else "")
    out["closest_faq_share"] = share.to_numpy()
    out["closest_faq_stale"] = closest.map(lambda f: pd.notna(f) and str(f) in stale_ids).astype(bool).to_numpy()
    out["check_faq_first"] = (closest.notna().to_numpy() & ~out["closest_faq_stale"].to_numpy()
                              & (out["closest_faq_share"].to_numpy() >= min_share))
    examples = dict(zip(topics["topic_id"].astype(int), topics["examples"])) if "examples" in topics else {}
    out["typical_question"] = [_first_example(examples.get(int(t))) for t in tid]
    return out


def _first_example(examples: Any) -> str:
    """Return a topic's first example question ("" when it has none)."""
    if isinstance(examples, np.ndarray):
        examples = examples.tolist()
    if isinstance(examples, (list, tuple)) and examples:
        return str(examples[0])
    return ""


def _automation(history: pd.DataFrame, topics: pd.DataFrame, faq: pd.DataFrame | None, *,
                vectors: np.ndarray, faq_vectors: np.ndarray | None, in_month: Any, month: str, cfg: Config, seed: int,
                tables: dict[str, pd.DataFrame], notes: dict[str, str], kpis: dict[str, Any]) -> None:
    """Automation candidates, hours saved, recurring questions and the rubric (asklens.automation)."""
    from asklens import automation, describe
    cand = automation.automation_candidates(history, topics=topics, period=month, vectors=vectors, config=cfg,
                                            random_state=seed)
    rubric = automation.classify_topics(history, faq, topics=topics, period=month, vectors=vectors,
                                        faq_vectors=faq_vectors, config=cfg, random_state=seed)
    # one set behind "looks automatable" and the hours saved: routine topics to automate or to answer
    # with a new FAQ (a gap that is not routine is neither)
    auto_ids = sorted(set(rubric.loc[rubric["category"].isin(["automate", "write FAQ"])
                                     & rubric["standardised"].astype(bool), "topic_id"].astype(int))) \
        if len(rubric) else []
    est = automation.estimate_time_saved(history, candidates=cand, topics=topics, period=month, config=cfg,
                                         topic_ids=auto_ids, random_state=seed)
    est.assumptions.loc[est.assumptions["assumption"] == "topics automated", "source"] = \
        "the routine topics the rubric sends to 'automate' or 'write FAQ'"
    topic_rows = cand[cand["level"] == "topic"]
    hours = est.by_topic.set_index("topic_id")
    category = rubric.set_index("topic_id")["category"] if len(rubric) else pd.Series(dtype="object")
    ranked = topic_rows[topic_rows["standardised"].astype(bool)].copy()
    ranked["hours_saved"] = ranked["topic_id"].map(hours["hours_per_month"]).astype(float)
    ranked["minutes_per_question"] = ranked["topic_id"].map(hours["minutes_per_question"]).astype(float)
    ranked["category"] = ranked["topic_id"].map(category)
    ranked["automatable"] = ranked["topic_id"].astype(int).isin(auto_ids)
    ranked["faq_coverage"] = ranked["topic_id"].map(rubric.set_index("topic_id")["coverage"]) \
        if len(rubric) else np.nan
    # the FAQ section 3 says to check before writing a new one (the same words in both sections)
    gaps_table = tables.get("faq_gaps")
    check = {} if gaps_table is None or "check_faq_first" not in gaps_table else dict(zip(
        gaps_table.loc[gaps_table["check_faq_first"].astype(bool), "topic_id"].astype(int),
        gaps_table.loc[gaps_table["check_faq_first"].astype(bool), "closest_faq_question"]))
    ranked["faq_to_check"] = ranked["topic_id"].astype(int).map(check).astype("object")
    tables["automation"] = ranked.reset_index(drop=True)
    tables["automation_all_topics"] = topic_rows.reset_index(drop=True)
    tables["time_saved"] = est.by_topic
    tables["time_saved_assumptions"] = est.assumptions
    tables["rubric"] = rubric

    # recurring questions of the month (near-identical questions, inside each topic)
    this = history[in_month]
    this_vectors = vectors[np.asarray(in_month)]
    groups = describe.recurring_questions(this["text"].astype("string").fillna("").tolist(),
                                          this["topic_id"].astype(int).to_numpy(),
                                          question_ids=this["question_id"].astype(str).tolist(),
                                          vectors=this_vectors, min_count=2)
    labels = dict(zip(topics["topic_id"].astype(int), topics["label"].astype(str)))
    groups.insert(1, "topic_label", [labels.get(int(t), "Miscellaneous") for t in groups["topic_id"]])
    tables["recurring_questions"] = groups

    # headline figures
    month_topics = this["topic_id"].astype(int)
    kpis["automatable_share"] = float(month_topics.isin(auto_ids).mean()) if len(month_topics) else None
    kpis["hours_at_stake"] = float(est.hours_per_month)
    kpis["rubric_counts"] = {str(k): int(v) for k, v in rubric["category"].value_counts().sort_index().items()} \
        if len(rubric) else {}
    if cfg.costs.hourly_cost > 0:
        kpis["cost_at_stake"] = float(est.hours_per_month * cfg.costs.hourly_cost)
    lines = [f"Estimated staff time saved if the routine topics (asked again and again, questions alike, one "
             f"answer) were automated: {_fmt_hours(est.hours_per_month)} hours a month, averaged over "
             f"{_span_words(int(kpis.get('window_months') or cfg.rubric.window_months), cfg)}. The table and the "
             "chart below list the same topics, "
             "most hours saved first. Assumptions:"]
    lines += [f"• {a}: {v}" + (f" ({_plain_source(src)})" if _plain_source(src) else "")
              for a, v, src in est.assumptions.itertuples(index=False)]
    lines.append("Next step: " + _CATEGORY_WORDS)
    notes["automation"] = "\n".join(lines)


def _span_words(months: int, cfg: Config) -> str:
    """Say the months a figure averages over, and when the log is younger than the rules' window."""
    words = f"the last {_plural(months, 'month')}" if months != 1 else "this month alone"
    if months < cfg.rubric.window_months:
        words += (f" (the log starts {_plural(months - 1, 'month')} before this one; the rules look back "
                  f"{cfg.rubric.window_months} months once there are that many)") if months > 1 else             f" (the log starts this month; the rules look back {cfg.rubric.window_months} months once there are that many)"
    return words


def _summary_sentences(month: str, kpis: Mapping[str, Any], tables: Mapping[str, pd.DataFrame]) -> list[str]:
    words = _month_words(month)
    out = []
    n = kpis.get("questions") or 0
    s = f"{n:,} questions were asked in {words}"
    comps = []
    if kpis.get("change_vs_previous_month") is not None:
        comps.append(f"{_updown(kpis['change_vs_previous_month'])} on the month before "
                     f"({_fmt_int(kpis.get('questions_previous_month'))})")
    if kpis.get("change_vs_last_year") is not None:
        comps.append(f"{_updown(kpis['change_vs_last_year'])} on a year earlier "
                     f"({_fmt_int(kpis.get('questions_a_year_earlier'))})")
    out.append(s + (": " + " and ".join(comps) if comps else "") + ".")
    ch = kpis.get("channels") or {}
    if ch and n:
        top = sorted(ch.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        out.append("Most came by " + ", ".join(f"{c} ({v / n:.0%})" for c, v in top) + ".")
    if kpis.get("automatable_share") is not None:
        out.append(f"{_fmt_pct(kpis['automatable_share'])} of them fall in topics that look automatable; "
                   f"automating those would save an estimated {_fmt_hours(kpis.get('hours_at_stake'))} staff hours "
                   "a month (assumptions in section 2).")
    if kpis.get("faqs_to_write") is not None:
        n_write, n_found, n_stale = (kpis.get(k) or 0 for k in ("faqs_to_write", "faqs_not_found", "stale_faqs"))
        n_check = kpis.get("faqs_to_write_check_first") or 0
        check = ("" if not n_check else
                 "; an existing FAQ already answers part of its questions: check it first" if n_write == 1 else
                 f"; for {n_check} of them an existing FAQ already answers part of the questions: check it first")
        w = kpis.get("window_months")
        over = f" over the last {_plural(w, 'month')}" if w and int(w) > 1 else ""
        out.append(f"{_plural(n_write, 'recurring topic')}{over} {'has' if n_write == 1 else 'have'} no FAQ that "
                   f"answers {'it' if n_write == 1 else 'them'} (section 3 lists {'it' if n_write == 1 else 'them all'}"
                   f"{check}); "
                   + (f"{_plural(n_found, 'FAQ')} {'answers' if n_found == 1 else 'answer'} questions people still "
                      "ask often (hard to find?); " if n_found else "no FAQ looks hard to find; ")
                   + (f"{_plural(n_stale, 'FAQ')} {'looks' if n_stale == 1 else 'look'} out of date or unread "
                      "(check, update or retire them)." if n_stale else "no FAQ looks out of date."))
    if kpis.get("topics_needing_people") is not None:
        n_people = kpis["topics_needing_people"]
        w = kpis.get("window_months")
        over = f" over the last {_plural(w, 'month')}" if w and int(w) > 1 else ""
        out.append(f"{_plural(n_people, 'topic')} {'needs' if n_people == 1 else 'need'} people{over}: high effort, "
                   "long or varied conversations (section 4).")
    news = []
    rising = tables.get("rising")
    for key, word in (("topics_new", "new"), ("topics_rising", "rising"), ("topics_fading", "fading")):
        if kpis.get(key):
            named = ""  # each count names its own topics (at most two), so no name reads as another group's
            if rising is not None and len(rising):
                first = rising.loc[rising["status"] == word, "topic_label"].head(2).tolist()
                if first:
                    more = ", …" if kpis[key] > len(first) else ""
                    named = " (" + ", ".join(f"“{x}”" for x in first) + more + ")"
            news.append(f"{kpis[key]} {word}{named}")
    if news:
        out.append("Topics changing: " + "; ".join(news) + ".")
    else:
        out.append("No topic's share of questions rose or fell beyond normal ups and downs.")
    flags = tables.get("seasonal_flags")
    if flags is not None and len(flags):
        out.append(f"{_plural(len(flags), 'week')} of this term differed from the same "
                   f"{'week' if len(flags) == 1 else 'weeks'} last year (all questions together; section 5).")
    return out


def _updown(change: float) -> str:
    if change is None:
        return "–"
    if abs(change) < 0.005:
        return "level"
    return f"{'up' if change > 0 else 'down'} {abs(change):.0%}"
