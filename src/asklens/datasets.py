"""A realistic, seeded synthetic library question log, FAQ base and sample workspace.

:func:`generate_questions` builds a canonical question log (and FAQ base, and the
ground truth behind both) for a fictional university library: about thirty topics
asked about by chat, email, desk, phone and SMS, with term-time seasonality, hour and
weekday patterns, READ effort codes, durations, staff answers, typos, greetings and
planted patron PII. :func:`make_sample_workspace` writes the same log as the exports
a library really has (LibChat transcripts, Reference Analytics transactions, a
LibAnswers FAQ JSON) plus a workspace config and the ground truth, so that every
part of asklens can be measured against what the generator put in.

The same ``random_state`` always gives the same tables and byte-identical files.

Examples
--------
>>> from asklens.datasets import generate_questions
>>> questions, faq, truth = generate_questions(500, random_state=0)
>>> sorted(questions["channel"].unique())
['chat', 'desk', 'email', 'phone', 'sms']
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from asklens import _datasets_content as C
from asklens.errors import AsklensError

__all__ = ["generate_questions", "make_sample_workspace", "sample_terms", "SAMPLE_TIMEZONE"]

SAMPLE_TIMEZONE = "America/New_York"
CHANNELS = ("chat", "email", "desk", "phone", "sms")
_DEFAULT_START, _DEFAULT_END = "2024-01-01", "2025-12-31"
_DEFAULT_PER_DAY = 9000 / 731  # about 9,000 questions over the default two years
_STANDARDISED_POOL, _NEEDS_PEOPLE_POOL = 160, 520
_ACCOUNT_TOPICS = {"renewals", "fines", "library_card", "ill", "lost_items", "course_reserves"}

LIBCHAT_HEADER = ["Chat ID", "Timestamp", "Initial Question", "Transcript", "Message Count", "Rating (0-4)",
                  "Duration (seconds)", "Answerer", "Department", "Tags"]
REFANALYTICS_HEADER = ["Id", "Ticket #", "Chat #", "Date", "Time", "Entered By", "Email Address", "Question",
                       "Answer", "Location", "Patron Affiliation", "Communication", "Question Type", "Duration",
                       "READ"]
_COMMUNICATION = {"chat": "Chat", "email": "Email", "desk": "In person", "phone": "Phone", "sms": "SMS"}

# hour-of-day weights (0..23) per channel, weekday and weekend
_HOURS = {
    "chat": ([.3, .15, .1, .05, .03, .03, .1, .3, .8, 1.5, 2.2, 2.6, 2.7, 2.9, 3.0, 3.0, 2.7, 2.3, 2.0, 2.1, 2.2, 2.0,
              1.5, .8],
             [.4, .2, .1, .05, .03, .03, .05, .1, .3, .6, 1.0, 1.4, 1.6, 1.8, 1.9, 1.9, 1.8, 1.6, 1.5, 1.7, 1.9, 1.8,
              1.4, .8]),
    "email": ([.4, .2, .1, .1, .1, .2, .5, 1.2, 2.2, 2.8, 2.8, 2.5, 2.0, 2.3, 2.5, 2.4, 2.1, 1.7, 1.3, 1.2, 1.3, 1.2,
               1.0, .7],
              [.5, .3, .2, .1, .1, .1, .2, .4, .7, 1.0, 1.2, 1.3, 1.3, 1.3, 1.3, 1.3, 1.2, 1.1, 1.0, 1.1, 1.2, 1.1,
               .9, .7]),
    "desk": ([0, 0, 0, 0, 0, 0, 0, .2, .8, 1.8, 2.6, 3.0, 2.8, 3.0, 3.0, 2.7, 2.3, 1.7, 1.4, 1.2, .9, .6, .3, .1],
             [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.2, 1.8, 2.0, 2.2, 2.2, 2.0, 1.6, 1.0, 0, 0, 0, 0, 0, 0]),
    "phone": ([0, 0, 0, 0, 0, 0, 0, .1, .6, 2.0, 2.8, 2.9, 2.2, 2.5, 2.7, 2.5, 2.0, 1.0, .4, .2, .1, 0, 0, 0],
              [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.0, 1.4, 1.4, 1.5, 1.4, 1.2, 1.0, .5, 0, 0, 0, 0, 0, 0]),
    "sms": ([.2, .1, 0, 0, 0, 0, .1, .3, .7, 1.2, 1.6, 1.9, 2.2, 2.4, 2.5, 2.5, 2.4, 2.2, 2.0, 2.1, 2.2, 1.9, 1.3, .6],
            [.3, .1, 0, 0, 0, 0, 0, .1, .3, .6, 1.0, 1.3, 1.5, 1.6, 1.7, 1.7, 1.6, 1.5, 1.5, 1.6, 1.7, 1.5, 1.0, .5]),
}
_WEEKDAY = np.array([1.15, 1.15, 1.10, 1.0, 0.75, 0.35, 0.6])
_READ_MINUTES = np.array([0, 2.0, 5.0, 12.0, 22.0, 35.0, 50.0])  # median handling minutes by READ
_READ_MESSAGES = np.array([0, 4.0, 6.0, 12.0, 18.0, 26.0, 34.0])  # median chat messages by READ
_CHANNEL_MINUTES = np.array([1.4, 1.0, 1.0, 0.9, 0.6])  # chat, email, desk, phone, sms
_PII_RATE = np.array([0.08, 0.25, 0.02, 0.04, 0.06])  # share of questions with planted PII, by channel
_PII_KINDS = ("name", "email", "phone", "card")


# --------------------------------------------------------------------------------------
# the academic calendar
# --------------------------------------------------------------------------------------
def _monday_on_or_after(d: date) -> date:
    return d + timedelta(days=(7 - d.weekday()) % 7)


def sample_terms(years: range | list[int]) -> list[dict[str, str]]:
    """Return the academic terms the sample library runs on, as ``[terms]`` config entries.

    Spring starts on the Monday on or after 10 January and runs 17 weeks (with a
    spring break in week 9), summer on the Monday on or after 20 May for 12 weeks,
    fall on the Monday on or after 22 August for 16 weeks (Thanksgiving in week 14).

    Parameters
    ----------
    years : range or list of int
        The calendar years to cover.

    Returns
    -------
    list of dict
        ``{"name": "Fall 2025", "start": "2025-08-25", "end": "2025-12-19"}`` entries,
        in date order; ``end`` is the Friday of the last (finals) week.

    Examples
    --------
    >>> sample_terms([2025])[0]
    {'name': 'Spring 2025', 'start': '2025-01-13', 'end': '2025-05-09'}
    """
    out = []
    for y in years:
        for name, first, weeks in (("Spring", date(y, 1, 10), 17), ("Summer", date(y, 5, 20), 12),
                                   ("Fall", date(y, 8, 22), 16)):
            start = _monday_on_or_after(first)
            end = start + timedelta(weeks=weeks - 1, days=4)
            out.append({"name": f"{name} {y}", "start": start.isoformat(), "end": end.isoformat()})
    return out


def _calendar(days: pd.DatetimeIndex) -> dict[str, np.ndarray]:
    """Return per-day weights and flags: overall load, term start, finals, off-term."""
    n = len(days)
    load = np.full(n, 0.22)  # between terms
    start_w = np.ones(n)
    finals_w = np.zeros(n, dtype=bool)
    start_w_flag = np.zeros(n, dtype=bool)
    off_term = np.ones(n, dtype=bool)
    years = range(days[0].year - 1, days[-1].year + 2)
    day_num = days.values.astype("datetime64[D]").astype(np.int64)
    for term in sample_terms(years):
        s = np.datetime64(term["start"], "D").astype(np.int64)
        e = np.datetime64(term["end"], "D").astype(np.int64)
        inside = (day_num >= s) & (day_num <= e + 2)  # the weekend after finals still counts
        if not inside.any():
            continue
        week = (day_num - s) // 7
        n_weeks = (e - s) // 7 + 1
        kind = term["name"].split()[0]
        off_term[inside] = kind == "Summer"
        if kind == "Summer":
            load[inside] = 0.38
            continue
        load[inside] = 1.0
        mult = np.ones(n)
        mult[inside & (week == 0)] = 1.75
        mult[inside & (week == 1)] = 1.4
        mult[inside & (week == 2)] = 1.15
        mult[inside & (week == n_weeks - 3)] = 1.25
        mult[inside & (week == n_weeks - 2)] = 1.5
        mult[inside & (week == n_weeks - 1)] = 1.3
        if kind == "Spring":
            mult[inside & (week == 8)] = 0.5  # spring break
        load = np.where(inside, load * mult, load)
        start_w_flag |= inside & (week <= 2)
        start_w = np.where(inside & (week <= 1), 1.8, np.where(inside & (week == 2), 1.3, start_w))
        finals_w |= inside & (week >= n_weeks - 3)
    # holidays: Thanksgiving (4th Thursday of November) Wed-Sun, winter holidays
    month, dom = days.month.to_numpy(), days.day.to_numpy()
    for y in years:
        nov1 = date(y, 11, 1)
        thanks = nov1 + timedelta(days=(3 - nov1.weekday()) % 7 + 21)
        t = np.datetime64(thanks.isoformat(), "D").astype(np.int64)
        load[(day_num >= t - 1) & (day_num <= t + 3)] *= 0.3
    holiday = ((month == 12) & (dom >= 22)) | ((month == 1) & (dom <= 2)) | ((month == 7) & (dom == 4))
    load[holiday] *= 0.35
    load *= _WEEKDAY[days.day_of_week.to_numpy()]
    return {"load": load, "start": start_w, "finals": finals_w, "off_term": off_term}


def _trend(kind: str, frac: np.ndarray) -> np.ndarray:
    """Return a topic's relative volume over the span (``frac`` runs from 0 to 1)."""
    if kind == "rising":
        return 0.45 + 1.35 * frac
    if kind == "new":
        ramp = np.clip((frac - 0.5) / 0.06, 0, 1)
        return ramp * (0.8 + 0.8 * np.clip(frac - 0.5, 0, 1))
    if kind == "fading":
        return np.where(frac < 0.25, 1.0, 0.18 + 0.82 * np.exp(-(frac - 0.25) / 0.1))
    return np.ones_like(frac)


# --------------------------------------------------------------------------------------
# text pools
# --------------------------------------------------------------------------------------
_SLOT = re.compile(r"\{(\w+)\}")


def _fill(template: str, rng: np.random.Generator, fixed: dict[str, str] | None = None) -> str:
    """Fill ``{slot}`` placeholders at random; values already in ``fixed`` are reused (and new ones added)."""
    values = fixed if fixed is not None else {}

    def repl(m: re.Match) -> str:
        key = m.group(1)
        if key not in values:
            options = C.SLOTS[key]
            values[key] = options[int(rng.integers(len(options)))]
        return values[key]

    return _SLOT.sub(repl, template)


def _typo(text: str, rng: np.random.Generator) -> str:
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not candidates:
        return text
    i = candidates[int(rng.integers(len(candidates)))]
    w = words[i]
    j = int(rng.integers(1, len(w) - 1))
    op = int(rng.integers(4))
    if op == 0:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:]  # swap
    elif op == 1:
        w = w[:j] + w[j + 1:]  # drop
    elif op == 2:
        w = w[:j] + w[j] + w[j:]  # double
    else:
        near = "qwertyuiopasdfghjklzxcvbnm"
        k = near.find(w[j].lower())
        w = w[:j] + near[(k + 1) % len(near)] + w[j + 1:] if k >= 0 else w
    words[i] = w
    return " ".join(words)


_QUESTION_WORDS = ("how", "what", "where", "when", "why", "which", "who", "is", "are", "do", "does", "can", "could",
                   "will", "would", "should", "did", "may")


def _punctuate(text: str) -> str:
    """End a sentence with '?' or '.' when the template left it open."""
    if text[-1:] in "?.!)":
        return text
    first = text.split(" ", 1)[0].lower()
    return text + ("?" if first in _QUESTION_WORDS else ".")


def _lcfirst(text: str) -> str:
    first = text.split(" ", 1)[0]
    if first == "I" or first.startswith("I'") or (len(first) > 1 and first[:2].isupper()) or "{" in first:
        return text
    return text[:1].lower() + text[1:]


def _lower(text: str) -> str:
    return text.lower().rstrip("?.!")


def _sms(text: str) -> str:
    words = [C.SMS_WORDS.get(w, w) for w in text.lower().split(" ")]
    return " ".join(words).rstrip("?.!").replace("'", "")


def _weighted(rng: np.random.Generator, options: list, n: int) -> np.ndarray:
    w = np.array([o[1] for o in options], dtype=float)
    return rng.choice(len(options), size=n, p=w / w.sum())


_ANSWERS_PER_ENTRY = 4
_CONVERSATION_SLOTS = ("subject", "db", "dept", "course", "software", "style", "source", "data", "degree", "review",
                       "journal", "collection")


def _build_pools(rng: np.random.Generator) -> dict[str, Any]:
    """Return every topic's phrasings (6 variants each) and the staff answers to each phrasing.

    A standardised topic answers each intent with one canned answer, lightly varied;
    a needs-people topic composes its answers from varied librarian moves that reuse
    the question's own slots (its subject, database, course…).
    """
    texts: list[list[str]] = []
    answers: list[list[str]] = []
    entry_slots: list[dict[str, str]] = []
    entry_intent: list[tuple[int, int]] = []
    topic_offset, topic_size = [], []
    for t, topic in enumerate(C.TOPICS):
        intents = topic["intents"]
        weights = np.array([w for w, _, _ in intents], dtype=float)
        if topic["kind"] == "standardised":
            weights[0] *= 2.5  # one question dominates a standardised topic
        size = _STANDARDISED_POOL if topic["kind"] == "standardised" else _NEEDS_PEOPLE_POOL
        topic_offset.append(len(texts))
        topic_size.append(size)
        picks = rng.choice(len(intents), size=size, p=weights / weights.sum())
        for i in picks:
            _, templates, canned = intents[i]
            slots: dict[str, str] = {}
            core = _punctuate(_fill(templates[int(rng.integers(len(templates)))], rng, slots))
            for key in _CONVERSATION_SLOTS:  # one subject, database… per conversation
                if key not in slots:
                    options = C.SLOTS[key]
                    slots[key] = options[int(rng.integers(len(options)))]
            typo = _typo(core, rng)
            texts.append([core, typo, _lcfirst(core), _lcfirst(typo), _lower(core), _sms(core)])
            entry_slots.append(dict(slots))
            entry_intent.append((t, int(i)))
            replies = []
            for _ in range(_ANSWERS_PER_ENTRY):
                if canned is not None:
                    base = canned[0] if rng.random() < 0.75 else canned[int(rng.integers(len(canned)))]
                    replies.append(C.ANSWER_OPENERS[int(rng.integers(len(C.ANSWER_OPENERS)))] + _fill(base, rng, {})
                                   + C.ANSWER_CLOSERS[int(rng.integers(len(C.ANSWER_CLOSERS)))])
                else:
                    moves = topic["moves"]
                    chosen = rng.permutation(len(moves))[: int(rng.integers(2, 5))]
                    fixed = dict(slots)
                    body = " ".join(_fill(moves[j], rng, fixed) for j in chosen)
                    replies.append(C.RESEARCH_OPENERS[int(rng.integers(len(C.RESEARCH_OPENERS)))] + body
                                   + C.RESEARCH_CLOSERS[int(rng.integers(len(C.RESEARCH_CLOSERS)))])
            answers.append(replies)
    variants = np.empty((len(texts), 6), dtype=object)
    replies_arr = np.empty((len(texts), _ANSWERS_PER_ENTRY), dtype=object)
    for k in range(len(texts)):
        variants[k, :] = texts[k]
        replies_arr[k, :] = answers[k]
    # answers given under a topic's earlier policy ("before"), from a stream of their own
    before_arr = replies_arr.copy()
    rng_before = np.random.default_rng(rng.integers(1 << 62))
    for k, (t, i) in enumerate(entry_intent):
        before = C.TOPICS[t].get("before")
        if before:
            canned = before["answers"][i]
            before_arr[k, :] = [C.ANSWER_OPENERS[int(rng_before.integers(len(C.ANSWER_OPENERS)))]
                                + canned[int(rng_before.integers(len(canned)))]
                                + C.ANSWER_CLOSERS[int(rng_before.integers(len(C.ANSWER_CLOSERS)))]
                                for _ in range(_ANSWERS_PER_ENTRY)]
    return {"variants": variants, "answers": np.concatenate([replies_arr, before_arr]),
            "topic_offset": np.array(topic_offset), "topic_size": np.array(topic_size), "slots": entry_slots}


def _take(pool: Any, index: np.ndarray, *, missing: np.ndarray | None = None) -> Any:
    """Return ``pool[index]`` as a pyarrow string array (null where ``missing``)."""
    import pyarrow as pa

    values = pa.array(list(pool), type=pa.large_string())
    return values.take(pa.array(index, type=pa.int64(), mask=missing))


def _join(parts: list[tuple[Any, np.ndarray]]) -> Any:
    """Concatenate, row by row, strings drawn from small pools by index (vectorised in pyarrow)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    empty = pa.scalar("", pa.large_string())
    return pc.binary_join_element_wise(*[_take(pool, index) for pool, index in parts], empty)


def _pick(rng: np.random.Generator, cum: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Draw one category per row from per-group cumulative probabilities ``cum[rows]``."""
    u = rng.random(len(rows))
    out = np.empty(len(rows), dtype=np.int64)
    order = np.argsort(rows, kind="stable")
    bounds = np.searchsorted(rows[order], np.arange(len(cum) + 1))
    for g in range(len(cum)):
        idx = order[bounds[g]:bounds[g + 1]]
        out[idx] = np.searchsorted(cum[g], u[idx], side="right")
    return np.minimum(out, cum.shape[1] - 1)


def _cum(p: np.ndarray) -> np.ndarray:
    p = np.asarray(p, dtype=float)
    c = np.cumsum(p / p.sum(axis=-1, keepdims=True), axis=-1)
    c[..., -1] = 1.0 + 1e-9
    return c


# --------------------------------------------------------------------------------------
# the simulation
# --------------------------------------------------------------------------------------
def _span(n: int | None, start: Any, end: Any) -> tuple[pd.DatetimeIndex, int]:
    """Check the arguments; return the days of the span and the number of questions."""
    try:
        t0, t1 = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    except (ValueError, TypeError):
        raise AsklensError(f"start and end must be dates, got {start!r} and {end!r}",
                           fix="pass ISO dates such as '2024-01-01'") from None
    if t0.tzinfo is not None or t1.tzinfo is not None:
        t0, t1 = t0.tz_localize(None), t1.tz_localize(None)
    if t1 < t0:
        raise AsklensError(f"end {t1.date()} comes before start {t0.date()}", fix="swap start and end")
    days = pd.date_range(t0, t1, freq="D")
    if n is None:
        n = int(round(_DEFAULT_PER_DAY * len(days)))
    if not isinstance(n, (int, np.integer)) or isinstance(n, bool) or n < 1:
        raise AsklensError(f"n must be a positive whole number of questions, got {n!r}", fix="pass e.g. n=9000")
    return days, int(n)


def _volume(days: pd.DatetimeIndex, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Draw each question's topic and day: load x topic share x season x trend x weekly noise."""
    topics = C.TOPICS
    T, D = len(topics), len(days)
    cal = _calendar(days)
    frac = np.arange(D) / max(D - 1, 1)
    week = (np.arange(D) + days[0].day_of_week) // 7
    noise = np.exp(rng.normal(0.0, 0.12, size=(T, week.max() + 1)))[:, week]
    W = np.empty((T, D))
    for t, topic in enumerate(topics):
        season = np.ones(D)
        if "start" in topic["season"]:
            season *= cal["start"]
        if "finals" in topic["season"]:
            season *= np.where(cal["finals"], 1.6, 1.0)
        if "summer" in topic["season"]:
            season *= np.where(cal["off_term"], 2.0, 1.0)
        W[t] = topic["share"] * cal["load"] * season * _trend(topic["trend"], frac)
    W *= noise
    counts = rng.multinomial(n, (W / W.sum()).ravel())
    cell = np.repeat(np.arange(T * D), counts)
    return (cell // D).astype(np.int64), cell % D


def _timing(days: pd.DatetimeIndex, topic_of: np.ndarray, day_of: np.ndarray,
            rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, pd.DatetimeIndex]:
    """Draw channel and time of day; return topic, channel and local time, sorted by time."""
    n = len(topic_of)
    ch_cum = _cum(np.array([[tp["channels"][c] for c in CHANNELS] for tp in C.TOPICS]))
    channel = _pick(rng, ch_cum, topic_of)
    weekend = days.day_of_week.to_numpy()[day_of] >= 5
    hour_cum = _cum(np.array([_HOURS[c][w] for c in CHANNELS for w in (0, 1)]))
    hour = _pick(rng, hour_cum, channel * 2 + weekend)
    seconds = rng.integers(0, 3600, size=n)
    local = (days.values.astype("datetime64[s]")[day_of] + (hour * 3600 + seconds).astype("timedelta64[s]"))
    order = np.argsort(local, kind="stable")
    asked_at = pd.DatetimeIndex(local[order]).tz_localize(SAMPLE_TIMEZONE, ambiguous=np.zeros(n, dtype=bool),
                                                          nonexistent="shift_forward")
    return topic_of[order], channel[order], asked_at


def _read_codes(topic_of: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Draw READ codes: a normal around the topic's effort level, stratified within each topic.

    Stratifying makes a topic's mix of codes what its level says (rows still get random codes).
    """
    from scipy.special import ndtri

    n, T = len(topic_of), len(C.TOPICS)
    level = np.array([tp["effort"] for tp in C.TOPICS])[topic_of]
    shuffled = np.argsort(topic_of + rng.random(n), kind="stable")  # by topic, in random order within it
    rank = np.empty(n, dtype=np.int64)
    rank[shuffled] = np.arange(n) - np.searchsorted(topic_of[shuffled], topic_of[shuffled])
    per_topic = np.bincount(topic_of, minlength=T)[topic_of]
    z = ndtri((rank + rng.random(n)) / per_topic)
    return np.clip(np.rint(1.3 + 3.2 * level + 0.7 * z), 1, 6).astype(np.int64)


def _simulate(n: int | None, start: Any, end: Any, random_state: int, pii: bool) -> dict[str, Any]:
    """Return every generated row (chats, transactions, duplicates) as aligned arrays."""
    days, n = _span(n, start, end)
    rng = np.random.default_rng(random_state)
    rng_pool = np.random.default_rng([random_state, 1])
    pools = _build_pools(rng_pool)
    topics = C.TOPICS
    T = len(topics)
    topic_of, day_of = _volume(days, n, rng)
    topic_of, channel, asked_at = _timing(days, topic_of, day_of, rng)
    kind_np = np.array([tp["kind"] == "needs_people" for tp in topics])
    is_chat = channel == 0

    # the phrasing: pool entry, variant, greeting and sign-off by channel
    entry = pools["topic_offset"][topic_of] + (rng.random(n) * pools["topic_size"][topic_of]).astype(np.int64)
    prefixes = {0: C.CHAT_PREFIXES, 1: C.EMAIL_PREFIXES, 2: C.DESK_PREFIXES, 3: C.PHONE_PREFIXES, 4: C.SMS_PREFIXES}
    suffixes = {0: C.CHAT_SUFFIXES, 1: C.EMAIL_SUFFIXES, 4: C.SMS_SUFFIXES}
    prefix_pool, suffix_pool = [""], [""]
    pre = np.zeros(n, dtype=np.int64)  # indexes into prefix_pool / suffix_pool
    suf = np.zeros(n, dtype=np.int64)
    lower_next = np.zeros(n, dtype=bool)
    for c, opts in prefixes.items():
        rows = np.flatnonzero(channel == c)
        k = _weighted(rng, opts, len(rows))
        pre[rows] = len(prefix_pool) + k
        prefix_pool.extend(o[0] for o in opts)
        lower_next[rows] = np.array([o[2] for o in opts])[k]
    for c, opts in suffixes.items():
        rows = np.flatnonzero(channel == c)
        k = _weighted(rng, opts, len(rows))
        suf[rows] = len(suffix_pool) + k
        suffix_pool.extend(o[0] for o in opts)
    # context sentences: generic ones now and then; research questions usually come with their
    # story, mostly about their own topic (a deadline, a committee, a course)
    context_pool = [""] + [" " + _fill(x, rng_pool, {}) for x in C.CONTEXT for _ in range(3)]
    n_generic = len(context_pool)
    story_offset, story_size = np.zeros(T, dtype=np.int64), np.ones(T, dtype=np.int64)
    for t, tp in enumerate(topics):
        if "stories" not in tp:
            continue
        story_offset[t] = len(context_pool)
        for _ in range(120):
            own = tp["stories"]
            sentences = [own[int(rng_pool.integers(len(own)))] if rng_pool.random() < 0.6
                         else C.RESEARCH_CONTEXT[int(rng_pool.integers(len(C.RESEARCH_CONTEXT)))]]
            if rng_pool.random() < 0.3:
                sentences.append(own[int(rng_pool.integers(len(own)))])
            fixed: dict[str, str] = {}
            context_pool.append(" " + " ".join(dict.fromkeys(_fill(x, rng_pool, fixed) for x in sentences)))
        story_size[t] = len(context_pool) - story_offset[t]
    has_story = np.array(["stories" in tp for tp in topics])[topic_of]
    generic = rng.random(n) < np.array([0.05, 0.25, 0.0, 0.0, 0.0])[channel]
    story = has_story & (rng.random(n) < np.array([0.35, 0.5, 0.15, 0.15, 0.05])[channel])
    story_pick = story_offset[topic_of] + (rng.random(n) * story_size[topic_of]).astype(np.int64)
    context = np.where(story, story_pick, np.where(generic, rng.integers(1, n_generic, size=n), 0))
    typo_rate = np.array([0.2, 0.08, 0.03, 0.03, 0.15])[channel]
    all_lower = (rng.random(n) < np.array([0.22, 0.03, 0.05, 0.05, 0.0])[channel])
    variant = (rng.random(n) < typo_rate).astype(np.int64) + 2 * lower_next
    variant = np.where(all_lower, 4, variant)
    variant = np.where(channel == 4, 5, variant)

    # planted PII
    pii_pool = [""]
    pii_pre = np.zeros(n, dtype=np.int64)  # indexes into pii_pool
    pii_post = np.zeros(n, dtype=np.int64)
    pii_kind = np.full(n, -1, dtype=np.int64)
    first = rng.integers(len(C.FIRST_NAMES), size=n)
    last = rng.integers(len(C.LAST_NAMES), size=n)
    number = rng.integers(0, 10**9, size=n)
    if pii:
        has = rng.random(n) < _PII_RATE[channel]
        account = np.isin(topic_of, [i for i, tp in enumerate(topics) if tp["key"] in _ACCOUNT_TOPICS])
        probs = np.where(account[:, None], [[0.25, 0.25, 0.15, 0.35]], [[0.35, 0.35, 0.22, 0.08]])
        probs = np.where((channel == 1)[:, None], [[0.6, 0.1, 0.2, 0.1]], probs)
        kind = (rng.random(n)[:, None] > np.cumsum(probs, axis=1)[:, :-1]).sum(axis=1)
        pii_kind = np.where(has, kind, -1)
        rows = np.flatnonzero(has)
        tpl_pick = rng.integers(0, 1 << 30, size=len(rows))
        for r, j in zip(rows.tolist(), tpl_pick.tolist()):
            templates = C.PII_TEMPLATES[_PII_KINDS[pii_kind[r]]]
            tpl, pos = templates[j % len(templates)]
            pii_pool.append(tpl.format(**_person(first[r], last[r], number[r])))
            if pos == "pre":
                pii_pre[r] = len(pii_pool) - 1
            else:
                pii_post[r] = len(pii_pool) - 1
        pre = np.where(pii_pre > 0, 0, pre)  # "My name is …" replaces the greeting
        variant = np.where((pii_pre > 0) & (variant >= 2) & (variant <= 3), variant - 2, variant)
    text = _join([(prefix_pool, pre), (pii_pool, pii_pre), (pools["variants"].ravel(), entry * 6 + variant),
                  (context_pool, context), (pii_pool, pii_post), (suffix_pool, suf)])

    # effort: READ, handling time, chat turns
    read = _read_codes(topic_of, rng)
    minutes = _READ_MINUTES[read] * _CHANNEL_MINUTES[channel] * np.exp(rng.normal(0, 0.45, size=n))
    chat_seconds = np.maximum(30, np.rint(minutes * 60)).astype(np.int64)
    ra_minutes = np.maximum(1, np.rint(minutes)).astype(np.int64)
    messages = np.maximum(2, np.rint(_READ_MESSAGES[read] * np.exp(rng.normal(0, 0.3, size=n)))).astype(np.int64)
    read_blank = rng.random(n) < 0.15
    duration_blank = rng.random(n) < 0.08

    # staff answers
    answer_pick = entry * _ANSWERS_PER_ENTRY + rng.integers(_ANSWERS_PER_ENTRY, size=n)
    until = np.array([tp.get("before", {}).get("until", -1.0) for tp in topics])[topic_of]
    day = (asked_at.tz_localize(None).normalize() - days[0]).days.to_numpy()
    earlier = day / max(len(days) - 1, 1) < until  # asked before the topic's policy changed
    answer_pick = np.where(earlier, answer_pick + len(pools["variants"]) * _ANSWERS_PER_ENTRY, answer_pick)
    answer_blank = (channel >= 2) & (channel <= 3) & (rng.random(n) < 0.45)
    answer = _take(pools["answers"].ravel(), answer_pick, missing=answer_blank)

    # staff, tags, ids
    research_staff = np.array([C.STAFF.index(s) for s in C.RESEARCH_STAFF])
    to_research = kind_np[topic_of] & (rng.random(n) < 0.7)
    research_pick = research_staff[rng.integers(len(research_staff), size=n)]
    staff = np.where(to_research, research_pick, rng.integers(len(C.STAFF), size=n))
    tagged = is_chat & (rng.random(n) < 0.55)
    tag_topic = np.where(rng.random(n) < 0.04, rng.integers(T, size=n), topic_of)
    tag_choice = rng.integers(0, 1 << 30, size=n)
    n_ra_plain = int((~is_chat).sum())
    n_dup = min(int(round(n_ra_plain * 0.05 / 0.95)), int(is_chat.sum()))
    dup = np.zeros(n, dtype=bool)
    if n_dup:
        dup[rng.choice(np.flatnonzero(is_chat), size=n_dup, replace=False)] = True
    in_ra = ~is_chat | dup
    chat_id = np.zeros(n, dtype=np.int64)
    chat_id[is_chat] = 9_104_000 + np.cumsum(rng.integers(1, 5, size=int(is_chat.sum())))
    ra_id = np.zeros(n, dtype=np.int64)
    ra_id[in_ra] = 3_401_000 + np.cumsum(rng.integers(1, 4, size=int(in_ra.sum())))
    ticket = np.zeros(n, dtype=np.int64)
    is_email = channel == 1
    ticket[is_email] = 12_870_000 + np.cumsum(rng.integers(1, 9, size=int(is_email.sum())))
    return {
        "n": n, "topic": topic_of, "channel": channel, "asked_at": asked_at, "text": text, "answer": answer,
        "answer_blank": answer_blank, "read": read, "read_blank": read_blank, "chat_seconds": chat_seconds,
        "ra_minutes": ra_minutes, "duration_blank": duration_blank, "messages": messages, "staff": staff,
        "tagged": tagged, "tag_topic": tag_topic, "tag_choice": tag_choice, "dup": dup, "chat_id": chat_id,
        "ra_id": ra_id, "ticket": ticket, "first": first, "last": last, "number": number, "pii_kind": pii_kind,
        "is_chat": is_chat, "entry": entry, "slots": pools["slots"],
    }


def _person(first: int, last: int, number: int) -> dict[str, str]:
    """Return a fictional patron's name, email, phone and library card number."""
    f, la = C.FIRST_NAMES[first], C.LAST_NAMES[last]
    num = int(number)
    domain = C.EMAIL_DOMAINS[num % len(C.EMAIL_DOMAINS)]
    style = (num // 7) % 3
    local = [f"{f}.{la}".lower(), f"{f[0]}{la}{num % 100}".lower(), f"{f.lower()}{la[:3].lower()}{num % 1000}"][style]
    area = ["305", "786", "954", "561"][(num // 11) % 4]
    tail = f"01{num % 100:02d}"
    phones = [f"({area}) 555-{tail}", f"{area}-555-{tail}", f"{area}.555.{tail}", f"+1 {area} 555 {tail}"]
    phone = phones[(num // 13) % 4]
    return {"name": f"{f} {la}", "first": f, "email": f"{local}@{domain}", "phone": phone,
            "card": f"21234{num:09d}"}


def _tags(sim: dict[str, Any], rows: np.ndarray) -> list[list[str]]:
    """Return the staff tags of each row (a new list per row; empty when untagged)."""
    options = [tuple(tp["tags"]) for tp in C.TOPICS]
    width = max(len(o) for o in options)
    table = np.empty((len(C.TOPICS) + 1, width), dtype=object)
    for t, opts in enumerate(options):
        for k in range(width):
            table[t, k] = tuple(opts[k % len(opts)].split(";"))
    table[-1, :] = [()] * width
    topic = np.where(sim["tagged"][rows], sim["tag_topic"][rows], len(C.TOPICS))
    return [list(x) for x in table[topic, sim["tag_choice"][rows] % width]]


# --------------------------------------------------------------------------------------
# the FAQ base and the truth
# --------------------------------------------------------------------------------------
def _faq_records(random_state: int) -> tuple[list[dict[str, Any]], dict[str, list[str]], list[str]]:
    """Return the LibAnswers FAQ records, the FAQ ids per topic and the stale FAQ ids."""
    rng = np.random.default_rng([random_state, 2])
    records: list[dict[str, Any]] = []
    per_topic: dict[str, list[str]] = {}
    faqid = 2_410_000
    topic_ids = {tp["key"]: 61_000 + 7 * i for i, tp in enumerate(C.TOPICS)}
    findability = {"printing", "off_campus", "citation", "hours"}
    entries = [(tp, q, a) for tp in C.TOPICS for q, a in tp["faq"]]
    entries += [(None, q, a) for q, a in C.STALE_FAQ]
    for tp, question, answer in entries:
        faqid += int(rng.integers(3, 40))
        if tp is None:
            created = pd.Timestamp("2012-03-01") + pd.Timedelta(days=int(rng.integers(0, 1500)))
            updated = created + pd.Timedelta(days=int(rng.integers(30, 900)))
            hits = int(rng.integers(5, 60))
            topics = [{"id": 60_990, "name": "General"}]
        else:
            created = pd.Timestamp("2018-06-01") + pd.Timedelta(days=int(rng.integers(0, 1800)))
            updated = min(created + pd.Timedelta(days=int(rng.integers(10, 900))), pd.Timestamp("2023-12-15"))
            if "faq_updated" in tp:
                updated = pd.Timestamp(tp["faq_updated"]) + pd.Timedelta(days=int(rng.integers(0, 10)))
            base = 250 * tp["share"] * (0.35 if tp["key"] in findability else 1.0)
            hits = int(base * np.exp(rng.normal(0, 0.4)))
            topics = [{"id": topic_ids[tp["key"]], "name": tp["label"]}]
            per_topic.setdefault(tp["key"], []).append(str(faqid))
        created += pd.Timedelta(seconds=int(rng.integers(8 * 3600, 18 * 3600)))
        updated += pd.Timedelta(seconds=int(rng.integers(8 * 3600, 18 * 3600)))
        owner = C.STAFF[int(rng.integers(len(C.STAFF)))]
        records.append({
            "faqid": faqid,
            "question": question,
            "details": C.FAQ_DETAILS.get(question, ""),
            "answer": answer,
            "topics": topics,
            "owner": {"name": owner},
            "created": created.strftime("%Y-%m-%d %H:%M:%S"),
            "updated": updated.strftime("%Y-%m-%d %H:%M:%S"),
            "votes": {"yes": int(hits * rng.uniform(0.01, 0.05)), "no": int(hits * rng.uniform(0.0, 0.01))},
            "totalhits": hits,
            "url": {"public": f"https://ask.sampleu.edu/faq/{faqid}",
                    "admin": f"https://sampleu.libanswers.com/admin/faq/edit/{faqid}"},
        })
    stale = [str(r["faqid"]) for r in records if r["topics"][0]["id"] == 60_990]
    return records, per_topic, stale


_TAG = re.compile(r"<[^>]+>")


def _faq_frame(records: list[dict[str, Any]]) -> pd.DataFrame:
    updated = pd.to_datetime(pd.Series([r["updated"] for r in records], dtype="string"), format="%Y-%m-%d %H:%M:%S")
    return pd.DataFrame({
        "faq_id": pd.Series([str(r["faqid"]) for r in records], dtype="string"),
        "question": pd.Series([r["question"] for r in records], dtype="string"),
        "answer": pd.Series([" ".join(html.unescape(_TAG.sub(" ", r["answer"])).split()) for r in records],
                            dtype="string"),
        "topics": pd.Series([[t["name"] for t in r["topics"]] for r in records], dtype="object"),
        "url": pd.Series([r["url"]["public"] for r in records], dtype="string"),
        "views": pd.Series([r["totalhits"] for r in records], dtype="Int64"),
        "updated_at": updated.dt.tz_localize(SAMPLE_TIMEZONE),
    })


def _truth(per_topic: dict[str, list[str]], stale: list[str], planted: dict[str, int]) -> dict[str, Any]:
    topics = []
    for tp in C.TOPICS:
        topics.append({
            "topic": tp["key"], "label": tp["label"], "kind": tp["kind"],
            "faq": "covered" if per_topic.get(tp["key"]) else "missing", "trend": tp["trend"],
            "faq_ids": per_topic.get(tp["key"], []),
        })
    return {"topics": topics, "stale_faq_ids": stale, "planted_pii": planted}


# --------------------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------------------
def generate_questions(
    n: int | None = None,
    *,
    start: str | pd.Timestamp = _DEFAULT_START,
    end: str | pd.Timestamp = _DEFAULT_END,
    random_state: int = 0,
    pii: bool = True,
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, Any]]:
    """Generate a realistic synthetic library question log, its FAQ base and the ground truth.

    About thirty topics (hours, printing, renewals, interlibrary loan, citation help,
    research consultations, systematic reviews…) are asked by chat, email, desk,
    phone and SMS, with term-time seasonality, hour-of-day and weekday patterns,
    READ codes and durations that depend on the topic, staff answers that are
    consistent for standardised topics and varied for those that need people, a
    rising, a new and a fading topic, typos, greetings and planted patron PII.

    The rows are those the readers return from the sample workspace written by
    :func:`make_sample_workspace` with the same seed (same ids, times, channels and
    texts before scrubbing). Chats carry duration and number of messages but no
    READ code (the readers may take READ and minutes from the ~5% of chats that
    Reference Analytics also logged), and their ``answer`` is the staff's answer
    rather than the whole transcript; desk, phone, email and SMS transactions carry
    READ (blank for about 15%) and minutes. The path is vectorised (pyarrow string
    kernels): a million rows take a few seconds.

    Parameters
    ----------
    n : int, optional
        Number of questions. Default: about 12.3 a day, i.e. ~9,000 for two years.
    start, end : str or Timestamp, default "2024-01-01", "2025-12-31"
        First and last day (inclusive), local time.
    random_state : int, default 0
        Seed; the same seed gives identical tables.
    pii : bool, default True
        Plant fictional patron names, emails, phone numbers and library card
        numbers in some questions (about 10%, most often in emails), so scrubbing has something to find.

    Returns
    -------
    questions : pandas.DataFrame
        Canonical question log (``asklens.schema.QUESTION_COLUMNS``, ``asked_at`` in
        America/New_York) sorted by time, plus ``true_topic`` (the topic key).
        ``question_id`` follows the reader scheme (``libchat:<Chat ID>``,
        ``refanalytics:<Id>``).
    faq : pandas.DataFrame
        Canonical FAQ base (``asklens.schema.FAQ_COLUMNS``), answers as plain text.
    truth : dict
        ``{"topics": [{"topic", "label", "kind", "faq", "trend", "faq_ids"}, ...],
        "stale_faq_ids": [...], "planted_pii": {"name": int, "email": int, "phone": int,
        "card_number": int}}`` (``planted_pii`` counts questions whose ``text`` carries each kind).

    Examples
    --------
    >>> questions, faq, truth = generate_questions(1000, random_state=1)
    >>> len(questions), questions["asked_at"].dt.tz.key
    (1000, 'America/New_York')
    >>> {t["kind"] for t in truth["topics"]} == {"standardised", "needs_people"}
    True
    """
    sim = _simulate(n, start, end, random_state, pii)
    questions = _questions_frame(sim)
    records, per_topic, stale = _faq_records(random_state)
    return questions, _faq_frame(records), _truth(per_topic, stale, _planted(sim))


def _planted(sim: dict[str, Any]) -> dict[str, int]:
    kinds = sim["pii_kind"]
    names = {"name": "name", "email": "email", "phone": "phone", "card": "card_number"}
    return {names[k]: int((kinds == i).sum()) for i, k in enumerate(_PII_KINDS)}


def _questions_frame(sim: dict[str, Any]) -> pd.DataFrame:
    n = sim["n"]
    is_chat = sim["is_chat"]
    import pyarrow as pa
    import pyarrow.compute as pc

    native = pc.cast(pa.array(np.where(is_chat, sim["chat_id"], sim["ra_id"])), pa.large_string())
    qid = pc.binary_join_element_wise(_take(["libchat:", "refanalytics:"], np.where(is_chat, 0, 1)), native,
                                      pa.scalar("", pa.large_string()))
    no_read = is_chat | sim["read_blank"]
    effort = pd.arrays.IntegerArray(np.where(no_read, 0, sim["read"]).astype("int64"), no_read)
    duration = np.where(is_chat, sim["chat_seconds"] / 60.0, sim["ra_minutes"].astype(float))
    duration = np.where(~is_chat & sim["duration_blank"], np.nan, duration)
    messages = pd.arrays.IntegerArray(sim["messages"].astype("int64"), ~is_chat)
    return pd.DataFrame({
        "question_id": pd.arrays.ArrowStringArray(qid),
        "asked_at": pd.Series(sim["asked_at"]).astype(f"datetime64[ns, {SAMPLE_TIMEZONE}]"),
        "text": pd.arrays.ArrowStringArray(sim["text"]),
        "channel": pd.Categorical.from_codes(sim["channel"], categories=list(CHANNELS)),
        "answer": pd.arrays.ArrowStringArray(sim["answer"]),
        "tags": pd.Series(_tags(sim, np.arange(n)), dtype="object"),
        "effort": effort,
        "duration_min": duration.astype("float64"),
        "n_messages": messages,
        "source": pd.Categorical.from_codes(np.where(is_chat, 0, 1), categories=["libchat", "refanalytics"]),
        "true_topic": pd.arrays.ArrowStringArray(_take([tp["key"] for tp in C.TOPICS], sim["topic"])),
    })


# --------------------------------------------------------------------------------------
# the workspace files
# --------------------------------------------------------------------------------------
def _escape(text: str) -> str:
    return html.escape(text, quote=True).replace("&#x27;", "&#39;")


def _transcripts(sim: dict[str, Any], rows: np.ndarray, random_state: int) -> list[str]:
    """Return the LibChat transcript of each chat row, ``HH:MM:SS - Name : text`` per line."""
    rng = np.random.default_rng([random_state, 3])
    out = []
    for r in rows:
        topic = C.TOPICS[sim["topic"][r]]
        needs_people = topic["kind"] == "needs_people"
        m = int(sim["messages"][r])
        staff = C.STAFF[sim["staff"][r]]
        person = _person(sim["first"][r], sim["last"][r], sim["number"][r])
        style = rng.random()
        patron = person["name"] if style < 0.4 else ("Patron" if style < 0.85 else person["email"])
        question = sim["text"][r]
        answer = sim["answer"][r]
        slots = dict(sim["slots"][sim["entry"][r]])  # the transcript talks about the question's subject
        lines: list[tuple[str, str]] = [(patron, _escape(question))]
        if m >= 3:
            lines.append((staff, _escape(C.STAFF_GREETINGS[int(rng.integers(len(C.STAFF_GREETINGS)))])))
        tail: list[tuple[str, str]] = []
        if m >= 4:
            tail.append((patron, _escape(C.PATRON_THANKS[int(rng.integers(len(C.PATRON_THANKS)))])))
        if m >= 5:
            tail.append((staff, _escape(C.STAFF_CLOSINGS[int(rng.integers(len(C.STAFF_CLOSINGS)))])))
        middle = m - len(lines) - len(tail) - 1  # one line for the answer
        p_pool = C.PATRON_FILLER_LONG if needs_people else C.PATRON_FILLER_SHORT
        s_pool = (C.STAFF_FILLER_LONG + topic.get("moves", [])) if needs_people else C.STAFF_FILLER_SHORT
        p_order = rng.permutation(len(p_pool))  # no line said twice in one chat
        s_order = rng.permutation(len(s_pool))
        who_patron = True
        email_line = int(rng.integers(max(middle, 1))) if m >= 6 and rng.random() < 0.12 else -1
        for k in range(max(middle, 0)):
            if who_patron and k >= email_line >= 0:
                msg = _escape(f"can you email that to me at {person['email']}?")
                email_line = -1
                lines.append((patron, msg))
            elif who_patron:
                msg = _escape(_fill(p_pool[p_order[k // 2 % len(p_pool)]], rng, slots))
                lines.append((patron, msg))
            else:
                msg = _fill(s_pool[s_order[k // 2 % len(s_pool)]], rng, slots)
                lines.append((staff, msg if "<a " in msg else _escape(msg)))
            who_patron = not who_patron
        ans = _escape(answer)
        ans = re.sub(r"(https://[\w./-]*[\w/])", r'<a href="\1">\1</a>', ans, count=1)
        if rng.random() < 0.2:
            ans = ans.replace(". ", ".<br>", 1)
        lines.append((staff, ans))
        lines.extend(tail)
        lines = lines[:m]
        total = int(sim["chat_seconds"][r])
        offsets = np.sort(rng.integers(0, max(total, 1), size=len(lines)))
        offsets[0] = 0
        start = sim["asked_at"][r]
        base = start.hour * 3600 + start.minute * 60 + start.second
        text_lines = []
        for (speaker, msg), off in zip(lines, offsets):
            s = (base + int(off)) % 86400
            msg = msg.replace(" : ", ": ").replace("\n", " ")
            text_lines.append(f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d} - {speaker} : {msg}")
        out.append("\n".join(text_lines))
    return out


def _csv_bytes(header: list[str], rows: list[list[Any]], *, bom: bool) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8-sig" if bom else "utf-8")


def _workspace_files(random_state: int) -> dict[str, bytes]:
    """Return every file of the sample workspace: relative path -> bytes."""
    sim = _simulate(None, _DEFAULT_START, _DEFAULT_END, random_state, True)
    questions = _questions_frame(sim)
    sim = dict(sim, text=np.array(sim["text"].to_pylist(), dtype=object),
               answer=np.array(sim["answer"].to_pylist(), dtype=object))
    rng = np.random.default_rng([random_state, 4])
    n = sim["n"]
    stamp = sim["asked_at"].strftime("%Y-%m-%d %H:%M:%S")
    year = sim["asked_at"].year.to_numpy()
    chats = np.flatnonzero(sim["is_chat"])
    transcripts = dict(zip(chats, _transcripts(sim, chats, random_state)))
    initial_blank = rng.random(n) < 0.3
    rating_blank = rng.random(n) < 0.7
    rating = np.array([4, 4, 4, 4, 3, 3, 2, 1, 0])[rng.integers(9, size=n)]
    tags = _tags(sim, np.arange(n))
    affiliation = _weighted(rng, C.AFFILIATIONS, n)
    desk_loc = rng.choice(["Main Library Service Desk", "Science Library Desk", "Learning Commons Desk"], size=n,
                          p=[0.6, 0.25, 0.15])
    qtype_noise = rng.random(n) < 0.1
    qtype_other = rng.choice(["Directional", "Technology", "Circulation", "Reference", "Policy/Procedure", "Other"],
                             size=n)
    files: dict[str, bytes] = {}
    for y in sorted(set(year.tolist())):
        lib_rows = []
        for r in chats[year[chats] == y]:
            topic = C.TOPICS[sim["topic"][r]]
            lib_rows.append([
                int(sim["chat_id"][r]), stamp[r], "" if initial_blank[r] else sim["text"][r], transcripts[r],
                int(sim["messages"][r]), "" if rating_blank[r] else int(rating[r]), int(sim["chat_seconds"][r]),
                C.STAFF[sim["staff"][r]], topic["dept"] if r % 3 else "Ask a Librarian", ";".join(tags[r]),
            ])
        files[f"questions/libchat_{y}.csv"] = _csv_bytes(LIBCHAT_HEADER, lib_rows, bom=True)
        ra_rows = []
        for r in np.flatnonzero((~sim["is_chat"] | sim["dup"]) & (year == y)):
            c = int(sim["channel"][r])
            topic = C.TOPICS[sim["topic"][r]]
            person = _person(sim["first"][r], sim["last"][r], sim["number"][r])
            question = sim["text"][r]
            if c == 0:  # a chat Reference Analytics also logged: the answer is the whole transcript
                answer = html.unescape(transcripts[r])
                minutes = max(1, round(sim["chat_seconds"][r] / 60))
            else:
                answer = "" if sim["answer_blank"][r] else sim["answer"][r]
                minutes = "" if sim["duration_blank"][r] else int(sim["ra_minutes"][r])
            ra_rows.append([
                int(sim["ra_id"][r]), int(sim["ticket"][r]) if c == 1 else "", int(sim["chat_id"][r]) if c == 0 else "",
                stamp[r][:10], stamp[r][11:], C.STAFF[sim["staff"][r]], person["email"] if c == 1 else "",
                question, answer, desk_loc[r] if c == 2 else ("Main Library Service Desk" if c == 3 else "Virtual"),
                C.AFFILIATIONS[affiliation[r]][0], _COMMUNICATION[CHANNELS[c]],
                qtype_other[r] if qtype_noise[r] else topic["qtype"],
                minutes,
                "" if (c != 0 and sim["read_blank"][r]) else int(sim["read"][r]),
            ])
        files[f"questions/reference_analytics_{y}.csv"] = _csv_bytes(REFANALYTICS_HEADER, ra_rows, bom=False)
    records, per_topic, stale = _faq_records(random_state)
    files["faq.json"] = (json.dumps(records, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    truth = _truth(per_topic, stale, _planted(sim))
    files["truth/topics.json"] = (json.dumps(truth, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    files["truth/questions.csv"] = _csv_bytes(
        ["question_id", "topic"], [[q, t] for q, t in zip(questions["question_id"], questions["true_topic"])], bom=False)
    years = range(int(year.min()), int(year.max()) + 1)
    files["asklens.toml"] = _toml(years).encode("utf-8")
    files["README.md"] = _readme(truth, questions, random_state).encode("utf-8")
    return files


def _toml(years: range) -> str:
    terms = ",\n".join(f'  {{ name = "{t["name"]}", start = "{t["start"]}", end = "{t["end"]}" }}'
                       for t in sample_terms(years))
    return (
        "# The sample workspace, written by asklens.make_sample_workspace(dest, random_state=0).\n"
        "[workspace]\n"
        'name = "Sample University Library"\n'
        'timezone = "America/New_York"\n'
        "\n"
        "[privacy]\n"
        "# the sample library's card barcodes: 14 digits starting 21234\n"
        "id_patterns = ['\\b21234\\d{9}\\b']\n"
        "\n"
        "[terms]\n"
        f"terms = [\n{terms},\n]\n"
    )


def _readme(truth: dict[str, Any], questions: pd.DataFrame, random_state: int) -> str:
    rows = []
    counts = questions["true_topic"].value_counts()
    for t in truth["topics"]:
        rows.append(f"| `{t['topic']}` | {t['label']} | {t['kind']} | {t['faq']} | {t['trend']} | "
                    f"{int(counts.get(t['topic'], 0))} |")
    months = questions["asked_at"].dt.strftime("%Y-%m")
    channels = questions["channel"].value_counts().reindex(list(CHANNELS))
    pii = truth["planted_pii"]
    seed = "" if random_state == 0 else f", random_state={random_state}"
    return f"""# The asklens sample workspace

A realistic but entirely **synthetic** question log of a fictional university library
("Sample University Library"), written by `asklens.datasets.make_sample_workspace`.
No real patron is in it: names, emails, phone numbers and card numbers are made up
(phone numbers use the fictional 555-01xx range).

Regenerate it (byte-identical; a test checks this):

```bash
python -c "import asklens; asklens.make_sample_workspace('data/sample'{seed})"
```

## What is here

| file | format |
|---|---|
| `asklens.toml` | workspace config: name, time zone `America/New_York`, card-number pattern, the term calendar |
| `questions/libchat_<year>.csv` | LibChat transcript exports (UTF-8 with BOM): `Chat ID, Timestamp, Initial Question, Transcript, Message Count, Rating (0-4), Duration (seconds), Answerer, Department, Tags`; transcript lines `HH:MM:SS - Speaker Name : text` with HTML entities and a few tags; `Initial Question` empty for ~30% |
| `questions/reference_analytics_<year>.csv` | LibAnswers Reference Analytics "Export Transactions" (UTF-8): `Id, Ticket #, Chat #, Date, Time, Entered By, Email Address, Question, Answer, Location, Patron Affiliation, Communication, Question Type, Duration, READ`; ~5% of rows are chats that duplicate a LibChat `Chat ID` |
| `faq.json` | LibAnswers FAQ API JSON (`faqid, question, details, answer` HTML, `topics`, `owner`, `created`, `updated`, `votes`, `totalhits`, `url`) |
| `truth/questions.csv` | the true topic of every question (`question_id,topic`, ids as the readers make them: `libchat:<Chat ID>`, `refanalytics:<Id>`; the duplicated chats are listed once, as LibChat rows) |
| `truth/topics.json` | per topic: `kind` (standardised / needs_people), `faq` (covered / missing), `trend` (steady / rising / new / fading), `faq_ids`; plus `stale_faq_ids` (FAQs no question is about) and `planted_pii` (questions whose text carries each kind of planted PII) |

{len(questions):,} questions from {months.min()} to {months.max()} ({months.nunique()} months); channels:
{", ".join(f"{c} {int(v):,}" for c, v in channels.items())}.
Planted PII in question texts: {pii['name']} names, {pii['email']} emails, {pii['phone']} phone numbers,
{pii['card_number']} library card numbers (more in transcripts: patron speaker names and emails).

## How it was made

Each topic has a few *intents* with several phrasing templates whose slots (book titles, databases,
course codes, rooms, days, research subjects, software…) are filled at random, so recurring
questions come back as near-duplicates while texts vary. Chats get greetings and sign-offs
("Hi! quick question —", "thanks so much!"), typos and lower case; desk and phone entries read
like staff notes; SMS is terse. Volume follows the term (busy first weeks and pre-finals weeks,
quiet summer and winter break, spring break and Thanksgiving dips), weekdays and hours of the
day by channel. *Standardised* topics get READ 1–2, short chats and one stable staff answer per
intent; *needs-people* topics get READ 3–6, long chats with many messages and answers composed
from varied librarian moves — with some noise and overlap. `data_gis` and `systematic_review`
rise over the two years, `ai_tools` is new in 2025, and `fines` fades after the library goes
fine-free in mid-2024. The FAQ base covers some topics and misses others (the gaps); some busy
topics are covered yet still asked a lot, and the FAQs of four of them (`printing`, `off_campus`,
`hours`, `citation`) get few views for their volume (findability); {len(truth['stale_faq_ids'])} stale
FAQs are about things nobody asks any more (microfilm, fax, VHS, typewriter, a past renovation).
A needs-people topic may still have an FAQ (booking a consultation, visiting Special Collections),
so "FAQ covered" and "needs people" are independent in the truth.

## The topics

| topic | label | kind | FAQ | trend | questions |
|---|---|---|---|---|---|
{chr(10).join(rows)}
"""


def make_sample_workspace(dest: str | Path, *, random_state: int = 0) -> Path:
    """Write the sample workspace (exports, FAQ, config and ground truth) into a folder.

    Writes ``asklens.toml``, ``questions/libchat_2024.csv``, ``questions/libchat_2025.csv``,
    ``questions/reference_analytics_2024.csv``, ``questions/reference_analytics_2025.csv``,
    ``faq.json``, ``truth/questions.csv``, ``truth/topics.json`` and ``README.md``, in the
    formats real exports have (see ``data/sample/README.md``). The rows are those of
    :func:`generate_questions` with the same ``random_state``; existing files of these
    names are overwritten, nothing else in ``dest`` is touched.

    Parameters
    ----------
    dest : str or Path
        The folder to write into; created if needed.
    random_state : int, default 0
        Seed; the same seed writes byte-identical files.

    Returns
    -------
    Path
        The workspace folder.

    Examples
    --------
    >>> import asklens
    >>> asklens.make_sample_workspace("data/sample")  # doctest: +SKIP
    PosixPath('data/sample')
    """
    root = Path(dest)
    if root.exists() and not root.is_dir():
        raise AsklensError("is a file, not a folder", path=root, fix="give a folder to write the workspace into")
    files = _workspace_files(random_state)
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    return root
