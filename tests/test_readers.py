"""Tests for asklens.readers: every format into the canonical table, bad input, real data."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from asklens.config import Config
from asklens.errors import ConfigError, InputError
from asklens.readers import FORMATS, detect_format, load_questions, make_question_ids, read_faq, read_questions
from asklens.schema import QUESTION_COLUMNS, validate_questions

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample"


def cfg(**input_keys) -> Config:
    data = {"input": input_keys} if input_keys else {}
    return Config.from_dict(data)


def raw(path, **kw):
    """Read without scrubbing (to see what the readers hand over)."""
    return load_questions(path, scrub=False, **kw)


def by_id(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.set_index("question_id")


# --- detection -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("libchat.csv", "libchat"), ("libchat.xlsx", "libchat"), ("refanalytics.csv", "refanalytics"),
        ("tickets.csv", "tickets"), ("tickets.xlsx", "tickets"), ("libraryh3lp.csv", "libraryh3lp"),
        ("libraryh3lp_old.csv", "libraryh3lp"), ("gimlet.csv", "gimlet"), ("desktracker.csv", "desktracker"),
        ("generic.csv", "generic"), ("generic.tsv", "generic"), ("generic.xlsx", "generic"),
        ("generic.json", "generic"), ("generic.jsonl", "generic"), ("faq.json", "faq"), ("faq.csv", "faq"),
    ],
)
def test_detect_format(fixtures, name, expected):
    assert detect_format(fixtures / name) == expected


def test_detect_format_unknown_header(fixtures):
    with pytest.raises(InputError, match="unknown format") as err:
        detect_format(fixtures / "broken_unknown.csv")
    assert err.value.row == 1 and "--format" in err.value.fix


# --- every format is canonical -------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt", "n"),
    [
        ("libchat.csv", "libchat", 6), ("libchat.xlsx", "libchat", 6), ("refanalytics.csv", "refanalytics", 6),
        ("tickets.csv", "tickets", 3), ("tickets.xlsx", "tickets", 3), ("libraryh3lp.csv", "libraryh3lp", 2),
        ("libraryh3lp_old.csv", "libraryh3lp", 3), ("gimlet.csv", "gimlet", 3),
        ("desktracker.csv", "desktracker", 3), ("generic.csv", "generic", 3), ("generic.tsv", "generic", 3),
        ("generic.xlsx", "generic", 3), ("generic.json", "generic", 3), ("generic.jsonl", "generic", 3),
        ("generic_cp1252.csv", "generic", 2),
    ],
)
def test_every_fixture_reads_into_the_canonical_table(fixtures, name, fmt, n):
    result = raw(fixtures / name)
    q = result.questions
    assert list(q.columns[: len(QUESTION_COLUMNS)]) == list(QUESTION_COLUMNS)
    validate_questions(q)  # raises if not canonical
    assert len(q) == n
    assert result.files.loc[0, "format"] == fmt
    assert result.files.loc[0, "rows_kept"] == n
    assert q["question_id"].str.startswith(f"{fmt}:").all()
    assert isinstance(q["asked_at"].dtype, pd.DatetimeTZDtype)
    assert (q["text"].str.len() > 0).all()
    assert q["tags"].map(lambda t: isinstance(t, list)).all()
    assert not q["text"].str.contains("<b>|&amp;|\u00e2\u20ac", regex=True).any()


def test_libchat_questions_answers_and_names(fixtures):
    result = raw(fixtures / "libchat.csv")
    q = by_id(result.questions)
    # Initial Question empty: the first patron message (with its <br> turned into a space)
    assert q.loc["libchat:1002", "text"] == "Is the library open on Sunday? what time?"
    # a chat the librarian opened: the patron's first message, entities and mojibake repaired
    assert q.loc["libchat:1003", "text"] == "I can't get into JSTOR from home – it says access denied"
    assert q.loc["libchat:1005", "text"] == "I don't see a printer on the 2nd floor"
    answer = q.loc["libchat:1001", "answer"]
    assert answer.splitlines()[0] == "Patron: How do I renew my books online?"
    assert answer.splitlines()[1].startswith('Staff: Hi Jordan! Log in to My Account & click "Renew all".')
    assert "Ann Lee" not in answer and "Jordan Smith" not in answer
    assert set(q.loc["libchat:1001", "known_names"]) == {"Ann Lee", "Jordan Smith"}
    assert q.loc["libchat:1003", "tags"] == ["off-campus access", "databases"]
    assert q.loc["libchat:1001", "duration_min"] == pytest.approx(68 / 60)
    assert q.loc["libchat:1003", "n_messages"] == 4
    assert (q["channel"] == "chat").all() and (q["source"] == "libchat").all()
    reasons = result.dropped.set_index("row")["reason"]
    assert reasons[7].startswith("no question text")  # the empty chat
    assert reasons[9].startswith("duplicate id libchat:1002")  # exported twice


def test_libchat_xlsx_equals_csv(fixtures):
    a = raw(fixtures / "libchat.csv").questions
    b = raw(fixtures / "libchat.xlsx").questions
    cols = ["question_id", "asked_at", "text", "answer", "tags", "duration_min", "n_messages"]
    pd.testing.assert_frame_equal(a[cols], b[cols])


def test_refanalytics_fields(fixtures):
    q = by_id(raw(fixtures / "refanalytics.csv").questions)
    row = q.loc["refanalytics:50003"]
    assert row["asked_at"] == pd.Timestamp("2024-03-05 13:40", tz="UTC")
    assert row["effort"] == 4 and row["duration_min"] == 17.5  # "15-20 minutes"
    assert row["channel"] == "desk" and row["tags"] == ["Research", "Instruction"]
    assert row["patron_email"] == "kim.park@example.edu"
    assert q.loc["refanalytics:50002", "tags"] == ["Technology", "Databases"]
    assert q.loc["refanalytics:50004", "channel"] == "phone"
    assert q.loc["refanalytics:50005", "asked_at"] == pd.Timestamp("2024-03-06", tz="UTC")  # no time
    assert "Bob Ray" not in q.loc["refanalytics:50002", "answer"]


@pytest.mark.parametrize("order", [("libchat.csv", "refanalytics.csv"), ("refanalytics.csv", "libchat.csv")])
def test_chat_in_libchat_and_refanalytics_counted_once(fixtures, order):
    result = raw([fixtures / n for n in order])
    q = by_id(result.questions)
    assert "libchat:1003" in q.index and "refanalytics:50002" not in q.index
    assert q.loc["libchat:1003", "effort"] == 3  # the READ code of the transaction fills the chat
    same = result.dropped[result.dropped["reason"].str.startswith("same chat as")]
    assert same["reason"].tolist() == ["same chat as LibChat transcript libchat:1003"]
    assert same["row"].tolist() == [3] and same["path"].str.endswith("refanalytics.csv").all()
    assert len(q) == 6 + 5


def test_tickets(fixtures):
    q = by_id(raw(fixtures / "tickets.csv").questions)
    assert q.loc["tickets:9001", "text"] == "Overdue fine. Why do I have a $5 fine? I returned the book on time."
    assert q.loc["tickets:9001", "answer"] == "Hi, the fine has been removed."
    assert q.loc["tickets:9001", "duration_min"] == 150
    assert q.loc["tickets:9001", "tags"] == ["fines", "accounts"]
    assert q.loc["tickets:9002", "channel"] == "form" and q.loc["tickets:9003", "channel"] == "sms"
    assert q.loc["tickets:9003", "text"] == "Wifi keeps dropping?"


def test_libraryh3lp(fixtures):
    q = by_id(raw(fixtures / "libraryh3lp.csv").questions)
    web, sms = q.loc["libraryh3lp:a1b2"], q.loc["libraryh3lp:a1b3"]
    assert web["text"] == "hi, the PubMed link asks me for a password"
    assert web["duration_min"] == 6.0 and sms["duration_min"] == 2.0  # 360 s and "00:02:00"
    assert web["channel"] == "chat" and sms["channel"] == "sms"
    assert web["patron_id"] == "3f9e1c@web.libraryh3lp.com" and web["patron_ip"] == "203.0.113.45"
    assert web["answer"].startswith("Patron: hi, the PubMed")
    assert "Staff: Hello! Are you off campus?" in web["answer"]
    assert web["tags"] == ["databases", "off-campus"]
    assert "referrer" not in q.columns


def test_libraryh3lp_old_mac_roman_with_cr_breaks(fixtures):
    result = raw(fixtures / "libraryh3lp_old.csv")
    assert result.files.loc[0, "encoding"] == "mac_roman"
    texts = result.questions["text"].tolist()
    assert texts[0] == "Do you have the «New Yorker» archive? I need a 1962 issue."
    assert texts[1] == "Where can I find café hours – and is it open?"
    assert texts[2] == "Need the reserve copy for PSY 201 thanks"
    assert result.questions["duration_min"].tolist() == [4.0, 10.0, 2.0]


def test_gimlet(fixtures):
    q = raw(fixtures / "gimlet.csv").questions.set_index("text")
    assert q.loc["Where are the restrooms?", "tags"] == ["Directional", "bathroom", "wayfinding"]
    jam = q.loc["Dana Whitfield here - printer 3 is jammed"]
    assert jam["asked_at"] == pd.Timestamp("2024-05-07 14:15", tz="UTC")  # 05/07/2024 2:15 PM
    assert jam["channel"] == "email" and jam["patron_name"] == "Dana Whitfield"
    assert q["patron_name"].isna().sum() == 2  # "Student"/"Faculty" are categories, not names


def test_desktracker_pivot(fixtures):
    result = raw(fixtures / "desktracker.csv")
    q = by_id(result.questions)
    assert q.loc["desktracker:7001", "text"] == "How do I scan to email?"
    assert q.loc["desktracker:7001", "tags"] == ["Printing", "Technology"]
    assert q.loc["desktracker:7001", "effort"] == 2 and q.loc["desktracker:7003", "duration_min"] == 20
    assert q.loc["desktracker:7002", "channel"] == "phone"
    assert result.dropped["row"].tolist() == [14]  # 7004 has no question; its first line is row 14


def test_generic_layouts_agree(fixtures):
    cols = ["question_id", "asked_at", "text", "channel", "answer", "tags", "effort", "duration_min"]
    frames = [raw(fixtures / f"generic.{ext}").questions[cols] for ext in ("csv", "tsv", "xlsx", "json", "jsonl")]
    for other in frames[1:]:
        pd.testing.assert_frame_equal(frames[0].astype({"channel": "string"}), other.astype({"channel": "string"}))
    q = by_id(frames[0])
    assert q.loc["generic:q2", "tags"] == ["makerspace", "printing"]
    assert q.loc["generic:q3", "text"] == "I don't understand the citation style"


def test_generic_mapping_and_timezone(fixtures):
    result = raw(fixtures / "generic_mapped.csv", config=fixtures / "generic_mapped.toml")
    q = by_id(result.questions)
    assert str(q["asked_at"].dt.tz) == "America/Chicago"
    assert q.loc["generic:r-1", "asked_at"] == pd.Timestamp("2024-03-11 09:05", tz="America/Chicago")
    assert q.loc["generic:r-1", "channel"] == "desk" and q.loc["generic:r-3", "answer"] == "Yes with an alumni card."
    assert (q["source"] == "generic_mapped").all()
    assert result.files.loc[0, "columns"]["text"] == "What they asked"


def test_generic_mapping_to_a_missing_column(fixtures):
    with pytest.raises(InputError, match="no column 'Question'") as err:
        raw(fixtures / "generic.csv", config=cfg(columns={"text": "Question"}))
    assert err.value.column == "Question"
    with pytest.raises(ConfigError, match="unknown canonical column"):
        raw(fixtures / "generic.csv", config=cfg(columns={"txt": "text"}))


def test_a_generic_mapping_does_not_disturb_named_formats(fixtures):
    c = cfg(columns={"text": "Ref", "answer": "Staff reply", "asked_at": "When", "question_id": "Ref"},
            date_format="%m/%d/%Y %H:%M")
    result = raw([fixtures / "generic_mapped.csv", fixtures / "tickets.csv"], config=c)
    assert result.files["format"].tolist() == ["generic", "tickets"]
    assert len(result.questions) == 3 + 3


def test_dates_are_localised_to_the_workspace_timezone(fixtures):
    c = Config.from_dict({"workspace": {"timezone": "Europe/London"}})
    q = by_id(read_questions(fixtures / "libchat.csv", config=c, scrub=False))
    assert q.loc["libchat:1001", "asked_at"] == pd.Timestamp("2024-03-04 10:15:02", tz="Europe/London")
    # offsets in the source are converted, not dropped
    path = fixtures / "generic.jsonl"
    q2 = read_questions(path, config=c, scrub=False)
    assert str(q2["asked_at"].dt.tz) == "Europe/London"


def test_iso_offsets_are_converted(tmp_path):
    p = tmp_path / "log.csv"
    p.write_text("asked_at,text\n2024-06-01T12:00:00Z,a\n2024-06-01T12:00:00-04:00,b\n", encoding="utf-8")
    q = read_questions(p, config=Config.from_dict({"workspace": {"timezone": "America/New_York"}}), scrub=False)
    assert q["asked_at"].dt.strftime("%H:%M").tolist() == ["08:00", "12:00"]


def test_common_date_layouts_and_dayfirst(tmp_path):
    p = tmp_path / "log.csv"
    p.write_text("asked_at,text\n03/04/2024 10:00,a\n2024-03-04,b\n04.03.2024 09:30,c\n7/4/24,d\n"
                 "\"March 5, 2024\",e\n", encoding="utf-8")
    us = read_questions(p, scrub=False)["asked_at"].dt.strftime("%Y-%m-%d %H:%M").tolist()
    assert us == ["2024-03-04 10:00", "2024-03-04 00:00", "2024-03-04 09:30", "2024-07-04 00:00", "2024-03-05 00:00"]
    eu = read_questions(p, scrub=False, config=cfg(dayfirst=True))["asked_at"].dt.strftime("%Y-%m-%d").tolist()
    assert eu[0] == "2024-04-03" and eu[3] == "2024-04-07"
    with pytest.raises(InputError, match="4 of 5 dates unreadable") as err:  # a forced format is the only one
        read_questions(p, scrub=False, config=cfg(date_format="%m/%d/%Y %H:%M"))
    assert err.value.row == 3 and err.value.column == "asked_at"


def test_excel_cells_with_real_dates_and_numbers(tmp_path):
    import datetime as dt

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Chat ID", "Timestamp", "Initial Question", "Transcript", "Duration (seconds)", "Answerer"])
    ws.append([12345, dt.datetime(2024, 5, 6, 7, 8, 9), "Where is the map room?", None, 90.0, "Ann"])
    ws.append([12346, dt.datetime(2024, 5, 7, 7, 8, 9), None, "07:08:09 - Guest : lost my card\n07:09:00 - Ann : ok",
               30, "Ann"])
    wb.save(tmp_path / "chats.xlsx")
    q = read_questions(tmp_path / "chats.xlsx", scrub=False)
    assert q["question_id"].tolist() == ["libchat:12345", "libchat:12346"]
    assert q["asked_at"].iloc[0] == pd.Timestamp("2024-05-06 07:08:09", tz="UTC")
    assert q["text"].tolist() == ["Where is the map room?", "lost my card"]
    assert q["duration_min"].tolist() == [1.5, 0.5]


def test_excel_title_rows_and_blank_rows(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Transactions report, generated 2024-06-01"])
    ws.append([])
    ws.append(["asked_at", "text", "channel"])
    ws.append(["2024-05-01 10:00", "Where is the map room?", "desk"])
    ws.append([])
    ws.append(["2024-05-02 10:00", None, "desk"])
    wb.save(tmp_path / "report.xlsx")
    result = raw(tmp_path / "report.xlsx")
    assert result.questions["text"].tolist() == ["Where is the map room?"]
    assert result.dropped["row"].tolist() == [6]  # the sheet's own row number


def test_forced_format(fixtures):
    assert raw(fixtures / "generic.csv", format="generic").files.loc[0, "format"] == "generic"
    with pytest.raises(InputError, match="no date column"):
        raw(fixtures / "generic.csv", format="libchat")
    with pytest.raises(ConfigError, match="unknown format"):
        raw(fixtures / "generic.csv", format="nope")


def test_several_files_and_folders_drop_duplicate_ids(fixtures, tmp_path):
    shutil.copy(fixtures / "generic.csv", tmp_path / "a_2023.csv")
    shutil.copy(fixtures / "generic.csv", tmp_path / "b_2024.csv")
    result = raw(tmp_path)
    assert len(result.questions) == 3
    assert result.files["rows_kept"].tolist() == [3, 0]
    dup = result.dropped[result.dropped["reason_kind"] == "duplicate id (already read)"]
    assert len(dup) == 3 and dup["reason"].str.contains("already read from a_2023.csv").all()


def test_a_faq_inside_a_folder_is_skipped(fixtures, tmp_path):
    shutil.copy(fixtures / "generic.csv", tmp_path / "log.csv")
    shutil.copy(fixtures / "faq.json", tmp_path / "faq.json")
    result = raw(tmp_path)
    assert len(result.questions) == 3
    assert result.files.set_index("format")["path"].to_dict()["faq (skipped)"].endswith("faq.json")


def test_rows_without_ids_keep_repeats_and_hash_per_contract(tmp_path):
    p = tmp_path / "noid.csv"
    p.write_text("asked_at,text\n2024-01-01 10:00,Where is the printer?\n2024-01-01 10:00,Where is the printer?\n",
                 encoding="utf-8")
    q = read_questions(p, scrub=False)
    assert len(q) == 2 and q["question_id"].is_unique
    key = "2024-01-01T10:00:00Z\tWhere is the printer?"
    assert q["question_id"].iloc[0] == "generic:" + hashlib.sha256(key.encode()).hexdigest()[:16]
    ids = make_question_ids("x", pd.Series([pd.NA, "7.0"], dtype="string"),
                            pd.Series(pd.to_datetime(["2024-01-01 10:00"] * 2).tz_localize("UTC")),
                            pd.Series(["a", "b"]))
    assert ids.iloc[1] == "x:7"


def test_default_date_for_logs_without_dates(fixtures):
    c = cfg(default_date="2024-06-30")
    q = read_questions(fixtures / "broken_no_date.csv", config=c, scrub=False)
    assert q["asked_at"].tolist() == [pd.Timestamp("2024-06-30", tz="UTC")]
    with pytest.raises(ConfigError, match="not a date"):
        read_questions(fixtures / "broken_no_date.csv", config=cfg(default_date="someday"), scrub=False)


def test_a_few_bad_dates_are_dropped_with_reasons(tmp_path):
    rows = "".join(f"2024-01-{d:02d} 10:00,question {d}\n" for d in range(1, 11))
    p = tmp_path / "log.csv"
    p.write_text("asked_at,text\n" + rows + "not a date,question x\n,question y\n", encoding="utf-8")
    result = raw(p)
    assert len(result.questions) == 10
    assert result.dropped["reason"].tolist() == ["unreadable date 'not a date'", "no date in 'asked_at'"]
    assert result.dropped["row"].tolist() == [12, 13]


def test_multisheet_workbook_needs_a_sheet(fixtures):
    with pytest.raises(InputError, match="2 sheets") as err:
        raw(fixtures / "broken_multisheet.xlsx")
    assert "sheet" in err.value.fix
    assert "asklens.toml" in err.value.fix and "(or pass --sheet)" not in err.value.fix  # report has no --sheet
    q = raw(fixtures / "broken_multisheet.xlsx", config=cfg(sheet="2024")).questions
    assert q["question_id"].tolist() == ["generic:q3"]
    with pytest.raises(InputError, match="no sheet 'x'"):
        raw(fixtures / "broken_multisheet.xlsx", config=cfg(sheet="x"))


@pytest.mark.parametrize(
    ("name", "message", "where"),
    [
        ("broken_empty.csv", "the file is empty", {}),
        ("broken_binary.csv", "binary file", {}),
        ("broken_truncated.csv", "ends inside a quoted field", {"row": 3}),
        ("broken_truncated.xlsx", "damaged or truncated", {}),
        ("broken_truncated.json", "truncated", {"row": 1}),
        ("broken_ragged.csv", "3 fields but the header has 3|4 fields but the header has 3", {"row": 3}),
        ("broken_unknown.csv", "unknown format", {"row": 1}),
        ("broken_no_text.csv", "no question text column", {"column": "text"}),
        ("broken_no_date.csv", "no date column", {"column": "asked_at"}),
        ("broken_dates.csv", "cannot read the date 'next tuesday'", {"row": 2, "column": "asked_at"}),
        ("does_not_exist.csv", "file not found", {}),
        ("faq.json", "FAQ export", {}),
    ],
)
def test_bad_input_is_one_clear_error(fixtures, name, message, where):
    with pytest.raises(InputError) as err:
        raw(fixtures / name)
    e = err.value
    assert re.search(message, str(e)), str(e)
    assert e.path and e.path.endswith(name)
    assert "\n" not in str(e) and e.fix
    for key, value in where.items():
        assert getattr(e, key) == value


def test_wrong_delimiter_is_named(fixtures):
    assert len(raw(fixtures / "broken_semicolon.csv").questions) == 2  # sniffed: fine
    with pytest.raises(InputError, match="wrong delimiter.*semicolon") as err:
        raw(fixtures / "broken_semicolon.csv", config=cfg(delimiter=","))
    assert "delimiter = ';'" in err.value.fix


def test_a_cut_off_last_row_is_dropped(fixtures, tmp_path):
    data = (fixtures / "generic.csv").read_bytes().rstrip(b"\r\n")
    p = tmp_path / "cut.csv"
    p.write_bytes(data + b"\r\nq9,2024-01-11 10:00,Where is")
    result = raw(p)
    assert "generic:q9" not in set(result.questions["question_id"])
    reasons = result.dropped.set_index("row")["reason"]
    assert reasons[6] == "incomplete last row (the file looks truncated)"


def test_header_only_file_reads_as_empty(tmp_path):
    p = tmp_path / "h.csv"
    p.write_text("question_id,asked_at,text\n", encoding="utf-8")
    result = raw(p)
    assert len(result.questions) == 0 and result.date_range is None
    validate_questions(result.questions)


def test_scrub_runs_by_default(fixtures):
    result = load_questions([fixtures / "libchat.csv", fixtures / "refanalytics.csv"])
    q = by_id(result.questions)
    assert "jordan.smith@example.edu" not in " ".join(q["text"]) + " ".join(q["answer"].dropna())
    assert "[EMAIL]" in q.loc["libchat:1004", "text"]
    assert not {"patron_email", "known_names"} & set(q.columns)
    assert result.redactions["email"] >= 1 and result.redactions["phone"] >= 1
    assert "QA76.73 .P98 2019" in q.loc["refanalytics:50004", "text"]  # library signal kept


def test_read_faq_json_and_csv(fixtures):
    j = read_faq(fixtures / "faq.json").set_index("faq_id")
    c = read_faq(fixtures / "faq.csv").set_index("faq_id")
    for faq in (j, c):
        assert faq.loc["301", "answer"] == "Log in to My Account and click Renew. Items with holds can't be renewed."
        assert faq.loc["301", "topics"] == ["Borrowing", "Accounts"]
        assert faq.loc["302", "answer"] == "Mon–Thu 8am–midnight\nSun noon–10pm"
        assert faq.loc["301", "url"] == "https://ask.example.edu/faq/301"
        assert faq.loc["302", "views"] == 12000
        assert faq.loc["301", "updated_at"] == pd.Timestamp("2024-01-15 09:30", tz="UTC")
    assert j.loc["301", "votes_yes"] == 12 and j.loc["302", "details"] == "Including holidays"
    ny = Config.from_dict({"workspace": {"timezone": "America/New_York"}})
    assert str(read_faq(fixtures / "faq.json", config=ny)["updated_at"].dt.tz) == "America/New_York"


def test_formats_constant():
    assert FORMATS == ("libchat", "refanalytics", "tickets", "libraryh3lp", "gimlet", "desktracker", "generic")


# --- the real labelled sets --------------------------------------------------------


def test_libchat_miami_reads_through_the_generic_reader(shared_data):
    path = shared_data / "libchat-miami" / "questions_2023_2024.csv"
    c = Config.from_dict({"workspace": {"timezone": "America/New_York"},
                          "input": {"columns": {"text": "utterance"}, "default_date": "2024-06-30"}})
    result = load_questions(path, config=c, scrub=False)
    source = pd.read_csv(path)
    non_empty = source["utterance"].fillna("").str.strip().ne("").sum()
    q = result.questions
    assert result.files.loc[0, "format"] == "generic"
    assert len(q) == non_empty == 3532
    assert not q["text"].str.contains("\u00e2\u20ac|\u00e2\x80", regex=True).any()
    assert q["text"].str.contains("don't").any()
    assert (q["asked_at"] == pd.Timestamp("2024-06-30", tz="America/New_York")).all()
    assert set(result.dropped["reason_kind"]) == {"no question text"}


def test_banking77_reads_with_a_mapping(shared_data):
    c = Config.from_dict({"input": {"columns": {"text": "text"}, "default_date": "2020-01-01"}})
    q = read_questions(shared_data / "banking77" / "test.csv", config=c, scrub=False)
    assert len(q) == len(pd.read_csv(shared_data / "banking77" / "test.csv"))


# --- the sample workspace -----------------------------------------------------------


@pytest.mark.skipif(not (SAMPLE / "questions").is_dir(), reason="sample workspace not generated yet")
def test_sample_workspace_reads_without_double_counting():
    files = sorted((SAMPLE / "questions").glob("*.csv"))
    result = load_questions(files, config=SAMPLE / "asklens.toml", scrub=False)  # scrubbing: test_privacy
    q = result.questions
    assert q["question_id"].is_unique
    first, last = result.date_range
    assert (first.strftime("%Y-%m"), last.strftime("%Y-%m")) == ("2024-01", "2025-12")
    assert str(first.tz) == "America/New_York"
    truth = pd.read_csv(SAMPLE / "truth" / "questions.csv")
    assert set(q["question_id"]) == set(truth["question_id"])
    # every Reference Analytics chat duplicating a LibChat transcript was dropped
    assert set(result.dropped["reason_kind"]) <= {"same chat as a LibChat transcript (counted once)"}
    assert q["effort"].notna().any() and q["channel"].notna().all()
    summary = result.summary()
    json.dumps(summary)  # JSON-ready
    assert summary["rows_kept"] == len(q)


def test_config_may_be_a_dict_of_sections(tmp_path):
    # an analyst in a notebook writes the mapping inline instead of building a Config
    p = tmp_path / "log.csv"
    p.write_text("utterance,intent\nWhere is the printer?,printing\nHow do I renew?,renew\n", encoding="utf-8")
    q = read_questions(p, config={"input": {"format": "generic", "columns": {"text": "utterance", "tags": "intent"},
                                            "default_date": "2024-06-30"}}, scrub=False)
    assert q["text"].tolist() == ["Where is the printer?", "How do I renew?"]
    assert q["tags"].tolist() == [["printing"], ["renew"]]
    with pytest.raises(ConfigError, match="unknown section"):
        read_questions(p, config={"inptu": {}})


def test_unknown_format_quotes_the_value_given_and_where(tmp_path, fixtures):
    # before: a typo'd [input] format was reported as "unknown format 'auto'" with no file named
    bad = tmp_path / "asklens.toml"
    bad.write_text("[input]\nformat = 'libchatt'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown format 'libchatt' in \[input\] format") as info:
        read_questions(fixtures / "libchat.csv", config=bad)
    assert str(bad) in str(info.value)
    with pytest.raises(ConfigError, match=r"unknown format 'libchatt' —"):
        read_questions(fixtures / "libchat.csv", format="libchatt")
    c = Config()
    c.input.format = "gimlett"  # set in Python after loading: still quoted, not 'auto'
    with pytest.raises(ConfigError, match=r"unknown format 'gimlett' in \[input\] format"):
        read_questions(fixtures / "libchat.csv", config=c)


def test_a_faq_given_as_questions_says_how_to_give_it(fixtures):
    # before: "read it as the FAQ base (read_faq)", a Python name for a command-line user
    with pytest.raises(InputError, match=r"FAQ export, not a question log — fix: give it as the FAQ base: "
                                         r"--faq faq\.json on the command line, asklens\.read_faq"):
        read_questions(fixtures / "faq.json")


def test_paths_may_be_glob_patterns_as_in_the_notebooks(tmp_path, fixtures):
    # before: load_questions("data/sample/questions/*.csv") said "file not found", though the notebooks'
    # parameters and the command line take globs
    for year in ("2024", "2025"):
        (tmp_path / f"libchat_{year}.csv").write_bytes((fixtures / "libchat.csv").read_bytes())
    (tmp_path / "notes.txt").write_text("not a log", encoding="utf-8")
    result = load_questions(str(tmp_path / "libchat_*.csv"), scrub=False)
    assert [Path(p).name for p in result.files["path"]] == ["libchat_2024.csv", "libchat_2025.csv"]
    assert len(result.questions) == len(read_questions(fixtures / "libchat.csv", scrub=False))  # same ids once
    with pytest.raises(InputError, match="no file matches this pattern"):
        load_questions(str(tmp_path / "tickets_*.csv"))


@pytest.mark.parametrize("bad", [123, None, [3.5]])
def test_paths_of_the_wrong_type_are_an_input_error(bad):
    # before: TypeError: 'int' object is not iterable
    with pytest.raises(InputError, match="expected a path"):
        load_questions(bad)


def test_a_day_first_column_is_read_day_first_throughout(tmp_path):
    # before: "03/04/2025" became 4 March while "13/04/2025" in the same column became 13 April,
    # so a European export silently spread its questions over the wrong months
    p = tmp_path / "dmy.csv"
    p.write_text("date,question\n03/04/2025 10:00,How do I renew?\n13/04/2025 11:00,Where is the printer?\n"
                 "05/06/2025,Opening hours?\n", encoding="utf-8")
    got = raw(p).questions["asked_at"].dt.strftime("%Y-%m-%d").tolist()
    assert got == ["2025-04-03", "2025-04-13", "2025-06-05"]
    chat = tmp_path / "libchat_uk.csv"
    chat.write_text("Chat ID,Timestamp,Initial Question\n1,02/03/2025 09:00,How do I renew?\n"
                    "2,25/03/2025 09:00,Where is the printer?\n", encoding="utf-8")
    got = raw(chat).questions["asked_at"].dt.strftime("%Y-%m-%d").tolist()
    assert got == ["2025-03-02", "2025-03-25"]


def test_month_first_and_ambiguous_columns_stay_month_first(tmp_path):
    p = tmp_path / "mdy.csv"
    p.write_text("date,question\n03/04/2025 10:00,How do I renew?\n04/13/2025 11:00,Where is the printer?\n",
                 encoding="utf-8")
    assert raw(p).questions["asked_at"].dt.strftime("%Y-%m-%d").tolist() == ["2025-03-04", "2025-04-13"]
    p.write_text("date,question\n03/04/2025 10:00,How do I renew?\n", encoding="utf-8")
    assert raw(p).questions["asked_at"].dt.strftime("%Y-%m-%d").tolist() == ["2025-03-04"]
    # the config still decides when it says so
    assert raw(p, config=cfg(dayfirst=True)).questions["asked_at"].dt.strftime("%Y-%m-%d").tolist() == ["2025-04-03"]


def test_the_files_table_notes_how_day_and_month_were_told_apart(tmp_path):
    p = tmp_path / "log.csv"
    cases = {
        "03/04/2025 10:00\n13/04/2025 11:00\n": "dates read day first, as '13/04/2025' shows",
        "03/04/2025 10:00\n05/06/2025 11:00\n": "could be day or month first and were read month first",
        "13/04/2025 10:00\n04/13/2025 11:00\n": "mix day-first and month-first",
    }
    for dates, note in cases.items():
        lines = "".join(f"{d},Question {i}\n" for i, d in enumerate(dates.split("\n")[:2]))
        p.write_text("date,question\n" + lines, encoding="utf-8")
        [notes] = raw(p).files["notes"].tolist()
        assert len(notes) == 1 and note in notes[0], notes
    p.write_text("date,question\n2025-04-03 10:00,Question\n", encoding="utf-8")
    assert raw(p).files["notes"].tolist() == [[]]
    p.write_text("date,question\n03/04/2025 10:00,Question\n", encoding="utf-8")
    assert raw(p, config=cfg(date_format="%d/%m/%Y %H:%M")).files["notes"].tolist() == [[]]  # the config decided


# --- text exports named like workbooks ------------------------------------------------------


@pytest.mark.parametrize("suffix", [".xls", ".xlsx"])
@pytest.mark.parametrize(("encoding", "sep"), [("utf-8", ","), ("utf-16", "\t")])
def test_a_text_export_named_like_a_workbook_is_read_as_text(fixtures, tmp_path, suffix, encoding, sep):
    # web apps often save "Excel" exports as CSV or tab-separated text with an .xls name
    frame = pd.read_csv(fixtures / "libchat.csv", dtype=str, keep_default_na=False)
    target = tmp_path / f"chats{suffix}"
    frame.to_csv(target, sep=sep, index=False, encoding=encoding)
    result = raw(target)
    expected = raw(fixtures / "libchat.csv").questions
    assert result.files.loc[0, "format"] == "libchat"
    assert list(result.questions["text"]) == list(expected["text"])
    assert any("text" in note and suffix in note for note in result.files.loc[0, "notes"])


def test_a_web_page_named_xls_is_one_clear_error(fixtures, tmp_path):
    frame = pd.read_csv(fixtures / "libchat.csv", dtype=str, keep_default_na=False)
    target = tmp_path / "chats.xls"
    target.write_text("<html><body>" + frame.to_html(index=False) + "</body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="web page") as err:
        raw(target)
    assert err.value.path.endswith("chats.xls") and "CSV" in err.value.fix


def test_an_old_xls_in_a_folder_is_not_skipped_silently(fixtures, tmp_path):
    shutil.copy(fixtures / "libchat.csv", tmp_path / "chats_2024.csv")
    (tmp_path / "chats_2023.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(InputError, match="old Excel .xls") as err:
        raw(tmp_path)
    assert err.value.path.endswith("chats_2023.xls")


def test_a_misspelt_mapped_column_suggests_the_close_one(tmp_path):
    (tmp_path / "log.csv").write_text("utterance,Date\nwhere is the printer,2024-03-01\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column 'Utterence'") as err:
        raw(tmp_path / "log.csv", config=cfg(columns={"text": "Utterence"}))
    assert "text = \"utterance\"" in err.value.fix
    with pytest.raises(InputError) as err:  # nothing close: no guess
        raw(tmp_path / "log.csv", config=cfg(columns={"text": "Question"}))
    assert "did you mean" not in str(err.value) + err.value.fix


def test_a_misspelt_faq_column_suggests_the_close_one(fixtures):
    config = Config.from_dict({"input": {"faq_columns": {"views": "Totl Views"}}})
    with pytest.raises(InputError, match="no column 'Totl Views'") as err:
        read_faq(fixtures / "faq.csv", config=config)
    assert "views = \"Total Views\"" in err.value.fix


def test_a_faq_among_question_logs_is_skipped_however_it_was_named(fixtures, tmp_path):
    # `asklens init` tells users to put their exports in data/raw and run
    # `asklens report --questions data/raw/*.csv --faq data/raw/faq.csv`; the shell hands the FAQ
    # over by name among the logs, and the workspace's topics browser reads "data/raw/*"
    shutil.copy(fixtures / "libchat.csv", tmp_path / "libchat.csv")
    shutil.copy(fixtures / "faq.csv", tmp_path / "faq.csv")
    shutil.copy(fixtures / "faq.json", tmp_path / "faq.json")
    expected = len(raw(tmp_path / "libchat.csv").questions)
    for given in ([tmp_path / "faq.csv", tmp_path / "libchat.csv"], str(tmp_path / "*")):
        result = raw(given)
        assert len(result.questions) == expected
        formats = dict(zip(result.files["path"].map(lambda p: Path(p).name), result.files["format"]))
        assert formats["faq.csv"] == "faq (skipped)" and formats["libchat.csv"] == "libchat"
    with pytest.raises(InputError, match="FAQ export, not a question log"):  # nothing but FAQs
        raw([tmp_path / "faq.csv", tmp_path / "faq.json"])


def test_a_glob_skips_office_lock_files_like_a_folder(fixtures, tmp_path):
    # Excel leaves "~$name.xlsx" beside a workbook while it is open
    shutil.copy(fixtures / "libchat.xlsx", tmp_path / "libchat.xlsx")
    (tmp_path / "~$libchat.xlsx").write_bytes(b"\x06Jordan" + b"\x00" * 150)
    assert len(raw(tmp_path).questions) == len(raw(str(tmp_path / "*")).questions) > 0


@pytest.mark.parametrize(("wrong", "right"), [("date", "asked_at"), ("question", "text"), ("READ", "effort"),
                                              ("duration", "duration_min"), ("topic", "tags"), ("id", "question_id")])
def test_a_plain_word_for_a_canonical_column_names_the_right_key(tmp_path, wrong, right):
    # before: "unknown canonical column 'date'" and a list of 16 names to choose from
    (tmp_path / "log.csv").write_text("utterance,Date\nwhere is the printer,2024-03-01\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=f"unknown canonical column '{wrong}'") as err:
        raw(tmp_path / "log.csv", config=cfg(columns={"text": "utterance", wrong: "Date"}))
    assert err.value.fix.startswith(f"did you mean {right!r}?"), err.value.fix


def test_a_chat_logged_in_refanalytics_without_its_chat_number_is_counted_once(fixtures, tmp_path):
    # libraries that key chats into Reference Analytics by hand leave "Chat #" empty: the same chat,
    # same question and same day, was counted twice (every volume in the report inflated)
    ra = pd.read_csv(fixtures / "refanalytics.csv", dtype=str, keep_default_na=False)
    linked = ra["Chat #"] != ""
    assert linked.sum() >= 1
    ra.loc[linked, "Chat #"] = ""
    ra.loc[linked, "Time"] = "11:59:00"  # keyed in later the same day
    ra.to_csv(tmp_path / "refanalytics.csv", index=False)
    with_links = raw([fixtures / "libchat.csv", fixtures / "refanalytics.csv"])
    without = raw([fixtures / "libchat.csv", tmp_path / "refanalytics.csv"])
    assert len(without.questions) == len(with_links.questions)
    assert set(without.questions["question_id"]) == set(with_links.questions["question_id"])
    chat = by_id(without.questions).loc["libchat:1003"]
    assert chat["effort"] == by_id(with_links.questions).loc["libchat:1003", "effort"]
    reasons = without.dropped["reason"]
    assert reasons.str.contains("same chat as LibChat transcript libchat:1003 .*same question", regex=True).any()
    # the same words another day, or at the desk the same day, are questions of their own
    again = ra[~linked].head(1).assign(**{"Question": "I can't get into JSTOR from home", "Date": "2024-03-09",
                                          "Communication": "Chat", "Id": "59998"})
    desk = ra[~linked].head(1).assign(**{"Question": "I can't get into JSTOR from home", "Date": "2024-03-05",
                                         "Communication": "In person", "Id": "59999"})
    pd.concat([ra, again, desk]).to_csv(tmp_path / "refanalytics.csv", index=False)
    assert len(raw([fixtures / "libchat.csv", tmp_path / "refanalytics.csv"]).questions) == len(
        with_links.questions) + 2


def test_an_empty_export_folder_says_what_to_put_there(tmp_path):
    # a new workspace's data/raw is empty: the fix was "pass the export files themselves"
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "notes.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(InputError, match="holds no question-log exports") as err:
        load_questions(tmp_path / "raw")
    assert "copy" in err.value.fix and ".xlsx" in err.value.fix and "notes.pdf" in str(err.value)
