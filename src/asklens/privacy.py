"""Scrub personal data from question logs before anything else sees them.

:func:`scrub` masks emails, phone numbers, library card / student id numbers,
IP addresses, street addresses, URLs that carry personal tokens and personal names
in the ``text`` and ``answer`` columns, masks every value the readers handed over in
the ``patron_*`` / ``known_names`` columns, drops those columns, and returns an
audit of how many things of each kind it removed. :func:`scrub_text` does the
same for one string.

What goes
---------
Emails (also "jdoe at miamioh dot edu", "jdoe [at] gmail [dot] com"); phone numbers
(US and international formats, extensions); card and id numbers (14-digit library
barcodes starting with 2, 9-digit student ids, Luhn-valid payment cards, social
security numbers, "+0" Banner ids, any number after "card number", "student ID",
"PIN", ...); IPv4 and IPv6 addresses; street addresses ("123 Main St, Apt 4B,
Oxford, OH 45056", "PO Box 12"); URLs with personal query tokens (``token=``,
``session=``, ``sid=``, ``key=``, ``email=``, ``user=``, ``ticket=``, long random
values, credentials, an email inside); names after "my name is", "this is",
"it's", "I'm ... from", "call me", in sign-offs ("Thanks, Jane Doe", "Best,\nJane",
"Thank you Jane Doe for ...", "Thanks! Jane Doe Sent from my iPhone"), "Jane Doe here",
a closing "- Jane", dash signatures of a first and last name (optionally a middle
initial) after a dash, "--", an em dash or "~" at the end of a line or before a closing
phrase ("... do that? - Jane M. Doe I appreciate your help.", "~Jane Doe :)"), a first
and last name alone on the last line, and transcript speaker prefixes
("10:02:11 - Jane Doe : ..."). The signature rules that no words announce need two
name-like tokens, none of them a library, database, course or organisation word, so
"- King Library", "- Interlibrary Loan", "- Web of Science", "- Nexis Uni" and
"Thanks, Interlibrary Loan team" stay.

What stays
----------
The library signal is kept on purpose: ISBN-10/13 (a 10-digit number whose ISBN-10
checksum holds, unless a phone word precedes it; any ``978``/``979`` 13-digit number,
which no card, barcode or phone format shares; any number right after "ISBN"), while
the Luhn checksum marks payment cards; ISSNs (``1234-5678``), DOIs (``10.1000/xyz``), call numbers (``QA76.73 .P98
2019``), course codes (``ENG 111``), years, room numbers, times, dates, prices, page
ranges, and plain URLs (library pages, articles) without personal query tokens.
Numbers right after a library word (``OCLC``, ``ISBN``, ``ISSN``, ``PMID``,
``call number``, ``ticket``, ``chat``, ``order``, ``room``, ``page``, ``vol``) are
kept: an OCLC number is a public catalogue record number, not a person. A bare
9-digit number with no such word before it is masked as a student id (privacy
first), so write "OCLC 123456789" to keep one.

How it works, and why it is fast
--------------------------------
Each detector is one compiled regular expression whose replacement function
checks what regexes alone cannot: ISBN-10/13 and Luhn checksums, the words just
before a number ("card number", "OCLC", "call me at"), the query keys of a URL, a
stop-list for capitalised words that are not names. Before any detector runs,
cheap vectorised prefilters (RE2, through pyarrow, over the Arrow string column)
pick the rows that could hold that kind of data at all; only those rows go through
the detector's Python regex. Detector patterns start with a character class, so
Python's regex engine skips to candidate positions in C. On a generated log of a
million questions the scrub takes about 15 s on one core (see
``benchmarks/bench_read_scrub.py``).

Hand-off columns from the readers (``patron_email``, ``patron_name``,
``patron_ip``, ``patron_id``, ``known_names``) are matched row by row: each value,
and each part of a name that is not an ordinary word ("Jane Doe" -> "Jane",
"Doe"), is masked wherever it occurs in that row's ``text`` and ``answer``; a handed-over
name that is an email address (a chat speaker shown by email) is masked and counted as an email.
``id_column`` in the audit counts every column dropped (hand-off columns and
``[privacy] drop_columns``).

Configuration (``[privacy]`` in ``asklens.toml``)
-------------------------------------------------
``id_patterns``: extra regexes for local card or student ids (masked as
``[CARD]``; run by RE2 when they are RE2-compatible, else by Python);
``drop_columns``: more identifier columns to drop (case-insensitive);
``mask_names = false`` keeps names; ``keep_urls = true`` keeps a URL that carries
personal query tokens but masks their values (``?token=[URL]``) instead of the
whole URL (a URL with credentials or an email in it always goes whole).

Known limits
------------
Names are found only where the text announces them (the triggers above, the
reader hand-off, transcript speaker prefixes); a bare name in the middle of a
sentence ("ask Jane about it") stays. A dash signature is judged by its shape and a
stop-list, so a two-word title after a dash at the end of a line ("Harry Potter -
Deathly Hallows") is masked as a name (privacy first). A bare 10-digit number whose ISBN-10
checksum holds is kept as an ISBN unless a phone word precedes it. Street
addresses need a number and a street suffix ("12 Main St") or a unit/PO box.

Masks are ``[EMAIL]``, ``[PHONE]``, ``[CARD]``, ``[IP]``, ``[ADDRESS]``, ``[URL]``
and ``[NAME]``; the audit kinds are ``email, phone, card_number, ip_address,
street_address, url_token, name, id_column``. Social security numbers and
credit-card numbers are masked as ``[CARD]`` and counted as ``card_number``.

Examples
--------
>>> from asklens.privacy import scrub_text
>>> scrub_text("Hi, my name is Jane Doe, card 21234001234567, ISBN 978-0-13-468599-1")[0]
'Hi, my name is [NAME], card [CARD], ISBN 978-0-13-468599-1'
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from asklens.config import Config, PrivacyConfig
from asklens.errors import ConfigError, InputError

__all__ = ["scrub", "scrub_text", "REDACTION_KINDS", "MASKS", "HANDOFF_COLUMNS"]

#: the audit kinds, in report order.
REDACTION_KINDS: tuple[str, ...] = (
    "email",
    "phone",
    "card_number",
    "ip_address",
    "street_address",
    "url_token",
    "name",
    "id_column",
)

#: the mask that replaces each kind of personal data in the text.
MASKS: dict[str, str] = {
    "email": "[EMAIL]",
    "phone": "[PHONE]",
    "card_number": "[CARD]",
    "ip_address": "[IP]",
    "street_address": "[ADDRESS]",
    "url_token": "[URL]",
    "name": "[NAME]",
}

#: the identifier columns readers may hand over; scrub masks their values in the text and drops them.
HANDOFF_COLUMNS: tuple[str, ...] = ("patron_email", "patron_name", "patron_ip", "patron_id", "known_names")

TEXT_COLUMNS: tuple[str, ...] = ("text", "answer")

Counts = dict[str, int]

# --------------------------------------------------------------------------------------
# checksums
# --------------------------------------------------------------------------------------


def _isbn10_ok(chars: str) -> bool:
    if len(chars) != 10 or not chars[:9].isdigit() or not (chars[9].isdigit() or chars[9] in "Xx"):
        return False
    total = sum((10 - i) * int(c) for i, c in enumerate(chars[:9]))
    total += 10 if chars[9] in "Xx" else int(chars[9])
    return total % 11 == 0


def _luhn_ok(digits: str) -> bool:
    if not digits.isdigit():
        return False
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


# --------------------------------------------------------------------------------------
# context: the words just before a number decide what it is
# --------------------------------------------------------------------------------------

# The last few words before a number say what it is. Scanning tokens backwards is much
# faster than end-anchored regexes, which Python retries at every position.
_CTX_TOKEN = re.compile(r"[a-z]+(?:-?1[03])?|#|\d+")
#: labels of library identifiers: a number right after one is kept ("OCLC 123456789", "room 212").
_LIB_WORDS = frozenset(
    """issn oclc ocm ocn worldcat accession pmid pmcid arxiv ticket tickets chat chats case order invoice
    confirmation reference ref page pages p pp vol volume vols issue issues room rooms rm edition ed chapter ch
    section sec floor item items record bib course crn class lc dewey version v table figure fig question q step
    part exercise problem lab hall isbn isbn10 isbn13 isbn-10 isbn-13 sbn""".split()
)
#: labels of personal identifiers: a number right after one is masked ("card number 1234567").
_ID_WORDS = frozenset(
    """card cards barcode student patron banner unique uniqueid borrower member membership account acct
    employee pin ssn social security passport license licence uid library login user username badge""".split()
)
_FILLER_WORDS = frozenset("number no num nr # is was are of the my your our s".split())
_NUMBER_WORDS = frozenset("number no num nr #".split())
_PHONE_WORDS = frozenset(
    """phone phones cell cellphone mobile tel telephone call text reach fax whatsapp sms contact ring dial number
    ph landline voicemail""".split()
)
_DOI_BEFORE = re.compile(r"10\.\d{4,9}/\s*$")
_LAST_BOUNDARY = re.compile(r".*[?!;\n(){}\[\]]", re.DOTALL)
_PHONE_HINT = re.compile(
    r"(?i:phone|cell|mobile|tel|call|text|reach|fax|whatsapp|sms|contact|ring|dial|number|ph\b|landline|voicemail)"
)
#: any personal-id label word may be near: the cheap test before the full context scan.
_ID_HINT = re.compile(
    r"(?i:card|pin\b|id\b|i\.d|barcode|bar code|patron|student|banner|unique|borrower|member|account|acct|employee"
    r"|ssn|social|passport|licen|uid|library|login|user|badge)"
)


def _context(before: str) -> tuple[str | None, bool]:
    """Return (label, phone): label is "isbn", "lib", "id" or None for the words just before a number."""
    tail = before[-40:].lower()
    if tail.rstrip().endswith("/") and _DOI_BEFORE.search(tail):
        return "lib", False
    # a label belongs to its own sentence or bracket: "as a student? (1077)" has none
    boundary = _LAST_BOUNDARY.match(tail.rstrip(" \t([#:=-"))
    toks = _CTX_TOKEN.findall(tail[boundary.end() :] if boundary else tail)
    label = None
    saw_number = saw_id = False
    last = toks[-1] if toks else ""
    for t in reversed(toks[-4:]):
        if t == "id":
            saw_id = True
            continue
        if t in _FILLER_WORDS:
            saw_number = saw_number or t in _NUMBER_WORDS
            continue
        if t.startswith("isbn") or t == "sbn":
            label = "isbn"
        elif t == "call":
            label = "lib" if saw_number else None
        elif t in _LIB_WORDS:
            label = "lib"
        elif t in _ID_WORDS:
            label = "id"
        break
    if label is None and saw_id:
        label = "id"
    if label is None and last == "no":
        label = "lib"  # "vol. 33, no. 4"
    seg = tail[-25:]
    cut = max(seg.rfind(". "), seg.rfind("\n"))
    if cut >= 0:
        seg = seg[cut + 1 :]
    phone = any(t in _PHONE_WORDS for t in _CTX_TOKEN.findall(seg))
    return label, phone


_COURSE_BEFORE = re.compile(r"(?:^|[^A-Za-z])[A-Z]{2,5}\s?$")

# --------------------------------------------------------------------------------------
# detectors: (prefilter for RE2, pattern, replacement factory)
# --------------------------------------------------------------------------------------

def _word_start(alternatives: list[str]) -> str:
    """Return a regex for case-insensitive ``alternatives`` (each starts with an ASCII letter) at a word start.

    The regex begins with a character class of the first letters, so Python's engine skips
    in C to the places where a match can start (a leading ``(?i:\\b...)`` would make it try
    every alternative at every position, several times slower on long transcripts).
    """
    by_letter: dict[str, list[str]] = {}
    for alt in alternatives:
        by_letter.setdefault(alt[0].lower(), []).append(alt[1:])
    letters = "".join(sorted(by_letter))
    cls = "[" + letters + letters.upper() + "]"
    branches = "|".join(
        f"(?<=[{c}{c.upper()}])(?i:{'|'.join(rests)})" for c, rests in sorted(by_letter.items())
    )
    return rf"{cls}(?<![^\W_].)(?:{branches})"


_URL_BODY = r"[^\s<>\"'\]\[{}|\\^`]+"
_URL = _word_start([r"https?://", r"ftp://", r"www\."]) + _URL_BODY
_BARE_URL_WITH_QUERY = (
    r"(?<![\w.\-/:=@])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:edu|com|org|net|gov|io|us|uk|ca|info|au|de)(?:/[^\s?]*)?\?[^\s<>\"']+"
)
_EMAIL = r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*"
_AT = r"(?:\s*[\[\(\{<]\s*at\s*[\]\)\}>]\s*|\s+at\s+|\s*@\s*)"
_DOT = r"(?:\s*[\[\(\{<]\s*dot\s*[\]\)\}>]\s*|\s+dot\s+|\.)"

_PERSONAL_QUERY_KEYS = frozenset(
    """token access_token accesstoken id_token refresh_token auth authtoken auth_token authorization
    session sessionid session_id sess sid jsessionid phpsessid aspsessionid cfid cftoken key apikey api_key
    secret client_secret email e-mail mail emailaddress email_address user username user_name userid user_id
    uid login logon pass passwd password pwd pin ticket tkt st service_ticket code otp nonce sig signature
    hash patron patronid patron_id barcode cardnumber card_number card libcard borrower name firstname
    first_name lastname last_name fullname phone mobile samlrequest samlresponse samlart relaystate
    x-amz-signature x-amz-credential x-amz-security-token awsaccesskeyid sv se skoid""".split()
)
_BENIGN_QUERY_KEYS = frozenset("q query url qurl search s p g page t lang id term kw keyword".split())
_EMAIL_IN_URL = re.compile(r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+\.[A-Za-z0-9.\-]*[A-Za-z]{2,}")
_TOKENISH = re.compile(r"^(?=[A-Za-z0-9_\-]*\d)(?=[A-Za-z0-9_\-]*[A-Za-z])[A-Za-z0-9_\-]{24,}$")
_FREEMAIL = re.compile(
    r"^(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|mac|aol|proton|protonmail|comcast|att"
    r"|verizon|gmx|mail|zoho|fastmail|qq|163)$",
    re.IGNORECASE,
)
_EMAIL_CONTEXT = re.compile(r"\b(?:e-?mail|contact|reach|write|mail|address)\b[^.\n]{0,25}$", re.IGNORECASE)
_MAIL_TLDS = frozenset("edu com org net gov io us uk ca de info mil co au".split())
_NOT_A_MAILBOX = frozenset(
    """in on at to me it up us him her them here there site page library online log login logged sign signed
    available located found find look looking open is was be are go get access work works working posted
    listed saved stored hosted kept linked shown printed appear appears available held meet meeting help""".split()
)

_NAME_TOKEN = r"(?:\[NAME\]|[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?(?:[-'’][A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]+)?|O['’][A-Z][a-z]+)"
_FULL_NAME = rf"{_NAME_TOKEN}(?:[ \t]+(?:[A-Z]\.[ \t]*)?{_NAME_TOKEN}){{0,2}}"
_LOWER_NAME = r"[a-zß-öø-ÿ][a-zß-öø-ÿ'’\-]+(?:[ \t]+[a-zß-öø-ÿ][a-zß-öø-ÿ'’\-]+){0,2}"
_TITLE = r"(?:(?:Dr|Mr|Mrs|Ms|Mx|Prof|Professor|Rev)\.?[ \t]+)?"

# Capitalised words that are not names: a candidate starting with one is not a name.
_NOT_NAMES = frozenset(
    """i a an the my your our his her their this that these those it its not no yes just also so very really still
    currently trying looking having working writing reading unable sure sorry happy glad new back here there done
    good fine ok okay hi hello hey dear thanks thank please again everyone all team guys folks friends you much
    what when where why how who which can could would should will may might must do does did have has had am is
    are was were be been being if and or but for from with without about in on at to of by as into after before
    during there just only wondering hoping asking calling writing emailing reaching following regarding attached
    interested confused stuck lost new late wanting going getting in out over under up down ok sir madam miss
    mr mrs ms dr prof professor mister doctor student students faculty staff librarian librarians library
    libraries university college school campus department dept office desk services service help support
    reference circulation access graduate undergraduate undergrad freshman sophomore junior senior alum alumni
    phd masters grad visiting visitor guest patron member researcher instructor teacher adjunct lecturer
    monday tuesday wednesday thursday friday saturday sunday january february march april june july august
    september october november december spring summer fall autumn winter today tomorrow yesterday tonight
    english spanish french german chinese history biology chemistry physics math mathematics science
    engineering psychology nursing business law music art economics sociology philosophy education
    canvas blackboard moodle zoom teams google adobe microsoft word excel powerpoint chrome firefox safari
    windows mac apple amazon jstor ebsco proquest worldcat ohiolink interlibrary illiad chicago apa mla
    turabian harvard oxford cambridge miami ohio america american national international global
    ill pdf isbn issn doi oclc url link website chat email phone text sms circ tech admin info anonymous unknown
    someone somebody nobody anyone everybody user
    korean japanese indian mexican canadian african asian european hispanic latino latina latinx black white
    muslim christian jewish catholic native indigenous russian ukrainian italian arab arabic persian turkish
    vietnamese filipino nigerian kenyan ghanaian brazilian british irish scottish dutch swedish polish greek
    deaf blind disabled veteran international domestic transfer remote local new old
    god jesus christ lord""".split()
)
# Words that make a capitalised phrase an institution or a place, not a person.
_INSTITUTION_WORDS = frozenset(
    """library libraries university college school hall center centre room department dept office desk building
    services service institute museum archive archives collection collections lab laboratory commons press
    journal review society association foundation company inc llc corp street st avenue ave road rd drive""".split()
)
# Words of library services, databases, tools, courses and organisations: a two-word sign-off
# candidate ("- Interlibrary Loan", "- Nexis Uni", "Thanks, Course Reserves") holding one is not a person.
_ORG_WORDS = frozenset(
    """loan loans reserve reserves course courses delivery document documents guide guides search scholar
    database databases catalog catalogue account accounts login password renewal renewals renew hold holds fine
    fines fee fees request requests form forms tutorial tutorials video videos page pages portal app apps system
    systems software data stats statistics map maps record records newspaper newspapers magazine magazines times
    post news daily weekly monthly book books ebook ebooks article articles journals periodicals collection special
    digital media online academic source sources complete premier plus direct central core elite edge express
    general reference research writing studies study methods method design science sciences nature health medicine
    medical nursing clinical public policy government political politics social work criminal justice
    environmental computer computing information literature composition rhetoric calculus algebra statistics
    anatomy physiology marketing finance accounting management anthropology geography geology astronomy genetics
    ecology neuroscience kinesiology nutrition architecture theatre theater film films communication journalism
    religion religious theology linguistics honors seminar capstone thesis dissertation project proposal paper
    essay report assignment homework exam final midterm quiz syllabus lecture chapter unit module week part volume
    print printing printer printers scan scanner scanning copy copies lost found items item equipment laptop laptops
    room rooms space spaces floor wifi network tech technology makerspace gallery exhibit exhibits event events
    workshop workshops program programs club team crew group committee board council staff desk help ask us we
    pubmed medline psycinfo psycarticles scopus ebsco ebscohost nexis lexis uni muse jstor wiley springer
    elsevier westlaw kanopy overdrive hoopla zotero endnote mendeley refworks libguides libcal
    springshare primo alma summon onefile britannica credo statista mergent factiva ibisworld morningstar
    bloomberg reuters cinahl eric econlit hathitrust archive archives smithsonian congress senate house court
    county city state federal national department ministry bureau agency inc co ltd corporation foundation
    sent iphone android outlook gmail mobile device""".split()
)
_ROLE_SPEAKERS = frozenset(
    """patron staff librarian guest user visitor system you me operator agent bot chatbot student customer
    reader asker answerer library admin moderator""".split()
)


@dataclass(frozen=True)
class _Settings:
    mask_names: bool = True
    keep_urls: bool = False
    id_patterns: tuple[re.Pattern[str], ...] = ()
    drop_columns: tuple[str, ...] = ()


def _settings(config: Config | PrivacyConfig | None) -> _Settings:
    if config is None:
        return _Settings()
    if isinstance(config, Config):
        config = config.privacy
    if not isinstance(config, PrivacyConfig):
        raise ConfigError(
            f"scrub config must be a PrivacyConfig or Config, got {type(config).__name__}",
            fix="pass asklens.load_config(...).privacy or leave config=None",
        )
    compiled = []
    for pattern in config.id_patterns or []:
        try:
            compiled.append(re.compile(pattern))
        except re.error as exc:
            raise ConfigError(
                f"[privacy] id_patterns entry {pattern!r} is not a valid regular expression: {exc}",
                fix="fix or remove the pattern in asklens.toml [privacy] id_patterns",
            ) from None
    return _Settings(
        mask_names=bool(config.mask_names),
        keep_urls=bool(config.keep_urls),
        id_patterns=tuple(compiled),
        drop_columns=tuple(str(c) for c in (config.drop_columns or [])),
    )


# ---- URLs and emails --------------------------------------------------------------------


def _url_is_personal(url: str) -> list[str] | bool:
    """Return the personal query keys of ``url`` (or True when the whole URL is personal)."""
    if _EMAIL_IN_URL.search(unquote(url)):
        return True
    try:
        parts = urlsplit(url if "://" in url else "http://" + url)
    except ValueError:
        return True
    if parts.username or parts.password:
        return True
    personal: list[str] = []
    for segment in parts.path.split(";")[1:]:
        key = segment.split("=", 1)[0].lower()
        if key in _PERSONAL_QUERY_KEYS:
            return True
    query = parts.query + ("&" + parts.fragment if "=" in parts.fragment else "")
    for key, value in parse_qsl(query, keep_blank_values=True):
        k = key.lower().strip()
        if value == MASKS["url_token"]:
            continue  # masked already
        if k in _PERSONAL_QUERY_KEYS:
            personal.append(key)
        elif k not in _BENIGN_QUERY_KEYS and _TOKENISH.match(value or ""):
            personal.append(key)
        elif "@" in unquote(value or ""):
            personal.append(key)
    return personal


def _strip_trailing(url: str) -> tuple[str, str]:
    tail = ""
    while url and url[-1] in ".,;:!?)":
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        tail = url[-1] + tail
        url = url[:-1]
    return url, tail


_QUERY_PAIR = re.compile(r"(?<=[?&#;])([^?&#;=]+)=([^&#;]*)")


def _mask_url_values(url: str, keys: list[str]) -> str:
    keyset = {k for k in keys}

    def repl(m: re.Match[str]) -> str:
        return m.group(1) + "=" + MASKS["url_token"] if m.group(1) in keyset else m.group(0)

    return _QUERY_PAIR.sub(repl, url)


def _web_replacer(counts: Counts, settings: _Settings) -> Callable[[re.Match[str]], str]:
    def repl(m: re.Match[str]) -> str:
        kind = m.lastgroup
        text = m.group(0)
        if kind == "url":
            url, tail = _strip_trailing(text)
            personal = _url_is_personal(url)
            if personal is True or (personal and not settings.keep_urls):
                counts["url_token"] += 1
                return MASKS["url_token"] + tail
            if personal:
                counts["url_token"] += 1
                return _mask_url_values(url, personal) + tail
            return text
        if kind == "email":
            counts["email"] += 1
            return MASKS["email"]
        # obfuscated email: "jdoe at miamioh dot edu", "jdoe [at] gmail [dot] com"
        if _looks_like_obfuscated_email(m):
            counts["email"] += 1
            return MASKS["email"]
        return text

    return repl


_OBF_PARTS = re.compile(rf"^(?P<local>[A-Za-z0-9._%+\-]+)(?P<at>{_AT})(?P<domain>.+)$", re.DOTALL)


def _looks_like_obfuscated_email(m: re.Match[str]) -> bool:
    parts = _OBF_PARTS.match(m.group(0))
    if parts is None:
        return False
    at, local, domain = parts.group("at"), parts.group("local"), parts.group("domain")
    if re.search(r"[\[\(\{<]", at) or "@" in at:
        return True
    labels = re.split(_DOT, domain)
    tld = labels[-1].lower()
    if tld not in _MAIL_TLDS:
        return False
    if local.lower() in _NOT_A_MAILBOX:
        return False
    if re.search(r"\sdot\s|[\[\(\{<]\s*dot", domain, re.IGNORECASE):
        return True
    before = m.string[max(0, m.start() - 40) : m.start()]
    return bool(
        re.search(r"[._\d]", local)
        or _FREEMAIL.match(labels[0])
        or tld == "edu"
        or _EMAIL_CONTEXT.search(before)
    )


# ---- numbers: phones, cards, ids, IPs, addresses ----------------------------------------

_SEP = r"(?:[ \t.\-–]|\s-\s)"
# The pattern starts with a character class so that Python's regex engine can skip ahead
# to candidate characters in C; the look-behind then checks the character before it. The
# look-ahead skips lone numbers of up to 6 digits (years, rooms, prices): only a label such
# as "PIN" or "card number" makes those personal, and _SHORT_ID handles that.
_NUMBER = (
    r"(?P<number>[\d+(](?<![\w.,$£€/@%+\-][\d+(])(?:(?<=[+(])|(?=\d{6}|\d*(?:[ \t.\-–]|\s-\s)\(?\d))"
    r"(?:(?<=\+)[ \t]?\d{1,3}[ \t.\-]?(?:\(\d{1,4}\)[ \t]?)?\d+|(?<=\()\d{1,4}\)[ \t]?\d+|(?<=\d)\d*)"
    rf"(?:{_SEP}\d+)*"
    r"(?:-?[Xx](?![A-Za-z]))?)"
    r"(?P<ext>[ \t]*,?[ \t]*(?:ext\.?|extension|x)[ \t]*\d{1,6}\b)?"
)
_STREET_SUFFIX = (
    r"(?:Street|St(?!\.?[ \t]+(?:Martin|Louis|Paul|John|Mary|Peter|James|Joseph|Patrick|Anthony|Francis|George"
    r"|Luke|Mark|Matthew|Thomas|Andrew|Augustine|Petersburg|Cloud|Lawrence|Helena|Jude|Vincent|Catherine|Clair"
    r"|Charles|Albans|Kitts|Lucia|Croix|Olaf|Edward|Elizabeth|Michael|Martin's|Jerome|Ignatius|Benedict)\b)|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Way|Place|Pl|Terrace|Ter"
    r"|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Square|Sq|Pike|Row|Alley|Crescent|Close)"
)
_UNIT = r"(?:,?[ \t]*(?i:apt|apartment|unit|suite|ste|room|rm|#)\.?[ \t]*#?[ \t]*[A-Za-z]?\d+[A-Za-z]?\b)"
_STATE = (
    r"(?:[A-Z]{2}|Ohio|Indiana|Kentucky|California|Texas|Florida|Michigan|Illinois|Pennsylvania|New[ \t]York)\b"
    r"(?:[ \t]+\d{5}(?:-\d{4})?)?"
)
_CITY = r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?"
_CITY_STATE_ZIP = rf"(?:,[ \t]*{_CITY},?[ \t]+{_STATE}|[ \t]+{_CITY},[ \t]*{_STATE})"
_STREET_WORD = r"(?:[A-Z][A-Za-z'’\-]*\.?|\d+(?:st|nd|rd|th))"
_ADDRESS = (
    r"(?P<address>(?<![\w.,$/#\-])\d{1,6}[A-Za-z]?(?:-\d{1,5})?[ \t]+(?:[NSEW]\.?[ \t]+)?"
    rf"{_STREET_WORD}(?:[ \t]+{_STREET_WORD}){{0,4}}?[ \t]+{_STREET_SUFFIX}\b\.?"
    rf"{_UNIT}?{_CITY_STATE_ZIP}?"
    r"|(?<![\w.,$/#\-])\d{1,6}[ \t]+(?:[nsew]\.?[ \t]+)?(?:[a-z]{2,}|\d+(?:st|nd|rd|th))(?:[ \t]+(?:[a-z]{2,}|\d+(?:st|nd|rd|th))){0,4}?"
    r"[ \t]+(?:st|ave|blvd|rd|ln|ct|pkwy|hwy|dr|street|avenue|boulevard)\b\.?"
    rf"{_UNIT}?"
    r"|\b(?:[Aa]pt|APT|[Aa]partment)\.?[ \t]*#?[ \t]*\d+[A-Za-z]?\b"
    r"|\b(?:P\.?[ \t]?O\.?[ \t]?|[Pp]ost[ \t][Oo]ffice[ \t])[Bb]ox[ \t]+\d+)"
)
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IPV4_RUN = re.compile(rf"(?:{_OCTET}\.){{3}}{_OCTET}")
_DOI_RUN = re.compile(r"10\.\d{4,9}")
_URL_START = re.compile(r"(?:https?|ftp)://|www\.", re.IGNORECASE)


def _inside_url(text: str, pos: int) -> bool:
    """Return True when ``pos`` lies inside a URL (kept URLs are not scrubbed for numbers)."""
    if "/" not in text and "www" not in text:
        return False
    start = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos), text.rfind("\t", 0, pos)) + 1
    return bool(_URL_START.search(text, start, pos + 1))


def _address_replacer(counts: Counts) -> Callable[[re.Match[str]], str]:
    def repl(m: re.Match[str]) -> str:
        if _inside_url(m.string, m.start()):
            return m.group(0)
        counts["street_address"] += 1
        return MASKS["street_address"]

    return repl


def _short_id_replacer(counts: Counts) -> Callable[[re.Match[str]], str]:
    def repl(m: re.Match[str]) -> str:
        start = m.start("short")
        if _context(m.string[max(0, start - 48) : start])[0] != "id":
            return m.group(0)
        counts["card_number"] += 1
        return m.group(0)[: start - m.start()] + MASKS["card_number"]

    return repl


def _number_replacer(counts: Counts) -> Callable[[re.Match[str]], str]:
    def repl(m: re.Match[str]) -> str:
        raw = m.group("number")
        if _inside_url(m.string, m.start()):
            return m.group(0)
        end = m.end("number")
        nxt = m.string[end : end + 1]
        if nxt == "/" and _DOI_RUN.fullmatch(raw):
            return m.group(0)  # a DOI prefix: 10.1038/...
        if raw.count(".") == 3 and _IPV4_RUN.fullmatch(raw) and not (nxt == "." and m.string[end + 1 : end + 2].isdigit()):
            counts["ip_address"] += 1
            return MASKS["ip_address"] + (m.group("ext") or "")
        # a run of digits (with separators); "ext" may follow
        return _classify_number(m, counts)

    return repl


_GROUPS = re.compile(r"\d+|[Xx]$")
_DIGIT_SPACE_DIGIT = re.compile(r"\d\s+\d")
_KEEP = "keep"


def _classify_number(m: re.Match[str], counts: Counts) -> str:
    raw = m.group("number")
    ext = m.group("ext") or ""
    start = m.start("number")
    before = m.string[max(0, start - 48) : start]
    spans = [(0, len(raw))] if raw.isdigit() else [(g.start(), g.end()) for g in _GROUPS.finditer(raw)]
    if len(spans) > 1 and raw[spans[-1][0] :] in ("X", "x"):
        # an ISBN-10 check character: fold it into the last group
        spans = spans[:-2] + [(spans[-2][0], spans[-1][1])]
    if not spans:
        return m.group(0)
    head = ""
    if (
        len(spans) > 1
        and spans[0][1] - spans[0][0] <= 4
        and raw[spans[0][1] : spans[1][0]].isspace()
        and _COURSE_BEFORE.search(before[-8:])
        and _context(before)[0] is None
    ):
        # "ENG 111 513-555-0123": the first group belongs to a course code
        head = raw[: spans[1][0]]
        before, raw = before + head, raw[spans[1][0] :]
        spans = [(x - len(head), y - len(head)) for x, y in spans[1:]]
    body = _mask_run(raw, spans, before, bool(ext), counts)
    if ext and body.endswith(MASKS["phone"]):
        ext = ""  # the extension goes with its phone number
    return head + body + ext


_MAX_WINDOW = 6  # digit groups per sub-run tried; keeps long runs ("1 2 3 ... 999") linear


def _mask_run(raw: str, spans: list[tuple[int, int]], before: str, has_ext: bool, counts: Counts) -> str:
    """Return the digit run ``raw`` (digit groups at ``spans``) with its personal numbers masked.

    The whole run is judged first ("513-555-0123"); when it has no reading ("room 212
    513-555-0123"), windows of up to ``_MAX_WINDOW`` groups are judged left to right,
    longest first, and each personal window is masked.
    """
    n = len(spans)

    def context(a: int) -> str:
        return before[-48:] + raw[max(0, a - 48) : a]

    kind = _kind([raw[x:y] for x, y in spans], raw, context(0), has_ext)
    if kind == _KEEP:
        return raw
    if kind is not None:
        counts[kind] += 1
        return MASKS[kind]
    out: list[str] = []
    done = 0  # raw[:done] is already in out
    i = 0
    while i < n:
        found = None
        for size in range(min(_MAX_WINDOW, n - 1), 0, -1):
            j = i + size
            if j > n:
                continue
            a = 0 if i == 0 else spans[i][0]
            b = len(raw) if j == n else spans[j - 1][1]
            kind = _kind([raw[x:y] for x, y in spans[i:j]], raw[a:b], context(a), has_ext and j == n)
            if kind is not None:
                found = (kind, a, b, j)
                break
        if found is None:
            i += 1
            continue
        kind, a, b, i = found
        if kind != _KEEP:
            counts[kind] += 1
            out.append(raw[done:a] + MASKS[kind])
            done = b
    out.append(raw[done:])
    return "".join(out)


def _personal_shape(digits: str, lens: list[int], n: int, raw: str, has_ext: bool, plus: bool, paren: bool) -> bool:
    """Return True when a digit run can be personal by its shape alone (no label needed)."""
    return (
        plus
        or paren
        or has_ext
        or n >= 9
        or lens in ([3, 2, 4], [3, 3, 4], [1, 3, 3, 4], [3, 4], [2, 4, 4], [3, 4, 4], [4, 3, 4])
        or (digits[0] == "0" and n >= 10)
    )


def _kind(groups: list[str], raw: str, before: str, has_ext: bool) -> str | None:
    """Return the personal kind of a digit run, ``"keep"`` for a library number, or None if unsure."""
    digits = "".join(groups)
    if not digits:
        return _KEEP
    core = digits[:-1] if digits[-1] in "Xx" else digits
    if not core.isdigit():
        return _KEEP
    n = len(digits)
    lens = [len(g) for g in groups]
    plus = raw.lstrip().startswith("+")
    paren = "(" in raw
    if n < 4:
        return None  # no personal number is this short
    if n == 13 and digits[:3] in ("978", "979") and not plus:
        return _KEEP  # ISBN-13
    if n <= 6 and not plus and not paren and not _ID_HINT.search(before[-40:]):
        return None  # short numbers are personal only after a label such as "card number"
    if not _personal_shape(digits, lens, n, raw, has_ext, plus, paren) and not _ID_HINT.search(before[-40:]) and not (
        n >= 7 and _PHONE_HINT.search(before[-25:])
    ):
        return None  # only a label ("card number", "call me at") could make this number personal
    label, phone_ctx = _context(before)
    lib_ctx = label in ("lib", "isbn")
    isbn_ctx = label == "isbn"
    if isbn_ctx and n in (9, 10, 13):
        return _KEEP
    if n == 10 and _isbn10_ok(digits) and not plus and not paren and lens not in ([3, 3, 4], [3, 7]):
        if not phone_ctx and not has_ext:
            return _KEEP
    if digits[-1] in "Xx":
        return _KEEP
    # shapes only personal numbers have, whatever the words before say
    if lens == [3, 2, 4]:
        return "card_number"  # social security number
    if plus and n == 8 and digits[0] == "0":
        return "card_number"  # Banner-style id: +0 and 7 digits (country codes never start with 0)
    if 15 <= n <= 19 and _luhn_ok(digits) and not plus and not paren and (len(groups) == 1 or min(lens) >= 4):
        return "card_number"  # payment card
    if n == 14 and digits[0] == "2" and not plus and not paren:
        return "card_number"  # library patron barcode
    if plus and 7 <= n <= 15:
        return "phone"
    if paren and 7 <= n <= 12:
        return "phone"
    if lens == [3, 3, 4] or (lens == [1, 3, 3, 4] and digits[0] == "1"):
        return "phone"
    if lib_ctx:
        # "room 212 513-555-0123": the label covers the first number only
        return None if _DIGIT_SPACE_DIGIT.search(raw) else _KEEP
    # weaker shapes
    if n in (13, 14) and _luhn_ok(digits) and (len(groups) == 1 or min(lens) >= 4):
        return "card_number"  # short payment cards (old Visa, Diners)
    if lens == [3, 4] and " " not in raw:
        return "phone"
    if lens in ([2, 4, 4], [3, 4, 4], [4, 3, 4]) and (digits[0] == "0" or phone_ctx):
        return "phone"
    if lens == [10] or (lens == [11] and digits[0] == "1"):
        return "phone"
    if digits[0] == "0" and 10 <= n <= 12 and len(groups) >= 2:
        return "phone"
    id_ctx = label == "id"
    if phone_ctx and 7 <= n <= 15 and not id_ctx:
        return "phone"
    if has_ext and 7 <= n <= 12:
        return "phone"
    if id_ctx and 4 <= n <= 19:
        return "card_number"
    if lens == [9]:
        return "card_number"  # student id
    if n >= 11 and len(groups) <= 2:
        return "card_number"
    return None


_IPV6_CANDIDATE = (
    r"(?P<ipv6>(?<![\w:.])(?:[0-9A-Fa-f]{1,4}:|:)(?:[0-9A-Fa-f]{0,4}:){1,7}(?:[0-9A-Fa-f]{1,4}"
    r"|(?:\d{1,3}\.){3}\d{1,3})?(?:%[0-9A-Za-z]+)?(?![\w:]))"
)


def _ipv6_replacer(counts: Counts) -> Callable[[re.Match[str]], str]:
    def repl(m: re.Match[str]) -> str:
        text = m.group(0)
        addr = text.split("%", 1)[0]
        if addr.count(":") < 2:
            return text
        try:
            ipaddress.IPv6Address(addr)
        except ValueError:
            return text
        counts["ip_address"] += 1
        return MASKS["ip_address"]

    return repl


# ---- names ----------------------------------------------------------------------------------

_STUDENT_WORDS = (
    r"(?:student|grad|graduate|undergrad|undergraduate|freshman|first-year|sophomore|junior|senior|faculty"
    r"|professor|instructor|lecturer|staff|alum|alumna|alumnus|alumni|phd|doctoral|masters?|researcher|visitor"
    r"|patron|member|librarian|teacher|parent|community|transfer|new|returning|distance|online|nursing|history"
    r"|english|biology|chemistry|psychology|engineering|business|law|music|art|education)"
)
_AFTER_THIS_IS = (
    r"(?=[ \t]+(?i:from|at|with|in|here|again|speaking|and[ \t]+i)\b|[ \t]*[,;:!]|[ \t]*\.(?:\s|$)|[ \t]*$)"
)
_AFTER_I_AM = (
    rf"(?=[ \t]+(?i:from|at|with|in|here|and[ \t]+i)\b|[ \t]*,?[ \t]*(?i:an?|the)[ \t]+(?i:{_STUDENT_WORDS})\b"
    r"|[ \t]*,[ \t]*(?i:an?|the|and|i)\b|[ \t]*[.!](?:\s|$)|[ \t]*$)"
)
_THANKS = (
    r"thanks?(?:[ \t]+you)?(?:[ \t]+(?:so[ \t]+much|very[ \t]+much|again|a[ \t]+lot|in[ \t]+advance"
    r"|for[ \t]+your[ \t]+help))?"
)
_SIGNOFF_WORDS = [
    _THANKS, rf"many[ \t]+{_THANKS}", "thx", "ty", r"best(?:[ \t]+(?:regards|wishes))?", r"kind[ \t]+regards",
    r"warm(?:est)?[ \t]+regards", "regards", r"sincerely(?:[ \t]+yours)?", "cheers", "respectfully",
    r"yours[ \t]+truly", r"take[ \t]+care", "cordially", "blessings",
]
_THIS_IS = _word_start([r"this[ \t]+is", r"it['’]s", r"here[ \t]+is"])
_I_AM = _word_start([r"i['’]?m", r"i[ \t]+am"])
_MY_NAME = [
    r"my[ \t]+name[ \t]+is", r"my[ \t]+name['’]s", r"name[ \t]*:", r"i[ \t]+am[ \t]+called", r"call[ \t]+me",
    r"i[ \t]+go[ \t]+by", r"signed[ \t]*,?",
]
_AFTER_SIGNOFF = (
    r"(?=[ \t]*[.!]?[ \t]*(?:$|\n|\()|,[ \t]*(?i:an?|the|class|senior|junior|sophomore|freshman|grad|graduate"
    r"|phd|student|\d))"
)
# A personal name of two or three capitalised tokens (an optional middle initial between):
# the sign-off detectors below use it without any announcing words, so they need two tokens.
_NAME2 = rf"{_NAME_TOKEN}(?:[ \t]+(?:[A-Z]\.?[ \t]+)?{_NAME_TOKEN}){{1,2}}"
#: RE2 prefilter for the start of such a name ("[NAME] Doe" when a reader's hand-off masked a part).
_PF_NAME2 = r"(?:[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]+|\[NAME\])[ \t]+[A-ZÀ-ÖØ-Þ\[]"
#: closing words: a signature's name ends before them ("- Jane Doe Many thanks").
_CLOSING_WORDS = frozenset("many kind warm warmest best regards sincerely cheers respectfully cordially yours".split())
#: a closing phrase that may follow a signature ("- Jane Doe Thank you for your help.").
_CLOSING = (
    r"(?i:thanks?\b|thank[ \t]+you|thx\b|tysm\b|ty\b|many[ \t]+thanks|best\b|regards|cheers|sincerely"
    r"|(?:i[ \t]+)?(?:really[ \t]+|truly[ \t]+)?appreciate|much[ \t]+appreciated|have[ \t]+an?[ \t]+\w+[ \t]+"
    r"(?:day|one|weekend|evening|night|week)|take[ \t]+care|respectfully|sent[ \t]+from|cordially)"
)
#: what may follow a signature: the end of the line (punctuation or an emoticon between) or a closing.
_AFTER_SIGNATURE = rf"(?=[ \t]*[^\w\s]{{0,4}}[ \t]*(?:\n|$)|[ \t,.!]+{_CLOSING})"
#: closings that need punctuation or a line break before a name ("Best, Jane" but not "Best Buy Gift Card").
_PUNCTUATED_CLOSING = re.compile(r"(?i:best(?![ \t]+(?:regards|wishes))|take[ \t]+care|yours[ \t]+truly|blessings)")
_CLOSING_PUNCTUATION = re.compile(r"[,!.:\-–—~\n]")


def _closing_ok(pre: str) -> bool:
    """Return False for a closing such as "Best" that runs into a capitalised phrase with no punctuation."""
    return not _PUNCTUATED_CLOSING.match(pre) or bool(_CLOSING_PUNCTUATION.search(pre))


#: name triggers: (RE2 prefilter, pattern with groups "pre" and "name"). Each runs only on the
#: rows its prefilter picks, so that the common words ("thanks", "I'm") cost little.
_NAME_PATTERNS: tuple[tuple[str, str], ...] = (
    # my name is Jane Doe / name: Jane Doe / call me Jane / my name is jane doe
    (r"(?i:name|call me|go by|signed)",
     rf"(?P<pre>{_word_start(_MY_NAME)}[ \t]+{_TITLE})(?P<name>{_FULL_NAME})"
     rf"|(?P<prelow>(?i:\bmy[ \t]+name[ \t]+is)[ \t]+)(?P<low>{_LOWER_NAME})"),
    # this is Jane (from|here|,) / it's Jane from
    (r"(?i:this is|it['’]s|here is)",
     rf"(?P<pre>{_THIS_IS}[ \t]+{_TITLE})(?P<name>{_FULL_NAME})"
     rf"{_AFTER_THIS_IS}"),
    # I'm Jane from / I am Jane, a junior
    (r"(?i:i['’]?m |i am )",
     rf"(?P<pre>{_I_AM}[ \t]+{_TITLE})(?P<name>{_FULL_NAME}){_AFTER_I_AM}"),
    # sign-offs: Thanks, Jane Doe
    (r"(?i:thank|thx|ty|regards|sincerely|cheers|best|respectfully|yours|take care|cordially|blessings)",
     rf"(?P<pre>{_word_start(_SIGNOFF_WORDS)}[ \t]*[,!.:\-–—]*\s*(?:[-–—~][ \t]*)?{_TITLE})(?P<name>{_FULL_NAME})"
     rf"{_AFTER_SIGNOFF}"),
    # Jane Doe here, ...
    (r"[A-Za-z\]] here",
     rf"(?P<pre>(?:(?m:^)|(?<=[.!?][ \t])|(?i:\b(?:hi|hello|hey)[,!]?[ \t]+)){_TITLE})(?P<name>{_FULL_NAME})"
     r"(?=[ \t]+here\b)"),
    # a dash signature at the very end: "... when it comes in. - Jane Doe"
    (r"[-–—~] ?[A-Z\[]",
     rf"(?P<pre>(?:(?<=[.!?)])|(?m:^))[ \t]*[-–—~]+[ \t]*{_TITLE})(?P<name>{_FULL_NAME})(?=[ \t]*[.!]?[ \t]*$)"),
    # a dash signature: "... how do I do that? - Jane Doe I appreciate your help." / "-- Jane M. Doe" at
    # the end of a line (transcript messages end there) or before a closing phrase; two name tokens
    (rf"[-–—~][ \t]*{_PF_NAME2}",
     rf"(?P<presig>[-–—~](?<![^\s][-–—~])-?[ \t]*{_TITLE})(?P<sig>{_NAME2}){_AFTER_SIGNATURE}"),
    # a closing, then a name of two tokens, whatever follows: "Thank you Jane Doe for ...", "Best,\nJane Doe. Sent"
    (r"(?i:thank|thx|ty|regards|sincerely|cheers|best|respectfully|yours|care|cordially|blessings)"
     rf"(?s:.){{0,60}}{_PF_NAME2}",
     rf"(?P<presig>{_word_start(_SIGNOFF_WORDS)}[ \t]*[,!.:\-–—]*\s*{_TITLE})(?P<sig>{_NAME2})"),
    # a name alone on the last line of a message: "Can I renew it?\nJane Doe"
    (rf"[.!?,:;)][ \t]*\n[ \t]*{_PF_NAME2}",
     rf"(?P<presig>[.!?,:;)][ \t]*\n[ \t]*{_TITLE})(?P<sig>{_NAME2})"
     rf"(?=[ \t]*[^\w\s]{{0,4}}[ \t]*$|[ \t,.!]+{_CLOSING})"),
    # transcript speaker prefixes: 10:02:11 - Jane Doe : text
    (r"[0-9]:[0-9][0-9]",
     r"(?P<spk>(?m:^)[ \t]*\[?\d{1,2}:\d{2}(?::\d{2})?[ \t]*(?:[AaPp][Mm])?\]?[ \t]*[-–][ \t]*)"
     r"(?P<speaker>[^:\n\[\]]{1,60}?)(?=[ \t]*:[ \t])"),
)
_NAME_RES = tuple((pf, re.compile(pat)) for pf, pat in _NAME_PATTERNS)
_HAS_LETTER = re.compile(r"[A-Za-z]")


def _is_name(candidate: str, *, lowercase: bool = False) -> str | None:
    """Return the part of ``candidate`` that is a personal name, or None."""
    tokens = candidate.split()
    if not tokens:
        return None
    words = [t.strip(".,'’").lower() for t in tokens]
    if words[0] in _NOT_NAMES or words[0] in _INSTITUTION_WORDS or words[0] in _ORG_WORDS:
        return None
    if any(w in _INSTITUTION_WORDS for w in words):
        return None
    # keep the leading tokens that look like a name
    kept = []
    for tok, w in zip(tokens, words):
        if w in _NOT_NAMES or w in _ORG_WORDS:
            break
        kept.append(tok)
    if not kept:
        return None
    if lowercase and len(kept[0]) < 3:
        return None
    return " ".join(kept)


_TOKEN = re.compile(r"\S+")


def _is_full_name(candidate: str) -> str | None:
    """Return the leading part of ``candidate`` that is a name of at least two tokens, or None.

    Used where no words announce the name (dash signatures, a name after a closing), so
    it is strict: no token may be a library, database, course or organisation word
    ("- King Library", "- Interlibrary Loan", "Thanks, Course Reserves").
    """
    tokens = list(_TOKEN.finditer(candidate))
    words = [t.group(0).strip(".,'’").lower() for t in tokens]
    if any(w in _INSTITUTION_WORDS for w in words):
        return None
    n = 0  # the name ends at the first word that is not a name ("Jane Doe Sent from my iPhone")
    while n < len(words) and not (words[n] in _NOT_NAMES or words[n] in _ORG_WORDS or words[n] in _CLOSING_WORDS):
        n += 1
    if sum(len(w) >= 2 for w in words[:n]) < 2 or len(words[n - 1]) < 2:
        return None  # one real token, or ends on a middle initial
    if all(w == "[name]" or len(w) < 2 for w in words[:n]):
        return None  # masked already
    return candidate[: tokens[n - 1].end()]


def _name_replacer(counts: Counts) -> Callable[[re.Match[str]], str]:
    def repl(m: re.Match[str]) -> str:
        groups = m.groupdict()
        if groups.get("sig") is not None:
            cand = groups["sig"]
            name = _is_full_name(cand)
            if name is None or not _closing_ok(groups["presig"]):
                return m.group(0)
            counts["name"] += 1
            return groups["presig"] + MASKS["name"] + cand[len(name) :]
        if groups.get("speaker") is not None:
            cand = groups["speaker"]
            if cand.strip().lower().split(" ")[0] in _ROLE_SPEAKERS or not _HAS_LETTER.search(cand):
                return m.group(0)
            counts["name"] += 1
            return groups["spk"] + MASKS["name"]
        if groups.get("low") is not None:
            prefix, cand = groups["prelow"], groups["low"]
        else:
            prefix, cand = groups["pre"], groups["name"]
            if not _closing_ok(prefix):
                return m.group(0)
        name = _is_name(cand, lowercase=cand[:1].islower())
        if name is None:
            return m.group(0)
        counts["name"] += 1
        return prefix + MASKS["name"] + cand[len(name) :]

    return repl


# ---- prefilters (RE2 syntax: no look-arounds) and the pass table -------------------------

# (RE2 is slow on \s and negated classes inside these, hence the explicit [ \t])
_PF_NUMBER = r"[0-9]{7}|[0-9](?:[ \t.\-–]| - )\(?[0-9]|[+(][0-9]"
_PF_ADDRESS = (
    r"(?i:apt[ \t.#]|apartment|box[ \t]+\d"
    r"|\d[ \t]+(?:[a-z0-9.\-']+[ \t]+){1,5}(?:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|ct|court"
    r"|way|pl|place|ter|terrace|cir|circle|pkwy|parkway|hwy|highway|trail|trl|square|sq|pike|row|alley|crescent"
    r"|close)\b)"
)
_PF_IPV6 = r"[0-9A-Fa-f]:[0-9A-Fa-f]{0,4}:|::"

_OBF_EMAIL = (
    rf"(?<![A-Za-z0-9._%+\-])(?!(?:{'|'.join(sorted(_NOT_A_MAILBOX))})\b)[A-Za-z0-9._%+\-]+{_AT}(?!www\.)[A-Za-z0-9\-]+(?:{_DOT}[A-Za-z0-9\-]+)*{_DOT}[A-Za-z]{{2,6}}\b(?![/\w@+%-]|\.\w)"
)
_URL_RE = re.compile(rf"(?P<url>{_URL})")
_BARE_URL_RE = re.compile(rf"(?P<url>{_BARE_URL_WITH_QUERY})", re.IGNORECASE)
_EMAIL_RE = re.compile(rf"(?P<email>{_EMAIL})")
_OBF_EMAIL_RE = re.compile(rf"(?P<obf>{_OBF_EMAIL})", re.IGNORECASE)
_PF_URL = r"://|(?i:www\.)"
_PF_BARE_URL = r"[A-Za-z]\.[A-Za-z]+[^ \t\n]*\?[^ \t\n]*="
_PF_EMAIL = r"@[A-Za-z0-9]"
_PF_OBF_EMAIL = r"(?i:[\[\(\{<] ?at ?[\]\)\}>]|[ \t]at[ \t]+[a-z0-9-]+[ \t]*(?:\.|dot[ \t]))|[A-Za-z0-9] ?@ "
_ADDRESS_RE = re.compile(_ADDRESS)
_ID_LABELS = (
    r"card|pin|id|i\.d\.|barcode|bar code|patron|student|banner|account|acct|member|membership|borrower|library"
    r"|ssn|badge|user|username|login|uid|employee"
)
_PF_SHORT_ID = rf"(?i:{_ID_LABELS})[^0-9\n]{{0,20}}[0-9]{{4}}"
_SHORT_ID_RE = re.compile(
    rf"{_word_start(_ID_LABELS.split('|'))}(?![A-Za-z])[^\d\n]{{0,20}}?(?P<short>(?<![\w.,$/@%+\-])\d{{4,6}})(?![\w/]|[.,\-]\d)"
)
_NUMBER_RE = re.compile(_NUMBER)
_IPV6_RE = re.compile(_IPV6_CANDIDATE)


_Pass = tuple[str, re.Pattern[str], Callable[[Counts], Callable[[re.Match[str]], str]]]


def _passes(settings: _Settings) -> list[tuple[str, list[_Pass]]]:
    """Return the detector passes, in order, grouped under one shared prefilter per group.

    A group's prefilter is the union of its members' prefilters; it scans the whole
    column once, and the members' own prefilters then only scan the group's rows.
    """
    web: list[_Pass] = [
        (_PF_URL, _URL_RE, lambda c: _web_replacer(c, settings)),
        (_PF_BARE_URL, _BARE_URL_RE, lambda c: _web_replacer(c, settings)),
        (_PF_EMAIL, _EMAIL_RE, lambda c: _web_replacer(c, settings)),
        (_PF_OBF_EMAIL, _OBF_EMAIL_RE, lambda c: _web_replacer(c, settings)),
    ]
    numbers: list[_Pass] = [
        (_PF_IPV6, _IPV6_RE, _ipv6_replacer),
        (_PF_ADDRESS, _ADDRESS_RE, _address_replacer),
        (_PF_NUMBER, _NUMBER_RE, _number_replacer),
        (_PF_SHORT_ID, _SHORT_ID_RE, _short_id_replacer),
    ]
    groups = [web, numbers]
    if settings.mask_names:
        groups.append([(pf, pattern, _name_replacer) for pf, pattern in _NAME_RES])
    return [("|".join(f"(?:{pf})" for pf, _, _ in group), group) for group in groups]


# --------------------------------------------------------------------------------------
# the public functions
# --------------------------------------------------------------------------------------


def _new_counts() -> Counts:
    return {kind: 0 for kind in REDACTION_KINDS}


def _scrub_series(values: pd.Series, settings: _Settings, counts: Counts) -> pd.Series:
    """Return ``values`` (a string Series) scrubbed; add what was masked to ``counts``.

    The prefilters run vectorised (RE2 over the Arrow string column) and pick, per
    detector, the rows that could hold that kind of data at all; only those rows go
    through the detector's compiled Python regex and its checks (checksums, context).
    """
    original_dtype = values.dtype
    s = values.astype("string")  # Arrow-backed strings when pyarrow is installed: RE2 prefilters
    # Masks only ever remove text, so the prefilters can all run on the original column.
    # RE2 is called through pyarrow directly: pandas would fall back to Python's re for
    # \d or \b on non-ASCII text, and ASCII semantics are fine for a prefilter.
    arrow = pa.array(s.array)
    passes: list[_Pass] = []
    masks: list[np.ndarray] = []
    for group_filter, members in _passes(settings):
        in_group = _contains(arrow, group_filter)
        where = np.flatnonzero(in_group)
        subset = arrow.take(pa.array(where)) if len(members) > 1 and len(where) else None
        for member in members:
            passes.append(member)
            if subset is None:
                masks.append(in_group)
                continue
            mask = np.zeros(len(s), dtype=bool)
            mask[where] = _contains(subset, member[0])
            masks.append(mask)
    candidates = np.logical_or.reduce(masks) if masks else np.zeros(len(s), dtype=bool)
    if candidates.any():
        pos = np.flatnonzero(candidates)
        texts = s.iloc[pos].tolist()
        for (_, pattern, factory), mask in zip(passes, masks):
            rows = np.flatnonzero(mask[pos])
            if len(rows) == 0:
                continue
            replace, sub = factory(counts), pattern.sub
            for j in rows:
                texts[j] = sub(replace, texts[j])
        column = s.to_numpy(dtype=object, na_value=pd.NA)
        column[pos] = texts
        s = pd.Series(column, index=s.index, name=s.name, dtype="string")
    for pattern in settings.id_patterns:
        s = _apply_id_pattern(s, pattern, counts)
    if original_dtype == object:
        return s.astype(object).where(s.notna(), values)
    return s.astype(original_dtype) if s.dtype != original_dtype else s


def _contains(arrow: pa.Array, pattern: str) -> np.ndarray:
    """Return a boolean mask of the strings that match ``pattern`` (RE2; missing values are False)."""
    found = pc.fill_null(pc.match_substring_regex(arrow, pattern), False)
    return found.to_numpy(zero_copy_only=False).astype(bool, copy=False)


def _apply_id_pattern(s: pd.Series, pattern: re.Pattern[str], counts: Counts) -> pd.Series:
    """Mask a configured card/student id pattern: vectorised (RE2) when RE2 can run it."""
    try:
        hits = int(s.str.count(pattern.pattern).sum(skipna=True))
        replaced = s.str.replace(pattern.pattern, MASKS["card_number"], regex=True) if hits else s
    except Exception:  # look-arounds and back-references are Python-only: do it row by row
        hits = 0
        out = []
        for text in s.to_numpy(dtype=object, na_value=None):
            if text is None:
                out.append(pd.NA)
                continue
            new, n = pattern.subn(MASKS["card_number"], text)
            hits += n
            out.append(new)
        replaced = pd.Series(out, index=s.index, name=s.name, dtype="string")
    counts["card_number"] += hits
    return replaced


_NAME_SPLIT = re.compile(r"[\s,]+")
_HANDOFF_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[A-Za-z]{2,}")
_HANDOFF_KINDS = {"patron_email": "email", "patron_ip": "ip_address", "patron_id": "card_number",
                  "patron_name": "name", "known_names": "name"}


def _row_values(row: tuple[Any, ...], columns: list[str]) -> list[tuple[str, str]]:
    """Return the (value, kind) pairs a reader handed over for one row."""
    pairs = []
    for col, value in zip(columns, row):
        kind = _HANDOFF_KINDS[col]
        if isinstance(value, str):
            if value.strip():
                pairs.append((value.strip(), kind))
        elif isinstance(value, (list, tuple, np.ndarray)):
            pairs.extend((v.strip(), kind) for v in value if isinstance(v, str) and v.strip())
    # a chat speaker "name" that is an email address is masked and counted as an email
    return [(v, "email" if k == "name" and _HANDOFF_EMAIL.fullmatch(v) else k) for v, k in pairs]


def _mask_handoff_row(texts: list[Any], pairs: list[tuple[str, str]], counts: Counts) -> list[Any]:
    """Mask the handed-over values (and the parts of names) wherever they occur in one row's texts."""
    joined = " ".join(t for t in texts if isinstance(t, str)).lower()
    hits: dict[str, str] = {}
    for value, kind in pairs:
        if len(value) >= 2 and value.lower() in joined:
            hits.setdefault(value, kind)
        if kind == "name":
            # the parts of a name too ("Jane Doe" -> "Jane", "Doe"), when they are not ordinary words
            for part in _NAME_SPLIT.split(value):
                part = part.strip(".")
                if (len(part) >= 2 and part != value and part[0].isupper() and part.lower() in joined
                        and part.lower() not in _NOT_NAMES):
                    hits.setdefault(part, "name_part")
    if not hits:
        return texts
    out = []
    for text in texts:
        if isinstance(text, str):
            for value in sorted(hits, key=len, reverse=True):
                kind = hits[value]
                flags = 0 if kind == "name_part" else re.IGNORECASE
                text, n = re.subn(rf"(?<![\w@.]){re.escape(value)}(?![\w@])", MASKS.get(kind, MASKS["name"]), text,
                                  flags=flags)
                counts["name" if kind == "name_part" else kind] += n
        out.append(text)
    return out


def scrub(
    questions: pd.DataFrame,
    *,
    config: PrivacyConfig | Config | None = None,
) -> tuple[pd.DataFrame, dict[str, int]]:
    """Mask personal data in a question log and drop its identifier columns.

    Parameters
    ----------
    questions : pandas.DataFrame
        A question log (canonical or not). The free-text columns ``text`` and
        ``answer`` (whichever exist) are scrubbed. Reader hand-off columns
        ``patron_email``, ``patron_name``, ``patron_ip``, ``patron_id`` (strings) and
        ``known_names`` (lists of names) are masked wherever their values occur in
        the text, then dropped.
    config : PrivacyConfig or Config, optional
        ``id_patterns`` adds regexes for local card or student numbers (masked as
        ``[CARD]``), ``drop_columns`` names more identifier columns to drop,
        ``mask_names=False`` keeps names, ``keep_urls=True`` keeps URLs with personal
        tokens but masks the token values (``?token=[URL]``) instead of the whole URL.

    Returns
    -------
    scrubbed : pandas.DataFrame
        A new frame (the input is not modified) without the identifier columns.
    audit : dict of str to int
        How many things of each kind were masked: ``email, phone, card_number,
        ip_address, street_address, url_token, name`` (zeros included) and
        ``id_column``, the number of identifier columns dropped.

    Raises
    ------
    InputError
        When ``questions`` is not a DataFrame.
    ConfigError
        When an ``id_patterns`` entry is not a valid regular expression.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"text": ["Call me at 513-555-0123", "Is ENG 111 in room 212?"],
    ...                    "patron_email": ["jd@example.edu", None]})
    >>> out, audit = scrub(df)
    >>> out["text"].tolist(), audit["phone"], audit["id_column"]
    (['Call me at [PHONE]', 'Is ENG 111 in room 212?'], 1, 1)
    """
    if not isinstance(questions, pd.DataFrame):
        raise InputError(
            f"scrub needs a pandas DataFrame, got {type(questions).__name__}",
            fix="pass the question table, or use scrub_text for one string",
        )
    settings = _settings(config)
    counts = _new_counts()
    out = questions.copy()
    text_cols = [c for c in TEXT_COLUMNS if c in out.columns]

    handoff = [c for c in HANDOFF_COLUMNS if c in out.columns]
    if handoff and text_cols:
        texts = [out[c].tolist() for c in text_cols]
        changed = [list(col) for col in texts]
        any_change = False
        for i, row in enumerate(zip(*(out[c].tolist() for c in handoff))):
            pairs = _row_values(row, handoff)
            if not pairs:
                continue
            before = [col[i] for col in texts]
            after = _mask_handoff_row(before, pairs, counts)
            if after is not before:
                any_change = True
                for col, value in zip(changed, after):
                    col[i] = value
        if any_change:
            for c, values in zip(text_cols, changed):
                out[c] = pd.Series(values, index=out.index, dtype=out[c].dtype)

    for col in text_cols:
        out[col] = _scrub_series(out[col], settings, counts)

    lower_drop = {c.lower() for c in settings.drop_columns}
    to_drop = [c for c in out.columns if c in HANDOFF_COLUMNS or str(c).lower() in lower_drop]
    counts["id_column"] += len(to_drop)
    out = out.drop(columns=to_drop)
    return out, counts


def scrub_text(text: str, *, config: PrivacyConfig | Config | None = None) -> tuple[str, dict[str, int]]:
    """Mask personal data in one string.

    Parameters
    ----------
    text : str
        Any patron or staff text.
    config : PrivacyConfig or Config, optional
        As for :func:`scrub`.

    Returns
    -------
    text : str
        The text with personal data replaced by masks such as ``[EMAIL]``.
    counts : dict of str to int
        How many things of each kind were masked (every kind, zeros included;
        ``id_column`` is always 0 here).

    Examples
    --------
    >>> scrub_text("I'm Jane from ENG 111, email jane.doe@miamioh.edu")
    ("I'm [NAME] from ENG 111, email [EMAIL]", {'email': 1, 'phone': 0, 'card_number': 0, 'ip_address': 0, \
'street_address': 0, 'url_token': 0, 'name': 1, 'id_column': 0})
    """
    if not isinstance(text, str):
        raise InputError(f"scrub_text needs a string, got {type(text).__name__}", fix="pass a str")
    settings = _settings(config)
    counts = _new_counts()
    out = _scrub_series(pd.Series([text], dtype="string"), settings, counts)
    return str(out.iloc[0]), counts
