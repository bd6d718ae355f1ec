"""Tests for asklens.reporting: notebook checks, the runner, atomic publish, lock, HTML, index, init."""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from asklens import reporting
from asklens.config import Config, load_config
from asklens.errors import AsklensError, ConfigError, InputError, NotebookError

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "report"
TINY_NB = FIXTURES / "tiny_report.py"
TINY_CSV = FIXTURES / "tiny_questions.csv"


# ----------------------------------------------------------------------------- notebooks (fast)


def test_packaged_notebooks_ship_inside_the_package():
    for name in ("monthly_report.py", "topics_browser.py"):
        path = reporting.packaged_notebook(name)
        assert path.is_file()
        assert path.parent.name == "notebooks" and path.parent.parent.name == "asklens"
    with pytest.raises(ConfigError, match="ships no notebook"):
        reporting.packaged_notebook("nope.py")


@pytest.mark.parametrize("name", ["monthly_report.py", "topics_browser.py"])
def test_repo_notebooks_are_the_packaged_ones(name):
    # one source of truth: notebooks/ at the repo root is a byte-identical copy
    assert (ROOT / "notebooks" / name).read_bytes() == reporting.packaged_notebook(name).read_bytes()


def test_report_notebook_has_one_typed_parameters_cell_with_sample_defaults():
    nb = reporting.read_notebook(reporting.packaged_notebook())
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    params = reporting.notebook_parameters()
    assert set(params) == {"questions", "faq", "month", "config", "seed", "output_dir"}
    assert params["month"]["default"] == '"2025-12"'
    assert "data/sample/questions" in params["questions"]["default"]
    assert params["faq"]["default"] == '"data/sample/faq.json"'
    for p in params.values():  # every parameter declares its type, so the check can use it
        assert p["inferred_type_name"] in {"str", "int", "list"}, p


@pytest.mark.parametrize("name", ["monthly_report.py", "topics_browser.py"])
def test_notebooks_stay_thin(name):
    nb = reporting.read_notebook(reporting.packaged_notebook(name))
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert not re.search(r"^\s*(def|class|async def)\s", cell.source, re.M), cell.source
        if "parameters" not in cell.metadata.get("tags", []):
            assert len(cell.source.splitlines()) <= 8, cell.source


def test_check_parameters_rejects_unknown_names_with_a_suggestion():
    with pytest.raises(ConfigError, match=r"unknown notebook parameter 'mnth'.*did you mean 'month'"):
        reporting.check_parameters(None, {"mnth": "2025-12"})


def test_check_parameters_rejects_wrong_types():
    with pytest.raises(ConfigError, match="'seed' must be int"):
        reporting.check_parameters(None, {"seed": "zero"})
    with pytest.raises(ConfigError, match="'seed' must be int"):
        reporting.check_parameters(None, {"seed": True})
    with pytest.raises(ConfigError, match="'questions' must be list"):
        reporting.check_parameters(None, {"questions": 3})
    reporting.check_parameters(None, {"seed": 3, "questions": ["a.csv"], "month": "2024-01", "faq": ""})


def test_notebook_without_parameters_cell_is_refused(tmp_path):
    nb = tmp_path / "bare.py"
    nb.write_text("# %%\nx = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="exactly one"):
        reporting.notebook_parameters(nb)


def test_month_checks_and_ranges():
    assert reporting.month_range("2024-11", "2025-02") == ["2024-11", "2024-12", "2025-01", "2025-02"]
    with pytest.raises(ConfigError, match="after"):
        reporting.month_range("2025-03", "2025-01")
    for bad in ("2025-13", "2025-1", "Dec 2025", "2025/12"):
        with pytest.raises(ConfigError, match="YYYY-MM"):
            reporting._check_month(bad)


def test_missing_question_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        reporting.render_report([tmp_path / "nope.csv"], month="2025-12", out_dir=tmp_path / "r",
                                notebook=TINY_NB)
    with pytest.raises(InputError, match="no file matches"):
        reporting.render_report([str(tmp_path / "*.csv")], month="2025-12", out_dir=tmp_path / "r",
                                notebook=TINY_NB)
    assert not (tmp_path / "r").exists()  # nothing created before the inputs are known good


def test_unknown_parameter_fails_before_anything_runs(tmp_path):
    with pytest.raises(ConfigError, match="did you mean 'mode'"):
        reporting.render_report([TINY_CSV], month="2025-12", out_dir=tmp_path / "r", notebook=TINY_NB,
                                parameters={"mdoe": "ok"})
    assert not (tmp_path / "r").exists()


def test_unknown_kernel_is_a_config_error(tmp_path):
    cfg = Config.from_dict({"report": {"kernel_name": "no-such-kernel-xyz"}})
    with pytest.raises(ConfigError, match="no Jupyter kernel named 'no-such-kernel-xyz'"):
        reporting.render_report([TINY_CSV], month="2025-12", out_dir=tmp_path / "r", notebook=TINY_NB,
                                config=cfg)


# ----------------------------------------------------------------------------- display helpers (fast)


def test_show_table_escapes_patron_text_and_sorts_long_tables():
    df = pd.DataFrame({"text": ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"] + ["q"] * 10,
                       "n": range(12)})
    markup = reporting.show_table(df, caption="Questions <b>", max_rows=5)._repr_html_()
    assert "<script>" not in markup and "<img" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "&lt;img src=x onerror=alert(1)&gt;" in markup
    assert "Questions &lt;b&gt;" in markup
    assert "top 5 of 12" in markup
    assert markup.count("<tr>") == 6  # header + 5 rows
    short = reporting.show_table(df.head(3))._repr_html_()
    assert "asklens-sortable" in reporting.show_table(df, max_rows=20)._repr_html_()
    assert "asklens-sortable" not in short
    assert 'class="num"' in short  # numbers right-aligned
    assert "Nothing to show" in reporting.show_table(df.head(0))._repr_html_()


def test_show_table_renames_and_cuts_long_text():
    df = pd.DataFrame({"a": ["x" * 500], "b": [[1, 2]], "c": [0.123456]})
    markup = reporting.show_table(df, columns={"a": "Long", "b": "List"}, max_chars=50)._repr_html_()
    assert "<th>Long</th>" in markup and "<th>List</th>" in markup and ">c<" not in markup
    visible = re.sub(r' title="[^"]*"', "", markup)
    assert "x" * 49 + "…" in visible and "x" * 60 not in visible
    assert f'title="{"x" * 500}"' in markup  # the full text on hover
    assert "1; 2" in markup


def test_show_table_cuts_at_words_links_and_fills_blanks():
    df = pd.DataFrame({"why": ["alpha beta gamma delta <b>epsilon</b> zeta"], "n": [float("nan")],
                       "pm": [4.0], "faq": ["Opening hours"], "url": ["https://lib.example/hours?a=1&b=2"]})
    markup = reporting.show_table(df, columns={"why": "Why", "n": "N", "pm": "Per month", "faq": "FAQ"},
                                  max_chars=30, digits={"pm": 1}, links={"faq": "url"})._repr_html_()
    assert ">alpha beta gamma delta…</td>" in markup  # cut at a word, not mid-word
    assert 'title="alpha beta gamma delta &lt;b&gt;epsilon&lt;/b&gt; zeta"' in markup
    assert ">–</td>" in markup and ">4.0</td>" in markup
    assert '<a href="https://lib.example/hours?a=1&amp;b=2">Opening hours</a>' in markup
    assert "<th>url</th>" not in markup
    bad = reporting.show_table(df.assign(url="javascript:alert(1)"), links={"faq": "url"})._repr_html_()
    assert "<a " not in bad


def test_report_data_save_writes_deterministic_csvs_and_kpis(tmp_path):
    df = pd.DataFrame({"when": pd.to_datetime(["2025-12-01 10:00"]).tz_localize("America/New_York"),
                       "tags": [["a", "b"]], "x": [1 / 3], "n": pd.array([pd.NA], dtype="Int64")})
    data = reporting.ReportData(month="2025-12", library="L", tables={"t": df},
                                kpis={"questions": 3, "share": float("nan"), "by": {"chat": 2}})
    assert data.save("") == []
    data.save(tmp_path / "a")
    data.save(tmp_path / "b")
    a = (tmp_path / "a" / "tables" / "t.csv").read_bytes()
    assert a == (tmp_path / "b" / "tables" / "t.csv").read_bytes()
    assert a.decode() == "when,tags,x,n\n2025-12-01T10:00:00-05:00,a; b,0.333333,\n"
    kpis = json.loads((tmp_path / "a" / "kpis.json").read_text())
    assert kpis == {"month": "2025-12", "library": "L", "questions": 3, "share": None, "by": {"chat": 2}}


def test_header_escapes_library_name_and_writes_summary():
    data = reporting.ReportData(month="2025-12", library="<script>x</script> Library",
                                kpis={"questions": 120, "change_vs_previous_month": 0.2,
                                      "summary": ["120 questions <b>bold</b>."]})
    markup = data.header()._repr_html_()
    assert "<script>x" not in markup and "&lt;script&gt;x&lt;/script&gt; Library" in markup
    assert "December 2025" in markup and "+20% on last month" in markup
    assert "120 questions &lt;b&gt;bold&lt;/b&gt;." in markup


def test_notes_are_escaped_and_bullets_become_lists():
    data = reporting.ReportData(month="2025-12", library="L",
                                notes={"a": "Estimate <b>9</b> hours:\n• deflection: 40%\n• <img src=x>\nDone."})
    assert data.note("a")._repr_html_() == (
        '<div class="asklens-note"><p>Estimate &lt;b&gt;9&lt;/b&gt; hours:</p><ul><li>deflection: 40%</li>'
        "<li>&lt;img src=x&gt;</li></ul><p>Done.</p></div>")
    assert data.note("missing")._repr_html_() == ""


def test_write_index_lists_months_newest_first_and_escapes(tmp_path):
    for month, n in (("2025-11", 80), ("2025-12", 100)):
        (tmp_path / month).mkdir()
        (tmp_path / month / "report.html").write_text("x")
        (tmp_path / month / "kpis.json").write_text(json.dumps(
            {"library": "A <i>lib</i>", "questions": n, "change_vs_previous_month": 0.25,
             "automatable_share": 0.3, "hours_at_stake": 12.4, "faqs_to_write": 2}))
    (tmp_path / "2025-10").mkdir()  # no report.html: not listed
    (tmp_path / ".tmp-2025-09-dead").mkdir()
    page = reporting.write_index(tmp_path).read_text()
    assert page.index("2025-12/report.html") < page.index("2025-11/report.html")
    assert "2025-10" not in page and ".tmp-" not in page
    assert "A &lt;i&gt;lib&lt;/i&gt; — question reports" in page and "<i>lib" not in page
    assert "+25%" in page and "30%" in page and ">100<" in page
    assert "<script" not in page


def test_default_config_text_is_valid_and_documents_every_key():
    text = reporting.default_config_text(name='The "Big" Library', timezone="Europe/London")
    cfg = Config.from_dict(tomllib.loads(text))
    assert cfg.workspace.name == 'The "Big" Library' and cfg.workspace.timezone == "Europe/London"
    assert cfg.to_dict() == Config.from_dict({"workspace": {"name": 'The "Big" Library',
                                                            "timezone": "Europe/London"}}).to_dict()
    for section, values in Config().to_dict().items():
        assert f"[{section}]" in text
        for key in values:
            assert re.search(rf"^#? ?{key} =", text, re.M), key
            # before: only the type ("not set by default (int | None)"); now each setting says what it does
            if not (section == "workspace" and key in {"name", "timezone"}):
                assert re.search(rf"^# [A-Z].*:\n#? ?{key} =", text, re.M), f"{key} is not explained"
    assert "see the comments" not in reporting._rules_table(Config()).to_string()


def test_month_ranges_names_runs_and_gaps():
    P = lambda m: pd.Period(m, freq="M")  # noqa: E731
    assert reporting.month_ranges([P("2024-01"), P("2024-03"), P("2024-04"), P("2024-05")]) == \
        "2024-01, 2024-03–2024-05"
    assert reporting.month_ranges(["2025-12"]) == "2025-12" and reporting.month_ranges([]) == "none"


def test_a_month_without_questions_names_the_months_that_have_them(tmp_path):
    # before: "pick a month between 2024-01 and 2024-03" for 2024-02, and "between - and -" for an empty log
    log = tmp_path / "log.csv"
    log.write_text("question_id,asked_at,text\n1,2024-01-10 10:00,How do I renew?\n"
                   "2,2024-03-02 10:00,Where can I print?\n", encoding="utf-8")
    with pytest.raises(InputError, match="no question in 2024-02 — fix: pick a month with questions: 2024-01, "
                                         "2024-03"):
        reporting.build_report_data([log], month="2024-02")
    empty = tmp_path / "empty.csv"
    empty.write_text("question_id,asked_at,text\n", encoding="utf-8")
    with pytest.raises(InputError, match="hold no question"):
        reporting.build_report_data([empty], month="2024-02")


def test_a_log_younger_than_the_rules_window_says_how_many_months_the_figures_cover(tmp_path):
    # before: the report for a log's first month said "averaged over the last 12 months" of one month
    texts = ["How do I renew my books?", "Can I renew a book online?", "Where can I print?", "How much is printing?",
             "Is the library open on Sunday?", "What time does the library close?"]
    rows = [f"{i},2024-0{1 + i % 2}-{1 + i % 27:02d} 10:00,{texts[i % len(texts)]}" for i in range(120)]
    log = tmp_path / "log.csv"
    log.write_text("question_id,asked_at,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    first = reporting.build_report_data([log], month="2024-01")
    assert first.kpis["window_months"] == 1 and first.kpis["rules_window_months"] == 12
    assert first.window_words() == "this month"
    assert "averaged over the this month alone (the log starts this month" not in first.notes["automation"]
    assert "averaged over this month alone (the log starts this month; the rules look back 12 months" in \
        first.notes["automation"]
    assert first.tables["channels"]["previous_month"].isna().all()  # no month before the first: "–", not 0
    assert first.notes["custom_work"].startswith("Over the last 1 month, a topic needs people")
    second = reporting.build_report_data([log], month="2024-02")
    assert second.tables["channels"]["previous_month"].notna().all()
    assert second.kpis["window_months"] == 2 and second.window_words() == "last 2 months"
    assert "averaged over the last 2 months (the log starts 1 month before this one" in second.notes["automation"]


def test_titles_asked_for_by_name_are_listed_as_collection_demand(tmp_path):
    texts = ["Do you have Born a Crime?", "Is Born a Crime checked out?", "can i renew born a crime",
             "How do I renew my books?", "Can I renew a book online?", "renew my library books please"]
    rows = [f"{i},2024-{1 + i % 6:02d}-{1 + i % 27:02d} 10:00,{texts[i % len(texts)]}" for i in range(180)]
    log = tmp_path / "log.csv"
    log.write_text("question_id,asked_at,text\n" + "\n".join(rows) + "\n", encoding="utf-8")
    data = reporting.build_report_data([log], month="2024-06")
    titles = data.tables["asked_titles"]
    assert titles["title"].tolist() == ["Born a Crime"] and titles["n_title"].iloc[0] == 90
    assert data.kpis["titles_asked_for"] == 1
    assert titles["also_in_faqs_to_write"].tolist() == ["no"]  # no FAQ base given: no FAQs to write
    assert data.notes["asked_titles"].startswith("1 topic of the last 6 months is mostly requests for one book")


def test_a_broken_faq_file_fails_before_the_notebook_runs(tmp_path):
    # before: found about 10 s in, inside the notebook, leaving a failed notebook behind
    log = tmp_path / "log.csv"
    log.write_text("question_id,asked_at,text\n1,2024-01-10 10:00,How do I renew?\n", encoding="utf-8")
    faq = tmp_path / "faq.json"
    faq.write_text("not json {", encoding="utf-8")
    out = tmp_path / "reports"
    with pytest.raises(InputError, match="faq.json.*not valid JSON"):
        reporting.render_report([log], month="2024-01", faq=faq, out_dir=out)
    assert not (out / reporting.FAILED_DIR).exists() and reporting.published_months(out) == []


def test_init_workspace_creates_a_workspace(tmp_path):
    ws = tmp_path / "ws"
    cfg_path = reporting.init_workspace(ws, name="Test Library", timezone="America/Chicago")
    for sub in ("data/raw", "data/processed", "notebooks", "reports"):
        assert (ws / sub).is_dir()
    cfg = load_config(cfg_path)
    assert cfg.workspace.name == "Test Library" and cfg.workspace.timezone == "America/Chicago"
    for name in ("monthly_report.py", "topics_browser.py"):
        copied = (ws / "notebooks" / name).read_text(encoding="utf-8")
        packaged = reporting.packaged_notebook(name).read_text(encoding="utf-8")
        # the same notebook, its parameters pointing at the workspace's folders, not at the shipped sample
        assert "data/sample" in packaged and "data/sample" not in copied
        assert 'questions: list = ["data/raw/*"]' in copied and 'config: str = "asklens.toml"' in copied
        assert 'faq: str = ""' in copied
        differ = [(a, b) for a, b in zip(packaged.splitlines(), copied.splitlines()) if a != b]
        assert len(packaged.splitlines()) == len(copied.splitlines()) and len(differ) == 3, differ
    # every line of the config template is valid TOML once uncommented (keys not set by default get an example)
    import tomllib

    for line in cfg_path.read_text(encoding="utf-8").splitlines():
        if re.match(r"# [a-z_]+ = ", line):  # a commented-out setting (the lines above them explain them)
            tomllib.loads(line[2:])
    from asklens.topics import load_curation

    assert load_curation(ws / "topics.toml") == load_curation(None)  # all commented out, but valid TOML
    with pytest.raises(ConfigError, match="already has an asklens.toml"):
        reporting.init_workspace(ws)
    with pytest.raises(ConfigError, match="time zone"):
        reporting.init_workspace(tmp_path / "ws2", timezone="Mars/Olympus")


# ----------------------------------------------------------------------------- the runner (slow)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """One successful tiny run, shared by the tests that only read its output."""
    out = tmp_path_factory.mktemp("reports")
    result = reporting.render_report([TINY_CSV], month="2025-12", out_dir=out, notebook=TINY_NB, seed=3)
    return out, result


@pytest.mark.slow
def test_render_report_publishes_every_file(published):
    out, result = published
    folder = out / "2025-12"
    assert result.folder == folder and result.html == folder / "report.html"
    for name in ("report.html", "report.ipynb", "kpis.json", "manifest.json", "tables/questions.csv",
                 "tables/monthly.csv"):
        assert (folder / name).is_file(), name
    assert result.kpis["questions"] == 4
    assert not [p for p in out.iterdir() if p.name.startswith((".tmp-", ".old-"))]
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["month"] == "2025-12" and manifest["seed"] == 3
    assert manifest["inputs"]["questions"][0]["sha256"] and manifest["packages"]["pandas"] == pd.__version__
    assert manifest["redactions"] == {"email": 1}
    assert {"execute", "export", "total"} <= set(manifest["timings_seconds"])
    assert "output_dir" not in manifest["parameters"]
    index = (out / "index.html").read_text()
    assert "2025-12/report.html" in index


@pytest.mark.slow
def test_html_is_self_contained_without_code(published):
    out, result = published
    page = result.html.read_text(encoding="utf-8")
    assert result.html_bytes < reporting.MAX_HTML_BYTES
    assert not re.search(r"""<(script|link|img)[^>]+(src|href)=["']?(https?:)?//""", page), "loads from network"
    assert "require.min.js" not in page and "tex-svg" not in page and "mermaid.esm" not in page
    assert page.count("Plotly.newPlot(") == 2  # two figures
    assert len(re.findall(r"plotly\.js v\d", page)) == 1  # plotly.js inlined exactly once
    assert "reporting.setup_notebook" not in page and "data.save" not in page  # no code
    assert "asklens-sortable" in page and "aria-sort" in page  # sorter present
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert "<title>Tiny &lt;b&gt;Library&lt;/b&gt; — questions report, December 2025</title>" in page
    assert "1. Questions" in page and "2. Channels" in page
    nb = nbformat.read(out / "2025-12" / "report.ipynb", as_version=4)
    assert any("injected-parameters" in c.metadata.get("tags", []) for c in nb.cells)


@pytest.mark.slow
def test_same_inputs_and_seed_give_the_same_tables_and_figures(published, tmp_path):
    out, _ = published
    again = reporting.render_report([TINY_CSV], month="2025-12", out_dir=tmp_path, notebook=TINY_NB, seed=3)
    for csv in (out / "2025-12" / "tables").iterdir():
        assert (again.folder / "tables" / csv.name).read_bytes() == csv.read_bytes(), csv.name

    def figures(path):
        nb = nbformat.read(path, as_version=4)
        return [o["data"]["application/vnd.plotly.v1+json"] for c in nb.cells if c.cell_type == "code"
                for o in c.get("outputs", []) if "application/vnd.plotly.v1+json" in o.get("data", {})]

    first, second = figures(out / "2025-12" / "report.ipynb"), figures(again.folder / "report.ipynb")
    assert len(first) == 2 and first == second
    html_ids = re.findall(r'id="(asklens-figure-\d+)"', again.html.read_text())
    assert html_ids == ["asklens-figure-1", "asklens-figure-2"]


@pytest.mark.slow
def test_failed_run_keeps_the_last_good_report(tmp_path):
    good = reporting.render_report([TINY_CSV], month="2025-12", out_dir=tmp_path, notebook=TINY_NB)
    before = {p.name: p.read_bytes() for p in good.folder.iterdir() if p.is_file()}
    with pytest.raises(NotebookError) as info:
        reporting.render_report([TINY_CSV], month="2025-12", out_dir=tmp_path, notebook=TINY_NB,
                                parameters={"mode": "fail"})
    message = str(info.value)
    assert info.value.exit_code == 3
    assert "RuntimeError: the tiny report was asked to fail" in message
    assert 'under "2. Channels"' in message and "if mode ==" in message
    kept = tmp_path / ".failed" / "2025-12.ipynb"
    assert str(kept) in message and kept.is_file()
    after = {p.name: p.read_bytes() for p in good.folder.iterdir() if p.is_file()}
    assert after == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith((".tmp-", ".old-"))]


@pytest.mark.slow
def test_rerun_replaces_the_month_and_cleans_leftovers_of_killed_runs(tmp_path):
    (tmp_path / ".tmp-2025-12-deadbeef" / "tables").mkdir(parents=True)  # a run killed mid-way
    aside = tmp_path / ".old-2025-11-cafe0001"  # a run killed between its two renames
    aside.mkdir()
    (aside / "report.html").write_text("november")
    (tmp_path / "2025-12").mkdir()
    (tmp_path / "2025-12" / "report.html").write_text("old december")
    (tmp_path / "2025-12" / "stale.txt").write_text("from the old run")
    result = reporting.render_report([TINY_CSV], month="2025-12", out_dir=tmp_path, notebook=TINY_NB)
    assert "old december" not in result.html.read_text()
    assert not (tmp_path / "2025-12" / "stale.txt").exists()
    assert (tmp_path / "2025-11" / "report.html").read_text() == "november"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".") and p.is_dir()) == []
    assert reporting.published_months(tmp_path) == ["2025-11", "2025-12"]


@pytest.mark.slow
def test_a_config_object_reaches_the_kernel(tmp_path):
    cfg = Config.from_dict({"workspace": {"timezone": "Europe/Paris"}})
    result = reporting.render_report([TINY_CSV], month="2025-12", out_dir=tmp_path, notebook=TINY_NB, config=cfg)
    assert result.kpis["timezone"] == "Europe/Paris"
    assert not (result.folder / ".config.toml").exists()


@pytest.mark.slow
def test_execution_timeout_from_config_stops_a_stuck_cell(tmp_path):
    cfg_file = tmp_path / "asklens.toml"
    cfg_file.write_text("[report]\nexecution_timeout = 3\n", encoding="utf-8")
    with pytest.raises(NotebookError, match=r"execution_timeout = 3 s"):
        reporting.render_report([TINY_CSV], month="2025-12", out_dir=tmp_path / "r", notebook=TINY_NB,
                                config=cfg_file, parameters={"mode": "sleep"})
    assert reporting.published_months(tmp_path / "r") == []
    assert not [p for p in (tmp_path / "r").iterdir() if p.name.startswith(".tmp-")]


@pytest.mark.slow
def test_kernel_start_timeout_from_config(tmp_path, monkeypatch):
    spec = tmp_path / "jupyter" / "kernels" / "sleepy"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-c", "import time; time.sleep(30)", "{connection_file}"],
        "display_name": "never answers", "language": "python"}))
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    cfg = Config.from_dict({"report": {"kernel_name": "sleepy", "kernel_start_timeout": 2}})
    with pytest.raises(NotebookError, match="did not start within .report. kernel_start_timeout = 2 s"):
        reporting.render_report([TINY_CSV], month="2025-12", out_dir=tmp_path / "r", notebook=TINY_NB, config=cfg)
    assert reporting.published_months(tmp_path / "r") == []
    assert not [p for p in (tmp_path / "r").iterdir() if p.name.startswith(".tmp-")]


def test_a_second_run_waits_for_the_lock_then_gives_up(tmp_path):
    import filelock

    tmp_path.mkdir(exist_ok=True)
    with filelock.FileLock(str(tmp_path / reporting.LOCK_NAME)):
        with pytest.raises(AsklensError, match="another asklens report run"):
            reporting.render_report([TINY_CSV], month="2025-12", out_dir=tmp_path, notebook=TINY_NB,
                                    lock_timeout=0.2)
    assert reporting.published_months(tmp_path) == []


def test_failed_notebook_is_described_by_section_and_line():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("## 3. Knowledge gaps\ntext"),
                nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["injected-parameters"]}),
                nbformat.v4.new_code_cell("# comment\ndata.show('faq_gaps')")]
    assert reporting._describe_cell(nb, 2) == 'code cell 1 under "3. Knowledge gaps" (`data.show(\'faq_gaps\')`)'
    assert reporting._describe_cell(nb, None) == "an unknown cell"


# ----------------------------------------------------------------------------- the real report on small data (slow)

XSS_TEXTS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")


def write_small_workspace(dest: Path, *, n: int = 1200, seed: int = 0) -> dict:
    """Write a small workspace (generic CSV log + FAQ CSV + config) from the seeded generator.

    Patron text with HTML/script in it is planted in December 2025, entity-encoded as an
    export would have it (the readers decode entities, so the text reaches the report).
    """
    import html as html_module

    from asklens.datasets import generate_questions

    dest.mkdir(parents=True, exist_ok=True)
    q, faq, _ = generate_questions(n, start="2024-11-01", end="2025-12-31", random_state=seed)
    q = q.drop(columns=["true_topic", "source"])
    endings = ["how do I renew my books online?", "how can I renew my loans?", "can I renew my books?",
               "renew my books online please", "how do I renew a book I borrowed?"]
    extra = []
    for i in range(24):
        text = f"{XSS_TEXTS[i % 2]} {endings[i % len(endings)]}"
        extra.append({"question_id": f"x{i}", "asked_at": pd.Timestamp(f"2025-12-{1 + i:02d} 10:{i:02d}",
                                                                        tz="America/New_York"),
                      "text": html_module.escape(text), "channel": "chat", "answer": "Log in to My Account.",
                      "tags": ["renewals"], "effort": 1, "duration_min": 3.0, "n_messages": 4})
    q = pd.concat([q, pd.DataFrame(extra)], ignore_index=True)
    q["asked_at"] = q["asked_at"].map(lambda t: t.strftime("%Y-%m-%d %H:%M:%S"))
    q["tags"] = q["tags"].map(lambda v: ";".join(v) if isinstance(v, list) else "")
    q["question_id"] = q["question_id"].str.replace(":", "-")
    q.to_csv(dest / "questions.csv", index=False)
    f = pd.DataFrame({"FAQ ID": faq["faq_id"], "Question": faq["question"], "Answer": faq["answer"],
                      "Topics": faq["topics"].map(lambda v: "; ".join(v)),
                      "Last Updated": faq["updated_at"].map(lambda t: t.strftime("%Y-%m-%d %H:%M:%S")),
                      "Total Views": faq["views"], "URL": faq["url"]})
    f.to_csv(dest / "faq.csv", index=False)
    (dest / "asklens.toml").write_text(
        '[workspace]\nname = "Small <b>Test</b> Library"\ntimezone = "America/New_York"\n', encoding="utf-8")
    return {"questions": dest / "questions.csv", "faq": dest / "faq.csv", "config": dest / "asklens.toml"}


def render_small_report(tmp_path_factory) -> tuple[dict, "reporting.ReportResult"]:
    """Render the small workspace's 2025-12 report once per test session (shared by several modules)."""
    import filelock

    base = tmp_path_factory.getbasetemp() / "small-report"
    base.mkdir(exist_ok=True)
    with filelock.FileLock(str(base) + ".lock"):
        ws = {"questions": base / "questions.csv", "faq": base / "faq.csv", "config": base / "asklens.toml"}
        if not ws["config"].is_file():
            ws = write_small_workspace(base, n=700)
        out = base / "reports"
        if "2025-12" in reporting.published_months(out):
            folder = out / "2025-12"
            kpis = json.loads((folder / "kpis.json").read_text())
            result = reporting.ReportResult(month="2025-12", folder=folder, html=folder / "report.html",
                                            kpis=kpis, html_bytes=(folder / "report.html").stat().st_size)
        else:
            result = reporting.render_report([ws["questions"]], faq=ws["faq"], month="2025-12",
                                             config=ws["config"], out_dir=out, seed=0)
    return ws, result


@pytest.fixture(scope="module")
def small_report(tmp_path_factory):
    return render_small_report(tmp_path_factory)


SECTIONS = ("1. The month at a glance", "2. What to automate next", "3. Knowledge gaps", "4. Where people are needed",
            "5. Trends", "6. Data and privacy")


@pytest.mark.slow
def test_report_notebook_on_small_data_has_every_section_and_table(small_report):
    ws, result = small_report
    page = result.html.read_text(encoding="utf-8")
    for heading in SECTIONS:
        assert heading in page, heading
    assert "Small &lt;b&gt;Test&lt;/b&gt; Library: questions in December 2025" in page
    assert "In short" in page and "questions were asked in December 2025" in page
    assert page.count("Plotly.newPlot(") == 9
    assert result.html_bytes < reporting.MAX_HTML_BYTES
    tables = {p.stem for p in (result.folder / "tables").glob("*.csv")}
    assert {"topics", "questions", "automation", "faq_gaps", "findability", "stale_faqs", "custom_work", "rising",
            "topic_trends", "channel_mix", "load_heatmap", "seasonal", "files", "redactions", "rules"} <= tables
    kpis = json.loads((result.folder / "kpis.json").read_text())
    n_dec = int((pd.read_csv(ws["questions"])["asked_at"].str[:7] == "2025-12").sum())
    assert kpis["questions"] == n_dec
    assert kpis["library"] == "Small <b>Test</b> Library"
    assert set(kpis["redactions"]) >= {"email", "phone", "name"} and sum(kpis["redactions"].values()) > 0
    # the privacy note counts masked details in the text; dropped columns are named apart, not added in
    in_text = sum(v for k, v in kpis["redactions"].items() if k != "id_column")
    assert f"Personal details were masked before anything was analysed: {in_text:,} in the text" in page
    questions = pd.read_csv(result.folder / "tables" / "questions.csv")
    assert len(questions) == n_dec and {"topic_id", "topic_label", "best_faq_id"} <= set(questions.columns)
    assert not questions["text"].str.contains(r"[\w.]+@[\w-]+\.\w+", regex=True).any()  # scrubbed text only
    assert questions["text"].str.contains("<script>alert(1)</script>", regex=False).any()
    manifest = json.loads((result.folder / "manifest.json").read_text())
    assert manifest["inputs"]["faq"]["sha256"] and manifest["redactions"] == kpis["redactions"]


@pytest.mark.slow
def test_bad_month_inside_the_notebook_is_an_input_error(small_report, tmp_path):
    ws, _ = small_report
    with pytest.raises(InputError, match="no question in 2023-01"):
        reporting.render_report([ws["questions"]], month="2023-01", config=ws["config"], out_dir=tmp_path)
    assert reporting.published_months(tmp_path) == []


@pytest.mark.slow
def test_topics_browser_runs_on_small_data(small_report, tmp_path):
    import papermill as pm

    ws, _ = small_report
    nb = reporting.read_notebook(reporting.packaged_notebook("topics_browser.py"))
    params = {"questions": [str(ws["questions"])], "faq": str(ws["faq"]), "month": "2025-12",
              "config": str(ws["config"]), "search": "renew", "topic": 0, "min_volume": 5,
              "high_effort_share": 0.5}
    reporting.check_parameters(nb, params)
    done = pm.execute_notebook(nb, str(tmp_path / "browser.ipynb"), parameters=params, kernel_name="python3",
                               progress_bar=False, cwd=str(tmp_path))
    outputs = json.dumps([c.get("outputs", []) for c in done.cells])
    assert "Questions mentioning" in outputs and "Topics per category with these thresholds" in outputs
    assert '"output_type": "error"' not in outputs


def test_plain_reason_drops_config_keys_and_statistics_and_names_faqs():
    text = ("write an FAQ: 101 questions in 12 months, asked in 11 of them (≥ min_volume 10, ≥ min_recurrence "
            "50%); no FAQ entry is about this topic (closest: 2410616, z=3.8), coverage 0% < min_coverage 20%")
    out = reporting.plain_reason(text, faq_titles={"2410616": "How do I cite <sources>?"})
    assert "asked in 11 of them" in out and "last 12 months" in out
    assert "“How do I cite <sources>?”" in out
    for jargon in ("min_", "z=", "2410616", "coverage 0%"):
        assert jargon not in out
    trend = ("rising: 103 questions in the last 12 months vs 59 in the 12 months before (share ×1.76, p=0.00051) "
             "[binomial test on share, p < trend_alpha 0.01, change ≥ ×1.5 (trend_min_ratio), ≥ 10 questions]")
    out = reporting.plain_reason(trend)
    assert "1.8 times its earlier share" in out and "p=" not in out and "binomial" not in out
    people = ("needs people: 45% of 74 READ-coded questions are READ 3+ (≥ high_effort_share 40%); diverse "
              "questions: cohesion 0.04 over 138 questions (< low_cohesion 0.05)")
    out = reporting.plain_reason(people)
    assert "cohesion" not in out and "too varied" in out and "45% of 74" in out
    assert reporting.plain_reason(None) == "" and reporting.plain_reason(float("nan")) == ""
    # an FAQ close to the topic that answers too few of its questions is named as such, not as "not specific"
    close = ("write an FAQ: 117 questions in 12 months, asked in 12 of them (≥ min_volume 10, 100% ≥ min_recurrence "
             "50%); coverage 0% < min_coverage 20%; no FAQ entry answers this topic (closest: 2410039, z=9.2 ≥ "
             "faq_claim_z 2, but the entries that close are together the best match of only 37% of its questions "
             "(< faq_answer_share 50%) and its z is under faq_claim_share 0.75 of the entry's strongest topic "
             "(z=15.1)); no needs-people signal fired")
    out = reporting.plain_reason(close, faq_titles={"2410039": "What time does the library close?"})
    assert ("the closest FAQs, led by “What time does the library close?”, are together the best answer to only "
            "37% of its questions") in out, out
    assert "not specific" not in out and "z=" not in out and "faq_" not in out


def test_plural_and_trend_arrow():
    assert reporting._plural(1, "topic") == "1 topic" and reporting._plural(2, "FAQ") == "2 FAQs"
    assert reporting._plural(1200, "question") == "1,200 questions"
    assert reporting._trend_arrow("17 this month vs 12 the month before, 6 a year earlier") == "▲ 42%"
    assert reporting._trend_arrow("30 this month vs 60 the month before") == "▼ 50%"
    # under 10 questions in either month a percentage is noise: the counts are shown
    assert reporting._trend_arrow("7 this month vs 4 the month before, 6 a year earlier") == "▲ 7 vs 4"
    assert reporting._trend_arrow("4 this month vs 10 the month before") == "▼ 4 vs 10"
    assert reporting._trend_arrow("2 this month vs 0 the month before") == "▲ new"
    assert reporting._trend_arrow(None) == ""


def test_show_uses_plain_words_titles_and_keeps_the_csv_exact(tmp_path):
    reason = "stale: read 8 times, less than stale_view_share 0.1 of the median entry's 579 views"
    stale = pd.DataFrame({"faq_id": ["F1"], "faq_question": ["Opening <hours>"], "views": [8], "reason": [reason]})
    auto = pd.DataFrame({"topic_label": ["A", "B"], "hours_saved": [0.26, 1.04], "per_month": [4.0, 5.4167],
                         "trend": ["7 this month vs 4 the month before", "1 this month vs 2 the month before"],
                         "category": ["write FAQ", "automate"]})
    faq = pd.DataFrame({"faq_id": ["F1"], "question": ["Opening <hours>"], "url": ["https://x.example/h"]})
    data = reporting.ReportData(month="2025-12", library="L", tables={"stale_faqs": stale, "automation": auto},
                                faq=faq)
    markup = data.show("stale_faqs")._repr_html_()
    assert "stale_view_share" not in markup and ">F1<" not in markup
    assert '<a href="https://x.example/h">Opening &lt;hours&gt;</a>' in markup
    markup = data.show("automation")._repr_html_()
    assert markup.index(">B<") < markup.index(">A<")  # most hours first, like the chart
    assert ">1.04<" in markup and ">0.26<" in markup and ">5.4<" in markup and ">4.0<" in markup
    assert "▲ 7 vs 4" in markup and "write an FAQ" in markup
    data.save(tmp_path)
    assert reason in (tmp_path / "tables" / "stale_faqs.csv").read_text()


def test_summary_uses_singular_and_plural_and_separates_seasonal_weeks():
    kpis = {"questions": 1, "faqs_to_write": 1, "faqs_not_found": 2, "stale_faqs": 0, "topics_needing_people": 1}
    flags = pd.DataFrame({"term_week": [3, 4], "status": ["higher", "lower"]})
    out = reporting._summary_sentences("2025-12", kpis, {"seasonal_flags": flags})
    text = " ".join(out)
    assert "(s)" not in text
    assert "1 recurring topic has no FAQ that answers it" in text and "2 FAQs answer questions people" in text
    assert "0 FAQs" not in text and "no FAQ looks out of date" in text
    assert "1 topic needs people" in text
    assert "normal ups and downs" in text and "2 weeks of this term differed" in text


def test_files_show_reader_product_names():
    files = pd.DataFrame({"path": ["a.csv"], "format": ["refanalytics"], "rows_read": [3], "rows_kept": [3]})
    markup = reporting.ReportData(month="2025-12", library="L", tables={"files": files}).show("files")._repr_html_()
    assert "LibAnswers Reference Analytics" in markup and "refanalytics" not in markup


def test_summary_names_the_topics_of_each_trend_under_their_own_count():
    kpis = {"questions": 10, "topics_rising": 3, "topics_fading": 1}
    rising = pd.DataFrame({"topic_label": ["AI tools", "Data help", "GIS", "Fines"],
                           "status": ["rising", "rising", "rising", "fading"]})
    text = " ".join(reporting._summary_sentences("2025-12", kpis, {"rising": rising}))
    assert "Topics changing: 3 rising (“AI tools”, “Data help”, …); 1 fading (“Fines”)." in text, text


def test_topics_table_lists_miscellaneous_last_so_the_rows_add_up():
    history = pd.DataFrame({"topic_id": [0, 0, 1, -1, -1, 1, -1]})
    in_month = pd.Series([True, True, False, True, False, True, False])
    topics = pd.DataFrame({"topic_id": [0, 1], "label": ["Hours", "Printing"], "keywords": [["open"], ["print"]],
                           "examples": [["when open?"], ["print?"]]})
    out = reporting._topics_table(history, topics, in_month)
    assert out["topic_label"].tolist() == ["Hours", "Printing", "Miscellaneous"]
    assert out["n_questions"].sum() == in_month.sum() and out["n_history"].sum() == len(history)
    assert out.iloc[-1]["topic_id"] == -1 and out.iloc[-1]["n_questions"] == 1


# ----------------------------------------------------------------------------- review 3: presentation


def _why_table() -> pd.DataFrame:
    why = ("write an FAQ: 128 questions in the last 12 months, asked in 12 of them; no FAQ entry answers this "
           "topic (the closest FAQ is the best answer to only 27% of its questions)")
    return pd.DataFrame({"topic": ["History and Lost", "Output Looks"], "n": [128, 118], "per_month": [10.7, 9.8],
                         "share": [0.0, 0.0], "why": [why, why]})


def test_long_text_columns_keep_a_readable_width_on_a_phone():
    markup = reporting.show_table(_why_table(), columns={"topic": "Topic", "n": "Questions", "why": "Why"}
                                  )._repr_html_()
    assert '<th class="text">Why</th>' in markup and markup.count('<td class="text">') == 2
    assert '<th>Topic</th>' in markup and '<td class="num">128</td>' in markup
    css = re.search(r"td\.text \{[^}]*min-width: (\d+)em", reporting._REPORT_CSS)
    assert css and int(css.group(1)) >= 15


@pytest.mark.slow
@pytest.mark.browser
def test_reason_column_is_not_squeezed_to_a_word_a_line_at_420_px(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("no /usr/bin/chromium")
    table = reporting.show_table(_why_table(), columns={"topic": "Topic", "n": "Questions", "per_month": "Per month",
                                                        "share": "Answered by an FAQ", "why": "Why"})._repr_html_()
    page_html = (f"<html><head><meta name='viewport' content='width=device-width'><style>{reporting._REPORT_CSS}"
                 f"</style></head><body><main><div class='jp-RenderedHTMLCommon'><div class='jp-OutputArea-output'>"
                 f"{table}</div></div></main></body></html>")
    page_file = tmp_path / "t.html"
    page_file.write_text(page_html, encoding="utf-8")
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"]
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        try:
            page = browser.new_page(viewport={"width": 420, "height": 800})
            page.goto(page_file.as_uri())
            width = page.evaluate("document.querySelector('td.text').getBoundingClientRect().width")
            height = page.evaluate("document.querySelector('tbody tr').getBoundingClientRect().height")
        finally:
            browser.close()
    assert width >= 200 and height < 160, (width, height)


def test_a_close_faq_that_does_not_count_says_the_share_it_needs_and_never_related_at_0_percent():
    base = ("write an FAQ: 43 questions in 12 months, asked in 12 of them (≥ min_volume 10, 100% ≥ min_recurrence "
            "50%); coverage 0% < min_coverage 20%; no FAQ entry answers this topic (closest: 7, z=2.7 ≥ faq_claim_z 2, "
            "but the entries that close are together the best match of only {share} of its questions (< "
            "faq_answer_share 50%) and its z is under faq_claim_share 0.75 of the entry's strongest topic (z=32.4)); "
            "no needs-people signal fired")
    titles = {"7": "How do I print, scan or copy?"}  # a comma in the FAQ's title
    out = reporting.plain_reason(base.format(share="37%"), faq_titles=titles)
    assert ("(the closest FAQs, led by “How do I print, scan or copy?”, are together the best answer to only 37% "
            "of its questions, under the 50% needed to count; the closest one fits another topic better)") in out, out
    out = reporting.plain_reason(base.format(share="0%"), faq_titles=titles)
    assert "is the best answer to none of its questions)" in out, out
    assert "related" not in out and "only 0%" not in out and "not specific" not in out


def test_trends_table_shows_the_12_months_before_once_when_they_are_the_year_earlier():
    rising = pd.DataFrame({"topic_label": ["Output Looks", "Fines"], "status": ["rising", "fading"],
                           "n_recent": [118, 25], "n_baseline": [38, 85], "n_last_year": [38.0, 85.0],
                           "reason": ["rising: 118 vs 38", "fading: 25 vs 85"]})
    data = reporting.ReportData(month="2025-12", library="L", tables={"rising": rising})
    markup = data.show("rising")._repr_html_()
    assert "Same months a year earlier" not in markup and "The 12 months before (= a year earlier)" in markup
    assert markup.count(">38<") == 1
    # a different window keeps both comparisons
    data.tables["rising"] = rising.assign(n_last_year=[30, 90])
    markup = data.show("rising")._repr_html_()
    assert "Same months a year earlier" in markup and ">30<" in markup and ">38<" in markup


def test_headline_card_and_summary_say_hours_saved_and_never_0_faqs():
    kpis = {"questions": 390, "automatable_share": 0.62, "hours_at_stake": 9.4, "faqs_to_write": 23,
            "faqs_not_found": 0, "stale_faqs": 5, "topics_needing_people": 24}
    data = reporting.ReportData(month="2025-12", library="L", kpis=kpis)
    markup = data.header()._repr_html_()
    assert "Staff hours saved" in markup and "at stake" not in markup
    text = " ".join(reporting._summary_sentences("2025-12", kpis, {}))
    assert "0 FAQs" not in text and "no FAQ looks hard to find" in text
    assert "5 FAQs look out of date or unread (check, update or retire them)." in text


def test_change_columns_of_signed_percentages_align_right_like_the_numbers():
    glance = pd.DataFrame({"row": ["All questions", "by chat"], "now": [390, 177], "change": ["+6%", "-25%"],
                           "label": ["+6% up", "x"]})
    markup = reporting.show_table(glance, columns={"row": "", "now": "This month", "change": "Change",
                                                   "label": "Note"})._repr_html_()
    assert '<th class="num">Change</th>' in markup and '<td class="num">+6%</td>' in markup
    assert '<td class="num">-25%</td>' in markup and '<td>+6% up</td>' in markup and "<th>Note</th>" in markup


def test_why_cells_are_not_cut_mid_sentence():
    why = ("automate: routine: 86 questions; asked in 12 of the last 12 months; the questions are alike; 4% of 49 "
           "with an effort code need READ 3+; the FAQs “How do I renew my books?”, “Why can't I renew an item?”, "
           "“How do I log in to my library account?” answer 91% of its questions — point the chatbot and canned "
           "chat answers at them")
    assert 280 < len(why) < 500
    rubric = pd.DataFrame({"topic_label": ["Renew Books"], "category": ["automate"], "reason": [why]})
    markup = reporting.ReportData(month="2025-12", library="L", tables={"rubric": rubric}).show("rubric")._repr_html_()
    assert "canned chat answers at them</td>" in markup and "…" not in markup


def test_chart_titles_become_html_captions_that_wrap_on_a_phone():
    # before: a plotly title is one SVG line, cut off after ~35 characters on a 420 px screen
    from asklens import plotting

    fig = plotting.plot_coverage(pd.DataFrame({"topic_label": ["Renewals & <Fines>"], "coverage": [0.5],
                                               "n_questions": [10]}), subtitle="last 12 months")
    fig_dict = fig.to_plotly_json()
    shown, caption = reporting._title_as_caption(fig_dict)
    assert caption == ('<p class="asklens-figure-title">How much of each topic the FAQ already answers '
                       '(last 12 months)</p>')
    assert shown["layout"]["title"]["text"] == "" and fig_dict["layout"]["title"]["text"]  # the input is kept
    assert shown["layout"]["margin"]["t"] < fig_dict["layout"]["margin"]["t"]
    # the plot itself keeps its size: the figure shrinks by what the title's margin freed
    assert shown["layout"]["height"] - shown["layout"]["margin"]["t"] == \
        fig_dict["layout"]["height"] - fig_dict["layout"]["margin"]["t"]
    bundle = reporting._make_renderer().to_mimebundle(fig_dict)
    assert bundle["text/html"].startswith('<div class="asklens-figure"><p class="asklens-figure-title">How much')
    assert bundle["application/vnd.plotly.v1+json"]["layout"]["title"]["text"]  # the notebook keeps its title
    assert reporting._title_as_caption({"data": [], "layout": {}}) == ({"data": [], "layout": {}}, "")


# ----------------------------------------------------------------------------- review 4: the finer topics (a010ed2)

def _gap_rows() -> pd.DataFrame:
    """Three "write an FAQ" rows as knowledge_gaps gives them (sample wording, December 2025)."""
    why = ("write an FAQ: {n} questions in 12 months, asked in 12 of them (≥ min_volume 10, 100% ≥ min_recurrence "
           "50%); coverage 0% < min_coverage 20%; no FAQ entry answers this topic (closest: {f}, z=7.1 ≥ "
           "faq_claim_z 2, but the entries that close are together the best match of only 48% of its questions "
           "(< faq_answer_share 50%) and its z is under faq_claim_share 0.75 of the entry's strongest topic "
           "(z=20.0)); no needs-people signal fired")
    return pd.DataFrame({
        "action": ["write an FAQ"] * 3, "topic_id": [1, 2, 3],
        "topic_label": ["Article at Home", "Scan Document", "Germs"], "faq_id": [pd.NA] * 3,
        "n_questions": [84, 74, 13], "months_asked": [12, 12, 7], "coverage": [0.0, 0.0, 0.0],
        "per_month": [7.0, 6.2, 1.1], "views": [pd.NA] * 3,
        "reason": [why.format(n=84, f="F9"), why.format(n=74, f="F2"), why.format(n=13, f="F5")]})


def _gap_coverage() -> pd.DataFrame:
    return pd.DataFrame({"topic_id": [1, 2, 3], "best_faq_id": ["F9", "F2", "F5"],
                         "best_faq_share": [0.42, 0.70, 0.19]})


GAP_FAQ = pd.DataFrame({"faq_id": ["F9", "F2", "F5"],
                        "question": ["Why am I asked to pay for an article?", "Can I send a fax?",
                                     "How do I find out if the library has a book?"],
                        "url": ["https://x.example/9", "https://x.example/2", "https://x.example/5"]})
GAP_TOPICS = pd.DataFrame({"topic_id": [1, 2, 3], "label": ["Article at Home", "Scan Document", "Germs"],
                           "examples": [["It's asking me to pay for an article at home"], ["How do I scan?"],
                                        ["Does the library have Guns, Germs, and Steel?"]]})


def test_faq_gaps_name_the_closest_faq_and_flag_those_an_existing_faq_already_partly_answers():
    # before: a row said "Answered by an FAQ 0%" while its Why said the closest FAQ is the best answer to 48%,
    # and nothing told a manager which of 34 "FAQs to write" an existing FAQ nearly answers
    out = reporting._with_closest_faq(_gap_rows(), _gap_coverage(), GAP_FAQ, topics=GAP_TOPICS, stale=["F2"],
                                      min_share=0.2)
    assert out["closest_faq_question"].tolist() == ["Why am I asked to pay for an article?", "Can I send a fax?",
                                                    "How do I find out if the library has a book?"]
    assert out["closest_faq_share"].tolist() == [0.42, 0.70, 0.19]
    # a stale entry answers nothing, and 19% is under min_coverage (the share that counts a topic as covered)
    assert out["closest_faq_stale"].tolist() == [False, True, False]
    assert out["check_faq_first"].tolist() == [True, False, False]
    assert out["typical_question"].tolist()[2] == "Does the library have Guns, Germs, and Steel?"
    assert out["reason"].tolist() == _gap_rows()["reason"].tolist()  # the decision and its rule are untouched


def test_faq_gaps_show_new_faqs_to_write_then_the_faqs_to_check_first_in_a_table_of_their_own(tmp_path):
    gaps = reporting._with_closest_faq(_gap_rows(), _gap_coverage(), GAP_FAQ, topics=GAP_TOPICS, stale=["F2"],
                                       min_share=0.2)
    data = reporting.ReportData(month="2025-12", library="L", tables={"faq_gaps": gaps}, faq=GAP_FAQ)
    markup = data.show("faq_gaps")._repr_html_()
    write, check = markup.split("Check an existing FAQ first")
    assert "FAQs to write" in write and ">Scan Document<" in write and ">Germs<" in write
    assert "Article at Home" not in write  # listed once, under the FAQ to check
    assert '<a href="https://x.example/9">Why am I asked to pay for an article?</a>' in check
    assert ">42%<" in check and "Counted as answered" in check and "Best answer to" in check
    # numbers come before the long texts, so a phone shows them without scrolling sideways
    for part in (write, check):
        heads = re.findall(r"<th(?: [^>]*)?>([^<]*)<", part)
        assert heads.index("Questions") < heads.index("Typical question"), heads
    assert re.findall(r"<th(?: [^>]*)?>([^<]*)<", check)[:3] == ["Topic", "Questions", "Per month"]
    # the typical question says what a bare label ("Germs") is about
    assert "Does the library have Guns, Germs, and Steel?" in write
    # the Why no longer repeats the Questions and Months asked columns, nor the table's title
    assert "84 questions in the last" not in markup and "13 questions in the last" not in markup
    assert "no FAQ entry answers this topic" not in markup
    assert "The closest FAQs, led by “How do I find out if the library has a book?”, are together" in write
    data.save(tmp_path)
    saved = pd.read_csv(tmp_path / "tables" / "faq_gaps.csv")
    assert {"closest_faq_id", "closest_faq_share", "check_faq_first", "reason", "coverage"} <= set(saved.columns)
    assert saved["reason"].str.startswith("write an FAQ: ").all()  # the CSV keeps the exact rule text


def test_faq_gaps_under_26_rows_are_shown_whole():
    rows = pd.concat([_gap_rows().iloc[[1]]] * 26, ignore_index=True).assign(topic_id=range(26))
    cov = pd.DataFrame({"topic_id": range(26), "best_faq_id": ["F2"] * 26, "best_faq_share": [0.0] * 26})
    gaps = reporting._with_closest_faq(rows, cov, GAP_FAQ, topics=GAP_TOPICS, stale=[], min_share=0.2)
    markup = reporting.ReportData(month="2025-12", library="L", tables={"faq_gaps": gaps}, faq=GAP_FAQ) \
        .show("faq_gaps")._repr_html_()
    assert "top 25 of 26" not in markup and markup.count("<tr>") == 27


def test_a_close_faqs_share_is_said_to_be_that_of_every_entry_as_close_together():
    # before: "the closest FAQ, X, is the best answer to only 48%", but 48% is the share of every entry as
    # close as X, together; X alone was the best answer to 42% (now its own column)
    out = reporting.plain_reason(_gap_rows()["reason"][0], faq_titles={"F9": "Why am I asked to pay?"})
    assert ("the closest FAQs, led by “Why am I asked to pay?”, are together the best answer to only 48% of its "
            "questions, under the 50% needed to count; the closest one fits another topic better") in out, out
    assert "the closest FAQ, “Why am I asked to pay?”, is the best answer to only" not in out


def test_headline_card_and_summary_count_the_faqs_to_check_first():
    kpis = {"questions": 390, "faqs_to_write": 34, "faqs_to_write_check_first": 8, "faqs_not_found": 0,
            "stale_faqs": 5}
    markup = reporting.ReportData(month="2025-12", library="L", kpis=kpis).header()._repr_html_()
    assert "recurring topics no FAQ answers (last 12 months); for 8, check an existing FAQ first" in markup
    # the two counts of topics say the period they count over, like the other cards
    assert "high effort or varied questions (last 12 months)" in markup
    text = " ".join(reporting._summary_sentences("2025-12", kpis, {}))
    assert ("34 recurring topics have no FAQ that answers them (section 3 lists them all; for 8 of them an "
            "existing FAQ already answers part of the questions: check it first)") in text, text
    one = {**kpis, "faqs_to_write": 1, "faqs_to_write_check_first": 1}
    text = " ".join(reporting._summary_sentences("2025-12", one, {}))
    assert "1 recurring topic has no FAQ that answers it (section 3 lists it; an existing FAQ already answers " \
           "part of its questions: check it first)" in text, text
    none = {**kpis, "faqs_to_write_check_first": 0}
    assert "check" not in reporting.ReportData(month="2025-12", library="L", kpis=none).header()._repr_html_()


def test_automation_table_lists_the_topics_behind_the_hours_with_the_hours_first():
    # before: the table listed 81 "candidates" (5 of them sent to people by the rubric, no hours saved) while
    # the chart and the assumptions counted 76; on a phone the hours column was off screen
    auto = pd.DataFrame({"topic_label": ["A", "B", "C"], "hours_saved": [0.26, 1.04, None],
                         "per_month": [4.0, 5.4, 2.0], "n_period": [3, 5, 2], "trend": ["", "", ""],
                         "category": ["write FAQ", "automate", "needs people"], "automatable": [True, True, False]})
    data = reporting.ReportData(month="2025-12", library="L", tables={"automation": auto})
    markup = data.show("automation")._repr_html_()
    assert ">C<" not in markup and "needs people" not in markup and markup.count("<tr>") == 3
    heads = re.findall(r"<th(?: [^>]*)?>([^<]*)<", markup)
    assert heads[:3] == ["Topic", "Next step", "Hours saved a month"], heads
    assert data.display_frame("automation")["topic_label"].tolist() == ["B", "A"]


def test_captions_say_the_rules_window_from_the_config(tmp_path):
    # before: captions said "last 12 months" whatever [rubric] window_months was; "Topics that need people"
    # said no period at all
    cfg_path = tmp_path / "asklens.toml"
    cfg_path.write_text("[rubric]\nwindow_months = 6\n", encoding="utf-8")
    cfg = load_config(cfg_path)
    people = pd.DataFrame({"topic_label": ["Research"], "n_questions": [53], "high_effort_share": [0.85],
                           "reason": ["needs people: 85% of 34 READ-coded questions are READ 3+"]})
    auto = pd.DataFrame({"topic_label": ["A"], "hours_saved": [0.3], "per_month": [4.0], "category": ["automate"]})
    data = reporting.ReportData(month="2025-12", library="L", tables={"custom_work": people, "automation": auto,
                                                                      "faq_gaps": _gap_rows()}, config=cfg)
    markup = data.show("custom_work")._repr_html_()
    assert "Topics that need people (last 6 months)" in markup
    assert "Per month (last 6 months)" in data.show("automation")._repr_html_()
    markup = data.show("faq_gaps")._repr_html_()
    assert "(last 6 months)" in markup and "12 months" not in markup.split("</p>")[0]
    default = reporting.ReportData(month="2025-12", library="L", tables={"custom_work": people})
    assert "Topics that need people (last 12 months)" in default.show("custom_work")._repr_html_()


def test_a_rarely_read_stale_faq_says_its_close_questions_are_not_counted_and_why():
    # before: "the 25 of 2219 questions of the last 6 months it matched are not counted as its coverage"
    # read as 25 people needing an FAQ the report calls stale
    why = ("stale: read 8 times, less than stale_view_share 0.1 of the median entry's 579 views; the 25 of 2219 "
           "questions of the last 6 months it matched are not counted as its coverage")
    out = reporting.plain_reason(why)
    assert out == ("stale: read 8 times, far less than a typical FAQ entry (579 views); the 25 of the 2,219 "
                   "questions of the last 6 months that came closest to it are not counted as answered by it: a "
                   "rarely read entry's matches are taken as loose"), out


def test_appendix_tables_fold_under_a_one_line_summary():
    # before: the appendix's two 120-row tables made up about 60% of the page (some 20,000 px on a laptop)
    rubric = pd.DataFrame({"topic_label": ["Renew <Books>", "Printing"], "category": ["automate", "write FAQ"],
                           "reason": ["automate: routine", "write an FAQ: x"]})
    data = reporting.ReportData(month="2025-12", library="L", tables={"rubric": rubric, "topics": rubric.iloc[:0]})
    markup = data.show("rubric", collapsed=True)._repr_html_()
    assert markup.startswith('<details class="asklens-more"><summary>Show 2 rows: ')
    assert "Every topic and the rule that placed it</span></summary>" in markup
    assert "Renew &lt;Books&gt;" in markup and markup.endswith("</details>") and "<details open" not in markup
    assert "details" not in data.show("topics", collapsed=True)._repr_html_()  # nothing to fold: says so
    notebook = (ROOT / "src" / "asklens" / "notebooks" / "monthly_report.py").read_text(encoding="utf-8")
    assert 'data.show("rubric", max_rows=500, collapsed=True)' in notebook
    assert 'data.show("topics", max_rows=500, collapsed=True)' in notebook


def test_a_gap_whose_closest_faq_is_stale_or_answers_nothing_says_no_faq_comes_close():
    # before: "the closest FAQ, “How do I use the microfilm reader?”, is itself stale" beside "Disclose AI"
    # read as if that FAQ were about the topic
    stale = ("write an FAQ: 54 questions in the last 12 months, asked in 11 of them; no FAQ entry answers this topic "
             "(the closest FAQ, “How do I use the microfilm reader?”, is itself stale, so it answers nothing)")
    assert reporting._short_gap_reason(stale) == ("No current FAQ comes close (the closest, “How do I use the "
                                                  "microfilm reader?”, is one of the stale entries below)")
    none = ("write an FAQ: 32 questions in the last 12 months, asked in 10 of them; no FAQ entry answers this topic "
            "(the closest FAQ, “How do I book a room?”, is the best answer to none of its questions)")
    assert reporting._short_gap_reason(none) == ("No FAQ comes close (the closest, “How do I book a room?”, is the "
                                                 "best answer to none of its questions)")
    assert reporting._short_gap_reason(None) is None


def test_summary_says_the_period_of_the_faq_and_needs_people_counts():
    kpis = {"questions": 390, "faqs_to_write": 34, "faqs_not_found": 0, "stale_faqs": 0,
            "topics_needing_people": 43, "window_months": 12}
    text = " ".join(reporting._summary_sentences("2025-12", kpis, {}))
    assert "34 recurring topics over the last 12 months have no FAQ that answers them" in text, text
    assert "43 topics need people over the last 12 months: high effort" in text, text


def test_index_says_the_period_of_its_topic_counts_and_scrolls_its_table_not_the_page(tmp_path):
    (tmp_path / "2025-12").mkdir()
    (tmp_path / "2025-12" / "report.html").write_text("x")
    (tmp_path / "2025-12" / "kpis.json").write_text(json.dumps({"library": "L", "questions": 9, "faqs_to_write": 2,
                                                                 "window_months": 6}))
    page = reporting.write_index(tmp_path).read_text()
    assert "counted over the months the\nrules look back on (the last 6 months)" in page
    assert '<div class="wrap"><table>' in page and "</table></div>" in page
    (tmp_path / "2025-12" / "kpis.json").write_text(json.dumps({"library": "L", "questions": 9}))  # older kpis
    assert "(the last 12 months by default)" in reporting.write_index(tmp_path).read_text()


def test_a_gap_with_an_faq_to_check_says_so_in_the_automation_table_too():
    # before: section 2 said "write an FAQ" for "Article at Home" while section 3 says to check an existing one
    auto = pd.DataFrame({"topic_label": ["Article at Home", "Laptop"], "hours_saved": [0.28, 0.2],
                         "category": ["write FAQ", "write FAQ"], "automatable": [True, True],
                         "faq_to_check": ["Why am I asked to pay for an article?", None]})
    markup = reporting.ReportData(month="2025-12", library="L", tables={"automation": auto}) \
        .show("automation")._repr_html_()
    assert "<td>write an FAQ (check an existing one first: section 3)</td>" in markup  # short: no wide column
    assert "<td>write an FAQ</td>" in markup  # the other keeps the plain next step
