"""Speed and memory of topics: default vectorizer at 100,000 / 1,000,000 questions, semantic embedding of a year.

Targets (issue 3, 2 cores): default vectorizer fits topics on 100,000 questions in < 60 s and
assigns 10,000 new ones in < 5 s; memory < 4 GB for 1,000,000 questions (fit on a sample,
assign the rest in chunks); semantic backend embeds a year (30,000 questions) in < 5 min
and a monthly run re-embeds only the new month.

Questions come from ``asklens.datasets.generate_questions`` (synthetic, seeded, no PII).

Run::

    python benchmarks/bench_topics_speed.py                  # all parts
    python benchmarks/bench_topics_speed.py --parts fit,memory
    python benchmarks/bench_topics_speed.py --parts semantic --semantic-n 30000 [--quantize]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _questions(n: int, seed: int):
    from asklens.datasets import generate_questions

    questions, _, _ = generate_questions(n=n, random_state=seed, pii=False)
    return questions


def part_fit(n_fit: int, n_assign: int) -> dict:
    from asklens.topics import TopicModel

    questions = _questions(n_fit + n_assign, 0)
    fit_part, new_part = questions.iloc[:n_fit], questions.iloc[n_fit:]
    start, cpu = time.perf_counter(), time.process_time()
    tm = TopicModel(random_state=0).fit(fit_part)
    fit_s, fit_cpu = time.perf_counter() - start, time.process_time() - cpu
    start, cpu = time.perf_counter(), time.process_time()
    ids = tm.assign(new_part)
    assign_s, assign_cpu = time.perf_counter() - start, time.process_time() - cpu
    out = {"fit_questions": n_fit, "fit_seconds": round(fit_s, 1), "fit_cpu_seconds": round(fit_cpu, 1),
           "assign_cpu_seconds": round(assign_cpu, 2), "topics": int(tm.topics_.shape[0]),
           "fit_misc_share": round(float((tm.labels_ < 0).mean()), 4),
           "assign_questions": n_assign, "assign_seconds": round(assign_s, 2),
           "assign_misc_share": round(float((ids < 0).mean()), 4)}
    print(f"default vectorizer: fit {n_fit:,} questions in {fit_s:.1f} s wall / {fit_cpu:.1f} s CPU (target < 60 s), "
          f"{out['topics']} topics, misc {out['fit_misc_share']:.1%}; assign {n_assign:,} in {assign_s:.2f} s wall / "
          f"{assign_cpu:.2f} s CPU (target < 5 s), "
          f"misc {out['assign_misc_share']:.1%}", flush=True)
    return out


def _memory_child(n: int, chunk: int) -> None:
    """Run in a fresh process: fit on a sample of n questions, assign all in chunks, report peak RSS."""
    import numpy as np

    from asklens.topics import TopicModel

    questions = _questions(n, 1)
    texts = questions["text"].tolist()
    del questions
    start = time.perf_counter()
    rng = np.random.default_rng(0)
    sample = np.sort(rng.choice(len(texts), size=30_000, replace=False))
    tm = TopicModel(random_state=0).fit([texts[i] for i in sample])
    counts = np.zeros(tm.next_id_ + 1, dtype=np.int64)
    for s in range(0, len(texts), chunk):
        ids = tm.assign(texts[s:s + chunk])
        counts += np.bincount(ids + 1, minlength=counts.size)[: counts.size]
    seconds = time.perf_counter() - start
    peak_gb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 ** 2
    print(json.dumps({"questions": n, "peak_rss_gb": round(peak_gb, 2), "seconds": round(seconds, 1),
                      "misc_share": round(float(counts[0] / len(texts)), 4)}))


def part_memory(n: int, chunk: int) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--memory-child", str(n), "--chunk", str(chunk)],
                          capture_output=True, text=True, check=True)
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"default vectorizer: {n:,} questions (fit on 30,000, assign all in chunks of {chunk:,}): peak memory "
          f"{out['peak_rss_gb']:.2f} GB (target < 4 GB), {out['seconds']:.0f} s, misc {out['misc_share']:.1%}",
          flush=True)
    return out


def part_semantic(n: int, n_month: int, quantize: bool = False) -> dict:
    from asklens.vectorize import SemanticVectorizer

    questions = _questions(n + n_month, 2)
    texts = list(dict.fromkeys(questions["text"].tolist()))  # a question is embedded once, ever
    year, month = texts[: min(n, len(texts) - n_month)], texts[min(n, len(texts) - n_month):]
    with tempfile.TemporaryDirectory() as cache:
        start, cpu = time.perf_counter(), time.process_time()
        vec = SemanticVectorizer(cache_dir=cache, quantize=quantize).fit(year)  # SIF weights: oldest questions
        vec.transform(year)
        year_s, year_cpu = time.perf_counter() - start, time.process_time() - cpu
        # the monthly run fits again on the grown log (as the report does without a saved model): the oldest
        # questions, so the weights and the cached history, are the same; only the new month is embedded
        start = time.perf_counter()
        again = SemanticVectorizer(cache_dir=cache, quantize=quantize).fit(year + month)
        again.transform(year + month)
        month_s = time.perf_counter() - start
        kept = again.model_id_ == vec.model_id_
    out = {"year_distinct_questions": len(year), "year_seconds": round(year_s, 1), "year_cpu_seconds": round(year_cpu, 1),
           "per_second": round(len(year) / year_s, 1), "month_new_questions": len(month),
           "monthly_run_seconds": round(month_s, 1), "weights_kept": kept}
    print(f"semantic (all-MiniLM-L6-v2{', int8' if quantize else ''}, cold cache): {len(year):,} distinct questions in {year_s:.0f} s wall / "
          f"{year_cpu:.0f} s CPU on all threads "
          f"({out['per_second']:.0f}/s; target 30,000 < 300 s); monthly run over {len(year) + len(month):,} "
          f"questions with {len(month):,} new: {month_s:.1f} s (SIF weight table kept: {kept})", flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parts", default="fit,memory,semantic")
    parser.add_argument("--n-fit", type=int, default=100_000)
    parser.add_argument("--n-assign", type=int, default=10_000)
    parser.add_argument("--memory-n", type=int, default=1_000_000)
    parser.add_argument("--chunk", type=int, default=100_000)
    parser.add_argument("--semantic-n", type=int, default=30_000)
    parser.add_argument("--semantic-month", type=int, default=2_500)
    parser.add_argument("--quantize", action="store_true", help="semantic part: int8 dynamic quantization")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if args.memory_child:
        _memory_child(args.memory_child, args.chunk)
        return
    parts = set(args.parts.split(","))
    out = {}
    if "fit" in parts:
        out["fit"] = part_fit(args.n_fit, args.n_assign)
    if "memory" in parts:
        out["memory"] = part_memory(args.memory_n, args.chunk)
    if "semantic" in parts:
        out["semantic"] = part_semantic(args.semantic_n, args.semantic_month, args.quantize)
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
