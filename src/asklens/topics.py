"""Find the topics people ask about and keep each topic's identity from month to month.

:class:`TopicModel` follows the scikit-learn conventions (``__init__`` stores its
arguments, ``fit`` returns ``self``, learned state ends in ``_``, ``random_state``
everywhere). It

- focuses each question on its request (:mod:`asklens.focus`), vectorizes it
  (:mod:`asklens.vectorize`) and finds the number of topics from the data
  (see :func:`find_clusters`); an optional ``n_topics`` still works;
- gives every question a topic; only questions far from every topic go to the
  explicit miscellaneous bucket ``-1`` (a few percent at most);
- ``assign`` new questions to known topics; ``update`` with a new month (assign,
  and open new topics for new dense groups among the unassigned);
- ``refit`` on all the data while keeping topic ids (new clusters are matched to
  the old topics by their shared questions); every topic records ``first_seen``,
  ``last_seen`` and its lineage (born, merged, split, retired); ids are never reused;
- applies staff curation from a plain TOML file (rename, merge, split by keyword,
  pin, ignore) on every run, so it survives refits;
- ``save`` / ``load`` (joblib + JSON metadata); a loaded model gives identical answers.

The curation file (``topics.toml`` in the workspace) looks like this::

    pin = [3, 12]            # never retired or merged away by a refit
    ignore = [17]            # kept, but marked "ignored" (reports leave it out)

    [rename]
    4 = "Printing and scanning"

    [[merge]]
    topics = [9, 21]         # 21 goes into 9
    label = "Room booking"   # optional

    [[split]]
    topic = 4
    keywords = ["poster", "plotter"]
    label = "Poster printing" # questions of topic 4 naming a keyword get their own topic
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.utils import check_random_state
from sklearn.utils.validation import check_is_fitted

from asklens.errors import ConfigError, InputError
from asklens.focus import focus_texts
from asklens.vectorize import SemanticVectorizer, make_vectorizer

__all__ = ["TopicModel", "find_clusters", "load_curation", "TOPIC_COLUMNS"]

logger = logging.getLogger(__name__)

MISC = -1
TOPIC_COLUMNS = ["topic_id", "label", "keywords", "size", "examples", "first_seen", "last_seen", "status", "pinned"]
_CHUNK = 20_000
_DESCRIBE_MAX = 20_000


# --------------------------------------------------------------------------------------
# clustering with the number of clusters found from the data
# --------------------------------------------------------------------------------------
def _knn(X: np.ndarray, k: int, *, chunk: int = 4096) -> tuple[np.ndarray, np.ndarray]:
    """Return the indices and cosine similarities of the ``k`` nearest neighbours of each row (self excluded)."""
    n = X.shape[0]
    k = max(1, min(k, n - 1))
    idx = np.empty((n, k), dtype=np.int64)
    sim = np.empty((n, k), dtype=np.float32)
    for start in range(0, n, chunk):
        S = X[start:start + chunk] @ X.T
        rows = np.arange(S.shape[0])
        S[rows, rows + start] = -np.inf
        part = np.argpartition(-S, k - 1, axis=1)[:, :k]
        ps = np.take_along_axis(S, part, axis=1)
        order = np.argsort(-ps, axis=1, kind="stable")
        idx[start:start + chunk] = np.take_along_axis(part, order, axis=1)
        sim[start:start + chunk] = np.take_along_axis(ps, order, axis=1)
    return idx, sim


def _normalize(X: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(X, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (X / norms).astype(np.float32)


def _centroids(X: np.ndarray, labels: np.ndarray, n: int) -> np.ndarray:
    C = np.zeros((n, X.shape[1]), dtype=np.float64)
    np.add.at(C, labels, X)
    return _normalize(C)


def _distinct_rows(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return the first position of each distinct row (to 4 decimals) and how many rows are that row."""
    rows = np.ascontiguousarray(np.round(X, 4))
    keys = rows.view(np.dtype((np.void, rows.dtype.itemsize * rows.shape[1]))).ravel()
    _, first, copies = np.unique(keys, return_index=True, return_counts=True)
    return first, copies


def _smooth(X: np.ndarray, *, k: int = 10, weight: float = 0.5) -> np.ndarray:
    """Pull each vector halfway towards the mean of its ``k`` nearest neighbours (denoises short texts)."""
    if X.shape[0] <= 2:
        return X
    idx, _ = _knn(X, k)
    return _normalize((1.0 - weight) * X + weight * X[idx].mean(axis=1))


def _ward_cut(X: np.ndarray, Z: np.ndarray, *, cohesion: float, neighbours: int = 10) -> int:
    """Return the number of clusters where the Ward tree's clusters become cohesive enough.

    The cohesion of a cluster is the mean cosine between its members; the weighted
    mean over clusters starts at 1 (singletons) and falls as the tree merges. The
    cut is the coarsest one whose weighted cohesion is still at least
    ``pair + cohesion * (near - pair)``, where ``pair`` is the mean cosine between
    any two distinct questions and ``near`` the median cosine of a question to its
    ``neighbours``-th nearest distinct neighbour: a scale set by the data itself,
    not by any labels.
    """
    n = X.shape[0]
    distinct = np.round(X[np.sort(_distinct_rows(X)[0])], 4)
    m = distinct.shape[0]
    total = distinct.sum(axis=0, dtype=np.float64)
    pair = float((total @ total - m) / max(1, m * (m - 1)))
    if m > 2:
        _, nn = _knn(distinct, min(neighbours, m - 1))
        near = float(np.median(nn[:, -1]))
    else:
        near = 1.0
    tau = pair + cohesion * (near - pair)
    sums = np.zeros((2 * n - 1, X.shape[1]), dtype=np.float64)
    sums[:n] = X
    size = np.ones(2 * n - 1)
    contrib = np.ones(2 * n - 1)  # size * cohesion of each node; singletons count 1
    acc = float(n)  # sum of size * cohesion over the current clusters
    best = n
    for i in range(n - 1):
        a, b = int(Z[i, 0]), int(Z[i, 1])
        v = n + i
        sums[v] = sums[a] + sums[b]
        size[v] = size[a] + size[b]
        contrib[v] = (sums[v] @ sums[v] - size[v]) / (size[v] - 1)
        acc += contrib[v] - contrib[a] - contrib[b]
        if acc / n >= tau:
            best = n - 1 - i  # clusters left after this merge
        else:
            break
    return best


def _oldest_rows(n: int, periods: Sequence[str | None] | None, size: int) -> list[int]:
    """Return the positions of the ``size`` oldest rows (by period, then position; undated rows last), in order."""
    if periods is None:
        return list(range(min(n, size)))
    order = sorted(range(n), key=lambda i: (periods[i] is None, periods[i] or "", i))
    return sorted(order[:size])


def _cluster_vectors(
    X: np.ndarray,
    *,
    n_clusters: int | None,
    random_state: int | np.random.RandomState | None,
    max_tree_size: int = 5000,
    cohesion: float = 0.8,
    refine: int = 0,
    max_clusters: int | None = None,
) -> np.ndarray:
    """Return cluster labels of ``X`` (any numbering); see :func:`find_clusters`."""
    from scipy.cluster.hierarchy import fcluster, linkage

    n = X.shape[0]
    rng = check_random_state(random_state)
    # the tree is built on distinct wordings: a question asked a hundred times in the same words is one
    # point, so repeats neither shape the tree (Ward's cost grows with cluster size, so a wording repeated
    # often stays apart while a rarer way of asking something else is merged into a mixed topic) nor
    # fill the tree's sample
    first, copies = _distinct_rows(X)
    distinct = np.sort(first)
    weight = np.empty(n)
    weight[first] = copies
    if distinct.shape[0] > max_tree_size:
        tree_rows = np.sort(rng.choice(distinct, size=max_tree_size, replace=False))
    else:
        tree_rows = distinct
    Xt = X[tree_rows]
    m = Xt.shape[0]
    Z = linkage(_smooth(Xt).astype(np.float64), method="ward")
    if n_clusters is None:
        k = _ward_cut(Xt, Z, cohesion=cohesion)
        root = np.sqrt(m)
        k = int(np.clip(k, 2, max(2, round(2 * root))))
        if max_clusters is not None:
            k = min(k, int(max_clusters))
    else:
        k = int(n_clusters)
    k = int(max(1, min(k, m)))
    tree_labels = fcluster(Z, k, criterion="maxclust") - 1
    # centroids of the (unsmoothed) vectors, each wording counted as often as it was asked; every row
    # goes to its nearest centroid
    C = _centroids(Xt * weight[tree_rows, None], tree_labels, int(tree_labels.max()) + 1)
    for _ in range(refine):  # a few spherical k-means steps polish the cut
        lab = (Xt @ C.T).argmax(axis=1)
        C_new = _centroids(Xt, lab, C.shape[0])
        empty = np.bincount(lab, minlength=C.shape[0]) == 0
        C_new[empty] = C[empty]
        C = C_new
    labels = np.empty(n, dtype=np.int64)
    for s in range(0, n, _CHUNK):
        labels[s:s + _CHUNK] = (X[s:s + _CHUNK] @ C.T).argmax(axis=1)
    return labels


def find_clusters(
    X: np.ndarray,
    *,
    n_clusters: int | None = None,
    max_clusters: int | None = None,
    random_state: int | np.random.RandomState | None = 0,
) -> np.ndarray:
    """Cluster L2-normalised rows, finding the number of clusters from the data unless given.

    A Ward tree is built on the distinct rows (a question repeated word for word is one
    point; at most 5,000 of them, drawn at random), each pulled halfway towards its 10
    nearest neighbours; it is cut where the clusters stop being cohesive enough (see
    ``_ward_cut``), at no more than 2·√m clusters for m points; every row then goes to
    the nearest centroid, repeats counted.

    Parameters
    ----------
    X : ndarray of shape (n, d)
        L2-normalised vectors.
    n_clusters : int, optional
        Force this many clusters.
    max_clusters : int, optional
        When the number is found from the data, cut the tree at no more than this
        many clusters (ignored when ``n_clusters`` is given).
    random_state : int, default 0
        Seed of every random step.

    Returns
    -------
    ndarray of int
        Cluster index per row, ``0 … k-1``, numbered by decreasing size.
    """
    labels = _cluster_vectors(np.asarray(X, dtype=np.float32), n_clusters=n_clusters, random_state=random_state,
                              max_clusters=max_clusters)
    # number by decreasing size (ties by first occurrence) so ids do not depend on internal order
    values, first, counts = np.unique(labels, return_index=True, return_counts=True)
    order = np.lexsort((first, -counts))
    remap = np.empty(values.max() + 1, dtype=np.int64)
    remap[values[order]] = np.arange(order.shape[0])
    return remap[labels]


# --------------------------------------------------------------------------------------
# curation
# --------------------------------------------------------------------------------------
_CURATION_KEYS = {"pin", "ignore", "rename", "merge", "split"}


def load_curation(source: str | os.PathLike[str] | Mapping[str, Any] | None) -> dict[str, Any]:
    """Read and check a curation file (TOML) or mapping; return it in a normal form.

    Parameters
    ----------
    source : path, mapping or None
        The ``topics.toml`` file, an already parsed mapping, or ``None`` (no curation).
        A missing file means no curation.

    Returns
    -------
    dict
        ``pin`` (list of int), ``ignore`` (list of int), ``rename`` (dict int → str),
        ``merge`` (list of {topics, label}), ``split`` (list of {topic, keywords, label}).
    """
    out: dict[str, Any] = {"pin": [], "ignore": [], "rename": {}, "merge": [], "split": []}
    if source is None:
        return out
    path = None
    if isinstance(source, Mapping):
        data = dict(source)
    else:
        path = Path(source)
        if not path.exists():
            return out
        import tomllib

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"the curation file is not valid TOML: {exc}", path=path,
                              fix="fix the syntax (see the example in asklens.topics)") from None

    def bad(what: str, fix: str) -> ConfigError:
        return ConfigError(what, path=path, fix=fix)

    unknown = set(data) - _CURATION_KEYS
    if unknown:
        raise bad(f"unknown curation key(s) {sorted(unknown)}", "use only pin, ignore, rename, merge, split")

    def topic_id(value: Any, where: str) -> int:
        try:
            if isinstance(value, bool):
                raise ValueError
            return int(value)
        except (TypeError, ValueError):
            raise bad(f"{where}: {value!r} is not a topic id", "write topic ids as whole numbers") from None

    for key in ("pin", "ignore"):
        values = data.get(key, [])
        if not isinstance(values, list):
            raise bad(f"{key} must be a list of topic ids, got {values!r}", f"write {key} = [3, 12]")
        out[key] = [topic_id(v, key) for v in values]
    rename = data.get("rename", {})
    if not isinstance(rename, Mapping):
        raise bad(f"rename must be a table, got {rename!r}", 'write [rename] then lines like 4 = "Printing"')
    out["rename"] = {topic_id(k, "rename"): str(v) for k, v in rename.items()}
    for i, entry in enumerate(data.get("merge", [])):
        if not isinstance(entry, Mapping) or not isinstance(entry.get("topics"), list) or len(entry["topics"]) < 2:
            raise bad(f"merge entry {i + 1} needs topics = [a, b, ...] (two or more ids)",
                      "write [[merge]] then topics = [9, 21]")
        out["merge"].append({"topics": [topic_id(t, "merge") for t in entry["topics"]],
                             "label": entry.get("label")})
    for i, entry in enumerate(data.get("split", [])):
        if not isinstance(entry, Mapping) or "topic" not in entry or not entry.get("keywords"):
            raise bad(f"split entry {i + 1} needs topic = N and keywords = [...]",
                      'write [[split]] then topic = 4 and keywords = ["poster"]')
        keywords = entry["keywords"]
        if isinstance(keywords, str):
            keywords = [keywords]
        out["split"].append({"topic": topic_id(entry["topic"], "split"),
                             "keywords": sorted(str(k).lower() for k in keywords),
                             "label": entry.get("label")})
    return out


# --------------------------------------------------------------------------------------
# the model
# --------------------------------------------------------------------------------------
def _period(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return None
    ts = pd.Timestamp(value)
    return None if pd.isna(ts) else ts.strftime("%Y-%m")


class TopicModel(BaseEstimator):
    """Find topics in questions, assign new questions, and keep topic ids stable over time.

    Parameters
    ----------
    backend : {"tfidf", "semantic", "hybrid"}, default "tfidf"
        Vectorizer backend (see :func:`asklens.vectorize.make_vectorizer`).
    model : str, optional
        Sentence model name or local folder for the semantic backends.
    n_topics : int, optional
        Force this many topics; by default the number is found from the data.
    max_topics : int, optional
        The most topics a monthly report shows; finer detail lives in the recurring
        questions. When the number of topics is found from the data, ``fit`` and
        ``refit`` cut the topic tree at no more than this many (``n_topics`` wins when
        given; ``update`` may still open new topics for a new month). Default: no limit.
    random_state : int, default 0
        Seed of every random step; the same data and seed give identical topics.
    focus : bool, default True
        Strip greetings, thanks and boilerplate before vectorizing (:func:`asklens.focus.focus_text`).
    misc_quantile : float, default 0.01
        Questions less similar to their topic than this share of the training
        questions are miscellaneous; new questions below that similarity too.
    max_misc_share : float, default 0.05
        ``update`` never leaves more than this share of a batch in miscellaneous.
    min_topic_size : int, optional
        Smallest new topic ``update`` opens (default: 5, or 0.5% of the fitted
        questions when that is larger, at most 30).
    max_fit_size : int, default 20000
        Fit on a random sample of at most this many questions and assign the rest.
    curation : path or mapping, optional
        Staff curation (a ``topics.toml`` file or a mapping), applied on every run.
    cache_dir : str, optional
        Embedding cache folder for the semantic backends.
    text_col, time_col, id_col : str
        Column names when a questions DataFrame is given.

    Attributes
    ----------
    labels_ : ndarray of int
        Topic id of each fitted question (-1 = miscellaneous).
    topics_ : DataFrame
        One row per live topic: ``topic_id, label, keywords, size`` (questions given
        the topic by fit and the updates since), ``examples, first_seen, last_seen``
        (``YYYY-MM``, when the questions carry ``asked_at``), ``status`` ("active" or
        "ignored") and ``pinned``. Labels, keywords and examples come from
        :func:`asklens.describe.describe_topics`; curation renames win.
    lineage_ : DataFrame
        Events ``topic_id, event, related, period`` (born, merged, split, retired, ...).

    Examples
    --------
    >>> texts = ["renew my book", "can I renew a book", "renew books online",
    ...          "print a poster", "where can I print", "printing in colour"] * 4
    >>> tm = TopicModel(random_state=0).fit(texts)
    >>> bool(tm.assign(["how do I renew a book"])[0] == tm.labels_[0])
    True
    """

    def __init__(
        self,
        *,
        backend: str = "tfidf",
        model: str | None = None,
        n_topics: int | None = None,
        max_topics: int | None = None,
        random_state: int = 0,
        focus: bool = True,
        misc_quantile: float = 0.01,
        max_misc_share: float = 0.05,
        min_topic_size: int | None = None,
        max_fit_size: int = 20_000,
        curation: str | os.PathLike[str] | Mapping[str, Any] | None = None,
        cache_dir: str | None = None,
        text_col: str = "text",
        time_col: str = "asked_at",
        id_col: str = "question_id",
    ) -> None:
        self.backend = backend
        self.model = model
        self.n_topics = n_topics
        self.max_topics = max_topics
        self.random_state = random_state
        self.focus = focus
        self.misc_quantile = misc_quantile
        self.max_misc_share = max_misc_share
        self.min_topic_size = min_topic_size
        self.max_fit_size = max_fit_size
        self.curation = curation
        self.cache_dir = cache_dir
        self.text_col = text_col
        self.time_col = time_col
        self.id_col = id_col

    @classmethod
    def from_config(cls, config: Any) -> "TopicModel":
        """Return an unfitted model set up from a workspace :class:`~asklens.config.Config`.

        Uses ``[topics]`` backend, model, n_topics, max_topics, random_state, max_misc_share and
        curation_file (resolved against the workspace), and ``[workspace]`` cache_dir
        for the embedding cache.

        Examples
        --------
        >>> from asklens.config import Config
        >>> TopicModel.from_config(Config()).backend
        'tfidf'
        """
        topics = config.topics
        return cls(
            backend=topics.backend,
            model=topics.model or None,
            n_topics=topics.n_topics,
            max_topics=topics.max_topics,
            random_state=topics.random_state,
            max_misc_share=topics.max_misc_share,
            curation=str(config.resolve(topics.curation_file)) if topics.curation_file else None,
            cache_dir=str(config.resolve(config.workspace.cache_dir)),
        )

    # ---------------------------------------------------------------- input handling
    def _unpack(self, questions: Any) -> tuple[list[str], list[str | None] | None]:
        """Return the texts and, when known, the month (``YYYY-MM``) of each question."""
        if isinstance(questions, pd.DataFrame):
            if self.text_col not in questions.columns:
                raise InputError(f"the questions have no {self.text_col!r} column", column=self.text_col,
                                 fix="pass a canonical question log or set text_col")
            texts = ["" if pd.isna(t) else str(t) for t in questions[self.text_col].tolist()]
            periods = None
            if self.time_col in questions.columns:
                times = pd.to_datetime(questions[self.time_col], errors="coerce", utc=True)
                periods = [None if pd.isna(t) else t.strftime("%Y-%m") for t in times]
            return texts, periods
        if isinstance(questions, str):
            raise InputError("questions must be a DataFrame or a list of texts, not one string",
                             fix="wrap the text in a list")
        if isinstance(questions, pd.Series):
            questions = questions.tolist()
        return ["" if t is None or (isinstance(t, float) and np.isnan(t)) else str(t) for t in questions], None

    def _prepare(self, texts: Sequence[str]) -> list[str]:
        return focus_texts(texts) if self.focus else list(texts)

    def _vectorize(self, texts: Sequence[str]) -> np.ndarray:
        prepared = self._prepare(texts)
        parts = [self.vectorizer_.transform(prepared[s:s + _CHUNK]) for s in range(0, len(prepared), _CHUNK)]
        if not parts:
            return np.zeros((0, self.centroids_.shape[1]), dtype=np.float32)
        return np.vstack(parts).astype(np.float32)

    def _nearest(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Return the row of the nearest centroid and its similarity, chunk by chunk."""
        rows = np.empty(X.shape[0], dtype=np.int64)
        sims = np.empty(X.shape[0], dtype=np.float32)
        for s in range(0, X.shape[0], _CHUNK):
            S = X[s:s + _CHUNK] @ self.centroids_.T
            rows[s:s + _CHUNK] = S.argmax(axis=1)
            sims[s:s + _CHUNK] = S[np.arange(S.shape[0]), rows[s:s + _CHUNK]]
        return rows, sims

    def _raw_assign(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Return raw topic ids (before curation; -1 when too far) and similarities."""
        if self.centroids_.shape[0] == 0:
            return np.full(X.shape[0], MISC, dtype=np.int64), np.zeros(X.shape[0], dtype=np.float32)
        rows, sims = self._nearest(X)
        ids = self.centroid_ids_[rows].copy()
        ids[sims < self.thresholds_[rows]] = MISC
        return ids, sims

    # ---------------------------------------------------------------- fitting
    def _cluster(self, X: np.ndarray) -> np.ndarray:
        max_topics = self.max_topics
        if max_topics is not None and (isinstance(max_topics, bool) or not isinstance(max_topics, (int, np.integer))
                                       or max_topics < 2):
            raise ConfigError(f"max_topics must be a whole number of at least 2, got {max_topics!r}",
                              fix="set [topics] max_topics to a number such as 40, or leave it out (no limit)")
        return find_clusters(X, n_clusters=self.n_topics, max_clusters=max_topics, random_state=self.random_state)

    def _fit_space(self, texts: list[str], periods: list[str | None] | None = None,
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Fit the vectorizer and cluster; return vectors, local labels and the sample index."""
        rng = check_random_state(self.random_state)
        n = len(texts)
        if n == 0:
            raise InputError("cannot fit topics on no questions", fix="give at least a few questions")
        if n > self.max_fit_size:
            sample = np.sort(rng.choice(n, size=self.max_fit_size, replace=False))
        else:
            sample = np.arange(n)
        prepared = self._prepare([texts[i] for i in sample])
        self.vectorizer_ = make_vectorizer(self.backend, model=self.model, random_state=self.random_state,
                                           cache_dir=self.cache_dir)
        if isinstance(self.vectorizer_, SemanticVectorizer):
            # token weights from the oldest questions: they, and the cached vectors, stay put as the log grows
            reference = _oldest_rows(n, periods, int(self.vectorizer_.reference_size))
            self.vectorizer_.fit(self._prepare([texts[i] for i in reference]))
            Xs = self.vectorizer_.transform(prepared)
        else:
            Xs = self.vectorizer_.fit_transform(prepared)
        if len(sample) < 3:
            local = np.zeros(len(sample), dtype=np.int64)
        else:
            local = self._cluster(Xs)
        return Xs, local, sample

    def _set_centroids(self, Xs: np.ndarray, local: np.ndarray, ids: np.ndarray) -> None:
        """Store centroids of the local clusters under topic ``ids`` and the misc threshold."""
        k = int(local.max()) + 1 if local.size else 0
        C = _centroids(Xs, local, k)
        self.centroids_ = C
        self.centroid_ids_ = np.asarray(ids, dtype=np.int64)
        sims = np.einsum("ij,ij->i", Xs, C[local]) if local.size else np.zeros(0)
        self.misc_threshold_ = float(np.quantile(sims, self.misc_quantile, method="lower")) if sims.size else 0.0
        self.thresholds_ = np.full(C.shape[0], self.misc_threshold_, dtype=np.float32)
        cohesion = [float(sims[local == c].mean()) for c in range(k)] if k else []
        self.cohesion_ = float(np.median(cohesion)) if cohesion else 0.0

    def fit(self, questions: Any, y: object = None) -> "TopicModel":
        """Find topics in ``questions`` (a question log DataFrame or a list of texts); return ``self``.

        Parameters
        ----------
        questions : DataFrame or sequence of str
            A canonical question log (``text`` and, when present, ``asked_at`` are used)
            or the texts themselves.

        Returns
        -------
        TopicModel
            The fitted model; ``labels_`` and ``topics_`` are set.
        """
        texts, periods = self._unpack(questions)
        Xs, local, sample = self._fit_space(texts, periods)
        k = int(local.max()) + 1
        self._set_centroids(Xs, local, np.arange(k))
        self.next_id_ = k
        self.registry_: dict[int, dict[str, Any]] = {}
        self.lineage_records_: list[dict[str, Any]] = []
        self.curation_ids_: dict[str, int] = {}
        self.n_fitted_ = len(texts)
        X = self._vectors_for(texts, Xs, sample)
        raw, _ = self._raw_assign(X)
        first = self._first_period(periods)
        for t in range(k):
            self._register(t, first, "born")
        self.labels_ = self._apply_curation(raw, texts)
        self._observe(self.labels_, periods)
        self._describe(texts, self.labels_, X)
        return self

    def _vectors_for(self, texts: list[str], Xs: np.ndarray, sample: np.ndarray) -> np.ndarray:
        if len(sample) == len(texts):
            return Xs
        X = np.empty((len(texts), Xs.shape[1]), dtype=np.float32)
        X[sample] = Xs
        rest = np.setdiff1d(np.arange(len(texts)), sample)
        X[rest] = self._vectorize([texts[i] for i in rest])
        return X

    @staticmethod
    def _first_period(periods: list[str | None] | None) -> str | None:
        if not periods:
            return None
        known = [p for p in periods if p]
        return min(known) if known else None

    def _register(self, topic_id: int, period: str | None, event: str, related: Sequence[int] = ()) -> None:
        self.registry_[int(topic_id)] = {"first_seen": None, "last_seen": None, "size": 0, "status": "active"}
        self._event(topic_id, event, related, period)

    def _event(self, topic_id: int, event: str, related: Sequence[int], period: str | None) -> None:
        self.lineage_records_.append({"topic_id": int(topic_id), "event": event,
                                      "related": [int(r) for r in related], "period": period})

    def _observe(self, raw: np.ndarray, periods: list[str | None] | None) -> None:
        """Count the questions per topic and move first/last seen."""
        ids, counts = np.unique(raw[raw >= 0], return_counts=True)
        for t, c in zip(ids.tolist(), counts.tolist()):
            self.registry_[t]["size"] += int(c)
        if periods is None:
            return
        frame = pd.DataFrame({"t": raw, "p": periods}).dropna()
        frame = frame[frame.t >= 0]
        if frame.empty:
            return
        span = frame.groupby("t")["p"].agg(["min", "max"])
        for t, row in span.iterrows():
            entry = self.registry_[int(t)]
            entry["first_seen"] = row["min"] if entry["first_seen"] is None else min(entry["first_seen"], row["min"])
            entry["last_seen"] = row["max"] if entry["last_seen"] is None else max(entry["last_seen"], row["max"])

    # ---------------------------------------------------------------- curation
    def _curation(self) -> dict[str, Any]:
        return load_curation(self.curation)

    def _apply_curation(self, raw: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        """Map raw topic ids through merges and splits; record new split topics."""
        cur = self._curation()
        known = set(self.registry_)
        ids = raw.copy()
        for entry in cur["merge"]:
            target, *others = entry["topics"]
            for t in entry["topics"]:
                self._check_known(t, known, "merge")
            for t in others:
                ids[ids == t] = target
        for entry in cur["split"]:
            parent = entry["topic"]
            self._check_known(parent, known, "split")
            key = f"{parent}:{'|'.join(entry['keywords'])}"
            if key not in self.curation_ids_:
                self.curation_ids_[key] = self.next_id_
                self.next_id_ += 1
                self._register(self.curation_ids_[key], None, "split", [parent])
            child = self.curation_ids_[key]
            pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in entry["keywords"]) + r")", re.I)
            members = np.flatnonzero(ids == parent)
            hits = [i for i in members if pattern.search(texts[i] or "")]
            ids[hits] = child
        for t in (*cur["pin"], *cur["ignore"], *cur["rename"]):
            self._check_known(t, known | set(self.curation_ids_.values()), "pin/ignore/rename")
        return ids

    def _check_known(self, topic: int, known: set[int], what: str) -> None:
        if topic not in known:
            raise ConfigError(f"{what} names topic {topic}, which this model does not know",
                              path=None if isinstance(self.curation, Mapping) else self.curation,
                              fix=f"use one of the topic ids in topics_ (0 to {self.next_id_ - 1})")

    # ---------------------------------------------------------------- description
    def _describe(self, texts: Sequence[str], ids: np.ndarray, X: np.ndarray | None, *, fresh: bool = True) -> None:
        """Build ``topics_``: describe the topics (all when ``fresh``, else only those never described)."""
        cur = self._curation()
        merged_away = {t for e in cur["merge"] for t in e["topics"][1:]}
        merge_label = {e["topics"][0]: e["label"] for e in cur["merge"] if e.get("label")}
        split_label = {self.curation_ids_[f"{e['topic']}:{'|'.join(e['keywords'])}"]: e["label"]
                       for e in cur["split"] if e.get("label")}
        active = sorted(t for t, e in self.registry_.items() if e["status"] == "active" and t not in merged_away)
        if fresh or not hasattr(self, "descriptions_"):
            self.descriptions_: dict[int, dict[str, Any]] = {}
        keep = ids >= 0
        wanted = {int(t) for t in np.unique(ids[keep])} - set(self.descriptions_)
        if wanted:
            try:
                from asklens.describe import describe_topics
            except ImportError:  # pragma: no cover - describe ships with asklens
                describe_topics = None
            desc = None
            if describe_topics is not None:
                sel = np.flatnonzero(keep)
                if sel.size > _DESCRIBE_MAX:  # labels and keywords from a seeded sample; sizes are counted apart
                    rng = check_random_state(self.random_state)
                    sel = np.sort(rng.choice(sel, size=_DESCRIBE_MAX, replace=False))
                # described by their requests (focused like the vectors), so greetings, thanks and contact
                # lines ("my email is [EMAIL]") never become keywords, labels or examples
                desc = describe_topics(self._prepare([texts[i] for i in sel]), ids[sel],
                                       vectors=None if X is None else X[sel])
                desc = desc.set_index("topic_id")
            for t in sorted(wanted):
                if desc is not None and t in desc.index:
                    self.descriptions_[t] = {"label": str(desc.at[t, "label"]),
                                             "keywords": list(desc.at[t, "keywords"]),
                                             "examples": list(desc.at[t, "examples"])}
                elif X is not None:
                    members = np.flatnonzero(ids == t)
                    centre = _normalize(X[members].mean(axis=0, keepdims=True))[0]
                    best = members[np.argsort(-(X[members] @ centre), kind="stable")[:3]]
                    self.descriptions_[t] = {"label": f"topic {t}", "keywords": [],
                                             "examples": [texts[i] for i in best]}
        counts = pd.Series(ids[keep]).value_counts()
        rows = []
        for t in active:
            entry = self.registry_[t]
            d = self.descriptions_.get(t, {"label": f"topic {t}", "keywords": [], "examples": []})
            label = merge_label.get(t, split_label.get(t, d["label"]))
            label = cur["rename"].get(t, label)
            status = "ignored" if t in cur["ignore"] else "active"
            rows.append({"topic_id": t, "label": label, "keywords": list(d["keywords"]),
                         "size": int(counts.get(t, 0)), "examples": list(d["examples"]),
                         "first_seen": entry["first_seen"], "last_seen": entry["last_seen"],
                         "status": status, "pinned": t in cur["pin"]})
        self.topics_ = pd.DataFrame(rows, columns=TOPIC_COLUMNS)
        self.topics_["topic_id"] = self.topics_["topic_id"].astype("int64")
        self.topics_["size"] = self.topics_["size"].astype("int64")

    @property
    def lineage_(self) -> pd.DataFrame:
        """Return the lineage events: ``topic_id, event, related, period``."""
        check_is_fitted(self, "registry_")
        return pd.DataFrame(self.lineage_records_, columns=["topic_id", "event", "related", "period"])

    # ---------------------------------------------------------------- assign / update
    def assign(self, questions: Any) -> np.ndarray:
        """Return the topic id of each question (-1 when it is far from every topic).

        Parameters
        ----------
        questions : DataFrame or sequence of str
            New questions.

        Returns
        -------
        ndarray of int64
            Topic ids after curation.
        """
        check_is_fitted(self, "centroids_")
        texts, _ = self._unpack(questions)
        raw, _ = self._raw_assign(self._vectorize(texts))
        return self._apply_curation(raw, texts)

    def update(self, questions: Any) -> np.ndarray:
        """Take in a new batch (a month): assign it and open new topics for new dense groups.

        Questions far from every known topic are pooled with the still-unassigned
        ones of earlier updates; dense groups in that pool become new topics (new
        ids, lineage "born"). At most ``max_misc_share`` of the batch stays
        miscellaneous; the rest goes to its nearest topic.

        Parameters
        ----------
        questions : DataFrame or sequence of str
            The new questions (with ``asked_at`` to move first/last seen).

        Returns
        -------
        ndarray of int64
            Topic id of each new question after curation.
        """
        check_is_fitted(self, "centroids_")
        texts, periods = self._unpack(questions)
        X = self._vectorize(texts)
        raw, sims = self._raw_assign(X)
        period = max((p for p in periods or [] if p), default=None)
        pool_X = getattr(self, "pool_", np.zeros((0, X.shape[1]), dtype=np.float32))
        misc = np.flatnonzero(raw == MISC)
        candidates = np.vstack([pool_X, X[misc]]) if misc.size else pool_X
        min_size = self._min_new_size()
        new_pool = candidates
        if candidates.shape[0] >= 2 * min_size:
            local = find_clusters(candidates, random_state=self.random_state)
            C = _centroids(candidates, local, int(local.max()) + 1)
            opened = []
            for c in range(C.shape[0]):
                members = np.flatnonzero(local == c)
                if members.size < min_size:
                    continue
                member_sims = candidates[members] @ C[c]
                _, old_sims = self._nearest(candidates[members])
                # a new group must hang together clearly better than it fits any known topic; words
                # the fitted vocabulary lacks make it look looser than the fitted topics, hence
                # the allowance below their threshold
                if float(member_sims.mean()) < max(0.5 * self.misc_threshold_, 1.5 * float(old_sims.mean())):
                    continue
                opened.append((c, float(np.quantile(member_sims, 0.05))))
            if opened:
                rows_new = [c for c, _ in opened]
                new_ids = np.arange(self.next_id_, self.next_id_ + len(opened))
                self.next_id_ += len(opened)
                self.centroids_ = np.vstack([self.centroids_, C[rows_new]]).astype(np.float32)
                self.centroid_ids_ = np.concatenate([self.centroid_ids_, new_ids])
                self.thresholds_ = np.concatenate([
                    self.thresholds_,
                    np.minimum(self.misc_threshold_, [q for _, q in opened]).astype(np.float32)])
                for t in new_ids:
                    self._register(int(t), period, "born")
                raw, sims = self._raw_assign(X)
                taken = np.isin(local, rows_new)
                new_pool = candidates[~taken]
        # keep at most max_misc_share of the batch in miscellaneous
        misc = np.flatnonzero(raw == MISC)
        allowed = int(np.floor(self.max_misc_share * len(texts)))
        if misc.size > allowed and self.centroids_.shape[0]:
            rows, near = self._nearest(X[misc])
            order = np.argsort(-near, kind="stable")[: misc.size - allowed]
            raw[misc[order]] = self.centroid_ids_[rows[order]]
        self.pool_ = new_pool[-5000:].astype(np.float32)
        ids = self._apply_curation(raw, texts)
        self._observe(ids, periods)
        self._describe(texts, ids, X, fresh=False)  # known topics keep their description; new ones get one
        self._refresh_sizes()
        return ids

    def _refresh_sizes(self) -> None:
        sizes = {t: e["size"] for t, e in self.registry_.items()}
        self.topics_["size"] = self.topics_["topic_id"].map(sizes).fillna(0).astype("int64")

    def _min_new_size(self) -> int:
        if self.min_topic_size is not None:
            return int(self.min_topic_size)
        return int(min(30, max(5, round(0.005 * self.n_fitted_))))

    # ---------------------------------------------------------------- refit with stable ids
    def refit(self, questions: Any, *, min_overlap: float = 0.5) -> "TopicModel":
        """Fit again on ``questions`` (re-learning the vectors) and keep the ids of the topics that persist.

        The vectors are learned again and the questions clustered afresh; the new
        clusters are then compared with the current assignment of the same
        questions. A new cluster whose questions mostly (``min_overlap``) carry one
        current topic continues that topic under its id, and a continued topic keeps
        its questions (its centroid is recomputed from them in the new space; a
        refit never splits a topic on its own, staff split by curation). A cluster
        made mostly of miscellaneous or mixed questions is a new topic with a new id
        ("born"). A current topic that no cluster continues is kept while it still
        holds ``min_topic_size`` questions (topics do not vanish because a fresh
        clustering drew its borders elsewhere); a smaller one is "merged" into the
        topic that took most of its questions, or "retired" when none of its
        questions remain; pinned topics are always kept. Ids are never reused.

        Parameters
        ----------
        questions : DataFrame or sequence of str
            All the questions to fit on (usually the whole history).
        min_overlap : float, default 0.5
            Share of a new cluster's questions that must carry one current topic
            for the cluster to continue it.

        Returns
        -------
        TopicModel
            ``self``, refitted.
        """
        check_is_fitted(self, "centroids_")
        texts, periods = self._unpack(questions)
        period = max((p for p in periods or [] if p), default=None)
        old_raw, _ = self._raw_assign(self._vectorize(texts))
        pinned = set(self._curation()["pin"])
        Xs, local, sample = self._fit_space(texts, periods)
        X = self._vectors_for(texts, Xs, sample)
        k = int(local.max()) + 1
        old_on_sample = old_raw[sample]
        # which current topic (or -1) dominates each new cluster
        cluster_topic = np.full(k, MISC, dtype=np.int64)
        for r in range(k):
            members = old_on_sample[local == r]
            if members.size == 0:
                continue
            values, counts = np.unique(members, return_counts=True)
            j = int(np.argmax(counts))
            if values[j] != MISC and counts[j] >= min_overlap * members.size:
                cluster_topic[r] = values[j]
        for r in np.flatnonzero(cluster_topic == MISC):
            cluster_topic[r] = self.next_id_
            self.next_id_ += 1
            self._register(int(cluster_topic[r]), period, "born")
        topic_of_row = cluster_topic[local]
        kept = sorted(set(cluster_topic.tolist()))
        keep_size = self._min_new_size()
        # current topics no cluster continues: pinned stay (centroid of their old members), others merge or retire
        for t, entry in sorted(self.registry_.items()):
            if entry["status"] != "active" or t in kept or t in self.curation_ids_.values():
                continue
            members = np.flatnonzero(old_on_sample == t)
            if members.size and (t in pinned or members.size >= keep_size):
                kept.append(t)
                continue
            if t in pinned:
                continue
            if members.size:
                values, counts = np.unique(topic_of_row[members], return_counts=True)
                target = int(values[np.argmax(counts)])
                entry["status"] = "merged"
                self._event(t, "merged", [target], period)
            else:
                entry["status"] = "retired"
                self._event(t, "retired", [], period)
        # a continued topic keeps its questions: its centroid is re-expressed in the new space from
        # the questions it held; the others follow the cluster they fell in (born or merged into)
        kept_set = set(kept)
        final = np.where(np.isin(old_on_sample, list(kept_set)), old_on_sample, topic_of_row)
        ids = np.asarray(sorted(set(final.tolist())), dtype=np.int64)
        row_of = {int(t): i for i, t in enumerate(ids)}
        local_rows = np.array([row_of[int(t)] for t in final], dtype=np.int64)
        self._set_centroids(Xs, local_rows, ids)
        self.n_fitted_ = len(texts)
        self.pool_ = np.zeros((0, self.centroids_.shape[1]), dtype=np.float32)
        raw, _ = self._raw_assign(X)
        for entry in self.registry_.values():
            entry["size"] = 0
        self.labels_ = self._apply_curation(raw, texts)
        self._observe(self.labels_, periods)
        self._describe(texts, self.labels_, X)
        self._refresh_sizes()
        return self

    # ---------------------------------------------------------------- persistence
    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the fitted model to the folder ``path`` (``model.joblib`` + ``topics.json``).

        Returns
        -------
        Path
            The folder.
        """
        import joblib

        check_is_fitted(self, "centroids_")
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / "model.joblib.tmp"
        joblib.dump(self, tmp)
        os.replace(tmp, folder / "model.joblib")
        meta = {
            "format": 1,
            "backend": self.backend,
            "model": self.model,
            "random_state": self.random_state,
            "n_topics": int(self.topics_.shape[0]),
            "next_id": int(self.next_id_),
            "topics": json.loads(self.topics_.to_json(orient="records")),
            "lineage": self.lineage_records_,
        }
        (folder / "topics.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
        return folder

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> "TopicModel":
        """Read a model written by :meth:`save` (only load folders you trust: it unpickles)."""
        import joblib

        file = Path(path) / "model.joblib"
        if not file.exists():
            raise InputError("no saved topic model here", path=path, fix="run the topics step (fit) first")
        obj = joblib.load(file)
        if not isinstance(obj, cls):
            raise InputError("this file does not hold a TopicModel", path=file, fix="point to a saved topic model")
        return obj

