"""Benchmark: all the analyses over 100,000 questions and 24 months, after topics are fitted.

The question log comes from ``asklens.generate_questions(100_000)`` (24 months); its
true topics stand in for fitted ones, and the question vectors are computed once, as
the topic step (and its vector cache) provides them to a report. What is timed is
everything after that: FAQ matching and coverage, gaps and stale FAQs, custom work,
READ prediction, automation candidates, time saved, the rubric, and the trends.
Target: under 30 seconds.

Run::

    python benchmarks/bench_analyses_speed.py            # 100,000 questions
    python benchmarks/bench_analyses_speed.py --n 20000
"""

from __future__ import annotations

import argparse
import time

import numpy as np

import asklens
from asklens.automation import automation_candidates, classify_topics, estimate_time_saved
from asklens.gaps import _embed, custom_work, faq_coverage, knowledge_gaps, match_faq, predict_effort
from asklens.trends import channel_mix, load_heatmap, rising_topics, seasonal_comparison, topic_trends
from asklens.vectorize import make_vectorizer


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    args = ap.parse_args()
    t0 = time.perf_counter()
    questions, faq, truth = asklens.generate_questions(args.n, random_state=0)
    keys = sorted(questions["true_topic"].unique())
    questions = questions.assign(topic_id=questions["true_topic"].map({k: i for i, k in enumerate(keys)}).astype(int),
                                 topic_label=questions["true_topic"])
    print(f"generated {len(questions):,} questions, {len(faq)} FAQ entries, "
          f"{questions['asked_at'].min():%Y-%m} to {questions['asked_at'].max():%Y-%m} "
          f"in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    vectorizer = make_vectorizer("tfidf", random_state=0)
    Q, F = _embed(questions, faq, vectorizer=vectorizer, vectors=None, faq_vectors=None, random_state=0)
    print(f"vectors (the topic step, not timed below): {time.perf_counter() - t0:.1f} s")

    timings: dict[str, float] = {}

    def timed(name, fn):
        t = time.perf_counter()
        out = fn()
        timings[name] = time.perf_counter() - t
        return out

    total0 = time.perf_counter()
    m = timed("match_faq", lambda: match_faq(questions, faq, vectors=Q, faq_vectors=F))
    cov = timed("faq_coverage", lambda: faq_coverage(questions, faq, matches=m, vectors=Q, faq_vectors=F))
    timed("knowledge_gaps", lambda: knowledge_gaps(questions, faq, matches=m, vectors=Q, faq_vectors=F))
    timed("custom_work", lambda: custom_work(questions, vectors=Q))
    timed("predict_effort", lambda: predict_effort(questions, vectors=Q))
    cand = timed("automation_candidates", lambda: automation_candidates(questions, vectors=Q))
    timed("estimate_time_saved", lambda: estimate_time_saved(questions, candidates=cand))
    timed("classify_topics", lambda: classify_topics(questions, faq, vectors=Q, faq_vectors=F))
    timed("topic_trends (month, week)", lambda: (topic_trends(questions), topic_trends(questions, freq="week")))
    timed("rising_topics", lambda: rising_topics(questions))
    timed("channel_mix", lambda: channel_mix(questions))
    timed("load_heatmap", lambda: load_heatmap(questions))
    timed("seasonal_comparison", lambda: seasonal_comparison(questions))
    total = time.perf_counter() - total0
    for k, v in timings.items():
        print(f"  {k:28s} {v:6.2f} s")
    print(f"all analyses over {len(questions):,} questions: {total:.1f} s (target < 30 s): "
          f"{'PASS' if total < 30 else 'FAIL'}")
    _ = np  # numpy is imported for users who tweak the script


if __name__ == "__main__":
    main()
