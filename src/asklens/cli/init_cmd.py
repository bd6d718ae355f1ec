"""``asklens init``: create a workspace for a new library."""

from __future__ import annotations

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
    typer.echo(f"created the workspace {directory}")
    typer.echo(f"  settings: {cfg}")
    typer.echo(f"  put question exports in {directory / 'data' / 'raw'}, then run:")
    typer.echo(f"  asklens report --config {cfg} --questions {directory / 'data' / 'raw'}/*.csv --month YYYY-MM")
