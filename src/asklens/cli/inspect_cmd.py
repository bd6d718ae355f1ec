"""``asklens inspect``: describe question-log files before analysing them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from asklens.cli import app


def find_config(paths: list[Path]) -> Path | None:
    """Return ``asklens.toml`` from the working folder, or from a folder holding (or above) the first file."""
    here = Path.cwd() / "asklens.toml"
    if here.is_file():
        return here
    if not paths:
        return None
    start = paths[0].resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in [folder, *list(folder.parents)[:3]]:
        cfg = candidate / "asklens.toml"
        if cfg.is_file():
            return cfg
    return None


@app.command("inspect")
def inspect(
    paths: list[Path] = typer.Argument(..., metavar="PATH", help="Export files (CSV, TSV, XLSX, JSON, JSON Lines) or folders.",
                                       show_default=False),
    format: str = typer.Option("auto", "--format", "-f", metavar="NAME",
                               help="Force a format: libchat, refanalytics, tickets, libraryh3lp, gimlet, "
                                    "desktracker or generic (default: detect from each header)."),
    config: Path | None = typer.Option(None, "--config", "-c", metavar="FILE",
                                       help="The workspace config (default: asklens.toml here, or next to/above "
                                            "the first file)."),
    sheet: str | None = typer.Option(None, "--sheet", metavar="NAME", help="The Excel sheet to read, when a workbook has several."),
    as_json: bool = typer.Option(False, "--json", metavar="", help="Print a machine-readable JSON report instead."),
    show: int = typer.Option(5, "--show-dropped", min=0, metavar="N", help="How many dropped rows to list per reason."),
) -> None:
    """Describe question-log files: format, rows, dates, columns, dropped rows and redactions.

    Reads the files as the analyses will (duplicates dropped, personal data
    scrubbed) and reports what it found; a FAQ export named among them is
    described as a FAQ base (entries, filled fields, update dates). Bad input
    gets one line naming the file, row or column and the fix, with exit status 2.
    """
    import json

    from asklens.config import Config, load_config
    from asklens.readers import load_questions

    cfg_path = config if config is not None else find_config(paths)
    cfg = load_config(cfg_path) if cfg_path is not None else Config()
    if sheet:
        cfg.input.sheet = sheet
    logs, faqs = _split_faq_files(paths, format=format, cfg=cfg)
    faq_summaries = [_faq_summary(p, cfg) for p in faqs]
    result = load_questions(logs, format=format, config=cfg, scrub=True) if logs or not faqs else None
    summary = result.summary() if result is not None else {}
    summary["config"] = None if cfg_path is None else str(cfg_path)
    summary["timezone"] = cfg.workspace.timezone
    if faq_summaries:
        summary["faq_files"] = faq_summaries
    if as_json:
        typer.echo(json.dumps(summary, indent=2, ensure_ascii=False, default=str))
        return
    echo = typer.echo
    tz = cfg.workspace.timezone
    echo(f"config: {cfg_path if cfg_path else '(defaults)'} — time zone {tz}")
    for rec in faq_summaries:
        echo("")
        echo(rec["path"])
        echo(f"  format:  FAQ base ({rec['entries']:,} entries)")
        echo("  filled:  " + "; ".join(f"{k} {v:,}" for k, v in rec["filled"].items()))
        if rec["updated"]:
            echo(f"  updated: {rec['updated'][0]} to {rec['updated'][1]}")
    if result is None:
        return
    for rec in summary["files"]:
        echo("")
        echo(rec["path"])
        how = [x for x in (rec.get("encoding"), _delim_name(rec.get("delimiter")),
                           f"sheet {rec['sheet']!r}" if rec.get("sheet") else None) if x]
        echo(f"  format:  {rec['format']}" + (f" ({', '.join(how)})" if how else ""))
        echo(f"  rows:    {rec['rows_read']:,} read, {rec['rows_kept']:,} kept")
        cols = rec.get("columns") or {}
        if cols:
            echo("  columns: " + "; ".join(f"{k} <- {v}" for k, v in cols.items()))
        for note in rec.get("notes") or []:
            echo(f"  note:    {note}")
    echo("")
    total_read = summary["rows_read"]
    echo(f"total: {total_read:,} rows read, {summary['rows_kept']:,} questions kept")
    if summary["date_range"]:
        first, last = result.date_range
        echo(f"dates: {first:%Y-%m-%d %H:%M} to {last:%Y-%m-%d %H:%M} ({tz})")
    if summary["channels"]:
        echo("channels: " + ", ".join(f"{k} {v:,}" for k, v in summary["channels"].items()))
    kept = summary["rows_kept"]
    if kept:
        filled = summary.get("filled") or {}
        echo("filled:   " + "; ".join(f"{label} {filled.get(key, 0):,} ({filled.get(key, 0) / kept:.0%})"
                                      for key, label in _FIELD_LABELS.items()))
    dropped = result.dropped
    if len(dropped):
        echo(f"dropped: {len(dropped):,} rows")
        for kind, group in dropped.groupby("reason_kind", sort=False):
            echo(f"  {len(group):>6,}  {kind}")
            for r in group.head(show).itertuples():
                row = "" if r.row is None or r.row != r.row else f" row {r.row}"
                echo(f"          {Path(r.path).name}{row}: {r.reason}")
    else:
        echo("dropped: none")
    red = summary["redactions"]
    if red:
        echo("redactions: " + ", ".join(f"{k} {v:,}" for k, v in red.items()))


#: how ``inspect`` names the optional fields the analyses use (READ codes and durations drive the
#: effort and time-saved figures; without them the report falls back on defaults)
_FIELD_LABELS = {"effort": "READ code", "duration_min": "duration", "n_messages": "messages", "tags": "tags",
                 "answer": "staff answer"}


def _split_faq_files(paths: list[Path], *, format: str, cfg: Any) -> tuple[list[Path], list[Path]]:
    """Separate the FAQ exports (named, or found in a folder or glob) from the question logs."""
    from asklens.errors import AsklensError
    from asklens.readers import detect_format
    from asklens.readers._table import expand_paths

    if (format or "auto").strip().lower() != "auto":
        return list(paths), []
    logs, faqs = [], []
    inp = cfg.input
    for p in expand_paths(list(paths)):
        kind = None
        if Path(p).is_file():
            try:
                kind = detect_format(p, sheet=inp.sheet, encoding=inp.encoding, delimiter=inp.delimiter)
            except AsklensError:  # reading it as a log says what is wrong
                kind = None
        (faqs if kind == "faq" else logs).append(p)
    return logs, faqs


def _faq_summary(path: Path, cfg: Any) -> dict[str, Any]:
    """Describe a FAQ export: entries, how many have each field, the update dates."""
    from asklens.readers import read_faq

    faq = read_faq(path, config=cfg)
    filled = {}
    for col in ("question", "answer", "topics", "url", "views", "updated_at"):
        values = faq[col]
        n = int(values.map(len).gt(0).sum()) if col == "topics" else int(values.notna().sum())
        if col in ("question", "answer", "url"):
            n = int((values.fillna("").astype(str).str.strip() != "").sum())
        filled[col] = n
    updated = faq["updated_at"].dropna()
    return {
        "path": str(path), "format": "faq", "entries": len(faq), "filled": filled,
        "updated": [f"{updated.min():%Y-%m-%d}", f"{updated.max():%Y-%m-%d}"] if len(updated) else None,
    }


def _delim_name(delim: str | None) -> str | None:
    return {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}.get(delim or "", None) if delim else None
