"""Tests for asklens.trends: counts over time, rising/new/seasonal topics, channels, load, terms."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from asklens.config import Config
from asklens.errors import ConfigError, InputError
from asklens.trends import (
    channel_mix,
    load_heatmap,
    rising_topics,
    seasonal_comparison,
    term_calendar,
    term_week,
    topic_trends,
)

TZ = "America/New_York"
SHORT = Config.from_dict({"rubric": {"trend_window_months": 3}})


def log(rows: list[tuple[str, int]], **extra: list) -> pd.DataFrame:
    """Build a small question log from (local time, topic_id) pairs."""
    q = pd.DataFrame({
        "question_id": [f"q{i}" for i in range(len(rows))],
        "asked_at": pd.to_datetime([r[0] for r in rows]).tz_localize(TZ),
        "text": ["a question"] * len(rows),
        "topic_id": [r[1] for r in rows],
    })
    for k, v in extra.items():
        q[k] = v
    return q


def monthly(counts: dict[int, list[int]], start: str = "2024-01") -> pd.DataFrame:
    """A log with counts[topic][k] questions in month k (on the 10th, noon)."""
    rows = []
    months = pd.period_range(start, periods=max(len(v) for v in counts.values()), freq="M")
    for t, per in counts.items():
        for m, n in zip(months, per):
            rows += [(f"{m.start_time:%Y-%m}-10 12:00", t)] * n
    return log(rows)


def test_topic_trends_counts_months_with_zeros_and_shares():
    q = log([("2025-01-05 10:00", 0), ("2025-01-20 10:00", 0), ("2025-01-21 10:00", 1), ("2025-03-02 10:00", 1)])
    before = q.copy()
    out = topic_trends(q)
    pd.testing.assert_frame_equal(q, before)
    t0 = out[out.topic_id == 0].set_index("period")
    assert list(t0.index) == ["2025-01", "2025-02", "2025-03"]
    assert t0["n_questions"].tolist() == [2, 0, 0]
    assert t0.loc["2025-01", "n_period"] == 3
    assert t0.loc["2025-01", "share"] == pytest.approx(2 / 3)
    assert out.loc[(out.topic_id == 1) & (out.period == "2025-03"), "n_questions"].item() == 1
    assert out.loc[(out.topic_id == 1) & (out.period == "2025-02"), "share"].item() == 0.0


def test_topic_trends_weeks_start_on_monday_in_local_time():
    # Sunday 23:30 in New York is Monday 04:30 UTC: it must count in the week ending that Sunday
    q = log([("2025-03-09 23:30", 0), ("2025-03-10 00:30", 0)])
    out = topic_trends(q, freq="week")
    assert out["n_questions"].tolist() == [1, 1]
    assert out["period_start"].tolist() == [pd.Timestamp("2025-03-03"), pd.Timestamp("2025-03-10")]


def test_topic_trends_needs_topic_id_and_a_known_freq():
    q = log([("2025-01-05 10:00", 0)]).drop(columns="topic_id")
    with pytest.raises(InputError, match="topic_id"):
        topic_trends(q)
    with pytest.raises(InputError, match="freq"):
        topic_trends(log([("2025-01-05 10:00", 0)]), freq="day")


def test_rising_topics_hand_computed_binomial_test():
    # topic 0 steady 20/month; topic 1: 3/month for 3 months then 30/month for 3 months
    q = monthly({0: [20] * 6, 1: [3, 3, 3, 30, 30, 30]})
    out = rising_topics(q, period="2024-06", config=SHORT).set_index("topic_id")
    r, b = 90, 9
    n_recent, n_base = 60 + 90, 60 + 9
    p = stats.binomtest(r, r + b, n_recent / (n_recent + n_base)).pvalue
    assert out.loc[1, "n_recent"] == r and out.loc[1, "n_baseline"] == b
    assert out.loc[1, "p_value"] == pytest.approx(p)
    assert out.loc[1, "ratio"] == pytest.approx(((r + 0.5) / n_recent) / ((b + 0.5) / n_base))
    assert out.loc[1, "status"] == "rising"
    assert "trend_alpha" in out.loc[1, "reason"] and "no data a year earlier" in out.loc[1, "reason"]
    # topic 0's share fell only because topic 1 grew: 60/150 vs 60/69 is a real drop in share
    assert out.loc[0, "status"] in {"fading", "steady"}


def test_rising_topics_new_fading_and_noise():
    q = monthly({0: [10, 11, 9, 10, 12, 10], 1: [0, 0, 0, 4, 5, 6], 2: [15, 14, 16, 1, 0, 1],
                 3: [1, 0, 0, 0, 0, 3]})
    out = rising_topics(q, period="2024-06", config=SHORT).set_index("topic_id")
    assert out.loc[1, "status"] == "new"
    assert out.loc[2, "status"] == "fading"
    assert out.loc[0, "status"] == "steady"
    # 3 questions after 1: a big ratio but below trend_min_count, so not news
    assert out.loc[3, "status"] == "steady"
    assert out.index[0] == 1  # news first


def test_nothing_is_new_in_the_first_months_of_a_log():
    # before: a report for the log's first month called every topic "new" (nothing came before it)
    q = monthly({0: [10, 12, 11], 1: [6, 0, 0]})
    out = rising_topics(q, period="2024-03", config=SHORT).set_index("topic_id")
    assert set(out["status"]) == {"steady"}
    assert "no earlier months" in out.loc[0, "reason"]
    # one month more and the comparison is possible again
    q = monthly({0: [10, 12, 11, 10], 1: [0, 6, 7, 8]})
    assert rising_topics(q, period="2024-04", config=SHORT).set_index("topic_id").loc[1, "status"] == "new"


def test_rising_topics_calls_a_yearly_surge_seasonal():
    # topic 1 jumps in Sep-Nov every year; the rest is flat
    base = [20] * 24
    surge = [3] * 8 + [30, 30, 30] + [3] * 9 + [30, 30, 30, 3]
    q = monthly({0: base, 1: surge})
    out = rising_topics(q, period="2025-11", config=SHORT).set_index("topic_id")
    assert out.loc[1, "status"] == "seasonal", out.loc[1, "reason"]
    assert out.loc[1, "n_last_year"] == 90
    # a whole year against the year before: the surge is in both, nothing changed
    assert rising_topics(q, period="2025-11").set_index("topic_id").loc[1, "status"] == "steady"
    cfg = Config.from_dict({"rubric": {"trend_min_ratio": 50.0, "trend_window_months": 3}})
    assert rising_topics(q, period="2025-11", config=cfg).set_index("topic_id").loc[1, "status"] == "steady"


def test_channel_mix_shares_sum_to_one_and_missing_channel_is_unknown():
    q = log([("2025-01-05 10:00", 0), ("2025-01-06 10:00", 0), ("2025-01-07 10:00", 0), ("2025-02-01 10:00", 0)],
            channel=pd.Categorical(["chat", "email", None, "chat"]))
    out = channel_mix(q)
    jan = out[out.period == "2025-01"].set_index("channel")
    assert jan.loc["chat", "n_questions"] == 1 and jan.loc["unknown", "n_questions"] == 1
    assert out.groupby("period")["share"].sum().tolist() == pytest.approx([1.0, 1.0])


def test_load_heatmap_counts_local_weekday_and_hour():
    q = log([("2025-03-10 09:15", 0), ("2025-03-10 09:45", 0), ("2025-03-16 23:59", 0)])  # Mon 9h ×2, Sun 23h
    out = load_heatmap(q)
    assert len(out) == 168
    cell = out.set_index(["weekday", "hour"])["n_questions"]
    assert cell[(0, 9)] == 2 and cell[(6, 23)] == 1 and cell.sum() == 3
    assert out["n_weeks"].iloc[0] == 1
    assert out.set_index(["weekday", "hour"]).loc[(0, 9), "weekday_name"] == "Monday"


def test_default_term_calendar_is_a_us_semester_calendar():
    cal = term_calendar(years=[2025]).set_index("term")
    assert list(cal.index) == ["Spring 2025", "Summer 2025", "Fall 2025"]
    assert cal.loc["Fall 2025", "start"] == pd.Timestamp("2025-08-25")  # Monday on/after 22 Aug
    assert cal.loc["Spring 2025", "start"] == pd.Timestamp("2025-01-13")
    assert cal.loc["Fall 2025", "kind"] == "Fall"


def test_term_calendar_from_config_and_its_errors():
    cfg = Config.from_dict({"terms": {"terms": [
        {"name": "Autumn 2024", "start": "2024-09-30", "end": "2024-12-06"},
        {"name": "Michaelmas", "kind": "Autumn", "start": "2025-09-29", "end": "2025-12-05"},
    ]}})
    cal = term_calendar(cfg)
    assert cal["kind"].tolist() == ["Autumn", "Autumn"]
    assert cal["n_weeks"].tolist() == [10, 10]
    bad = Config.from_dict({"terms": {"terms": [{"name": "X", "start": "2025-02-01", "end": "2025-01-01"}]}})
    with pytest.raises(ConfigError, match="ends before it starts"):
        term_calendar(bad)
    with pytest.raises(ConfigError, match="has no end"):
        term_calendar(Config.from_dict({"terms": {"terms": [{"name": "X", "start": "2025-02-01"}]}}))


def test_term_week_places_questions_in_weeks_of_term():
    q = log([("2025-08-25 10:00", 0), ("2025-09-08 23:00", 0), ("2025-08-20 10:00", 0)])
    tw = term_week(q)
    assert tw["term"].tolist()[:2] == ["Fall 2025", "Fall 2025"]
    assert tw["term_week"].tolist()[:2] == [1, 3]
    assert pd.isna(tw["term_week"].iloc[2])  # between summer and fall


def test_seasonal_comparison_compares_the_same_week_a_year_earlier():
    # Fall 2024 starts 2024-08-26, Fall 2025 starts 2025-08-25
    rows = [("2024-09-09 12:00", 0)] * 10 + [("2025-09-08 12:00", 0)] * 40 + [("2024-08-27 12:00", 0)] * 5 \
        + [("2025-08-26 12:00", 0)] * 6
    q = log(rows)
    out = seasonal_comparison(q, at="2025-09-10", by_topic=False).set_index("term_week")
    assert out["term"].iloc[0] == "Fall 2025" and out["last_year_term"].iloc[0] == "Fall 2024"
    assert out.loc[3, ["n_this_year", "n_last_year"]].tolist() == [40, 10]
    assert out.loc[3, "p_value"] == pytest.approx(stats.binomtest(40, 50, 0.5).pvalue)
    assert out.loc[3, "status"] == "higher"
    assert out.loc[1, "status"] == "as usual"  # 6 vs 5
    assert out.loc[2, ["n_this_year", "n_last_year"]].tolist() == [0, 0]
    by_topic = seasonal_comparison(q, at="2025-09-10")
    assert set(by_topic.columns) >= {"topic_id", "topic_label"} and len(by_topic) == 3


def test_seasonal_weeks_before_the_log_begins_are_not_compared():
    # the log starts in week 3 of Fall 2024: weeks 1-2 of last year have no data, not zero questions
    rows = [("2024-09-10 12:00", 0)] * 10 + [("2025-08-26 12:00", 0)] * 30 + [("2025-09-09 12:00", 0)] * 12
    out = seasonal_comparison(log(rows), at="2025-09-10", by_topic=False).set_index("term_week")
    assert out.loc[1, "status"] == "no comparison" and "log begins after week 1" in out.loc[1, "reason"]
    assert out.loc[2, "status"] == "no comparison"
    assert out.loc[3, "status"] == "as usual"  # 12 vs 10


def test_empty_log_gives_empty_tables():
    q = log([])
    assert topic_trends(q).empty
    assert load_heatmap(q)["n_questions"].sum() == 0
    with pytest.raises(InputError, match="empty"):
        rising_topics(q)


def test_a_twelve_month_window_says_its_one_comparison_once():
    # with trend_window_months = 12 the 12 months before ARE the same months a year earlier
    q = monthly({0: [20] * 12 + [60] * 12, 1: [100] * 24})
    out = rising_topics(q, period="2025-12").set_index("topic_id")
    assert out.loc[0, "status"] == "rising"
    assert out.loc[0, "p_value"] == out.loc[0, "p_value_last_year"]
    why = out.loc[0, "reason"]
    assert "those are the same months a year earlier" in why and why.count("p=") == 1, why
