"""Tests for asklens.privacy: the measured test set, the API contract, and real data."""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from asklens.config import Config, PrivacyConfig
from asklens.errors import ConfigError, InputError
from asklens.privacy import MASKS, REDACTION_KINDS, scrub, scrub_text

PRIVACY_DIR = Path(__file__).resolve().parent / "fixtures" / "privacy"
SET_PATH = PRIVACY_DIR / "privacy_set.json"
MUST_RECALL = ("email", "phone", "card_number", "ip_address")
#: recall floors for the kinds that cannot be caught by shape alone
FLOORS = {"name": 0.95, "street_address": 0.95, "url_token": 1.0}
#: only the ID patterns a library configures are measured with this config
SET_CONFIG = PrivacyConfig()


def _load_set() -> list[dict]:
    return json.loads(SET_PATH.read_text(encoding="utf-8"))


def _masked_everywhere(value: str, kind: str, out: str) -> bool:
    """Return True when nothing of the planted ``value`` survives in ``out``."""
    if kind == "name":
        tokens = [t for t in re.split(r"[\s,]+", value) if len(t) >= 2]
        return not any(re.search(rf"(?<!\w){re.escape(t)}(?!\w)", out) for t in tokens)
    if value in out:
        return False
    # no 4+ digit group of a planted number survives (no half-masked phone or card)
    if kind in ("phone", "card_number", "ip_address", "street_address"):
        for group in re.findall(r"\d{4,}", value):
            if re.search(rf"(?<!\d){group}(?!\d)", out):
                return False
    if kind == "email":
        local = re.split(r"\s*(?:@|\[at\]|\(at\)| at )\s*", value)[0]
        if len(local) >= 3 and re.search(rf"(?<![\w.]){re.escape(local)}(?![\w])", out):
            return False
    if kind == "url_token":
        for part in re.findall(r"=([A-Za-z0-9_\-%.@]{6,})", value):
            if part in out:
                return False
    return True


def _scrub_set(records: list[dict]) -> tuple[list[str], dict[str, int]]:
    frame = pd.DataFrame(
        {
            "text": [r["text"] for r in records],
            "known_names": [r.get("known_names", []) for r in records],
        }
    )
    out, audit = scrub(frame, config=SET_CONFIG)
    return out["text"].tolist(), audit


def measure(records: list[dict]) -> dict:
    """Scrub the set and return recall per kind, survivors of library identifiers and misses."""
    outputs, audit = _scrub_set(records)
    found: Counter[str] = Counter()
    typed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    misses: list[tuple[str, str, str]] = []
    destroyed: list[tuple[str, str, str]] = []
    for rec, out in zip(records, outputs):
        for span in rec["pii"]:
            total[span["kind"]] += 1
            if _masked_everywhere(span["value"], span["kind"], out):
                found[span["kind"]] += 1
                if MASKS[span["kind"]] in out:
                    typed[span["kind"]] += 1
            else:
                misses.append((span["kind"], span["value"], out))
        for span in rec["keep"]:
            if span["value"] not in out:
                destroyed.append((span["kind"], span["value"], out))
    recall = {k: found[k] / total[k] for k in total}
    return {"recall": recall, "typed": {k: typed[k] / total[k] for k in total}, "total": dict(total),
            "misses": misses, "destroyed": destroyed, "audit": audit,
            "n_keep": sum(len(r["keep"]) for r in records)}


# ---------------------------------------------------------------------------------------------
# the measured set
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def result() -> dict:
    res = measure(_load_set())
    print("\nprivacy set recall:", {k: f"{v:.3f} of {res['total'][k]}" for k, v in sorted(res["recall"].items())})
    print("typed (right mask):", {k: round(v, 3) for k, v in sorted(res["typed"].items())})
    print(f"library identifiers kept: {res['n_keep'] - len(res['destroyed'])} of {res['n_keep']}")
    return res


def test_set_is_big_and_varied() -> None:
    records = _load_set()
    assert len(records) >= 300
    kinds = Counter(s["kind"] for r in records for s in r["pii"])
    keeps = Counter(s["kind"] for r in records for s in r["keep"])
    for kind in ("email", "phone", "card_number", "ip_address", "name", "street_address", "url_token"):
        assert kinds[kind] >= 30, (kind, kinds[kind])
    for kind in ("isbn", "issn", "doi", "call_number", "course_code", "year", "room"):
        assert keeps[kind] >= 15, (kind, keeps[kind])
    assert sum(r["source"] == "hand" for r in records) >= 25
    assert len({r["source"] for r in records}) >= 50  # many templates


def test_set_is_reproducible_from_its_script() -> None:
    spec = importlib.util.spec_from_file_location("make_privacy_set", PRIVACY_DIR / "make_privacy_set.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    assert module.build() == _load_set()


def test_planted_spans_point_at_their_values() -> None:
    for rec in _load_set():
        for span in rec["pii"] + rec["keep"]:
            assert rec["text"][span["start"] : span["end"]] == span["value"], (rec["id"], span)


@pytest.mark.parametrize("kind", MUST_RECALL)
def test_recall_of_emails_phones_cards_ips_is_total(result: dict, kind: str) -> None:
    misses = [m for m in result["misses"] if m[0] == kind]
    assert result["recall"][kind] == 1.0, misses[:5]


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_recall_of_names_addresses_urls_meets_floor(result: dict, kind: str) -> None:
    misses = [m for m in result["misses"] if m[0] == kind]
    assert result["recall"][kind] >= FLOORS[kind], misses[:5]


def test_no_library_identifier_is_masked(result: dict) -> None:
    assert result["destroyed"] == []


def test_masks_name_the_right_kind(result: dict) -> None:
    for kind in MUST_RECALL:
        assert result["typed"][kind] >= 0.97, (kind, result["typed"][kind])


def test_audit_counts_what_was_planted(result: dict) -> None:
    audit = result["audit"]
    assert list(audit) == list(REDACTION_KINDS)
    for kind in MUST_RECALL:
        assert audit[kind] >= result["total"][kind]
    assert audit["id_column"] == 1  # the known_names hand-off column