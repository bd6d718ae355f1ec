"""Tests for asklens.topics: TopicModel fit/assign/update/refit, stable ids, curation, save/load."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from asklens.errors import ConfigError, InputError
from asklens.evaluate import clustering_scores
from asklens.topics import TopicModel, _oldest_rows, find_clusters, load_curation

TEMPLATES = {
    "renew": ["How do I renew my {x}?", "Can I renew the {x} online?", "renew {x} please", "renewing a {x} loan"],
    "print": ["Where can I print my {x}?", "How much does printing a {x} cost?", "the printer won't print my {x}",
              "colour printing for a {x}"],
    "room": ["Can I book a study room for my {x}?", "reserve a group study room for the {x}",
             "study rooms free for {x}?", "how do I book a study room for a {x}"],
    "wifi": ["The wifi is not working on my {x}", "How do I connect my {x} to the wifi?", "wifi password for {x}",
             "wifi keeps dropping on my {x}"],
    "cite": ["How do I cite a {x} in APA?", "citation format to cite a {x}", "MLA citation of a {x}",
             "help citing a {x} in Chicago citation style"],
}
FILLERS = ["book", "laptop", "thesis", "poster", "article", "phone", "report", "essay", "exam", "chapter"]
NEW_TOPIC = ["Where can I park my {x} near the library?", "parking permit for my {x} at the library lot",
             "is there visitor parking for a {x}", "how much is parking for my {x}"]


def make_log(n: int, *, months: list[str], seed: int = 0, topics: dict | None = None, greet: bool = True) -> pd.DataFrame:
    """A seeded synthetic question log with a true topic per row."""
    rng = np.random.default_rng(seed)
    topics = TEMPLATES if topics is None else topics
    names = sorted(topics)
    rows = []
    for i in range(n):
        topic = names[rng.integers(len(names))]
        text = rng.choice(topics[topic]).format(x=rng.choice(FILLERS))
        if greet and rng.random() < 0.3:
            text = rng.choice(["Hi! ", "Hello, ", "Hey there - "]) + text + rng.choice([" Thanks!", " Thank you so much.", ""])
        month = months[i % len(months)]
        rows.append({"question_id": f"generic:{seed}-{i}", "asked_at": pd.Timestamp(f"{month}-15 10:00", tz="UTC"),
                     "text": text, "true_topic": topic})
    return pd.DataFrame(rows)


MONTHS = [f"2024-{m:02d}" for m in range(1, 13)]


@pytest.fixture(scope="module")
def log() -> pd.DataFrame:
    return make_log(600, months=MONTHS)


@pytest.fixture(scope="module")
def fitted(log: pd.DataFrame) -> TopicModel:
    return TopicModel(random_state=0).fit(log)


def test_fit_finds_the_topics_without_being_told_k(fitted: TopicModel, log: pd.DataFrame) -> None:
    s = clustering_scores(log["true_topic"], fitted.labels_)
    assert s["nmi"] > 0.8, s
    assert s["misc_share"] <= 0.05
    assert 4 <= s["n_topics"] <= 15


def test_topics_table_follows_the_contract(fitted: TopicModel, log: pd.DataFrame) -> None:
    t = fitted.topics_
    assert list(t.columns[:8]) == ["topic_id", "label", "keywords", "size", "examples", "first_seen", "last_seen",
                                   "status"]
    assert t["topic_id"].is_unique and (t["size"] > 0).all()
    assert t["size"].sum() == (fitted.labels_ >= 0).sum()
    assert t["first_seen"].min() == "2024-01" and (t["first_seen"] <= t["last_seen"]).all()
    assert t["last_seen"].max() == "2024-12"
    assert all(isinstance(k, list) for k in t["keywords"]) and all(len(e) >= 1 for e in t["examples"])
    assert set(fitted.lineage_["event"]) == {"born"}


def test_fit_is_deterministic_and_accepts_plain_texts(log: pd.DataFrame, fitted: TopicModel) -> None:
    again = TopicModel(random_state=0).fit(log)
    np.testing.assert_array_equal(again.labels_, fitted.labels_)
    from_texts = TopicModel(random_state=0).fit(log["text"].tolist())
    np.testing.assert_array_equal(from_texts.labels_, fitted.labels_)
    assert from_texts.topics_["first_seen"].isna().all()


def test_n_topics_is_honoured(log: pd.DataFrame) -> None:
    tm = TopicModel(n_topics=3, random_state=0).fit(log)
    assert len(np.unique(tm.labels_[tm.labels_ >= 0])) == 3


def test_max_topics_caps_the_found_topics_and_is_checked(log: pd.DataFrame, fitted: TopicModel) -> None:
    found = len(np.unique(fitted.labels_[fitted.labels_ >= 0]))
    assert found > 3
    capped = TopicModel(max_topics=3, random_state=0).fit(log)
    assert len(np.unique(capped.labels_[capped.labels_ >= 0])) == 3
    loose = TopicModel(max_topics=found + 10, random_state=0).fit(log)  # a cap above the cut changes nothing
    np.testing.assert_array_equal(loose.labels_, fitted.labels_)
    forced = TopicModel(n_topics=4, max_topics=3, random_state=0).fit(log).labels_  # n_topics wins
    assert len(np.unique(forced[forced >= 0])) == 4
    with pytest.raises(ConfigError, match="max_topics"):
        TopicModel(max_topics=1, random_state=0).fit(log)


def test_assign_puts_paraphrases_in_their_topic_and_nonsense_in_misc(fitted: TopicModel, log: pd.DataFrame) -> None:
    ids = fitted.assign(["Hello! how can I renew my essay? thanks", "qqq zzz xxv"])
    renew = pd.Series(fitted.labels_[(log["true_topic"] == "renew").to_numpy()]).mode()[0]
    assert ids[0] == renew
    assert ids[1] == -1
    np.testing.assert_array_equal(fitted.assign(log.head(50)), fitted.labels_[:50])


def test_unfitted_and_bad_input_errors(log: pd.DataFrame) -> None:
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        TopicModel().assign(["x"])
    with pytest.raises(InputError, match="column"):
        TopicModel().fit(log.rename(columns={"text": "question"}))
    with pytest.raises(InputError):
        TopicModel().fit([])
    with pytest.raises(InputError, match="one string"):
        TopicModel().fit("just one string")


def test_save_and_load_give_identical_answers(fitted: TopicModel, log: pd.DataFrame, tmp_path) -> None:
    folder = fitted.save(tmp_path / "model")
    assert (folder / "topics.json").is_file()
    loaded = TopicModel.load(folder)
    np.testing.assert_array_equal(loaded.assign(log), fitted.assign(log))
    pd.testing.assert_frame_equal(loaded.topics_, fitted.topics_)
    with pytest.raises(InputError):
        TopicModel.load(tmp_path / "nothing")


def test_update_opens_a_new_topic_with_a_new_id(log: pd.DataFrame) -> None:
    tm = TopicModel(random_state=0).fit(log)
    old_ids = set(tm.topics_["topic_id"])
    month = make_log(120, months=["2025-01"], seed=5)
    new = make_log(40, months=["2025-01"], seed=6, topics={"parking": NEW_TOPIC})
    batch = pd.concat([month, new], ignore_index=True)
    ids = tm.update(batch)
    assert np.mean(ids == -1) <= 0.05
    born = set(tm.topics_["topic_id"]) - old_ids
    assert born, "no new topic for a new dense group"
    assert min(born) > max(old_ids)
    share_new = np.isin(ids[len(month):], list(born)).mean()
    assert share_new > 0.7
    assert np.isin(ids[: len(month)], list(old_ids)).mean() > 0.9
    assert set(tm.topics_.loc[tm.topics_["topic_id"].isin(born), "first_seen"]) == {"2025-01"}
    events = tm.lineage_
    assert set(events.loc[events["topic_id"].isin(born), "event"]) == {"born"}
    # known topics moved their last_seen
    assert (tm.topics_.loc[tm.topics_["topic_id"].isin(old_ids), "last_seen"] == "2025-01").any()


def test_refit_keeps_ids_of_persisting_topics() -> None:
    first = make_log(500, months=MONTHS, seed=1)
    later = make_log(500, months=[f"2025-{m:02d}" for m in range(1, 13)], seed=2)
    tm = TopicModel(random_state=0).fit(first)
    for month, chunk in later.groupby(later["asked_at"].dt.strftime("%Y-%m")):
        tm.update(chunk)
    everything = pd.concat([first, later], ignore_index=True)
    before = tm.assign(everything)
    tm.refit(everything)
    after = tm.labels_
    assert np.mean(before == after) >= 0.9
    assert tm.next_id_ >= max(tm.topics_["topic_id"]) + 1


def test_curation_rename_merge_split_pin_ignore(tmp_path) -> None:
    log = make_log(600, months=MONTHS, seed=1)
    base = TopicModel(random_state=0).fit(log)
    topic_of = {t: int(pd.Series(base.labels_[(log["true_topic"] == t).to_numpy()]).mode()[0]) for t in TEMPLATES}
    a, b = topic_of["renew"], topic_of["room"]
    p = int(base.assign(["Where can I print my poster?"])[0])  # the printing topic this wording belongs to
    assert (log["true_topic"].to_numpy()[base.labels_ == p] == "print").mean() > 0.9
    # the curation below needs four different topics to rename, merge, split and ignore
    assert len({a, b, p, topic_of["wifi"]}) == 4, f"the base fit mixes topics: {topic_of}"
    file = tmp_path / "topics.toml"
    file.write_text(
        f"pin = [{p}]\nignore = [{topic_of['wifi']}]\n\n[rename]\n{p} = \"Printing\"\n\n"
        f"[[merge]]\ntopics = [{a}, {b}]\nlabel = \"Renewals and rooms\"\n\n"
        f"[[split]]\ntopic = {p}\nkeywords = [\"poster\"]\nlabel = \"Poster printing\"\n",
        encoding="utf-8",
    )
    tm = TopicModel(random_state=0, curation=file).fit(log)
    t = tm.topics_.set_index("topic_id")
    assert t.at[p, "label"] == "Printing" and bool(t.at[p, "pinned"])
    assert t.at[topic_of["wifi"], "status"] == "ignored"
    assert b not in t.index and t.at[a, "label"] == "Renewals and rooms"
    assert (tm.labels_[base.labels_ == b] == a).all()
    assert (tm.labels_[base.labels_ == a] == a).all()
    poster = [i for i, x in enumerate(log["text"]) if "poster" in x.lower() and base.labels_[i] == p]
    assert poster and set(tm.labels_[poster]) == {t.index[t["label"] == "Poster printing"][0]}
    split_id = int(t.index[t["label"] == "Poster printing"][0])
    assert t.at[split_id, "first_seen"] is not None and t.at[split_id, "size"] == len(poster)
    assert "split" in set(tm.lineage_.loc[tm.lineage_["topic_id"] == split_id, "event"])
    # curation is applied to new questions and survives a refit with the same split id
    assert tm.assign(["Where can I print my poster?"])[0] == split_id
    tm.refit(log)
    assert tm.assign(["Where can I print my poster?"])[0] == split_id
    assert tm.topics_.set_index("topic_id").at[p, "label"] == "Printing"


def test_curation_errors_are_one_line_config_errors(log: pd.DataFrame, tmp_path) -> None:
    with pytest.raises(ConfigError, match="unknown curation key"):
        load_curation({"rename_all": 1})
    with pytest.raises(ConfigError, match="not a topic id"):
        load_curation({"pin": ["printing"]})
    with pytest.raises(ConfigError, match="two or more"):
        load_curation({"merge": [{"topics": [1]}]})
    bad = tmp_path / "topics.toml"
    bad.write_text("pin = [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_curation(bad)
    assert load_curation(tmp_path / "missing.toml")["pin"] == []
    with pytest.raises(ConfigError, match="does not know"):
        TopicModel(random_state=0, curation={"rename": {999: "x"}}).fit(log)


def test_find_clusters_numbers_by_size_and_is_seeded() -> None:
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(4, 16))
    X = np.vstack([c + 0.05 * rng.normal(size=(n, 16)) for c, n in zip(centres, [50, 30, 20, 10])])
    X = (X / np.linalg.norm(X, axis=1, keepdims=True)).astype(np.float32)
    a = find_clusters(X, random_state=0)
    np.testing.assert_array_equal(a, find_clusters(X, random_state=0))
    assert np.bincount(a)[0] == np.bincount(a).max()
    assert clustering_scores(np.repeat([0, 1, 2, 3], [50, 30, 20, 10]), a)["ari"] > 0.9


def test_from_config_reads_the_topics_section(tmp_path) -> None:
    from asklens.config import Config

    cfg = Config()
    cfg.path = str(tmp_path / "asklens.toml")
    cfg.topics.n_topics = 4
    cfg.topics.random_state = 7
    cfg.topics.max_topics = 40
    tm = TopicModel.from_config(cfg)
    assert tm.n_topics == 4 and tm.random_state == 7 and tm.backend == "tfidf" and tm.max_topics == 40
    assert TopicModel.from_config(Config()).max_topics is None
    assert tm.curation == str(tmp_path / "topics.toml")
    assert tm.cache_dir == str(tmp_path / "data" / "cache")


def test_update_keeps_the_descriptions_of_known_topics(log: pd.DataFrame) -> None:
    tm = TopicModel(random_state=0).fit(log)
    before = tm.topics_.set_index("topic_id")[["label", "keywords", "examples"]]
    tm.update(make_log(30, months=["2025-01"], seed=9, topics={"print": TEMPLATES["print"]}))
    after = tm.topics_.set_index("topic_id")[["label", "keywords", "examples"]]
    pd.testing.assert_frame_equal(after.loc[before.index], before)


@pytest.mark.slow
def test_ids_survive_a_refit_on_the_sample_workspace() -> None:
    """Fit on months 1-12 of data/sample, update monthly to 24, refit on all: >= 90% keep their topic id."""
    from pathlib import Path

    import asklens

    folder = Path(__file__).resolve().parents[1] / "data" / "sample" / "questions"
    if not folder.is_dir():
        pytest.skip("the sample workspace is not generated")
    questions = asklens.read_questions([folder])
    months = questions["asked_at"].dt.strftime("%Y-%m")
    order = sorted(months.unique())[:24]
    tm = TopicModel(random_state=0).fit(questions[months.isin(order[:12])])
    for month in order[12:]:
        ids = tm.update(questions[months == month])
        assert np.mean(ids < 0) <= 0.05
    everything = questions[months.isin(order)]
    before = tm.assign(everything)
    tm.refit(everything)
    assert np.mean(before == tm.labels_) >= 0.9
    assert np.mean(tm.labels_ < 0) <= 0.05


def test_the_reference_rows_are_the_oldest_questions():
    # semantic token weights come from these rows: the oldest, so a growing log keeps its weights
    periods = ["2025-03", "2025-01", None, "2025-01", "2025-02"]
    assert _oldest_rows(5, periods, 3) == [1, 3, 4]
    assert _oldest_rows(5, periods, 10) == [0, 1, 2, 3, 4]
    assert _oldest_rows(6, periods + ["2024-12"], 2) == [1, 5]
    assert _oldest_rows(4, None, 2) == [0, 1]
    # a month added at the end leaves the reference of a log with enough older rows unchanged
    assert _oldest_rows(6, periods + ["2025-04"], 3) == _oldest_rows(5, periods, 3)
