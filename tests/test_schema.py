"""Validation of the canonical tables."""

from __future__ import annotations

import pandas as pd
import pytest

from asklens.errors import InputError
from asklens.schema import FAQ_COLUMNS, QUESTION_COLUMNS, empty_questions, validate_faq, validate_questions


def _questions(**extra: object) -> pd.DataFrame:
    data = {
        "question_id": ["a", "b"],
        "asked_at": pd.to_datetime(["2024-01-01 10:00", "2024-01-02 11:00"]).tz_localize("America/New_York"),
        "text": ["How do I renew?", "Where can I print?"],
    }
    data.update(extra)
    return pd.DataFrame(data)


def test_validate_fills_every_canonical_column_in_order() -> None:
    out = validate_questions(_questions(extra_col=[1, 2]))
    assert list(out.columns) == [*QUESTION_COLUMNS, "extra_col"]
    assert out["tags"].tolist() == [[], []]
    assert out["effort"].dtype == "Int64"
    assert out["asked_at"].dt.tz is not None


def test_validate_does_not_mutate_input() -> None:
    df = _questions(tags=["x;y", None])
    before = df.copy()
    validate_questions(df)
    pd.testing.assert_frame_equal(df, before)


def test_tags_become_lists_of_strings() -> None:
    out = validate_questions(_questions(tags=[("a", 1), None]))
    assert out["tags"].tolist() == [["a", "1"], []]


@pytest.mark.parametrize(
    ("change", "match"),
    [
        (lambda d: d.drop(columns="text"), "no 'text' column"),
        (lambda d: d.assign(asked_at=["2024-01-01", "2024-01-02"]), "time-zone aware"),
        (lambda d: d.assign(question_id=["a", "a"]), "appears more than once"),
        (lambda d: d.assign(effort=[1, 9]), "READ scale"),
    ],
)
def test_bad_tables_get_one_line_errors(change, match: str) -> None:
    with pytest.raises(InputError, match=match) as info:
        validate_questions(change(_questions()), source="log.csv")
    assert "\n" not in str(info.value)
    assert str(info.value).startswith("log.csv")


def test_duplicate_id_error_names_the_row() -> None:
    with pytest.raises(InputError, match="row 2"):
        validate_questions(_questions(question_id=["a", "a"]))


def test_empty_questions_validate() -> None:
    out = validate_questions(empty_questions("Europe/London"))
    assert len(out) == 0 and list(out.columns) == list(QUESTION_COLUMNS)


def test_validate_faq_fills_missing_columns() -> None:
    out = validate_faq(pd.DataFrame({"faq_id": [1, 2], "question": ["Hours?", "Renew?"]}))
    assert list(out.columns) == list(FAQ_COLUMNS)
    assert out["faq_id"].tolist() == ["1", "2"]
    assert out["topics"].tolist() == [[], []]


def test_a_question_without_text_is_an_error_naming_the_row():
    # before: None and blank texts passed validation, though text is required
    import pandas as pd

    from asklens.errors import InputError
    from asklens.schema import validate_questions

    df = pd.DataFrame({"question_id": ["1", "2", "3"],
                       "asked_at": pd.to_datetime(["2025-01-01", "2025-01-02", "2025-01-03"]).tz_localize("UTC"),
                       "text": ["Where is the printer?", "  ", None]})
    with pytest.raises(InputError, match=r"row 2, column 'text': 'text' is empty in 2 of 3 rows"):
        validate_questions(df)
    assert len(validate_questions(df.iloc[:1])) == 1
