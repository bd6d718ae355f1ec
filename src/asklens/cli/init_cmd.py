"""``asklens init``: create a workspace for a new library."""

from __future__ import annotations

import shlex
from pathlib import Path

import typer

from asklens.cli import app


@app.command("init")
def init(
    directory: Path = typer.Argument(..., metavar="DIR", help="The workspace folder to create."),
    name: str = typer.Option("My library", "--name", metavar="TEXT", help="The library's name, shown on reports."),
    timezone: str = typer.Option("UTC", "--timezone", metavar="ZONE", help="The library's time zone, e.g. America/New_York."),
    force: bool = typer.Option(False, "--force", metavar="", help="Overwrite an existing asklens.toml."),
) -> None:
    """Create a workspace: asklens.toml, data/raw, data/processed, notebooks/, reports/, topics.toml."""
    from asklens.errors import ConfigError
    from asklens.reporting import init_workspace

    if directory.exists() and not directory.is_dir():
        raise ConfigError("this is a file, not a folder", path=directory, fix="give the folder to create")
    cfg = init_workspace(directory, name=name, timezone=timezone, force=force)
    raw = directory / "data" / "raw"
    q = shlex.quote
    typer.echo(f"created the workspace {directory}")
    typer.echo(f"  settings: {cfg} (library name, time zone, column mappings, rules)")
    typer.echo(f"  put your exports in {raw}: question logs (LibChat, Reference Analytics, tickets… as CSV, XLSX "
               "or JSON) and the FAQ export; then check what is read:")
    typer.echo(f"    asklens inspect --config {q(str(cfg))} {q(str(raw))}")
    typer.echo("  and render a month's report (the FAQ file is the one inspect calls a FAQ base):")
    typer.echo(f"    asklens report --config {q(str(cfg))} --questions {q(str(raw))} "
               f"--faq {q(str(raw / 'FAQ_EXPORT.csv'))} --month YYYY-MM")
