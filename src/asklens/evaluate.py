"""Measure how well topics match known labels: NMI, ARI, Hungarian accuracy.

:func:`evaluate_topics` fits a :class:`~asklens.topics.TopicModel` on labelled
questions (the number of topics found from the data unless ``n_topics`` is given)
and compares the topics with the labels; :func:`clustering_scores` compares any two
labelings. Questions in the miscellaneous bucket (topic ``-1``) count as one more
cluster for NMI and ARI and as wrong for the accuracy.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

__all__ = ["evaluate_topics", "clustering_scores", "hungarian_accuracy"]


def hungarian_accuracy(labels: Sequence, topics: Sequence[int]) -> float:
    """Return the share of questions whose topic maps to their label under the best one-to-one matching.

    Topic ``-1`` (miscellaneous) is never matched, so its questions count as wrong.

    Examples
    --------
    >>> hungarian_accuracy(["a", "a", "b", "b"], [1, 1, 0, -1])
    0.75
    """
    labels = np.asarray(labels)
    topics = np.asarray(topics)
    if labels.shape[0] != topics.shape[0]:
        raise ValueError(f"labels and topics differ in length: {labels.shape[0]} != {topics.shape[0]}")
    if labels.shape[0] == 0:
        return float("nan")
    _, y = np.unique(labels, return_inverse=True)
    keep = topics >= 0
    if not keep.any():
        return 0.0
    t_values, t = np.unique(topics[keep], return_inverse=True)
    table = np.zeros((t_values.shape[0], y.max() + 1), dtype=np.int64)
    np.add.at(table, (t, y[keep]), 1)
    rows, cols = linear_sum_assignment(table, maximize=True)
    return float(table[rows, cols].sum() / labels.shape[0])


def clustering_scores(labels: Sequence, topics: Sequence[int]) -> dict[str, float]:
    """Return NMI, ARI, Hungarian accuracy, topic count and miscellaneous share of ``topics`` against ``labels``.

    Examples
    --------
    >>> s = clustering_scores(["a", "a", "b", "b"], [0, 0, 1, 1])
    >>> s["nmi"], s["ari"], s["accuracy"], s["n_topics"], s["misc_share"]
    (1.0, 1.0, 1.0, 2, 0.0)
    """
    labels = np.asarray(labels)
    topics = np.asarray(topics, dtype=np.int64)
    return {
        "nmi": float(normalized_mutual_info_score(labels, topics)),
        "ari": float(adjusted_rand_score(labels, topics)),
        "accuracy": hungarian_accuracy(labels, topics),
        "n_topics": int(np.unique(topics[topics >= 0]).shape[0]),
        "n_labels": int(np.unique(labels).shape[0]),
        "misc_share": float(np.mean(topics < 0)) if topics.shape[0] else 0.0,
    }


def evaluate_topics(
    texts: Sequence[str],
    labels: Sequence,
    *,
    backend: str = "tfidf",
    n_topics: int | None = None,
    random_state: int = 0,
    model: str | None = None,
    cache_dir: str | None = None,
) -> dict[str, float | int | str]:
    """Fit topics on labelled questions and score them against the labels.

    Parameters
    ----------
    texts : sequence of str
        The questions (already scrubbed).
    labels : sequence
        The true intent of each question.
    backend : {"tfidf", "semantic", "hybrid"}, default "tfidf"
        The vectorizer backend.
    n_topics : int, optional
        Force this many topics; by default the number is found from the data.
    random_state : int, default 0
        Seed of every random step.
    model : str, optional
        Sentence model name or local folder for the semantic backends.
    cache_dir : str, optional
        Embedding cache folder for the semantic backends.

    Returns
    -------
    dict
        ``nmi``, ``ari``, ``accuracy`` (Hungarian), ``n_topics`` (found), ``n_labels``,
        ``misc_share``, ``seconds`` (fit time), ``n_questions``, ``backend``.

    Examples
    --------
    >>> texts = ["renew my book", "renew a book online", "print a poster", "print in colour"] * 5
    >>> labels = ["renew", "renew", "print", "print"] * 5
    >>> evaluate_topics(texts, labels)["nmi"] > 0.5
    True
    """
    from asklens.topics import TopicModel

    texts = list(texts)
    labels = np.asarray(labels)
    if len(texts) != labels.shape[0]:
        raise ValueError(f"texts and labels differ in length: {len(texts)} != {labels.shape[0]}")
    start = time.perf_counter()
    tm = TopicModel(backend=backend, model=model, n_topics=n_topics, random_state=random_state, cache_dir=cache_dir)
    topics = tm.fit(texts).labels_
    seconds = time.perf_counter() - start
    scores = clustering_scores(labels, topics)
    scores.update({"seconds": round(seconds, 2), "n_questions": len(texts), "backend": backend})
    return scores
