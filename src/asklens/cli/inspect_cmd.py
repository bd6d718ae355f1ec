"""``asklens inspect``: describe question-log files before analysing them."""

from __future__ import annotations

from pathlib import Path

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
    scrubbed) and reports what it found. Bad input gets one line naming the file,
    row or column and the fix, with exit status 2.
    """
    import json

    from asklens.config import Config, load_config
    from asklens.readers import load_questions

    cfg_path = config if config is not None else find_config(paths)
    cfg = load_config(cfg_path) if cfg_path is not None else Config()
    if sheet:
        cfg.input.sheet = sheet
    result = load_questions(paths, format=format, config=cfg, scrub=True)
    summary = result.summary()
    summary["config"] = None if cfg_path is None else str(cfg_path)
    summary["timezone"] = cfg.workspace.timezone
    if as_json:
        typer.echo(json.dumps(summary, indent=2, ensure_ascii=False, default=str))
        return
    echo = typer.echo
    tz = cfg.workspace.timezone
    echo(f"config: {cfg_path if cfg_path else '(defaults)'} — time zone {tz}")
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


def _delim_name(delim: str | None) -> str | None:
    return {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}.get(delim or "", None) if delim else None
