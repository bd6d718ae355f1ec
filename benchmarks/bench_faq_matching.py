"""Benchmark: how well does each question's best FAQ entry answer it (question-level FAQ matching)?

:func:`asklens.gaps.match_faq` gives every question its closest FAQ entry and says it is
covered when the lift passes a threshold calibrated on unrelated pairs. Coverage, gaps and
the rubric are built on that, so a question matched to the wrong entry, or to the right one
below the threshold, makes a covered topic look like a gap (most visibly for fragments of a
covered topic that a fitted topic model split off). This script scores the matching alone,
against labels, on two data sets:

``sample``
    The shipped sample workspace (``data/sample``, 9,000 questions read through the real
    readers, 32 FAQ entries of which 5 are stale); ``truth/topics.json`` gives each true
    topic its FAQ entries (``faq_ids``) or none (``faq = "missing"``).
``miami``
    The 3,540 real LibChat questions of ``../shared/data/libchat-miami`` with the
    hand-written entries of ``benchmarks/miami_faq.py`` for a seeded random half of the 38
    intents (the split of ``bench_gaps_miami.py``); means over ``--seeds`` splits.

Figures, per variant:

* **top-1**: share of the questions of covered topics whose best entry is one of their
  topic's entries;
* **covered & right**: share of the questions of covered topics whose best entry is right
  *and* passes the threshold (what coverage can credit);
* **false cover**: share of the questions of topics with no entry whose best entry still
  passes the threshold (what the topic-level relation then has to reject).

Variants: ``library`` is exactly what :func:`asklens.gaps.match_faq` does today (its own
text preparation and calibration). The others change one thing, scored by the same rule
(best entry by lift, threshold = the 0.99 quantile of the lifts of each question's non-best
entries, so the calibration always uses the variant's own scoring):

``focus``     questions focused on their request (:func:`asklens.focus.focus_texts`);
``details``   the FAQ entry's ``details`` (LibAnswers' longer wording) folded into its text;
``hyphen``    ``wi-fi``/``e-mail``/``e-book`` joined (a hyphen after a one- or two-letter
              prefix) on both sides;
``max``       an entry scores the best of several representations: question + answer,
              each sentence of its question and of its details;
``weighted``  an entry is ``question + 0.7 * answer`` embedded apart (the answer weighs less);
``rocchio``   each entry's vector moved halfway towards the mean of its 30 closest questions
              (pseudo-relevance feedback, no labels).

Run::

    python benchmarks/bench_faq_matching.py                       # tfidf, both data sets, all variants
    python benchmarks/bench_faq_matching.py --backend semantic --data sample
    python benchmarks/bench_faq_matching.py --variants library,focus --worst
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.preprocessing import normalize

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import asklens  # noqa: E402
from asklens import gaps  # noqa: E402
from asklens.focus import focus_texts, split_sentences  # noqa: E402
from asklens.vectorize import make_vectorizer  # noqa: E402

SAMPLE = HERE.parent / "data" / "sample"
VARIANTS = ("library", "focus", "details", "hyphen", "max", "weighted", "rocchio")
_HYPHEN = re.compile(r"\b([A-Za-z]{1,2})-([A-Za-z]{2,})\b")


# --------------------------------------------------------------------------------------
# data: questions with a true topic, an FAQ base with each entry's topic
# --------------------------------------------------------------------------------------
def sample_sets() -> list[tuple[pd.DataFrame, pd.DataFrame, dict[str, str], set[str]]]:
    """Return the sample workspace as one (questions, faq, topic of each entry, covered topics) set."""
    config = asklens.load_config(SAMPLE / "asklens.toml")
    questions = asklens.read_questions(sorted((SAMPLE / "questions").glob("*.csv")), config=config)
    faq = asklens.read_faq(SAMPLE / "faq.json", config=config)
    truth = json.loads((SAMPLE / "truth" / "topics.json").read_text(encoding="utf-8"))
    topic_of = pd.read_csv(SAMPLE / "truth" / "questions.csv", dtype=str).set_index("question_id")["topic"]
    questions = questions.assign(true_topic=questions["question_id"].map(topic_of))
    entry_topic = {f: t["topic"] for t in truth["topics"] for f in t["faq_ids"]}
    covered = {t["topic"] for t in truth["topics"] if t["faq"] == "covered"}
    return [(questions, faq, entry_topic, covered)]


def miami_sets(seeds: int) -> list[tuple[pd.DataFrame, pd.DataFrame, dict[str, str], set[str]]]:
    """Return one set per seed: all Miami questions, an FAQ base for a random half of the intents."""
    from bench_gaps_miami import faq_base, load_questions
    from miami_faq import FAQ

    q = load_questions().rename(columns={"intent": "true_topic"})
    intents = sorted(FAQ)
    out = []
    for seed in range(seeds):
        perm = np.random.default_rng(seed).permutation(len(intents))  # the split of bench_gaps_miami.py
        with_faq = sorted(intents[i] for i in perm[: len(intents) // 2])
        faq = faq_base(with_faq).assign(details=pd.Series(pd.NA, index=range(len(with_faq)), dtype="string"))
        out.append((q, faq, {f"faq-{k}": k for k in with_faq}, set(with_faq)))
    return out


# --------------------------------------------------------------------------------------
# variants: how questions and entries are turned into text, and how an entry is scored
# --------------------------------------------------------------------------------------
def _col(faq: pd.DataFrame, name: str) -> list[str]:
    if name not in faq.columns:
        return [""] * len(faq)
    return [str(x) for x in faq[name].astype("string").fillna("")]


def _hyphen(texts: list[str]) -> list[str]:
    return [_HYPHEN.sub(r"\1\2", t) for t in texts]


def entry_texts(faq: pd.DataFrame, variant: str) -> tuple[list[str], np.ndarray]:
    """Return the texts that represent the entries and the entry each text belongs to."""
    q, d = _col(faq, "question"), _col(faq, "details")
    a = [x[:600] for x in _col(faq, "answer")]
    if variant == "details":
        return [" ".join(p for p in (x, y, z) if p.strip()) for x, y, z in zip(q, d, a)], np.arange(len(faq))
    if variant == "max":
        texts, owner = [], []
        for j in range(len(faq)):
            items = [f"{q[j]} {a[j]}".strip()] + split_sentences(q[j]) + split_sentences(d[j])
            items = list(dict.fromkeys(t for t in items if t.strip()))
            texts += items
            owner += [j] * len(items)
        return texts, np.array(owner)
    texts = gaps._faq_texts(faq)
    return (_hyphen(texts) if variant == "hyphen" else texts), np.arange(len(faq))


def lifts(questions: pd.DataFrame, faq: pd.DataFrame, variant: str, backend: str) -> np.ndarray:
    """Return the question × entry score matrix of a variant (the lift, or its best over representations)."""
    qtexts = gaps._texts(questions)
    if variant == "focus":
        qtexts = focus_texts(qtexts)
    elif variant == "hyphen":
        qtexts = _hyphen(qtexts)
    rtexts, owner = entry_texts(faq, variant)
    vec = make_vectorizer(backend, random_state=0)
    X = np.asarray(vec.fit_transform(qtexts + rtexts), dtype=np.float32)
    Q, R = X[: len(qtexts)], X[len(qtexts):]
    if variant == "weighted":
        a = [x[:600] for x in _col(faq, "answer")]
        R = normalize(np.asarray(vec.transform(_col(faq, "question")), dtype=np.float32)
                      + 0.7 * np.asarray(vec.transform(a), dtype=np.float32)).astype(np.float32)
    Qc, Rc = gaps._lift_parts(Q, R)
    if variant == "rocchio":
        L0 = Qc @ Rc.T
        top = np.argpartition(-L0, min(30, len(Q)) - 1, axis=0)[:30]
        C = np.stack([Q[top[:, j]].mean(axis=0) for j in range(len(R))])
        R = normalize(R + 0.5 * normalize(C)).astype(np.float32)
        Qc, Rc = gaps._lift_parts(Q, R)
    Lr = Qc @ Rc.T
    if len(rtexts) == len(faq):
        return Lr
    L = np.full((len(Q), len(faq)), -np.inf, dtype=np.float32)
    for j in range(len(faq)):
        L[:, j] = Lr[:, owner == j].max(axis=1)
    return L


def best_and_covered(L: np.ndarray, quantile: float = gaps.NULL_QUANTILE) -> tuple[np.ndarray, np.ndarray, float]:
    """Return each question's best entry, whether it passes the threshold, and the threshold.

    The threshold is calibrated as :func:`asklens.gaps.calibrate_threshold` does (the
    quantile of every pair's score except each question's best), on the variant's own scores.
    """
    best = L.argmax(axis=1)
    null = L.astype(np.float64).copy()
    null[np.arange(len(best)), best] = np.nan
    thr = float(np.nanquantile(null, quantile))
    return best, L[np.arange(len(best)), best] >= thr, thr


def score(sets: list, variant: str, backend: str) -> dict:
    """Return the mean top-1, covered & right and false cover of a variant over the sets."""
    rows, per_topic = [], []
    for questions, faq, entry_topic, covered in sets:
        true = questions["true_topic"].astype(str).to_numpy()
        fids = faq["faq_id"].astype(str).to_numpy()
        if variant == "library":
            m = gaps.match_faq(questions, faq, vectorizer=make_vectorizer(backend, random_state=0))
            best_topic = m["faq_id"].astype(str).map(entry_topic).fillna("").to_numpy()
            ok, thr = m["covered"].to_numpy(dtype=bool), float(m["threshold"].iloc[0])
        else:
            best, ok, thr = best_and_covered(lifts(questions, faq, variant, backend))
            best_topic = np.array([entry_topic.get(f, "") for f in fids])[best]
        cov = np.isin(true, list(covered))
        right = best_topic == true
        rows.append((right[cov].mean(), (right & ok)[cov].mean(), ok[~cov].mean(), thr))
        per_topic.append(pd.Series((right & ok)[cov]).groupby(true[cov]).mean())
    top1, rec, fc, thr = np.mean(rows, axis=0)
    worst = pd.concat(per_topic).groupby(level=0).mean().sort_values().head(6)
    return {"top1": top1, "covered_right": rec, "false_cover": fc, "threshold": thr, "worst": worst}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--backend", default="tfidf", choices=["tfidf", "semantic", "hybrid"])
    ap.add_argument("--data", default="sample,miami", help="comma-separated: sample, miami")
    ap.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated: " + ", ".join(VARIANTS))
    ap.add_argument("--seeds", type=int, default=5, help="Miami FAQ splits (default 5)")
    ap.add_argument("--worst", action="store_true", help="print the six worst covered topics of each variant")
    args = ap.parse_args(argv)
    loaders: dict[str, Callable[[], list]] = {"sample": sample_sets, "miami": lambda: miami_sets(args.seeds)}
    for name in args.data.split(","):
        t0 = time.time()
        sets = loaders[name]()
        print(f"{name} ({args.backend}; {len(sets[0][0])} questions, {len(sets)} FAQ base(s))")
        for variant in args.variants.split(","):
            if variant not in VARIANTS:
                raise SystemExit(f"unknown variant {variant!r}; use {', '.join(VARIANTS)}")
            r = score(sets, variant, args.backend)
            print(f"  {variant:<9} top-1 {r['top1']:.3f}  covered & right {r['covered_right']:.3f}  "
                  f"false cover {r['false_cover']:.3f}  threshold {r['threshold']:.3f}", flush=True)
            if args.worst:
                print("            worst:", ", ".join(f"{k} {v:.2f}" for k, v in r["worst"].items()))
        print(f"  ({time.time() - t0:.0f} s)")


if __name__ == "__main__":
    main()
