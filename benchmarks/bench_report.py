"""Benchmark: render the sample month's report (2025-12) end to end and check the budget.

Budget (issue 5): the report renders in under 60 s on the 2-core machine and report.html is
under 10 MB. The run is what ``asklens report`` does: check inputs, run the notebook with
papermill in a fresh kernel (read + scrub 9,280 rows, fit topics, analyses, figures), export
the HTML, publish. Wall time includes the kernel start; the CPU time adds this process and
the kernel (the kernel's CPU is read from /proc while it runs, so the number is a lower bound
when the machine is shared).

Usage::

    python benchmarks/bench_report.py [--twice] [--out DIR]

``--twice`` renders the month again into another folder and checks that every table is
byte-identical (same inputs and seed, same tables).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
BUDGET_S = 60.0
BUDGET_BYTES = 10 * 1024 * 1024


def _render(out: Path) -> tuple[float, float, object]:
    from asklens.reporting import render_report

    questions = sorted(str(p) for p in (SAMPLE / "questions").glob("*.csv"))
    t0 = time.perf_counter()
    c0 = resource.getrusage(resource.RUSAGE_SELF)
    k0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = render_report(questions, faq=SAMPLE / "faq.json", month="2025-12", config=SAMPLE / "asklens.toml",
                           out_dir=out, seed=0)
    wall = time.perf_counter() - t0
    c1 = resource.getrusage(resource.RUSAGE_SELF)
    k1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (c1.ru_utime + c1.ru_stime - c0.ru_utime - c0.ru_stime) + \
        (k1.ru_utime + k1.ru_stime - k0.ru_utime - k0.ru_stime)
    return wall, cpu, result


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((folder / "tables").glob("*.csv"))}


def _figures(folder: Path) -> list:
    import nbformat

    nb = nbformat.read(folder / "report.ipynb", as_version=4)
    return [o["data"]["application/vnd.plotly.v1+json"] for c in nb.cells if c.cell_type == "code"
            for o in c.get("outputs", []) if "application/vnd.plotly.v1+json" in o.get("data", {})]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--twice", action="store_true", help="render again and compare the tables")
    parser.add_argument("--out", type=Path, default=None, help="keep the reports here (default: a temp folder)")
    args = parser.parse_args()
    if not (SAMPLE / "faq.json").is_file():
        print(f"the sample workspace is missing: {SAMPLE}", file=sys.stderr)
        return 2
    tmp = tempfile.TemporaryDirectory(prefix="asklens-bench-")
    out = args.out or Path(tmp.name)
    load = os.getloadavg()[0]
    wall, cpu, result = _render(out / "first")
    size = result.html_bytes
    timings = result.kpis and __import__("json").loads((result.folder / "manifest.json").read_text())[
        "timings_seconds"]
    print(f"sample month 2025-12: {result.kpis.get('questions')} questions, {len(_digests(result.folder))} tables")
    print(f"wall time: {wall:.1f} s (budget {BUDGET_S:.0f} s) {'OK' if wall < BUDGET_S else 'OVER'}")
    print(f"CPU time (this process + kernel): {cpu:.1f} s; load average at start: {load:.1f}")
    print(f"stages: {', '.join(f'{k} {v:.1f} s' for k, v in timings.items())}")
    print(f"report.html: {size / 1e6:.2f} MB (budget 10 MB) {'OK' if size < BUDGET_BYTES else 'OVER'}")
    ok = wall < BUDGET_S and size < BUDGET_BYTES
    if args.twice:
        wall2, _, again = _render(out / "second")
        same = _digests(result.folder) == _digests(again.folder)
        figs = _figures(result.folder)
        same_figs = figs == _figures(again.folder)
        print(f"second run: {wall2:.1f} s; tables byte-identical: {'yes' if same else 'NO'}; "
              f"{len(figs)} figures identical: {'yes' if same_figs else 'NO'}")
        ok = ok and same and same_figs
    tmp.cleanup()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
