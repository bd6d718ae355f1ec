"""The public surface: every exported name resolves, the CLI answers --help and --version."""

from __future__ import annotations

import subprocess
import sys

import pytest

import asklens


@pytest.mark.parametrize("name", asklens.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(asklens, name) is not None


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        asklens.nope  # noqa: B018


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "asklens", *args], capture_output=True, text=True, timeout=120)


def test_version() -> None:
    out = _cli("--version")
    assert out.returncode == 0
    assert out.stdout.strip() == f"asklens {asklens.__version__}"


def test_every_command_has_help() -> None:
    from asklens.cli import app
    import typer.main

    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert {"inspect", "evaluate", "report", "init"} <= set(commands)
    for name in commands:
        out = _cli(name, "--help")
        assert out.returncode == 0, out.stderr
        assert "Usage" in out.stdout


def test_unknown_command_exits_2_without_traceback() -> None:
    out = _cli("frobnicate")
    assert out.returncode == 2
    assert "Traceback" not in out.stderr


def test_a_commands_exit_status_reaches_the_shell() -> None:
    from asklens.cli import app, main

    @app.command("_exit7", hidden=True)
    def _exit7() -> None:
        import typer

        raise typer.Exit(7)

    try:
        assert main(["_exit7"]) == 7
        assert main(["--version"]) == 0
    finally:
        app.registered_commands[:] = [c for c in app.registered_commands if c.name != "_exit7"]
