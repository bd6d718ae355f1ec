"""Tests for asklens.datasets: the synthetic question log and the sample workspace."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import asklens
from asklens.config import load_config
from asklens.datasets import (
    LIBCHAT_HEADER,
    REFANALYTICS_HEADER,
    generate_questions,
    make_sample_workspace,
    sample_terms,
)
from asklens.errors import AsklensError
from asklens.schema import FAQ_COLUMNS, QUESTION_COLUMNS, validate_faq, validate_questions

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"
WORKSPACE_FILES = {
    "asklens.toml", "README.md", "faq.json", "questions/libchat_2024.csv", "questions/libchat_2025.csv",
    "questions/reference_analytics_2024.csv", "questions/reference_analytics_2025.csv", "truth/questions.csv",
    "truth/topics.json",
}


@pytest.fixture(scope="module")
def default():
    """The default log (random_state=0): what the sample workspace holds."""
    return generate_questions(random_state=0)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    return make_sample_workspace(tmp_path_factory.mktemp("sample"), random_state=0)


@pytest.fixture(scope="module")
def kinds(default):
    return {t["topic"]: t["kind"] for t in default[2]["topics"]}


def _files(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _read_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


# ----------------------------------------------------------------------------- the table
def test_public_api_is_exported():
    assert asklens.generate_questions is generate_questions
    assert asklens.make_sample_workspace is make_sample_workspace


def test_same_seed_same_table_other_seed_other_table():
    a = generate_questions(1500, random_state=3)
    b = generate_questions(1500, random_state=3)
    c = generate_questions(1500, random_state=4)
    pd.testing.assert_frame_equal(a[0], b[0])
    pd.testing.assert_frame_equal(a[1], b[1])
    assert a[2] == b[2]
    assert not a[0]["text"].equals(c[0]["text"])


def test_table_is_a_valid_canonical_log(default):
    questions, faq, truth = default
    assert list(questions.columns) == [*QUESTION_COLUMNS, "true_topic"]
    checked = validate_questions(questions)
    assert list(checked.dtypes) == list(questions.dtypes)
    assert str(questions["asked_at"].dt.tz) == "America/New_York"
    assert questions["asked_at"].is_monotonic_increasing
    assert questions["question_id"].is_unique
    assert questions["question_id"].str.fullmatch(r"(libchat|refanalytics):\d+").all()
    assert (questions["source"].astype(str) == questions["question_id"].str.split(":").str[0]).all()
    assert questions["text"].str.len().min() > 5
    assert set(questions["channel"].unique()) == {"chat", "email", "desk", "phone", "sms"}
    effort = questions["effort"].dropna()
    assert effort.between(1, 6).all() and 0.35 < len(effort) / len(questions) < 0.65  # staff code about half
    chats = questions["channel"] == "chat"
    assert questions.loc[chats, "effort"].isna().all()
    assert questions.loc[chats, "n_messages"].notna().all() and questions.loc[~chats, "n_messages"].isna().all()
    assert questions["duration_min"].notna().mean() > 0.9
    assert all(isinstance(t, list) for t in questions["tags"])
    validate_faq(faq)
    assert list(faq.columns) == list(FAQ_COLUMNS)


def test_default_covers_24_months_and_every_topic(default):
    questions, faq, truth = default
    assert 8500 <= len(questions) <= 9500
    months = questions["asked_at"].dt.strftime("%Y-%m")
    assert sorted(months.unique()) == [f"{y}-{m:02d}" for y in (2024, 2025) for m in range(1, 13)]
    topics = [t["topic"] for t in truth["topics"]]
    assert 28 <= len(topics) <= 34 and len(set(topics)) == len(topics)
    counts = questions["true_topic"].value_counts()
    assert set(counts.index) == set(topics)
    assert counts.min() >= 60  # every topic recurs enough to be found
    assert {t["kind"] for t in truth["topics"]} == {"standardised", "needs_people"}
    assert {t["faq"] for t in truth["topics"]} == {"covered", "missing"}
    assert {t["trend"] for t in truth["topics"]} == {"steady", "rising", "new", "fading"}


def test_many_phrasings_with_near_duplicates(default, kinds):
    questions = default[0]
    core = questions["text"].str.lower().str.replace(r"[^a-z ]", "", regex=True).str.strip()
    for topic, texts in core.groupby(questions["true_topic"]):
        assert texts.nunique() >= 0.4 * len(texts), topic  # texts vary
    repeat = core.groupby(questions["true_topic"]).agg(lambda s: 1 - s.nunique() / len(s))
    std = repeat[[t for t in repeat.index if kinds[t] == "standardised"]]
    ppl = repeat[[t for t in repeat.index if kinds[t] == "needs_people"]]
    assert std.median() > 0.15 and std.median() > 2 * ppl.median()  # recurring questions come back verbatim
    assert questions["text"].str.contains(r"^(?:Hi|Hello|hey)", regex=True).mean() > 0.1  # greetings
    assert questions["text"].str.contains("thanks so much!", regex=False).sum() > 20  # sign-offs


def test_term_weeks_are_busier_than_summer_and_breaks(default):
    questions = default[0]
    day = questions["asked_at"].dt.tz_localize(None).dt.normalize()
    weekly = day.dt.to_period("W").value_counts()
    start = weekly.index.start_time
    term = weekly[((start.month >= 9) & (start.month <= 11)) | ((start.month >= 2) & (start.month <= 4))]
    summer = weekly[(start.month >= 6) & (start.month <= 7)]
    assert term.mean() > 2.0 * summer.mean()
    # the first week of fall term is busier than an ordinary mid-term week
    fall_start = pd.Timestamp(sample_terms([2025])[2]["start"])
    first = ((day >= fall_start) & (day < fall_start + pd.Timedelta(days=7))).sum()
    mid = ((day >= fall_start + pd.Timedelta(weeks=6)) & (day < fall_start + pd.Timedelta(weeks=7))).sum()
    assert first > 1.3 * mid
    christmas = ((day >= "2025-12-23") & (day <= "2025-12-31")).sum()
    assert christmas < 0.25 * mid


def test_hours_and_weekdays_follow_channels(default):
    questions = default[0]
    local = questions["asked_at"]
    desk = questions["channel"].isin(["desk", "phone"])
    assert not local[desk].dt.hour.isin([0, 1, 2, 3, 4, 5]).any()  # the building is closed at night
    assert local[questions["channel"] == "chat"].dt.hour.isin([20, 21, 22]).mean() > 0.05  # evening chats
    weekday = local.dt.day_of_week.value_counts()
    assert weekday[1] > 1.5 * weekday[5]  # Tuesday busier than Saturday


def test_kinds_differ_in_effort(default, kinds):
    questions = default[0]
    per = questions.groupby("true_topic").agg(
        read3=("effort", lambda s: float((s.dropna() >= 3).mean())),
        chat_minutes=("duration_min", lambda s: float(s[questions.loc[s.index, "channel"] == "chat"].median())),
        messages=("n_messages", lambda s: float(s.dropna().median())),
    )
    per["kind"] = per.index.map(kinds)
    std, ppl = per[per["kind"] == "standardised"], per[per["kind"] == "needs_people"]
    assert std["read3"].max() < 0.3 < 0.6 < ppl["read3"].min()
    assert ppl["chat_minutes"].median() > 2.5 * std["chat_minutes"].median()
    assert ppl["messages"].median() > 1.8 * std["messages"].median()
    # ... but not trivially: rows overlap
    row_read = questions.dropna(subset=["effort"])
    is_std = row_read["true_topic"].map(kinds) == "standardised"
    assert (row_read.loc[is_std, "effort"] >= 3).sum() > 50
    assert (row_read.loc[~is_std, "effort"] <= 2).sum() > 50


def test_standardised_answers_are_consistent(default, kinds):
    questions = default[0].dropna(subset=["answer"])
    first = questions["answer"].str.replace(r"^(Hi!|Hello,|Hi there,|Thanks for your question\.|Good question!)\s*",
                                            "", regex=True).str[:40]
    distinct = first.groupby(questions["true_topic"]).agg(lambda s: s.nunique() / len(s))
    std = [t for t in distinct.index if kinds[t] == "standardised"]
    ppl = [t for t in distinct.index if kinds[t] == "needs_people"]
    assert distinct[std].max() < distinct[ppl].min()


def test_trends_rising_new_fading(default):
    questions, _, truth = default
    trend = {t["topic"]: t["trend"] for t in truth["topics"]}
    year = questions["asked_at"].dt.year
    by_year = questions.groupby([questions["true_topic"], year]).size().unstack(fill_value=0)
    for topic, kind in trend.items():
        if kind == "rising":
            assert by_year.loc[topic, 2025] > 1.5 * by_year.loc[topic, 2024], topic
        if kind == "new":
            assert by_year.loc[topic, 2024] == 0 and by_year.loc[topic, 2025] > 60, topic
        if kind == "fading":
            assert by_year.loc[topic, 2025] < 0.5 * by_year.loc[topic, 2024], topic


def test_fines_answers_follow_the_policy_change(default):
    questions = default[0]
    fines = questions[(questions["true_topic"] == "fines") & questions["answer"].notna()]
    local = fines["asked_at"].dt.tz_localize(None)
    early, late = fines[local < "2024-06-01"], fines[local >= "2024-08-01"]
    assert len(early) > 10 and len(late) > 10
    assert early["answer"].str.contains("25 cents|waive", regex=True).mean() > 0.9
    assert not late["answer"].str.contains("25 cents", regex=False).any()


def test_faq_base_covers_some_topics_and_has_stale_entries(default):
    questions, faq, truth = default
    ids = set(faq["faq_id"])
    listed = [i for t in truth["topics"] for i in t["faq_ids"]]
    assert len(listed) == len(set(listed)) and set(listed) <= ids
    for t in truth["topics"]:
        assert (t["faq"] == "covered") == bool(t["faq_ids"])
    stale = set(truth["stale_faq_ids"])
    assert 3 <= len(stale) and stale <= ids and not stale & set(listed)
    assert ids == set(listed) | stale
    assert faq["views"].notna().all() and (faq["views"] > 0).all()
    kinds_missing = {t["kind"] for t in truth["topics"] if t["faq"] == "missing"}
    assert kinds_missing == {"standardised", "needs_people"}


def test_planted_pii_is_counted_and_can_be_switched_off():
    questions, _, truth = generate_questions(3000, random_state=5)
    planted = truth["planted_pii"]
    assert set(planted) == {"name", "email", "phone", "card_number"}
    assert all(v > 10 for v in planted.values())
    emails = questions["text"].str.count(r"[\w.+-]+@[\w-]+\.[\w.]+").sum()
    assert emails == planted["email"]
    cards = questions["text"].str.count(r"\b21234\d{9}\b").sum()
    assert cards == planted["card_number"]
    assert questions["text"].str.count(r"555[-. ]01\d\d").sum() == planted["phone"]
    clean, _, truth_clean = generate_questions(3000, random_state=5, pii=False)
    assert not clean["text"].str.contains(r"@|\b21234\d{9}\b|555[-. ]01", regex=True).any()
    assert set(truth_clean["planted_pii"].values()) == {0}


def test_custom_span_and_size():
    questions, _, _ = generate_questions(400, start="2023-09-01", end="2023-12-31", random_state=1)
    assert len(questions) == 400
    local = questions["asked_at"].dt.tz_localize(None)
    assert local.min() >= pd.Timestamp("2023-09-01") and local.max() < pd.Timestamp("2024-01-01")


@pytest.mark.parametrize("kwargs", [{"n": 0}, {"n": -5}, {"n": 2.5}, {"start": "2025-02-01", "end": "2025-01-01"},
                                    {"start": "not a date"}])
def test_bad_arguments_raise_one_line_errors(kwargs):
    with pytest.raises(AsklensError) as info:
        generate_questions(**kwargs)
    assert "\n" not in str(info.value)


def test_vectorised_path_is_fast():
    """200,000 rows well within a few seconds (1,000,000 are timed in benchmarks/bench_datasets.py)."""
    import time

    t0 = time.perf_counter()
    questions, _, _ = generate_questions(200_000, random_state=0)
    assert len(questions) == 200_000
    assert time.perf_counter() - t0 < 15  # ~1.5 s on an idle 2-core machine


# ----------------------------------------------------------------------------- the workspace
def test_committed_sample_equals_a_fresh_generation(workspace):
    fresh, committed = _files(workspace), _files(SAMPLE)
    assert set(fresh) == WORKSPACE_FILES
    assert committed == fresh, "data/sample is stale: run python -c \"import asklens; asklens.make_sample_workspace('data/sample')\""


def test_workspace_is_byte_identical_for_the_same_seed(workspace, tmp_path):
    again = make_sample_workspace(tmp_path / "again", random_state=0)
    assert _files(again) == _files(workspace)


def test_headers_match_the_contract(workspace):
    for year in (2024, 2025):
        raw = (workspace / f"questions/libchat_{year}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
        assert raw[3:].decode("utf-8").split("\n", 1)[0] == ",".join(LIBCHAT_HEADER)
        raw = (workspace / f"questions/reference_analytics_{year}.csv").read_bytes()
        assert raw.decode("utf-8").split("\n", 1)[0] == ",".join(REFANALYTICS_HEADER)
    assert LIBCHAT_HEADER == ["Chat ID", "Timestamp", "Initial Question", "Transcript", "Message Count",
                              "Rating (0-4)", "Duration (seconds)", "Answerer", "Department", "Tags"]
    assert REFANALYTICS_HEADER == ["Id", "Ticket #", "Chat #", "Date", "Time", "Entered By", "Email Address",
                                   "Question", "Answer", "Location", "Patron Affiliation", "Communication",
                                   "Question Type", "Duration", "READ"]
    assert (workspace / "truth/questions.csv").read_text().split("\n", 1)[0] == "question_id,topic"
    faq = json.loads((workspace / "faq.json").read_text(encoding="utf-8"))
    keys = {"faqid", "question", "details", "answer", "topics", "owner", "created", "updated", "votes", "totalhits",
            "url"}
    assert all(set(r) == keys for r in faq)
    assert all(set(r["url"]) == {"public", "admin"} and set(r["votes"]) == {"yes", "no"} for r in faq)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", r["updated"]) for r in faq)
    assert all(isinstance(t["id"], int) and t["name"] for r in faq for t in r["topics"])
    truth = json.loads((workspace / "truth/topics.json").read_text(encoding="utf-8"))
    assert set(truth) >= {"topics", "stale_faq_ids"}
    assert all(set(t) == {"topic", "label", "kind", "faq", "trend", "faq_ids"} for t in truth["topics"])


def test_config_loads_with_the_sample_library(workspace):
    cfg = load_config(workspace / "asklens.toml")
    assert cfg.workspace.name == "Sample University Library"
    assert cfg.workspace.timezone == "America/New_York"
    assert [t["name"] for t in cfg.terms.terms][:3] == ["Spring 2024", "Summer 2024", "Fall 2024"]


def test_libchat_rows_are_real_transcripts(workspace, default):
    questions = default[0].set_index("question_id")
    line = re.compile(r"^\d\d:\d\d:\d\d - [^:\n]+? : .*$")
    rows = _read_csv(workspace / "questions/libchat_2024.csv") + _read_csv(workspace / "questions/libchat_2025.csv")
    assert len(rows) == (questions["channel"] == "chat").sum()
    blank = 0
    for row in rows:
        lines = row["Transcript"].split("\n")
        assert all(line.match(x) for x in lines), row["Chat ID"]
        assert len(lines) == int(row["Message Count"])
        speakers = [x.split(" - ", 1)[1].split(" : ", 1)[0] for x in lines]
        if len(lines) >= 2:
            assert row["Answerer"] in speakers
        assert speakers[0] != row["Answerer"]  # the patron opens the chat
        q = questions.loc[f"libchat:{row['Chat ID']}"]
        assert row["Timestamp"] == q["asked_at"].strftime("%Y-%m-%d %H:%M:%S")
        assert int(row["Duration (seconds)"]) == round(q["duration_min"] * 60)
        if row["Initial Question"] == "":
            blank += 1
        else:
            assert row["Initial Question"] == q["text"]
        assert row["Rating (0-4)"] in {"", "0", "1", "2", "3", "4"}
    assert 0.25 < blank / len(rows) < 0.35
    joined = "\n".join(r["Transcript"] for r in rows)
    assert "&#39;" in joined and "<a href=" in joined  # HTML entities and a few tags


def test_reference_analytics_rows(workspace, default):
    questions = default[0].set_index("question_id")
    rows = (_read_csv(workspace / "questions/reference_analytics_2024.csv")
            + _read_csv(workspace / "questions/reference_analytics_2025.csv"))
    chat_ids = {q.split(":")[1] for q in questions.index if q.startswith("libchat:")}
    dup = [r for r in rows if r["Chat #"]]
    assert 0.04 < len(dup) / len(rows) < 0.06
    assert all(r["Chat #"] in chat_ids and r["Communication"] == "Chat" for r in dup)
    assert {r["Communication"] for r in rows} == {"In person", "Phone", "Email", "Chat", "SMS"}
    for r in rows:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", r["Date"]) and re.fullmatch(r"\d\d:\d\d:\d\d", r["Time"])
        assert r["READ"] in {"", "1", "2", "3", "4", "5", "6"}
        assert r["Duration"] == "" or int(r["Duration"]) >= 1
        if r["Communication"] == "Email":
            assert r["Ticket #"] and "@" in r["Email Address"]
        if not r["Chat #"]:
            q = questions.loc[f"refanalytics:{r['Id']}"]
            assert r["Question"] == q["text"]
            assert f"{r['Date']} {r['Time']}" == q["asked_at"].strftime("%Y-%m-%d %H:%M:%S")
            assert (r["READ"] or None) == (None if pd.isna(q["effort"]) else str(q["effort"]))


def test_truth_lists_every_question_once(workspace, default):
    questions, _, truth = default
    listed = pd.read_csv(workspace / "truth/questions.csv", dtype=str)
    assert listed["question_id"].tolist() == questions["question_id"].tolist()
    assert listed["topic"].tolist() == questions["true_topic"].tolist()
    saved = json.loads((workspace / "truth/topics.json").read_text(encoding="utf-8"))
    assert saved == json.loads(json.dumps(truth))
    faq_ids = {str(r["faqid"]) for r in json.loads((workspace / "faq.json").read_text(encoding="utf-8"))}
    assert set(saved["stale_faq_ids"]) <= faq_ids


def test_refuses_a_file_as_destination(tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("x")
    with pytest.raises(AsklensError, match="folder"):
        make_sample_workspace(target)
    assert target.read_text() == "x"


def test_sample_terms_are_the_config_calendar():
    terms = sample_terms([2024, 2025])
    assert len(terms) == 6
    assert all(pd.Timestamp(t["start"]).weekday() == 0 and pd.Timestamp(t["end"]).weekday() == 4 for t in terms)
    assert np.all(np.diff([pd.Timestamp(t["start"]).value for t in terms]) > 0)
