"""Open report.html in a real headless Chromium: charts render, no console errors, patron HTML is inert.

Needs Debian's ``chromium`` (CI's .ci/run installs it) and the ``playwright`` package (the test
extra); ``playwright install`` is never needed: the system browser is used.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from asklens import reporting

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "report"
XSS_TEXTS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")
CHROMIUM = os.environ.get("ASKLENS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions"]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package (test extra)")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def open_report(browser, path: Path, *, wait_ms: int = 1500):
    """Open a report from file:// and collect console errors, page errors, dialogs and requests."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    seen = {"errors": [], "dialogs": [], "requests": []}
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(wait_ms)
    return page, seen


def check_page(page, seen, *, n_figures: int) -> None:
    assert seen["errors"] == [], seen["errors"]
    assert seen["dialogs"] == [], "patron text ran as script"
    assert [u for u in seen["requests"] if not u.startswith(("file:", "data:", "blob:"))] == []  # offline
    per_figure = page.evaluate(
        "Array.from(document.querySelectorAll('.plotly-graph-div')).map(d => d.querySelectorAll('.main-svg').length)")
    assert len(per_figure) == n_figures
    assert all(n > 0 for n in per_figure), per_figure  # every chart drew its SVG
    assert page.evaluate("document.querySelectorAll('img[src=\"x\"], img[onerror]').length") == 0
    assert not page.evaluate("Array.from(document.scripts).some(s => s.textContent.includes('<script>alert'))")
    assert page.locator("pre, code").filter(has_text="import").count() == 0  # no code shown


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    out = tmp_path_factory.mktemp("tiny")
    return reporting.render_report([FIXTURES / "tiny_questions.csv"], month="2025-12", out_dir=out,
                                   notebook=FIXTURES / "tiny_report.py")


def test_tiny_report_renders_and_patron_html_stays_text(browser, tiny):
    page, seen = open_report(browser, tiny.html)
    check_page(page, seen, n_figures=2)
    body = page.inner_text("body")
    for text in XSS_TEXTS:
        assert text in body  # shown, as text
    assert "Tiny <b>Library</b>" in page.title()
    page.close()


def test_long_tables_sort_on_click(browser, tiny):
    page, _ = open_report(browser, tiny.html, wait_ms=300)
    table = page.locator("table.asklens-sortable").first
    column = "table.asklens-sortable tbody tr td:nth-child(1)"
    header = table.locator("thead th").nth(0)  # question_id, a number
    header.click()
    first = [float(x) for x in page.locator(column).all_inner_texts()]
    assert first == sorted(first, reverse=True) and header.get_attribute("aria-sort") == "descending"
    header.click()
    second = [float(x) for x in page.locator(column).all_inner_texts()]
    assert second == sorted(second)
    page.close()


def test_sample_like_report_renders_every_chart(browser, tmp_path_factory):
    from test_reporting import SECTIONS, render_small_report

    _, result = render_small_report(tmp_path_factory)  # the same run tests/test_reporting.py checks
    page, seen = open_report(browser, result.html, wait_ms=2500)
    check_page(page, seen, n_figures=page.locator(".plotly-graph-div").count())
    assert page.locator(".plotly-graph-div").count() == 9
    body = page.inner_text("body")
    for heading in SECTIONS:
        assert heading in body
    assert "Small <b>Test</b> Library: questions in December 2025" in body
    for text in XSS_TEXTS:  # planted as a recurring question of the month: shown, as text
        assert text in body
    page.screenshot(path=str(Path(os.environ.get("ASKLENS_SCREENSHOT", "/tmp/report.png"))), full_page=True)
    # the index page opens offline too and links to the month
    index, seen = open_report(browser, result.folder.parent / "index.html", wait_ms=100)
    assert seen["errors"] == [] and index.locator("a[href='2025-12/report.html']").count() == 1
    page.close()
    index.close()


def test_shared_plotly_js_keeps_reports_small_and_their_charts_drawn(browser, tmp_path):
    # before: every report.html carried its own 4.8 MB plotly.js (two years of --all: ~120 MB)
    from asklens.config import Config

    cfg = Config.from_dict({"report": {"plotly_js": "shared"}})
    out = tmp_path / "reports"
    first = reporting.render_report([FIXTURES / "tiny_questions.csv"], month="2025-12", out_dir=out,
                                    notebook=FIXTURES / "tiny_report.py", config=cfg)
    shared = out / reporting.PLOTLY_JS_NAME
    assert shared.is_file() and shared.stat().st_size > 3_000_000
    assert first.html_bytes < 1_000_000
    assert f'src="../{reporting.PLOTLY_JS_NAME}"' in first.html.read_text(encoding="utf-8")
    stamp = shared.stat().st_mtime_ns
    second = reporting.render_report([FIXTURES / "tiny_questions.csv"], month="2025-11", out_dir=out,
                                     notebook=FIXTURES / "tiny_report.py", config=cfg)
    assert shared.stat().st_mtime_ns == stamp  # one copy, written once
    for result in (first, second):
        page, seen = open_report(browser, result.html)
        check_page(page, seen, n_figures=2)
        page.close()
    # the default stays one file that opens anywhere
    inline = reporting.render_report([FIXTURES / "tiny_questions.csv"], month="2025-12", out_dir=tmp_path / "alone",
                                     notebook=FIXTURES / "tiny_report.py")
    assert inline.html_bytes > 3_000_000 and not (tmp_path / "alone" / reporting.PLOTLY_JS_NAME).exists()
