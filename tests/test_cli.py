"""The ``asklens`` command line as a scheduler meets it: exit statuses, one-line errors, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from asklens.cli import main
from asklens.errors import ConfigError

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def run(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the ``asklens`` console script installed next to this Python."""
    exe = Path(sys.executable).parent / "asklens"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "asklens"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "120"}
    return subprocess.run([*cmd, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def one_line_error(res: subprocess.CompletedProcess, status: int = 2) -> str:
    assert res.returncode == status, (res.returncode, res.stderr)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("asklens: error: "), res.stderr
    assert "Traceback" not in res.stderr
    return lines[0]


@pytest.fixture()
def small(tmp_path: Path) -> Path:
    (tmp_path / "questions.csv").write_bytes((FIXTURES / "libchat.csv").read_bytes())
    return tmp_path


@pytest.mark.parametrize("out", ["questions.csv", "questions.csv/reports"])
def test_report_into_a_file_fails_at_once_naming_the_folder(small, out):
    # before: a traceback (exit 1) after the inputs had been read
    res = run("report", "--questions", "questions.csv", "--month", "2025-01", "--out", out, cwd=small)
    line = one_line_error(res)
    assert out in line and "reports folder" in line and "--out" in line


def test_unwritable_reports_folder_is_a_config_error(tmp_path, monkeypatch):
    # root ignores permission bits, so the refusal of the file system is simulated
    import tempfile

    from asklens.cli.report_cmd import check_writable_folder

    def refuse(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    with pytest.raises(ConfigError, match="cannot write to the reports folder: Read-only file system") as info:
        check_writable_folder(tmp_path)
    assert str(tmp_path) in str(info.value)
    check_writable_folder(tmp_path / "new" / "deeper")  # a missing folder under a writable one is fine
    assert not (tmp_path / "new").exists()  # and the check creates nothing


def test_file_system_errors_are_one_line_exit_2(tmp_path):
    # before: NotADirectoryError traceback from deep inside init_workspace
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    res = run("init", "afile/ws", cwd=tmp_path)
    line = one_line_error(res)
    assert "afile" in line
    res = run("init", "afile", cwd=tmp_path)
    assert "is a file, not a folder" in one_line_error(res)


def test_internal_errors_are_one_line_exit_1_and_traceback_on_verbose(small, monkeypatch, capsys):
    import asklens.readers

    def broken(*args, **kwargs):
        raise RuntimeError("something\nunexpected")

    monkeypatch.setattr(asklens.readers, "load_questions", broken)
    assert main(["inspect", str(small / "questions.csv")]) == 1
    err = capsys.readouterr().err
    assert err.strip() == ("asklens: internal error: RuntimeError: something unexpected — please report it; "
                           "rerun with --verbose for the traceback")
    assert main(["--verbose", "inspect", str(small / "questions.csv")]) == 1
    assert "Traceback" in capsys.readouterr().err



@pytest.mark.parametrize("command", ["report", "inspect", "evaluate", "init"])
def test_help_shows_what_to_type(tmp_path, command):
    # before: flags read "--all <bool>" (as if a value were needed) and the usage "asklens report [OPTIONS] []..."
    res = run(command, "--help", cwd=tmp_path)
    assert res.returncode == 0
    lines = res.stdout.splitlines()
    usage = next(line for line in lines if "Usage:" in line)
    assert "[]" not in usage and "{paths}" not in usage and "{path}" not in usage
    for line in lines:
        if any(flag in line for flag in ("--all", "--quiet", "--json", "--force", "--scrub")):
            assert "<bool>" not in line, line
    if command == "report":
        assert any("--month" in line and "YYYY-MM" in line for line in lines)
        assert "130" in res.stdout  # the exit statuses a scheduler sees


@pytest.mark.parametrize("encoding, sep", [("cp1252", ","), ("utf-16", ","), ("utf-8", ";")])
def test_evaluate_reads_what_the_readers_read(tmp_path, encoding, sep):
    # before: "cannot read the file: 'utf-8' codec can't decode byte..." for a Windows or Excel export
    rows = [("How do I renew a book?", "renew"), ("Can I renew my books online?", "renew"),
            ("Where can I print in colour?", "print"), ("How much does printing cost?", "print"),
            ("Is the café open on Sunday?", "hours"), ("When does the library close?", "hours")] * 3
    text = f"utterance{sep}intent\n" + "".join(f"{t}{sep}{lab}\n" for t, lab in rows)
    (tmp_path / "labelled.csv").write_bytes(text.encode(encoding))
    res = run("evaluate", "labelled.csv", "--text-col", "utterance", "--label-col", "intent", "--json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    import json

    scores = json.loads(res.stdout)
    assert scores["n_questions"] == 18 and scores["n_labels"] == 3


@pytest.mark.slow  # renders a (tiny) report: about 8 s
def test_report_finds_the_workspace_config_next_to_the_logs_as_inspect_does(tmp_path):
    # before: inspect used ws/asklens.toml but report silently used the defaults (UTC, the packaged
    # notebook, ./reports), so the two commands described different libraries
    ws = tmp_path / "ws"
    ws.mkdir()
    report_fixtures = FIXTURES / "report"
    (ws / "tiny_report.py").write_bytes((report_fixtures / "tiny_report.py").read_bytes())
    (ws / "questions.csv").write_bytes((report_fixtures / "tiny_questions.csv").read_bytes())
    (ws / "asklens.toml").write_text('[workspace]\ntimezone = "America/New_York"\n\n'
                                     '[report]\nnotebook = "tiny_report.py"\n', encoding="utf-8")
    elsewhere = tmp_path / "cron"
    elsewhere.mkdir()
    res = run("report", "--questions", "../ws/questions.csv", "--month", "2025-12", cwd=elsewhere)
    assert res.returncode == 0, res.stderr
    assert f"config {ws / 'asklens.toml'}" in res.stderr
    assert (ws / "reports" / "2025-12" / "report.html").is_file()
    assert not (elsewhere / "reports").exists()


@pytest.mark.parametrize("faq, expected", [("", None), ("  ", None), ("faq.json", "faq.json")])
def test_an_empty_faq_option_means_no_faq(small, monkeypatch, faq, expected):
    # before: --faq "$FAQ" with an empty variable failed with ".: FAQ file not found"
    from asklens import reporting

    seen = {}

    def fake_render(paths, *, faq, **kwargs):
        seen["faq"] = faq
        return []

    monkeypatch.setattr(reporting, "render_reports", fake_render)
    monkeypatch.chdir(small)
    assert main(["report", "--questions", "questions.csv", "--month", "2024-03", "--faq", faq, "--quiet",
                 "--out", str(small / "reports")]) == 0
    assert seen["faq"] == (None if expected is None else Path(expected))


def test_a_backfill_skips_months_without_questions(tmp_path, monkeypatch, capsys):
    # before: --from 2025-10 --to 2025-12 stopped at the first month without questions (exit 2) and never
    # rendered the months after it
    from asklens import reporting

    log = tmp_path / "log.csv"
    log.write_text("question_id,asked_at,text\n1,2025-10-03 10:00,How do I renew?\n"
                   "2,2025-12-04 11:00,Where can I print?\n", encoding="utf-8")
    rendered = []
    monkeypatch.setattr(reporting, "render_reports", lambda paths, *, months, **kw: rendered.extend(months) or [])
    monkeypatch.chdir(tmp_path)
    args = ["report", "--questions", str(log), "--out", str(tmp_path / "reports")]
    assert main([*args, "--from", "2025-10", "--to", "2025-12"]) == 0
    assert rendered == ["2025-10", "2025-12"]
    assert "skipping 2025-11: no questions" in capsys.readouterr().err
    assert main([*args, "--from", "2026-01", "--to", "2026-03"]) == 2
    assert "no question from 2026-01 to 2026-03 — fix: pick months between 2025-10 and 2025-12" in \
        capsys.readouterr().err


def test_all_leaves_out_the_month_under_way(tmp_path, monkeypatch, capsys):
    # before: a daily `asklens report --all` published the current month half full, and since it then had
    # a report, never rendered it again
    import pandas as pd

    from asklens import reporting

    now = pd.Timestamp.now(tz="UTC")
    this_month = f"{now.year:04d}-{now.month:02d}"
    before = (now.tz_localize(None).to_period("M") - 2).strftime("%Y-%m")
    log = tmp_path / "log.csv"
    log.write_text(f"question_id,asked_at,text\n1,{before}-10 10:00,How do I renew?\n"
                   f"2,{now:%Y-%m-%d} 00:00,Where can I print?\n", encoding="utf-8")
    rendered = []
    monkeypatch.setattr(reporting, "render_reports", lambda paths, *, months, **kw: rendered.extend(months) or [])
    monkeypatch.chdir(tmp_path)
    assert main(["report", "--questions", str(log), "--all", "--out", str(tmp_path / "reports")]) == 0
    assert rendered == [before]
    assert f"leaving out {this_month}: not over yet (--month {this_month} renders it as it stands)" in \
        capsys.readouterr().err


def test_q_for_quiet_is_caught(small):
    # before: "-q --month 2025-12 --questions x" said "choose the months with exactly one of --month..."
    res = run("report", "-q", "--month", "2025-12", "--questions", "questions.csv", cwd=small)
    line = one_line_error(res)
    assert "'--month' was taken as a question log" in line and "-q is short for --questions" in line
