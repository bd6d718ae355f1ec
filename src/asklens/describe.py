"""Describe topics: readable labels, keywords, representative and recurring questions.

A topic is only useful to a librarian when it can be read at a glance. This module
turns a set of questions with topic ids into

* a **label**: a short phrase that actually occurs in the topic's questions
  ("Renew Books", "Study Room", "Interlibrary Loan Request"), chosen by class-based
  TF-IDF among contiguous one- to three-word phrases, unique across topics;
* **keywords**: the words and two-word phrases that set the topic apart
  (class-based TF-IDF, c-TF-IDF);
* **examples**: the most representative questions, short ones preferred;
* **recurring questions**: groups of near-identical questions inside a topic, with
  their counts and a representative (the medoid) -- the FAQ candidates.

Both functions are pure: they never mutate their inputs and never touch the disk,
and the same input always gives the same output (ties are broken by position).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, CountVectorizer

from asklens.errors import InputError

__all__ = ["describe_topics", "recurring_questions", "asked_for_titles"]

MISC_TOPIC = -1
MISC_LABEL = "Miscellaneous"

DESCRIBE_COLUMNS = ["topic_id", "label", "keywords", "size", "examples"]
RECURRING_COLUMNS = ["topic_id", "group_id", "count", "representative", "question_ids"]

# At most this many questions per topic feed the keyword and label statistics
# (evenly spaced, so the choice is deterministic); sizes always count every question.
_MAX_DOCS_PER_TOPIC = 1500

# --------------------------------------------------------------------------------------
# vocabulary
# --------------------------------------------------------------------------------------

# scikit-learn's English list minus words that carry meaning in a library
# ("call number", "full text", "back issues", "interest", "system", "name").
_KEEP = {
    "call", "full", "system", "bill", "interest", "part", "front", "back", "detail", "top",
    "fire", "move", "empty", "fill", "side", "thick", "thin", "serious", "describe", "show",
    "name", "found", "find",
}
# chat boilerplate and filler that never makes a topic
_CHAT_STOP = {
    "hi", "hii", "hello", "hey", "hiya", "greetings", "dear", "thanks", "thank", "thx", "ty",
    "please", "pls", "plz", "wondering", "wonder", "wondered", "help", "helping", "helped",
    "question", "questions", "ask", "asking", "asked", "sorry", "good", "morning",
    "afternoon", "evening", "ok", "okay", "yes", "yeah", "yep", "no", "just", "really",
    "need", "needs", "needed", "needing", "want", "wants", "wanted", "like", "liked", "looking",
    "look", "trying", "try", "tried", "know", "knew", "able", "unable", "possible", "way",
    "im", "ive", "id", "ill", "dont", "didnt", "doesnt", "cant", "wont", "isnt", "arent",
    "wasnt", "hoping", "hope", "appreciate", "appreciated", "quick", "currently", "does", "did",
    "doing", "hasn", "let", "lets", "tell", "thing", "things", "got", "getting", "gets",
    "use", "using", "used", "make", "making", "sure", "maybe", "actually", "anybody", "somebody",
    "u", "ur", "pm", "am", "today", "tomorrow", "yesterday", "right",
    "lot", "lots", "kind", "trouble", "work", "working", "works", "different", "specific",
    "certain", "example", "info", "information", "regarding", "related", "wanting", "wants",
    "said", "says", "say", "told", "think", "thought", "guess", "able", "online", "okay",
    "great", "awesome", "welcome", "hopefully", "someone", "anyone", "everyone", "stuff",
    "access", "accessing", "available", "assist", "assistance", "via", "etc", "also",
    "http", "https", "www", "com", "edu", "org", "html", "htm", "php", "aspx",
    "having", "going", "gonna", "wanna", "seeing", "issue", "issues", "problem", "problems", "hey",
    "guys", "specifically", "particular", "particularly", "et", "al", "basically", "literally",
}
_STOP = (set(ENGLISH_STOP_WORDS) - _KEEP) | _CHAT_STOP
# words skipped inside a phrase ("renew my books" -> "renew books")
_SKIP = {"a", "an", "the", "my", "your", "our", "his", "her", "their", "its", "some", "this", "these", "that", "those"}
# words allowed in the middle of a three-word label ("print in color", "books on reserve")
_MIDDLE = {"of", "in", "on", "for", "from", "at", "with", "and"}
_STOP -= _SKIP | _MIDDLE  # handled separately below

_MASK = re.compile(r"\[[A-Z_]+\]")
_SEGMENT = re.compile(r"[.,;:!?()\[\]{}\"“”/\\|<>*=+~^#@&\n\r\t]+|\s-+\s")
_TOKEN = re.compile(r"[a-z0-9](?:[a-z0-9'\-]*[a-z0-9])?")
# ids, hashes and codes ("6998eeae5b72", "3a105970"): several digits in a long token
_CODE = re.compile(r"^(?=(?:[^0-9]*[0-9]){3})[a-z0-9\-]{6,}$|^.{25,}$")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")

# chat openers and closers, stripped before anything is counted (the texts are
# lower-cased first, which keeps these expressions fast)
_GREETING = re.compile(
    r"^\s*(?:hi+|hello+|hey+|hiya|greetings|good\s+(?:morning|afternoon|evening|day))"
    r"(?:\s+(?:there|all|everyone|again|librarians?|library(?:\s+team)?|team|folks))?\b[\s,!.:;~-]*"
)
# how staff write a question down ("Student asked: ...", "Q: ...")
_PREFIX = re.compile(
    r"^\s*(?:q\s*[:.-]|question\s*:|asked\b"
    r"|(?:a\s+|the\s+)?(?:student|patron|caller|user|visitor|faculty(?:\s+member)?|grad(?:uate)?\s+student|professor|someone)"
    r"\s+(?:asked|asks|asking|wants\s+to\s+know|wanted\s+to\s+know|inquired|called|emailed)(?:\s+(?:if|whether|about))?)"
    r"[\s:,.-]*"
)
_BOILERPLATE = re.compile(
    r"""
      \b(?:i\s+(?:was|am)\s+|i'?m\s+)?(?:just\s+)?wondering(?:\s+(?:if|whether)\b)?
    | \b(?:(?:can|could|would)\s+(?:you|someone|anyone)|(?:you|someone|anyone)\s+(?:can|could|would))
         \s+(?:please\s+)?(?:help|assist)\s+me(?:\s+(?:out|with\s+something|with))?\b
    | \bi\s+(?:have|had)\s+a\s+(?:quick\s+|small\s+|short\s+)?question(?:\s+(?:about|regarding|on|for\s+you))?\b
    | \b(?:thank\s+(?:you|u)|thanks?|thx|ty)(?:\s+(?:so|very)\s+much|\s+in\s+advance|\s+again|\s+a\s+lot)?\b[\s!.]*
    | \b(?:much\s+appreciated|i\s+appreciate\s+(?:it|your\s+help|any\s+help))\b
    | \bhave\s+a\s+(?:good|great|nice)\s+(?:day|one|night|weekend)\b
    | \bplease\b
    | \bquick\s+question\b[\s:,.!-]*
    | \bi\s+hope\s+(?:this|that)\s+(?:e-?mail\s+|message\s+)?finds\s+you\s+well\b
    | \bsorry\s+to\s+bother\s+you\b
    | \b(?:best|kind|warm)\s+(?:regards|wishes)\b|\bregards\b|\bcheers\b
    """,
    re.X,
)


def _as_str(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    if value is pd.NA:
        return ""
    return str(value)


def _clean(text: str) -> str:
    """Return ``text`` in lower case without privacy masks, greetings, thanks and "I was wondering if" openers."""
    text = _MASK.sub(" . ", text).replace("’", "'").lower()
    return _BOILERPLATE.sub(" ", _PREFIX.sub(" ", _GREETING.sub(" ", text)))


def _normalize(text: str) -> str:
    """Return the comparison key of a question: no boilerplate, lower case, letters and digits only."""
    text = _clean(text).replace("'", "")
    if not text.isascii():  # "Dónde" and "donde" are the same word here
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(_WORD.findall(text))


def _singular(word: str) -> str:
    """Return a light singular of ``word`` (books -> book, libraries -> library), for grouping only."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")):
        return word[:-1]
    return word


# --------------------------------------------------------------------------------------
# spelling: map rare misspellings to the spelling most people use
# --------------------------------------------------------------------------------------

_ALPHA = re.compile(r"[a-z]+(?:-[a-z]+)*")
# suffix pairs that make two real words, not a typo ("book"/"books", "print"/"printed")
_INFLECTIONS = ("s", "es", "d", "ed", "ing", "er", "ly", "'s")


def _deletes(word: str) -> set[str]:
    """Return ``word`` and every form of it with one letter deleted (symmetric-delete keys)."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def _spelling_map(texts: Sequence[str]) -> tuple[dict[str, str], set[str]]:
    """Return ``{misspelling: usual spelling}`` for the rare words of ``texts`` (lower case, cleaned), and the suspects.

    A word is taken for a misspelling when a word one edit away (a letter added,
    dropped, changed or two letters swapped) is used in at least five times as many
    questions and at least three, and the word itself is rare (used in fewer
    questions than ``max(3, n / 2000)``); a more common word only when the variant
    is twenty times as common and not an English function word ("reslly" next to
    "really", but never "form" next to "from"). The most used such variant is its spelling. Pairs
    that differ by an ending ("book"/"books", "print"/"printed") are never merged.
    Words of three letters are only merged into a word ten times as common. The
    suspects are the merged words, the rare words with a one-edit variant three
    times as common and the three-letter words with a one-edit variant ten times
    as common: they never appear in a label.
    """
    df: dict[str, int] = {}
    repeats: dict[str, int] = {}
    for text in texts:  # logs repeat questions: split each distinct text once
        repeats[text] = repeats.get(text, 0) + 1
    for text, n in repeats.items():
        for w in set(_ALPHA.findall(text)):
            df[w] = df.get(w, 0) + n
    floor = max(3, len(texts) // 2000)
    keys: dict[str, list[str]] = {}
    for w, c in df.items():
        if c >= 3 and len(w) >= 3:
            for k in _deletes(w):
                keys.setdefault(k, []).append(w)
    out: dict[str, str] = {}
    for w, c in df.items():
        if len(w) < 3:
            continue
        best, best_c = "", 0
        need = (10 if len(w) <= 3 else 5) * c
        for k in _deletes(w):
            for v in keys.get(k, ()):
                cv = df[v]
                if cv < need or cv < best_c or (cv == best_c and v > best):
                    continue
                if c >= floor and (cv < 20 * c or v in ENGLISH_STOP_WORDS or len(w) <= 3):
                    continue  # a common word is only a typo of a far more common content word
                short, long_ = (v, w) if len(v) < len(w) else (w, v)
                if long_.startswith(short) and long_[len(short):] in _INFLECTIONS:
                    continue
                if len(v) == len(w) and sum(a != b for a, b in zip(v, w)) > 2:
                    continue
                best, best_c = v, cv
        if best:
            out[w] = best
    # rare words next to a variant three times as common ("annoted" / "annotated") and
    # short words far rarer than a one-edit variant ("wat" next to "what") may be
    # real words ("art"), so they are not merged, only kept out of labels
    suspect = set(out)
    for w, c in df.items():
        if c < floor and len(w) >= 4 and w not in out:
            for k in _deletes(w):
                if any(df[v] >= 3 * c and not (v.startswith(w) and v[len(w):] in _INFLECTIONS)
                       and not (w.startswith(v) and w[len(v):] in _INFLECTIONS) for v in keys.get(k, ()) if v != w):
                    suspect.add(w)
                    break
        if len(w) == 3 and w not in out:
            for k in _deletes(w):
                if any(df[v] >= 10 * c and not (v.startswith(w) and v[3:] in _INFLECTIONS) for v in keys.get(k, ())
                       if v != w):
                    suspect.add(w)
                    break
    return out, suspect


def _phrase_analyzer(spelling: dict[str, str] | None = None) -> Any:
    """Return a function that lists the candidate phrases of one cleaned, lower-case question.

    Unigrams are content words; bigrams are two adjacent content words (articles and
    possessives in between are skipped: "renew my books" gives "renew books");
    trigrams are three content words or content-preposition-content ("print in
    color"). Phrases never cross punctuation or stop words. Each analyzer keeps its
    own cache of token classes, so it is fast and holds no global state.
    """
    kinds: dict[str, str | None] = {}  # token -> itself, "" (break), None (skip) or "\x00prep"
    spelling = spelling or {}

    def kind(tok: str) -> str | None:
        k = kinds.get(tok, "?")
        if k != "?":
            return k
        base = tok[:-2] if tok.endswith("'s") else tok
        base = spelling.get(base, base)
        if base in _SKIP:
            k = None
        elif base in _MIDDLE:
            k = "\x00" + base
        elif base in _STOP or "'" in base or base.isdigit() or len(base) < 2 or _CODE.match(base):
            k = ""
        else:
            k = base
        kinds[tok] = k
        return k

    def phrases(text: str) -> list[str]:
        out: list[str] = []
        for segment in _SEGMENT.split(text):
            seq: list[str] = []
            for tok in _TOKEN.findall(segment):
                k = kind(tok)
                if k is None:
                    continue
                if k == "":
                    if seq:
                        _emit(seq, out)
                        seq = []
                    continue
                seq.append(k)
            if seq:
                _emit(seq, out)
        return out

    return phrases


def _emit(seq: list[str], out: list[str]) -> None:
    n = len(seq)
    for i, w in enumerate(seq):
        if w[0] == "\x00":
            continue
        out.append(w)
        if i + 1 < n:
            v = seq[i + 1]
            if v[0] != "\x00":
                out.append(f"{w} {v}")
                if i + 2 < n and seq[i + 2][0] != "\x00":
                    out.append(f"{w} {v} {seq[i + 2]}")
            elif i + 2 < n and seq[i + 2][0] != "\x00":
                out.append(f"{w} {v[1:]} {seq[i + 2]}")


# --------------------------------------------------------------------------------------
# input checking
# --------------------------------------------------------------------------------------


def _check_inputs(
    texts: Sequence[str] | pd.Series, topic_ids: Any, vectors: Any
) -> tuple[list[str], np.ndarray, np.ndarray | None]:
    if isinstance(texts, str):
        raise InputError("texts must be a sequence of questions, not one string", fix="pass a list or a Series")
    text_list = [_as_str(t) for t in texts]
    try:
        ids = np.asarray(topic_ids)
        if ids.dtype.kind == "f" and np.isnan(ids).any():
            raise ValueError
        ids = ids.astype(np.int64)
    except (TypeError, ValueError):
        raise InputError(
            "topic_ids must be integers (-1 for miscellaneous)", column="topic_id", fix="pass the ids from TopicModel"
        ) from None
    if ids.ndim != 1 or len(ids) != len(text_list):
        raise InputError(
            f"topic_ids has {ids.size} values for {len(text_list)} texts",
            column="topic_id",
            fix="pass one topic id per question",
        )
    vecs = None
    if vectors is not None:
        if sp.issparse(vectors):
            vecs = vectors.tocsr().astype(np.float32)
        else:
            vecs = np.asarray(vectors, dtype=np.float32)
        if vecs.ndim != 2 or vecs.shape[0] != len(text_list):
            raise InputError(
                f"vectors has shape {tuple(vecs.shape)} for {len(text_list)} texts",
                fix="pass one vector (row) per question, in the same order",
            )
    return text_list, ids, vecs


def _normalize_rows(x: Any) -> Any:
    if sp.issparse(x):
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.diags((1.0 / norms).astype(np.float32)) @ x
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (x / norms).astype(np.float32)


def _groups(ids: np.ndarray, values: np.ndarray) -> list[np.ndarray]:
    """Return, for each value in sorted ``values``, the positions of ``ids`` equal to it (ascending)."""
    order = np.argsort(ids, kind="stable")
    bounds = np.searchsorted(ids[order], values, side="left")
    ends = np.searchsorted(ids[order], values, side="right")
    return [order[a:b] for a, b in zip(bounds, ends)]


def _spread(idx: np.ndarray, cap: int) -> np.ndarray:
    """Return at most ``cap`` evenly spaced entries of ``idx`` (deterministic)."""
    if len(idx) <= cap:
        return idx
    return idx[np.linspace(0, len(idx) - 1, cap).round().astype(np.int64)]


# --------------------------------------------------------------------------------------
# describe_topics
# --------------------------------------------------------------------------------------


def describe_topics(
    texts: Sequence[str] | pd.Series,
    topic_ids: Sequence[int] | np.ndarray | pd.Series,
    *,
    vectors: np.ndarray | None = None,
    n_keywords: int = 8,
    n_examples: int = 3,
) -> pd.DataFrame:
    """Describe each topic with a readable label, keywords and example questions.

    Keywords are ranked by class-based TF-IDF (c-TF-IDF): the share of the topic's
    questions that use a term times ``log(1 + A / f)``, where ``A`` is the average
    number of term occurrences per topic and ``f`` the term's occurrences over all
    topics (each counted once per question). Terms are words and two-word phrases
    with English stop words and chat boilerplate ("hi", "thanks", "wondering",
    "help", ...) removed; plurals are grouped with their singular.

    Misspellings are read as the spelling most questions use ("reslly" as
    "really", "bopk" as "book": a rare word one edit away from a word at least five
    times as common), so they add to its counts and never appear in a label or a
    keyword.

    The label is the phrase of one to three words (contiguous in at least two of the
    topic's questions; articles and possessives skipped: "renew my books" counts as
    "renew books") with the best ``coverage * sqrt(precision) * length bonus``:
    coverage is the share of the topic's questions that use it, precision the share
    of its uses that are in this topic, and longer phrases get a bonus once a good
    share of the questions use them. A single word grows into the longer phrase
    around it when enough questions use that ("room" -> "study room"). Phrases that
    end or start like a clause ("library tonight", "owns copyright") and single
    words that say when or who rather than what ("tonight", "student") are never
    labels; a verb alone names its service ("print" -> "Printing", "left" -> "Lost
    Items"). A mixed topic (no phrase used by a fifth of its questions) is named by
    its most used phrase, or its two most used words ("Email and Research"). Labels
    are in title case (acronyms such as "ILL" or "APA" kept) and distinct: larger
    topics choose first, and a topic whose label says no more than a larger topic's
    label, or only adds to a multi-word one ("Renew Library Books" after "Renew
    Books"), gets in parentheses the term that most sets it apart from that topic
    ("Card (Broken)" after "Card Payment"). Topic ``-1`` is labelled
    ``"Miscellaneous"``.

    Examples are the questions closest to the topic centroid (in ``vectors`` when
    given, else in c-TF-IDF space), short ones preferred, near-duplicates dropped.

    Parameters
    ----------
    texts : sequence of str or pandas.Series
        The questions (already scrubbed). Missing values count as empty text.
    topic_ids : sequence of int
        One topic id per question; ``-1`` is the miscellaneous bucket.
    vectors : numpy.ndarray, optional
        One vector per question (e.g. from :func:`asklens.vectorize.make_vectorizer`);
        used to pick the examples closest to each topic's centroid.
    n_keywords : int, default 8
        Keywords kept per topic.
    n_examples : int, default 3
        Example questions kept per topic.

    Returns
    -------
    pandas.DataFrame
        One row per topic, sorted by ``topic_id``, with columns ``topic_id`` (int),
        ``label`` (str), ``keywords`` (list of str), ``size`` (int, number of
        questions) and ``examples`` (list of str, original question texts).

    Examples
    --------
    >>> texts = ["How do I renew my books?", "Can I renew my books online?",
    ...          "Where can I print in color?", "How do I print in color?"]
    >>> describe_topics(texts, [0, 0, 1, 1])[["topic_id", "label"]]
       topic_id           label
    0         0     Renew Books
    1         1  Print in Color
    """
    text_list, ids, vecs = _check_inputs(texts, topic_ids, vectors)
    if n_keywords < 0 or n_examples < 0:
        raise InputError("n_keywords and n_examples must be zero or more", fix="pass a non-negative number")
    if not text_list:
        return pd.DataFrame({c: pd.Series([], dtype=object) for c in DESCRIBE_COLUMNS}).astype(
            {"topic_id": np.int64, "size": np.int64}
        )
    topics, sizes = np.unique(ids, return_counts=True)  # sorted ascending
    # the questions used for statistics: every question, or an even spread of large topics
    positions = _groups(ids, topics)
    used = np.concatenate([_spread(p, _MAX_DOCS_PER_TOPIC) for p in positions])
    used.sort()
    used_topics = ids[used]
    cleaned = [_clean(text_list[i]) for i in used]

    # doc x surface-phrase presence (misspellings read as the usual spelling), then grouped by singular key
    spelling, suspect = _spelling_map(cleaned)
    cv = CountVectorizer(analyzer=_phrase_analyzer(spelling), binary=True, dtype=np.float32)
    try:
        X_surface = cv.fit_transform(cleaned).tocsc()
        surface = cv.get_feature_names_out()
    except ValueError:  # empty vocabulary: nothing but stop words
        X_surface = sp.csc_matrix((len(used), 0), dtype=np.float32)
        surface = np.array([], dtype=object)
    keys = [" ".join(_singular(w) for w in s.split(" ")) for s in surface]
    key_index: dict[str, int] = {}
    col_key = np.empty(len(surface), dtype=np.int64)
    for j, k in enumerate(keys):
        col_key[j] = key_index.setdefault(k, len(key_index))
    n_keys = len(key_index)
    G = sp.csr_matrix((np.ones(len(surface), dtype=np.float32), (np.arange(len(surface)), col_key)), shape=(len(surface), n_keys))
    X = (X_surface @ G).tocsr()
    X.data[:] = 1.0  # presence per question
    # the display form of each key: its most frequent surface phrase (ties: alphabetical)
    surf_counts = np.asarray(X_surface.sum(axis=0)).ravel()
    display = [""] * n_keys
    best = np.full(n_keys, -1.0)
    for j in range(len(surface)):  # surface is sorted, so ties keep the alphabetical first
        k = col_key[j]
        if surf_counts[j] > best[k]:
            best[k] = surf_counts[j]
            display[k] = surface[j]
    display_arr = np.array(display, dtype=object)
    n_words = np.array([d.count(" ") + 1 for d in display], dtype=np.int64)
    has_mid = np.array([any(w in _MIDDLE for w in d.split(" ")) for d in display], dtype=bool)

    # c-TF-IDF over topics
    t_index = np.searchsorted(topics, used_topics)
    M = sp.csr_matrix((np.ones(len(used), dtype=np.float32), (t_index, np.arange(len(used)))), shape=(len(topics), len(used)))
    T = (M @ X).toarray().astype(np.float64)  # topics x keys: questions using the key
    n_used = np.bincount(t_index, minlength=len(topics)).astype(np.float64)
    f = T.sum(axis=0)
    A = T.sum() / max(len(topics), 1)
    idf = np.log1p(A / np.maximum(f, 1.0))
    tf = T / np.maximum(T.sum(axis=1, keepdims=True), 1.0)
    ctfidf = tf * idf

    keywords = [_pick_keywords(ctfidf[r], display_arr, n_words, has_mid, n_keywords) for r in range(len(topics))]
    labels = _pick_labels(topics, sizes, T, n_used, display_arr, n_words, has_mid, keywords,
                          [text_list[i] for i in used], t_index, suspect)
    examples = _pick_examples(text_list, ids, topics, used, t_index, X, ctfidf, idf, vecs, n_examples)

    return pd.DataFrame(
        {
            "topic_id": topics.astype(np.int64),
            "label": pd.Series(labels, dtype=object),
            "keywords": pd.Series(keywords, dtype=object),
            "size": sizes.astype(np.int64),
            "examples": pd.Series(examples, dtype=object),
        }
    )


def _pick_keywords(scores: np.ndarray, display: np.ndarray, n_words: np.ndarray, has_mid: np.ndarray, k: int) -> list[str]:
    """Return the top ``k`` words and two-word phrases, skipping ones that add no new word."""
    if k == 0:
        return []
    ok = (scores > 0) & (n_words <= 2) & ~has_mid
    cand = np.flatnonzero(ok)
    order = cand[np.lexsort((cand, -scores[cand]))]
    chosen: list[str] = []
    seen_words: set[str] = set()
    for j in order:
        phrase = display[j]
        words = {_singular(w) for w in phrase.split(" ")}
        if words <= seen_words:
            continue
        chosen.append(phrase)
        seen_words |= words
        if len(chosen) == k:
            break
    return chosen


_LENGTH_BONUS = {1: 1.0, 2: 1.7, 3: 1.9}
# words that end a clause rather than a name: a multi-word label never ends with one
# ("library open", "library subscribe", "workshops week" are fragments, not topics)
_BAD_END = {
    "subscribe", "subscribes", "own", "owns", "sponsor", "sponsors",
    "available", "pay", "paid", "visit", "borrow", "borrowed", "work", "works", "worked", "find",
    "found", "get", "use", "see", "go", "come", "take", "give", "send", "sent", "keep", "allow", "allowed", "free",
    "due", "late", "online", "week", "weeks", "today", "tonight", "tomorrow", "year", "years", "semester", "day",
    "days", "now", "ago", "currently", "yet", "ok", "okay", "like", "called", "left",
    "checked", "looked", "turned", "ahead", "early", "long", "far", "near", "inside", "wrong", "asap",
}
# ... nor starts with a verb that leaves the subject behind ("owns copyright")
_BAD_START = {"own", "owns", "completing", "having", "getting", "doing", "using", "making", "going", "trying",
              "found", "far", "wrong", "left", "sent", "checked", "looked", "turned"}
# words that say when, how or who rather than what: never a label on their own
_NOT_ALONE = {
    "tonight", "today", "tomorrow", "yesterday", "now", "time", "times", "day", "days", "week", "weeks", "weekend",
    "month", "months", "year", "years", "semester", "morning", "night", "hour", "minute", "minutes", "date",
    "term", "quarter", "spring", "fall", "summer", "winter", "break", "soon", "asap",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "send", "sent", "found", "checked", "looked", "turned", "happens", "happened", "put", "go", "went",
    "far", "ahead", "long", "late", "early", "new", "old", "wrong", "best", "near", "first", "second", "last",
    "next", "inside", "place", "library", "libraries", "student", "students", "professor", "librarian",
    "librarians", "person", "people", "university", "find", "see", "show", "take", "give",
    "come", "keep", "ran", "run", "able", "many", "much", "free", "pay", "check", "results", "home",
    "phone", "email", "floor", "name", "call", "part", "side", "back", "top", "front", "detail", "system",
    "called", "mean", "meaning", "following", "thanks", "sure",
}
# a topic named by one verb reads better as the service it asks about; the service
# keeps the word ("print" -> "Printing"), except for lost property ("I left my
# umbrella") and opening hours ("do you close tonight"), which librarians name with
# words patrons rarely write
_NOMINAL = {
    "print": "Printing", "scan": "Scanning", "park": "Parking", "borrow": "Borrowing",
    "connect": "Connecting", "log": "Log In", "book": "Books", "fine": "Fines", "reserve": "Reserves",
    "request": "Requests", "renewal": "Renewals", "citation": "Citations",
    "lost": "Lost Items", "left": "Lost Items",
    "open": "Opening Hours", "close": "Opening Hours", "closed": "Opening Hours", "closing": "Opening Hours",
}
# below this share of its questions, no phrase names a topic (a mixed topic): the most
# used phrase does, or its two most used words joined by "and"
_MIN_COVERAGE = 0.2
# a single-word label grows into a longer phrase around it that scores (without the
# length bonus) this share of it, or _EXTEND_GENERIC when the added word is generic
_EXTEND = 0.35
_EXTEND_GENERIC = 0.6
# label score = coverage ** _COVERAGE_POWER * precision ** _PRECISION_POWER * length bonus
# (chosen on the sample, Miami and Banking77 label measures of benchmarks/bench_describe.py)
_COVERAGE_POWER = 1.0
_PRECISION_POWER = 0.5
# a longer phrase gets its full length bonus from this coverage on, less below it
_BONUS_FULL_AT = 0.3


def _label_bonus(display: np.ndarray, n_words: np.ndarray, has_mid: np.ndarray) -> np.ndarray:
    """Return the label weight of every phrase: longer phrases read better and get a bonus.

    Three-word phrases around a preposition ("computers with screen") are often
    cut-off fragments and get a smaller bonus ("lost and found" and other "and"
    phrases keep theirs); multi-word phrases that end like a clause ("library open")
    and single words that say when or who rather than what ("tonight", "left",
    "student") are not labels at all (weight 0).
    """
    bonus = np.array([_LENGTH_BONUS[k] for k in n_words], dtype=np.float64)
    bonus[has_mid] = 1.25
    words = [d.split(" ") for d in display]
    bonus[[len(w) == 3 and w[1] == "and" for w in words]] = _LENGTH_BONUS[3]
    bad = np.array(
        [(len(w) > 1 and (w[-1] in _BAD_END or w[0] in _BAD_START) and w[1] != "and")
         or (len(w) == 1 and w[0] in _NOT_ALONE)
         for w in words],
        dtype=bool,
    )
    bonus[bad] = 0.0
    return bonus


def _label_scores(row_T: np.ndarray, f: np.ndarray, bonus: np.ndarray, n_words: np.ndarray, n_docs: float) -> np.ndarray:
    """Return the label score of every phrase for one topic (0 where a phrase is not eligible).

    The score is ``coverage * sqrt(precision) * bonus``: coverage is the share of the
    topic's questions that use the phrase, precision the share of the phrase's
    questions (over all topics) that are in this topic. A phrase used by most of the
    topic's questions and rarely elsewhere wins.
    """
    min_df = 2.0 if n_docs >= 2 else 1.0
    eligible = (row_T >= min_df) | ((n_words == 1) & (row_T >= 1))
    coverage = row_T / max(n_docs, 1.0)
    precision = row_T / np.maximum(f, 1.0)
    if _BONUS_FULL_AT > 0:  # a rare long phrase gets little of the length bonus
        bonus = np.where(bonus > 1.0, 1.0 + (bonus - 1.0) * np.minimum(1.0, coverage / _BONUS_FULL_AT), bonus)
    return np.where(eligible, coverage**_COVERAGE_POWER * precision**_PRECISION_POWER * bonus, 0.0)


def _stems(phrase: str) -> frozenset[str]:
    """Return the content-word stems of a phrase (for telling near-duplicate labels apart)."""
    out = set()
    for w in re.findall(r"[a-z0-9][a-z0-9'\-]*", phrase.lower()):
        if w in _MIDDLE or w in _SKIP:
            continue
        out.add(_stem(w))
    return frozenset(out)


def _generic_stems() -> frozenset[str]:
    return frozenset(_stem(w) for w in _NOT_ALONE | _MIDDLE | _SKIP)


def _stem(w: str) -> str:
    """Return a light stem: printing/printed/prints -> print, libraries -> library, fines -> fine, top-ups -> top-up."""
    if w.endswith(("sses", "shes", "ches", "xes", "zes")) and len(w) > 5:
        return w[:-2]
    for suf in ("ings", "ing", "ies", "ed", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3 and not w.endswith(("ss", "us", "is")):
            return w[: -len(suf)] + ("y" if suf == "ies" else "")
    return w


_GENERIC_STEMS = _generic_stems()  # words that say when or who ("library", "student", "tonight")


def _clashes(new: frozenset[str], taken: frozenset[str]) -> bool:
    """Whether a label (stems ``new``) is a near-duplicate of one already ``taken`` by a larger topic.

    It is when it says no more than the taken label (its stems all in the taken
    one's: "Card" after "Card Payment"), or adds only to a label of two or more
    words, or only generic words ("Renew Library Books" after "Renew Books"). A
    telling word added to a one-word label is fine ("Renew Books" after "Books",
    "Wifi Password" after "Wifi").
    """
    if not new or not taken:
        return False
    if new <= taken:
        return True
    return taken <= new and (len(taken) >= 2 or not (new - taken - _GENERIC_STEMS))


def _pick_labels(
    topics: np.ndarray,
    sizes: np.ndarray,
    T: np.ndarray,
    n_used: np.ndarray,
    display: np.ndarray,
    n_words: np.ndarray,
    has_mid: np.ndarray,
    keywords: list[list[str]],
    context: list[str],
    t_index: np.ndarray,
    suspect: set[str] = frozenset(),
) -> list[str]:
    """Return one label per topic: its best phrase, unique and not a near-duplicate of a larger topic's label.

    Larger topics choose first (ties by id). A topic whose best phrase clashes with a
    label already taken (see :func:`_clashes`) keeps its phrase and adds, in
    parentheses, the word or two-word phrase that most sets it apart from the topics
    it clashes with (the largest gap in the share of questions using it): "Card
    Payment" and "Card (Broken)", "Renew Books" and "Renew Books (Time)".
    """
    labels: list[str] = [""] * len(topics)
    bonus = _label_bonus(display, n_words, has_mid)
    word_ok = np.array([not any(w in suspect or w.isdigit() or w in _MIDDLE for w in d.split(" ")) for d in display],
                       dtype=bool)
    if suspect:
        bonus[[any(w in suspect for w in d.split(" ")) for d in display]] = 0.0
    f = T.sum(axis=0)
    phrase_of = {str(d): j for j, d in enumerate(display)}
    rows_of = _groups(t_index, np.arange(len(topics)))
    order = sorted(range(len(topics)), key=lambda r: (-int(sizes[r]), int(topics[r])))
    taken: list[tuple[frozenset[str], int, str]] = [(_stems(MISC_LABEL), -1, MISC_LABEL)]
    used: set[str] = {MISC_LABEL.lower()}
    for r in order:
        t = topics[r]
        if t == MISC_TOPIC:
            labels[r] = MISC_LABEL
            continue
        joined = _MASK.sub(" ", " ".join(context[i] for i in rows_of[r]))
        scores = _label_scores(T[r], f, bonus, n_words, n_used[r])
        best = _best_label(scores, display, T[r], n_used[r], n_words, bonus, phrase_of, joined)
        if best is None:
            label, plain, stems = f"Topic {t}", "", frozenset()
        else:
            label, stems = best
            plain = label
            clashes = [(s, o, b) for s, o, b in taken if _clashes(stems, s)]
            if clashes:
                other_stems, other, other_plain = clashes[0]
                extras = _distinguishing(r, [o for _, o, _ in clashes], T, n_used, display, n_words, word_ok, stems,
                                         keywords[r])
                extra = next((e for e in extras if f"{label} ({_title(e, joined)})".lower() not in used), "")
                if extra:
                    label = f"{label} ({_title(extra, joined)})"
                    stems = stems | _stems(extra)
                elif stems > other_stems and other_plain:
                    # "Renew Library Books" next to "Renew Books" reads "Renew Books (Library)"
                    more = [w for w in label.split(" ") if _stems(w) and not _stems(w) <= other_stems]
                    label = f"{other_plain} ({' '.join(more)})"
        if label.lower() in used:  # still taken: the topic number tells them apart, in the one parenthesis
            label = f"{label[:-1]}, topic {t})" if label.endswith(")") else f"{label} (topic {t})"
        used.add(label.lower())
        taken.append((stems, r, plain))
        labels[r] = label
    return labels


def _best_label(
    scores: np.ndarray,
    display: np.ndarray,
    row_T: np.ndarray,
    n_docs: float,
    n_words: np.ndarray,
    bonus: np.ndarray,
    phrase_of: dict[str, int],
    context: str,
) -> tuple[str, frozenset[str]] | None:
    """Return the topic's label (title case) and its stems, or None when no phrase is eligible.

    Phrases are ranked by :func:`_label_scores`; a single word that names a
    service by its verb is replaced by the service (``_NOMINAL``: "print" ->
    "Printing").

    A single word gives way to the best longer phrase around it that scores (without
    the length bonus) at least ``_EXTEND`` of it, or ``_EXTEND_GENERIC`` when it adds
    a generic word ("room" -> "study room", "hours" -> "library hours", but not "fine"
    -> "library fine" when most questions just say "fine"). When no
    phrase is used by ``_MIN_COVERAGE`` of the topic's questions (a mixed topic), the
    phrase used by most of them comes first, or the two most used words joined by
    "and" when each is used by a tenth of the questions and they are not one phrase.
    """
    pos = np.flatnonzero(scores > 0)
    if not len(pos):
        return None
    order = pos[np.lexsort((pos, -scores[pos]))][:25].tolist()
    pair: tuple[str, str] | None = None
    if row_T[pos].max() < _MIN_COVERAGE * n_docs and n_docs >= 10:
        by_use = pos[np.lexsort((pos, -scores[pos], -row_T[pos]))].tolist()
        first = by_use[0]
        if first in order:
            order.remove(first)
        order.insert(0, first)
        singles = [j for j in by_use if n_words[j] == 1][:2]
        if len(singles) == 2 and min(row_T[singles]) >= 0.1 * n_docs:
            a, b = (str(display[j]) for j in singles)
            together = max((row_T[phrase_of[p]] for p in (f"{a} {b}", f"{b} {a}") if p in phrase_of), default=0.0)
            if not (_stems(a) & _stems(b)) and together < 0.5 * min(row_T[singles]):
                pair = (a, b)
    else:
        raw = np.where(bonus > 0, scores / np.where(bonus > 0, bonus, 1.0), 0.0)
        first = order[0]
        if " " not in display[first]:
            word = display[first]
            longer = [j for j in order[1:] if word in str(display[j]).split(" ")
                      and raw[j] >= (_EXTEND_GENERIC if any(w in _NOT_ALONE or w in _MIDDLE for w in
                                                            str(display[j]).split(" ") if w != word) else _EXTEND)
                      * raw[first]]
            if longer:
                order.remove(longer[0])
                order.insert(0, longer[0])
    if pair is not None:
        a, b = pair
        return f"{_title(a, context)} and {_title(b, context)}", _stems(a) | _stems(b)
    phrase = str(display[order[0]])
    label = _NOMINAL[phrase] if phrase in _NOMINAL else (_written_title(phrase, context) or _title(phrase, context))
    return label, _stems(phrase) | _stems(label)


# a title as people write it: capitalised words, with "of", "the", "a", "and" or a comma between them
_JOINING = frozenset({"of", "the", "a", "an", "and", "in", "on", "for", "to", "from"})
_CAP = r"[A-Z][\w'’\-]*"
_TITLE_RUN = re.compile(rf"{_CAP}(?:(?:,?\s+(?:(?:{'|'.join(sorted(_JOINING))})\s+)*|,\s*(?:and\s+)?){_CAP})*")
_TITLE_STOP = frozenset(ENGLISH_STOP_WORDS | {"hi", "hello", "hey", "dear", "quick", "question", "sorry", "thanks",
                                               "please", "ok", "okay", "yes", "no"}) - {"the", "a", "an"}


def _title_words(text: str) -> list[str]:
    """Return the lower-case words of ``text``, possessive 's dropped ("People's" -> "people")."""
    return re.findall(r"[a-z0-9]+", re.sub(r"['’]s\b", "", text.lower()))


def _spaced(text: str) -> str:
    """Return the words of ``text`` as ``" w1 w2 … "``, for whole-word containment tests."""
    return " " + " ".join(_title_words(text)) + " "


def _title_runs(text: str, *, longer_than: int = 1) -> list[str]:
    """Return the titles written in ``text``: capitalised runs that read like a title.

    A run counts when, with the greetings and question words that open or close it
    left out ("Is", "Hi"), it has more than ``longer_than`` and at most eight words, none
    twice ("Zac Question for Zac" is not a title), and a joining word, a leading article
    or a comma ("The Souls of Black Folk", "Guns, Germs, and Steel"; not "Study Room").
    """
    out = []
    for m in _TITLE_RUN.finditer(text):
        tokens = m.group(0).split()
        # greetings and question words around it, and words written in lower case at its ends ("Is a Study
        # Room"): a title's own first word is capitalised ("A People's History")
        while tokens and (tokens[0].strip(",").lower() in _TITLE_STOP or not tokens[0][:1].isupper()):
            tokens.pop(0)
        while tokens and (tokens[-1].strip(",").lower() in _TITLE_STOP | {"the", "a", "an"}
                          or not tokens[-1][:1].isupper()):
            tokens.pop()
        run = " ".join(tokens).rstrip(",")
        lowered = _title_words(run)
        if len(lowered) <= longer_than or len(lowered) > 8 or len(set(lowered)) < len(lowered):
            continue
        if lowered[0] in {"the", "a", "an"} or any(w in _JOINING for w in lowered[1:-1]) or "," in run:
            out.append(run)
    return out


def _written_title(phrase: str, context: str) -> str | None:
    """Return the title the questions write around ``phrase``, when most of its uses sit in one.

    Known-item questions name a book by its title ("Do you have The Souls of Black
    Folk?"); the label phrase is then a piece of it ("black folk"). When at least half
    of the phrase's uses in the topic's questions sit inside one written title (see
    :func:`_title_runs`) longer than the phrase, written so at least twice, that title is
    the label.
    """
    if not context:
        return None
    words = phrase.split(" ")
    skipped = "|".join(sorted(_JOINING | {"my", "your", "our"}))  # words the label phrases leave out
    gap = rf"(?:['’]s)?\W+(?:(?:{skipped})\W+){{0,2}}"
    pattern = r"\b" + gap.join(re.escape(w) for w in words) + r"(?:['’]s)?\b"
    n_uses = len(re.findall(pattern, context, flags=re.IGNORECASE))
    if not n_uses:
        return None
    counts: dict[str, int] = {}
    flat = _spaced(phrase)
    for run in _title_runs(context, longer_than=len(words)):
        joined = _spaced(run)
        if flat in joined or all(f" {w} " in joined for w in words):
            counts[run] = counts.get(run, 0) + 1
    if not counts:
        return None
    run, n = max(counts.items(), key=lambda kv: (kv[1], -len(kv[0])))
    return run if n >= 2 and 2 * n >= n_uses else None


def asked_for_titles(
    texts: Sequence[str] | pd.Series,
    topic_ids: Sequence[int] | np.ndarray | pd.Series,
    *,
    min_share: float = 0.5,
    min_count: int = 2,
) -> pd.DataFrame:
    """Find the topics that are requests for one title: a book or journal people ask for by name.

    "Do you have Born a Crime?", "Can I renew Born a Crime?", "Is Born a Crime on the
    shelf?": no FAQ entry answers these (the catalogue does, or more copies would), so
    they are collection demand rather than FAQs to write. A topic qualifies when one
    written title (a capitalised run that reads like a title, see ``_title_runs``) is
    named, in any case, by at least ``min_share`` of its questions and at least
    ``min_count`` of them.

    Parameters
    ----------
    texts : sequence of str or pandas.Series
        The questions (already scrubbed).
    topic_ids : sequence of int
        One topic id per question (``-1``, miscellaneous, is never a title topic).
    min_share : float, default 0.5
        Share of the topic's questions that must name the title.
    min_count : int, default 2
        Questions that must name it.

    Returns
    -------
    pandas.DataFrame
        One row per title topic, most questions first: ``topic_id``, ``title`` (as most
        questions write it), ``n_questions`` (the topic's), ``n_title`` (naming the
        title) and ``share``.

    Examples
    --------
    >>> asked_for_titles(["Do you have Born a Crime?", "can i renew born a crime", "Is Born a Crime in?",
    ...                   "Where can I print?"], [0, 0, 0, 1])[["topic_id", "title", "n_title"]]
       topic_id         title  n_title
    0         0  Born a Crime        3
    """
    texts, ids, _ = _check_inputs(texts, topic_ids, None)
    rows = []
    for t in sorted(set(ids.tolist()) - {MISC_TOPIC}):
        members = [texts[i] for i in np.flatnonzero(ids == t)]
        written: dict[str, int] = {}
        for text in members:
            for run in set(_title_runs(text)):
                written[run] = written.get(run, 0) + 1
        if not written:
            continue
        # the title, and every question naming it in any case ("born a crime")
        by_words: dict[str, str] = {}
        for run, _n in sorted(written.items(), key=lambda kv: (-kv[1], kv[0])):
            by_words.setdefault(_spaced(run), run)
        flat = [_spaced(x) for x in members]
        best_title, best_n = "", 0
        for words, title in by_words.items():
            n = sum(words in x for x in flat)
            if n > best_n:
                best_title, best_n = title, n
        if best_n >= min_count and best_n >= min_share * len(members):
            rows.append({"topic_id": int(t), "title": best_title, "n_questions": len(members), "n_title": best_n,
                         "share": best_n / len(members)})
    out = pd.DataFrame(rows, columns=["topic_id", "title", "n_questions", "n_title", "share"])
    return out.sort_values(["n_title", "topic_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _distinguishing(
    r: int,
    others: list[int],
    T: np.ndarray,
    n_used: np.ndarray,
    display: np.ndarray,
    n_words: np.ndarray,
    word_ok: np.ndarray,
    stems: frozenset[str],
    keywords: list[str],
) -> list[str]:
    """Return the terms that most set topic ``r`` apart from the topics ``others``, best first.

    A term's gap is the share of the topic's questions using it minus the largest
    share among ``others``. Terms are correctly spelt words and two-word phrases used
    by at least two of the topic's questions, among its keywords or used by a fifth
    of its questions, and not already in the label. A two-word phrase goes before its
    word when its gap is at least 80 % of the word's ("spring break" before "break").
    """
    terms = np.flatnonzero((n_words <= 2) & word_ok & (T[r] >= 2))
    share = T[r, terms] / max(n_used[r], 1.0)
    rival = np.zeros(len(terms))
    for o in others:
        if o >= 0:
            rival = np.maximum(rival, T[o, terms] / max(n_used[o], 1.0))
    gap = share - rival
    kw_words = {w for k in keywords for w in k.split(" ")}
    keep = [i for i, j in enumerate(terms.tolist())
            if gap[i] > 0
            and (share[i] >= 0.2 or all(w in kw_words for w in str(display[j]).split(" ")))
            and not (_stems(str(display[j])) & stems)]
    keep.sort(key=lambda i: (-gap[i], i))
    out: list[str] = []
    for i in keep[:10]:
        phrase = str(display[terms[i]])
        if n_words[terms[i]] == 1:
            longer = [k for k in keep if n_words[terms[k]] == 2 and phrase in str(display[terms[k]]).split(" ")
                      and gap[k] >= 0.8 * gap[i]]
            if longer and str(display[terms[longer[0]]]) not in out:
                out.append(str(display[terms[longer[0]]]))
        if phrase not in out:
            out.append(phrase)
    return out


def _title(phrase: str, context: str) -> str:
    """Return ``phrase`` in title case, keeping the acronyms the questions write in capitals."""
    out = []
    for i, word in enumerate(phrase.split(" ")):
        if i > 0 and word in _MIDDLE:
            out.append(word)
            continue
        form = word.capitalize()
        if context and len(word) <= 6 and word.isalnum():
            found = re.findall(rf"(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])", context, flags=re.I)
            if found:
                upper = sum(1 for s in found if s.isupper() and len(s) >= 2)
                if upper * 2 > len(found):
                    form = word.upper()
        out.append(form)
    return " ".join(out)


def _pick_examples(
    text_list: list[str],
    ids: np.ndarray,
    topics: np.ndarray,
    used: np.ndarray,
    t_index: np.ndarray,
    X: sp.csr_matrix,
    ctfidf: np.ndarray,
    idf: np.ndarray,
    vecs: Any,
    k: int,
) -> list[list[str]]:
    examples: list[list[str]] = []
    if k == 0:
        return [[] for _ in topics]
    if vecs is not None:
        positions = _groups(ids, topics)
    else:
        Xw = _normalize_rows(X @ sp.diags(idf.astype(np.float32))) if X.shape[1] else None
        rows_of = _groups(t_index, np.arange(len(topics)))
    for r, t in enumerate(topics):
        if vecs is not None:
            members = positions[r]
            sub = _normalize_rows(vecs[members])
            centroid = np.asarray(sub.mean(axis=0)).ravel()
            sims = np.asarray(sub @ centroid).ravel()
        else:
            rows = rows_of[r]
            members = used[rows]
            if Xw is None:
                sims = np.zeros(len(members))
            else:
                c = ctfidf[r].astype(np.float32)
                norm = float(np.linalg.norm(c)) or 1.0
                sims = np.asarray(Xw[rows] @ (c / norm)).ravel()
        examples.append(_choose_examples(text_list, members, sims, k))
    return examples


def _choose_examples(text_list: list[str], members: np.ndarray, sims: np.ndarray, k: int) -> list[str]:
    """Return ``k`` representative, short, clean, mutually different texts among ``members``.

    The score is the similarity to the topic (relative to the best) minus penalties
    for length (beyond 80 characters) and for boilerplate (the share of the text
    that greetings and thanks take). A candidate is skipped when its content words
    mostly repeat those of an example already chosen.
    """
    lengths = np.array([len(text_list[i]) for i in members], dtype=np.float64)
    top = max(1e-9, float(sims.max())) if len(sims) else 1.0
    penalty = 0.15 * np.log2(np.maximum(lengths, 80.0) / 80.0)
    score = np.where(lengths > 0, sims / top - penalty, -np.inf)
    order = np.lexsort((members, -score))[: max(50, 10 * k)]
    # re-rank the best candidates with the boilerplate penalty (costly, so on few texts)
    rescored = []
    for j in order:
        text = _SPACES.sub(" ", text_list[members[j]]).strip()
        if not text:
            continue
        raw = len(_WORD.findall(text.lower()))
        key = _normalize(text)
        kept = len(key.split())
        noise = 1.0 - kept / raw if raw else 1.0
        rescored.append((score[j] - 0.3 * noise, int(members[j]), text, key))
    rescored.sort(key=lambda x: (-x[0], x[1]))
    analyzer = _phrase_analyzer()
    chosen: list[str] = []
    seen: list[set[str]] = []
    for _, _, text, key in rescored:
        content = {_singular(p) for p in analyzer(key) if " " not in p} or set(key.split())
        if any(content == s or (min(len(content), len(s)) >= 3 and len(content & s) / min(len(content), len(s)) >= 0.8)
               for s in seen):
            continue
        chosen.append(text)
        seen.append(content)
        if len(chosen) == k:
            break
    return chosen


# --------------------------------------------------------------------------------------
# recurring_questions
# --------------------------------------------------------------------------------------

_PROJECTION_DIM = 256
_PROJECTION_MARGIN = 0.12
_BLOCK = 2048
# topics with more distinct questions than this are grouped on a sample of this many,
# and the rest are assigned to the sample's groups (see _star_groups)
_MAX_DENSE_UNITS = 12_000
_MAX_ASSIGN_PAIRS = 300_000_000


def recurring_questions(
    texts: Sequence[str] | pd.Series,
    topic_ids: Sequence[int] | np.ndarray | pd.Series,
    *,
    question_ids: Sequence[str] | pd.Series | None = None,
    vectors: np.ndarray | None = None,
    min_count: int = 2,
    similarity: float = 0.8,
) -> pd.DataFrame:
    """Find groups of near-identical questions inside each topic: the FAQ candidates.

    Questions are first reduced to a comparison key (greetings, thanks and
    punctuation removed, lower case); identical keys are one question asked several
    times. Near-identical questions are those whose cosine similarity is at least
    ``similarity`` -- on character 3-5-gram TF-IDF of the keys by default, or on
    ``vectors`` when given. Groups are formed by star clustering: the question with
    the most near-identical neighbours (weighted by repeats) becomes a group centre
    and takes all its ungrouped neighbours, and so on; every member is therefore
    near-identical to its centre (no chaining through a long path). Only pairs
    within one topic are compared, in blocks, so memory stays bounded; for the
    character n-grams, candidate pairs come from a fixed random projection and every
    grouped pair is checked on the exact TF-IDF vectors.

    Parameters
    ----------
    texts : sequence of str or pandas.Series
        The questions (already scrubbed).
    topic_ids : sequence of int
        One topic id per question (``-1``, miscellaneous, is grouped too).
    question_ids : sequence of str, optional
        One id per question; defaults to the positions ``"0"``, ``"1"``, ...
    vectors : numpy.ndarray, optional
        One vector per question; when given, similarity is their cosine.
    min_count : int, default 2
        Smallest group reported.
    similarity : float, default 0.8
        Cosine similarity from which two questions count as the same question.

    Returns
    -------
    pandas.DataFrame
        One row per group, sorted by ``count`` (descending), then ``topic_id`` and
        position of the first question, with columns ``topic_id`` (int),
        ``group_id`` (int, 0.. in that order), ``count`` (int), ``representative``
        (str, the medoid question's original text) and ``question_ids`` (list of
        str, in input order).

    Examples
    --------
    >>> texts = ["How do I renew my books?", "how do i renew my book", "Hi! How do I renew my books? Thanks",
    ...          "Where is the printer?"]
    >>> recurring_questions(texts, [0, 0, 0, 1])[["topic_id", "count", "representative"]]
       topic_id  count            representative
    0         0      3  How do I renew my books?
    """
    text_list, ids, vecs = _check_inputs(texts, topic_ids, vectors)
    if not 0.0 < similarity <= 1.0:
        raise InputError(f"similarity must be in (0, 1], got {similarity!r}", fix="pass e.g. similarity=0.8")
    if min_count < 1:
        raise InputError(f"min_count must be at least 1, got {min_count!r}", fix="pass e.g. min_count=2")
    if question_ids is None:
        qids = [str(i) for i in range(len(text_list))]
    else:
        qids = [_as_str(q) for q in question_ids]
        if len(qids) != len(text_list):
            raise InputError(
                f"question_ids has {len(qids)} values for {len(text_list)} texts",
                column="question_id",
                fix="pass one id per question",
            )
    empty = pd.DataFrame(
        {
            "topic_id": pd.Series([], dtype=np.int64),
            "group_id": pd.Series([], dtype=np.int64),
            "count": pd.Series([], dtype=np.int64),
            "representative": pd.Series([], dtype=object),
            "question_ids": pd.Series([], dtype=object),
        }
    )
    if not text_list:
        return empty

    cache: dict[str, str] = {}
    keys = np.empty(len(text_list), dtype=object)
    for p, t in enumerate(text_list):
        k = cache.get(t)
        if k is None:
            k = cache[t] = _normalize(t)
        keys[p] = k
    if vecs is None:
        units, unit_of, unit_topic = _units_by_key(keys, ids)
        unit_texts = [keys[units[u][0]] for u in range(len(units))]
        valid = np.array([bool(k) for k in unit_texts])
        U = _char_tfidf(unit_texts, valid)
        Z = _project(U)
        exact = U
    else:
        # with vectors, identical keys are still one question (when the key is not empty)
        units, unit_of, unit_topic = _units_by_key(keys, ids, vectors_given=True)
        valid = np.ones(len(units), dtype=bool)
        first = np.array([u[0] for u in units], dtype=np.int64)
        Z = vecs[first].toarray() if sp.issparse(vecs) else vecs[first]
        Z = _normalize_rows(np.asarray(Z, dtype=np.float32))
        exact = None
    weights = np.array([len(u) for u in units], dtype=np.int64)

    groups: list[tuple[int, list[int], int]] = []  # (topic, member units, medoid unit)
    unit_topics = np.unique(unit_topic)
    for t, members in zip(unit_topics, _groups(unit_topic, unit_topics)):
        members = members[valid[members]]
        if len(members) == 0:
            continue
        if weights[members].sum() < min_count:
            continue
        for grp, medoid in _star_groups(members, Z, exact, weights, similarity):
            if weights[grp].sum() >= min_count:
                groups.append((int(t), grp, medoid))
    if not groups:
        return empty

    rows = []
    for t, grp, medoid in groups:
        positions = sorted(p for u in grp for p in units[u])
        rows.append(
            {
                "topic_id": t,
                "count": len(positions),
                "first": positions[0],
                "representative": _cleanest([text_list[p] for p in units[medoid]]),
                "question_ids": [qids[p] for p in positions],
            }
        )
    out = pd.DataFrame(rows).sort_values(["count", "topic_id", "first"], ascending=[False, True, True], kind="mergesort")
    out = out.reset_index(drop=True)
    out.insert(1, "group_id", np.arange(len(out), dtype=np.int64))
    out = out.drop(columns="first")
    out["topic_id"] = out["topic_id"].astype(np.int64)
    out["count"] = out["count"].astype(np.int64)
    out["representative"] = out["representative"].astype(object)
    out["question_ids"] = out["question_ids"].astype(object)
    return out[RECURRING_COLUMNS]


def _cleanest(texts: list[str]) -> str:
    """Return the cleanest of texts that share a key: least boilerplate, capitalised, shortest, then first."""
    best = None
    for i, text in enumerate(texts):
        text = _SPACES.sub(" ", text).strip()
        extra = len(_WORD.findall(text.lower())) - len(_normalize(text).split())
        rank = (extra, not text[:1].isupper(), len(text), i)
        if best is None or rank < best[0]:
            best = (rank, text)
    return best[1] if best else ""


def _units_by_key(keys: np.ndarray, ids: np.ndarray, vectors_given: bool = False) -> tuple[list[list[int]], np.ndarray, np.ndarray]:
    """Collapse questions with the same (topic, key) into one unit; return units (positions), unit of each question, unit topics."""
    index: dict[tuple[int, str], int] = {}
    units: list[list[int]] = []
    unit_of = np.empty(len(keys), dtype=np.int64)
    for p, (t, k) in enumerate(zip(ids.tolist(), keys.tolist())):
        if vectors_given and not k:
            ukey: tuple[int, str] = (t, f"\x00{p}")  # empty key: keep the question on its own
        else:
            ukey = (t, k)
        u = index.get(ukey)
        if u is None:
            u = index[ukey] = len(units)
            units.append([])
        units[u].append(p)
        unit_of[p] = u
    unit_topic = np.array([ids[u[0]] for u in units], dtype=np.int64)
    return units, unit_of, unit_topic


def _char_tfidf(unit_texts: list[str], valid: np.ndarray) -> sp.csr_matrix:
    """Return L2-normalised character 3-5-gram TF-IDF rows of the unit keys (empty rows for invalid keys).

    As scikit-learn's ``char_wb`` analyzer, n-grams stay inside words padded with a
    space. They are hashed (2**22 buckets) with vectorised rolling hashes over the
    UTF-8 bytes of the words, which is several times faster than a Python analyzer.
    Term frequencies are sublinear (1 + log tf), idf is smoothed as in scikit-learn.
    Features that occur in one unit only are dropped after normalisation: they add
    nothing to any dot product.
    """
    n_docs = len(unit_texts)
    # one piece per word, padded with spaces like scikit-learn's "char_wb" analyzer
    words = [t.split() if v else [] for t, v in zip(unit_texts, valid)]
    n_words = np.fromiter((len(w) for w in words), dtype=np.int64, count=n_docs)
    pieces = [(" " + w + " ").encode("utf-8") for ws in words for w in ws]
    piece_len = np.fromiter((len(b) + 1 for b in pieces), dtype=np.int64, count=len(pieces))
    codes = np.frombuffer(b"\x00".join(pieces) + b"\x00", dtype=np.uint8).astype(np.uint64)
    doc_of = np.repeat(np.repeat(np.arange(n_docs, dtype=np.int64), n_words), piece_len)
    is_sep = codes == 0
    seps = np.concatenate([[0], np.cumsum(is_sep)])
    all_rows: list[np.ndarray] = []
    all_cols: list[np.ndarray] = []
    n_bits = 22
    for n in (3, 4, 5):
        if len(codes) < n:
            continue
        m = len(codes) - n + 1
        ok = (seps[n : n + m] - seps[:m]) == 0
        h = np.full(m, np.uint64(n), dtype=np.uint64)
        for i in range(n):
            h *= np.uint64(1_000_003)
            h += codes[i : i + m]
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(32)
        all_rows.append(doc_of[:m][ok])
        all_cols.append((h[ok] >> np.uint64(64 - n_bits)).astype(np.int64))
    if not all_rows or not sum(len(r) for r in all_rows):
        return sp.csr_matrix((n_docs, 1), dtype=np.float32)
    rows = np.concatenate(all_rows)
    cols = np.concatenate(all_cols)
    order = np.argsort(rows, kind="stable")  # three sorted runs: a cheap merge
    indptr = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=n_docs))])
    X = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), cols[order], indptr), shape=(n_docs, 1 << n_bits))
    X.sum_duplicates()
    X.data = 1.0 + np.log(X.data)
    df = np.bincount(X.indices, minlength=X.shape[1])
    idf = (np.log((1.0 + n_docs) / (1.0 + df)) + 1.0).astype(np.float32)
    X.data *= idf[X.indices]
    X = _normalize_rows(X).tocsr()
    keep = np.flatnonzero(df >= 2)
    remap = np.full(X.shape[1], -1, dtype=np.int64)
    remap[keep] = np.arange(len(keep))
    mask = remap[X.indices] >= 0
    kept_before = np.concatenate([[0], np.cumsum(mask)])
    indptr = kept_before[X.indptr]
    out = sp.csr_matrix(
        (X.data[mask].astype(np.float32), remap[X.indices[mask]], indptr), shape=(n_docs, max(len(keep), 1))
    )
    out.sort_indices()
    return out


def _project(X: sp.csr_matrix) -> np.ndarray:
    """Return a fixed sparse random projection of ``X``, rows L2-normalised (for candidate pairs only)."""
    n_features = X.shape[1]
    rng = np.random.default_rng(0)
    density = min(1.0, 1.0 / math.sqrt(max(n_features, 1)))
    nnz = max(1, int(round(n_features * _PROJECTION_DIM * density)))
    rows = rng.integers(0, n_features, nnz)
    cols = rng.integers(0, _PROJECTION_DIM, nnz)
    signs = rng.choice(np.array([-1.0, 1.0], dtype=np.float32), nnz)
    R = sp.csr_matrix((signs, (rows, cols)), shape=(n_features, _PROJECTION_DIM), dtype=np.float32)
    Z = np.asarray((X @ R).toarray(), dtype=np.float32)
    return _normalize_rows(Z)


def _exact_sims(Xt: sp.csr_matrix, r: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Return the dot products of the sparse rows ``r[k]`` and ``c[k]`` of ``Xt``, in chunks."""
    sims = np.empty(len(r), dtype=np.float32)
    step = 200_000
    for k in range(0, len(r), step):
        a = Xt[r[k : k + step]]
        b = Xt[c[k : k + step]]
        sims[k : k + step] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return sims


def _star_local(Zt: np.ndarray, Xt: sp.csr_matrix | None, w: np.ndarray, similarity: float) -> list[np.ndarray]:
    """Star-cluster all rows of ``Zt``; return every group (singletons included) as local indices, centre first."""
    m = len(Zt)
    threshold = similarity - 1e-6
    candidate = threshold - (_PROJECTION_MARGIN if Xt is not None else 0.0)
    # pairs i < j above the (candidate) threshold, from blocked dense similarities
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for start in range(0, m, _BLOCK):
        S = Zt[start : start + _BLOCK] @ Zt[start:].T
        r, c = np.nonzero(S >= candidate)
        keep = c > r
        rows.append(r[keep] + start)
        cols.append(c[keep] + start)
    r = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
    c = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
    if Xt is not None and len(r):
        ok = _exact_sims(Xt, r, c) >= threshold
        r, c = r[ok], c[ok]
    A = sp.csr_matrix(
        (np.ones(2 * len(r), dtype=np.float32), (np.concatenate([r, c]), np.concatenate([c, r]))), shape=(m, m)
    )
    A.sum_duplicates()
    degree = w + np.asarray(A @ w).ravel()
    order = np.lexsort((np.arange(m), -w, -degree))
    assigned = np.zeros(m, dtype=bool)
    indptr, indices = A.indptr, A.indices
    groups: list[np.ndarray] = []
    for ci in order:
        if assigned[ci]:
            continue
        nbrs = indices[indptr[ci] : indptr[ci + 1]]
        if len(nbrs):
            nbrs = np.sort(nbrs[~assigned[nbrs]])
        assigned[ci] = True
        assigned[nbrs] = True
        groups.append(np.concatenate([[ci], nbrs]).astype(np.int64))
    return groups


def _star_groups(
    members: np.ndarray,
    Z: np.ndarray,
    exact: sp.csr_matrix | None,
    weights: np.ndarray,
    similarity: float,
) -> list[tuple[list[int], int]]:
    """Group the units ``members`` of one topic; return (member units, medoid unit) per group of weight >= 2.

    ``Z`` holds L2-normalised dense rows: the exact vectors, or a projection of the
    sparse ``exact`` rows that only proposes candidate pairs (then checked on
    ``exact``). Topics with more than ``_MAX_DENSE_UNITS`` distinct questions are
    grouped on a sample (the most repeated questions first, then an even spread),
    and every other question joins the group of its most similar sample centre
    when it is near-identical to it; so a recurring question is found as long as
    one of its forms is in the sample.
    """
    m = len(members)
    Zt = Z[members]
    Xt = exact[members] if exact is not None else None
    w = weights[members].astype(np.float64)
    if m <= _MAX_DENSE_UNITS:
        groups = _star_local(Zt, Xt, w, similarity)
    else:
        order = np.lexsort((np.arange(m), -w))
        half = _MAX_DENSE_UNITS // 2
        rest = order[half:]
        sample = np.sort(np.concatenate([order[:half], _spread(rest, _MAX_DENSE_UNITS - half)]))
        in_sample = np.zeros(m, dtype=bool)
        in_sample[sample] = True
        local = _star_local(Zt[sample], Xt[sample] if Xt is not None else None, w[sample], similarity)
        groups_list = [sample[g] for g in local]
        others = np.flatnonzero(~in_sample)
        # centres to assign to: all sample groups, or only the recurring ones when that is too costly
        cand_groups = np.arange(len(groups_list))
        if len(others) * len(cand_groups) > _MAX_ASSIGN_PAIRS:
            cand_groups = np.array([k for k, g in enumerate(groups_list) if w[g].sum() >= 2], dtype=np.int64)
        centres = np.array([groups_list[k][0] for k in cand_groups], dtype=np.int64)
        extra: list[list[int]] = [[] for _ in groups_list]
        if len(centres) and len(others):
            threshold = similarity - 1e-6
            candidate = threshold - (_PROJECTION_MARGIN if Xt is not None else 0.0)
            for start in range(0, len(others), _BLOCK):
                chunk = others[start : start + _BLOCK]
                best = np.full(len(chunk), -1, dtype=np.int64)
                best_sim = np.full(len(chunk), -np.inf, dtype=np.float32)
                for cstart in range(0, len(centres), 4 * _BLOCK):
                    S = Zt[chunk] @ Zt[centres[cstart : cstart + 4 * _BLOCK]].T
                    j = S.argmax(axis=1)
                    v = S[np.arange(len(chunk)), j]
                    better = v > best_sim
                    best_sim[better] = v[better]
                    best[better] = j[better] + cstart
                hit = np.flatnonzero(best_sim >= candidate)
                if Xt is not None and len(hit):
                    ok = _exact_sims(Xt, chunk[hit], centres[best[hit]]) >= threshold
                    hit = hit[ok]
                for h in hit:
                    extra[cand_groups[best[h]]].append(int(chunk[h]))
        groups = []
        for g, more in zip(groups_list, extra):
            if more:
                g = np.concatenate([g[:1], np.sort(np.concatenate([g[1:], np.array(more, dtype=np.int64)]))])
            groups.append(g)
    out: list[tuple[list[int], int]] = []
    for g in groups:
        if w[g].sum() < 2:
            continue
        grp = np.sort(g)
        if len(grp) == 1:
            medoid = int(grp[0])
        else:
            # medoid: the member with the largest weighted similarity to all members
            G = Zt[grp]
            score = G @ (G.T @ w[grp])
            medoid = int(grp[int(np.lexsort((grp, -np.round(score, 5)))[0])])
        out.append(([int(members[i]) for i in grp], int(members[medoid])))
    return out
