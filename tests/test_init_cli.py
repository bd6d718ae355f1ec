"""``asklens init`` as a new library meets it: the commands it prints work on a real workspace."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from asklens.readers import load_questions

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ASKLENS = [sys.executable, "-c", "import sys; from asklens.cli import main; sys.exit(main())"]


def run(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ASKLENS, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120)


def printed_commands(stdout: str) -> dict[str, list[str]]:
    out = {}
    for line in stdout.splitlines():
        words = shlex.split(line.strip()) if line.strip().startswith("asklens ") else []
        if len(words) > 1:
            out[words[1]] = words
    return out


def test_init_prints_commands_that_read_every_export_in_data_raw(tmp_path):
    # before: "--questions ws/data/raw/*.csv" left LibChat .xlsx exports out without a word, and gave
    # no --faq and no inspect step
    res = run("init", "my library", "--timezone", "America/New_York", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    commands = printed_commands(res.stdout)
    assert set(commands) >= {"inspect", "report"}, res.stdout
    raw = tmp_path / "my library" / "data" / "raw"
    shutil.copy(FIXTURES / "libchat.xlsx", raw / "libchat_2024.xlsx")
    shutil.copy(FIXTURES / "refanalytics.csv", raw / "refanalytics_2024.csv")
    shutil.copy(FIXTURES / "faq.csv", raw / "faq.csv")

    inspect = run(*commands["inspect"][1:], cwd=tmp_path)
    assert inspect.returncode == 0, inspect.stderr
    assert "libchat_2024.xlsx" in inspect.stdout and "refanalytics_2024.csv" in inspect.stdout
    assert "FAQ base" in inspect.stdout

    report = commands["report"]
    assert "--faq" in report and "--month" in report
    start = report.index("--questions") + 1
    stop = next(i for i in range(start, len(report)) if report[i].startswith("--"))
    questions = [str(tmp_path / q) for q in report[start:stop]]
    formats = set(load_questions(questions).files["format"])
    assert {"libchat", "refanalytics"} <= formats
    config = Path(tmp_path / report[report.index("--config") + 1])
    assert config == tmp_path / "my library" / "asklens.toml" and config.is_file()
