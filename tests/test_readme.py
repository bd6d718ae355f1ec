"""The README's "In a notebook" code does what its text says, on a small seeded log."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def _notebook_blocks() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("### In a notebook", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


@pytest.fixture(scope="module")
def fitted():
    import asklens

    questions, faq, _ = asklens.generate_questions(1200, start="2025-01-01", end="2025-12-31", random_state=0)
    model = asklens.TopicModel(random_state=0).fit(questions)
    return asklens, questions.assign(topic_id=model.labels_), faq, model


def test_readme_has_the_notebook_blocks():
    blocks = _notebook_blocks()
    assert len(blocks) >= 2
    assert "classify_topics" in blocks[0] and "asklens.embed" in blocks[1]


@pytest.mark.slow
def test_readme_embed_once_block_keeps_the_topic_labels(fitted):
    # the "embed once" block must give the same readable topic labels as the first block,
    # not "topic 12" placeholders (it used to leave out topics=model.topics_)
    asklens, questions, faq, model = fitted
    ns = {"asklens": asklens, "questions": questions, "faq": faq, "model": model}
    exec(_notebook_blocks()[1], ns)
    labels = dict(zip(model.topics_["topic_id"], model.topics_["label"]))
    for name in ("rubric", "gaps"):
        table = ns[name]
        assert len(table), name
        shown = table.dropna(subset=["topic_id"])
        assert len(shown), name
        for tid, label in zip(shown["topic_id"], shown["topic_label"]):
            assert label == labels[tid], (name, tid, label)
