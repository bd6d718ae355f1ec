"""The report on a phone: every chart keeps a readable plot and shows its axis titles whole at 400 px.

Before: on a 400 px screen long topic labels left of the horizontal bars ("What to automate next",
FAQ coverage, "Where people are needed", rising topics) left the bars some 60 px of a 300 px chart,
legends and the heatmap's colour bar at the side took a third of the width, three small multiples a
row were a thumb wide each, and long x-axis titles ran off the screen. The browser tests need Debian's
``chromium`` and the ``playwright`` package (see tests/test_report_browser.py); the others are fast.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from asklens import plotting, reporting
from test_report_browser import browser  # noqa: F401  (the one headless Chromium fixture)

PHONE = {"width": 400, "height": 860}
DESKTOP = {"width": 1280, "height": 900}

#: for every chart: its width, the width of the plot area (all panels) and of its narrowest panel,
#: the horizontal bars' count, and every text (axis titles, tick labels, annotations, legend) that
#: runs out of the chart or the window
MEASURE = r"""
() => {
  const vw = document.documentElement.clientWidth;
  return Array.from(document.querySelectorAll('.js-plotly-plot')).map(gd => {
    const fig = gd.getBoundingClientRect();
    const caption = gd.closest('.asklens-figure')?.querySelector('.asklens-figure-title')?.textContent || gd.id;
    const panels = Array.from(gd.querySelectorAll('.nsewdrag')).map(r => r.getBoundingClientRect())
      .filter(r => r.width > 0);
    const left = Math.min(...panels.map(r => r.left)), right = Math.max(...panels.map(r => r.right));
    const out = [];
    const texts = gd.querySelectorAll('.g-xtitle text, .g-ytitle text, .xtick text, .ytick text, '
                                      + '.annotation-text, .legendtext, .cbtitle text, .cbaxis text');
    texts.forEach(t => {
      const r = t.getBoundingClientRect();
      if (r.width === 0 || !t.textContent.trim()) { return; }
      if (r.left < Math.max(fig.left, 0) - 1 || r.right > Math.min(fig.right, vw) + 1) {
        out.push(`${t.textContent.trim()} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
      }
    });
    const hbars = (gd.data || []).filter(t => t.type === 'bar' && t.orientation === 'h').length;
    return {caption: caption.slice(0, 60), width: fig.width, plot: right - left,
            panel: Math.min(...panels.map(r => r.width)), hbars: hbars,
            yticks: gd.querySelectorAll('.ytick text').length, outside: out};
  });
}
"""


def phone_problems(charts: list[dict], *, panel: float = 0.3) -> list[str]:
    """Return what is crushed or cut off in the measured charts (empty when every chart reads well).

    A chart's plot area (all its panels) must take 60% of its width, each panel ``panel`` of it
    (a desktop draws three small multiples a row, some 28% each).
    """
    problems = []
    for c in charts:
        if c["plot"] < 0.6 * c["width"]:
            problems.append(f"{c['caption']}: plot area {c['plot']:.0f} of {c['width']:.0f} px")
        if c["panel"] < panel * c["width"]:
            problems.append(f"{c['caption']}: a panel {c['panel']:.0f} of {c['width']:.0f} px")
        problems += [f"{c['caption']}: cut off: {t}" for t in c["outside"]]
    return problems


def open_at(browser, path: Path, viewport: dict, *, wait_ms: int = 2500):
    page = browser.new_page(viewport=viewport)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(wait_ms)
    return page, errors


@pytest.fixture(scope="module")
def small_html(tmp_path_factory) -> Path:
    from test_reporting import render_small_report

    _, result = render_small_report(tmp_path_factory)  # the run tests/test_reporting.py checks
    return result.html


@pytest.mark.browser
@pytest.mark.slow
def test_every_chart_reads_on_a_phone_and_on_a_desktop(browser, small_html):
    page, errors = open_at(browser, small_html, PHONE)
    charts = page.evaluate(MEASURE)
    assert len(charts) == 9
    assert phone_problems(charts) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
    hbar = [c for c in charts if c["hbars"]]
    assert len(hbar) >= 3 and all(c["yticks"] == 0 for c in hbar)  # labels above the bars, not beside them
    shot = os.environ.get("ASKLENS_PHONE_SCREENSHOT")
    if shot:
        page.screenshot(path=shot, full_page=True)
    # turned to a desktop width, the same page draws the wide charts again (labels beside the bars)
    page.set_viewport_size(DESKTOP)
    page.wait_for_timeout(1500)
    turned = page.evaluate(MEASURE)
    assert phone_problems(turned, panel=0.25) == []
    assert all(c["yticks"] > 0 for c in turned if c["hbars"])
    assert errors == []
    page.close()
    desk, errors = open_at(browser, small_html, DESKTOP)
    wide = desk.evaluate(MEASURE)
    assert [c["yticks"] for c in wide] == [c["yticks"] for c in turned]
    assert phone_problems(wide, panel=0.25) == []
    assert errors == []
    desk.close()


@pytest.mark.browser
@pytest.mark.slow
def test_a_bar_hover_on_a_phone_shows_the_whole_label(browser, small_html):
    page, _ = open_at(browser, small_html, PHONE)
    index = page.evaluate("Array.from(document.querySelectorAll('.js-plotly-plot'))"
                          ".findIndex(gd => (gd.data || []).some(t => t.orientation === 'h' && t.customdata))")
    assert index >= 0
    chart = page.locator(".js-plotly-plot").nth(index)
    chart.scroll_into_view_if_needed()
    box = chart.locator(".trace.bars .point path").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # the drag layer takes the hover
    page.wait_for_timeout(300)
    whole = page.evaluate(f"document.querySelectorAll('.js-plotly-plot')[{index}].data[0].customdata[0]")
    hover = chart.locator(".hoverlayer").text_content()
    assert html.unescape(whole) in hover
    page.close()


# ----------------------------------------------------------------------------- the renderer's parts


def _coverage() -> dict:
    cov = pd.DataFrame({"topic_label": ["Renewals & <Fines>", "Printing"], "coverage": [0.2, 0.9],
                        "n_questions": [10, 30]})
    return plotting.plot_coverage(cov).to_plotly_json()


def test_a_chart_note_becomes_escaped_html_under_the_caption():
    fig_dict = _coverage()
    shown, notes = reporting._notes_as_html(fig_dict)
    assert notes.startswith('<p class="asklens-figure-note">Orange: an FAQ answers under half of the topic&#x27;s')
    assert shown["layout"]["annotations"] == [] and fig_dict["layout"]["annotations"]  # the input is kept
    assert reporting._notes_as_html({"data": [], "layout": {}}) == ({"data": [], "layout": {}}, "")


def test_the_phone_layout_rides_along_as_an_escaped_attribute():
    fig_dict = _coverage()
    attr = reporting._phone_attribute(fig_dict, {"responsive": True})
    assert attr.startswith(' data-asklens-phone="') and attr.endswith('"')
    inner = attr[len(' data-asklens-phone="'):-1]
    assert "<" not in inner and '"' not in inner  # no label can end the attribute or open a tag
    spec = json.loads(html.unescape(inner))
    assert spec["width"] == plotting.PHONE_WIDTH and spec["config"] == {"responsive": True}
    assert "Renewals & <Fines> (10)" in [a["text"] for a in spec["phone"]["layout"]["annotations"]]
    assert reporting._phone_attribute(plotting.plot_monthly_volume(
        pd.DataFrame({"period": ["2025-12"], "n_questions": [3]})).to_plotly_json()) == ""


def test_the_renderer_wraps_each_chart_with_its_caption_note_and_phone_layout():
    reporting.setup_notebook()
    bundle = reporting._make_renderer().to_mimebundle(_coverage())
    markup = bundle["text/html"]
    assert markup.startswith('<div class="asklens-figure"><p class="asklens-figure-title">How much')
    assert markup.index("asklens-figure-note") < markup.index('<div class="asklens-chart" data-asklens-phone=')
    assert markup.count("Plotly.newPlot(") == 1


@pytest.mark.browser
@pytest.mark.slow
def test_the_month_at_a_glance_fits_a_phone_whole_and_long_texts_keep_their_width(browser, small_html):
    # before: at 400 px the first table ran 90 px past the screen, hiding the change on a year ago
    page, _ = open_at(browser, small_html, PHONE, wait_ms=300)
    widths = page.evaluate("""Array.from(document.querySelectorAll('table.asklens-table')).slice(0, 2)
        .map(t => [t.getBoundingClientRect().width, t.parentElement.getBoundingClientRect().width])""")
    assert len(widths) == 2 and all(table <= wrap + 1 for table, wrap in widths), widths
    heads = page.evaluate("Array.from(document.querySelectorAll('table.asklens-table')[0].querySelectorAll('th'))"
                          ".map(th => th.textContent)")
    assert heads[1:] == ["This month", "Last month", "Change", "A year ago", "Change "], heads
    # the tighter phone cells leave the long texts (Why, typical questions) their readable width
    text_widths = page.evaluate("Array.from(document.querySelectorAll('td.text')).map(td => "
                                "td.getBoundingClientRect().width).filter(w => w > 0)")
    assert text_widths and min(text_widths) >= 200, min(text_widths or [0])
    page.close()


@pytest.mark.browser
def test_the_index_page_does_not_scroll_sideways_on_a_phone(browser, tmp_path):
    # before: the index's nine columns made the whole page 740 px wide on a 400 px phone
    for month in ("2025-11", "2025-12"):
        (tmp_path / month).mkdir()
        (tmp_path / month / "report.html").write_text("x")
        (tmp_path / month / "kpis.json").write_text(json.dumps({
            "library": "Sample University Library", "questions": 390, "change_vs_previous_month": 0.06,
            "change_vs_last_year": -0.05, "automatable_share": 0.7, "hours_at_stake": 11.3, "faqs_to_write": 34,
            "topics_needing_people": 43, "window_months": 12}))
    page, errors = open_at(browser, reporting.write_index(tmp_path), PHONE, wait_ms=100)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert errors == []
    page.close()
