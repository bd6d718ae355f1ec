"""Find the actual request in a noisy question: drop greetings, thanks and boilerplate.

Chat openings are long and chatty ("Hi! I was wondering if you could help me. I'm
looking for articles on solar energy for my ENG 111 paper. Thanks so much!"). What
a topic model should see is the request: "I'm looking for articles on solar
energy for my ENG 111 paper". :func:`focus_text` removes pleasantries, then keeps
the sentences that carry the request (questions, "I need …", "looking for …",
"how do I …"), so that two patrons asking the same thing in different moods land
together.

What goes: greetings and openers ("Hi, I hope this email finds you well."), staff
channel tags ("Q:", "Phone:", "Caller asked:"), thanks and sign-offs even without
punctuation before them ("… to the printer Thank you!", "Any help would be
appreciated.", "- [NAME]"), contact details given by their scrub placeholders ("My
email is [EMAIL].", "Call me back at [PHONE] please.", "my barcode is [CARD]"), and
whole sentences of context that are not the request ("Sorry if this is the wrong
place to ask.", "It's kind of urgent.", "I'm a first-year student.", "I looked on the
website but couldn't find it."). Context sentences come back when nothing else is
left; a placeholder, thanks or status that is part of the request stays ("How do I
change my email to [EMAIL]?", "I'm an alumnus, can I still use the databases?").

The functions are pure and fast (regular expressions only); they never drop the
whole text: when nothing but pleasantries is left, the original comes back.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

__all__ = ["focus_text", "focus_texts", "split_sentences"]

_MOJIBAKE = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u2018-\u203a\u20ac\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]")

# a greeting at the very start, with the address and punctuation that follow it
_GREETING = re.compile(
    r"""^\s*(?:
        (?:hi|hii+|hello+|hey+|hiya|howdy|greetings|yo|dear\s+(?:librarian|library|sir|madam|staff)s?)
        (?:\s+(?:there|all|everyone|again|librarians?|library|libraries|folks|team|staff|friends|y'all)){0,2}
      | good\s+(?:morning|afternoon|evening|day)(?:\s+(?:there|all|everyone|librarians?|library|team|staff)){0,2}
      | to\s+whom\s+it\s+may\s+concern
    )\b(?:\s*(?:!+|\.+|,|:|-+|~|\u2013|\u2014)\s*)?""",
    re.I | re.X,
)
# boilerplate openers that carry no request of their own; removed where they stand
_BOILERPLATE = [
    r"\b(?:i\s+)?hope\s+(?:you(?:'re|\s+are)|all\s+is|(?:this|my)\s+(?:(?:e-?mail|message|note|letter|chat)\s+)?finds\s+you)"
    r"[^.!?]*[.!?]?",
    r"\bhow\s+are\s+you(?:\s+(?:doing|today))*\s*[?!.,]+",
    r"\b(?:i\s+)?(?:was|am|'m)\s+(?:just\s+)?(?:wondering|hoping)\s+if\s+(?:you|someone|anyone|somebody)\s+"
    r"(?:could|can|would|might)\s+(?:please\s+)?(?:help|assist)\s+me(?:\s+(?:out|with\s+something|with\s+a\s+question))?(?:\s*[.!?,]+|\s*$)",
    r"\b(?:could|can|would)\s+(?:you|someone|anyone|somebody)\s+(?:please\s+)?(?:help|assist)\s+me"
    r"(?:\s+(?:out|please|with\s+something|with\s+a\s+question))?\s*[?.!]+",
    r"\bi\s+(?:have|had|'ve\s+got|got)\s+a\s+(?:quick\s+|small\s+|short\s+|brief\s+)?question(?:\s+for\s+you)?\s*[.!:,]+",
    r"\bi\s+(?:need|would\s+like|'d\s+like)\s+(?:some\s+)?help\s*(?:please)?\s*[.!]+",
    r"\b(?:sorry\s+to\s+bother\s+you|sorry\s+for\s+the\s+trouble)\s*[.!,]*",
    r"\b(?:i'?m\s+)?sorry\s+if\s+this\s+(?:is|was|'s)\s+(?:a\s+|an\s+|the\s+)?(?:dumb|silly|stupid|basic|obvious|weird|odd|"
    r"wrong)\s+(?:question|place(?:\s+to\s+ask)?)\s*(?:,?\s*but\b|[.!,])",
    r"\bquick\s+question\s*(?:[.!:,~\u2013\u2014-]+|(?=\s+(?:can|could|do|does|how|is|are|where|what|when|why|who|which|i)\b))",
    # staff-logged desk and phone questions: "Patron asked: …", "Caller wanted to know …"
    r"^(?:the\s+|a\s+)?(?:patron|caller|student|user|visitor|faculty(?:\s+member)?|customer|person|someone)\s+"
    r"(?:asked|asks|asking|is\s+asking|was\s+asking|wanted\s+to\s+know|wants\s+to\s+know|wondered|"
    r"needed\s+to\s+know|called\s+to\s+ask|called\s+about|inquired|enquired|question)(?:\s+(?:about|if|whether))?\s*[:,-]?",
    r"\b(?:my\s+name\s+is|this\s+is)\s+\[NAME\]\s*[.!,]*",
    # the channel tags staff put in front of a logged question: "Q: …", "Phone: …", "Asked can I …"
    r"^(?:q|question|phone|chat|e-?mail|sms|text|walk-?in|desk)\s*:\s*",
    r"^asked\s+(?=(?:can|could|do|does|how|is|are|where|what|when|why|who|which|if|whether|about|for)\b)",
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
_EMOTICON = re.compile(r"(?:(?<=\s)|^)(?:[:;=]-?[)(DPp]+|<3|\^_\^)(?=\s|$)")
# scrub placeholders that stand for contact details (see asklens.privacy.MASKS)
_CONTACT_MASK = r"\[(?:EMAIL|PHONE|CARD|NAME)\]"
# "for your help", "for all your time and help", "for the kind assistance"
_HELP_WORD = r"(?:\s+(?:all|your|the|any|kind|great|time|help|and|patience|assistance|support|consideration))"
# what may end a sentence without being part of its request; stripped from the end, repeatedly
_TAIL = [
    # thanks without punctuation before it: "… to the printer Thank you!", "… thanks so much", "… ty"
    r"(?:thanks?|thank\s*(?:you|u)|thx|thnx|thanx|tks|ty|tysm|many\s+thanks|much\s+appreciated|cheers)"
    r"(?:\s+(?:so|very)\s+much|\s+a\s+(?:lot|bunch|ton)|\s+in\s+advance|\s+again|\s+(?:for|4)" + _HELP_WORD + "{1,6})*",
    r"(?:if\s+you\s+(?:could|can)\s+help,?\s+)?(?:i\s+(?:would\s+|'d\s+)?(?:really\s+|greatly\s+|truly\s+)?|i'd\s+"
    r"(?:really\s+)?|would\s+(?:really\s+)?)?appreciate\s+(?:it|that|(?:your|any|the|all)" + _HELP_WORD + "{0,4})"
    r"(?:\s+(?:so|very)\s+much|\s+a\s+lot)?",
    r"(?:any\s+(?:and\s+all\s+)?(?:help|assistance|advice|guidance|suggestions?|tips|ideas|info(?:rmation)?)"
    r"(?:\s+(?:on|with)\s+this)?|all\s+help)\s+(?:(?:would|will)\s+be|is)"
    r"(?:\s+(?:greatly|much|very\s+much|really|so|truly|highly|most|super))?"
    r"(?:\s+(?:appreciated|welcome|welcomed|great|helpful|amazing|wonderful|awesome))?",
    r"(?:best|kind|warm|warmest)\s+(?:regards|wishes)|(?<!with\s)(?<!in\s)regards|sincerely|respectfully",
    r"(?:pls|plz|please)",
    # contact details: "My email is [EMAIL].", "Please reply to [EMAIL]", "Call me back at [PHONE] please."
    r"(?:(?:and|or)\s+)?(?:(?:please|pls|kindly)\s+)?(?:(?:you|u)\s+(?:can|could|may)\s+(?:also\s+)?)?"
    r"(?:feel\s+free\s+to\s+)?(?:reply|respond|write(?:\s+back)?|get\s+back|e-?mail|mail|call|text|ring|reach|contact)"
    r"(?:\s+(?:me|back|to\s+me|us))*(?:\s+(?:at|to|on|via|by|using))?(?:\s+(?:my|this)(?:\s+(?:e-?mail|phone|cell))?"
    r"(?:\s+(?:address|number))?)?\s*:?\s*\[(?:EMAIL|PHONE)\](?:\s+(?:please|pls|anytime|any\s+time))?",
    r"(?:(?:and|or)\s+)?(?:my|our)\s+(?:(?:school|work|personal|student|university|library|contact|best|cell|home)\s+)?"
    r"(?:e-?mail(?:\s+address)?|(?:phone|cell|mobile|telephone|contact)(?:\s+(?:number|no\.?|#))?|number|barcode|"
    r"card(?:\s+(?:number|no\.?|#))?|id(?:\s+(?:number|no\.?|#))?|name)\s*(?:is|:|=|-)?\s*" + _CONTACT_MASK,
    r"(?:(?:library\s+)?card|barcode|id|phone|cell|e-?mail|name)(?:\s+(?:number|no\.?|#|address))?\s*:\s*" + _CONTACT_MASK,
    r"\(\s*" + _CONTACT_MASK + r"\s*\)",
    r"(?:[-\u2013\u2014~]+|,)\s*" + _CONTACT_MASK,
]
_TAIL_RE = re.compile(
    r"(?:^|(?<=[\s,;:.!?()\-\u2013\u2014~]))(?:" + "|".join(f"(?:{p})" for p in _TAIL) + r")[\s.!?,;:~)\-]*$", re.I
)
_TAIL_WINDOW, _MAX_TAILS = 160, 8
# a word before "thank you" that makes it subject matter: "how do I say thank you", "a thank you card"
_TAIL_KEEP = re.compile(r"\b(?:say|said|saying|write|send|a|the|my|our)\s*$", re.I)
# a department or programme: up to four words, none of which starts a new clause
_FIELD = r"(?:(?!(?:and|but|or|so|i|because|to|who|which|that|with|for|if)\b)[\w&'-]+\s*){1,4}?"
# whole sentences of context that are not the request (dropped only when another sentence remains)
_CONTEXT = re.compile(
    r"""^(?:
        # "Sorry if this is the wrong place to ask.", "Sorry to bother you again."
        (?:(?:i'?m|i\s+am)\s+)?(?:so\s+|very\s+|really\s+)?(?:sorry|apologies)\s+(?:
            if\s+(?:this|that|it|i)(?:'s|'m|\s+is|\s+was|\s+am|\s+isn't|\s+is\s+not)\s+(?:not\s+)?(?:the\s+|a\s+|an\s+)?
              (?:wrong|right|dumb|silly|stupid|basic|weird|strange|obvious|odd|bother|asking\s+in\s+the\s+wrong)
          | for\s+(?:the\s+)?(?:bother(?:ing\s+you)?|trouble|inconvenience|confusion|(?:long|late|multiple|many|dumb|silly|
              stupid|basic|so\s+many)\s+(?:message|email|questions?|post|messages|emails)|asking)
          | to\s+(?:bother|trouble)\s+you
        )[^.!?]*
        # "It's kind of urgent.", "This is time sensitive."
      | (?:it'?s|it\s+is|this\s+is|it\s+was)\s+(?:(?:kind\s+of|kinda|sort\s+of|pretty|very|really|a\s+bit|a\s+little|
              somewhat|quite|super|extremely|rather|fairly)\s+)*(?:urgent|time[-\s]sensitive)(?:\s+(?:please|sorry))?
        # "I'm a first-year student.", "I'm a graduate student in sociology.", "I'm new here this semester."
      | (?:i'?m|i\s+am)\s+(?:a|an)\s+(?:(?:new|current|first[-\s]year|second[-\s]year|third[-\s]year|fourth[-\s]year|
              final[-\s]year|freshman|sophomore|junior|senior|undergrad(?:uate)?|grad(?:uate)?|master'?s|masters|phd|
              doctoral|online|transfer|full[-\s]time|part[-\s]time|international|returning)\s+)*
              (?:student|undergrad(?:uate)?|grad|freshman|sophomore|junior|senior|phd\s+candidate)
              (?:\s+here|\s+in\s+(?:the\s+)?""" + _FIELD + r""")?(?:\s+(?:this|next)\s+(?:semester|year|term))?
      | (?:i'?m|i\s+am)\s+new\s+here(?:\s+(?:this|next)\s+(?:semester|year|term))?
      | (?:i'?m|i\s+am)\s+in\s+my\s+(?:first|second|third|fourth|fifth|final|last)\s+year(?:\s+(?:here|of\s+\w+))?
      | (?:i'?m|i\s+am)\s+(?:a\s+)?(?:faculty(?:\s+member)?|professor|instructor|lecturer)\s+in\s+(?:the\s+)?""" + _FIELD + r"""
        # "I'm working from home today."
      | (?:i'?m|i\s+am)\s+(?:working|studying)\s+(?:from\s+home|remotely)\s+today
        # "I looked on the website but couldn't find it."
      | i\s+(?:looked|searched|checked|tried\s+looking)\s+(?:on|at|through|in)?\s*(?:the\s+|your\s+)?
              (?:library\s+)?(?:website|web\s*site|site|page|catalog|online)\s+(?:but|and)\s+
              (?:couldn'?t|could\s+not|didn'?t|did\s+not|can'?t|cannot)\s+(?:find|see)\s+(?:it|anything|that|this|
              the\s+answer|an\s+answer|the\s+info(?:rmation)?)
        # "My professor told me to ask the library.", "My advisor suggested I reach out."
      | my\s+(?:professor|prof|instructor|teacher|advisor|adviser|chair|ta|supervisor|tutor)\s+
              (?:told|asked|suggested|recommended|advised|said)\s+(?:(?:me|that)\s+)?(?:i\s+(?:should\s+)?)?(?:to\s+)?
              (?:ask|contact|reach\s+out(?:\s+to)?|talk\s+to|email|chat\s+with)?\s*
              (?:the\s+library|a\s+librarian|the\s+librarians|you(?:\s+guys)?|here)?
        # "I tried calling but nobody picked up."
      | i\s+(?:tried\s+)?(?:calling|called|emailing|emailed|phoning)(?:\s+\w+){0,3}\s+(?:but|and)\s+(?:nobody|no\s+one|
              no-one)\s+(?:picked\s+up|answered|responded|replied|got\s+back(?:\s+to\s+me)?)
        # "I asked at the front desk last week but wanted to check again."
      | i\s+asked\s+(?:at|someone\s+at)\s+the\s+(?:front|circulation|service|help|reference|information)\s+desk
              (?:\s+\w+){0,3}\s+but\s+(?:i\s+)?(?:wanted|want)\s+to\s+(?:check|confirm|double[-\s]check|make\s+sure)
              (?:\s+again)?
        # "This is for a class assignment."
      | (?:this|it)(?:'s|\s+is)\s+for\s+(?:a|an|my)\s+(?:class|course|school|homework)\s+(?:assignment|project)
        # a sentence of nothing but placeholders: "[EMAIL]", "[NAME] [PHONE]"
      | (?:\W*""" + _CONTACT_MASK + r""")+
    )\s*[.!?,;:)\-]*\s*$""",
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


def _strip_tail(sentence: str) -> str:
    """Remove thanks, sign-offs and contact details from the end of ``sentence``, repeatedly."""
    for _ in range(_MAX_TAILS):
        # a tail is short: look at the end of the sentence only (and keep long inputs linear)
        m = _TAIL_RE.search(sentence, max(0, len(sentence) - _TAIL_WINDOW))
        if not m or _TAIL_KEEP.search(sentence[: m.start()]):
            return sentence
        rest = sentence[: m.start()].rstrip(" ,;:|-~\u2013\u2014")
        if not rest:
            return ""
        # keep a question mark typed after the tail ("How do I renew please?" -> "How do I renew?");
        # add nothing else: the character n-grams of the vectorizer see punctuation
        sentence = rest + "?" if "?" in m.group() and rest[-1] not in ".!?" else rest
    return sentence


def _strip(sentence: str) -> str:
    s = _EMOTICON.sub(" ", sentence)
    s = _GREETING.sub("", s.lstrip(), count=1)
    s = _BOILERPLATE_RE.sub(" ", s)
    return _SPACES.sub(" ", s).strip(" ,;:-~\u2013\u2014")


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
    >>> focus_text("Can i print something really quick Thank you! My email is [EMAIL].")
    'Can i print something really quick'
    """
    if text is None:
        return ""
    original = _SPACES.sub(" ", _repair(str(text))).strip()
    if not original:
        return original
    sentences, context = [], []
    for raw in split_sentences(original):
        if _PLEASANTRY.match(raw):
            continue
        head = _strip(raw)
        if not head or _PLEASANTRY.match(head):
            continue
        s = _strip_tail(head)
        if not s or _PLEASANTRY.match(s) or not re.search(r"[A-Za-z0-9]", s):
            continue
        if _CONTEXT.match(s):
            context.append(s)
            continue
        # a sentence left with only generic words only matters as a fallback: keep its full form then
        sentences.append(head if _generic(s) else s)
    sentences = sentences or context
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
    return [_focus_cached(t, max_sentences) if isinstance(t, str) else focus_text(t, max_sentences=max_sentences)
            for t in texts]


@functools.lru_cache(maxsize=65536)
def _focus_cached(text: str, max_sentences: int) -> str:
    """:func:`focus_text`, remembered: logs repeat questions, and a fit focuses its texts more than once."""
    return focus_text(text, max_sentences=max_sentences)
