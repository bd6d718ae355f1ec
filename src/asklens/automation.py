"""What to automate next, how much staff time it would save, and the rubric that sorts topics.

* :func:`automation_candidates` measures, per topic (and per recurring-question group),
  what makes work *standardised*: volume and its trend, recurrence over the months and
  weeks, how alike the questions are (cohesion), how alike the staff answers are
  (answer consistency) and how cheap it is (READ, duration, messages); it scores and
  ranks the topics, with representative questions and the most typical staff answer
  as a start for an FAQ entry.
* :func:`estimate_time_saved` turns that into staff hours a month, and returns the
  assumptions beside the number.
* :func:`classify_topics` is the rubric the report uses: automate / write FAQ / needs
  people / monitor, with the rule that put each topic there.

All thresholds come from the workspace config (``[rubric]``, ``[costs]``); every row
has a ``reason`` naming the rule, its threshold and the sample it looked at.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from asklens.config import Config
from asklens.errors import InputError
from asklens.gaps import _embed, _gap_rule, _is_fitted, _texts, custom_work, faq_coverage, knowledge_gaps, \
    match_faq, topic_cohesion
from asklens.trends import (_check_questions, _config, _labels, _local, _months, _months_covered,
                            _resolve_period, _with_labels)

__all__ = ["automation_candidates", "estimate_time_saved", "TimeSavedEstimate", "classify_topics"]


def _in_window(questions: pd.DataFrame, end: pd.Period, months: int) -> np.ndarray:
    m = _local(questions["asked_at"]).dt.to_period("M")
    return ((m > end - months) & (m <= end)).to_numpy()


def _question_vectors(questions: pd.DataFrame, vectors: np.ndarray | None, vectorizer: Any,
                      random_state: int) -> np.ndarray:
    if vectors is not None:
        if len(vectors) != len(questions):
            raise InputError(f"vectors has {len(vectors)} rows but questions has {len(questions)}",
                             fix="pass one vector per question, in the same order")
        return np.asarray(vectors, dtype=np.float32)
    if vectorizer is None:
        from asklens.vectorize import make_vectorizer
        vectorizer = make_vectorizer("tfidf", random_state=random_state)
    texts = _texts(questions)
    X = vectorizer.transform(texts) if _is_fitted(vectorizer) else vectorizer.fit_transform(texts)
    return np.asarray(X, dtype=np.float32)


def _answer_stats(answers: pd.Series, groups: np.ndarray, *, per_group: int = 200,
                  random_state: int = 0) -> pd.DataFrame:
    """Per group: answers seen, their consistency (rescaled mean cosine) and the most typical one."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    a = answers.astype("string")
    ok = a.notna().to_numpy() & (a.fillna("").str.strip().str.len() > 0).to_numpy()
    cols = ["group", "n_answers", "answer_consistency", "typical_answer"]
    if ok.sum() < 2:
        return pd.DataFrame(columns=cols)
    rng = np.random.default_rng(random_state)
    idx = np.flatnonzero(ok)
    g = groups[idx]
    keep = []
    for k in np.unique(g):
        members = idx[g == k]
        keep.append(members if len(members) <= per_group else np.sort(rng.choice(members, per_group, replace=False)))
    keep = np.concatenate(keep)
    texts = [str(t)[:1500] for t in a.to_numpy()[keep]]
    try:
        X = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1).fit_transform(texts)
    except ValueError:  # only stop words
        return pd.DataFrame(columns=cols)
    gk = groups[keep]
    coh = topic_cohesion(X.toarray() if X.shape[1] < 5000 else _dense_svd(X), gk).set_index("topic_id")
    rows = []
    for k in np.unique(gk):
        pos = np.flatnonzero(gk == k)
        sub = X[pos]
        centroid = np.asarray(sub.mean(axis=0)).ravel()
        best = pos[int(np.argmax(sub @ centroid))]
        rows.append({"group": k, "n_answers": int((groups[idx] == k).sum()),
                     "answer_consistency": float(coh.loc[k, "cohesion"]) if len(pos) > 1 else np.nan,
                     "typical_answer": texts[best][:600]})
    return pd.DataFrame(rows, columns=cols)


def _dense_svd(X: Any) -> np.ndarray:
    from sklearn.decomposition import TruncatedSVD
    from sklearn.preprocessing import normalize
    k = max(1, min(200, X.shape[1] - 1, X.shape[0] - 1))
    return normalize(TruncatedSVD(n_components=k, random_state=0).fit_transform(X))


def _representatives(V: np.ndarray, texts: list[str], groups: np.ndarray, k: int = 3) -> dict[Any, list[str]]:
    """Return up to ``k`` typical questions per group, chosen as topic examples are (close to the centre,
    short, little boilerplate, no two saying the same thing: see :func:`asklens.describe._choose_examples`)."""
    from asklens.describe import _choose_examples

    out: dict[Any, list[str]] = {}
    for g in np.unique(groups):
        pos = np.flatnonzero(groups == g)
        c = V[pos].mean(axis=0)
        out[g] = [t[:300] for t in _choose_examples(texts, pos, np.asarray(V[pos] @ c, dtype=np.float64), k)]
    return out


def automation_candidates(
    questions: pd.DataFrame,
    *,
    topics: pd.DataFrame | None = None,
    recurring: pd.DataFrame | None = None,
    period: Any = None,
    vectors: np.ndarray | None = None,
    vectorizer: Any = None,
    config: Config | None = None,
    random_state: int = 0,
) -> pd.DataFrame:
    """Rank topics (and recurring-question groups) by how well an FAQ or chatbot could take them over.

    Over the last ``[rubric] window_months`` months ending at ``period``, per topic:

    - **volume**: questions in the window, in the report month, the month before and
      the same month a year earlier (``trend`` says how the month compares);
    - **recurrence**: share of the window's months, and of its weeks, with a question;
    - **cohesion**: how alike the questions are (:func:`asklens.gaps.topic_cohesion`);
    - **answer consistency**: the same measure over the staff answers, where present;
    - **effort**: share of READ ≥ 3, mean READ, median duration and messages.

    A topic is *standardised* when it has at least ``min_volume`` questions, recurs in
    at least ``min_recurrence`` of the months, has cohesion ≥ ``min_cohesion``, and at
    most ``max_effort_share`` of its READ-coded questions are READ ≥ 3 (checked when at
    least ``min_signal_n`` are coded). The **score** (0–1) multiplies recurrence, a
    volume factor (log questions relative to the busiest topic), cohesion relative to
    ``min_cohesion`` (capped at 1), the share of cheap questions (READ ≤ 2) and, where
    answers exist, ``(1 + answer consistency) / 2``.

    Parameters
    ----------
    questions : pandas.DataFrame
        Canonical question log with ``topic_id``.
    topics : pandas.DataFrame, optional
        A topics table (labels).
    recurring : pandas.DataFrame, optional
        Recurring-question groups from :func:`asklens.describe.recurring_questions`
        (``topic_id``, ``group_id``, ``count``, ``representative``, ``question_ids``);
        each group gets its own row (``level == "group"``).
    period : str, optional
        The report month, ``"YYYY-MM"`` (default: the log's last month).
    vectors : numpy.ndarray, optional
        Question vectors (one row per question of ``questions``); default fitted.
    vectorizer : object, optional
        Vectorizer when ``vectors`` is not given.
    config : asklens.Config, optional
        ``[rubric]`` thresholds.
    random_state : int, default 0
        Seed of the vectorizer and the answer sample.

    Returns
    -------
    pandas.DataFrame
        One row per topic (misc excluded) and group, best candidates first:
        ``level``, ``topic_id``, ``topic_label``, ``group_id``, ``n_questions``,
        ``per_month``, ``n_period``, ``n_previous``, ``n_last_year``, ``trend``,
        ``months_asked``, ``recurrence``, ``weeks_recurrence``, ``cohesion``,
        ``n_answers``, ``answer_consistency``, ``n_effort``, ``mean_effort``,
        ``high_effort_share``, ``median_duration_min``, ``median_messages``, ``score``,
        ``standardised``, ``representative_questions``, ``typical_answer``, ``reason``.

    Examples
    --------
    >>> automation_candidates(questions, topics=model.topics_, period="2025-12").head(10)  # doctest: +SKIP
    """
    _check_questions(questions, need=("question_id", "asked_at", "text", "topic_id"))
    cfg = _config(config)
    rub = cfg.rubric
    end = _resolve_period(questions, period)
    V_all = _question_vectors(questions, vectors, vectorizer, random_state)
    win = _in_window(questions, end, rub.window_months)
    q = questions[win]
    V = V_all[win]
    labels = _labels(questions, topics)
    local = _local(questions["asked_at"])
    months_all = local.dt.to_period("M")
    tid_all = questions["topic_id"].astype(int)
    n_period = tid_all[(months_all == end).to_numpy()].value_counts()
    n_prev = tid_all[(months_all == end - 1).to_numpy()].value_counts()
    n_ly = tid_all[(months_all == end - 12).to_numpy()].value_counts()
    has_ly = bool((months_all == end - 12).any())

    span_months = _months_covered(months_all, end, rub.window_months)
    wk = local[win].dt.to_period("W-SUN")
    n_weeks = max(1, int(np.ceil(span_months * 30.44 / 7)))

    tid = q["topic_id"].astype(int).to_numpy()
    texts = _texts(q)
    # the units: topics, then recurring groups
    units: list[tuple[str, int, Any, np.ndarray]] = []
    for t in sorted(set(tid.tolist()) - {-1}):
        units.append(("topic", t, pd.NA, np.flatnonzero(tid == t)))
    if recurring is not None and len(recurring):
        pos_of = {qid: i for i, qid in enumerate(q["question_id"].astype(str))}
        for r in recurring.itertuples(index=False):
            if int(r.topic_id) == -1:
                continue
            members = np.array(sorted(pos_of[x] for x in map(str, r.question_ids) if x in pos_of), dtype=int)
            if len(members):
                units.append(("group", int(r.topic_id), r.group_id, members))
    if not units:
        return pd.DataFrame(columns=_CAND_COLS)
    unit_of = np.full(len(q), -1)
    for u, (lvl, t, g, members) in enumerate(units):
        if lvl == "topic":
            unit_of[members] = u
    coh = topic_cohesion(V, tid)
    coh_of = dict(zip(coh["topic_id"], coh["cohesion"]))
    overall = float(topic_cohesion(V, np.zeros(len(V), int))["similarity"].iloc[0]) if len(V) > 1 else 0.0
    ans = _answer_stats(q["answer"] if "answer" in q.columns else pd.Series(pd.NA, index=q.index), tid,
                        random_state=random_state).set_index("group") if len(q) else pd.DataFrame()
    reps = _representatives(V, texts, tid) if len(q) else {}
    eff = pd.to_numeric(q["effort"], errors="coerce").to_numpy(dtype=float, na_value=np.nan) \
        if "effort" in q.columns else np.full(len(q), np.nan)
    dur = pd.to_numeric(q["duration_min"], errors="coerce").clip(upper=cfg.costs.max_duration_min) \
        .to_numpy(dtype=float, na_value=np.nan) if "duration_min" in q.columns else np.full(len(q), np.nan)
    msg = pd.to_numeric(q["n_messages"], errors="coerce").to_numpy(dtype=float, na_value=np.nan) \
        if "n_messages" in q.columns else np.full(len(q), np.nan)
    qm = months_all[win].to_numpy()
    qw = wk.to_numpy()
    max_n = max(len(m) for _, _, _, m in units)
    rows = []
    for lvl, t, g, members in units:
        n = len(members)
        months_asked = len(set(qm[members]))
        rec = months_asked / span_months
        wrec = min(1.0, len(set(qw[members])) / n_weeks)
        if lvl == "topic":
            c = float(coh_of.get(t, np.nan))
        else:
            within = float(topic_cohesion(V[members], np.zeros(n, int))["similarity"].iloc[0]) if n > 1 else np.nan
            c = (within - overall) / max(1e-9, 1 - overall)
        e = eff[members]
        ne = int(np.isfinite(e).sum())
        hi = float((e[np.isfinite(e)] >= 3).mean()) if ne else np.nan
        mean_e = float(np.nanmean(e)) if ne else np.nan
        d = dur[members]
        md = float(np.nanmedian(d)) if np.isfinite(d).any() else np.nan
        mm = msg[members]
        mmed = float(np.nanmedian(mm)) if np.isfinite(mm).any() else np.nan
        a_row = ans.loc[t] if lvl == "topic" and len(ans) and t in ans.index else None
        n_ans = int(a_row["n_answers"]) if a_row is not None else 0
        cons = float(a_row["answer_consistency"]) if a_row is not None else np.nan
        typical = str(a_row["typical_answer"]) if a_row is not None else ""
        if lvl == "topic":
            np_, nprev, nly = int(n_period.get(t, 0)), int(n_prev.get(t, 0)), int(n_ly.get(t, 0))
            rep = reps.get(t, [])
        else:  # a group's members are the window's questions: a year earlier is outside it
            np_ = int((qm[members] == end).sum())
            nprev = int((qm[members] == end - 1).sum())
            nly = 0
            rep = [str(texts[members[0]])[:300]]
            r_rep = recurring[(recurring["topic_id"] == t) & (recurring["group_id"] == g)]
            if len(r_rep):
                rep = [str(r_rep["representative"].iloc[0])[:300]]
        trend = _trend_text(np_, nprev, nly, has_ly, lvl)
        vol = np.log1p(n) / np.log1p(max_n) if max_n else 0.0
        cheap = 1 - hi if np.isfinite(hi) else 1.0
        cfac = min(1.0, max(0.0, c) / rub.min_cohesion) if np.isfinite(c) and rub.min_cohesion > 0 else 1.0
        afac = (1 + max(0.0, cons)) / 2 if np.isfinite(cons) else 1.0
        score = float(rec * vol * cfac * cheap * afac)
        std, why = _standardised(n, months_asked, span_months, rec, c, hi, ne, rub)
        rows.append({
            "level": lvl, "topic_id": t, "group_id": g, "n_questions": n, "per_month": n / span_months,
            "n_period": np_, "n_previous": nprev, "n_last_year": nly, "trend": trend,
            "months_asked": months_asked, "recurrence": rec, "weeks_recurrence": wrec, "cohesion": c,
            "n_answers": n_ans, "answer_consistency": cons, "n_effort": ne, "mean_effort": mean_e,
            "high_effort_share": hi, "median_duration_min": md, "median_messages": mmed, "score": score,
            "standardised": std, "representative_questions": rep, "typical_answer": typical,
            "reason": f"score {score:.2f} = recurrence {rec:.2f} × volume {vol:.2f} × cohesion factor {cfac:.2f} × "
                      f"cheap share {cheap:.2f} × answer factor {afac:.2f}; " + why,
        })
    out = pd.DataFrame(rows)
    out = out.sort_values(["score", "n_questions"], ascending=[False, False], kind="stable").reset_index(drop=True)
    out = _with_labels(out, labels)
    return out[_CAND_COLS]


_CAND_COLS = ["level", "topic_id", "topic_label", "group_id", "n_questions", "per_month", "n_period", "n_previous",
              "n_last_year", "trend", "months_asked", "recurrence", "weeks_recurrence", "cohesion", "n_answers",
              "answer_consistency", "n_effort", "mean_effort", "high_effort_share", "median_duration_min",
              "median_messages", "score", "standardised", "representative_questions", "typical_answer", "reason"]


def _trend_text(n: int, prev: int, ly: int, has_ly: bool, level: str) -> str:
    parts = [f"{n} this month vs {prev} the month before"]
    if has_ly and level == "topic":
        parts.append(f"{ly} a year earlier")
    return ", ".join(parts)


def _standardised(n: int, months_asked: int, span: int, rec: float, coh: float, hi: float, ne: int,
                  rub: Any) -> tuple[bool, str]:
    fails, passes = [], []
    (passes if n >= rub.min_volume else fails).append(f"{n} questions {'≥' if n >= rub.min_volume else '<'} "
                                                      f"min_volume {rub.min_volume}")
    (passes if rec >= rub.min_recurrence else fails).append(
        f"asked in {months_asked} of {span} months ({rec:.0%} {'≥' if rec >= rub.min_recurrence else '<'} "
        f"min_recurrence {rub.min_recurrence:.0%})")
    if np.isfinite(coh):
        (passes if coh >= rub.min_cohesion else fails).append(
            f"cohesion {coh:.2f} {'≥' if coh >= rub.min_cohesion else '<'} min_cohesion {rub.min_cohesion:g}")
    if ne >= rub.min_signal_n and np.isfinite(hi):
        (passes if hi <= rub.max_effort_share else fails).append(
            f"{hi:.0%} of {ne} READ-coded are READ 3+ ({'≤' if hi <= rub.max_effort_share else '>'} "
            f"max_effort_share {rub.max_effort_share:.0%})")
    if fails:
        return False, "not standardised: " + "; ".join(fails)
    return True, "standardised: " + "; ".join(passes)


# --------------------------------------------------------------------------------------
# staff time saved
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TimeSavedEstimate:
    """Staff time an FAQ or chatbot could save, with the assumptions behind the number.

    Attributes
    ----------
    hours_per_month : float
        Total estimated staff hours saved per month.
    by_topic : pandas.DataFrame
        ``topic_id``, ``topic_label``, ``per_month``, ``minutes_per_question``,
        ``minutes_source``, ``deflection_rate``, ``hours_per_month`` (and ``cost_per_month``
        when ``hourly_cost`` is set).
    assumptions : pandas.DataFrame
        ``assumption``, ``value``, ``source``: every number the estimate rests on.
    """

    hours_per_month: float
    by_topic: pd.DataFrame
    assumptions: pd.DataFrame

    def __str__(self) -> str:
        lines = [f"Estimated staff time saved: {self.hours_per_month:.1f} hours a month", "Assumptions:"]
        lines += [f"  - {a}: {v} ({s})" for a, v, s in self.assumptions.itertuples(index=False)]
        return "\n".join(lines)


def _minutes(q: pd.DataFrame, costs: Any) -> tuple[np.ndarray, np.ndarray]:
    """Minutes per question (duration, else READ table, else default) and where each came from."""
    n = len(q)
    dur = pd.to_numeric(q["duration_min"], errors="coerce").to_numpy(dtype=float, na_value=np.nan) \
        if "duration_min" in q.columns else np.full(n, np.nan)
    dur = np.clip(dur, 0, costs.max_duration_min)
    eff = pd.to_numeric(q["effort"], errors="coerce").to_numpy(dtype=float, na_value=np.nan) \
        if "effort" in q.columns else np.full(n, np.nan)
    table = {int(k): float(v) for k, v in costs.read_minutes.items()}
    read_min = np.array([table.get(int(e), np.nan) if np.isfinite(e) else np.nan for e in eff])
    minutes = np.where(np.isfinite(dur), dur, np.where(np.isfinite(read_min), read_min, costs.default_minutes))
    source = np.where(np.isfinite(dur), "duration", np.where(np.isfinite(read_min), "READ table", "default"))
    return minutes, source


def estimate_time_saved(
    questions: pd.DataFrame,
    *,
    candidates: pd.DataFrame | None = None,
    topic_ids: list[int] | None = None,
    topics: pd.DataFrame | None = None,
    period: Any = None,
    config: Config | None = None,
    random_state: int = 0,
) -> TimeSavedEstimate:
    """Estimate the staff hours per month an FAQ or chatbot would save, with its assumptions.

    Per topic: questions per month (over the rubric window) × handling minutes per
    question × the expected deflection rate. Handling minutes are the recorded
    ``duration_min`` where present (capped at ``[costs] max_duration_min``), else the
    library's READ → minutes table (``[costs] read_minutes``), else
    ``[costs] default_minutes``.

    Parameters
    ----------
    questions : pandas.DataFrame
        Canonical question log with ``topic_id``.
    candidates : pandas.DataFrame, optional
        Output of :func:`automation_candidates`; its standardised topics are used when
        ``topic_ids`` is not given (computed when missing).
    topic_ids : list of int, optional
        The topics to automate (overrides ``candidates``).
    topics : pandas.DataFrame, optional
        A topics table for labels.
    period : str, optional
        The report month (default the log's last month).
    config : asklens.Config, optional
        ``[costs]`` and ``[rubric] window_months``.
    random_state : int, default 0
        Seed (for computing ``candidates``).

    Returns
    -------
    TimeSavedEstimate
        ``hours_per_month``, ``by_topic`` and ``assumptions``; ``print()`` shows the
        number with its assumptions.

    Examples
    --------
    >>> est = estimate_time_saved(questions, topic_ids=[3, 7])  # doctest: +SKIP
    >>> print(est)  # doctest: +SKIP
    """
    _check_questions(questions, need=("question_id", "asked_at", "topic_id"))
    cfg = _config(config)
    costs, rub = cfg.costs, cfg.rubric
    end = _resolve_period(questions, period)
    if topic_ids is None:
        if candidates is None:
            candidates = automation_candidates(questions, topics=topics, period=period, config=config,
                                               random_state=random_state)
        sel = candidates[(candidates["level"] == "topic") & candidates["standardised"].astype(bool)]
        topic_ids = [int(t) for t in sel["topic_id"]]
        chosen = "the topics automation_candidates marks standardised"
    else:
        chosen = "the topics given"
    win = _in_window(questions, end, rub.window_months)
    q = questions[win]
    span = _months_covered(_months(questions), end, rub.window_months)
    minutes, source = _minutes(q, costs)
    tid = q["topic_id"].astype(int).to_numpy()
    labels = _labels(questions, topics)
    rows = []
    for t in topic_ids:
        m = tid == int(t)
        n = int(m.sum())
        mins = float(minutes[m].mean()) if n else 0.0
        src = pd.Series(source[m]).value_counts()
        src_txt = ", ".join(f"{k} for {v}" for k, v in src.items()) or "no questions"
        per_month = n / span
        hours = per_month * mins * costs.deflection_rate / 60
        row = {"topic_id": int(t), "n_questions": n, "per_month": per_month, "minutes_per_question": mins,
               "minutes_source": src_txt, "deflection_rate": costs.deflection_rate, "hours_per_month": hours}
        if costs.hourly_cost > 0:
            row["cost_per_month"] = hours * costs.hourly_cost
        rows.append(row)
    cols = ["topic_id", "n_questions", "per_month", "minutes_per_question", "minutes_source", "deflection_rate",
            "hours_per_month"] + (["cost_per_month"] if costs.hourly_cost > 0 else [])
    by_topic = pd.DataFrame(rows, columns=cols)
    by_topic = _with_labels(by_topic.sort_values("hours_per_month", ascending=False, kind="stable")
                            .reset_index(drop=True), labels)
    total = float(by_topic["hours_per_month"].sum())
    sel = np.isin(tid, [int(t) for t in topic_ids])
    src_all = pd.Series(source[sel]).value_counts()
    assumptions = [
        ("topics automated", f"{len(topic_ids)}", chosen),
        ("window", f"{span} month{'s' if span != 1 else ''} ending {end}", "[rubric] window_months"),
        ("questions per month", f"{sel.sum() / span:.1f}",
         f"{int(sel.sum())} questions of these topics in the {span} month{'s' if span != 1 else ''}, not all "
         "questions"),
        ("deflection rate", f"{costs.deflection_rate:.0%}", "[costs] deflection_rate: share an FAQ/chatbot answers"),
        ("minutes from recorded durations", f"{int(src_all.get('duration', 0))} questions",
         f"duration_min, capped at [costs] max_duration_min = {costs.max_duration_min:g}"),
        ("minutes from the READ table", f"{int(src_all.get('READ table', 0))} questions",
         "[costs] read_minutes: " + ", ".join(f"READ {k} = {v:g} min" for k, v in sorted(costs.read_minutes.items()))),
        ("minutes by default", f"{int(src_all.get('default', 0))} questions",
         f"[costs] default_minutes = {costs.default_minutes:g}"),
    ]
    if costs.hourly_cost > 0:
        assumptions.append(("hourly cost", f"{costs.hourly_cost:g}", "[costs] hourly_cost"))
    return TimeSavedEstimate(hours_per_month=total, by_topic=by_topic,
                             assumptions=pd.DataFrame(assumptions, columns=["assumption", "value", "source"]))


# --------------------------------------------------------------------------------------
# the rubric
# --------------------------------------------------------------------------------------
def classify_topics(
    questions: pd.DataFrame,
    faq: pd.DataFrame | None = None,
    *,
    topics: pd.DataFrame | None = None,
    period: Any = None,
    vectorizer: Any = None,
    vectors: np.ndarray | None = None,
    faq_vectors: np.ndarray | None = None,
    config: Config | None = None,
    random_state: int = 0,
) -> pd.DataFrame:
    """Sort every topic into automate / write FAQ / needs people / monitor, saying which rule did it.

    Over the last ``[rubric] window_months`` months ending at ``period``, rules in order:

    1. **needs people**: a custom-work signal fires (:func:`asklens.gaps.custom_work`:
       READ ≥ 3 share, long durations, many messages, diverse questions);
    2. **write FAQ**: exactly the topics :func:`asklens.gaps.knowledge_gaps` lists under
       "write an FAQ" (recurring, coverage below ``min_coverage``, no custom-work signal),
       computed over the same window with the same coverage (:func:`asklens.gaps.faq_coverage`);
    3. **automate**: standardised (:func:`automation_candidates`) and not a gap, so its
       FAQ entries answer at least ``min_coverage`` of its questions (point the chatbot or
       the chat's canned answers at them);
    4. **monitor**: everything else (too few questions, not recurring, mixed signals).

    ``faq_gap`` is reported for every topic, so a topic that needs people and also
    lacks an FAQ is visible.

    Parameters
    ----------
    questions : pandas.DataFrame
        Canonical question log with ``topic_id``.
    faq : pandas.DataFrame, optional
        Canonical FAQ base; without it, no topic is covered.
    topics : pandas.DataFrame, optional
        A topics table for labels.
    period : str, optional
        The report month (default: the log's last month).
    vectorizer : object, optional
        Default: the TF-IDF backend, fitted on the window's questions and the FAQ; a
        fitted vectorizer only transforms.
    vectors, faq_vectors : numpy.ndarray, optional
        Precomputed vectors, one row per question of ``questions`` (all of them, not
        only the window's) and per FAQ entry; ``vectors`` alone needs the fitted
        ``vectorizer`` that made them.
    config : asklens.Config, optional
        The thresholds.
    random_state : int, default 0
        Seed.

    Returns
    -------
    pandas.DataFrame
        One row per topic (misc excluded): ``topic_id``, ``topic_label``, ``category``,
        ``n_questions``, ``per_month``, ``recurrence``, ``cohesion``,
        ``high_effort_share``, ``n_effort``, ``coverage``, ``faq_ids``, ``faq_gap``,
        ``standardised``, ``signals``, ``score`` and ``reason``.

    Examples
    --------
    >>> model = asklens.TopicModel(random_state=0).fit(questions)  # doctest: +SKIP
    >>> questions = questions.assign(topic_id=model.labels_)  # doctest: +SKIP
    >>> rubric = classify_topics(questions, faq, topics=model.topics_, period="2025-12")  # doctest: +SKIP
    >>> rubric.groupby("category").size()  # doctest: +SKIP
    """
    _check_questions(questions, need=("question_id", "asked_at", "text", "topic_id"))
    cfg = _config(config)
    rub = cfg.rubric
    end = _resolve_period(questions, period)
    win = _in_window(questions, end, rub.window_months)
    q = questions[win].reset_index(drop=True)
    f = faq if faq is not None else pd.DataFrame({"faq_id": pd.Series([], dtype="string"),
                                                   "question": pd.Series([], dtype="string")})
    if vectors is not None and len(vectors) != len(questions):
        raise InputError(f"vectors has {len(vectors)} rows but questions has {len(questions)}",
                         fix="pass one vector per question, in the same order")
    if vectorizer is None and vectors is None:
        from asklens.vectorize import make_vectorizer
        vectorizer = make_vectorizer("tfidf", random_state=random_state)
    if len(f):
        Q_all, F = _embed(questions, f, vectorizer=vectorizer, vectors=vectors, faq_vectors=faq_vectors,
                          random_state=random_state)
    else:
        Q_all, F = _question_vectors(questions, vectors, vectorizer, random_state), None
    Q = Q_all[win]
    cand = automation_candidates(q, topics=topics, period=end, vectors=Q, config=cfg, random_state=random_state)
    cand = cand[cand["level"] == "topic"].set_index("topic_id")
    cw = custom_work(q, topics=topics, vectors=Q, config=cfg)
    # the FAQ side comes from asklens.gaps over the same window: one coverage, one gap rule
    m = match_faq(questions, f, vectors=Q_all, faq_vectors=F, config=cfg, random_state=random_state) if len(f) \
        else None
    cov = faq_coverage(questions, f, matches=m, vectors=Q_all, faq_vectors=F, period=end, config=cfg,
                       random_state=random_state).set_index("topic_id")
    gaps = knowledge_gaps(questions, f, matches=m, custom=cw, period=end, vectors=Q_all, faq_vectors=F,
                          config=cfg, random_state=random_state)
    gap_rows = gaps[gaps["action"] == "write an FAQ"].set_index("topic_id")
    cw = cw.set_index("topic_id")
    labels = _labels(questions, topics)
    rows = []
    for t in cand.index:
        c, w = cand.loc[t], cw.loc[t]
        coverage = float(cov.loc[t, "coverage"]) if t in cov.index else 0.0
        faqs = list(cov.loc[t, "faq_ids"]) if t in cov.index else []
        span = int(round(c["n_questions"] / c["per_month"])) if c["per_month"] else 1
        _, is_gap, clause = _gap_rule(int(c["n_questions"]), int(c["months_asked"]), span, coverage, rub)
        if bool(w["needs_people"]):
            cat, why = "needs people", str(w["reason"])
            if is_gap:
                why += "; also no FAQ answers it (" + clause + ")"
        elif t in gap_rows.index:
            cat, why = "write FAQ", str(gap_rows.loc[t, "reason"]) + "; " + _std_part(c["reason"])
        elif bool(c["standardised"]):
            cat = "automate"
            why = (f"automate: {_std_part(c['reason'])}; FAQ entries {', '.join(faqs[:3]) or 'none'} answer "
                   f"{coverage:.0%} of its questions (≥ min_coverage {rub.min_coverage:.0%}) — "
                   "point the chatbot and canned chat answers at them")
        else:
            cat = "monitor"
            why = ("monitor: " + _std_part(c["reason"]) + "; no custom-work signal fired; not an FAQ gap ("
                   + clause + ")")
        rows.append({
            "topic_id": int(t), "category": cat, "n_questions": int(c["n_questions"]), "per_month": c["per_month"],
            "recurrence": c["recurrence"], "cohesion": c["cohesion"], "high_effort_share": c["high_effort_share"],
            "n_effort": int(c["n_effort"]), "coverage": coverage, "faq_ids": faqs, "faq_gap": bool(is_gap),
            "standardised": bool(c["standardised"]), "signals": list(w["signals"]), "score": float(c["score"]),
            "reason": why,
        })
    out = pd.DataFrame(rows, columns=["topic_id", "category", "n_questions", "per_month", "recurrence", "cohesion",
                                      "high_effort_share", "n_effort", "coverage", "faq_ids", "faq_gap",
                                      "standardised", "signals", "score", "reason"])
    order = {"automate": 0, "write FAQ": 1, "needs people": 2, "monitor": 3}
    out = out.assign(_o=out["category"].map(order)).sort_values(["_o", "score"], ascending=[True, False],
                                                                kind="stable")
    return _with_labels(out.drop(columns="_o").reset_index(drop=True), labels)


def _std_part(reason: str) -> str:
    """Return the standardised / not standardised clause of a candidate's reason."""
    i = reason.find("standardised:")
    j = reason.rfind("not standardised:")
    k = j if j >= 0 else i
    return reason[k:] if k >= 0 else reason
