"""Tests for asklens.automation: automation candidates, time saved, the topic rubric."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from asklens.automation import TimeSavedEstimate, automation_candidates, classify_topics, estimate_time_saved
from asklens.config import Config

TZ = "America/New_York"

PHRASES = {
    0: ["how do I renew my books", "can I renew a library book online", "renew my loans please",
        "how to renew borrowed books", "renewing a book that is due"],
    1: ["can I borrow a laptop", "laptop loan for the weekend", "do you lend laptops to students",
        "borrow a laptop charger", "how long can I keep a borrowed laptop"],
    2: ["help with my systematic review search strategy for nursing", "which databases for a meta-analysis on sleep",
        "literature review on climate migration sources", "I need peer reviewed articles on urban heat islands",
        "search strategy for my dissertation chapter on labour history"],
    3: ["what time does the library close", "is the library open on sunday", "opening hours today",
        "when does the library open tomorrow", "are you open late during finals"],
}
FAQ = pd.DataFrame({
    "faq_id": ["f-renew", "f-hours", "f-wifi", "f-park"],
    "question": ["How do I renew my books?", "What are the library's hours?", "How do I connect to the wifi?",
                 "Where can visitors park?"],
    "answer": ["Renew your books online in My Account before they are due.",
               "The library is open 8 am to midnight; see the hours page for holidays and finals.",
               "Connect to eduroam with your university login; guests use the guest network.",
               "Visitors park in the garage on Elm Street; pay at the machine."],
})


def questions_log(seed: int = 0) -> pd.DataFrame:
    """Topics 0, 1, 3 are standardised (READ 1-2, short); topic 2 is research help (READ 4-5, long)."""
    rng = np.random.default_rng(seed)
    rows = []
    for m in pd.period_range("2025-01", periods=12, freq="M"):
        for t, phrases in PHRASES.items():
            for _ in range(5):
                day = int(rng.integers(1, 28))
                rows.append((f"{m.start_time:%Y-%m}-{day:02d} 14:00", t, str(rng.choice(phrases))))
    rows.append(("2025-06-03 10:00", 4, "is there a piano in the music room"))  # a one-off topic
    q = pd.DataFrame({
        "question_id": [f"q{i}" for i in range(len(rows))],
        "asked_at": pd.to_datetime([r[0] for r in rows]).tz_localize(TZ),
        "text": [r[2] for r in rows],
        "topic_id": [r[1] for r in rows],
    })
    research = q["topic_id"] == 2
    q["effort"] = pd.array(np.where(research, rng.integers(4, 6, len(q)), rng.integers(1, 3, len(q))),
                           dtype="Int64")
    q["duration_min"] = np.where(research, 30.0, 4.0)
    q["answer"] = np.where(research, [f"Try {w} and combine terms with AND; let's book a consultation"
                                      for w in rng.choice(["PubMed", "CINAHL", "Scopus", "JSTOR"], len(q))],
                           "Log in to My Account and click Renew.")
    return q


def test_estimate_time_saved_hand_computed():
    t = pd.to_datetime(["2025-11-03 10:00", "2025-11-04 10:00", "2025-12-01 10:00", "2025-12-02 10:00",
                        "2025-12-03 10:00"]).tz_localize(TZ)
    q = pd.DataFrame({"question_id": list("abcde"), "asked_at": t, "text": ["x"] * 5, "topic_id": [7, 7, 7, 7, 8],
                      "duration_min": [10.0, 200.0, np.nan, np.nan, 5.0],
                      "effort": pd.array([pd.NA, pd.NA, 3, pd.NA, 1], dtype="Int64")})
    before = q.copy()
    est = estimate_time_saved(q, topic_ids=[7], config=Config.from_dict({"rubric": {"window_months": 2}}))
    pd.testing.assert_frame_equal(q, before)
    assert isinstance(est, TimeSavedEstimate)
    # minutes: 10 (duration), 90 (200 capped at max_duration_min), 12 (READ 3), 6 (default) -> mean 29.5
    row = est.by_topic.iloc[0]
    assert row["minutes_per_question"] == pytest.approx(29.5)
    assert row["per_month"] == pytest.approx(2.0)  # 4 questions over 2 months
    assert est.hours_per_month == pytest.approx(2.0 * 29.5 * 0.4 / 60)
    a = est.assumptions.set_index("assumption")["value"]
    assert a["minutes from recorded durations"] == "2 questions"
    assert a["minutes from the READ table"] == "1 questions" and a["minutes by default"] == "1 questions"
    assert a["deflection rate"] == "40%"
    text = str(est)
    assert text.startswith("Estimated staff time saved: 0.4 hours a month") and "read_minutes" in text
    money = estimate_time_saved(q, topic_ids=[7], config=Config.from_dict({"costs": {"hourly_cost": 30.0},
                                                                              "rubric": {"window_months": 2}}))
    assert money.by_topic["cost_per_month"].iloc[0] == pytest.approx(money.hours_per_month * 30)


def test_automation_candidates_measures_and_ranks():
    q = questions_log()
    before = q.copy()
    cand = automation_candidates(q, period="2025-12")
    pd.testing.assert_frame_equal(q, before)
    topics = cand[cand["level"] == "topic"].set_index("topic_id")
    assert set(topics.index) == {0, 1, 2, 3, 4}
    assert topics.loc[0, "n_questions"] == 60 and topics.loc[0, "months_asked"] == 12
    assert topics.loc[0, "recurrence"] == pytest.approx(1.0)
    assert topics.loc[0, "per_month"] == pytest.approx(5.0)
    assert topics.loc[0, "n_period"] == 5 and topics.loc[0, "n_previous"] == 5
    assert topics.loc[2, "high_effort_share"] == pytest.approx(1.0)
    assert topics.loc[0, "high_effort_share"] == pytest.approx(0.0)
    assert topics.loc[0, "standardised"] and not topics.loc[2, "standardised"]
    assert not topics.loc[4, "standardised"] and "min_volume 10" in topics.loc[4, "reason"]
    assert topics.loc[0, "answer_consistency"] == pytest.approx(1.0)  # one stable answer
    assert topics.loc[0, "typical_answer"] == "Log in to My Account and click Renew."
    assert len(topics.loc[0, "representative_questions"]) == 3
    assert topics.loc[2, "score"] < topics.loc[0, "score"]
    assert cand["score"].is_monotonic_decreasing


def test_automation_candidates_scores_recurring_groups():
    q = questions_log()
    ids = q.loc[q["text"] == "how do I renew my books", "question_id"].tolist()
    rec = pd.DataFrame({"topic_id": [0], "group_id": [0], "count": [len(ids)],
                        "representative": ["how do I renew my books"], "question_ids": [ids]})
    cand = automation_candidates(q, recurring=rec)
    g = cand[cand["level"] == "group"]
    assert len(g) == 1 and g["n_questions"].item() == len(ids)
    assert g["representative_questions"].item() == ["how do I renew my books"]
    assert g["cohesion"].item() > 0.9
    in_dec = (q["question_id"].isin(ids) & (q["asked_at"] >= pd.Timestamp("2025-12-01", tz=TZ))).sum()
    assert g["n_period"].item() == in_dec


def test_classify_topics_the_rubric():
    q = questions_log()
    out = classify_topics(q, FAQ, period="2025-12").set_index("topic_id")
    assert out.loc[0, "category"] == "automate", out.loc[0, "reason"]
    assert out.loc[3, "category"] == "automate", out.loc[3, "reason"]
    assert out.loc[1, "category"] == "write FAQ", out.loc[1, "reason"]
    assert out.loc[2, "category"] == "needs people"
    assert out.loc[2, "signals"] == ["effort", "duration"]
    assert out.loc[4, "category"] == "monitor"
    assert out.loc[1, "faq_gap"] and not out.loc[0, "faq_gap"]
    assert "min_coverage" in out.loc[1, "reason"] and "READ 3+" in out.loc[2, "reason"]
    assert "min_volume" in out.loc[4, "reason"]
    # without an FAQ base, standardised topics are all gaps
    bare = classify_topics(q, period="2025-12").set_index("topic_id")
    assert bare.loc[0, "category"] == "write FAQ"


def test_classify_topics_thresholds_come_from_the_config():
    q = questions_log()
    cfg = Config.from_dict({"rubric": {"high_effort_share": 1.01, "long_duration_min": 60.0}})
    out = classify_topics(q, FAQ, config=cfg).set_index("topic_id")
    assert out.loc[2, "category"] != "needs people"


def test_rubric_write_faq_is_knowledge_gaps_write_list_hand_vectors():
    from test_gaps import HAND_RUBRIC, hand_case

    from asklens.gaps import faq_coverage, knowledge_gaps

    q, faq, Q, F = hand_case(fax_views=5)  # the fax entry is stale (read 5 times, median 1000)
    # topic 4 (no entry near it) needs people: all its questions are READ 4; the others are READ 1
    q["effort"] = pd.array(np.where(q["topic_id"] == 4, 4, 1), dtype="Int64")
    cfg = Config.from_dict({"rubric": HAND_RUBRIC})
    rubric = classify_topics(q, faq, vectors=Q, faq_vectors=F, config=cfg).set_index("topic_id")
    gaps = knowledge_gaps(q, faq, vectors=Q, faq_vectors=F, config=cfg)
    cov = faq_coverage(q, faq, vectors=Q, faq_vectors=F, config=cfg).set_index("topic_id")
    write = set(gaps.loc[gaps["action"] == "write an FAQ", "topic_id"].astype(int))
    assert write == set(rubric.index[rubric["category"] == "write FAQ"]) == {3}
    assert rubric.loc[3, "reason"].startswith("write an FAQ: 12 questions in 12 months")
    # a gap that needs people is not on the write list; the rubric says so and flags the gap
    assert rubric.loc[4, "category"] == "needs people" and rubric.loc[4, "faq_gap"]
    assert "also no FAQ answers it" in rubric.loc[4, "reason"] and "coverage 0% < min_coverage 20%" in \
        rubric.loc[4, "reason"]
    assert rubric["faq_gap"].to_dict() == {0: False, 1: False, 2: False, 3: True, 4: True}
    assert rubric.loc[[0, 1, 2], "category"].tolist() == ["automate"] * 3
    # one coverage: the rubric's is faq_coverage's, and the stale fax entry covers nothing
    assert rubric["coverage"].to_dict() == cov.loc[rubric.index, "coverage"].to_dict()
    assert rubric.loc[3, "faq_ids"] == [] and rubric.loc[1, "faq_ids"] == ["f-renew"]


def test_rubric_monitor_topics_are_not_gaps():
    q = questions_log()
    rubric = classify_topics(q, FAQ, period="2025-12")
    mon = rubric[rubric["category"] == "monitor"]
    assert len(mon) and not mon["faq_gap"].any()
    assert all("not an FAQ gap" in r for r in mon["reason"])


def test_representative_questions_do_not_repeat_one_question_with_a_thanks():
    # before: "What are the library hours this weekend?" and the same with "Thanks!" were both shown
    q = questions_log()
    hours = q["topic_id"] == 0
    variants = ["What are the library hours this weekend?", "What are the library hours this weekend? Thanks!",
                "Hi! What are the library hours this weekend? Thank you so much!", "when do you close on sunday"]
    q.loc[hours, "text"] = [variants[i % len(variants)] for i in range(int(hours.sum()))]
    out = automation_candidates(q).set_index("topic_id")
    reps = out.loc[0, "representative_questions"]
    assert sum("library hours this weekend" in r.lower() for r in reps) == 1, reps
    assert any("sunday" in r for r in reps), reps
