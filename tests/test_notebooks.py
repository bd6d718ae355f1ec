"""The notebooks as an analyst opens them in JupyterLab (whose kernel starts in notebooks/)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from asklens import reporting

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ["monthly_report.py", "topics_browser.py"]


def opening_code(name: str) -> str:
    """The parameters cell and the first code cell's own lines (without the library calls, for speed)."""
    nb = reporting.read_notebook(reporting.packaged_notebook(name))
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    setup = [line for line in code[1].source.splitlines()
             if not any(word in line for word in ("asklens", "reporting.", "data"))]
    assert any("chdir" in line for line in setup)
    return code[0].source + "\n" + "\n".join(setup) + "\n"


def run_opening(name: str, cwd: Path, **env: str) -> list[str]:
    check = "import os, glob\nprint(os.getcwd())\nprint(bool(glob.glob(questions[0])), os.path.isfile(faq), " \
            "os.path.isfile(config))\n"
    environ = {k: v for k, v in os.environ.items() if k != "ASKLENS_REPORT"}
    res = subprocess.run([sys.executable, "-c", opening_code(name) + check], cwd=cwd, env={**environ, **env},
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    return res.stdout.splitlines()[-2:]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_defaults_run_from_the_notebooks_folder(name):
    # before: opened in JupyterLab the kernel ran in notebooks/ and the first cell failed with
    # "data/sample/asklens.toml: config file not found"
    cwd, found = run_opening(name, ROOT / "notebooks")
    assert Path(cwd) == ROOT
    assert found == "True True True"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_the_working_folder_is_kept_elsewhere_and_under_asklens_report(name, tmp_path):
    assert Path(run_opening(name, ROOT)[0]) == ROOT
    folder = tmp_path / "notebooks"
    folder.mkdir()
    # asklens report runs the notebook in the config's folder, whatever its name
    assert Path(run_opening(name, folder, ASKLENS_REPORT="1")[0]) == folder
