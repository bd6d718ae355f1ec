"""``asklens inspect`` as a user calls it: in a subprocess, on files in tmp_path and the fixtures."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ASKLENS = [sys.executable, "-c", "import sys; from asklens.cli import main; sys.exit(main())"]


def run(*args: object, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ASKLENS, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_inspect_prints_format_rows_dates_columns_drops_and_redactions(fixtures, tmp_path):
    res = run("inspect", fixtures / "libchat.csv", fixtures / "refanalytics.csv", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "format:  libchat (utf-8-sig, comma)" in out
    assert "format:  refanalytics (utf-8, comma)" in out
    assert "rows:    8 read, 6 kept" in out
    assert "total: 15 rows read, 11 questions kept" in out
    assert "dates: 2024-03-04 09:12 to 2024-03-08 12:00 (UTC)" in out
    assert "text <- Initial Question (else first patron message of Transcript)" in out
    assert "same chat as LibChat transcript libchat:1003" in out
    assert "duplicate id libchat:1002" in out
    assert "redactions: email" in out
    assert "jordan.smith@example.edu" not in out


def test_inspect_json(fixtures, tmp_path):
    res = run("inspect", fixtures / "generic_mapped.csv", "--config", fixtures / "generic_mapped.toml", "--json",
              cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["timezone"] == "America/Chicago"
    assert data["rows_read"] == 3 and data["rows_kept"] == 3
    assert data["files"][0]["format"] == "generic"
    assert data["files"][0]["columns"]["text"] == "What they asked"
    assert data["date_range"] == ["2024-03-11T09:05:00-05:00", "2024-03-12T10:00:00-05:00"]
    assert set(data["redactions"]) >= {"email", "phone", "name"}
    assert data["dropped"]["total"] == 0


def test_inspect_finds_the_workspace_config_next_to_the_files(fixtures, tmp_path):
    ws = tmp_path / "ws"
    (ws / "questions").mkdir(parents=True)
    shutil.copy(fixtures / "generic.csv", ws / "questions" / "log.csv")
    (ws / "asklens.toml").write_text('[workspace]\ntimezone = "Europe/Paris"\n', encoding="utf-8")
    res = run("inspect", ws / "questions", "--json", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["timezone"] == "Europe/Paris" and data["config"].endswith("asklens.toml")
    assert data["date_range"][0] == "2024-01-08T09:00:00+01:00"


@pytest.mark.parametrize(
    ("name", "args", "expected"),
    [
        ("broken_empty.csv", [], "the file is empty"),
        ("broken_binary.csv", [], "binary file"),
        ("broken_truncated.csv", [], "row 3: the file ends inside a quoted field"),
        ("broken_truncated.xlsx", [], "damaged or truncated"),
        ("broken_truncated.json", [], "truncated"),
        ("broken_ragged.csv", [], "row 3: this row has 4 fields"),
        ("broken_unknown.csv", [], "unknown format"),
        ("broken_no_text.csv", [], "column 'text': no question text column"),
        ("broken_no_date.csv", [], "column 'asked_at': no date column"),
        ("broken_dates.csv", [], "row 2, column 'asked_at': cannot read the date"),
        ("broken_multisheet.xlsx", [], "2 sheets"),
        ("missing.csv", [], "file not found"),
        ("generic.csv", ["--format", "nonsense"], "unknown format 'nonsense'"),
        ("generic.csv", ["--config", "no_such.toml"], "config file not found"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(fixtures, tmp_path, name, args, expected):
    res = run("inspect", fixtures / name, *args, cwd=tmp_path)
    assert res.returncode == 2
    err = res.stderr.strip()
    assert "Traceback" not in res.stderr and "\n" not in err, res.stderr
    assert err.startswith("asklens: error: ") and expected in err, err
    assert "fix:" in err
    assert res.stdout == ""


def test_wrong_delimiter_from_config(fixtures, tmp_path):
    (tmp_path / "asklens.toml").write_text('[input]\ndelimiter = ","\n', encoding="utf-8")
    res = run("inspect", fixtures / "broken_semicolon.csv", cwd=tmp_path)
    assert res.returncode == 2 and "wrong delimiter" in res.stderr and "delimiter = ';'" in res.stderr


def test_sheet_option_picks_a_sheet(fixtures, tmp_path):
    res = run("inspect", fixtures / "broken_multisheet.xlsx", "--sheet", "2023", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "sheet '2023'" in res.stdout and "2 read, 2 kept" in res.stdout


def test_inspect_help():
    res = run("inspect", "--help")
    assert res.returncode == 0 and "--format" in res.stdout and "--json" in res.stdout


def test_inspect_says_how_ambiguous_dates_were_read(tmp_path):
    # before: "03/04/2025" was silently read as 4 March; a European library had no hint to set dayfirst
    p = tmp_path / "log.csv"
    p.write_text("date,question\n03/04/2025 10:00,How do I renew?\n05/06/2025 09:00,Opening hours?\n",
                 encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "asklens", "inspect", str(p)], cwd=tmp_path, capture_output=True,
                         text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert "note:    dates such as '03/04/2025' could be day or month first and were read month first (US); " \
           "set [input] dayfirst = true" in res.stdout


def test_inspect_describes_a_faq_export_instead_of_refusing_it(fixtures, tmp_path):
    # before: "asklens inspect faq.json" said "this is a FAQ export, not a question log" (exit 2), though
    # checking the FAQ export before a report is what a new user does
    res = subprocess.run([*ASKLENS, "inspect", str(fixtures / "faq.json"), str(fixtures / "libchat.csv")],
                         cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert "format:  FAQ base (" in res.stdout and "filled:  question" in res.stdout
    assert "format:  libchat" in res.stdout
    res = subprocess.run([*ASKLENS, "inspect", "--json", str(fixtures / "faq.json")], cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    [faq] = json.loads(res.stdout)["faq_files"]
    assert faq["entries"] > 0 and faq["filled"]["question"] == faq["entries"]


def test_inspect_says_how_many_questions_carry_each_field(fixtures, tmp_path):
    # READ codes, durations, messages and tags drive the effort analyses: an analyst must see
    # whether they came through (the linked chat 1003 takes its READ code from Reference Analytics)
    res = run("inspect", fixtures / "libchat.csv", fixtures / "refanalytics.csv", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    line = next(x for x in res.stdout.splitlines() if x.startswith("filled:"))
    assert "READ code 6 (55%)" in line
    assert "duration 11 (100%)" in line and "messages 6 (55%)" in line and "tags 11 (100%)" in line
    res = run("inspect", fixtures / "libchat.csv", fixtures / "refanalytics.csv", "--json", cwd=tmp_path)
    filled = json.loads(res.stdout)["filled"]
    assert filled["effort"] == 6 and filled["duration_min"] == 11 and filled["n_messages"] == 6
    assert filled["tags"] == 11 and filled["answer"] == 11


def test_inspect_describes_a_faq_found_in_a_folder_or_glob(fixtures, tmp_path):
    # a workspace keeps the FAQ export in data/raw beside the logs: "asklens inspect data/raw" must
    # describe it as a FAQ base, not as "faq (skipped), 0 rows read"
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    shutil.copy(fixtures / "libchat.csv", raw / "libchat.csv")
    shutil.copy(fixtures / "faq.csv", raw / "faq.csv")
    for given in (raw, raw / "*"):
        res = run("inspect", given, cwd=tmp_path)
        assert res.returncode == 0, res.stderr
        assert "faq (skipped)" not in res.stdout
        assert re.search(r"faq\.csv\n  format:  FAQ base \(\d+ entries\)", res.stdout), res.stdout
        assert "total: 8 rows read" in res.stdout
