"""Find the actual request in a noisy question: drop greetings, thanks and boilerplate.

Chat openings are long and chatty ("Hi! I was wondering if you could help me. I'm
looking for articles on solar energy for my ENG 111 paper. Thanks so much!"). What
a topic model should see is the request: "I'm looking for articles on solar
energy for my ENG 111 paper". :func:`focus_text` removes pleasantries, then keeps
the sentences that carry the request (questions, "I need …", "looking for …",
"how do I …"), so that two patrons asking the same thing in different moods land
together.

The functions are pure and fast (regular expressions only); they never drop the
whole text: when nothing but pleasantries is left, the original comes back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["focus_text", "focus_texts", "split_sentences"]

_MOJIBAKE = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]")

# a greeting at the very start, with the address and punctuation that follow it
_GREETING = re.compile(
    r"""^\s*(?:
        (?:hi|hii+|hello+|hey+|hiya|howdy|greetings|yo|dear\s+(?:librarian|library|sir|madam|staff)s?)
        (?:\s+(?:there|all|everyone|again|librarian|library|folks|team))?
      | good\s+(?:morning|afternoon|evening|day)
    )\b(?:\s*(?:!+|\.+|,|:|-+|~)\s*)?""",
    re.I | re.X,
)
# boilerplate openers that carry no request of their own; removed where they stand
_BOILERPLATE = [
    r"\b(?:i\s+)?hope\s+(?:you(?:'re|\s+are)|all\s+is|this\s+finds\s+you)[^.!?]*[.!?]?",
    r"\bhow\s+are\s+you(?:\s+(?:doing|today))*\s*[?!.,]+",
    r"\b(?:i\s+)?(?:was|am|'m)\s+(?:just\s+)?(?:wondering|hoping)\s+if\s+(?:you|someone|anyone|somebody)\s+"
    r"(?:could|can|would|might)\s+(?:please\s+)?(?:help|assist)\s+me(?:\s+(?:out|with\s+something|with\s+a\s+question))?(?:\s*[.!?,]+|\s*$)",
    r"\b(?:could|can|would)\s+(?:you|someone|anyone|somebody)\s+(?:please\s+)?(?:help|assist)\s+me"
    r"(?:\s+(?:out|please|with\s+something|with\s+a\s+question))?\s*[?.!]+",
    r"\bi\s+(?:have|had|'ve\s+got|got)\s+a\s+(?:quick\s+|small\s+|short\s+|brief\s+)?question(?:\s+for\s+you)?\s*[.!:,]+",
    r"\bi\s+(?:need|would\s+like|'d\s+like)\s+(?:some\s+)?help\s*(?:please)?\s*[.!]+",
    r"\b(?:sorry\s+to\s+bother\s+you|sorry\s+for\s+the\s+trouble)\s*[.!,]*",
    r"\bquick\s+question\s*[.!:,-]+",
    # staff-logged desk and phone questions: "Patron asked: …", "Caller wanted to know …"
    r"^(?:the\s+|a\s+)?(?:patron|caller|student|user|visitor|faculty(?:\s+member)?|customer|person|someone)\s+"
    r"(?:asked|asks|asking|is\s+asking|was\s+asking|wanted\s+to\s+know|wants\s+to\s+know|wondered|"
    r"needed\s+to\s+know|called\s+to\s+ask|called\s+about|inquired|enquired|question)(?:\s+(?:about|if|whether))?\s*[:,-]?",
    r"\b(?:my\s+name\s+is|this\s+is)\s+\[NAME\]\s*[.!,]*",
    r"\bplease\s+and\s+thank\s+you\s*[.!]*",
]
_BOILERPLATE_RE = re.compile("|".join(f"(?:{p})" for p in _BOILERPLATE), re.I)
# a sentence that is only thanks, a sign-off or pleasantry
_PLEASANTRY = re.compile(
    r"""^\s*(?:
        (?:thanks?|thank\s+(?:you|u)|thx|ty|many\s+thanks|much\s+appreciated|cheers|best|regards|sincerely|
           all\s+the\s+best|have\s+a\s+(?:good|great|nice)\s+\w+|(?:i\s+)?hope\s+(?:that|this|it)\s+makes\s+sense|
           (?:i\s+)?appreciate\s+(?:it|your\s+help|any\s+help)|any\s+help\s+(?:is|would\s+be)\s+\w+(?:\s+\w+)?|
           let\s+me\s+know|sorry|ok(?:ay)?|hi|hello|hey|please)
        (?:[\s,]+(?:so|very|in|for|advance|much|a|lot|again|your|you|help|time|all|the|u|!|in\s+advance))*
        (?:\s*,?\s*(?:\[NAME\]|[A-Z][a-z]*\.?)?)?
    )\s*[.!?:,;)(-]*\s*$""",
    re.I | re.X,
)
_SENTENCE_END = re.compile(r"(?<![\s(][A-Z]\.)(?<=[.!?])\s+(?=[\"'(\[]?[A-Za-z0-9])|(?<=[?!])(?=[A-Z])|\s*\n+\s*")
# words that carry no request of their own: a sentence made only of these ("What should I
# do?", "Can you help me please?", "What is going on?") is dropped when others remain
_GENERIC_WORDS = frozenset("""
a about again all am an and any anyone anything are as at be been but by can could did do does doing done
for from get go going got had has have having he hello help helping here hey hi how i i'm if in is it it's
its just know let like lot me might much my need no not now of oh ok okay on or out please problem question
questions quick really right see seems she should so some someone something sorry still sure thank thanks
that the then there these they thing things think this to too trying u up urgent us was we well were what
what's whats when where which who why will with wondering would wrong yes you your fix fixed issue issues
happening happened happen goign wrong stuck asap immediately possible anybody somebody assist assistance
""".split())
_WORD = re.compile(r"[a-z0-9']+")
_SPACES = re.compile(r"\s+")


def _repair(text: str) -> str:
    """Undo the common double-decoding damage (``donâ€™t``) when it is present."""
    if not _MOJIBAKE.search(text):
        return text
    try:
        import ftfy

        return ftfy.fix_text(text)
    except ImportError:  # pragma: no cover - ftfy is a dependency
        return text


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences at ., ! and ? followed by a new sentence, and at line breaks.

    Examples
    --------
    >>> split_sentences("Hi! Where is the printer? Thanks")
    ['Hi!', 'Where is the printer?', 'Thanks']
    """
    parts = [p.strip() for p in _SENTENCE_END.split(text or "")]
    return [p for p in parts if p]


def _strip(sentence: str) -> str:
    s = _GREETING.sub("", sentence, count=1)
    s = _BOILERPLATE_RE.sub(" ", s)
    s = _SPACES.sub(" ", s).strip(" ,;:-~")
    return s


def _generic(sentence: str) -> bool:
    words = _WORD.findall(sentence.lower().replace("\u2019", "'"))
    return all(w in _GENERIC_WORDS for w in words)


def focus_text(text: str, *, max_sentences: int = 4) -> str:
    """Return the request inside ``text``, without greetings, thanks and boilerplate.

    Parameters
    ----------
    text : str
        One question (already scrubbed).
    max_sentences : int, default 4
        At most this many sentences are kept (the first ones); long messages put
        the request first far more often than last.

    Returns
    -------
    str
        The focused text; the original (whitespace-normalised) text when stripping
        would leave nothing.

    Examples
    --------
    >>> focus_text("Hi! I was wondering if you could help me. Where can I print a poster? Thanks so much!")
    'Where can I print a poster?'
    >>> focus_text("Hello, I have a question. How do I renew a book? I hope that makes sense!")
    'How do I renew a book?'
    """
    if text is None:
        return ""
    original = _SPACES.sub(" ", _repair(str(text))).strip()
    if not original:
        return original
    sentences = []
    for raw in split_sentences(original):
        if _PLEASANTRY.match(raw):
            continue
        s = _strip(raw)
        if not s or _PLEASANTRY.match(s) or not re.search(r"[A-Za-z0-9]", s):
            continue
        sentences.append(s)
    if not sentences:
        return original
    specific = [s for s in sentences if not _generic(s)]
    sentences = (specific or sentences)[:max_sentences]
    out = " ".join(sentences)
    if out[:1].islower() and out != original:
        out = out[:1].upper() + out[1:]
    return out


def focus_texts(texts: Iterable[str], *, max_sentences: int = 4) -> list[str]:
    """Return :func:`focus_text` of each text.

    Examples
    --------
    >>> focus_texts(["hey there - can I renew online?", "Thanks!"])
    ['Can I renew online?', 'Thanks!']
    """
    return [focus_text(t, max_sentences=max_sentences) for t in texts]
