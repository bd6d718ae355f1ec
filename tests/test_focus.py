"""Tests for asklens.focus: finding the request in a noisy chat opening."""

from __future__ import annotations

import pytest

from asklens.focus import focus_text, focus_texts, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi! I was wondering if you could help me. Where can I print a poster? Thanks so much!",
         "Where can I print a poster?"),
        ("Hello, I have a question. How do I renew a book? I hope that makes sense!", "How do I renew a book?"),
        ("Good morning! Could you help me? I need a study room for Friday. Thank you!",
         "I need a study room for Friday."),
        ("hey there - can I renew online?", "Can I renew online?"),
        ("Hi there, I'm looking for articles on solar energy. Thanks, [NAME]", "I'm looking for articles on solar energy."),
        ("My card is lost! What can I do?", "My card is lost!"),
        ("Help! Someone stole my card!", "Someone stole my card!"),
    ],
)
def test_focus_strips_pleasantries_and_keeps_the_request(text: str, expected: str) -> None:
    assert focus_text(text) == expected


def test_focus_keeps_requests_that_contain_boilerplate_words() -> None:
    # "help me find them" carries the request; only a bare "help me." is boilerplate
    out = focus_text("I need two peer reviewed sources. I was wondering if you could help me find them.")
    assert "find them" in out
    assert focus_text("How are you determining your exchange rates?") == "How are you determining your exchange rates?"


def test_focus_never_returns_nothing() -> None:
    assert focus_text("Thanks!") == "Thanks!"
    assert focus_text("Hi") == "Hi"
    assert focus_text("") == ""
    assert focus_text(None) == ""  # type: ignore[arg-type]


def test_focus_repairs_double_decoded_text() -> None:
    assert focus_text("I canâ€™t find the book") == "I can't find the book"


def test_focus_does_not_split_at_initials() -> None:
    assert split_sentences("Vistas by José A. Blanco, 2nd edition. Do you have it?") == [
        "Vistas by José A. Blanco, 2nd edition.", "Do you have it?"]


def test_focus_caps_sentences_and_maps_lists() -> None:
    text = "One about maps. Two about maps. Three about maps. Four about maps. Five about maps."
    assert focus_text(text, max_sentences=2) == "One about maps. Two about maps."
    assert focus_texts(["hello, where is the library?", "thanks"]) == ["Where is the library?", "thanks"]
