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


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("[rubric]\nmin_volume = 'ten'\n", r"\[rubric\] min_volume must be an integer, got 'ten'"),
        ("[rubric]\nmin_volume = 10.5\n", r"min_volume must be an integer"),
        ("[rubric]\nmin_volume = -3\n", r"min_volume cannot be negative"),
        ("[rubric]\nmin_coverage = 20\n", r"min_coverage is a share and must be between 0 and 1"),
        ("[rubric]\nwindow_months = 0\n", r"window_months must be at least 1"),
        ("[rubric]\ntrend_alpha = 5\n", r"trend_alpha is a share"),
        ("[workspace]\ntimezone = 5\n", r"\[workspace\] timezone must be a string"),
        ("[input]\nformat = 'libchatt'\n", r"unknown format 'libchatt' in \[input\] format"),
        ("[input]\nencoding = 'latin-9x'\n", r"unknown encoding 'latin-9x'"),
        ("[input]\ndelimiter = ';;'\n", r"delimiter must be one character"),
        ("[input]\ndayfirst = 'yes'\n", r"dayfirst must be true or false"),
        ("[input]\ncolumns = { text = 3 }\n", r"columns must be a table of strings"),
        ("[privacy]\nid_patterns = '\\\\d+'\n", r"id_patterns must be a list"),
        ("[costs]\nread_minutes = { 1 = 'x' }\n", r"read_minutes must be a table of numbers"),
        ("[costs]\nread_minutes = { 7 = 3.0 }\n", r"READ codes 1 to 6"),
        ("[topics]\nn_topics = 0\n", r"n_topics must be at least 1"),
        ("[report]\nexecution_timeout = 'long'\n", r"execution_timeout must be an integer"),
        ("[terms]\nterms = [{ name = 'Fall', start = '2025-13-01', end = '2025-12-01' }]\n",
         r"term 1 \(Fall\) start must be an ISO date"),
        ("[terms]\nterms = [{ name = 'Fall', start = '2025-12-01', end = '2025-08-01' }]\n", r"ends .* before it starts"),
        ("[terms]\nterms = [{ name = 'Fall', begin = '2025-08-01', end = '2025-12-01' }]\n", r"unknown key 'begin'"),
    ],
)
def test_wrong_types_and_ranges_are_one_line_naming_the_key(tmp_path, text: str, match: str) -> None:
    # before: these were accepted and failed later, deep inside a report (exit 3) or never
    path = tmp_path / "asklens.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=match) as info:
        load_config(path)
    msg = str(info.value)
    assert str(path) in msg and "\n" not in msg and "fix:" in msg


def test_good_values_pass_and_numbers_are_normalised(tmp_path) -> None:
    path = tmp_path / "asklens.toml"
    path.write_text(
        "[rubric]\nmin_recurrence = 1\nhigh_effort_share = 1.01\n"  # an int for a float; above 1 switches a rule off
        "[costs]\nread_minutes = { 1 = 2, 3 = 12.5 }\n"
        "[input]\nformat = 'LibAnswers'\nencoding = 'cp1252'\ndelimiter = '\\t'\n"
        "[terms]\nterms = [{ name = 'Fall 2025', start = 2025-08-25, end = '2025-12-12' }]\n",  # TOML dates too
        encoding="utf-8")
    cfg = load_config(path)
    assert cfg.rubric.min_recurrence == 1.0 and isinstance(cfg.rubric.min_recurrence, float)
    assert cfg.costs.read_minutes == {"1": 2.0, "3": 12.5}
    assert cfg.input.delimiter == "\t"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_config_saved_with_a_byte_order_mark_is_read(tmp_path, encoding) -> None:
    # before: "not valid TOML: Invalid statement (at line 1, column 1)" for Notepad's UTF-8 with BOM
    path = tmp_path / "asklens.toml"
    path.write_text('[workspace]\nname = "Bibliothèque"\ntimezone = "Europe/Paris"\n', encoding=encoding)
    cfg = load_config(path)
    assert cfg.workspace.name == "Bibliothèque" and cfg.workspace.timezone == "Europe/Paris"


def test_a_config_in_another_encoding_says_to_save_it_as_utf8(tmp_path) -> None:
    path = tmp_path / "asklens.toml"
    path.write_text('[workspace]\nname = "Bibliothèque"\n', encoding="latin-1")
    with pytest.raises(ConfigError, match="not UTF-8 text — fix: save the config as UTF-8"):
        load_config(path)


def test_a_typo_in_a_key_or_section_gets_a_suggestion(tmp_path) -> None:
    path = tmp_path / "asklens.toml"
    path.write_text("[rubric]\nmin_volum = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown key 'min_volum' in \[rubric\] — fix: did you mean 'min_volume'\?"):
        load_config(path)
    path.write_text("[rubrik]\nmin_volume = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"unknown section \[rubrik\] — fix: did you mean \[rubric\]\?"):
        load_config(path)


def test_invalid_toml_quotes_the_line_and_says_how_to_write_text(tmp_path) -> None:
    # before: "not valid TOML: Invalid value (at line 2, column 10)" and no fix
    path = tmp_path / "asklens.toml"
    path.write_text('[input]\nformat = generic\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert "line 2" in str(err.value) and "format = generic" in str(err.value)
    assert 'format = "generic"' in err.value.fix


def test_report_plotly_js_is_inline_or_shared():
    from asklens.config import Config

    assert Config().report.plotly_js == "inline"
    assert Config.from_dict({"report": {"plotly_js": "shared"}}).report.plotly_js == "shared"
    with pytest.raises(ConfigError, match="plotly_js 'cdn'"):
        Config.from_dict({"report": {"plotly_js": "cdn"}})
