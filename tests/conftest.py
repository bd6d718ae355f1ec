"""Shared test fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real labelled question sets in ../shared/data (never copied into the repo)."""
    if not SHARED_DATA.is_dir():
        pytest.fail(f"the labelled data sets are missing: expected them in {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def fixtures() -> Path:
    """Small committed fixtures, one per source format."""
    return FIXTURES
