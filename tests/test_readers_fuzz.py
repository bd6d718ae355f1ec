"""Fuzz the readers: whatever the bytes, they return a valid table or raise InputError.

Bounded example counts keep the whole file well under 30 seconds.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asklens.config import Config
from asklens.errors import InputError
from asklens.readers import load_questions, read_faq
from asklens.schema import validate_faq, validate_questions

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# CI runs a fixed, small set of examples; ASKLENS_FUZZ_EXAMPLES=500 runs a longer random search.
_EXAMPLES = int(os.environ.get("ASKLENS_FUZZ_EXAMPLES", "0"))
FUZZ = settings(max_examples=_EXAMPLES or 25, deadline=None, derandomize=not _EXAMPLES,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

HEADERS = [
    ["Chat ID", "Timestamp", "Initial Question", "Transcript", "Message Count", "Rating (0-4)",
     "Duration (seconds)", "Answerer", "Department", "Tags"],
    ["Id", "Ticket #", "Chat #", "Date", "Time", "Entered By", "Email Address", "Question", "Answer",
     "Communication", "Duration", "READ"],
    ["Ticket ID", "Subject", "Details", "Answer", "Created", "Closed", "Queue", "Source", "Tags"],
    ["id", "guest", "protocol", "queue", "started", "wait", "duration", "operator", "ip", "tags", "transcript"],
    ["started", "wait", "duration", "text"],
    ["Initials", "Location", "Format", "Asked by", "Question type", "Asked at", "Tags", "Question", "Answer"],
    ["response_set", "date_time", "question", "response"],
    ["question_id", "asked_at", "text", "channel", "answer", "tags", "effort", "duration_min", "n_messages"],
    ["faqid", "question", "answer", "topics", "updated", "totalhits", "url"],
    ["asked_at", "text"],
]

cell = st.one_of(
    st.text(max_size=30),
    st.text(alphabet='abc ,;\t|"\r\n\u00e2\u20ac\u2122<>&#:-0123456789', max_size=30),
    st.sampled_from(["", "2024-01-05 10:00:00", "2024-13-40", "05/07/2024 2:15 PM", "1704067200", "0", "7",
                     "-3", "1e400", "nan", "NULL", "10:00:01 - Ann : hi\n10:00:05 - Bob : yes", "&amp;<b>x</b>",
                     "99999-01-01", "2024-03-10 02:30:00", "00:02:00", "15-20 minutes", "READ 3", "a;b, c"]),
    st.integers(min_value=-10**20, max_value=10**20).map(str),
)
rows = st.lists(st.lists(cell, min_size=0, max_size=12), max_size=8)


def _check(path: Path, **kw) -> None:
    try:
        result = load_questions(path, scrub=False, **kw)
    except InputError:
        return
    validate_questions(result.questions)
    assert result.questions["question_id"].is_unique
    assert len(result.questions) <= int(result.files["rows_read"].sum())


def _check_faq(path: Path) -> None:
    try:
        faq = read_faq(path)
    except InputError:
        return
    validate_faq(faq)


def _write(data: bytes, suffix: str) -> tuple[tempfile.TemporaryDirectory, Path]:
    tmp = tempfile.TemporaryDirectory()
    path = Path(tmp.name) / f"fuzz{suffix}"
    path.write_bytes(data)
    return tmp, path


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".csv", ".json", ".jsonl", ".xlsx", ".txt", ".tsv"]))
def test_random_bytes(data, suffix):
    tmp, path = _write(data, suffix)
    with tmp:
        _check(path)
        _check_faq(path)


@FUZZ
@given(
    header=st.sampled_from(HEADERS),
    body=rows,
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "mac_roman", "utf-16"]),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    quoted=st.booleans(),
)
def test_csv_like_files(header, body, delimiter, encoding, newline, quoted):
    if quoted:
        buf = io.StringIO()
        w = csv.writer(buf, delimiter=delimiter, lineterminator=newline)
        w.writerow(header)
        w.writerows(body)
        text = buf.getvalue()
    else:  # naive joins: unbalanced quotes, stray delimiters, ragged rows
        text = newline.join(delimiter.join(r) for r in [header, *body])
    tmp, path = _write(text.encode(encoding, errors="replace"), ".csv")
    with tmp:
        _check(path)
        _check(path, format="generic")
        _check(path, config=Config.from_dict({"input": {"default_date": "2024-01-01", "dayfirst": True}}))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20)
    | st.sampled_from(["\ud800", "x\udfff", "2024-01-01T00:00:00+14:00"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
record = st.fixed_dictionaries(
    {},
    optional={"question_id": json_values, "asked_at": json_values | st.just("2024-02-03T04:05:06Z"),
              "text": json_values | st.just("Where is the printer?"), "tags": json_values,
              "effort": json_values, "faqid": json_values, "question": json_values, "answer": json_values,
              "topics": json_values, "updated": json_values, "url": json_values},
)


@FUZZ
@given(records=st.one_of(st.lists(record, max_size=6), json_values), lines=st.booleans())
def test_json_files(records, lines):
    if lines and isinstance(records, list):
        text = "\n".join(json.dumps(r) for r in records)
        suffix = ".jsonl"
    else:
        text = json.dumps(records)
        suffix = ".json"
    tmp, path = _write(text.encode("utf-8"), suffix)
    with tmp:
        _check(path)
        _check_faq(path)


FIXTURE_FILES = sorted(p for p in FIXTURES.iterdir() if p.suffix in {".csv", ".xlsx", ".json", ".jsonl", ".tsv"})


@FUZZ
@given(
    fixture=st.sampled_from(FIXTURE_FILES),
    cut=st.floats(min_value=0, max_value=1),
    flips=st.lists(st.tuples(st.floats(min_value=0, max_value=1), st.integers(0, 255)), max_size=4),
)
def test_damaged_fixtures(fixture, cut, flips):
    data = bytearray(fixture.read_bytes())
    for where, byte in flips:
        if data:
            data[int(where * (len(data) - 1))] = byte
    data = bytes(data[: max(1, int(len(data) * cut))]) if cut < 0.95 else bytes(data)
    tmp, path = _write(data, fixture.suffix)
    with tmp:
        _check(path)
        _check_faq(path)
