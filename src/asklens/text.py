"""Repair and clean text: encodings, mojibake, HTML, whitespace, chat transcripts.

The functions here work on one string (:func:`repair_text`, :func:`strip_html`,
:func:`parse_transcript`) or on a whole column at once (:func:`repair_series`),
where only the rows that need the slow repairs (mojibake, HTML) go through them,
so that a million clean rows cost a few vectorised passes.

Examples
--------
>>> repair_text("I don\u00e2\u20ac\u2122t  know &amp; <b>care</b>")
"I don't know & care"
>>> [m.speaker for m in parse_transcript("10:00:01 - Ann : hi\\n10:00:09 - Bob : hello")]
['Ann', 'Bob']
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import NamedTuple

import pandas as pd

__all__ = [
    "repair_text",
    "repair_series",
    "strip_html",
    "decode_bytes",
    "parse_transcript",
    "first_patron_message",
    "Message",
    "mask_links",
]

# --- decoding -----------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_bytes(data: bytes, *, encoding: str | None = None) -> tuple[str, str]:
    """Decode file bytes to text, guessing the encoding when none is given.

    UTF-8 (with or without a byte-order mark) and UTF-16 with a BOM are recognised;
    otherwise old Macintosh files (bare ``\\r`` line ends) are read as ``mac_roman``
    and everything else as ``cp1252`` (the Windows default), falling back to
    ``latin-1``, which never fails.

    Parameters
    ----------
    data : bytes
        The raw file content.
    encoding : str, optional
        Force this encoding (undecodable bytes become U+FFFD).

    Returns
    -------
    tuple of (str, str)
        The text (without BOM) and the encoding used.
    """
    if encoding:
        return data.decode(encoding, errors="replace"), encoding
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace").lstrip("\ufeff"), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\r" in data and b"\n" not in data:
        return data.decode("mac_roman"), "mac_roman"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


# --- HTML ---------------------------------------------------------------------

_BLOCK_RE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_BREAK_RE = re.compile(r"<\s*(br|/p|/div|/li|/h[1-6]|/tr|p|li)\b[^<>]*>", re.IGNORECASE)
_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(\s[^<>]*)?/?>")
_ENTITY_RE = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def strip_html(text: str) -> str:
    """Remove HTML tags and comments and decode entities, keeping line breaks.

    Only things that look like tags (``<b>``, ``</p>``, ``<a href=...>``) are
    removed, so a patron's ``x < 5`` survives. ``<br>`` and block ends become
    line breaks; ``<script>``/``<style>`` blocks vanish with their content.

    Parameters
    ----------
    text : str
        Text that may hold HTML.

    Returns
    -------
    str

    Examples
    --------
    >>> strip_html("<p>Renew&nbsp;<b>online</b></p>x &lt; 5")
    'Renew\\xa0online\\nx < 5'
    """
    if "<" in text:
        text = _BLOCK_RE.sub(" ", text)
        text = _COMMENT_RE.sub(" ", text)
        text = _BREAK_RE.sub("\n", text)
        text = _TAG_RE.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return re.sub(r"[ \t]*\n[ \t\n]*", "\n", text).strip()


# --- repair -------------------------------------------------------------------

# characters that hint at mojibake or odd encodings (Latin-1 supplement, C1 controls,
# the cp1252 specials that UTF-8 mojibake produces, the replacement character)
_SUSPECT = (
    "[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013-\u203a\u20ac\u2122\ufffd]"
)
_SUSPECT_RE = re.compile(_SUSPECT)
_HTML_HINT = r"<[A-Za-z/!]|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_HTML_HINT_RE = re.compile(_HTML_HINT)
# spaces that are not line breaks, zero-width characters, control characters (the
# patterns hold the characters themselves, so both Python's re and pyarrow's RE2 read them)
_HSPACE = "[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+"
_ZERO_WIDTH = "[\u200b-\u200d\u2060\ufeff\u00ad]"
_CONTROL = "[\x00-\x08\x0b\x0e-\x1f\x7f]"
_NEWLINES = "\r\n|[\r\n\u2028\u2029\x85]"
_ALL_SPACE = "[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\x85]+"
# anything repair_text could change: non-printable-ASCII characters, double spaces, spaces at either
# end, HTML tags and entities
_NEEDS_WORK = r"[^ -~]|  |^ | $|<[A-Za-z/!]|&[#A-Za-z0-9]{1,32};"
_ZERO_WIDTH_RE = re.compile(_ZERO_WIDTH)
_CONTROL_RE = re.compile(_CONTROL)
_NEWLINES_RE = re.compile(_NEWLINES)
_HSPACE_RE = re.compile(_HSPACE)
_BLANK_LINES_RE = re.compile(r" ?\n[ \n]*")
_ALL_SPACE_RE = re.compile(_ALL_SPACE)


def _fix_mojibake(text: str) -> str:
    import ftfy

    return ftfy.fix_text(
        text,
        unescape_html=False,
        normalization="NFC",
        fix_line_breaks=False,
        uncurl_quotes=True,
        fix_latin_ligatures=True,
        fix_character_width=False,
        remove_control_chars=True,
    )


def repair_text(text: object, *, keep_newlines: bool = False) -> str:
    """Repair one piece of text: mojibake, HTML, odd characters and whitespace.

    Parameters
    ----------
    text : object
        The text; ``None`` and missing values give ``""``.
    keep_newlines : bool, default False
        Keep line breaks (collapsing blank lines), as for transcripts and answers;
        otherwise every run of whitespace becomes one space.

    Returns
    -------
    str
        The repaired text, stripped.

    Examples
    --------
    >>> repair_text("Caf\u00c3\u00a9  &eacute;t\u00e9\\n<br>ok")
    'Café été ok'
    """
    if text is None or text is pd.NA or (isinstance(text, float) and text != text):
        return ""
    text = str(text)
    if _SUSPECT_RE.search(text):
        text = _fix_mojibake(text)
    if _HTML_HINT_RE.search(text):
        text = strip_html(text)
        if _SUSPECT_RE.search(text):  # entities may decode to mojibake
            text = _fix_mojibake(text)
    text = _ZERO_WIDTH_RE.sub("", text)
    text = _CONTROL_RE.sub(" ", text)
    if keep_newlines:
        text = _NEWLINES_RE.sub("\n", text)
        text = _HSPACE_RE.sub(" ", text)
        text = _BLANK_LINES_RE.sub("\n", text)
    else:
        text = _ALL_SPACE_RE.sub(" ", text)
    return text.strip()


def _no_surrogates(value: object) -> object:
    if isinstance(value, str):
        return re.sub("[\ud800-\udfff]", "\ufffd", value)
    return value


def repair_series(values: pd.Series, *, keep_newlines: bool = False) -> pd.Series:
    """Repair a column of text at once (see :func:`repair_text`).

    Clean rows (printable ASCII, single spaces) are left as they are; rows with
    other characters get their whitespace and control characters cleaned with
    vectorised string methods, and only rows that may hold mojibake or HTML go
    through ftfy and the HTML stripper one by one. The result equals
    ``repair_text`` on every value; missing values stay missing; the input is not
    modified.

    Parameters
    ----------
    values : pandas.Series
        Text values (any dtype; non-strings are converted).
    keep_newlines : bool, default False
        Keep line breaks (for transcripts and answers).

    Returns
    -------
    pandas.Series
        A new ``string`` series with the same index.
    """
    try:
        s = values.astype("string")
    except UnicodeEncodeError:  # lone surrogates (e.g. from JSON "\ud800") cannot be stored
        s = values.map(_no_surrogates).astype("string")
    if not s.notna().any():
        return s
    # clean rows (printable ASCII, single spaces, no HTML) need nothing
    needs = s.str.contains(_NEEDS_WORK, regex=True).fillna(False).astype(bool)
    if not needs.any():
        return s
    s = s.copy()
    work = s[needs]
    # rows that may hold mojibake or HTML go through repair_text one by one ...
    slow = (work.str.contains(_SUSPECT, regex=True) | work.str.contains(_HTML_HINT, regex=True)).fillna(False)
    slow = slow.astype(bool)
    if slow.any():
        work = work.copy()
        work[slow] = [repair_text(v, keep_newlines=keep_newlines) for v in work[slow].tolist()]
    # ... the others only need their spaces and control characters cleaned, vectorised
    fast = ~slow
    if fast.any():
        w = work[fast].str.replace(_ZERO_WIDTH, "", regex=True).str.replace(_CONTROL, " ", regex=True)
        if keep_newlines:
            w = w.str.replace(_NEWLINES, "\n", regex=True).str.replace(_HSPACE, " ", regex=True)
            w = w.str.replace(r" ?\n[ \n]*", "\n", regex=True)
        else:
            w = w.str.replace(_ALL_SPACE, " ", regex=True)
        work[fast] = w.str.strip()
    s[needs] = work
    return s


# --- transcripts --------------------------------------------------------------


class Message(NamedTuple):
    """One chat message: ``time`` (``HH:MM:SS`` or ``""``), ``speaker`` and ``text``."""

    time: str
    speaker: str
    text: str


# "10:02:03 - Jane Doe : text", "[10:02] Jane: text", "10:02:03 AM - Jane : text"
_LINE_RE = re.compile(
    r"^\s*\[?(?P<time>\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp][Mm])?)\]?\s*(?:-|–|—)?\s*"
    r"(?P<speaker>[^:\n]{1,80}?)\s*:\s?(?P<text>.*)$"
)


def parse_transcript(transcript: object) -> list[Message]:
    """Split a chat transcript into messages.

    Each message starts on a line ``HH:MM:SS - Speaker Name : text`` (LibChat;
    ``[HH:MM]``, ``AM/PM`` and a missing dash are accepted too); lines that do not
    start a message continue the previous one. HTML tags and entities inside the
    messages are removed and mojibake repaired.

    Parameters
    ----------
    transcript : object
        The transcript text; ``None`` or missing gives ``[]``.

    Returns
    -------
    list of Message
        ``(time, speaker, text)`` tuples in order. Text before the first
        timestamped line, if any, becomes a message with empty time and speaker.

    Examples
    --------
    >>> parse_transcript("09:00:00 - Guest : my &quot;book&quot;\\n09:00:30 - Ann Lee : Hi!")
    [Message(time='09:00:00', speaker='Guest', text='my "book"'), Message(time='09:00:30', speaker='Ann Lee', text='Hi!')]
    """
    if transcript is None or transcript is pd.NA or (isinstance(transcript, float) and transcript != transcript):
        return []
    raw = repair_text(str(transcript), keep_newlines=True)  # mojibake, HTML (<br> becomes a line), spaces
    messages: list[list[str]] = []
    for line in raw.split("\n"):
        m = _LINE_RE.match(line)
        if m:
            messages.append([m["time"], m["speaker"].strip(), m["text"]])
        elif messages:
            messages[-1][2] += "\n" + line
        elif line.strip():
            messages.append(["", "", line])
    out = []
    for time, speaker, text in messages:
        text = " ".join(text.split())
        if text or speaker:
            out.append(Message(time, " ".join(speaker.split()), text))
    return out


_STAFF_HINTS = re.compile(r"^(staff|librarian|operator|system|libchat|admin)\b", re.IGNORECASE)


def first_patron_message(messages: Iterable[Message], *, staff: Iterable[str] = ()) -> str:
    """Return the text of the first message a patron wrote, or ``""``.

    A speaker is staff when named in ``staff`` (case-insensitive) or called
    "Staff", "Librarian", "System"…; otherwise the first remaining speaker is
    taken to be the patron, who opens a chat.

    Parameters
    ----------
    messages : iterable of Message
        As returned by :func:`parse_transcript`.
    staff : iterable of str, default ()
        Names of the staff who answered.

    Returns
    -------
    str
    """
    messages = [m for m in messages if m.text]
    staff_names = {s.strip().casefold() for s in staff if s and s.strip()}
    for m in messages:
        name = m.speaker.casefold()
        if name in staff_names or _STAFF_HINTS.match(name):
            continue
        return m.text
    return ""


# --- web addresses ------------------------------------------------------------

_TLD = r"(?:com|edu|org|net|gov|mil|int|info|io|ly|co|us|uk|ca|au|de|fr|nl|eu|me|tv|ac\.uk|edu\.au)"
_LINK_RE = re.compile(
    r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"']+"  # with a scheme or www.
    r"|\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\." + _TLD + r"\b(?:/[^\s<>\"']*)?"  # bare domain (path optional)
    r"|\[URL\]",  # a link the scrubber masked
    re.IGNORECASE,
)


def mask_links(text: str, *, token: str = "link") -> str:
    """Replace every web address in ``text`` with ``token``.

    For matching and topics a link is one fact ("the patron sent a link"), not the
    dozen word pieces of its address: left in, ``https``, ``www``, ``com`` and the
    site's name outweigh the question's words, so questions with links cluster by
    site and match the FAQ entries whose answers carry links. Addresses with a
    scheme (``https://…``), starting ``www.``, bare domains (``jstor.org/stable/1``)
    and the scrubber's ``[URL]`` mask are replaced; e-mail addresses are not links.

    Parameters
    ----------
    text : str
    token : str, default "link"

    Returns
    -------
    str

    Examples
    --------
    >>> mask_links("Can I read https://www.theatlantic.com/a/1 for free?")
    'Can I read link for free?'
    >>> mask_links("see jstor.org/stable/123, or write to help@lib.edu")
    'see link, or write to help@lib.edu'
    """
    return _LINK_RE.sub(lambda m: _link_or_email(m, text, token), text)


def _link_or_email(m: re.Match[str], text: str, token: str) -> str:
    """Keep an e-mail address's domain (``help@lib.edu``); replace a link, keeping its trailing punctuation."""
    if m.start() > 0 and text[m.start() - 1] == "@":
        return m.group(0)
    link = m.group(0)
    tail = ""
    while link and link[-1] in ".,;:!?)":
        tail = link[-1] + tail
        link = link[:-1]
    return token + tail
