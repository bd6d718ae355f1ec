"""Benchmark: does the gap analysis find the intents that have no FAQ entry?

Data: ../shared/data/libchat-miami (3,540 real chat questions, 38 labelled intents).
For each seed, an FAQ base is built from hand-written entries (benchmarks/miami_faq.py,
one question + answer per intent, written from the intent name, not from the data) for a
random half of the intents. :func:`asklens.knowledge_gaps` then runs over all questions
with the true intents as topics (and, with ``--fitted``, with topics fitted by
``asklens.TopicModel`` and mapped to intents by majority), and the intents it reports
as "write an FAQ" are compared with the half left out, over the intents with at least
20 questions. The coverage threshold is calibrated without labels (score distribution),
so nothing here is tuned on the answer.

The log has no dates, only the year (source ``tran_raw_2023`` / ``tran_raw_2024``);
questions get a seeded random day in that year, and the benchmark config counts the two
years as one window and drops the recurrence rule (which needs real dates).

Run::

    python benchmarks/bench_gaps_miami.py                  # tfidf, 10 seeds
    python benchmarks/bench_gaps_miami.py --backend semantic
    python benchmarks/bench_gaps_miami.py --fitted         # also with fitted topics
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from miami_faq import FAQ  # noqa: E402

import asklens  # noqa: E402
from asklens.config import Config  # noqa: E402
from asklens.gaps import faq_coverage, knowledge_gaps, match_faq  # noqa: E402
from asklens.vectorize import make_vectorizer  # noqa: E402

DATA = HERE.parent.parent / "shared" / "data" / "libchat-miami" / "questions_2023_2024.csv"
MIN_QUESTIONS = 20


def load_questions(random_state: int = 0) -> pd.DataFrame:
    """Return the Miami questions as a canonical log with a seeded random date in their year."""
    raw = pd.read_csv(DATA)
    raw = raw[raw["utterance"].notna()].reset_index(drop=True)
    rng = np.random.default_rng(random_state)
    year = raw["source"].str.extract(r"(\d{4})")[0].astype(int).to_numpy()
    day = rng.integers(0, 365, len(raw))
    asked = pd.to_datetime(pd.Series(year).astype(str) + "-01-01") + pd.to_timedelta(day, unit="D") \
        + pd.to_timedelta(rng.integers(9 * 60, 21 * 60, len(raw)), unit="min")
    q = pd.DataFrame({
        "question_id": [f"miami:{i}" for i in range(len(raw))],
        "asked_at": asked.dt.tz_localize("America/New_York"),
        "text": raw["utterance"].astype(str),
        "intent": raw["intent"].astype(str),
    })
    return q


def faq_base(intents: list[str]) -> pd.DataFrame:
    return pd.DataFrame({
        "faq_id": [f"faq-{k}" for k in intents],
        "question": [FAQ[k][0] for k in intents],
        "answer": [FAQ[k][1] for k in intents],
    })


def run(backend: str, seeds: int, fitted: bool) -> pd.DataFrame:
    q = load_questions()
    intents = sorted(FAQ)
    assert set(q["intent"]) <= set(intents), set(q["intent"]) - set(intents)
    counts = q["intent"].value_counts()
    big = set(counts[counts >= MIN_QUESTIONS].index)
    cfg = Config.from_dict({"rubric": {"window_months": 24, "min_recurrence": 0.0}})
    topic_sets = {"true intents": q["intent"].map({k: i for i, k in enumerate(intents)}).astype(int).to_numpy()}
    if fitted:
        if not hasattr(asklens, "TopicModel") and "TopicModel" not in dir(asklens):
            print("asklens.TopicModel is not available; skipping fitted topics")
        else:
            t0 = time.time()
            model = asklens.TopicModel(backend=backend, random_state=0).fit(q)
            ids = np.asarray(model.labels_)
            print(f"fitted {len(set(ids)) - (1 if -1 in ids else 0)} topics in {time.time() - t0:.1f} s")
            topic_sets["fitted topics"] = ids
    all_faq = faq_base(intents)
    sem_vectors = None
    if backend != "tfidf":
        vec = make_vectorizer(backend, random_state=0)
        X = vec.fit_transform(q["text"].tolist() + [f"{a} {b}" for a, b in FAQ.values()])
        sem_vectors = (X[: len(q)], dict(zip(all_faq["faq_id"], X[len(q):])), vec)
    rows = []
    for seed in range(seeds):
        rng = np.random.default_rng(seed)
        perm = rng.permutation(len(intents))
        with_faq = sorted(intents[i] for i in perm[: len(intents) // 2])
        without = set(intents) - set(with_faq)
        faq = faq_base(with_faq)
        if sem_vectors is None:
            vec = make_vectorizer("tfidf", random_state=0)
            from asklens.gaps import _embed
            Q, F = _embed(q, faq, vectorizer=vec, vectors=None, faq_vectors=None, random_state=0)
        else:
            Q = sem_vectors[0]
            F = np.stack([sem_vectors[1][f] for f in faq["faq_id"]])
        for name, tids in topic_sets.items():
            qq = q.assign(topic_id=tids)
            m = match_faq(qq, faq, vectors=Q, faq_vectors=F, config=cfg)
            cov = faq_coverage(qq, faq, matches=m, vectors=Q, faq_vectors=F, config=cfg)
            gaps = knowledge_gaps(qq, faq, matches=m, vectors=Q, faq_vectors=F, config=cfg)
            write_topics = set(gaps.loc[gaps["action"] == "write an FAQ", "topic_id"].astype(int))
            # the gap rule itself (recurring, coverage < min_coverage), whether or not the topic needs people;
            # "write an FAQ" is the gaps whose topic needs no people (custom_work), as the rubric says
            gap_topics = {int(t) for t, c, n in zip(cov["topic_id"], cov["coverage"], cov["n_questions"])
                          if t != -1 and n >= cfg.rubric.min_volume and c < cfg.rubric.min_coverage}
            truth = without & big
            for metric, found in (("gap (coverage rule)", gap_topics), ("write an FAQ", write_topics)):
                # an intent is reported when most of its questions sit in the reported topics
                in_gap = pd.Series(np.isin(tids, list(found)), index=q.index).groupby(q["intent"]).mean()
                reported = {k for k in big if in_gap.get(k, 0) >= 0.5}
                tp = len(reported & truth)
                p = tp / len(reported) if reported else 0.0
                r = tp / len(truth) if truth else 1.0
                rows.append({"backend": backend, "topics": f"{name}: {metric}", "seed": seed, "precision": p,
                             "recall": r, "threshold": float(m["threshold"].iloc[0]), "n_reported": len(reported),
                             "n_true": len(truth), "false_pos": sorted(reported - truth),
                             "missed": sorted(truth - reported)})
    return pd.DataFrame(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--backend", default="tfidf", choices=["tfidf", "semantic", "hybrid"])
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--fitted", action="store_true", help="also run with topics fitted by asklens.TopicModel")
    ap.add_argument("--verbose", action="store_true", help="print the errors of every seed")
    args = ap.parse_args()
    t0 = time.time()
    res = run(args.backend, args.seeds, args.fitted)
    print(f"Miami gap benchmark: {args.seeds} seeds, FAQ for half of 38 intents, evaluated on intents with "
          f">= {MIN_QUESTIONS} questions, backend {args.backend} ({time.time() - t0:.0f} s)")
    for name, g in res.groupby("topics", sort=False):
        print(f"  {name:34s} precision mean {g.precision.mean():.3f} min {g.precision.min():.3f} | "
              f"recall mean {g.recall.mean():.3f} min {g.recall.min():.3f} | "
              f"threshold (lift) mean {g.threshold.mean():.3f}")
        fp = pd.Series([x for xs in g.false_pos for x in xs]).value_counts()
        fn = pd.Series([x for xs in g.missed for x in xs]).value_counts()
        print("    most frequent false gaps:", ", ".join(f"{k} ({v})" for k, v in fp.head(5).items()) or "none")
        print("    most frequent missed gaps:", ", ".join(f"{k} ({v})" for k, v in fn.head(5).items()) or "none")
    if args.verbose:
        print(res.to_string())


if __name__ == "__main__":
    main()
