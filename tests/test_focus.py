"""Tests for asklens.focus: finding the request in a noisy chat opening."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Can i print something really quick Thank you!", "Can i print something really quick"),
        ("how do i send something to the printer Thank you!", "How do i send something to the printer"),
        ("Where is the scanner Any help would be appreciated.", "Where is the scanner"),
        ("How do I activate my library account? Thanks in advance.", "How do I activate my library account?"),
        ("i need peer-reviewed articles on renewable energy policy thanks so much!",
         "I need peer-reviewed articles on renewable energy policy"),
        ("can i reserve room 118 on saturday ty", "Can i reserve room 118 on saturday"),
        ("how much is the fine 4 a late book thx", "How much is the fine 4 a late book"),
        ("can you find me research studies on test anxiety please?", "Can you find me research studies on test anxiety?"),
        ("I need recent issues of Marine Biology. Any and all help would be greatly appreciated. Thanks in advance, - [NAME]",
         "I need recent issues of Marine Biology."),
        ("I'm researching esports for my thesis. I appreciate your help.", "I'm researching esports for my thesis."),
        ("Is the library open tonight? Best regards.", "Is the library open tonight?"),
        ("Does the library have a copy of Moby-Dick? :)", "Does the library have a copy of Moby-Dick?"),
    ],
)
def test_focus_strips_trailing_thanks_and_sign_offs(text: str, expected: str) -> None:
    assert focus_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Is the library open 24 hours during finals? My email is [EMAIL].", "Is the library open 24 hours during finals?"),
        ("Where do I pick up course reserves? Please reply to [EMAIL] Thanks!", "Where do I pick up course reserves?"),
        ("How do I access databases from home? you can email me at [EMAIL]", "How do I access databases from home?"),
        ("Is there a scanner in the library You can call me at [PHONE].", "Is there a scanner in the library"),
        ("Is the library wheelchair accessible? Call me back at [PHONE] please.", "Is the library wheelchair accessible?"),
        ("I'm writing a policy brief on women in STEM. my number is [PHONE]", "I'm writing a policy brief on women in STEM."),
        ("Do u charge late fees My library card number is [CARD].", "Do u charge late fees"),
        ("I'm researching esports. my barcode is [CARD] Best regards.", "I'm researching esports."),
        ("Can a librarian visit my ENG 111 class? Card number: [CARD].", "Can a librarian visit my ENG 111 class?"),
        ("Is room 305 free right now? ([EMAIL])", "Is room 305 free right now?"),
        ("How do I export citations from Web of Science to Zotero? - [NAME]",
         "How do I export citations from Web of Science to Zotero?"),
        ("Someone is in the room i booked you can email me at [EMAIL] pls", "Someone is in the room i booked"),
    ],
)
def test_focus_drops_contact_details(text: str, expected: str) -> None:
    assert focus_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi, I hope this email finds you well. Can the public borrow books? Thanks!", "Can the public borrow books?"),
        ("How do I format my reference list in AMA? I'm working from home today.",
         "How do I format my reference list in AMA?"),
        ("How do I sign up for the author talk? Sorry if this is the wrong place to ask.",
         "How do I sign up for the author talk?"),
        ("Sorry if this is a dumb question but where is the printer?", "Where is the printer?"),
        ("I left a blue umbrella in the library, has anyone turned it in? It's kind of urgent.",
         "I left a blue umbrella in the library, has anyone turned it in?"),
        ("Hello, I'm a student here. Do we have access to the MLA International Bibliography database?",
         "Do we have access to the MLA International Bibliography database?"),
        ("Does the library close early on Labor Day? I'm a graduate student in sociology.",
         "Does the library close early on Labor Day?"),
        ("I'm looking for the book Beloved. I looked on the website but couldn't find it.",
         "I'm looking for the book Beloved."),
        ("The off-campus login isn't working. My professor told me to ask the library.",
         "The off-campus login isn't working."),
        ("Where do I print? I tried calling but nobody picked up.", "Where do I print?"),
        ("My renewal didn't work. I asked at the front desk last week but wanted to check again.",
         "My renewal didn't work."),
        ("Is there an elevator to the first floor? This is for a class assignment.", "Is there an elevator to the first floor?"),
    ],
)
def test_focus_drops_context_sentences(text: str, expected: str) -> None:
    assert focus_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello Library Team, My EndNote library isn't syncing.", "My EndNote library isn't syncing."),
        ("Hi library friends, who supervises student employees?", "Who supervises student employees?"),
        ("To whom it may concern, Where can I find the Embase database?", "Where can I find the Embase database?"),
        ("Quick question — can I borrow a ring light?", "Can I borrow a ring light?"),
        ("Q: How do I add money to my print account?", "How do I add money to my print account?"),
        ("Phone: Which wifi network should I use?", "Which wifi network should I use?"),
        ("Asked can I borrow a hotspot?", "Can I borrow a hotspot?"),
        ("Hello :-) I am looking for literature on birds", "I am looking for literature on birds"),
    ],
)
def test_focus_strips_addresses_and_channel_tags(text: str, expected: str) -> None:
    assert focus_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # thanks, contact words and context that are the subject matter
        "How do I write a thank you note to a donor?",
        "Do you sell thank you cards",
        "How do I change my email to [EMAIL]?",
        "My barcode is [CARD] and it doesn't scan at the self-checkout.",
        "I'm an alumnus, can I still use the databases?",
        "I'm not a student, can I visit the library?",
        "I'm a student at another university, can I borrow books?",
        "I'm working from home and the VPN won't connect to JSTOR.",
        "Sorry for returning the book late, is there a fine?",
        "What database is best",
        "Which reference style uses regards or sincerely in letters",
        "Is the 24 hour limit on camera checkout strict",
        "I'm free most afternoons and would like to meet a librarian about my thesis.",
        "How do I cite an email in APA?",
        "Can I call the library to renew a book?",
    ],
)
def test_focus_keeps_subject_matter(text: str) -> None:
    assert focus_text(text).rstrip(".?") == text.rstrip(".?")


def test_focus_keeps_context_when_it_is_all_there_is() -> None:
    # context and contact sentences go only when another sentence remains; nothing is ever dropped whole
    assert focus_text("I'm a first-year student.") == "I'm a first-year student."
    assert focus_text("My email is [EMAIL].") == "My email is [EMAIL]."
    assert focus_text("Hi, I'm a transfer student. Thanks!") == "I'm a transfer student."
    assert focus_text("It's kind of urgent. Thanks!") == "It's kind of urgent."
    assert focus_text("just thanks") == "just thanks"
    assert focus_text("Can you help please?") == "Can you help please?"


_PIECES = ["Hi,", "Thanks!", "thank you", "please", "[EMAIL]", "[PHONE]", "[NAME]", "My email is [EMAIL].", "ty",
           "I'm a first-year student.", "It's kind of urgent.", ":)", "-", "Any help would be appreciated.", "renew",
           "Where is the printer?", "Best regards.", "Q:", "Sorry if this is the wrong place to ask.", "my", "book"]


@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8))
@settings(max_examples=300, deadline=None)
def test_focus_never_drops_the_whole_text(pieces: list[str]) -> None:
    text = " ".join(pieces)
    out = focus_text(text)
    assert out.strip()
    assert len(out) <= len(text) + 1  # at most a question mark kept from a removed tail
