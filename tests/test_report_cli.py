"""``asklens report`` and ``asklens init`` as a user calls them: in a subprocess, on files in tmp_path.

The runner tests use a tiny notebook (set with ``[report] notebook``) so they exercise the
command, its exit statuses and its output without the analyses; the real report notebook
is run in tests/test_report_sample.py.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "report"


def run(*args: str, cwd: Path, timeout: float = 240) -> subprocess.CompletedProcess:
    """Run the ``asklens`` console script installed next to this Python."""
    exe = Path(sys.executable).parent / "asklens"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "asklens"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "120"}
    return subprocess.run([*cmd, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture()
def workspace(tmp_path: Path) -> Path:
    """A workspace whose report notebook is the tiny test notebook."""
    shutil.copy(FIXTURES / "tiny_report.py", tmp_path / "tiny_report.py")
    shutil.copy(FIXTURES / "tiny_questions.csv", tmp_path / "questions.csv")
    (tmp_path / "asklens.toml").write_text(
        '[workspace]\nname = "CLI Library"\ntimezone = "America/New_York"\n\n'
        '[report]\nnotebook = "tiny_report.py"\nexecution_timeout = 120\n', encoding="utf-8")
    return tmp_path


def test_help_lists_the_options(tmp_path):
    res = run("report", "--help", cwd=tmp_path)
    assert res.returncode == 0
    for option in ("--questions", "--faq", "--month", "--from", "--to", "--all", "--out", "--config", "--seed",
                   "--quiet"):
        assert option in res.stdout, option


@pytest.mark.parametrize("args, message", [
    (["--month", "2025-13"], "month '2025-13' is not a month: in YYYY-MM the month runs from 01 to 12"),
    (["--month", "Dec 2025"], "month must look like YYYY-MM"),
    (["--month", "2025-12", "--all"], "exactly one of --month"),
    ([], "exactly one of --month"),
    (["--from", "2025-01"], "--from and --to go together"),
    (["--from", "2025-05", "--to", "2025-01"], "is after --to"),
])
def test_bad_months_exit_2_with_one_line(workspace, args, message):
    res = run("report", "--questions", "questions.csv", *args, cwd=workspace)
    assert res.returncode == 2, res.stderr
    assert message in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert "Traceback" not in res.stderr
    assert not (workspace / "reports").exists()


def test_missing_file_and_bad_config_exit_2(workspace):
    res = run("report", "--questions", "nope.csv", "--month", "2025-12", cwd=workspace)
    assert res.returncode == 2 and "nope.csv: file not found" in res.stderr
    (workspace / "bad.toml").write_text("[rubric]\nmin_volum = 3\n", encoding="utf-8")
    res = run("report", "--questions", "questions.csv", "--month", "2025-12", "--config", "bad.toml", cwd=workspace)
    assert res.returncode == 2 and "unknown key 'min_volum' in [rubric]" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_month_without_questions_fails_before_a_kernel_starts(workspace):
    # the tiny notebook would run for any month: only the command's own check can stop it
    res = run("report", "--questions", "questions.csv", "--month", "2025-10", cwd=workspace)
    assert res.returncode == 2, res.stderr
    assert "no question in 2025-10" in res.stderr and "pick a month with questions: 2025-11–2025-12" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    (workspace / "empty").mkdir()
    res = run("report", "--questions", "empty", "--month", "2025-12", cwd=workspace)
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1, res.stderr
    assert "Traceback" not in res.stderr
    assert not (workspace / "reports").exists() or not any((workspace / "reports").iterdir())


@pytest.mark.slow
def test_report_runs_prints_where_and_is_log_friendly(workspace):
    res = run("report", "--questions", "questions.csv", "--month", "2025-12", "--seed", "1", cwd=workspace)
    assert res.returncode == 0, res.stderr
    folder = workspace / "reports" / "2025-12"  # [workspace] reports_dir, next to the config
    assert (folder / "report.html").is_file() and (folder / "manifest.json").is_file()
    assert f"report for 2025-12: {folder / 'report.html'}" in res.stdout
    assert str(workspace / "reports" / "index.html") in res.stdout
    # not a terminal: plain stage lines, no bars or control characters
    assert "asklens report 2025-12: running the notebook" in res.stderr
    assert "\x1b" not in res.stderr and "\r" not in res.stderr
    assert json.loads((folder / "manifest.json").read_text())["seed"] == 1


def test_report_reads_a_folder_of_logs_and_fingerprints_each_file(workspace):
    logs = workspace / "logs"
    logs.mkdir()
    (workspace / "questions.csv").rename(logs / "questions.csv")
    # the FAQ export kept in the same folder (as data/raw holds both) is the FAQ, not a question log
    (logs / "faq.json").write_text('[{"faqid": 1, "question": "How do I renew?", "answer": "Online."}]',
                                   encoding="utf-8")
    res = run("report", "--questions", "logs", "--faq", "logs/faq.json", "--month", "2025-12", "--quiet",
              cwd=workspace)
    assert res.returncode == 0, res.stderr
    manifest = json.loads((workspace / "reports" / "2025-12" / "manifest.json").read_text())
    [entry] = manifest["inputs"]["questions"]
    assert entry["path"].endswith("questions.csv") and len(entry["sha256"]) == 64
    assert manifest["inputs"]["faq"]["path"].endswith("faq.json")


@pytest.mark.slow
def test_failing_notebook_exits_3_and_names_the_cell(workspace):
    toml = (workspace / "asklens.toml").read_text()
    (workspace / "tiny_fail.py").write_text(
        (workspace / "tiny_report.py").read_text().replace('mode: str = "ok"', 'mode: str = "fail"'))
    (workspace / "asklens.toml").write_text(toml.replace("tiny_report.py", "tiny_fail.py"))
    res = run("report", "--questions", "questions.csv", "--month", "2025-12", "--quiet", cwd=workspace)
    assert res.returncode == 3
    line = res.stderr.strip()
    assert len(line.splitlines()) == 1
    assert 'failed in code cell' in line and '"2. Channels"' in line
    assert str(workspace / "reports" / ".failed" / "2025-12.ipynb") in line
    assert res.stdout == ""
    assert not (workspace / "reports" / "2025-12").exists()


@pytest.mark.slow
def test_range_backfill_and_all(workspace):
    res = run("report", "--questions", "questions.csv", "--from", "2025-11", "--to", "2025-12", "--quiet",
              "--out", "out", cwd=workspace)
    assert res.returncode == 0, res.stderr
    assert res.stdout == "" and res.stderr == ""
    assert sorted(p.name for p in (workspace / "out").iterdir() if p.is_dir() and not p.name.startswith(".")) \
        == ["2025-11", "2025-12"]
    index = (workspace / "out" / "index.html").read_text()
    assert "2025-11/report.html" in index and "2025-12/report.html" in index
    # --all: every month with data has a report, so there is nothing to do
    res = run("report", "--questions", "questions.csv", "--all", "--out", "out", cwd=workspace)
    assert res.returncode == 0, res.stderr
    assert "nothing to do" in res.stdout


def test_init_creates_a_workspace(tmp_path):
    res = run("init", "lib", "--name", "Test Library", "--timezone", "Europe/Paris", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    ws = tmp_path / "lib"
    for sub in ("asklens.toml", "topics.toml", "data/raw", "data/processed", "notebooks/monthly_report.py",
                "notebooks/topics_browser.py", "reports"):
        assert (ws / sub).exists(), sub
    assert "asklens report --config" in res.stdout
    res = run("init", "lib", cwd=tmp_path)
    assert res.returncode == 2 and "already has an asklens.toml" in res.stderr


@pytest.mark.slow
def test_sigterm_cleans_up_and_exits_130(workspace):
    import signal
    import time

    (workspace / "tiny_sleep.py").write_text(
        (workspace / "tiny_report.py").read_text().replace('mode: str = "ok"', 'mode: str = "sleep"'))
    toml = (workspace / "asklens.toml").read_text()
    (workspace / "asklens.toml").write_text(toml.replace("tiny_report.py", "tiny_sleep.py"))
    exe = Path(sys.executable).parent / "asklens"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "asklens"]
    log = workspace / "stderr.log"
    with open(log, "w") as err:
        proc = subprocess.Popen([*cmd, "report", "--questions", "questions.csv", "--month", "2025-12"],
                                cwd=workspace, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while "running the notebook" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(3)
        assert any(p.name.startswith(".tmp-") for p in (workspace / "reports").iterdir())  # mid-run
        proc.send_signal(signal.SIGTERM)
        rc = proc.wait(timeout=60)
    assert rc == 130
    assert "interrupted" in log.read_text()
    assert [p.name for p in (workspace / "reports").iterdir() if p.name != ".asklens-report.lock"] == []
