"""The workspace configuration."""

from __future__ import annotations

import pytest

from asklens.config import Config, load_config
from asklens.errors import ConfigError


def test_defaults_without_a_file(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    cfg = load_config()
    assert cfg.workspace.timezone == "UTC" and cfg.topics.backend == "tfidf"


def test_round_trip_and_digest_is_stable(tmp_path) -> None:
    import tomli_w

    cfg = Config.from_dict({"workspace": {"timezone": "America/New_York"}, "topics": {"backend": "hybrid"}})
    path = tmp_path / "asklens.toml"
    path.write_text(tomli_w.dumps(cfg.to_dict()), encoding="utf-8")
    again = load_config(path)
    assert again.to_dict() == cfg.to_dict()
    assert again.digest() == cfg.digest()


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("[workspce]\nname = 'x'\n", r"unknown section \[workspce\]"),
        ("[workspace]\ntimezon = 'UTC'\n", "unknown key 'timezon'"),
        ("[workspace]\ntimezone = 'Mars/Olympus'\n", "unknown time zone"),
        ("[topics]\nbackend = 'bert'\n", "unknown topics backend"),
        ("[workspace\n", "not valid TOML"),
    ],
)
def test_bad_config_is_one_line_naming_the_file(tmp_path, text: str, match: str) -> None:
    path = tmp_path / "asklens.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=match) as info:
        load_config(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_missing_config_file_says_how_to_make_one(tmp_path) -> None:
    with pytest.raises(ConfigError, match="asklens init"):
        load_config(tmp_path / "nope.toml")
