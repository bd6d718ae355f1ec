"""Load any tabular file (CSV, TSV, Excel, JSON, JSON Lines) into a frame of strings.

This is the only place that touches the disk for question logs. Every problem a
user can cause (missing, empty, binary or truncated file, wrong delimiter, several
Excel sheets) becomes one :class:`~asklens.errors.InputError` line.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import os
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from asklens.errors import InputError
from asklens.text import decode_bytes

__all__ = ["RawTable", "load_table", "SUPPORTED_SUFFIXES"]

#: file endings read from a folder (``.xls`` too: a text export under that name is read, and a real old
#: workbook is an error rather than a year of questions silently left out)
SUPPORTED_SUFFIXES = {".csv", ".tsv", ".tab", ".txt", ".xlsx", ".xlsm", ".xls", ".json", ".jsonl", ".ndjson"}
_DELIMITERS = [",", ";", "\t", "|"]
_DELIM_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_JSON_LIST_KEYS = ("data", "results", "items", "records", "rows", "faqs", "faq", "questions", "transactions",
                   "chats", "tickets")


@dataclass
class RawTable:
    """A file read as a table of strings (JSON cells may hold lists).

    ``row_offset`` turns a 0-based data position into the 1-based row a user sees
    (2 for files with a header row, 1 for JSON records).
    """

    frame: pd.DataFrame
    path: Path
    kind: str
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    row_offset: int = 2
    notes: list[str] = field(default_factory=list)
    incomplete_last_row: bool = False
    row_numbers: np.ndarray | None = None  # explicit row numbers when rows were skipped (blank Excel rows)

    def row_of(self, position: int) -> int:
        """Return the user-facing row number of a 0-based data position."""
        if self.row_numbers is not None:
            return int(self.row_numbers[int(position)])
        return int(position) + self.row_offset

    def rows_of(self, positions) -> np.ndarray:
        """Return the user-facing row numbers of 0-based data positions, vectorised."""
        pos = np.asarray(positions, dtype="int64")
        if self.row_numbers is not None:
            return self.row_numbers[pos]
        return pos + self.row_offset


def _check_file(path: Path) -> bytes:
    if not path.exists():
        raise InputError("file not found", path=path, fix="check the path and the file name")
    if path.is_dir():
        raise InputError("is a folder, not a file", path=path, fix="pass the files inside it")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})", path=path,
                         fix="check the file permissions") from None
    if not data.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n"):
        raise InputError("the file is empty", path=path, fix="export the data again, with at least a header and one row")
    return data


def load_table(path: str | Path, *, encoding: str = "", delimiter: str = "", sheet: str = "") -> RawTable:
    """Read a question-log file into a :class:`RawTable` of strings.

    Parameters
    ----------
    path : str or Path
        A ``.csv``/``.tsv``/``.txt``, ``.xlsx``, ``.json`` or ``.jsonl`` file; the
        content decides (an Excel file named ``.csv`` is read as Excel).
    encoding : str, optional
        Force a text encoding; by default it is detected.
    delimiter : str, optional
        Force the field delimiter; by default it is sniffed from the header.
    sheet : str, optional
        The Excel sheet to read when the workbook has several.

    Returns
    -------
    RawTable

    Raises
    ------
    InputError
        For a missing, empty, binary or truncated file, a wrong delimiter, or an
        Excel workbook with several sheets and none chosen.
    """
    path = Path(path)
    data = _check_file(path)
    suffix = path.suffix.lower()
    if data[:4] == b"PK\x03\x04":
        return _read_excel(path, data, sheet=sheet)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise _old_xls(path)
    # the content decides: an "Excel" export that is really text (web apps often save CSV or
    # tab-separated text under an .xls name) is read as text; a damaged workbook is named as such
    head = data[:8192]
    binary = b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not binary:
        text, used = decode_bytes(data, encoding=encoding or None)
        binary = _looks_binary(text)
    if binary:
        if suffix in _WORKBOOK_SUFFIXES:
            if suffix == ".xls":
                raise _old_xls(path)
            return _read_excel(path, data, sheet=sheet)  # raises: damaged or truncated
        raise InputError("this is a binary file, not a CSV, Excel or JSON export", path=path,
                         fix="export the log as CSV, XLSX or JSON")
    stripped = text.lstrip()
    if suffix in _WORKBOOK_SUFFIXES:
        if re.match(r"(?is)<(!doctype\s+html|html|table|\?xml)", stripped[:200]):
            raise InputError(f"this {suffix} file is a web page (an HTML or XML table), not an Excel workbook",
                             path=path, fix="open it in Excel or LibreOffice and save it as .xlsx or CSV")
        table = _read_delimited(path, data, text, used, delimiter=delimiter)
        table.notes.append(f"a text file named {suffix}: read as "
                           f"{_DELIM_NAMES.get(table.delimiter or '', 'delimited')}-separated text")
        return table
    if suffix in {".json", ".jsonl", ".ndjson"} or stripped[:1] in ("[", "{"):
        if suffix in {".jsonl", ".ndjson"} or (stripped[:1] == "{" and _is_json_lines(stripped)):
            return _read_json_lines(path, text, used)
        return _read_json(path, text, used)
    return _read_delimited(path, data, text, used, delimiter=delimiter)


_WORKBOOK_SUFFIXES = {".xlsx", ".xlsm", ".xls"}


def _old_xls(path: Path) -> InputError:
    return InputError("old Excel .xls files are not supported", path=path,
                      fix="open it in Excel or LibreOffice and save it as .xlsx or CSV")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\r\n\f\v") or ch == "\ufffd")
    return bad / len(sample) > 0.05


# --- delimited text -----------------------------------------------------------


def _header_line(text: str) -> str:
    """Return the first record's text (quotes may span lines)."""
    out = []
    in_quote = False
    for ch in text[:65536]:
        if ch == '"':
            in_quote = not in_quote
        elif ch in "\r\n" and not in_quote:
            if out:
                break
            continue
        out.append(ch)
    return "".join(out)


def _count_outside_quotes(line: str, delim: str) -> int:
    n = 0
    in_quote = False
    for ch in line:
        if ch == '"':
            in_quote = not in_quote
        elif ch == delim and not in_quote:
            n += 1
    return n


def sniff_delimiter(text: str, *, suffix: str = "") -> str:
    """Guess the field delimiter from the header line (comma when in doubt)."""
    header = _header_line(text)
    counts = {d: _count_outside_quotes(header, d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: (counts[d], d == "\t" and suffix in {".tsv", ".tab"}))
    if counts[best] == 0:
        return "\t" if suffix in {".tsv", ".tab"} else ","
    return best


def _read_delimited(path: Path, data: bytes, text: str, encoding: str, *, delimiter: str) -> RawTable:
    suffix = path.suffix.lower()
    delim = delimiter or sniff_delimiter(text, suffix=suffix)
    if delim in ("\\t", "tab"):
        delim = "\t"
    if len(delim) != 1:
        raise InputError(f"the delimiter must be one character, got {delim!r}", path=path,
                         fix="set [input] delimiter to ',', ';', '\\t' or '|'")
    if text.count('"') % 2 == 1:
        row = _unterminated_quote_row(text, delim)
        raise InputError("the file ends inside a quoted field: it is truncated or has an unbalanced quote",
                         path=path, row=row,
                         fix="export the file again, or close the quote that starts on this row")
    header = _header_line(text)
    if _count_outside_quotes(header, delim) == 0:
        name = header
        others = [d for d in _DELIMITERS if d != delim and _count_outside_quotes(header, d)]
        if others:
            raise InputError(
                f"wrong delimiter: read with {_DELIM_NAMES.get(delim, repr(delim))} but the header "
                f"{name[:60]!r} is separated by {_DELIM_NAMES[others[0]]}s",
                path=path, row=1,
                fix=f"set [input] delimiter = {others[0]!r} (or remove the forced delimiter)",
            )
    frame = _parse_fast(data, text, encoding, delim)
    if frame is None:
        frame = _parse_slow(path, text, delim)
    frame.columns = _clean_header(frame.columns)
    table = RawTable(frame=frame, path=path, kind="tsv" if delim == "\t" else "csv", encoding=encoding,
                     delimiter=delim)
    last_short = _last_row_short(text, delim, frame.shape[1])
    table.incomplete_last_row = last_short
    return table


def _clean_header(columns: pd.Index) -> list[str]:
    names: list[str] = []
    seen: dict[str, int] = {}
    for i, c in enumerate(columns):
        name = str(c).replace("\ufeff", "").strip()
        if not name or name.startswith("Unnamed: "):
            name = f"column_{i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        else:
            seen[name] = 0
        names.append(name)
    return names


def _parse_fast(data: bytes, text: str, encoding: str, delim: str) -> pd.DataFrame | None:
    """Parse with pyarrow (multi-threaded); ``None`` when the file is irregular."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    try:
        header = next(csv.reader(io.StringIO(_header_line(text)), delimiter=delim))
    except (csv.Error, StopIteration):
        return None
    names = [h.replace("\ufeff", "") for h in header]
    if len(set(names)) != len(names) or any(not n.strip() for n in names):
        return None
    if encoding == "utf-8":
        raw = data
    elif encoding == "utf-8-sig" and data.startswith(b"\xef\xbb\xbf"):
        raw = data[3:]
    else:
        raw = text.encode("utf-8", "surrogatepass")
    try:
        table = pacsv.read_csv(
            io.BytesIO(raw),
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, block_size=1 << 24),
            parse_options=pacsv.ParseOptions(delimiter=delim, newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names}, strings_can_be_null=True,
                null_values=[""], quoted_strings_can_be_null=True,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowException, ValueError, OSError):
        return None
    return table.to_pandas()


def _parse_slow(path: Path, text: str, delim: str) -> pd.DataFrame:
    """Parse irregular files (short rows are padded), refusing rows longer than the header."""
    import warnings

    row, got, want, singles = _find_ragged_row(text, delim)
    if row is None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                frame = pd.read_csv(io.StringIO(text), sep=delim, dtype=str, keep_default_na=False,
                                    na_values=[""], engine="c", skip_blank_lines=True, index_col=False)
        except pd.errors.EmptyDataError:
            raise InputError("the file has no header row", path=path,
                             fix="export the data again with a header row") from None
        except (pd.errors.ParserError, ValueError, csv.Error, OverflowError):
            raise InputError("the file cannot be parsed as delimited text", path=path,
                             fix="export it again as CSV (comma-separated, UTF-8)") from None
        if singles and frame.shape[1] > 1:
            other = next((d for d in _DELIMITERS if d != delim and d in singles), None)
            if other is not None:
                raise InputError(
                    f"wrong delimiter: the header is separated by {_DELIM_NAMES.get(delim, repr(delim))}s but "
                    f"the rows by {_DELIM_NAMES[other]}s", path=path, row=2,
                    fix="export the file again with one delimiter, or set [input] delimiter",
                )
        return frame.reset_index(drop=True)
    raise InputError(
        f"this row has {got} fields but the header has {want}: wrong delimiter, or a field holding a "
        f"{_DELIM_NAMES.get(delim, repr(delim))} that is not quoted",
        path=path, row=row,
        fix="quote fields that contain the delimiter, or set [input] delimiter to the one the file uses",
    )


def _find_ragged_row(text: str, delim: str) -> tuple[int | None, int, int, str]:
    """Return the first record longer than the header (row, fields, header fields), and a sample of
    the single-field records when most records have one field but the header several."""
    reader = csv.reader(io.StringIO(text.replace("\x00", " ")), delimiter=delim)
    singles: list[str] = []
    n = 0
    try:
        header = next(reader)
        for i, rec in enumerate(reader, start=2):
            if not rec:
                continue
            n += 1
            if len(rec) > len(header):
                return i, len(rec), len(header), ""
            if len(rec) == 1 and len(header) > 1:
                singles.append(rec[0])
    except (csv.Error, StopIteration):
        pass
    sample = "".join(singles[:50]) if singles and len(singles) > n / 2 else ""
    return None, 0, 0, sample


def _unterminated_quote_row(text: str, delim: str) -> int | None:
    row = 1
    in_quote = False
    start = None
    prev = ""
    for ch in text:
        if ch == '"':
            in_quote = not in_quote
            if in_quote:
                start = row
        elif ch == "\n" or (ch == "\r"):
            if not (ch == "\n" and prev == "\r"):
                if not in_quote:
                    row += 1
        prev = ch
    return start


def _last_row_short(text: str, delim: str, n_columns: int) -> bool:
    """True when the file does not end with a newline and its last record is short."""
    if n_columns < 2 or text.endswith(("\n", "\r")):
        return False
    tail = text[-65536:]
    cut = max(tail.rfind("\n"), tail.rfind("\r"))
    last = tail[cut + 1:]
    if '"' in last:
        return False
    return _count_outside_quotes(last, delim) + 1 < n_columns


# --- Excel --------------------------------------------------------------------


def _read_excel(path: Path, data: bytes, *, sheet: str) -> RawTable:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, EOFError, OSError, ValueError, TypeError) as exc:
        raise InputError(f"the Excel file is damaged or truncated ({type(exc).__name__})", path=path,
                         fix="export it again, or save it as CSV") from None
    except Exception as exc:  # openpyxl raises assorted errors on corrupt workbooks
        raise InputError(f"the Excel file cannot be opened ({type(exc).__name__})", path=path,
                         fix="export it again, or save it as CSV") from None
    try:
        names = list(book.sheetnames)
        if sheet:
            if sheet not in names:
                raise InputError(f"there is no sheet {sheet!r} (sheets: {', '.join(names)})", path=path,
                                 fix="set [input] sheet to one of the sheet names")
            chosen = sheet
        else:
            used = [n for n in names if _sheet_has_data(book[n])]
            if len(used) > 1:
                raise InputError(
                    f"the workbook has {len(used)} sheets with data ({', '.join(repr(n) for n in used[:6])}) "
                    "and asklens does not know which one holds the log",
                    path=path, fix=f"set [input] sheet = {used[0]!r} in asklens.toml (asklens inspect also takes "
                        f"--sheet), or keep one sheet",
                )
            chosen = used[0] if used else names[0]
        rows = list(book[chosen].iter_rows(values_only=True))
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"the Excel file is damaged or truncated ({type(exc).__name__})", path=path,
                         fix="export it again, or save it as CSV") from None
    finally:
        book.close()
    # the header is the first row (of the first ten) that is about as full as the fullest one:
    # this skips empty rows and report titles above the table
    filled = [sum(not _blank(v) for v in r) for r in rows[:10]]
    if not filled or max(filled) == 0:
        raise InputError("the Excel sheet is empty", path=path, fix="export the data again with a header and rows")
    top = next(i for i, n in enumerate(filled) if n >= 0.8 * max(filled))
    header = _clean_header(pd.Index([("" if _blank(v) else str(v)) for v in rows[top]]))
    width = len(header)
    body, positions = [], []
    for i, r in enumerate(rows[top + 1:]):
        cells = tuple(_cell(v) for v in r[:width]) + (None,) * (width - len(r))
        if any(v is not None for v in cells):
            body.append(cells)
            positions.append(i)
    frame = pd.DataFrame(body, columns=header, dtype="object").astype("string")
    # drop columns that are completely empty and unnamed
    keep = [c for c in frame.columns if not (c.startswith("column_") and frame[c].isna().all())]
    frame = frame[keep]
    table = RawTable(frame=frame.reset_index(drop=True), path=path, kind="xlsx", sheet=chosen, row_offset=top + 2)
    if positions and positions[-1] != len(positions) - 1:  # blank rows inside: keep the sheet's row numbers
        table.row_numbers = np.asarray(positions, dtype="int64") + top + 2
    return table


def _blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _cell(v: object) -> str | None:
    if _blank(v):
        return None
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if hasattr(v, "isoformat") and not isinstance(v, str):
        return v.isoformat(sep=" ") if hasattr(v, "hour") and hasattr(v, "date") else v.isoformat()
    return str(v)


def _sheet_has_data(ws) -> bool:
    try:
        for row in ws.iter_rows(values_only=True, max_row=5):
            if any(not _blank(v) for v in row):
                return True
    except Exception:
        return True
    return False


# --- JSON ---------------------------------------------------------------------


def _is_json_lines(text: str) -> bool:
    first = text.split("\n", 1)[0].strip()
    if not first.endswith("}"):
        return False
    try:
        json.loads(first)
    except ValueError:
        return False
    rest = text[len(first):].strip()
    return bool(rest) and rest[:1] == "{"


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _no_surrogates(obj: object) -> object:
    """Replace lone surrogates (from JSON escapes like ``\\ud800``) in strings, keys and nested values."""
    if isinstance(obj, str):
        return re.sub("[\ud800-\udfff]", "\ufffd", obj)
    if isinstance(obj, list):
        return [_no_surrogates(v) for v in obj]
    if isinstance(obj, dict):
        return {_no_surrogates(k): _no_surrogates(v) for k, v in obj.items()}
    return obj


def _records_frame(records: list, path: Path) -> pd.DataFrame:
    """Tabulate JSON records; anything that cannot be a table is an InputError naming the file."""
    try:
        return _tabulate(records, path)
    except InputError:
        raise
    except (RecursionError, ValueError, TypeError) as exc:
        raise InputError(f"the JSON records cannot be tabulated ({exc})", path=path,
                         fix="export a flat list of objects") from None


def _tabulate(records: list, path: Path) -> pd.DataFrame:
    if not records:
        raise InputError("the JSON holds no records", path=path, fix="export the data again")
    bad = next((i for i, r in enumerate(records) if not isinstance(r, dict)), None)
    if bad is not None:
        raise InputError(f"JSON record {bad + 1} is not an object ({type(records[bad]).__name__})", path=path,
                         row=bad + 1, fix="export a list of objects, one per question")
    frame = pd.json_normalize(records)
    frame.columns = _clean_header(frame.columns)
    out = {}
    for c in frame.columns:
        col = frame[c]
        if col.map(lambda v: isinstance(v, (list, tuple, dict))).any():
            out[c] = col.astype("object").where(col.notna(), None) if col.dtype != object else col
        else:
            s = col.astype("object")
            s = s.map(_scalar_to_str, na_action="ignore")
            out[c] = s.astype("string")
    return pd.DataFrame(out, index=frame.index)


def _scalar_to_str(v: object) -> object:
    if isinstance(v, str):
        try:
            v.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates from JSON escapes
            return re.sub("[\ud800-\udfff]", "\ufffd", v)
        return v
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, float):
        if v != v:
            return None
        return str(int(v)) if v.is_integer() else str(v)
    return str(v)


def _read_json(path: Path, text: str, encoding: str) -> RawTable:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        truncated = exc.pos >= len(text.rstrip()) - 1 or exc.msg.startswith("Unterminated string")
        why = "the JSON ends too early: the file is truncated" if truncated else f"not valid JSON ({exc.msg})"
        raise InputError(why, path=path, row=exc.lineno, fix="export the file again") from None
    except RecursionError:
        raise InputError("the JSON is nested too deeply", path=path, fix="export a flat list of records") from None
    if _SURROGATE_ESCAPE.search(text):
        obj = _no_surrogates(obj)
    if isinstance(obj, dict):
        key = next((k for k in _JSON_LIST_KEYS if isinstance(obj.get(k), list)), None)
        if key is None:
            lists = [k for k, v in obj.items() if isinstance(v, list) and v and isinstance(v[0], dict)]
            key = lists[0] if len(lists) == 1 else None
        if key is None:
            records = [obj]
        else:
            records = obj[key]
    elif isinstance(obj, list):
        records = obj
    else:
        raise InputError(f"the JSON holds a {type(obj).__name__}, not a list of records", path=path,
                         fix="export a list of objects, one per question")
    frame = _records_frame(records, path)
    return RawTable(frame=frame, path=path, kind="json", encoding=encoding, row_offset=1)


def _read_json_lines(path: Path, text: str, encoding: str) -> RawTable:
    records = []
    lines = text.splitlines()
    for i, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except (json.JSONDecodeError, RecursionError) as exc:
            last = i == len(lines)
            why = "the last line is cut off: the file is truncated" if last else f"not valid JSON ({getattr(exc, 'msg', exc)})"
            raise InputError(why, path=path, row=i, fix="fix or remove this line, or export the file again") from None
    if _SURROGATE_ESCAPE.search(text):
        records = _no_surrogates(records)
    frame = _records_frame(records, path)
    return RawTable(frame=frame, path=path, kind="jsonl", encoding=encoding, row_offset=1)


def expand_paths(paths, *, with_origin: bool = False) -> list:
    """Turn a path, a list of paths, or folders into a list of files (folders sorted, not recursive).

    With ``with_origin``, return ``(path, explicit)`` pairs, ``explicit`` being False
    for files found inside a folder.
    """
    if isinstance(paths, (str, Path)) or hasattr(paths, "__fspath__"):
        paths = [paths]
    if not isinstance(paths, Iterable) or isinstance(paths, (bytes, dict)):
        raise InputError(f"expected a path, a glob pattern or a list of them, got {type(paths).__name__}",
                         fix='e.g. "data/raw", "data/raw/*.csv" or ["2024.csv", "2025.csv"]')
    out: list[tuple[Path, bool]] = []
    for p in paths:
        if not isinstance(p, (str, Path)) and not hasattr(p, "__fspath__"):
            raise InputError(f"expected a path, got {type(p).__name__} {p!r}",
                             fix='e.g. "data/raw", "data/raw/*.csv" or ["2024.csv", "2025.csv"]')
        text = os.fspath(p)
        if not Path(text).exists() and any(ch in text for ch in "*?["):  # a glob, as on the command line
            matches = sorted(glob.glob(text))
            if not matches:
                raise InputError("no file matches this pattern", path=text, fix="check the path and the pattern")
            # as in a folder: Office lock files ("~$name.xlsx", left while Excel has the file open) are no exports
            out.extend((Path(m), True) for m in matches if Path(m).is_file() and not Path(m).name.startswith("~$"))
            continue
        p = Path(text)
        if p.is_dir():
            files = sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                           and not f.name.startswith((".", "~$")))
            if not files:
                others = sorted(f.name for f in p.iterdir() if not f.name.startswith("."))
                seen = f" (it holds {', '.join(others[:3])}{' …' if len(others) > 3 else ''})" if others else ""
                raise InputError(f"the folder holds no question-log exports{seen}", path=p,
                                 fix="copy the exports into it (.csv, .tsv, .txt, .xlsx, .json or .jsonl files), "
                                     "or pass the files themselves")
            out.extend((f, False) for f in files)
        else:
            out.append((p, True))
    if not out:
        raise InputError("no files given", fix="pass at least one export file")
    return out if with_origin else [p for p, _ in out]

