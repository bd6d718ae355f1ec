"""Benchmark the synthetic data generator: 1,000,000 questions, and the sample workspace.

Run: ``python benchmarks/bench_datasets.py [N]`` (default N = 1,000,000). Prints seconds and
peak memory (resident set size) for ``generate_questions(N)`` and ``make_sample_workspace``.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time

from asklens.datasets import generate_questions, make_sample_workspace


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    t0, c0 = time.perf_counter(), time.process_time()
    questions, faq, truth = generate_questions(n, random_state=0)
    gen, cpu = time.perf_counter() - t0, time.process_time() - c0
    mem = questions.memory_usage(deep=True).sum() / 2**20
    print(f"generate_questions({n:,}): {gen:.1f} s wall ({cpu:.1f} s CPU), {len(questions):,} rows, frame {mem:,.0f} MiB, "
          f"{questions['asked_at'].dt.strftime('%Y-%m').nunique()} months, {questions['true_topic'].nunique()} topics")
    del questions
    with tempfile.TemporaryDirectory() as tmp:
        t0, c0 = time.perf_counter(), time.process_time()
        make_sample_workspace(tmp, random_state=0)
        print(f"make_sample_workspace: {time.perf_counter() - t0:.1f} s wall ({time.process_time() - c0:.1f} s CPU)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
