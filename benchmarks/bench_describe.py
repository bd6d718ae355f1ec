"""Benchmark topic descriptions and recurring-question groups on 100,000 questions.

Rerun: ``python benchmarks/bench_describe.py [N]`` (default N = 100,000). Two inputs:

* ``generator``: ``asklens.generate_questions(N)`` with its true topics (~30);
* ``miami``: the real Miami chat questions (../shared/data) resampled to N with
  perturbations (greetings, thanks, lower case, a reversed word), on 50 topics
  (the 38 intents, the 12 largest split at random in two).

For each it prints wall and CPU seconds of ``describe_topics`` and
``recurring_questions`` (default char n-grams, and with given 384-d vectors), the
number of groups and the peak memory of the process.

Label quality: ``python benchmarks/bench_describe.py --quality [sample|miami|banking77 ...]``
(``--old PATH`` also scores another copy of describe.py on the same fits, for before/after,
e.g. ``git show 584cca1~1:src/asklens/describe.py > /tmp/describe_old.py``).
For each data set it describes (1) the true topics and (2) the topics that
``asklens.TopicModel(random_state=0)`` fits, and prints measures that need no truth:

* ``coverage``: mean over topics of the share of the topic's questions that contain
  every content word of the label's head (up to its ending or a one-letter typo;
  a term in parentheses, which tells two topics apart, is not part of the head;
  "A and B" counts a question with A or with B);
* ``precision``: mean over topics of the share of all questions matching the label
  (its head as for coverage, and its term in parentheses) that are in the topic:
  does the label single the topic out?
* ``f1``: mean over topics of the harmonic mean of the two;
* ``any``: the share of questions with at least one label word (qualifier included);
* ``typo``: share of labels with a misspelt word (a word outside the corpus'
  frequent vocabulary while a one-edit variant is at least 5 times as frequent);
* ``dup``: labels shared by two topics; ``near``: label pairs with the same words
  once generic words (used by a tenth of all questions, e.g. "library") are set
  aside ("Renew Books" / "Renew Library Books"); ``nested``: pairs where one
  label's words are all in the other's ("Wifi" / "Wifi Password": not always bad);
  ``qualified``: nested pairs told apart by a term in parentheses ("Study Room" /
  "Study Room (Spring Break)");
* ``off_kw``: share of labels with a word absent from the topic's top 8 keywords;
* ``one_word``: share of one-word labels; ``seconds``: describe_topics time.

With the fitted topics it also lists each label next to the topic's majority true
topic (and its share), so a reader can judge.
"""

from __future__ import annotations

import importlib.util
import re
import resource
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

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


# --------------------------------------------------------------------------------------
# label quality (independent of describe.py's own heuristics)
# --------------------------------------------------------------------------------------

_WORDS = re.compile(r"[a-z][a-z0-9'\-]*[a-z0-9]|[a-z]")
_LABEL_STOP = {"of", "in", "on", "for", "from", "at", "with", "and", "the", "a", "to", "or"}


def _stem(w: str) -> str:
    """Return the light stem the labels use (printing/printed/prints -> print), so the measure reads words alike."""
    from asklens.describe import _stem as stem

    return stem(w)


def _edits1(w: str) -> set[str]:
    """Deletions of one letter (symmetric-delete keys: two words one edit apart share one)."""
    return {w[:i] + w[i + 1 :] for i in range(len(w))}


class Corpus:
    """Word counts of a corpus: frequent vocabulary, one-edit neighbours, question word sets."""

    def __init__(self, texts: list[str]) -> None:
        self.docs = [set(_WORDS.findall(t.lower())) for t in texts]
        self.df: Counter[str] = Counter(w for d in self.docs for w in d)
        self.freq_floor = max(3, len(texts) // 2000)
        self._keys: dict[str, list[str]] = {}
        for w, c in self.df.items():
            if len(w) >= 3 and c >= self.freq_floor:
                for k in _edits1(w) | {w}:
                    self._keys.setdefault(k, []).append(w)

    def neighbours(self, w: str) -> list[str]:
        out = set()
        for k in _edits1(w) | {w}:
            out.update(self._keys.get(k, ()))
        out.discard(w)
        return sorted(out)

    def is_typo(self, w: str) -> bool:
        """Whether ``w`` is rare while a one-edit variant (not its plural/past form) is 5x as frequent."""
        w = w.lower()
        if len(w) < 3 or not w.isalpha() or self.df[w] >= self.freq_floor:
            return False
        for v in self.neighbours(w):
            if v.startswith(w) or w.startswith(v):  # book/books, print/printed
                continue
            if self.df[v] >= 5 * max(self.df[w], 1):
                return True
        return False

    def matches(self, w: str) -> set[str]:
        """The corpus words that count as ``w``: same stem, or one edit away (words of 4+ letters)."""
        w = w.lower()
        s = _stem(w)
        out = {v for v in self.df if _stem(v) == s} if len(s) >= 3 else {w}
        out.add(w)
        if len(w) >= 4:
            for v in list(out):
                out.update(x for x in self.neighbours(v) if len(x) >= 4)
                out.update(x for k in _edits1(v) for x in self._rare.get(k, ()))
        return out

    @property
    def _rare(self) -> dict[str, list[str]]:
        if not hasattr(self, "_rare_keys"):
            self._rare_keys: dict[str, list[str]] = {}
            for w, c in self.df.items():
                if len(w) >= 4 and c < self.freq_floor:
                    for k in _edits1(w) | {w}:
                        self._rare_keys.setdefault(k, []).append(w)
        return self._rare_keys


def _content(label: str) -> list[str]:
    label = re.sub(r"[()]", " ", label.lower())
    return [w for w in _WORDS.findall(label) if w not in _LABEL_STOP]


def _head(label: str) -> list[list[str]]:
    """Return the label's head as alternatives of word lists: "A and B (C)" -> [[a], [b]], "A B (C)" -> [[a, b]]."""
    head = re.sub(r"\(.*?\)", " ", label.lower())
    parts = [p for p in re.split(r"\s+and\s+", head) if p.strip()] if " and " in head else [head]
    return [_content(p) for p in parts if _content(p)]


def _qualifier(label: str) -> list[str]:
    """Return the content words in parentheses: "Study Room (Spring Break)" -> [spring, break]."""
    return [w for part in re.findall(r"\((.*?)\)", label.lower()) for w in _content(part)]


def label_quality(corpus: Corpus, topic_ids: np.ndarray, desc: pd.DataFrame) -> dict[str, float]:
    """Return the truth-free label measures of ``desc`` (describe_topics output) on ``corpus``."""
    rows = desc[desc["topic_id"] >= 0]
    cover, prec, anyc, typo, off, one = [], [], [], [], [], []
    match_cache: dict[str, set[str]] = {}
    for _, r in rows.iterrows():
        words = _content(r["label"])
        members = np.flatnonzero(topic_ids == r["topic_id"])
        sets = [match_cache.setdefault(w, corpus.matches(w)) for w in words]
        alts = [[match_cache.setdefault(w, corpus.matches(w)) for w in alt] for alt in _head(r["label"])]
        docs = [corpus.docs[i] for i in members]
        qual = [match_cache.setdefault(w, corpus.matches(w)) for w in _qualifier(r["label"])]
        if words and docs:
            hits = np.array([any(all(d & s for s in alt) for alt in alts) for d in corpus.docs])
            cover.append(float(hits[members].mean()))
            if qual:
                hits &= np.array([all(d & s for s in qual) for d in corpus.docs])
            prec.append(float(hits[members].sum() / hits.sum()) if hits.sum() else 0.0)
            anyc.append(np.mean([any(d & s for s in sets) for d in docs]))
        else:
            cover.append(0.0)
            prec.append(0.0)
            anyc.append(0.0)
        typo.append(any(corpus.is_typo(w) for w in words))
        kw = {_stem(x) for k in r["keywords"] for x in _WORDS.findall(k.lower())}
        off.append(any(_stem(w) not in kw for w in words))
        one.append(len(words) == 1)
    stems = [frozenset(_stem(w) for w in _content(lab)) for lab in rows["label"]]
    dup = len(stems) - len(set(rows["label"].str.lower()))
    labels = rows["label"].tolist()
    # generic words: used by a tenth of all questions ("library", "card" in a bank)
    generic = {_stem(w) for w, c in corpus.df.items() if c >= 0.1 * len(corpus.docs)}
    heads = [frozenset(_stem(w) for alt in _head(lab) for w in alt) for lab in labels]
    pairs = [(i, j) for i in range(len(stems)) for j in range(i + 1, len(stems))
             if stems[i] and stems[j] and (stems[i] <= stems[j] or stems[j] <= stems[i])]
    nested = sum(1 for i, j in pairs if "(" not in labels[i] + labels[j])
    near = sum(1 for i in range(len(heads)) for j in range(i + 1, len(heads))
               if "(" not in labels[i] + labels[j] and heads[i] - generic and heads[i] - generic == heads[j] - generic)
    qualified = sum(1 for i, j in pairs if "(" in labels[i] + labels[j])
    f1 = [2 * c * p / (c + p) if c + p else 0.0 for c, p in zip(cover, prec)]
    return {"topics": len(rows), "coverage": float(np.mean(cover)), "precision": float(np.mean(prec)),
            "f1": float(np.mean(f1)), "any": float(np.mean(anyc)),
            "typo": float(np.mean(typo)), "dup": dup, "near": near, "nested": nested, "qualified": qualified, "off_kw": float(np.mean(off)),
            "one_word": float(np.mean(one))}


def _load(name: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Return scrubbed texts, true topic codes and the true topic names of a benchmark data set."""
    from asklens.privacy import scrub_text

    if name == "sample":
        q = generate_questions(random_state=0, pii=False)[0]
        texts, truth = q["text"].tolist(), q["true_topic"]
    elif name == "miami":
        d = pd.read_csv(SHARED / "libchat-miami" / "questions_2023_2024.csv").dropna(subset=["utterance"])
        texts, truth = [scrub_text(t)[0] for t in d["utterance"]], d["intent"]
    elif name == "banking77":
        d = pd.read_csv(SHARED / "banking77" / "test.csv")
        texts, truth = [scrub_text(t)[0] for t in d["text"]], d["category"]
    else:
        raise SystemExit(f"unknown data set {name!r}")
    codes, names = pd.factorize(pd.Series(truth).astype(str), sort=True)
    return texts, codes, np.asarray(names)


def quality(names: list[str], describers: dict[str, Any]) -> None:
    import asklens

    for name in names:
        texts, codes, truth_names = _load(name)
        corpus = Corpus(texts)
        model = asklens.TopicModel(random_state=0).fit(texts)
        fitted = np.asarray(model.labels_)
        for (kind, ids), (version, describe) in [(k, v) for k in (("truth", codes), ("fitted", fitted))
                                                  for v in describers.items()]:
            describe(texts[:50], ids[:50])  # warm up
            wall = time.perf_counter()
            desc = describe(texts, ids)
            secs = time.perf_counter() - wall
            m = label_quality(corpus, ids, desc)
            print(f"{name:9s} {kind:6s} {version:6s} " + "  ".join(
                f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}" for k, v in m.items()) + f"  seconds {secs:.2f}")
            if kind == "truth":
                for _, r in desc.iterrows():
                    print(f"    {truth_names[r['topic_id']]:34s} {r['label']:32s} {', '.join(r['keywords'][:6])}")
            else:
                for _, r in desc[desc["topic_id"] >= 0].iterrows():
                    members = codes[fitted == r["topic_id"]]
                    top = np.bincount(members).argmax()
                    share = float(np.mean(members == top))
                    print(f"    {r['topic_id']:3d} {r['size']:5d} {r['label']:32s} <- {truth_names[top]} ({share:.0%})"
                          f"   [{', '.join(r['keywords'][:5])}]")


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
    args = sys.argv[1:]
    if "--quality" in args:
        args.remove("--quality")
        describers = {"new": describe_topics}
        if "--old" in args:
            i = args.index("--old")
            spec = importlib.util.spec_from_file_location("describe_old", args[i + 1])
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            describers = {"old": mod.describe_topics, "new": describe_topics}
            del args[i : i + 2]
        quality(args or ["sample", "miami", "banking77"], describers)
    else:
        main(int(args[0]) if args else 100_000)
