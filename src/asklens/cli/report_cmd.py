"""``asklens report``: render monthly reports (one month, a range, or every month missing)."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import typer

from asklens.cli import app
from asklens.errors import AsklensError


class _Progress:
    """Stages and a bar on a terminal; one plain line per stage otherwise; nothing when quiet."""

    def __init__(self, *, quiet: bool, tty: bool) -> None:
        self.quiet = quiet
        self.tty = tty and not quiet
        self.month = ""
        self.last_stage = ""
        self.started = time.perf_counter()
        self._rich: Any = None
        self._task: Any = None

    def __enter__(self) -> "_Progress":
        if self.tty:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._rich = Progress(SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
                                  MofNCompleteColumn(), TimeElapsedColumn(),
                                  console=Console(stderr=True), transient=True)
            self._rich.__enter__()
            self._task = self._rich.add_task("starting", total=None)
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._rich is not None:
            self._rich.__exit__(*exc)

    def start_month(self, month: str, i: int, n: int) -> None:
        self.month = month
        self.last_stage = ""
        self.started = time.perf_counter()
        if n > 1 and not self.quiet and not self.tty:
            typer.echo(f"asklens report: month {i + 1} of {n}: {month}", err=True)

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.quiet:
            return
        if self._rich is not None:
            self._rich.update(self._task, description=f"{self.month} {stage}", completed=done,
                              total=total or None)
        elif stage != self.last_stage:
            typer.echo(f"asklens report {self.month}: {stage}", err=True)
        self.last_stage = stage


class _Interrupted(AsklensError):
    """Ctrl-C or SIGTERM during a run (exit status 130, like a shell)."""

    exit_code = 130


def _interrupt_on_sigterm() -> None:
    import signal

    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    try:
        signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (e.g. called from a test runner thread)
        pass


def check_writable_folder(folder: Path) -> None:
    """Raise :class:`ConfigError` unless ``folder`` is (or can be made) a folder this process may write.

    Run before any input is read, so that a scheduled run with a read-only or mistyped
    ``--out`` fails at once with one line instead of after minutes of work.
    """
    import os
    import tempfile

    from asklens.errors import ConfigError

    folder = Path(folder)
    fix = "pass --out a folder you can write to (or set [workspace] reports_dir), or fix its permissions"
    if folder.exists() and not folder.is_dir():
        raise ConfigError("the reports folder is a file, not a folder", path=folder, fix=fix)
    if folder.is_dir():
        try:
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".asklens-write-check-"):
                pass
        except OSError as exc:
            raise ConfigError(f"cannot write to the reports folder: {exc.strerror or exc}", path=folder,
                              fix=fix) from None
        return
    parent = folder.absolute().parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir():
        raise ConfigError(f"cannot create the reports folder: {parent} is a file", path=folder, fix=fix)
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ConfigError(f"cannot create the reports folder: {parent} is not writable", path=folder, fix=fix)


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{n / 1e3:.0f} kB"


@app.command("report", no_args_is_help=True)
def report(
    questions: list[str] = typer.Option(
        None, "--questions", "-q", metavar="PATH...",
        help="Question logs (files or quoted globs); several may follow one --questions.",
    ),
    more: list[str] = typer.Argument(None, hidden=True, metavar="PATH"),
    faq: str | None = typer.Option(None, "--faq", metavar="FILE",
                                   help="The FAQ base (LibAnswers JSON, CSV…); empty for none."),
    month: str | None = typer.Option(None, "--month", metavar="YYYY-MM", help="The month to report on, YYYY-MM."),
    from_: str | None = typer.Option(None, "--from", metavar="YYYY-MM", help="First month of a range, YYYY-MM (with --to)."),
    to: str | None = typer.Option(None, "--to", metavar="YYYY-MM", help="Last month of a range, YYYY-MM (with --from)."),
    all_: bool = typer.Option(False, "--all", metavar="",
                              help="Every finished month that has questions and no report yet."),
    out: Path | None = typer.Option(None, "--out", metavar="DIR", help="Reports folder (default: reports_dir from the config's workspace section)."),
    config: Path | None = typer.Option(None, "--config", metavar="FILE",
                                       help="Workspace config (default: asklens.toml here, or next to/above the "
                                            "first question log, as for inspect)."),
    seed: int = typer.Option(0, "--seed", metavar="N", help="Random seed; same inputs and seed give the same report."),
    quiet: bool = typer.Option(False, "--quiet", metavar="", help="Print nothing but errors."),
) -> None:
    """Render monthly reports: report.html for managers, report.ipynb, tables, kpis, manifest.

    Writes OUT/YYYY-MM/ for each month and OUT/index.html over all months. Exit status 0 on success, 2 on bad input, config or an unwritable --out, 3 when the report notebook fails, 130 when interrupted (Ctrl-C or SIGTERM); a failed run leaves the published reports untouched.
    """
    from asklens import reporting
    from asklens.config import load_config
    from asklens.errors import ConfigError, InputError

    faq_path = Path(faq) if faq and faq.strip() else None  # --faq "$FAQ" with an empty variable: no FAQ
    paths = list(questions or []) + list(more or [])
    if not paths:
        raise InputError("no question log given", fix="pass one or more files with --questions PATH...")
    options = [p for p in paths if p.startswith("-")]
    if options:  # `-q --month ...`: -q is --questions (not --quiet), so it swallowed the next option
        raise ConfigError(f"{options[0]!r} was taken as a question log: -q/--questions needs a path after it",
                          fix="write --questions PATH (-q is short for --questions; --quiet has no short form)")
    chosen = [bool(month), bool(from_ or to), bool(all_)]
    if sum(chosen) != 1:
        raise ConfigError("choose the months with exactly one of --month, --from/--to or --all",
                          fix="e.g. --month 2025-12")
    if (from_ or to) and not (from_ and to):
        raise ConfigError("--from and --to go together", fix="e.g. --from 2025-01 --to 2025-06")
    if config is None:  # as inspect does: asklens.toml here, or next to (or above) the first log
        from asklens.cli.inspect_cmd import find_config

        config = find_config([Path(p) for p in paths])
    cfg = load_config(config)
    out_dir = out if out is not None else cfg.resolve(cfg.workspace.reports_dir)
    check_writable_folder(out_dir)

    if month:
        months = [reporting._check_month(month)]
        # a month without questions (a typo, an empty or wrong folder) fails here, in one line, before a
        # kernel starts and leaves a failed notebook behind; reading the dates costs a second or two
        have_data = reporting.months_with_data(paths, config=cfg)
        if months[0] not in have_data:
            raise reporting.no_questions_error(months[0], have_data, path=", ".join(map(str, paths)))
    elif from_:
        months = reporting.month_range(from_, to)  # type: ignore[arg-type]
        # a backfill skips the months without questions (a closed month, a gap in the exports)
        # instead of stopping at the first one and leaving the later months unrendered
        have_data = set(reporting.months_with_data(paths, config=cfg))
        empty = [m for m in months if m not in have_data]
        months = [m for m in months if m in have_data]
        if not months:
            raise InputError(f"the question logs have no question from {from_} to {to}",
                             fix=f"pick months between {min(have_data)} and {max(have_data)}" if have_data
                             else "check the question logs: they hold no question")
        if empty and not quiet:
            typer.echo(f"asklens report: skipping {', '.join(empty)}: no questions", err=True)
    else:
        have = set(reporting.published_months(out_dir))
        months = [m for m in reporting.months_with_data(paths, config=cfg) if m not in have]
        # a month still under way would be published half full and, having a report, never redone:
        # --all renders finished months only (--month renders any month on request)
        import pandas as pd

        now = pd.Timestamp.now(tz=cfg.workspace.timezone)
        current = f"{now.year:04d}-{now.month:02d}"
        unfinished = [m for m in months if m >= current]
        months = [m for m in months if m < current]
        if unfinished and not quiet:
            typer.echo(f"asklens report: leaving out {', '.join(unfinished)}: not over yet "
                       f"(--month {unfinished[0]} renders it as it stands)", err=True)
        if not months:
            if not quiet:
                typer.echo(f"nothing to do: every month with questions has a report in {out_dir}")
            return

    if not quiet:
        typer.echo(f"asklens report: config {cfg.path or '(none: the defaults)'}, reports in {out_dir}", err=True)
    _interrupt_on_sigterm()  # a scheduler's kill runs the same clean-up as Ctrl-C (no partial folder)
    try:
        with _Progress(quiet=quiet, tty=sys.stderr.isatty()) as progress:
            results = reporting.render_reports(
                paths, months=months, faq=faq_path, out_dir=out_dir, config=cfg, seed=seed,
                progress=progress, progress_month=progress.start_month,
            )
    except KeyboardInterrupt:
        raise _Interrupted("the report run was interrupted; published reports are untouched and no partial "
                           "folder was left", path=out_dir) from None
    if not quiet:  # where the reports are: on stdout, after the progress display is gone
        for r in results:
            typer.echo(f"report for {r.month}: {r.html} ({_size(r.html_bytes)}, {r.seconds:.0f} s)")
        typer.echo(f"index of all months: {Path(out_dir) / 'index.html'}")
