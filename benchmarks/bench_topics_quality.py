"""Topic quality without being told k, and topic-id stability across months.

Quality: fits topics on the labelled sets in ../shared/data (Banking77 test, LibChat Miami)
exactly as ``asklens evaluate`` does (texts scrubbed first, the number of topics found from
the data) and prints NMI, ARI, Hungarian accuracy, topics found, miscellaneous share and
seconds next to the targets of issue 3.

Stability: on the sample workspace (data/sample), fit on the first 12 months, ``update``
month by month to month 24, then ``refit`` on all 24 months and count the questions whose
topic id survives the refit (target >= 90%).

Run (semantic embeddings are cached under $ASKLENS_CACHE_DIR, so reruns are fast)::

    python benchmarks/bench_topics_quality.py                       # all backends, both sets, stability
    python benchmarks/bench_topics_quality.py --backends tfidf --no-stability
    python benchmarks/bench_topics_quality.py --no-scrub            # skip scrubbing (public sets only)
    python benchmarks/bench_topics_quality.py --no-stability --max-topics none,50,40,30   # the max_topics option
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"

TARGETS = {  # (dataset, backend) -> (min NMI, min ARI or None)
    ("banking77", "semantic"): (0.82, 0.55),
    ("libchat-miami", "semantic"): (0.50, 0.20),
    ("banking77", "tfidf"): (0.65, None),
    ("libchat-miami", "tfidf"): (0.32, None),
}
MAX_MISC = 0.05


def load(name: str) -> tuple[list[str], np.ndarray]:
    """Return the texts and labels of a labelled set (empty texts dropped)."""
    if name == "banking77":
        frame = pd.read_csv(DATA / "banking77" / "test.csv", dtype=str, keep_default_na=False)
        text, label = "text", "category"
    else:
        frame = pd.read_csv(DATA / "libchat-miami" / "questions_2023_2024.csv", dtype=str, keep_default_na=False)
        text, label = "utterance", "intent"
    frame = frame[frame[text].str.strip() != ""]
    return frame[text].tolist(), frame[label].to_numpy()


def scrubbed(texts: list[str]) -> list[str]:
    from asklens.privacy import scrub_text

    return [scrub_text(t)[0] for t in texts]


def _evaluate(texts: list[str], labels, *, backend: str, random_state: int, max_topics: int | None) -> dict:
    """Score topics as ``asklens evaluate`` does, with ``TopicModel(max_topics=...)`` when a cap is given."""
    from asklens.evaluate import clustering_scores, evaluate_topics
    from asklens.topics import TopicModel

    if max_topics is None:
        return evaluate_topics(texts, labels, backend=backend, random_state=random_state)
    start = time.perf_counter()  # the same steps as evaluate_topics, plus the cap
    topics = TopicModel(backend=backend, max_topics=max_topics, random_state=random_state).fit(texts).labels_
    scores = clustering_scores(np.asarray(labels), topics)
    scores.update({"seconds": round(time.perf_counter() - start, 2), "n_questions": len(texts), "backend": backend})
    return scores


def quality(backends: list[str], datasets: list[str], scrub: bool, random_state: int,
            caps: list[int | None] = (None,)) -> list[dict]:
    rows = []
    for name in datasets:
        texts, labels = load(name)
        if scrub:
            start = time.perf_counter()
            texts = scrubbed(texts)
            print(f"# scrubbed {name} in {time.perf_counter() - start:.0f} s", file=sys.stderr)
        for backend, cap in [(b, c) for b in backends for c in caps]:
            scores = _evaluate(texts, labels, backend=backend, random_state=random_state, max_topics=cap)
            nmi_min, ari_min = TARGETS.get((name, backend), (None, None))
            ok = ((nmi_min is None or scores["nmi"] >= nmi_min) and (ari_min is None or scores["ari"] >= ari_min)
                  and scores["misc_share"] <= MAX_MISC)
            target = "-" if nmi_min is None else f"NMI>={nmi_min}" + (f", ARI>={ari_min}" if ari_min else "")
            rows.append({"data": name, "backend": backend, "max_topics": cap, **{k: scores[k] for k in (
                "nmi", "ari", "accuracy", "n_topics", "n_labels", "misc_share", "seconds", "n_questions")},
                "target": target, "met": ok if nmi_min is not None else None})
            print(_row(rows[-1]), flush=True)
    return rows


def _row(r: dict) -> str:
    met = {True: "MET", False: "MISSED", None: ""}[r["met"]]
    cap = "" if r.get("max_topics") is None else f" max_topics {r['max_topics']}"
    return (f"{r['data']:<14} {r['backend']:<9}{cap} NMI {r['nmi']:.3f}  ARI {r['ari']:.3f}  acc {r['accuracy']:.3f}  "
            f"topics {r['n_topics']:>4} (labels {r['n_labels']})  misc {r['misc_share']:.1%}  "
            f"{r['seconds']:.1f} s   target {r['target']} {met}")


def stability(backend: str, random_state: int, max_topics: int | None = None) -> dict:
    """Fit on months 1-12, update monthly to 24, refit on all: share of questions keeping their id."""
    import asklens
    from asklens.topics import TopicModel

    questions = asklens.read_questions([ROOT / "data" / "sample" / "questions"])
    months = questions["asked_at"].dt.strftime("%Y-%m")
    order = sorted(months.unique())
    first, rest = order[:12], order[12:24]
    tm = TopicModel(backend=backend, max_topics=max_topics, random_state=random_state)
    start = time.perf_counter()
    tm.fit(questions[months.isin(first)])
    n0 = tm.topics_.shape[0]
    misc_updates = []
    for month in rest:
        ids = tm.update(questions[months == month])
        misc_updates.append(float(np.mean(ids < 0)))
    everything = questions[months.isin(first + rest)]
    before = tm.assign(everything)
    tm.refit(everything)
    after = tm.labels_
    seconds = time.perf_counter() - start
    lineage = tm.lineage_["event"].value_counts().to_dict()
    result = {
        "backend": backend, "max_topics": max_topics, "questions": int(len(everything)), "topics_after_fit": int(n0),
        "topics_after_updates": int(pd.Series(before[before >= 0]).nunique()),
        "topics_after_refit": int(tm.topics_.shape[0]),
        "kept_id_share": float(np.mean(before == after)),
        "max_update_misc_share": max(misc_updates) if misc_updates else 0.0,
        "refit_misc_share": float(np.mean(after < 0)),
        "lineage_events": {k: int(v) for k, v in lineage.items()},
        "seconds": round(seconds, 1),
    }
    cap = "" if max_topics is None else f" (max_topics {max_topics})"
    print(f"stability {backend}{cap}: {result['kept_id_share']:.1%} of {result['questions']} questions keep their "
          f"topic id across the refit (target >= 90%); topics {n0} -> {result['topics_after_updates']} after "
          f"updates -> {result['topics_after_refit']} after refit; max misc in an update "
          f"{result['max_update_misc_share']:.1%}; refit misc {result['refit_misc_share']:.1%}; "
          f"lineage {result['lineage_events']}; {seconds:.0f} s", flush=True)
    return result


def generated(backends: list[str], random_state: int, caps: list[int | None] = (None,)) -> list[dict]:
    """Quality on the sample workspace's questions as generated (30 true topics, no PII planted)."""
    from asklens.datasets import generate_questions

    questions, _, _ = generate_questions(random_state=0, pii=False)
    rows = []
    for backend, cap in [(b, c) for b in backends for c in caps]:
        s = _evaluate(questions["text"].tolist(), questions["true_topic"], backend=backend,
                      random_state=random_state, max_topics=cap)
        rows.append({"backend": backend, "max_topics": cap, **s})
        tag = "" if cap is None else f" max_topics {cap}"
        print(f"generated sample questions ({s['n_questions']}, {s['n_labels']} true topics) {backend:<9}{tag} "
              f"NMI {s['nmi']:.3f}  ARI {s['ari']:.3f}  acc {s['accuracy']:.3f}  topics {s['n_topics']}  "
              f"misc {s['misc_share']:.1%}  {s['seconds']:.1f} s", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backends", default="tfidf,semantic", help="comma-separated backends")
    parser.add_argument("--datasets", default="banking77,libchat-miami", help="comma-separated data sets")
    parser.add_argument("--no-scrub", action="store_true", help="skip scrubbing (public data sets only)")
    parser.add_argument("--no-quality", action="store_true")
    parser.add_argument("--no-stability", action="store_true")
    parser.add_argument("--random-state", type=int, default=0)
    parser.add_argument("--max-topics", default="none",
                        help="comma-separated TopicModel max_topics values to score ('none' = no cap, the default)")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args()
    backends = [b for b in args.backends.split(",") if b]
    caps = [None if c.strip().lower() == "none" else int(c) for c in args.max_topics.split(",") if c.strip()]
    out: dict = {}
    if not args.no_quality:
        out["quality"] = quality(backends, [d for d in args.datasets.split(",") if d], not args.no_scrub,
                                 args.random_state, caps)
    if not args.no_quality:
        out["generated"] = generated(backends, args.random_state, caps)
    if not args.no_stability:
        out["stability"] = [stability(b, args.random_state, c) for b in backends for c in caps]
    if args.json:
        args.json.write_text(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
