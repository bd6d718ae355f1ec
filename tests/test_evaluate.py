"""Tests for asklens.evaluate and the ``asklens evaluate`` command."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from asklens.evaluate import clustering_scores, evaluate_topics, hungarian_accuracy

TEXTS = ["How do I renew my book?", "renew a book online", "can I renew books", "renewing my loan",
         "Where can I print?", "printing costs", "the printer is jammed", "print a poster in colour",
         "book a study room", "reserve a group study room", "study room for tonight", "study rooms free?"] * 4
LABELS = ["renew"] * 4 + ["print"] * 4 + ["room"] * 4
LABELS = LABELS * 4


def test_hungarian_accuracy_matches_one_to_one_and_counts_misc_wrong() -> None:
    assert hungarian_accuracy(["a", "a", "b", "b"], [1, 1, 0, 0]) == 1.0
    assert hungarian_accuracy(["a", "a", "b", "b"], [0, 0, 0, 0]) == 0.5  # one topic can match one label only
    assert hungarian_accuracy(["a", "a", "b", "b"], [1, 1, 0, -1]) == 0.75
    assert hungarian_accuracy(["a"], [-1]) == 0.0
    with pytest.raises(ValueError, match="differ in length"):
        hungarian_accuracy(["a"], [0, 1])


def test_clustering_scores_are_label_permutation_invariant() -> None:
    labels = np.array(list("aabbccdd"))
    a = clustering_scores(labels, [0, 0, 1, 1, 2, 2, 3, 3])
    b = clustering_scores(labels, [3, 3, 2, 2, 1, 1, 0, 0])
    assert a == b and a["nmi"] == pytest.approx(1.0) and a["ari"] == pytest.approx(1.0)
    worse = clustering_scores(labels, [0, 1, 0, 1, 0, 1, 0, 1])
    assert worse["nmi"] < 0.2 and worse["n_topics"] == 2
    assert clustering_scores(labels, [0, 0, 1, 1, 2, 2, 3, -1])["misc_share"] == pytest.approx(1 / 8)


def test_evaluate_topics_reports_everything() -> None:
    scores = evaluate_topics(TEXTS, LABELS, random_state=0)
    assert set(scores) >= {"nmi", "ari", "accuracy", "n_topics", "n_labels", "misc_share", "seconds", "n_questions"}
    assert scores["nmi"] > 0.6 and scores["n_labels"] == 3 and scores["n_questions"] == len(TEXTS)
    assert scores["misc_share"] <= 0.05
    forced = evaluate_topics(TEXTS, LABELS, n_topics=3, random_state=0)
    assert forced["n_topics"] == 3
    assert evaluate_topics(TEXTS, LABELS, random_state=0)["nmi"] == scores["nmi"]  # deterministic
    with pytest.raises(ValueError, match="differ in length"):
        evaluate_topics(TEXTS, LABELS[:-1])


def _cli(*args: str) -> subprocess.CompletedProcess:
    """Run the asklens CLI as a user would, in a subprocess."""
    code = "import sys; from asklens.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300,
                          check=False)


@pytest.mark.slow
def test_cli_evaluate_prints_scores_and_json(tmp_path) -> None:
    path = tmp_path / "labelled.csv"
    frame = pd.DataFrame({"question": TEXTS + ["", "orphan"], "intent": LABELS + ["renew", ""]})
    frame.to_csv(path, index=False)
    done = _cli("evaluate", str(path), "--text-col", "question", "--label-col", "intent", "--json")
    assert done.returncode == 0, done.stderr
    scores = json.loads(done.stdout)
    assert scores["n_questions"] == len(TEXTS) and scores["rows_dropped"] == 2
    assert 0 <= scores["nmi"] <= 1 and scores["backend"] == "tfidf"
    text = _cli("evaluate", str(path), "--text-col", "question", "--label-col", "intent", "--n-topics", "3")
    assert text.returncode == 0, text.stderr
    assert "NMI" in text.stdout and "topics found       3" in text.stdout and "miscellaneous" in text.stdout


@pytest.mark.slow
def test_cli_evaluate_errors_are_one_line(tmp_path) -> None:
    path = tmp_path / "labelled.csv"
    pd.DataFrame({"question": TEXTS, "intent": LABELS}).to_csv(path, index=False)
    done = _cli("evaluate", str(path), "--text-col", "text", "--label-col", "intent")
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "'text'" in done.stderr and "Traceback" not in done.stderr
    missing = _cli("evaluate", str(tmp_path / "nope.csv"), "--text-col", "q", "--label-col", "l")
    assert missing.returncode == 2 and "no such file" in missing.stderr
    bad = _cli("evaluate", str(path), "--text-col", "question", "--label-col", "intent", "--backend", "bert")
    assert bad.returncode == 2 and "unknown vectorizer backend" in bad.stderr


@pytest.mark.slow
def test_default_vectorizer_meets_the_quality_targets_on_real_questions(shared_data) -> None:
    banking = pd.read_csv(shared_data / "banking77" / "test.csv", dtype=str, keep_default_na=False)
    miami = pd.read_csv(shared_data / "libchat-miami" / "questions_2023_2024.csv", dtype=str, keep_default_na=False)
    miami = miami[miami["utterance"].str.strip() != ""]
    b = evaluate_topics(banking["text"].tolist(), banking["category"], random_state=0)
    m = evaluate_topics(miami["utterance"].tolist(), miami["intent"], random_state=0)
    assert b["nmi"] >= 0.65 and b["misc_share"] <= 0.05, b
    assert m["nmi"] >= 0.32 and m["misc_share"] <= 0.05, m
