"""Where the knowledge base has gaps, and where people are needed.

* :func:`match_faq` matches every question to its closest FAQ entry;
  :func:`calibrate_threshold` sets, without labels, the similarity from which a
  question counts as covered.
* :func:`faq_coverage` says, per topic, which FAQ entries cover it and what share of
  its questions they cover; :func:`knowledge_gaps` turns that into decisions (write an
  FAQ, make an FAQ easier to find, review a stale FAQ) and :func:`stale_faqs` lists
  the entries nobody needs any more.
* :func:`custom_work` flags the topics that need people (effort, duration, turns,
  diverse questions) and :func:`predict_effort` fills in READ codes the staff did not
  record.

How matching works. Questions and FAQ entries (question + answer) are embedded with
one vectorizer (:func:`asklens.vectorize.make_vectorizer`, fitted on both), so a dot
product is a cosine similarity. Raw similarities mix two things: how alike a question
and an entry are, and how generic each is (a long FAQ answer is a little similar to
everything). The **lift** removes the second part: it is the similarity of the two
vectors after subtracting the mean question and the mean FAQ vector, i.e. the
similarity minus what this question and this entry typically get. A question is
*covered* when its best lift is above a threshold calibrated on the lift distribution
of unrelated pairs (see :func:`calibrate_threshold`).

An entry *answers* a topic, in one relation that coverage, gaps, stale entries and the
rubric all use (:func:`faq_coverage`, over the last ``[rubric] window_months`` months):
either the entry is about that topic more than about almost any other (the topic's mean
lift to it is positive, at least ``faq_claim_z`` robust standard deviations above the
typical topic-entry lift, and at least ``faq_claim_share`` of the entry's strongest
topic: the FAQ's own view), or the entry's z to the topic is ≥ ``faq_claim_z`` and the
entries for which that holds are together the covered best match of at least
``faq_answer_share`` of the topic's questions (the topic's view, which keeps a topic
answered by several entries, or split in two by the topic model, from losing them). A stale entry
answers nothing. A question is covered when its best match passes the threshold and
answers its topic, so every covered question is credited to one entry.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from asklens.config import Config
from asklens.errors import InputError
from asklens.trends import (_check_questions, _config, _labels, _local, _months, _months_covered,
                            _resolve_period, _with_labels)

__all__ = [
    "embed",
    "match_faq",
    "calibrate_threshold",
    "faq_coverage",
    "question_coverage",
    "knowledge_gaps",
    "stale_faqs",
    "custom_work",
    "predict_effort",
    "topic_cohesion",
]

#: quantile of the unrelated-pair lift distribution used as the coverage threshold
NULL_QUANTILE = 0.99


# --------------------------------------------------------------------------------------
# vectors
# --------------------------------------------------------------------------------------
def _faq_base(faq: pd.DataFrame | None) -> pd.DataFrame:
    """Return the FAQ base to use: ``None`` is an empty base (nothing is covered); a frame needs its columns."""
    if faq is None:
        from asklens.schema import empty_faq

        return empty_faq()
    if not isinstance(faq, pd.DataFrame) or not {"faq_id", "question"} <= set(faq.columns):
        raise InputError("the FAQ base needs 'faq_id' and 'question' columns",
                         fix="read it with asklens.read_faq or see asklens.validate_faq (or pass None for no FAQ)")
    return faq


def _faq_texts(faq: pd.DataFrame) -> list[str]:
    q = faq["question"].astype("string").fillna("")
    if "answer" in faq.columns:
        a = faq["answer"].astype("string").fillna("").str.slice(0, 600)
        return [f"{x} {y}".strip() for x, y in zip(q, a)]
    return [str(x) for x in q]


def _texts(questions: pd.DataFrame, text_col: str = "text") -> list[str]:
    return [str(t) for t in questions[text_col].astype("string").fillna("")]


def _is_fitted(vectorizer: Any) -> bool:
    try:
        from sklearn.utils.validation import check_is_fitted
        check_is_fitted(vectorizer)
        return True
    except Exception:  # noqa: BLE001 - any "not fitted" signal
        return False


def _embed(questions: pd.DataFrame, faq: pd.DataFrame, *, vectorizer: Any, vectors: np.ndarray | None,
           faq_vectors: np.ndarray | None, random_state: int) -> tuple[np.ndarray, np.ndarray]:
    """Return question and FAQ vectors, fitting one vectorizer on both when needed."""
    if vectors is not None and len(vectors) != len(questions):
        raise InputError(f"vectors has {len(vectors)} rows but questions has {len(questions)}",
                         fix="pass one vector per question, in the same order")
    if vectors is not None and faq_vectors is not None:
        return np.asarray(vectors, dtype=np.float32), np.asarray(faq_vectors, dtype=np.float32)
    if vectorizer is None:
        from asklens.vectorize import make_vectorizer
        vectorizer = make_vectorizer("tfidf", random_state=random_state)
    ftexts = _faq_texts(faq)
    if vectors is not None:
        if not _is_fitted(vectorizer):
            raise InputError("question vectors were given but the vectorizer that made them is not fitted",
                             fix="pass the fitted vectorizer that produced `vectors`, or pass faq_vectors too")
        return np.asarray(vectors, dtype=np.float32), np.asarray(vectorizer.transform(ftexts), dtype=np.float32)
    qtexts = _texts(questions)
    if _is_fitted(vectorizer):
        X = vectorizer.transform(qtexts + ftexts)
    else:
        X = vectorizer.fit_transform(qtexts + ftexts)
    X = np.asarray(X, dtype=np.float32)
    return X[: len(qtexts)], X[len(qtexts):]


def embed(
    questions: pd.DataFrame,
    faq: pd.DataFrame | None = None,
    *,
    vectorizer: Any = None,
    random_state: int = 0,
) -> tuple[np.ndarray, np.ndarray]:
    """Return question and FAQ vectors in one space, to pass as ``vectors=`` / ``faq_vectors=`` to the analyses.

    Every analysis embeds the log itself when it is not given vectors, which takes
    seconds per call on a large log; embed once and pass the same vectors to each
    (the report does this).

    Parameters
    ----------
    questions : pandas.DataFrame
        Canonical question log (``text``).
    faq : pandas.DataFrame, optional
        Canonical FAQ base; without it the FAQ vectors are an empty array.
    vectorizer : object, optional
        A vectorizer from :func:`asklens.make_vectorizer`, fitted here on the
        questions and the FAQ texts together unless already fitted. Default: TF-IDF.
    random_state : int, default 0
        Seed of the default vectorizer.

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        One row per question, one row per FAQ entry (float32, L2-normalised).

    Examples
    --------
    >>> Q, F = embed(questions, faq)  # doctest: +SKIP
    >>> rubric = asklens.classify_topics(questions, faq, vectors=Q, faq_vectors=F)  # doctest: +SKIP
    """
    _check_questions(questions, need=("text",))
    return _embed(questions, _faq_base(faq), vectorizer=vectorizer, vectors=None, faq_vectors=None,
                  random_state=random_state)


def _lift_parts(Q: np.ndarray, F: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Centre question and FAQ vectors so that their dot product is the lift."""
    return Q - Q.mean(axis=0, keepdims=True), F - F.mean(axis=0, keepdims=True)


def _best(Qc: np.ndarray, Fc: np.ndarray, Q: np.ndarray, F: np.ndarray, chunk: int = 20000):
    """Return best FAQ index, its lift, its raw similarity and the second-best lift, in chunks."""
    n = len(Qc)
    best = np.zeros(n, dtype=np.int64)
    lift = np.zeros(n, dtype=np.float32)
    sim = np.zeros(n, dtype=np.float32)
    for s in range(0, n, chunk):
        L = Qc[s:s + chunk] @ Fc.T
        b = L.argmax(axis=1)
        best[s:s + chunk] = b
        lift[s:s + chunk] = L[np.arange(len(b)), b]
        sim[s:s + chunk] = np.einsum("ij,ij->i", Q[s:s + chunk], F[b])
    return best, lift, sim


def calibrate_threshold(
    question_vectors: np.ndarray,
    faq_vectors: np.ndarray,
    *,
    quantile: float = NULL_QUANTILE,
    max_pairs: int = 200_000,
    random_state: int = 0,
) -> float:
    """Return the lift from which a question counts as covered by an FAQ entry, without labels.

    Most question-FAQ pairs are unrelated: a question is about one thing, and a base
    has many entries. The lifts of all pairs except each question's best one are
    therefore a sample of what *unrelated* pairs score. The threshold is the
    ``quantile`` of that null distribution: with the default 0.99, only 1% of unrelated
    pairs reach it. It adapts to the vectorizer (TF-IDF and sentence embeddings have
    very different similarity scales) and to the FAQ base, and uses no labels.

    Parameters
    ----------
    question_vectors, faq_vectors : numpy.ndarray
        L2-normalised vectors from one vectorizer (rows: questions, FAQ entries).
    quantile : float, default 0.99
        Share of unrelated pairs below the threshold.
    max_pairs : int, default 200000
        Pairs sampled to estimate the quantile (the estimate is exact below that).
    random_state : int, default 0
        Seed of the sampling.

    Returns
    -------
    float
        The threshold on the lift (see :func:`match_faq`).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> Q = rng.normal(size=(50, 8)); F = rng.normal(size=(10, 8))
    >>> 0 < calibrate_threshold(Q, F) < 10
    True
    """
    Q = np.asarray(question_vectors, dtype=np.float32)
    F = np.asarray(faq_vectors, dtype=np.float32)
    if len(Q) == 0 or len(F) < 2:
        return float("inf") if len(F) == 0 else 0.0
    Qc, Fc = _lift_parts(Q, F)
    rng = np.random.default_rng(random_state)
    rows = np.arange(len(Q)) if len(Q) * (len(F) - 1) <= max_pairs else \
        rng.choice(len(Q), size=max(1, max_pairs // (len(F) - 1)), replace=False)
    L = Qc[rows] @ Fc.T
    L[np.arange(len(rows)), L.argmax(axis=1)] = np.nan  # drop each question's best match
    return float(np.nanquantile(L, quantile))


def match_faq(
    questions: pd.DataFrame,
    faq: pd.DataFrame | None,
    *,
    vectorizer: Any = None,
    vectors: np.ndarray | None = None,
    faq_vectors: np.ndarray | None = None,
    threshold: float | None = None,
    config: Config | None = None,
    random_state: int = 0,
) -> pd.DataFrame:
    """Match every question to its closest FAQ entry and say whether the entry covers it.

    Parameters
    ----------
    questions : pandas.DataFrame
        Canonical question log (``question_id``, ``text``; ``topic_id`` is carried along).
    faq : pandas.DataFrame
        Canonical FAQ base (``faq_id``, ``question``, optional ``answer``).
    vectorizer : object, optional
        A vectorizer from :func:`asklens.vectorize.make_vectorizer`. Unfitted, it is
        fitted on the questions and the FAQ texts together; fitted, it only transforms.
        Default: the TF-IDF backend.
    vectors, faq_vectors : numpy.ndarray, optional
        Precomputed vectors (one row per question / FAQ entry); ``vectors`` alone needs
        the fitted ``vectorizer`` that made them.
    threshold : float, optional
        Lift from which a question is covered. Default ``[rubric] covered_similarity``
        when above 0, else calibrated with :func:`calibrate_threshold`.
    config : asklens.Config, optional
        The workspace config.
    random_state : int, default 0
        Seed of the vectorizer and the calibration sample.

    Returns
    -------
    pandas.DataFrame
        One row per question, in order: ``question_id``, (``topic_id``), ``faq_id`` (the
        best entry), ``similarity`` (its cosine similarity), ``lift`` (similarity above
        what this question and this entry typically get), ``covered`` (``lift >=
        threshold``: the question-level evidence only; whether the entry answers the
        question's topic, the rule every coverage figure uses, is
        :func:`question_coverage`) and ``threshold``. With an empty FAQ base, nothing is
        covered.

    Examples
    --------
    >>> m = match_faq(questions, faq)  # doctest: +SKIP
    >>> m["covered"].mean()  # share of questions the FAQ base answers  # doctest: +SKIP
    """
    _check_questions(questions, need=("question_id", "text"))
    faq = _faq_base(faq)
    out = pd.DataFrame({"question_id": questions["question_id"].to_numpy()})
    if "topic_id" in questions.columns:
        out["topic_id"] = questions["topic_id"].astype(int).to_numpy()
    if len(faq) == 0 or len(questions) == 0:
        out["faq_id"] = pd.Series(pd.NA, index=out.index, dtype="string")
        out["similarity"] = np.nan
        out["lift"] = np.nan
        out["covered"] = False
        out["threshold"] = np.nan if threshold is None else float(threshold)
        return out
    Q, F = _embed(questions, faq, vectorizer=vectorizer, vectors=vectors, faq_vectors=faq_vectors,
                  random_state=random_state)
    if threshold is None:
        rub = _config(config).rubric
        threshold = rub.covered_similarity if rub.covered_similarity > 0 else \
            calibrate_threshold(Q, F, random_state=random_state)
    Qc, Fc = _lift_parts(Q, F)
    best, lift, sim = _best(Qc, Fc, Q, F)
    out["faq_id"] = faq["faq_id"].astype("string").to_numpy()[best]
    out["similarity"] = sim.astype(float)
    out["lift"] = lift.astype(float)
    out["covered"] = lift >= threshold
    out["threshold"] = float(threshold)
    return out


# --------------------------------------------------------------------------------------
# the one relation: which FAQ entry answers which topic (coverage, gaps and stale entries)
# --------------------------------------------------------------------------------------
def _topic_claims(Q: np.ndarray, F: np.ndarray, tids: np.ndarray, topic_list: list[int],
                  claim_z: float, claim_share: float) -> tuple[np.ndarray, np.ndarray]:
    """Return the topic × FAQ lift z-scores and the FAQ's own view of the topics it is about."""
    Qc, Fc = _lift_parts(Q, F)
    pos = {t: i for i, t in enumerate(topic_list)}
    idx = np.array([pos.get(int(t), -1) for t in tids])
    C = np.zeros((len(topic_list), Q.shape[1]), dtype=np.float64)
    np.add.at(C, idx[idx >= 0], Qc[idx >= 0])
    n = np.bincount(idx[idx >= 0], minlength=len(topic_list)).astype(float)
    C /= np.maximum(n, 1)[:, None]
    A = C @ Fc.T  # topic x faq: mean lift
    # the null: every topic-entry lift except each entry's strongest topic (its likely match)
    null = A.copy()
    if null.size and null.shape[0] > 1:
        null[null.argmax(axis=0), np.arange(null.shape[1])] = np.nan
    null = null[np.isfinite(null)]
    if null.size == 0:
        null = A.ravel()
    med = float(np.median(null)) if null.size else 0.0
    mad = float(np.median(np.abs(null - med))) * 1.4826 if null.size else 0.0
    mad = mad or float(np.std(null)) if null.size else 1.0
    Z = (A - med) / (mad or 1.0)
    colmax = Z.max(axis=0, keepdims=True) if Z.size else Z
    claims = (Z >= claim_z) & (A > 0) & (Z >= claim_share * colmax)
    return Z, claims


def _window(questions: pd.DataFrame, period: Any, months: int) -> pd.Series:
    end = _resolve_period(questions, period)
    m = _local(questions["asked_at"]).dt.to_period("M")
    return (m > end - months) & (m <= end)


_COV_COLS = ["topic_id", "topic_label", "n_questions", "n_covered", "coverage", "faq_ids", "faq_z", "best_faq_id",
             "best_faq_share", "strong_faq_share"]
_FAQ_COLS = ["faq_id", "question", "topic_ids", "max_topic_z", "n_matched", "n_window", "views", "stale", "reason"]


def _relation(questions: pd.DataFrame, faq: pd.DataFrame, *, matches: pd.DataFrame | None, vectorizer: Any,
              vectors: np.ndarray | None, faq_vectors: np.ndarray | None, topics: pd.DataFrame | None,
              period: Any, claim_z: float | None, claim_share: float | None, config: Config | None,
              random_state: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Decide, once, which entry answers which topic; return the coverage, per-entry and per-question tables.

    Everything is computed over the same window (the last ``window_months`` months ending
    at ``period``; all rows when there is no ``asked_at``). An entry *answers* a topic
    when (FAQ's view) its lift to the topic is ≥ ``faq_claim_z`` and ≥ ``faq_claim_share``
    of its strongest topic, or (topic's view) its z to the topic is ≥ ``faq_claim_z``, it is
    the covered best match of some of the topic's questions, and the entries for which both
    hold are together the covered best match of ≥ ``faq_answer_share`` of them. A question
    is covered when its best match passes the threshold and answers its topic. An entry that is
    the covered best match of none of a topic's questions is not listed for it. A stale entry (:func:`stale_faqs`) answers nothing, so it is never credited.
    """
    rub = _config(config).rubric
    claim_z = rub.faq_claim_z if claim_z is None else claim_z
    claim_share = rub.faq_claim_share if claim_share is None else claim_share
    has_topic = "topic_id" in questions.columns
    labels = _labels(questions, topics) if has_topic else {}
    if matches is not None and len(matches) != len(questions):
        raise InputError(f"matches has {len(matches)} rows but questions has {len(questions)}",
                         fix="pass the output of match_faq for these same questions")
    n_faq = len(faq)
    if len(questions) and n_faq:
        Q, F = _embed(questions, faq, vectorizer=vectorizer, vectors=vectors, faq_vectors=faq_vectors,
                      random_state=random_state)
        if matches is None:
            matches = match_faq(questions, faq, vectors=Q, faq_vectors=F, config=config, random_state=random_state)
    else:
        Q = F = None
    dated = "asked_at" in questions.columns and len(questions)
    win = _window(questions, period, rub.window_months).to_numpy() if dated else np.ones(len(questions), bool)
    qw = questions[win]
    tids = qw["topic_id"].astype(int).to_numpy() if has_topic else np.zeros(len(qw), int)
    topic_list = sorted(set(tids.tolist()))
    tpos = {t: i for i, t in enumerate(topic_list)}
    ti = np.array([tpos[t] for t in tids], dtype=int)
    n_t = np.bincount(ti, minlength=len(topic_list))
    fids = faq["faq_id"].astype("string").fillna("").to_numpy().astype(str)
    jpos = {f: j for j, f in enumerate(fids)}
    def shares(bj: np.ndarray, ok: np.ndarray) -> np.ndarray:
        """Share of each topic's questions whose covered best match is each entry."""
        S = np.zeros((len(topic_list), n_faq))
        np.add.at(S, (ti[ok], bj[ok]), 1.0)
        return S / np.maximum(n_t, 1)[:, None]

    def relation(S: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Return which entry answers which topic, and the share the strongly related entries answer."""
        if not has_topic:  # no topics: every covered best match counts
            return np.ones((1, n_faq), dtype=bool), S.sum(axis=1)
        # topic's view: the entries strongly about it (z ≥ claim_z) that are the covered best match of
        # some of its questions answer it when together they answer ≥ faq_answer_share of them (a topic
        # such as "hours" is answered by several entries at once)
        strong = (Z >= claim_z) & (S > 0)
        strong_share = (S * strong).sum(axis=1)
        return entry_view | (strong & (strong_share[:, None] >= rub.faq_answer_share)), strong_share

    if Q is not None and len(qw):
        mw = matches[win]
        bj = np.array([jpos.get(str(f), -1) for f in mw["faq_id"].astype("string").fillna("")], dtype=int)
        ok = mw["covered"].to_numpy(dtype=bool) & (bj >= 0)
        lift = mw["lift"].to_numpy(dtype=float)
        if has_topic:
            Z, entry_view = _topic_claims(Q[win], F, tids, topic_list, claim_z, claim_share)
        else:
            Z = np.full((1, n_faq), np.nan)
        S = shares(bj, ok)
        claims, strong_share = relation(S)
    else:
        bj, ok, lift = np.full(len(qw), -1), np.zeros(len(qw), bool), np.full(len(qw), np.nan)
        S = np.zeros((len(topic_list), n_faq))
        Z, claims = np.full((len(topic_list), n_faq), np.nan), np.zeros((len(topic_list), n_faq), dtype=bool)
        strong_share = np.zeros(len(topic_list))
    credited = ok.copy()
    credited[ok] = claims[ti[ok], bj[ok]]

    # stale entries: nothing credited to them in the last stale_months months, or rarely read
    swin = _window(qw, period, min(rub.stale_months, rub.window_months)).to_numpy() if dated and len(qw) \
        else np.ones(len(qw), bool)
    ns = int(swin.sum())
    hits = np.bincount(bj[credited & swin], minlength=n_faq) if n_faq else np.zeros(0, int)
    sm = min(rub.stale_months, rub.window_months)
    # "nobody asked for it in stale_months months" needs a log that reaches that far back
    covered_months = _months_covered(_months(questions), _resolve_period(questions, period), sm) if dated else sm
    views = pd.to_numeric(faq["views"], errors="coerce") if "views" in faq.columns else \
        pd.Series(np.nan, index=faq.index)
    med = float(views.median()) if views.notna().any() else float("nan")
    rows, stale = [], np.zeros(n_faq, dtype=bool)
    for j, (fid, text, v) in enumerate(zip(fids, faq["question"].astype(str), views)):
        k = int(hits[j])
        has_v = pd.notna(v) and np.isfinite(med)
        rarely_read = has_v and v < rub.stale_view_share * med
        if k == 0 and has_v and not rarely_read and v >= med:
            why = (f"keep: no question was answered by it in the last {sm} months (stale_months), but it has "
                   f"{int(v)} views, at least the base's median {med:.0f}; it may answer people before they ask")
        elif k == 0 and covered_months < sm and not rarely_read:
            why = (f"too early to tell: no question was answered by it, but the log covers only {covered_months} "
                   f"of the stale_months {sm} months")
        elif k == 0:
            stale[j] = True
            vt = f"; {int(v)} views (median {med:.0f})" if has_v else ""
            why = (f"stale: no question was answered by it in the last {sm} months (stale_months; {ns} questions "
                   f"checked){vt}")
        elif rarely_read:
            stale[j] = True
            why = (f"stale: read {int(v)} times, less than stale_view_share {rub.stale_view_share:g} of the median "
                   f"entry's {med:.0f} views; the {k} of {ns} questions of the last {sm} months it matched are "
                   "not counted as its coverage")
        else:
            vt = f", {int(v)} views" if has_v else ""
            why = f"in use: it answered {k} of {ns} questions in the last {sm} months{vt}"
        zmax = float(np.nanmax(Z[:, j])) if has_topic and Z.size and np.isfinite(Z[:, j]).any() else np.nan
        rows.append({"faq_id": fid, "question": text, "topic_ids": [], "max_topic_z": zmax,
                     "n_matched": k, "n_window": ns, "views": v if pd.notna(v) else pd.NA, "stale": bool(stale[j]),
                     "reason": why})
    per_faq = pd.DataFrame(rows, columns=_FAQ_COLS)
    per_faq["views"] = pd.to_numeric(per_faq["views"], errors="coerce").astype("Int64")

    # a stale entry answers nothing in this window: it is never credited with coverage, and a question
    # whose best match it is gets matched again among the live entries (the same lift and threshold)
    again = (bj >= 0) & stale[np.maximum(bj, 0)] if n_faq else np.zeros(len(qw), bool)
    if again.any() and (~stale).any() and Q is not None:
        Qc, Fc = _lift_parts(Q, F)
        live = np.flatnonzero(~stale)
        L = Qc[win][again] @ Fc[live].T
        best = L.argmax(axis=1)
        bj, ok, lift = bj.copy(), ok.copy(), lift.copy()
        bj[again] = live[best]
        lift[again] = L[np.arange(len(best)), best]
        ok[again] = lift[again] >= float(matches["threshold"].iloc[0])
        S = shares(bj, ok)
        claims, strong_share = relation(S)
    # an entry none of whose covered matches is in the topic answers none of its questions: it is not listed
    # for the topic (coverage is the same either way; it counts only covered best matches)
    claims = claims & ~stale[None, :] & (S > 0)
    if has_topic:  # the topics each entry answers, after all of the above
        per_faq["topic_ids"] = [[topic_list[i] for i in np.flatnonzero(claims[:, j])] for j in range(n_faq)]
    credited = ok.copy()
    credited[ok] = claims[ti[ok], bj[ok]]
    nc = np.bincount(ti[credited], minlength=len(topic_list))
    per_q = pd.DataFrame({"question_id": qw["question_id"].to_numpy()})
    if has_topic:
        per_q["topic_id"] = tids
    per_q["faq_id"] = pd.array([str(fids[j]) if j >= 0 else pd.NA for j in bj], dtype="string")
    per_q["lift"] = lift
    per_q["matched"] = ok
    per_q["covered"] = credited
    out = []
    for i, t in enumerate(topic_list):
        zi = Z[i] if Z.shape[0] > i else np.full(n_faq, np.nan)
        jb = int(np.nanargmax(zi)) if n_faq and np.isfinite(zi).any() else -1
        out.append({"topic_id": t, "n_questions": int(n_t[i]), "n_covered": int(nc[i]),
                    "coverage": float(nc[i] / n_t[i]) if n_t[i] else 0.0,
                    "faq_ids": [str(fids[j]) for j in np.argsort(-np.nan_to_num(zi, nan=-np.inf), kind="stable")
                                if claims[min(i, claims.shape[0] - 1), j]] if has_topic else [],
                    "faq_z": float(zi[jb]) if jb >= 0 else np.nan,
                    "best_faq_id": str(fids[jb]) if jb >= 0 else pd.NA,
                    "best_faq_share": float(S[i, jb]) if jb >= 0 else 0.0,
                    "strong_faq_share": float(strong_share[min(i, len(strong_share) - 1)]) if n_faq else 0.0})
    cov = pd.DataFrame(out, columns=[c for c in _COV_COLS if c != "topic_label"])
    cov["best_faq_id"] = cov["best_faq_id"].astype("string")
    cov = _with_labels(cov, labels)[_COV_COLS] if has_topic else cov
    return cov, per_faq, per_q


def faq_coverage(
    questions: pd.DataFrame,
    faq: pd.DataFrame | None,
    *,
    matches: pd.DataFrame | None = None,
    vectorizer: Any = None,
    vectors: np.ndarray | None = None,
    faq_vectors: np.ndarray | None = None,
    topics: pd.DataFrame | None = None,
    period: Any = None,
    claim_z: float | None = None,
    claim_share: float | None = None,
    config: Config | None = None,
    random_state: int = 0,
) -> pd.DataFrame:
    """Say, per topic, which FAQ entries answer it and what share of its questions they answer.

    This is the one definition of "this entry answers this topic" that
    :func:`knowledge_gaps`, :func:`stale_faqs` and :func:`asklens.classify_topics` use,
    over the last ``[rubric] window_months`` months ending at ``period``. An entry
    answers a topic when either

    - (the entry's view) the topic's mean lift to it is ≥ ``faq_claim_z`` robust
      standard deviations above the typical topic-entry lift and ≥ ``faq_claim_share``
      of the entry's strongest topic, or
    - (the topic's view) its z to the topic is ≥ ``faq_claim_z``, it is the covered best
      match (:func:`match_faq`) of some of the topic's questions, and the entries for
      which both hold are together the covered best match of at least
      ``faq_answer_share`` of the topic's questions (a topic such as opening hours is
      answered by several entries at once, and a topic the model split in two keeps
      its entries),

    and it is not stale (:func:`stale_faqs`): a stale entry answers nothing. A question
    is *covered* when its best match passes the threshold of :func:`match_faq` and that
    entry answers the question's topic, so each covered question is credited to exactly
    one entry, the one :func:`stale_faqs` counts.

    Parameters
    ----------
    questions : pandas.DataFrame
        Canonical question log with ``topic_id`` (and ``asked_at`` for the window; without
        it every row is used).
    faq : pandas.DataFrame
        Canonical FAQ base.
    matches : pandas.DataFrame, optional
        The output of :func:`match_faq` for these questions (all rows; computed when
        missing).
    vectorizer, vectors, faq_vectors
        As in :func:`match_faq`.
    topics : pandas.DataFrame, optional
        A topics table for labels.
    period : str, optional
        Last month of the window (default: the log's last month).
    claim_z : float, optional
        Default ``[rubric] faq_claim_z`` (2.0).
    claim_share : float, optional
        Default ``[rubric] faq_claim_share`` (0.75).
    config : asklens.Config, optional
        ``[rubric]`` thresholds.
    random_state : int, default 0
        Seed.

    Returns
    -------
    pandas.DataFrame
        One row per topic of the window (misc included): ``topic_id``, ``topic_label``,
        ``n_questions`` (in the window), ``n_covered``, ``coverage`` (``n_covered /
        n_questions``), ``faq_ids`` (the entries that answer the topic and are the covered
        best match of some of its questions, closest first),
        ``faq_z`` (the best topic-entry lift z-score), ``best_faq_id`` (the entry with
        that score, whether or not it answers the topic), ``best_faq_share`` (share of
        the topic's questions whose covered best match is that entry) and
        ``strong_faq_share`` (share whose covered best match is any entry with z ≥
        ``faq_claim_z`` to the topic: the topic's view of the relation).

    Examples
    --------
    >>> faq_coverage(questions, faq).sort_values("coverage")  # doctest: +SKIP
    """
    _check_questions(questions, need=("question_id", "text", "topic_id"))
    faq = _faq_base(faq)
    cov, _, _ = _relation(questions, faq, matches=matches, vectorizer=vectorizer, vectors=vectors,
                       faq_vectors=faq_vectors, topics=topics, period=period, claim_z=claim_z,
                       claim_share=claim_share, config=config, random_state=random_state)
    return cov


def question_coverage(
    questions: pd.DataFrame,
    faq: pd.DataFrame | None,
    *,
    matches: pd.DataFrame | None = None,
    vectorizer: Any = None,
    vectors: np.ndarray | None = None,
    faq_vectors: np.ndarray | None = None,
    period: Any = None,
    config: Config | None = None,
    random_state: int = 0,
) -> pd.DataFrame:
    """Say, per question of the window, whether an FAQ entry answers it, by the rule coverage uses.

    :func:`match_faq`'s ``covered`` is only the question-level evidence (the best match
    passes the threshold). Here a question is ``covered`` when, in addition, that entry
    answers the question's topic and is not stale (:func:`faq_coverage`), so the share
    of covered questions of a topic is its ``coverage`` and each covered question counts
    for exactly one entry in :func:`stale_faqs`. Use this for any per-question or
    headline "answered by an FAQ" figure.

    Parameters
    ----------
    questions : pandas.DataFrame
        Canonical question log with ``topic_id`` (``asked_at`` for the window).
    faq : pandas.DataFrame
        Canonical FAQ base.
    matches : pandas.DataFrame, optional
        Output of :func:`match_faq` for these questions (computed when missing).
    vectorizer, vectors, faq_vectors
        As in :func:`match_faq`.
    period : str, optional
        Last month of the ``[rubric] window_months`` window (default the log's last month).
    config : asklens.Config, optional
        The thresholds.
    random_state : int, default 0
        Seed.

    Returns
    -------
    pandas.DataFrame
        One row per question of the window, in order: ``question_id``, ``topic_id``,
        ``faq_id`` (best match), ``lift``, ``matched`` (the lift passes the threshold) and
        ``covered`` (matched, and the entry answers the topic).

    Examples
    --------
    >>> question_coverage(questions, faq)["covered"].mean()  # doctest: +SKIP
    """
    _check_questions(questions, need=("question_id", "text", "topic_id"))
    faq = _faq_base(faq)
    _, _, per_q = _relation(questions, faq, matches=matches, vectorizer=vectorizer, vectors=vectors,
                            faq_vectors=faq_vectors, topics=None, period=period, claim_z=None, claim_share=None,
                            config=config, random_state=random_state)
    return per_q


# --------------------------------------------------------------------------------------
# decisions: gaps, findability, stale entries
# --------------------------------------------------------------------------------------
def stale_faqs(
    questions: pd.DataFrame,
    faq: pd.DataFrame | None,
    *,
    matches: pd.DataFrame | None = None,
    period: Any = None,
    vectorizer: Any = None,
    vectors: np.ndarray | None = None,
    faq_vectors: np.ndarray | None = None,
    config: Config | None = None,
    random_state: int = 0,
) -> pd.DataFrame:
    """List the FAQ entries nobody needs any more.

    A question counts for an entry when the entry is its covered best match and, when
    the questions have a ``topic_id``, the entry answers its topic (:func:`faq_coverage`,
    the same relation). An entry is stale when no question counted for it in the last
    ``stale_months`` months (an entry that many people read, ``views`` at least the
    base's median, is kept: it may answer people before they ask), or when it is read
    less than ``stale_view_share`` of the median entry's views (its matches are then
    taken as loose and not credited). A stale entry is never credited with coverage by
    :func:`faq_coverage`.

    Parameters
    ----------
    questions : pandas.DataFrame
        Canonical question log (``asked_at``, ``text``; ``topic_id`` used when present).
    faq : pandas.DataFrame
        Canonical FAQ base; ``views`` used where present.
    matches : pandas.DataFrame, optional
        Output of :func:`match_faq` for these questions.
    period : str, optional
        Last month of the window (default the log's last month).
    vectorizer, vectors, faq_vectors
        As in :func:`match_faq`.
    config : asklens.Config, optional
        ``[rubric] stale_months``, ``stale_view_share`` and the coverage rules.
    random_state : int, default 0
        Seed (only used when ``matches`` is computed).

    Returns
    -------
    pandas.DataFrame
        One row per entry: ``faq_id``, ``question``, ``topic_ids`` (topics it answers;
        empty when stale), ``max_topic_z`` (lift z-score of its strongest topic),
        ``n_matched`` (questions counted for it in the last
        ``stale_months`` months), ``n_window`` (questions in those months), ``views``,
        ``stale`` and ``reason``.

    Examples
    --------
    >>> stale_faqs(questions, faq).query("stale")  # doctest: +SKIP
    """
    _check_questions(questions, need=("question_id", "asked_at", "text"))
    faq = _faq_base(faq)
    _, per_faq, _ = _relation(questions, faq, matches=matches, vectorizer=vectorizer, vectors=vectors,
                           faq_vectors=faq_vectors, topics=None, period=period, claim_z=None, claim_share=None,
                           config=config, random_state=random_state)
    return per_faq


def _why_not(r: Any, per_faq: pd.DataFrame, rub: Any) -> str:
    """Say exactly why a topic's closest entry does not answer it (a coverage row, the per-entry table)."""
    f = str(r.best_faq_id)
    e = per_faq.set_index("faq_id").loc[f] if f in set(per_faq["faq_id"]) else None
    head = f"closest: {f}, z={r.faq_z:.1f}"
    if e is not None and bool(e["stale"]):
        return head + "; that entry is stale, so it answers nothing: see the stale FAQs"
    if not r.faq_z >= rub.faq_claim_z:
        return head + f" < faq_claim_z {rub.faq_claim_z:g}"
    top = float(e["max_topic_z"]) if e is not None else float("nan")
    return (head + f" ≥ faq_claim_z {rub.faq_claim_z:g}, but the entries that close are together the best match of "
            f"only {r.strong_faq_share:.0%} of its questions (< faq_answer_share {rub.faq_answer_share:.0%}) and its "
            f"z is under faq_claim_share {rub.faq_claim_share:g} of the entry's strongest topic (z={top:.1f})")


def _gap_rule(n: int, ma: int, span: int, coverage: float, rub: Any) -> tuple[bool, bool, str]:
    """Return (recurring, gap, the clause saying why) for one topic: the one gap rule."""
    rec = ma / span if span else 0.0
    recurring = n >= rub.min_volume and rec >= rub.min_recurrence
    gap = recurring and coverage < rub.min_coverage
    clause = (f"{n} questions in {span} months, asked in {ma} of them ({'≥' if n >= rub.min_volume else '<'} "
              f"min_volume {rub.min_volume}, {rec:.0%} {'≥' if rec >= rub.min_recurrence else '<'} min_recurrence "
              f"{rub.min_recurrence:.0%}); coverage {coverage:.0%} {'<' if coverage < rub.min_coverage else '≥'} "
              f"min_coverage {rub.min_coverage:.0%}")
    return recurring, gap, clause


def knowledge_gaps(
    questions: pd.DataFrame,
    faq: pd.DataFrame | None,
    *,
    matches: pd.DataFrame | None = None,
    coverage: pd.DataFrame | None = None,
    custom: pd.DataFrame | None = None,
    topics: pd.DataFrame | None = None,
    period: Any = None,
    vectorizer: Any = None,
    vectors: np.ndarray | None = None,
    faq_vectors: np.ndarray | None = None,
    config: Config | None = None,
    random_state: int = 0,
) -> pd.DataFrame:
    """Decide where the knowledge base needs work: write an FAQ, make one findable, review a stale one.

    Rules (thresholds from ``[rubric]``), over the last ``window_months`` months ending
    at ``period``, all on the one relation of :func:`faq_coverage`:

    - **gap**: a recurring topic (at least ``min_volume`` questions, asked in at least
      ``min_recurrence`` of the months) whose coverage is below ``min_coverage``;
    - **write an FAQ**: a gap whose topic does not need people (no signal of
      :func:`custom_work` fired); a gap that needs people is left to the rubric
      (:func:`asklens.classify_topics` says "needs people", noting the missing FAQ);
    - **make the FAQ easier to find**: a covered topic still asked at least
      ``findability_per_month`` times a month on average and, where entries have
      ``views``, asked at least ``findability_view_ratio`` times per view;
    - **review a stale FAQ**: see :func:`stale_faqs` (a stale entry covers nothing).

    The miscellaneous topic (``-1``) is never a gap.

    Parameters
    ----------
    questions : pandas.DataFrame
        Canonical question log with ``topic_id``.
    faq : pandas.DataFrame
        Canonical FAQ base.
    matches : pandas.DataFrame, optional
        Output of :func:`match_faq` over the same questions (computed when missing).
    coverage : pandas.DataFrame, optional
        Ignored: coverage is always recomputed with the stale entries over this window,
        so that every table says the same (kept for backward compatibility).
    custom : pandas.DataFrame, optional
        Output of :func:`custom_work` over the window's questions (computed when missing,
        with ``vectors`` when given).
    topics : pandas.DataFrame, optional
        A topics table for labels.
    period : str, optional
        Last month of the window (default the log's last month).
    vectorizer, vectors, faq_vectors
        As in :func:`match_faq`; the relation needs the vectors, so pass the ones
        ``matches`` was computed from (otherwise the vectorizer is fitted again).
    config : asklens.Config, optional
        The thresholds.
    random_state : int, default 0
        Seed.

    Returns
    -------
    pandas.DataFrame
        One row per decision: ``action`` ("write an FAQ", "make the FAQ easier to find",
        "review a stale FAQ"), ``topic_id``, ``topic_label``, ``faq_id``, ``n_questions``
        (in the window), ``months_asked``, ``coverage``, ``per_month``, ``views`` and
        ``reason``. Sorted by action, then by number of questions.

    Examples
    --------
    >>> gaps = knowledge_gaps(questions, faq)  # doctest: +SKIP
    >>> gaps[gaps["action"] == "write an FAQ"]  # doctest: +SKIP
    """
    _check_questions(questions, need=("question_id", "asked_at", "text", "topic_id"))
    faq = _faq_base(faq)
    rub = _config(config).rubric
    cols = ["action", "topic_id", "topic_label", "faq_id", "n_questions", "months_asked", "coverage", "per_month",
            "views", "reason"]
    Q = F = None
    if len(faq) and len(questions):
        Q, F = _embed(questions, faq, vectorizer=vectorizer, vectors=vectors, faq_vectors=faq_vectors,
                      random_state=random_state)
    coverage, per_faq, _ = _relation(questions, faq, matches=matches, vectorizer=vectorizer, vectors=Q,
                                  faq_vectors=F, topics=topics, period=period, claim_z=None, claim_share=None,
                                  config=config, random_state=random_state)
    inwin = _window(questions, period, rub.window_months) if len(questions) else pd.Series(dtype=bool)
    months = _local(questions["asked_at"]).dt.to_period("M")
    win_q = questions[inwin.to_numpy()]
    win_m = months[inwin.to_numpy()]
    end = _resolve_period(questions, period) if len(questions) else None
    # the window's length in months, shorter when the log starts inside it
    n_months_span = int(max(1, min(rub.window_months, (end - months.min()).n + 1))) if len(months) else 1
    per_topic = win_q.groupby(win_q["topic_id"].astype(int)).size()
    months_asked = win_m.groupby(win_q["topic_id"].astype(int).to_numpy()).nunique()
    if custom is None and len(win_q):
        qv = Q if Q is not None else (np.asarray(vectors, dtype=np.float32) if vectors is not None else None)
        wv = qv[inwin.to_numpy()] if qv is not None else None
        custom = custom_work(win_q, vectors=wv, vectorizer=vectorizer if wv is None and vectorizer is not None
                             and _is_fitted(vectorizer) else None, config=config, random_state=random_state)
    people = {int(t): str(r) for t, r, p in zip(custom["topic_id"], custom["reason"], custom["needs_people"]) if p} \
        if custom is not None and len(custom) else {}
    views = pd.to_numeric(faq["views"], errors="coerce") if "views" in faq.columns else None
    view_of = dict(zip(faq["faq_id"].astype(str), views)) if views is not None else {}
    labels = _labels(questions, topics)
    rows = []
    for r in coverage.itertuples(index=False):
        t = int(r.topic_id)
        if t == -1:
            continue
        n = int(per_topic.get(t, 0))
        ma = int(months_asked.get(t, 0))
        pm = n / n_months_span
        _, gap, clause = _gap_rule(n, ma, n_months_span, float(r.coverage), rub)
        base = {"topic_id": t, "topic_label": labels.get(t, f"topic {t}"), "n_questions": n, "months_asked": ma,
                "coverage": float(r.coverage), "per_month": pm}
        faqs = list(r.faq_ids)
        if gap:
            if t in people:
                continue  # the rubric puts it under "needs people" and notes the missing FAQ
            if faqs:
                who = (f"the entries that answer it ({', '.join(faqs[:3])}) are the best match of too few of its "
                       "questions")
            elif pd.notna(r.best_faq_id):
                who = "no FAQ entry answers this topic (" + _why_not(r, per_faq, rub) + ")"
            else:
                who = "the FAQ base is empty"
            why = f"write an FAQ: {clause}; {who}; no needs-people signal fired"
            rows.append({"action": "write an FAQ", "faq_id": pd.NA, "views": pd.NA, "reason": why, **base})
        elif faqs and r.coverage >= rub.min_coverage and pm >= rub.findability_per_month:
            v = [view_of.get(f) for f in faqs if pd.notna(view_of.get(f, np.nan))]
            nv = int(sum(v)) if v else 0
            if v and nv and n / nv < rub.findability_view_ratio:
                continue  # read often enough for how often it is asked
            vt = (f"; {n} questions for {nv} views of its entries (≥ findability_view_ratio "
                  f"{rub.findability_view_ratio:g} per view)") if v else ""
            why = (f"make the FAQ easier to find: entries {', '.join(faqs[:3])} answer {r.coverage:.0%} of this "
                   f"topic's questions (≥ min_coverage {rub.min_coverage:.0%}), yet it was asked {pm:.1f} times a "
                   f"month ({n} in {n_months_span} months, ≥ findability_per_month "
                   f"{rub.findability_per_month:g}){vt}")
            rows.append({"action": "make the FAQ easier to find", "faq_id": faqs[0],
                         "views": nv if v else pd.NA, "reason": why, **base})
    for r in per_faq[per_faq["stale"]].itertuples(index=False):
        rows.append({"action": "review a stale FAQ", "topic_id": pd.NA, "topic_label": pd.NA, "faq_id": r.faq_id,
                     "n_questions": int(r.n_matched), "months_asked": pd.NA, "coverage": np.nan, "per_month": np.nan,
                     "views": r.views, "reason": r.reason})
    out = pd.DataFrame(rows, columns=cols)
    order = {"write an FAQ": 0, "make the FAQ easier to find": 1, "review a stale FAQ": 2}
    out = out.assign(_o=out["action"].map(order)).sort_values(["_o", "n_questions"], ascending=[True, False],
                                                                kind="stable")
    out = out.drop(columns="_o").reset_index(drop=True)
    out["topic_id"] = out["topic_id"].astype("Int64")
    out["months_asked"] = out["months_asked"].astype("Int64")
    out["views"] = pd.to_numeric(out["views"], errors="coerce").astype("Int64")
    out["faq_id"] = out["faq_id"].astype("string")
    return out

# --------------------------------------------------------------------------------------
# cohesion and custom work
# --------------------------------------------------------------------------------------
def _mean_pairwise(sums: np.ndarray, sq: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Mean cosine over distinct pairs from the sum of unit vectors and the sum of squared norms."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(n > 1, ((sums ** 2).sum(axis=1) - sq) / (n * (n - 1)), np.nan)


def topic_cohesion(vectors: np.ndarray, topic_ids: np.ndarray | pd.Series) -> pd.DataFrame:
    """Measure how alike each topic's questions are, relative to the whole log.

    Cohesion is the mean cosine similarity between two questions of the topic,
    rescaled so that 0 means "as alike as two questions of the whole log" and 1 means
    identical: ``(within - overall) / (1 - overall)``. Rescaling makes the number
    comparable across vectorizers.

    Parameters
    ----------
    vectors : numpy.ndarray
        L2-normalised vectors, one row per question.
    topic_ids : array-like of int
        Topic of each row.

    Returns
    -------
    pandas.DataFrame
        ``topic_id``, ``n_questions``, ``similarity`` (raw mean pairwise cosine),
        ``cohesion``.

    Examples
    --------
    >>> v = np.array([[1, 0], [1, 0], [0, 1], [0.6, 0.8]], dtype=np.float32)
    >>> topic_cohesion(v, [0, 0, 1, 1])["similarity"].round(2).tolist()
    [1.0, 0.8]
    """
    V = np.asarray(vectors, dtype=np.float64)
    t = np.asarray(topic_ids).astype(int)
    ids, inv = np.unique(t, return_inverse=True)
    sums = np.zeros((len(ids), V.shape[1]))
    np.add.at(sums, inv, V)
    sqn = (V ** 2).sum(axis=1)
    sq = np.bincount(inv, weights=sqn, minlength=len(ids))
    n = np.bincount(inv, minlength=len(ids)).astype(float)
    within = _mean_pairwise(sums, sq, n)
    overall = float(_mean_pairwise(V.sum(axis=0, keepdims=True), np.array([sqn.sum()]), np.array([len(V)]))[0]) \
        if len(V) > 1 else 0.0
    coh = (within - overall) / max(1e-9, 1 - overall)
    return pd.DataFrame({"topic_id": ids, "n_questions": n.astype(int), "similarity": within, "cohesion": coh})


def _vectors_for(questions: pd.DataFrame, vectors: np.ndarray | None, vectorizer: Any, random_state: int) -> np.ndarray:
    if vectors is not None:
        if len(vectors) != len(questions):
            raise InputError(f"vectors has {len(vectors)} rows but questions has {len(questions)}",
                             fix="pass one vector per question, in the same order")
        return np.asarray(vectors, dtype=np.float32)
    if vectorizer is None:
        from asklens.vectorize import make_vectorizer
        vectorizer = make_vectorizer("tfidf", random_state=random_state)
    texts = _texts(questions)
    return np.asarray(vectorizer.transform(texts) if _is_fitted(vectorizer) else vectorizer.fit_transform(texts),
                      dtype=np.float32)


def _effort_stats(questions: pd.DataFrame, config: Config | None) -> pd.DataFrame:
    """Per topic: coded READ rows, READ ≥ 3 share, median duration and messages, with their sample sizes."""
    cost = _config(config).costs
    t = questions["topic_id"].astype(int)
    eff = pd.to_numeric(questions["effort"], errors="coerce") if "effort" in questions.columns else \
        pd.Series(np.nan, index=questions.index)
    dur = pd.to_numeric(questions["duration_min"], errors="coerce") if "duration_min" in questions.columns else \
        pd.Series(np.nan, index=questions.index)
    dur = dur.clip(upper=cost.max_duration_min)
    msg = pd.to_numeric(questions["n_messages"], errors="coerce") if "n_messages" in questions.columns else \
        pd.Series(np.nan, index=questions.index)
    f = pd.DataFrame({"t": t.to_numpy(), "eff": eff.to_numpy(dtype=float, na_value=np.nan),
                      "hi": (eff >= 3).astype(float).where(eff.notna()).to_numpy(dtype=float, na_value=np.nan),
                      "dur": dur.to_numpy(dtype=float, na_value=np.nan),
                      "msg": msg.to_numpy(dtype=float, na_value=np.nan)})
    g = f.groupby("t")
    out = pd.DataFrame({
        "n_effort": g["eff"].count(), "mean_effort": g["eff"].mean(), "high_effort_share": g["hi"].mean(),
        "n_duration": g["dur"].count(), "median_duration_min": g["dur"].median(), "mean_duration_min": g["dur"].mean(),
        "n_messages_coded": g["msg"].count(), "median_messages": g["msg"].median(),
    })
    out.index.name = "topic_id"
    return out.reset_index()


def custom_work(
    questions: pd.DataFrame,
    *,
    topics: pd.DataFrame | None = None,
    vectors: np.ndarray | None = None,
    vectorizer: Any = None,
    config: Config | None = None,
    random_state: int = 0,
) -> pd.DataFrame:
    """Flag the topics that need people: high effort, long handling, many turns or diverse questions.

    A signal fires only on enough evidence (``[rubric] min_signal_n`` rows carrying it):

    - **effort**: share of READ ≥ 3 among READ-coded questions ≥ ``high_effort_share``
      (READ 1–2 is directional or simple; 3 and up needs knowledge or research);
    - **duration**: median handling time ≥ ``long_duration_min`` minutes;
    - **messages**: median messages per chat ≥ ``many_messages``;
    - **diversity**: cohesion (:func:`topic_cohesion`) < ``low_cohesion``.

    Parameters
    ----------
    questions : pandas.DataFrame
        Canonical question log with ``topic_id`` (``effort``, ``duration_min``,
        ``n_messages`` used where present).
    topics : pandas.DataFrame, optional
        A topics table for labels.
    vectors : numpy.ndarray, optional
        Question vectors for cohesion (default: fitted on the texts).
    vectorizer : object, optional
        Vectorizer for cohesion when ``vectors`` is not given.
    config : asklens.Config, optional
        The thresholds.
    random_state : int, default 0
        Seed of the vectorizer.

    Returns
    -------
    pandas.DataFrame
        One row per topic (misc excluded): ``topic_id``, ``topic_label``,
        ``n_questions``, ``n_effort``, ``high_effort_share``, ``n_duration``,
        ``median_duration_min``, ``n_messages_coded``, ``median_messages``,
        ``cohesion``, ``signals`` (list of the signals that fired), ``needs_people``
        and ``reason``; topics needing people first.

    Examples
    --------
    >>> custom_work(questions).query("needs_people")  # doctest: +SKIP
    """
    _check_questions(questions, need=("question_id", "text", "topic_id"))
    rub = _config(config).rubric
    V = _vectors_for(questions, vectors, vectorizer, random_state)
    coh = topic_cohesion(V, questions["topic_id"].astype(int).to_numpy()).set_index("topic_id")
    eff = _effort_stats(questions, config).set_index("topic_id")
    labels = _labels(questions, topics)
    rows = []
    for t in sorted(int(x) for x in coh.index if int(x) != -1):
        e = eff.loc[t]
        c = coh.loc[t]
        signals, parts = [], []
        ns = rub.min_signal_n
        if e["n_effort"] >= ns and e["high_effort_share"] >= rub.high_effort_share:
            signals.append("effort")
            parts.append(f"{e['high_effort_share']:.0%} of {int(e['n_effort'])} READ-coded questions are READ 3+ "
                         f"(≥ high_effort_share {rub.high_effort_share:.0%})")
        if e["n_duration"] >= ns and e["median_duration_min"] >= rub.long_duration_min:
            signals.append("duration")
            parts.append(f"median handling time {e['median_duration_min']:.0f} min over {int(e['n_duration'])} "
                         f"questions (≥ long_duration_min {rub.long_duration_min:g})")
        if e["n_messages_coded"] >= ns and e["median_messages"] >= rub.many_messages:
            signals.append("messages")
            parts.append(f"median {e['median_messages']:.0f} messages over {int(e['n_messages_coded'])} chats "
                         f"(≥ many_messages {rub.many_messages:g})")
        if c["n_questions"] >= ns and np.isfinite(c["cohesion"]) and c["cohesion"] < rub.low_cohesion:
            signals.append("diversity")
            parts.append(f"diverse questions: cohesion {c['cohesion']:.2f} over {int(c['n_questions'])} questions "
                         f"(< low_cohesion {rub.low_cohesion:g})")
        if signals:
            reason = "needs people: " + "; ".join(parts)
        else:
            checks = []
            if e["n_effort"] >= ns:
                checks.append(f"READ 3+ share {e['high_effort_share']:.0%} of {int(e['n_effort'])}")
            if e["n_duration"] >= ns:
                checks.append(f"median {e['median_duration_min']:.0f} min of {int(e['n_duration'])}")
            if e["n_messages_coded"] >= ns:
                checks.append(f"median {e['median_messages']:.0f} messages of {int(e['n_messages_coded'])}")
            checks.append(f"cohesion {c['cohesion']:.2f} of {int(c['n_questions'])}")
            reason = (f"no custom-work signal: {', '.join(checks)} are all within the rubric (high_effort_share "
                      f"{rub.high_effort_share:.0%}, long_duration_min {rub.long_duration_min:g}, many_messages "
                      f"{rub.many_messages:g}, low_cohesion {rub.low_cohesion:g}; min_signal_n {ns})")
        rows.append({"topic_id": t, "n_questions": int(c["n_questions"]), "n_effort": int(e["n_effort"]),
                     "high_effort_share": float(e["high_effort_share"]), "n_duration": int(e["n_duration"]),
                     "median_duration_min": float(e["median_duration_min"]),
                     "n_messages_coded": int(e["n_messages_coded"]), "median_messages": float(e["median_messages"]),
                     "cohesion": float(c["cohesion"]), "signals": signals, "needs_people": bool(signals),
                     "reason": reason})
    cols = ["topic_id", "n_questions", "n_effort", "high_effort_share", "n_duration", "median_duration_min",
            "n_messages_coded", "median_messages", "cohesion", "signals", "needs_people", "reason"]
    out = pd.DataFrame(rows, columns=cols)
    out = out.sort_values(["needs_people", "n_questions"], ascending=[False, False], kind="stable")
    return _with_labels(out.reset_index(drop=True), labels)


# --------------------------------------------------------------------------------------
# READ prediction
# --------------------------------------------------------------------------------------
def _effort_features(questions: pd.DataFrame, V: np.ndarray) -> np.ndarray:
    parts = [V]
    if "channel" in questions.columns:
        ch = questions["channel"].astype("object").where(questions["channel"].notna(), "unknown").astype(str)
        parts.append(pd.get_dummies(ch).to_numpy(dtype=np.float32))
    for col in ("duration_min", "n_messages"):
        if col in questions.columns:
            x = pd.to_numeric(questions[col], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
            parts.append(np.c_[np.log1p(np.nan_to_num(np.clip(x, 0, None), nan=0.0)), np.isnan(x)].astype(np.float32))
    return np.hstack(parts)


def predict_effort(
    questions: pd.DataFrame,
    *,
    vectors: np.ndarray | None = None,
    vectorizer: Any = None,
    test_size: float = 0.25,
    max_train: int = 20_000,
    random_state: int = 0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Fill missing READ codes from the text and metadata, and measure how well that works.

    A linear discriminant model (shrinkage LDA: fast, closed form, within a point or
    two of a logistic regression on the sample data at a tenth of the time) learns READ
    from the question vector, the channel, the (log) duration and the (log) number of
    messages on the rows staff coded (a random ``max_train`` of them at most). Its accuracy is measured on ``test_size`` of the coded rows held out, then
    it is refitted on all coded rows and predicts the others.

    Parameters
    ----------
    questions : pandas.DataFrame
        Canonical question log with ``effort`` (READ 1–6, missing where not coded).
    vectors : numpy.ndarray, optional
        Question vectors (default: fitted on the texts with the TF-IDF backend).
    vectorizer : object, optional
        Vectorizer when ``vectors`` is not given.
    test_size : float, default 0.25
        Share of coded rows held out to measure accuracy.
    max_train : int, default 20000
        Most coded rows the model is fitted on (a seeded random sample beyond that).
    random_state : int, default 0
        Seed of the split, the vectorizer and the model.

    Returns
    -------
    questions : pandas.DataFrame
        A copy with ``effort`` filled where it was missing and ``effort_predicted``
        (True where the value is a prediction).
    scores : pandas.DataFrame
        ``metric``, ``value``, ``n`` (rows it was measured on) and ``note``: held-out
        ``accuracy``, ``within_one`` (off by at most one level), ``high_effort_agreement``
        (READ ≥ 3 vs ≤ 2 right), the ``majority_baseline`` accuracy, and the numbers of
        coded and predicted rows.

    Examples
    --------
    >>> filled, scores = predict_effort(questions)  # doctest: +SKIP
    >>> scores.set_index("metric").loc["accuracy", "value"]  # doctest: +SKIP
    """
    from sklearn.discriminant_analysis import LinearDiscriminantAnalysis
    from sklearn.model_selection import train_test_split

    _check_questions(questions, need=("question_id", "text"))
    out = questions.copy()
    eff = pd.to_numeric(out["effort"], errors="coerce") if "effort" in out.columns else \
        pd.Series(np.nan, index=out.index)
    coded = eff.notna().to_numpy()
    n_coded, n_missing = int(coded.sum()), int((~coded).sum())
    out["effort_predicted"] = False
    rows = [("coded_rows", float(n_coded), n_coded, "rows with a READ code from staff"),
            ("predicted_rows", 0.0, n_missing, "rows whose READ code is a prediction")]
    y = eff.to_numpy(dtype=float, na_value=np.nan)
    classes = np.unique(y[coded]) if n_coded else np.array([])
    if n_coded < 20 or len(classes) < 2:
        note = f"too few coded rows to learn from ({n_coded}, need ≥ 20 with two READ levels); nothing predicted"
        rows.append(("accuracy", float("nan"), 0, note))
        return out, pd.DataFrame(rows, columns=["metric", "value", "n", "note"])
    V = _vectors_for(questions, vectors, vectorizer, random_state)
    X = _effort_features(questions, V)
    Xc, yc = X[coded], y[coded].astype(int)
    strat = yc if np.unique(yc, return_counts=True)[1].min() >= 2 else None
    Xtr, Xte, ytr, yte = train_test_split(Xc, yc, test_size=test_size, random_state=random_state, stratify=strat)
    rng = np.random.default_rng(random_state)

    def cap(X_: np.ndarray, y_: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        if len(y_) <= max_train:
            return X_, y_
        keep = np.sort(rng.choice(len(y_), max_train, replace=False))
        return X_[keep], y_[keep]

    model = LinearDiscriminantAnalysis(solver="lsqr", shrinkage="auto")
    model.fit(*cap(Xtr, ytr))
    pred = model.predict(Xte)
    majority = int(pd.Series(ytr).mode().iloc[0])
    rows += [
        ("accuracy", float((pred == yte).mean()), len(yte), "exact READ level, held-out coded rows"),
        ("within_one", float((np.abs(pred - yte) <= 1).mean()), len(yte), "off by at most one READ level"),
        ("high_effort_agreement", float(((pred >= 3) == (yte >= 3)).mean()), len(yte), "READ ≥ 3 vs ≤ 2 right"),
        ("majority_baseline", float((yte == majority).mean()), len(yte), f"always guessing READ {majority}"),
    ]
    if n_missing:
        model.fit(*cap(Xc, yc))
        filled = model.predict(X[~coded])
        vals = eff.copy()
        vals[~coded] = filled
        out["effort"] = vals.round().astype("Int64")
        out.loc[~coded, "effort_predicted"] = True
    rows[1] = ("predicted_rows", float(n_missing), n_missing, "rows whose READ code is a prediction")
    return out, pd.DataFrame(rows, columns=["metric", "value", "n", "note"])
