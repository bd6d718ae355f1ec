"""Tests for asklens.gaps: FAQ matching, coverage, gaps, stale FAQs, custom work, READ prediction."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from asklens.config import Config
from asklens.errors import InputError
from asklens.gaps import (
    calibrate_threshold,
    custom_work,
    faq_coverage,
    knowledge_gaps,
    match_faq,
    predict_effort,
    stale_faqs,
    topic_cohesion,
)

TZ = "America/New_York"

PHRASES = {
    0: ["how do I renew my books", "can I renew a library book online", "renew my loans please",
        "how to renew borrowed books", "renewing a book that is due"],
    1: ["where can I print a document", "how much does printing cost", "printer is out of paper",
        "can I print in colour", "how do I print from my laptop"],
    2: ["can I borrow a laptop", "laptop loan for the weekend", "do you lend laptops to students",
        "borrow a laptop charger", "how long can I keep a borrowed laptop"],
    3: ["what time does the library close", "is the library open on sunday", "opening hours today",
        "when does the library open tomorrow", "are you open late during finals"],
    4: ["how do I connect to the wifi", "wifi password for guests", "the wireless network keeps dropping",
        "eduroam wifi not working", "cannot connect my phone to wifi"],
}
FAQ = pd.DataFrame({
    "faq_id": ["f-renew", "f-print", "f-hours", "f-wifi", "f-fax", "f-park"],
    "question": ["How do I renew my books?", "How do I print in the library?", "What are the library's hours?",
                 "How do I connect to the wifi?", "Where is the fax machine?", "Where can visitors park?"],
    "answer": ["Renew your books online in My Account before they are due.",
               "Print from any library computer or your laptop; printing costs 10 cents a page.",
               "The library is open 8 am to midnight; see the hours page for holidays and finals.",
               "Connect to eduroam with your university login; guests use the guest network.",
               "The fax machine is next to the copier on the first floor.",
               "Visitors park in the garage on Elm Street; pay at the machine."],
    "views": pd.array([900, 800, 1200, 700, 12, 400], dtype="Int64"),
})


def questions_log(n_months: int = 12, per_month: int = 4, seed: int = 0) -> pd.DataFrame:
    """Three topics asked every month: renewals, printing, laptop loans."""
    rng = np.random.default_rng(seed)
    rows = []
    for m in pd.period_range("2025-01", periods=n_months, freq="M"):
        for t, phrases in PHRASES.items():
            for _ in range(per_month):
                day = int(rng.integers(1, 28))
                rows.append((f"{m.start_time:%Y-%m}-{day:02d} 11:00", t, str(rng.choice(phrases))))
    q = pd.DataFrame({
        "question_id": [f"q{i}" for i in range(len(rows))],
        "asked_at": pd.to_datetime([r[0] for r in rows]).tz_localize(TZ),
        "text": [r[2] for r in rows],
        "topic_id": [r[1] for r in rows],
    })
    return q


# ---------------------------------------------------------------- cohesion and calibration
def test_topic_cohesion_hand_computed():
    v = np.array([[1, 0], [1, 0], [0, 1], [0.6, 0.8]], dtype=np.float32)
    out = topic_cohesion(v, [0, 0, 1, 1]).set_index("topic_id")
    assert out.loc[0, "similarity"] == pytest.approx(1.0)
    assert out.loc[1, "similarity"] == pytest.approx(0.8)
    # overall mean pairwise cosine: pairs (1,1)=1, three pairs of 0, four of 0.6 or 0.8
    pairs = [1, 0, 0.6, 0, 0.6, 0.8]
    overall = np.mean(pairs)
    assert out.loc[1, "cohesion"] == pytest.approx((0.8 - overall) / (1 - overall), rel=1e-5)


def test_calibrate_threshold_is_the_quantile_of_non_best_lifts():
    rng = np.random.default_rng(1)
    Q = rng.normal(size=(40, 6)).astype(np.float32)
    F = rng.normal(size=(5, 6)).astype(np.float32)
    L = (Q - Q.mean(0)) @ (F - F.mean(0)).T
    L[np.arange(40), L.argmax(1)] = np.nan
    expected = np.nanquantile(L, 0.9)
    assert calibrate_threshold(Q, F, quantile=0.9) == pytest.approx(expected, rel=1e-5)
    assert calibrate_threshold(Q, F, quantile=0.99) > calibrate_threshold(Q, F, quantile=0.5)


# ---------------------------------------------------------------- matching
def test_match_faq_hand_vectors():
    q = pd.DataFrame({"question_id": ["a", "b", "c"], "text": ["x", "y", "z"], "topic_id": [0, 1, 2]})
    faq = pd.DataFrame({"faq_id": ["F1", "F2"], "question": ["one", "two"]})
    Q = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1]], dtype=np.float32)
    F = np.array([[1, 0, 0], [0, 1, 0]], dtype=np.float32)
    before = q.copy()
    m = match_faq(q, faq, vectors=Q, faq_vectors=F, threshold=0.5)
    pd.testing.assert_frame_equal(q, before)
    # lift = (q - mean q) . (f - mean f); mean q = (1/3,1/3,1/3), mean f = (1/2,1/2,0)
    qc, fc = Q - Q.mean(0), F - F.mean(0)
    L = qc @ fc.T
    assert m["faq_id"].tolist()[:2] == ["F1", "F2"]
    assert m["lift"].tolist() == pytest.approx([L[0].max(), L[1].max(), L[2].max()])
    assert m["similarity"].tolist()[:2] == pytest.approx([1.0, 1.0])
    assert m["covered"].tolist() == [True, True, False]
    assert (m["threshold"] == 0.5).all() and m["topic_id"].tolist() == [0, 1, 2]


def test_match_faq_with_text_calibrates_and_finds_the_right_entry():
    q = questions_log(n_months=4)
    m = match_faq(q, FAQ)
    assert len(m) == len(q) and m["threshold"].nunique() == 1
    renew = m[q["topic_id"].to_numpy() == 0]
    printing = m[q["topic_id"].to_numpy() == 1]
    assert (renew["faq_id"] == "f-renew").mean() > 0.6
    assert (printing["faq_id"] == "f-print").mean() > 0.6
    assert renew["covered"].mean() > 0.6


def test_match_faq_empty_base_covers_nothing_and_bad_base_is_an_error():
    q = questions_log(n_months=1)
    m = match_faq(q, FAQ.iloc[:0])
    assert not m["covered"].any() and m["faq_id"].isna().all()
    with pytest.raises(InputError, match="faq_id"):
        match_faq(q, pd.DataFrame({"title": ["x"]}))


def test_no_faq_base_is_an_empty_one_in_every_faq_analysis():
    # before: knowledge_gaps(q, None) raised TypeError while classify_topics accepted faq=None
    q = questions_log()
    empty = FAQ.iloc[:0]
    pd.testing.assert_frame_equal(knowledge_gaps(q, None), knowledge_gaps(q, empty))
    assert set(knowledge_gaps(q, None)["action"]) == {"write an FAQ"}
    pd.testing.assert_frame_equal(faq_coverage(q, None), faq_coverage(q, empty))
    assert not match_faq(q, None)["covered"].any()
    assert stale_faqs(q, None).empty


def test_embed_once_gives_the_analyses_their_own_results():
    import asklens

    q = questions_log()
    Q, F = asklens.embed(q, FAQ)
    assert Q.shape[0] == len(q) and F.shape[0] == len(FAQ) and Q.shape[1] == F.shape[1]
    np.testing.assert_allclose(np.linalg.norm(Q, axis=1), 1.0, atol=1e-5)
    shared = knowledge_gaps(q, FAQ, vectors=Q, faq_vectors=F)
    pd.testing.assert_frame_equal(shared, knowledge_gaps(q, FAQ))  # same default vectorizer and seed
    Qn, Fn = asklens.embed(q, None)
    assert Qn.shape == Q.shape and Fn.shape == (0, Q.shape[1])


def test_a_period_outside_the_log_is_an_error_naming_its_span():
    q = questions_log()  # 2025-01 to 2025-12
    for call in (lambda: knowledge_gaps(q, FAQ, period="2030-01"), lambda: faq_coverage(q, FAQ, period="2024-06")):
        with pytest.raises(InputError, match="period .* is outside the question log, which runs from 2025-01 "
                                             "to 2025-12"):
            call()
    assert len(knowledge_gaps(q, FAQ, period="2025-06")) > 0


# ---------------------------------------------------------------- coverage and decisions
def test_faq_coverage_names_the_covering_entries():
    q = questions_log()
    cov = faq_coverage(q, FAQ).set_index("topic_id")
    assert cov.loc[0, "faq_ids"][0] == "f-renew"
    assert cov.loc[1, "faq_ids"][0] == "f-print"
    assert cov.loc[0, "coverage"] > 0.6 and cov.loc[1, "coverage"] > 0.6
    assert cov.loc[3, "faq_ids"][0] == "f-hours" and cov.loc[4, "faq_ids"][0] == "f-wifi"
    assert cov.loc[2, "faq_ids"] == [] and cov.loc[2, "coverage"] < 0.2  # laptop loans: no entry is about them
    assert cov.loc[0, "n_questions"] == 48
    assert cov.loc[0, "n_covered"] == round(cov.loc[0, "coverage"] * 48)


def test_knowledge_gaps_write_find_and_stale():
    q = questions_log(per_month=8)
    gaps = knowledge_gaps(q, FAQ, config=Config.from_dict({"rubric": {"findability_per_month": 5,
                                                                      "findability_view_ratio": 0.0}}))
    write = gaps[gaps["action"] == "write an FAQ"]
    assert write["topic_id"].tolist() == [2]
    assert write["n_questions"].item() == 96 and write["months_asked"].item() == 12
    assert "min_volume 10" in write["reason"].item() and "min_coverage" in write["reason"].item()
    find = gaps[gaps["action"] == "make the FAQ easier to find"]
    assert set(find["topic_id"]) == {0, 1, 3, 4}
    assert "findability_per_month" in find["reason"].iloc[0]
    stale = gaps[gaps["action"] == "review a stale FAQ"]
    assert stale["faq_id"].tolist() == ["f-fax", "f-park"]  # nobody asks; read less than the median entry
    assert stale["views"].tolist() == [12, 400]


def test_knowledge_gaps_requires_recurrence():
    q = questions_log(per_month=8)
    late = q[(q["topic_id"] != 2) | (q["asked_at"] >= pd.Timestamp("2025-12-01", tz=TZ))]
    gaps = knowledge_gaps(late, FAQ)
    assert 2 not in set(gaps["topic_id"].dropna())  # asked in 1 of 12 months: not recurring


def test_stale_faqs_keeps_an_unmatched_entry_that_people_read():
    q = questions_log(n_months=3)
    faq = FAQ.assign(views=pd.array([900, 800, 1200, 700, 5000, 400], dtype="Int64"))
    st = stale_faqs(q, faq).set_index("faq_id")
    assert not st.loc["f-fax", "stale"]
    assert "keep" in st.loc["f-fax", "reason"] and "5000 views" in st.loc["f-fax", "reason"]
    # without views, an entry nobody asked about in stale_months (6) months is stale; 3 months are too few to tell
    st2 = stale_faqs(questions_log(n_months=6), FAQ.drop(columns="views")).set_index("faq_id")
    assert st2.loc["f-fax", "stale"] and not st2.loc["f-renew", "stale"]
    st3 = stale_faqs(q, FAQ.drop(columns="views")).set_index("faq_id")
    assert not st3.loc["f-fax", "stale"] and "too early to tell" in st3.loc["f-fax", "reason"]


# ---------------------------------------------------------------- custom work
def test_custom_work_signals_and_sample_sizes():
    q = questions_log(n_months=4, per_month=5)  # 20 questions per topic
    n = len(q)
    effort = np.where(q["topic_id"] == 0, 4, 1).astype(float)
    effort[(q["topic_id"] == 0).to_numpy().nonzero()[0][:5]] = 2  # 15 of 20 at READ 4
    q["effort"] = pd.array(effort.astype(int), dtype="Int64")
    q["duration_min"] = np.where(q["topic_id"] == 1, 30.0, 3.0)
    q["n_messages"] = pd.array(np.where(q["topic_id"] == 2, 4, 6), dtype="Int64")
    q.loc[q.index[q["topic_id"] == 2][:15], "duration_min"] = np.nan
    out = custom_work(q).set_index("topic_id")
    assert out.loc[0, "signals"] == ["effort"]
    assert out.loc[0, "high_effort_share"] == pytest.approx(0.75) and out.loc[0, "n_effort"] == 20
    assert "75% of 20 READ-coded" in out.loc[0, "reason"]
    assert out.loc[1, "signals"] == ["duration"] and "median handling time 30 min" in out.loc[1, "reason"]
    assert not out.loc[2, "needs_people"] and out.loc[2, "n_duration"] == 5
    assert out.index[0] in (0, 1)  # needs people first
    # too little evidence: the effort signal needs min_signal_n coded rows
    cfg = Config.from_dict({"rubric": {"min_signal_n": 25}})
    assert custom_work(q, config=cfg).set_index("topic_id").loc[0, "signals"] == []
    assert n == len(q)


# ---------------------------------------------------------------- READ prediction
def test_predict_effort_learns_and_marks_predictions():
    q = questions_log(n_months=12, per_month=6, seed=3)
    rng = np.random.default_rng(0)
    true = np.where(q["topic_id"] == 0, 1, np.where(q["topic_id"] == 1, 2, 4))
    coded = rng.random(len(q)) < 0.5
    q["effort"] = pd.array(np.where(coded, true, 0), dtype="Int64").astype("Int64")
    q.loc[~coded, "effort"] = pd.NA
    before = q.copy()
    filled, scores = predict_effort(q)
    pd.testing.assert_frame_equal(q, before)
    s = scores.set_index("metric")
    assert s.loc["coded_rows", "n"] == coded.sum() and s.loc["predicted_rows", "n"] == (~coded).sum()
    assert s.loc["accuracy", "value"] > 0.9 and s.loc["accuracy", "n"] == pytest.approx(0.25 * coded.sum(), abs=1)
    assert s.loc["majority_baseline", "value"] < s.loc["accuracy", "value"]
    assert filled["effort"].notna().all()
    assert filled["effort_predicted"].tolist() == (~coded).tolist()
    assert (filled.loc[~coded, "effort"].to_numpy() == true[~coded]).mean() > 0.9
    assert (filled.loc[coded, "effort"] == q.loc[coded, "effort"]).all()


def test_predict_effort_with_too_few_codes_predicts_nothing():
    q = questions_log(n_months=1)
    q["effort"] = pd.array([1, 2] + [pd.NA] * (len(q) - 2), dtype="Int64")
    filled, scores = predict_effort(q)
    assert not filled["effort_predicted"].any()
    assert "too few coded rows" in scores.set_index("metric").loc["accuracy", "note"]


# ---------------------------------------------------------------- one relation: hand-computed consistency cases
def hand_case(*, fax_views: int = 5, start: str = "2025-01", months: int = 12):
    """Five topics of one question a month on hand vectors; three FAQ entries on axes 0, 1, 2.

    Topic 0 sits on the renewals entry (axis 0), topic 1 leans on it (0.8 axis 0 + 0.6 axis 3),
    topic 2 on the printing entry, topic 3 on the fax entry, topic 4 on no entry (axis 4).
    With these vectors the lifts (question - mean question) . (entry - mean entry) are, per
    topic and entry (renew, print, fax): t0 (.56, -.28, -.28), t1 (.427, -.213, -.213),
    t2 (-.44, .72, -.28), t3 (-.44, -.28, .72), t4 (-.107, .053, .053); the null of the
    claim rule (every lift but each entry's strongest topic) has median -.2467 and MAD
    .0867 (× 1.4826), so the z-scores are t0/renew 6.28, t1/renew 5.24, t4/print 2.34.
    """
    e = np.eye(6, dtype=np.float32)
    vec = {0: e[0], 1: 0.8 * e[0] + 0.6 * e[3], 2: e[1], 3: e[2], 4: e[4]}
    text = {0: "renew my books", 1: "renew a loan for my class", 2: "print a page", 3: "send a fax", 4: "find a map"}
    rows, V = [], []
    for m in pd.period_range(start, periods=months, freq="M"):
        for t in range(5):
            rows.append((f"{m.start_time:%Y-%m}-10 11:00", t, text[t]))
            V.append(vec[t])
    q = pd.DataFrame({"question_id": [f"q{i}" for i in range(len(rows))],
                      "asked_at": pd.to_datetime([r[0] for r in rows]).tz_localize(TZ),
                      "text": [r[2] for r in rows], "topic_id": [r[1] for r in rows]})
    faq = pd.DataFrame({"faq_id": ["f-renew", "f-print", "f-fax"],
                        "question": ["How do I renew?", "How do I print?", "Can I send a fax?"],
                        "views": pd.array([1000, 1000, fax_views], dtype="Int64")})
    F = np.stack([e[0], e[1], e[2]])
    return q, faq, np.stack(V), F


HAND_RUBRIC = {"covered_similarity": 0.2, "faq_claim_share": 0.9}


def test_hand_case_lifts_and_z_scores():
    q, faq, Q, F = hand_case()
    m = match_faq(q, faq, vectors=Q, faq_vectors=F, threshold=0.2)
    lift = m.groupby(q["topic_id"])["lift"].first()
    assert lift.round(3).tolist() == pytest.approx([0.56, 0.427, 0.72, 0.72, 0.053], abs=1e-3)
    cov = faq_coverage(q, faq, matches=m, vectors=Q, faq_vectors=F,
                       config=Config.from_dict({"rubric": HAND_RUBRIC})).set_index("topic_id")
    assert cov.loc[0, "faq_z"] == pytest.approx((0.56 + 0.2467) / (0.0867 * 1.4826), rel=2e-3)
    assert cov.loc[1, "faq_z"] == pytest.approx((0.4267 + 0.2467) / (0.0867 * 1.4826), rel=2e-3)
    assert cov.loc[4, "faq_z"] == pytest.approx((0.0533 + 0.2467) / (0.0867 * 1.4826), rel=2e-3)


def test_topic_view_credits_an_entry_most_of_a_topic_matches():
    q, faq, Q, F = hand_case(fax_views=1000)
    # the entry's own view: t1's z 5.24 is under 0.9 of its strongest topic's 6.28, so only the topic's view
    # (closest entry, z ≥ 2, the covered best match of 100% ≥ faq_answer_share of t1) credits it
    cov = faq_coverage(q, faq, vectors=Q, faq_vectors=F,
                       config=Config.from_dict({"rubric": HAND_RUBRIC})).set_index("topic_id")
    assert cov.loc[1, "faq_ids"] == ["f-renew"] and cov.loc[1, "coverage"] == 1.0
    assert cov.loc[1, "best_faq_share"] == 1.0
    strict = Config.from_dict({"rubric": {**HAND_RUBRIC, "faq_answer_share": 1.01}})
    cov2 = faq_coverage(q, faq, vectors=Q, faq_vectors=F, config=strict).set_index("topic_id")
    assert cov2.loc[1, "faq_ids"] == [] and cov2.loc[1, "coverage"] == 0.0
    # t4 is closest to the printing entry (z 2.34 ≥ 2) but no question of it passes the threshold: not credited
    assert cov.loc[4, "faq_ids"] == [] and cov.loc[4, "best_faq_share"] == 0.0 and cov.loc[4, "coverage"] == 0.0
    assert cov.loc[0, "faq_ids"] == ["f-renew"] and cov.loc[2, "faq_ids"] == ["f-print"]
    assert cov.loc[3, "faq_ids"] == ["f-fax"] and cov.loc[3, "n_covered"] == 12


def test_a_stale_entry_is_credited_with_nothing():
    q, faq, Q, F = hand_case(fax_views=5)  # the fax entry answers topic 3 but is read 5 times (median 1000)
    cfg = Config.from_dict({"rubric": HAND_RUBRIC})
    cov = faq_coverage(q, faq, vectors=Q, faq_vectors=F, config=cfg).set_index("topic_id")
    st = stale_faqs(q, faq, vectors=Q, faq_vectors=F, config=cfg).set_index("faq_id")
    assert st.loc["f-fax", "stale"] and st.loc["f-fax", "topic_ids"] == []
    assert st.loc["f-fax", "n_matched"] == 6  # its 6 questions of the last stale_months = 6 months
    assert "not counted as its coverage" in st.loc["f-fax", "reason"]
    assert cov.loc[3, "faq_ids"] == [] and cov.loc[3, "n_covered"] == 0 and cov.loc[3, "coverage"] == 0.0
    credited = {f for fs in cov["faq_ids"] for f in fs}
    assert not credited & set(st.index[st["stale"]])
    gaps = knowledge_gaps(q, faq, vectors=Q, faq_vectors=F, config=cfg)
    write = gaps[gaps["action"] == "write an FAQ"]
    assert write["topic_id"].tolist() == [3, 4]
    assert "f-fax" in write["reason"].iloc[0] and "stale" in write["reason"].iloc[0]
    assert gaps.loc[gaps["action"] == "review a stale FAQ", "faq_id"].tolist() == ["f-fax"]
    # read as often as the others, the same entry is in use and covers topic 3
    q2, faq2, Q2, F2 = hand_case(fax_views=1000)
    st2 = stale_faqs(q2, faq2, vectors=Q2, faq_vectors=F2, config=cfg).set_index("faq_id")
    assert not st2["stale"].any() and st2.loc["f-fax", "topic_ids"] == [3]


def test_an_entry_is_not_stale_before_the_log_reaches_back_stale_months():
    # before: the report for a log's first month called every entry nobody had asked about yet "stale"
    cfg = Config.from_dict({"rubric": {**HAND_RUBRIC, "stale_months": 6}})
    for months, stale in ((2, False), (6, True), (12, True)):
        q, faq, Q, F = hand_case(fax_views=500, months=months)  # read half as often as the others
        keep = (q["topic_id"] != 3).to_numpy()  # nobody asks about faxes
        st = stale_faqs(q[keep], faq, vectors=Q[keep], faq_vectors=F, config=cfg).set_index("faq_id")
        assert bool(st.loc["f-fax", "stale"]) is stale, months
        if not stale:
            assert "only 2 of the stale_months 6 months" in st.loc["f-fax", "reason"]
    # an entry read far less than the others is stale at once (its views say so, not the months)
    q, faq, Q, F = hand_case(fax_views=5, months=2)
    assert stale_faqs(q, faq, vectors=Q, faq_vectors=F, config=cfg).set_index("faq_id").loc["f-fax", "stale"]


def test_coverage_and_gaps_say_the_same_over_one_window():
    q1, faq, Q1, F = hand_case(start="2024-01")
    q2, _, Q2, _ = hand_case(start="2025-01")
    Q1[q1["topic_id"].to_numpy() == 2] = np.eye(6, dtype=np.float32)[5]  # in 2024 topic 2 was about something else
    q = pd.concat([q1, q2.assign(question_id="b" + q2["question_id"])], ignore_index=True)
    Q = np.vstack([Q1, Q2])
    cfg = Config.from_dict({"rubric": HAND_RUBRIC})
    m = match_faq(q, faq, vectors=Q, faq_vectors=F, config=cfg)
    cov = faq_coverage(q, faq, matches=m, vectors=Q, faq_vectors=F, config=cfg).set_index("topic_id")
    assert (cov["n_questions"] == 12).all()  # the last window_months = 12 months, not the 24 of the log
    assert cov.loc[2, "coverage"] == 1.0
    old = faq_coverage(q, faq, matches=m, vectors=Q, faq_vectors=F, period="2024-12", config=cfg).set_index("topic_id")
    assert old.loc[2, "coverage"] == 0.0 and old.loc[2, "n_questions"] == 12
    gaps = knowledge_gaps(q, faq, matches=m, vectors=Q, faq_vectors=F, config=cfg)
    for r in gaps[gaps["topic_id"].notna()].itertuples():
        assert r.coverage == cov.loc[int(r.topic_id), "coverage"]
        assert r.n_questions == cov.loc[int(r.topic_id), "n_questions"]


def test_question_coverage_is_the_credited_share_per_question():
    from asklens.gaps import question_coverage

    q, faq, Q, F = hand_case(fax_views=5)
    cfg = Config.from_dict({"rubric": HAND_RUBRIC})
    m = match_faq(q, faq, vectors=Q, faq_vectors=F, config=cfg)
    per_q = question_coverage(q, faq, matches=m, vectors=Q, faq_vectors=F, config=cfg)
    cov = faq_coverage(q, faq, matches=m, vectors=Q, faq_vectors=F, config=cfg).set_index("topic_id")
    assert len(per_q) == len(q)
    # topic 3's questions pass the threshold to their best entry (lift .72 ≥ .2), but it is stale: they are
    # matched again among the live entries, where nothing passes the threshold: not matched, not covered
    t3 = per_q[per_q["topic_id"] == 3]
    assert (m.loc[q["topic_id"] == 3, "covered"]).all() and (m.loc[q["topic_id"] == 3, "faq_id"] == "f-fax").all()
    assert not t3["matched"].any() and not t3["covered"].any() and (t3["faq_id"] != "f-fax").all()
    assert (t3["lift"] < 0.2).all()
    assert per_q.groupby("topic_id")["covered"].mean().to_dict() == cov["coverage"].to_dict()


def test_topic_view_adds_up_the_entries_that_answer_a_topic_together():
    # t2 is asked two ways: half its questions are close to the renewal entry, half to the printing entry.
    # Its z to each is 2.6 (≥ faq_claim_z 2) but under 0.9 of the entries' own topics' 6.1, so the entries'
    # view does not give it to them; neither alone best matches 60% of it, together they best match all of
    # it: both answer it (the topic's view adds up the strongly related entries)
    e = np.eye(10)
    kinds = [e[0], e[1], 0.95 * e[0] + 0.31 * e[3], 0.95 * e[1] + 0.31 * e[3]] + [e[i] for i in range(4, 10)]
    topic = [0, 1, 2, 2] + list(range(3, 9))
    rows, V = [], []
    for m in pd.period_range("2025-01", periods=6, freq="M"):
        for k, t in enumerate(topic):
            rows.append((f"{m.start_time:%Y-%m}-10 11:00", t))
            V.append(kinds[k])
    q = pd.DataFrame({"question_id": [f"q{i}" for i in range(len(rows))],
                      "asked_at": pd.to_datetime([r[0] for r in rows]).tz_localize(TZ),
                      "text": ["a question"] * len(rows), "topic_id": [r[1] for r in rows]})
    faq = pd.DataFrame({"faq_id": ["f-renew", "f-print", "f-fax", "f-map", "f-wifi"],
                        "question": ["How do I renew?", "How do I print?", "Fax?", "Maps?", "Wifi?"]})
    Q, F = np.stack(V), np.stack([e[0], e[1], e[4], e[5], e[6]])
    cfg = Config.from_dict({"rubric": {**HAND_RUBRIC, "faq_answer_share": 0.6}})
    cov = faq_coverage(q, faq, vectors=Q, faq_vectors=F, config=cfg).set_index("topic_id")
    assert cov.loc[2, "faq_z"] == pytest.approx(2.6, abs=0.05)
    assert cov.loc[2, "best_faq_share"] == 0.5 and cov.loc[2, "strong_faq_share"] == 1.0
    assert sorted(cov.loc[2, "faq_ids"]) == ["f-print", "f-renew"] and cov.loc[2, "coverage"] == 1.0
    assert cov.loc[0, "faq_ids"] == ["f-renew"] and cov.loc[1, "faq_ids"] == ["f-print"]
    assert cov.loc[6, "faq_ids"] == [] and cov.loc[6, "strong_faq_share"] == 0.0
    # asking the entries to best match more than all of the topic: t2 is no longer theirs, and says why
    strict = Config.from_dict({"rubric": {**HAND_RUBRIC, "faq_answer_share": 1.01}})
    cov2 = faq_coverage(q, faq, vectors=Q, faq_vectors=F, config=strict).set_index("topic_id")
    assert cov2.loc[2, "faq_ids"] == [] and cov2.loc[2, "coverage"] == 0.0
    gaps = knowledge_gaps(q, faq, vectors=Q, faq_vectors=F, config=strict)
    why = gaps.loc[gaps["topic_id"] == 2, "reason"].iloc[0]
    assert "together the best match of only 100%" in why, why


def test_questions_whose_best_entry_is_stale_are_matched_again_among_the_live_ones():
    # an old printing entry, read 5 times (stale), sits closer to the printing questions than the live one:
    # they are matched again to the live printing entry, which answers them (before: coverage 0)
    q, faq, Q, F = hand_case(fax_views=1000)
    e = np.eye(6, dtype=np.float32)
    old = (e[1] + 0.05 * e[5]) / np.linalg.norm(e[1] + 0.05 * e[5])
    Q = Q.copy()
    Q[q["topic_id"].to_numpy() == 2] = old  # the printing questions are exactly the old entry
    faq = pd.concat([faq, pd.DataFrame({"faq_id": ["f-print-2019"], "question": ["Printing during the 2019 move?"],
                                        "views": pd.array([5], dtype="Int64")})], ignore_index=True)
    F = np.vstack([F, old])
    cfg = Config.from_dict({"rubric": HAND_RUBRIC})
    m = match_faq(q, faq, vectors=Q, faq_vectors=F, config=cfg)
    assert (m.loc[q["topic_id"] == 2, "faq_id"] == "f-print-2019").all()
    st = stale_faqs(q, faq, vectors=Q, faq_vectors=F, config=cfg).set_index("faq_id")
    assert st.loc["f-print-2019", "stale"] and not st.loc["f-print", "stale"]
    cov = faq_coverage(q, faq, vectors=Q, faq_vectors=F, config=cfg).set_index("topic_id")
    assert cov.loc[2, "faq_ids"] == ["f-print"] and cov.loc[2, "coverage"] == 1.0
    from asklens.gaps import question_coverage

    per_q = question_coverage(q, faq, vectors=Q, faq_vectors=F, config=cfg)
    assert (per_q.loc[per_q["topic_id"] == 2, "faq_id"] == "f-print").all()
    gaps = knowledge_gaps(q, faq, vectors=Q, faq_vectors=F, config=cfg)
    assert 2 not in set(gaps.loc[gaps["action"] == "write an FAQ", "topic_id"].dropna().astype(int))


def test_an_entry_no_question_of_a_topic_picks_is_not_listed_for_it():
    # "Does the library charge late fees?" sits near the renewal questions (its strongest topic), but every
    # renewal question picks the renewal entry: the fees entry answers none of them, so it is not listed
    # (the advice "point the chatbot at …" names only entries that answer the topic's questions)
    e = np.eye(10)
    kinds = [e[0], e[1]] + [e[i] for i in range(4, 10)]
    rows, V = [], []
    for m in pd.period_range("2025-01", periods=6, freq="M"):
        for t, vec in enumerate(kinds):
            rows.append((f"{m.start_time:%Y-%m}-10 11:00", t))
            V.append(vec)
    q = pd.DataFrame({"question_id": [f"q{i}" for i in range(len(rows))],
                      "asked_at": pd.to_datetime([r[0] for r in rows]).tz_localize(TZ),
                      "text": ["a question"] * len(rows), "topic_id": [r[1] for r in rows]})
    fees = (0.8 * e[0] + 0.6 * e[2]) / np.linalg.norm(0.8 * e[0] + 0.6 * e[2])
    faq = pd.DataFrame({"faq_id": ["f-renew", "f-print", "f-fees", "f-map", "f-wifi"],
                        "question": ["Renew?", "Print?", "Late fees?", "Maps?", "Wifi?"],
                        "views": pd.array([1000] * 5, dtype="Int64")})
    F = np.stack([e[0], e[1], fees, e[4], e[5]])
    cfg = Config.from_dict({"rubric": HAND_RUBRIC})
    cov = faq_coverage(q, faq, vectors=np.stack(V), faq_vectors=F, config=cfg).set_index("topic_id")
    assert cov.loc[0, "faq_ids"] == ["f-renew"] and cov.loc[0, "coverage"] == 1.0
    st = stale_faqs(q, faq, vectors=np.stack(V), faq_vectors=F, config=cfg).set_index("faq_id")
    assert st.loc["f-fees", "topic_ids"] == [] and not st.loc["f-fees", "stale"]  # kept: read as much as any
    assert st.loc["f-renew", "topic_ids"] == [0]
