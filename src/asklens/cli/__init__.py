"""The ``asklens`` command line: a thin layer over the library.

Each command lives in its own module and imports the heavy parts of asklens only
when it runs, so ``asklens --help`` is instant. Errors a user can fix print one
line and exit 2; a failing report notebook exits 3; never a traceback for them.
"""

from __future__ import annotations

import logging
import sys

import typer

from asklens import __version__
from asklens.errors import AsklensError

app = typer.Typer(
    name="asklens",
    help="Turn library question logs into decisions: what to automate, FAQ gaps, where people are needed.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"asklens {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, metavar="", help="Print the version and exit."),
    verbose: bool = typer.Option(False, "--verbose", "-v", metavar="", help="Log progress details to standard error."),
) -> None:
    """asklens: read question logs, find topics, decide what to automate, render reports."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


# Register the commands; each module adds its own to ``app``.
from asklens.cli import inspect_cmd  # noqa: E402,F401
from asklens.cli import report_cmd  # noqa: E402,F401
from asklens.cli import init_cmd  # noqa: E402,F401
from asklens.cli import evaluate_cmd  # noqa: E402,F401


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit status.

    0 ok, 1 an internal error (a bug: one line, the traceback with ``--verbose``), 2 bad input,
    config or an unwritable file, 3 the report notebook failed, 130 interrupted.
    """
    try:
        # Without standalone mode, click returns a command's typer.Exit(n) status instead of raising it.
        status = app(args=argv, standalone_mode=False)
    except AsklensError as exc:
        typer.echo(f"asklens: error: {exc.one_line()}", err=True)
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        typer.echo("asklens: aborted", err=True)
        return 130
    except KeyboardInterrupt:
        typer.echo("asklens: interrupted", err=True)
        return 130
    except OSError as exc:
        # The file system said no (read-only or full disk, permissions, a file where a folder
        # should be): a problem the user can fix, named in one line like any other.
        where = exc.filename if exc.filename is not None else ""
        what = exc.strerror or str(exc)
        typer.echo(f"asklens: error: {where}: {what}" if where else f"asklens: error: {what}", err=True)
        _traceback_if_verbose(argv)
        return 2
    except Exception as exc:
        # Usage errors (unknown command, missing option value). Recent typer vendors click, so
        # recognise click's exceptions by their interface rather than by class.
        if callable(getattr(exc, "show", None)) and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()
            return 2
        # A bug in asklens: still one line for a scheduler's log, the traceback on request.
        text = " ".join(str(exc).split())[:300]
        typer.echo(f"asklens: internal error: {type(exc).__name__}: {text} — please report it; rerun with "
                   "--verbose for the traceback", err=True)
        _traceback_if_verbose(argv)
        return 1
    return status if isinstance(status, int) else 0


def _traceback_if_verbose(argv: list[str] | None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if "--verbose" in args or "-v" in args:
        import traceback

        traceback.print_exc()


def run() -> None:  # pragma: no cover - console entry point
    sys.exit(main())
