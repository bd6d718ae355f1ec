"""Chat transcripts: question = first patron message, speakers replaced by roles."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from asklens.text import first_patron_message, parse_transcript

__all__ = ["process_transcripts", "staff_names"]

_ANON = re.compile(r"^(guest|patron|user|visitor|anonymous|customer|student|you|me|system|staff|librarian|"
                   r"operator|libchat|bot|chatbot)\b\s*[#\d]*$", re.IGNORECASE)
_STAFF_WORD = re.compile(r"^(staff|librarian|operator|system|libchat|admin|bot|chatbot)\b", re.IGNORECASE)


def staff_names(values: pd.Series) -> set[str]:
    """Return the casefolded staff names found in an answerer/operator column (``,``/``;`` separated)."""
    names: set[str] = set()
    for v in values.dropna().unique():
        for part in re.split(r"[;,/]| and ", str(v)):
            part = " ".join(part.split())
            if part:
                names.add(part.casefold())
    return names


def _row_staff(value: object) -> set[str]:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return set()
    return {" ".join(p.split()).casefold() for p in re.split(r"[;,/]| and ", str(value)) if p.strip()}


def process_transcripts(
    transcripts: pd.Series, *, row_staff: pd.Series | None = None, all_staff: Iterable[str] = ()
) -> pd.DataFrame:
    """Parse transcripts into the first patron message, a role-tagged transcript, counts and names.

    Parameters
    ----------
    transcripts : pandas.Series
        ``HH:MM:SS - Speaker : text`` transcripts.
    row_staff : pandas.Series, optional
        Per row, the staff who answered (``Answerer``, ``operator``).
    all_staff : iterable of str
        Staff names seen anywhere in the file.

    Returns
    -------
    pandas.DataFrame
        Columns ``question`` (str), ``transcript`` (``Patron: …`` / ``Staff: …``
        lines, or NA), ``n_messages`` (Int64) and ``names`` (list of speaker names).
    """
    everyone = {s.casefold() for s in all_staff}
    staffs = row_staff if row_staff is not None else pd.Series([None] * len(transcripts), index=transcripts.index)
    questions, tagged, counts, names = [], [], [], []
    for raw, mine in zip(transcripts.tolist(), staffs.tolist()):
        messages = parse_transcript(raw)
        if not messages:
            questions.append("")
            tagged.append(pd.NA)
            counts.append(pd.NA)
            names.append([])
            continue
        row_staff_set = _row_staff(mine) | everyone
        roles: dict[str, str] = {}
        patron_seen = False
        for m in messages:
            key = m.speaker.casefold()
            if key in roles:
                continue
            if key in row_staff_set or _STAFF_WORD.match(key):
                roles[key] = "Staff"
            elif row_staff_set or not patron_seen:
                roles[key] = "Patron"
                patron_seen = True
            else:
                roles[key] = "Staff"
        staff_for_first = [s for s, r in roles.items() if r == "Staff"]
        questions.append(first_patron_message(messages, staff=staff_for_first))
        lines = []
        for m in messages:
            role = roles.get(m.speaker.casefold(), "Patron") if m.speaker else ""
            lines.append(f"{role}: {m.text}" if role else m.text)
        tagged.append("\n".join(lines))
        counts.append(sum(1 for m in messages if m.speaker))
        names.append(sorted({m.speaker for m in messages if m.speaker and not _ANON.match(m.speaker)}))
    idx = transcripts.index
    return pd.DataFrame({
        "question": pd.Series(questions, index=idx, dtype="string"),
        "transcript": pd.Series(tagged, index=idx, dtype="string"),
        "n_messages": pd.Series(counts, index=idx, dtype="Int64"),
        "names": pd.Series(names, index=idx, dtype=object),
    })
