"""Tests for asklens.text: repair, HTML, decoding, transcripts."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asklens.text import (
    Message,
    decode_bytes,
    first_patron_message,
    parse_transcript,
    repair_series,
    repair_text,
    strip_html,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("I don\u00e2\u20ac\u2122t know", "I don't know"),  # UTF-8 read as cp1252
        ("I don\u00e2\x80\x99t know", "I don't know"),  # UTF-8 read as latin-1 (C1 controls), as in real data
        ("Caf\u00c3\u00a9 hours", "Café hours"),
        ("<p>Renew <b>online</b></p>", "Renew online"),
        ("Tom &amp; Jerry &quot;book&quot; &#8211; &eacute;", 'Tom & Jerry "book" – é'),
        ("  many \t spaces\n\nand\r\nlines  ", "many spaces and lines"),
        ("zero\u200bwidth\u00a0nbsp", "zerowidth nbsp"),
        ("ctrl\x00\x07chars", "ctrl chars"),
        ("x < 5 and y > 3", "x < 5 and y > 3"),
        ("\u201ccurly\u201d \u2018quotes\u2019", "\"curly\" 'quotes'"),
        (None, ""),
        (float("nan"), ""),
        (pd.NA, ""),
        (42, "42"),
    ],
)
def test_repair_text(raw, expected):
    assert repair_text(raw) == expected


def test_repair_text_keeps_newlines_when_asked():
    assert repair_text("a  b\r\n\r\n  c<br>d", keep_newlines=True) == "a b\nc\nd"


def test_strip_html_removes_scripts_and_keeps_comparisons():
    html = "<script>alert(1)</script><div>Hours</div><!-- x --><p>8&ndash;10</p>a<b"
    assert strip_html(html) == "Hours\n8–10\na<b"


def test_repair_series_matches_repair_text_and_keeps_missing():
    values = pd.Series(["don\u00e2\u20ac\u2122t", None, " <i>a</i>  b ", "plain", ""], index=[5, 6, 7, 8, 9])
    out = repair_series(values)
    assert list(out.index) == [5, 6, 7, 8, 9]
    assert out.iloc[1] is pd.NA
    assert out.tolist()[0] == "don't"
    assert out.tolist()[2:] == ["a b", "plain", ""]
    assert values.iloc[0] == "don\u00e2\u20ac\u2122t"  # input untouched


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=5))
def test_repair_series_agrees_with_repair_text(texts):
    out = repair_series(pd.Series(texts, dtype="object"))
    assert out.tolist() == [repair_text(t) for t in texts]


def test_decode_bytes_recognises_encodings():
    assert decode_bytes("\ufeffCaf\u00e9".encode("utf-8")) == ("Café", "utf-8-sig")
    assert decode_bytes("Caf\u00e9".encode("utf-8")) == ("Café", "utf-8")
    assert decode_bytes("\u201cquoted\u201d".encode("cp1252")) == ("\u201cquoted\u201d", "cp1252")
    text, enc = decode_bytes("a\rCaf\u00e9 \u2013 ok\r".encode("mac_roman"))
    assert (text, enc) == ("a\rCafé – ok\r", "mac_roman")
    assert decode_bytes(b"abc", encoding="latin-1") == ("abc", "latin-1")


def test_parse_transcript_splits_messages_and_continuations():
    transcript = (
        "10:15:02 - Jordan Smith : How do I renew?\n"
        "second line of the same message\n"
        "10:15:40 - Ann Lee : Log in to <b>My Account</b> &amp; click Renew.\r\n"
        "10:16:10 - Jordan Smith : thanks: it worked"
    )
    messages = parse_transcript(transcript)
    assert messages == [
        Message("10:15:02", "Jordan Smith", "How do I renew? second line of the same message"),
        Message("10:15:40", "Ann Lee", "Log in to My Account & click Renew."),
        Message("10:16:10", "Jordan Smith", "thanks: it worked"),
    ]


def test_parse_transcript_other_layouts():
    assert parse_transcript("[9:05 AM] Guest: hi there")[0] == Message("9:05 AM", "Guest", "hi there")
    assert parse_transcript("intro text\n09:00:00 - Bob : hi")[0] == Message("", "", "intro text")
    assert parse_transcript("09:00:00 - Bob : hi<br>10:00:00 - Al : yo")[1].speaker == "Al"
    assert parse_transcript(None) == []
    assert parse_transcript("") == []


def test_first_patron_message():
    msgs = parse_transcript(
        "09:30:00 - Bob Ray : Welcome to Ask a Librarian!\n09:30:12 - Priya N : I can't log in\n"
        "09:31:00 - Bob Ray : Try the proxy."
    )
    assert first_patron_message(msgs, staff=["Bob Ray"]) == "I can't log in"
    # without names the first speaker is the patron, unless called staff/system
    assert first_patron_message(msgs) == "Welcome to Ask a Librarian!"
    sys_first = parse_transcript("09:00:00 - System : Chat started\n09:00:01 - Guest : where are the printers")
    assert first_patron_message(sys_first) == "where are the printers"
    assert first_patron_message([], staff=["x"]) == ""


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789:-[] APMab\n\r<br>&amp;")) | st.characters(codec="utf-8"),
               max_size=200))
def test_parse_transcript_never_fails(text):
    messages = parse_transcript(text)
    assert all(isinstance(m, Message) and "\n" not in m.text for m in messages)
    assert isinstance(first_patron_message(messages, staff=["a"]), str)
