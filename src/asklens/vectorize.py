"""Turn questions into vectors: a fast default that needs no model, and a semantic extra.

Contract (other modules rely on it): a vectorizer has ``fit(texts) -> self``,
``transform(texts) -> numpy.ndarray`` (float32, one L2-normalised row per text, so a
dot product is a cosine similarity) and ``fit_transform(texts)``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_union
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

__all__ = ["QuestionVectorizer", "make_vectorizer"]


class QuestionVectorizer(TransformerMixin, BaseEstimator):
    """TF-IDF over words and character n-grams, reduced with SVD, rows L2-normalised.

    Parameters
    ----------
    n_components : int, default 200
        Dimensions kept by the SVD (fewer when the vocabulary is smaller).
    random_state : int, default 0
        Seed of the randomised SVD.
    """

    def __init__(self, *, n_components: int = 200, random_state: int = 0) -> None:
        self.n_components = n_components
        self.random_state = random_state

    def fit(self, texts: Sequence[str], y: object = None) -> "QuestionVectorizer":
        self.fit_transform(texts)
        return self

    def fit_transform(self, texts: Sequence[str], y: object = None) -> np.ndarray:
        texts = [str(t) for t in texts]
        self.tfidf_ = make_union(
            TfidfVectorizer(sublinear_tf=True, min_df=2, stop_words="english", ngram_range=(1, 2)),
            TfidfVectorizer(sublinear_tf=True, min_df=2, analyzer="char_wb", ngram_range=(3, 5)),
        )
        X = self.tfidf_.fit_transform(texts)
        k = max(1, min(self.n_components, X.shape[1] - 1, X.shape[0] - 1))
        self.svd_ = TruncatedSVD(n_components=k, random_state=self.random_state)
        Z = self.svd_.fit_transform(X)
        return normalize(Z).astype(np.float32)

    def transform(self, texts: Sequence[str]) -> np.ndarray:
        check_is_fitted(self, "svd_")
        X = self.tfidf_.transform([str(t) for t in texts])
        return normalize(self.svd_.transform(X)).astype(np.float32)


def make_vectorizer(backend: str = "tfidf", *, model: str | None = None, random_state: int = 0) -> QuestionVectorizer:
    """Return an unfitted vectorizer for ``backend`` (``"tfidf"`` or ``"semantic"``)."""
    if backend == "tfidf":
        return QuestionVectorizer(random_state=random_state)
    raise NotImplementedError(f"backend {backend!r} is not available yet")
