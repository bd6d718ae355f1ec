"""Benchmark topic descriptions and recurring-question groups on 100,000 questions.

Rerun: ``python benchmarks/bench_describe.py [N]`` (default N = 100,000). Two inputs:

* ``generator``: ``asklens.generate_questions(N)`` with its true topics (~30);
* ``miami``: the real Miami chat questions (../shared/data) resampled to N with
  perturbations (greetings, thanks, lower case, a reversed word), on 50 topics
  (the 38 intents, the 12 largest split at random in two).

For each it prints wall and CPU seconds of ``describe_topics`` and
``recurring_questions`` (default char n-grams, and with given 384-d vectors), the
number of groups and the peak memory of the process.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from asklens import generate_questions
from asklens.describe import describe_topics, recurring_questions

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def miami(n: int, seed: int = 0) -> tuple[list[str], np.ndarray]:
    data = pd.read_csv(SHARED / "libchat-miami" / "questions_2023_2024.csv").dropna(subset=["utterance"])
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(data), n)
    greet = ["", "", "", "Hi, ", "Hello! ", "Hi there, ", "Good morning, "]
    tail = ["", "", "", " Thanks!", " thank you", " Thanks so much."]
    utter = data["utterance"].tolist()
    texts = []
    for i in idx:
        t = utter[i]
        r = rng.random()
        if r < 0.3:
            words = t.split()
            k = rng.integers(0, len(words))
            words[k] = words[k][::-1]
            t = " ".join(words)
        elif r < 0.5:
            t = t.lower()
        texts.append(greet[rng.integers(len(greet))] + t + tail[rng.integers(len(tail))])
    codes = pd.factorize(data["intent"])[0]
    topics = codes[idx]
    big = np.argsort(-np.bincount(codes))[:12]
    for j, b in enumerate(big):
        topics[(topics == b) & (rng.random(n) < 0.5)] = codes.max() + 1 + j
    return texts, topics


def timed(label: str, fn, *args, **kwargs):
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn(*args, **kwargs)
    print(f"  {label:44s} wall {time.perf_counter() - wall:6.2f} s   cpu {time.process_time() - cpu:6.2f} s")
    return out


def main(n: int) -> None:
    questions, _, _ = generate_questions(n, pii=False)
    inputs = {
        "generator": (questions["text"].tolist(), pd.factorize(questions["true_topic"], sort=True)[0]),
        "miami": miami(n),
    }
    for name, (texts, topics) in inputs.items():
        sizes = np.bincount(topics[topics >= 0])
        print(f"{name}: {len(texts):,} questions, {len(sizes)} topics, largest {sizes.max():,}")
        out = timed("describe_topics", describe_topics, texts, topics)
        print("   ", "; ".join(out["label"].head(8)))
        groups = timed("recurring_questions (char n-grams)", recurring_questions, texts, topics)
        print(f"    {len(groups):,} groups covering {groups['count'].sum():,} questions; top: "
              f"{groups['count'].iloc[0]} x {groups['representative'].iloc[0]!r}")
        vectors = np.random.default_rng(0).normal(size=(len(texts), 384)).astype(np.float32)
        timed("recurring_questions (384-d vectors)", recurring_questions, texts, topics, vectors=vectors)
        timed("describe_topics (384-d vectors)", describe_topics, texts, topics, vectors=vectors)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory {peak:,.0f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
