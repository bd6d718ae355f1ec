"""Tests for asklens.plotting: figures are checked by structure, never by pixels."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from asklens import plotting


def _title(fig: go.Figure) -> str:
    """The title as read (long titles are wrapped over lines with <br>)."""
    return fig.layout.title.text.replace("<br>", " ")


def _common(fig: go.Figure, title_word: str) -> dict:
    assert isinstance(fig, go.Figure)
    d = fig.to_dict()
    assert d["layout"]["template"]["layout"]["paper_bgcolor"] == "white"  # plotly_white
    assert title_word.lower() in _title(fig).lower()
    assert list(fig.layout.colorway) == plotting.PALETTE
    return d


@pytest.fixture()
def trends_table() -> pd.DataFrame:
    rows = []
    for tid, label, base in ((0, "Renewals", 30), (1, "Printing", 20), (2, "Room booking", 5), (-1, "Misc", 50)):
        for m in range(1, 13):
            rows.append({"topic_id": tid, "topic_label": label, "period": f"2025-{m:02d}", "n_questions": base + m})
    return pd.DataFrame(rows)


def test_palette_is_okabe_ito():
    assert plotting.PALETTE[:3] == ["#0072B2", "#E69F00", "#009E73"]
    assert len(set(plotting.PALETTE)) == 8


def test_monthly_volume_highlights_the_report_month():
    monthly = pd.DataFrame({"period": [f"2025-{m:02d}" for m in range(1, 13)], "n_questions": range(10, 130, 10)})
    fig = plotting.plot_monthly_volume(monthly, highlight="2025-12", months=6)
    d = _common(fig, "Questions per month")
    assert d["data"][0]["type"] == "bar"
    bar = fig.data[0]
    assert list(bar.x) == [f"2025-{m:02d}" for m in range(7, 13)]
    assert list(bar.y) == [70, 80, 90, 100, 110, 120]
    colours = list(bar.marker.color)
    assert colours[-1] == plotting.PALETTE[1] and set(colours[:-1]) == {plotting.PALETTE[0]}
    assert fig.layout.xaxis.title.text == "Month" and fig.layout.yaxis.title.text == "Questions"


def test_channel_mix_stacks_one_trace_per_channel_biggest_first():
    mix = pd.DataFrame({"period": ["2025-11", "2025-11", "2025-12", "2025-12"],
                        "channel": ["chat", "email", "chat", "email"], "n_questions": [5, 9, 6, 10]})
    fig = plotting.plot_channel_mix(mix)
    _common(fig, "arrive")
    assert [t.name for t in fig.data] == ["email", "chat"]
    assert fig.layout.barmode == "stack" and fig.layout.legend.title.text == "Channel"


def test_topic_trends_leaves_out_misc_and_keeps_the_biggest(trends_table):
    fig = plotting.plot_topic_trends(trends_table, top_n=2)
    _common(fig, "main topics")
    assert [t.name for t in fig.data] == ["Renewals", "Printing"]
    assert all(t.mode == "lines+markers" for t in fig.data)
    chosen = plotting.plot_topic_trends(trends_table, topic_ids=[2])
    assert [t.name for t in chosen.data] == ["Room booking"] and "changed" in _title(chosen)


def test_rising_topics_shows_only_changes():
    rising = pd.DataFrame({"topic_label": ["A", "B", "C"], "n_recent": [30, 12, 4], "n_baseline": [10, 0, 20],
                           "status": ["rising", "new", "steady"]})
    fig = plotting.plot_rising_topics(rising)
    _common(fig, "rising")
    assert len(fig.data) == 2
    assert list(fig.data[1].y) == ["A (rising)", "B (new)"] and list(fig.data[1].x) == [30, 12]
    empty = plotting.plot_rising_topics(rising[rising["status"] == "steady"])
    assert len(empty.data) == 0 and "normal ups and downs" in empty.layout.annotations[0].text
    named = plotting.plot_rising_topics(rising, window_months=12)
    assert [t.name for t in named.data] == ["The 12 months before", "Last 12 months"]


def test_load_heatmap_is_seven_by_twenty_four_in_weekday_order():
    grid = pd.MultiIndex.from_product([range(7), range(24)], names=["weekday", "hour"]).to_frame(index=False)
    names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    grid["weekday_name"] = grid["weekday"].map(dict(enumerate(names)))
    grid["per_week"] = np.where((grid["weekday"] == 1) & (grid["hour"] == 14), 9.0, 1.0)
    fig = plotting.plot_load_heatmap(grid.sample(frac=1.0, random_state=0))
    _common(fig, "When questions arrive")
    hm = fig.data[0]
    assert hm.type == "heatmap" and hm.colorscale[0][1] != hm.colorscale[-1][1]
    z = np.asarray(hm.z)
    assert z.shape == (7, 24) and list(hm.y) == names and hm.x[14] == "14:00"
    assert z[1, 14] == 9.0 and z.sum() == 167 + 9
    assert fig.layout.xaxis.title.text == "Hour of the day"


def test_seasonal_draws_this_term_against_last_year():
    seasonal = pd.DataFrame({"term": "Fall 2025", "last_year_term": "Fall 2024", "term_week": [1, 2, 3],
                             "n_this_year": [50, 80, 70], "n_last_year": [45, 60, 72]})
    fig = plotting.plot_seasonal(seasonal)
    _common(fig, "same term last year")
    assert [t.name for t in fig.data] == ["Fall 2024", "Fall 2025"]
    assert list(fig.data[1].y) == [50, 80, 70]
    assert fig.layout.xaxis.title.text == "Week of term"
    empty = plotting.plot_seasonal(seasonal.iloc[0:0])
    assert "No term" in empty.layout.annotations[0].text


def test_automation_coverage_custom_work_and_redactions():
    cand = pd.DataFrame({"topic_label": ["Renew", "Print", "Hours"], "hours_saved": [3.0, 10.0, np.nan]})
    fig = plotting.plot_automation_candidates(cand)
    _common(fig, "automate")
    assert list(fig.data[0].y) == ["Print", "Renew"] and fig.layout.yaxis.autorange == "reversed"
    cov = pd.DataFrame({"topic_label": ["A", "B"], "coverage": [0.2, 0.9], "n_questions": [10, 300]})
    fig = plotting.plot_coverage(cov)
    _common(fig, "FAQ")
    assert list(fig.data[0].y) == ["B (300)", "A (10)"] and list(fig.data[0].x) == [90.0, 20.0]
    assert fig.data[0].marker.color[1] == plotting.PALETTE[5]  # under half covered stands out
    custom = pd.DataFrame({"topic_label": ["Research", "Citations"], "high_effort_share": [0.8, 0.5],
                           "n_questions": [40, 25]})
    fig = plotting.plot_custom_work(custom)
    _common(fig, "people")
    assert list(fig.data[0].x) == [80.0, 50.0] and "READ 3" in fig.layout.xaxis.title.text
    red = pd.DataFrame({"kind": ["email", "card_number"], "count": [3, 7]})
    fig = plotting.plot_redactions(red)
    _common(fig, "Personal details")
    assert list(fig.data[0].x) == ["card number", "email"]


def test_empty_tables_give_a_titled_empty_figure_and_missing_columns_say_which():
    for func, cols in ((plotting.plot_automation_candidates, ["topic_label", "hours_saved"]),
                       (plotting.plot_coverage, ["topic_label", "coverage", "n_questions"]),
                       (plotting.plot_custom_work, ["topic_label", "high_effort_share"]),
                       (plotting.plot_monthly_volume, ["period", "n_questions"])):
        fig = func(pd.DataFrame(columns=cols))
        assert len(fig.data) == 0 and _title(fig) and fig.layout.annotations
    with pytest.raises(ValueError, match="'hours_saved'"):
        plotting.plot_automation_candidates(pd.DataFrame({"topic_label": ["x"]}))


def test_long_labels_are_cut_and_markup_is_not_interpreted_by_us():
    label = "<b>" + "very long topic label " * 5
    cand = pd.DataFrame({"topic_label": [label], "hours_saved": [1.0]})
    fig = plotting.plot_automation_candidates(cand)
    shown = fig.data[0].y[0]
    assert len(shown) <= 48 and shown.endswith("…")


def test_figures_do_not_mutate_their_input(trends_table):
    before = trends_table.copy()
    plotting.plot_topic_trends(trends_table)
    pd.testing.assert_frame_equal(trends_table, before)


def test_figures_from_the_trends_analyses():
    from asklens import trends

    rng = np.random.default_rng(0)
    n = 600
    asked = pd.Timestamp("2025-01-01", tz="America/New_York") + pd.to_timedelta(rng.integers(0, 365 * 24, n), "h")
    q = pd.DataFrame({"asked_at": asked, "topic_id": rng.integers(-1, 4, n),
                      "channel": rng.choice(["chat", "email", "desk"], n)})
    assert len(plotting.plot_topic_trends(trends.topic_trends(q)).data) == 4
    assert len(plotting.plot_channel_mix(trends.channel_mix(q)).data) == 3
    assert np.asarray(plotting.plot_load_heatmap(trends.load_heatmap(q)).data[0].z).shape == (7, 24)


def test_coverage_leaves_out_uncovered_topics_and_explains_colours():
    cov = pd.DataFrame({"topic_label": ["A", "B", "C"], "coverage": [0.0, 0.9, 0.3], "n_questions": [50, 30, 20]})
    fig = plotting.plot_coverage(cov, subtitle="last 12 months")
    assert list(fig.data[0].y) == ["B (30)", "C (20)"]
    note = fig.layout.annotations[0].text
    assert "Orange" in note and "1 topic with no FAQ answer at all is left out" in note
    assert "last 12 months" in _title(fig)
    everything = plotting.plot_coverage(cov, covered_only=False)
    assert len(everything.data[0].y) == 3


def test_topic_trends_are_small_multiples_on_one_scale(trends_table):
    fig = plotting.plot_topic_trends(trends_table, top_n=3, columns=2)
    assert len(fig.data) == 3 and not any(t.showlegend for t in fig.data)
    titles = [a.text for a in fig.layout.annotations]
    assert titles == [t.name for t in fig.data]
    assert fig.layout.yaxis2.matches == "y" and fig.layout.yaxis3.matches == "y"
    assert fig.layout.yaxis.matches is None  # plotly ignores (and warns about) an axis matching itself


def test_hover_labels_are_escaped(trends_table):
    t = trends_table.copy()
    t["topic_label"] = t["topic_label"].astype(object)
    t.loc[t["topic_id"] == t["topic_id"].iloc[0], "topic_label"] = "<b>Fines</b> %{y} & fees"
    fig = plotting.plot_topic_trends(t, top_n=3, columns=2)
    templates = " ".join(str(tr.hovertemplate) for tr in fig.data)
    assert "&lt;b&gt;Fines&lt;/b&gt;" in templates and "<b>" not in templates
    assert "%{y} &amp; fees" not in templates and "&amp; fees" in templates


def test_charts_that_draw_only_the_top_rows_say_so():
    rows = pd.DataFrame({"topic_label": [f"T{i}" for i in range(20)], "hours_saved": np.arange(20.0),
                         "coverage": np.linspace(0.05, 1, 20), "n_questions": np.arange(20) + 1,
                         "high_effort_share": np.linspace(0.4, 0.9, 20)})
    assert _title(plotting.plot_automation_candidates(rows, top_n=10)).endswith(
        ": the 10 most hours of 20")
    assert _title(plotting.plot_coverage(rows, top_n=15)).endswith(": the 15 largest of 20")
    assert _title(plotting.plot_custom_work(rows, top_n=12)).endswith(": the 12 highest of 20")
    assert "of" not in _title(plotting.plot_custom_work(rows.head(5), top_n=12)).split(":")[-1]


def test_automation_hours_under_one_hour_keep_their_ranking():
    # most topics save well under an hour a month; rounding to 0.1 drew 0.34, 0.31 and 0.27 as equal bars
    cand = pd.DataFrame({"topic_label": ["A", "B", "C"], "hours_saved": [0.34, 0.31, 0.27]})
    fig = plotting.plot_automation_candidates(cand)
    assert list(fig.data[0].x) == [0.34, 0.31, 0.27]
    assert list(fig.data[0].text) == ["0.34", "0.31", "0.27"]


def test_monthly_volume_title_says_what_the_orange_bar_is():
    monthly = pd.DataFrame({"period": ["2025-10", "2025-11", "2025-12"], "n_questions": [5, 6, 7]})
    fig = plotting.plot_monthly_volume(monthly, highlight="2025-12")
    assert _title(fig) == "Questions per month, last 3 months (2025-12 in orange)"
    assert "orange" not in _title(plotting.plot_monthly_volume(monthly, highlight="2024-01"))


def test_long_titles_wrap_so_a_phone_shows_them_whole():
    # before: one line of ~90 characters, cut off at about 55 on a 420 px screen
    cov = pd.DataFrame({"topic_label": ["Renewals", "Printing"], "coverage": [0.5, 0.9], "n_questions": [10, 20]})
    fig = plotting.plot_coverage(cov, subtitle="last 12 months")
    lines = fig.layout.title.text.split("<br>")
    assert len(lines) >= 2 and max(len(x) for x in lines) <= 55
    assert _title(fig) == "How much of each topic the FAQ already answers (last 12 months)"
    assert fig.layout.margin.t >= 40 + 20 * len(lines)  # room for every line above the plot
    short = plotting.plot_monthly_volume(pd.DataFrame({"period": ["2025-11", "2025-12"], "n_questions": [3, 4]}))
    assert "<br>" not in short.layout.title.text


# ----------------------------------------------------------------------------- phone layout

LONG = ["Library Databases from Home (Campus)", "Interlibrary Loan Request Status", "Printing"]


def test_phone_layout_puts_long_bar_labels_above_the_bars():
    # before: on a 400 px screen these labels left the bars some 60 px of a 300 px figure
    cand = pd.DataFrame({"topic_label": LONG, "hours_saved": [3.0, 2.0, 1.0]})
    fig = plotting.plot_automation_candidates(cand)
    before = fig.to_dict()
    spec = plotting.phone_layout(fig)
    assert fig.to_dict() == before  # the figure is not changed
    phone, wide = spec["phone"]["layout"], spec["wide"]["layout"]
    assert phone["yaxis.showticklabels"] is False and phone["margin.l"] < fig.layout.margin.l
    labels = phone["annotations"]
    assert [a["text"] for a in labels] == LONG  # every bar, in the drawn order
    assert all(a["xref"] == "paper" and a["x"] == 0 and a["xanchor"] == "left" for a in labels)
    # the axis is reversed (biggest first): a label sits above its bar, at a smaller category number
    assert [a["yanchor"] for a in labels] == ["bottom"] * 3
    assert all(i - 0.5 < a["y"] < i for i, a in enumerate(labels))
    assert phone["yaxis.autorange"] == "reversed" and 0.3 < phone["bargap"] < 0.6
    assert phone["height"] >= 3 * (plotting._PHONE_BAR + plotting._PHONE_LABEL)
    # the x-axis title wraps instead of running off the screen
    assert max(len(x) for x in phone["xaxis.title.text"].split("<br>")) <= plotting._PHONE_TITLE
    # wide: the figure's own values of the same attributes, None where plotly's default applies
    assert set(wide) == set(phone)
    assert wide["yaxis.showticklabels"] is None and wide["yaxis.autorange"] == "reversed"
    assert wide["annotations"] == [] and wide["height"] == fig.layout.height
    assert wide["xaxis.title.text"] == "Staff hours saved per month (estimate)"
    assert spec["phone"]["traces"] == spec["wide"]["traces"] == []


def test_phone_layout_of_a_chart_in_plotly_order_and_with_a_note():
    # not reversed: category 0 is the bottom bar, and its top edge is above its centre
    fig = go.Figure(go.Bar(y=["a", "b"], x=[1, 2], orientation="h"))
    labels = plotting.phone_layout(fig)["phone"]["layout"]["annotations"]
    assert 0 < labels[0]["y"] < 0.5 and labels[1]["y"] == pytest.approx(labels[0]["y"] + 1)
    # a coverage chart keeps its note (in a notebook) besides the bar labels
    cov = pd.DataFrame({"topic_label": ["A", "B"], "coverage": [0.2, 0.9], "n_questions": [10, 300]})
    phone = plotting.phone_layout(plotting.plot_coverage(cov))["phone"]["layout"]
    assert phone["annotations"][0]["name"] == plotting.NOTE_NAME
    assert [a["text"] for a in phone["annotations"][1:]] == ["B (300)", "A (10)"]


def test_phone_layout_of_grouped_bars_leaves_room_for_both_bars():
    rising = pd.DataFrame({"topic_label": ["Fines", "Cite"], "n_recent": [5, 50], "n_baseline": [40, 10],
                           "status": ["fading", "rising"]})
    one = plotting.phone_layout(plotting.plot_automation_candidates(
        pd.DataFrame({"topic_label": ["Fines", "Cite"], "hours_saved": [1.0, 2.0]})))["phone"]["layout"]
    two = plotting.phone_layout(plotting.plot_rising_topics(rising))["phone"]["layout"]
    assert [a["text"] for a in two["annotations"]] == ["Fines (fading)", "Cite (rising)"]
    assert two["height"] - one["height"] >= 2 * plotting._PHONE_BAR - 40  # a taller slot per topic
    assert two["bargap"] < one["bargap"]  # the label takes a smaller share of the taller slot
    assert two["legend.orientation"] == "h" and two["legend.y"] > 1  # legend above the plot, not beside it


def test_phone_layout_lays_small_multiples_out_in_two_columns(trends_table):
    rows = []
    for tid in range(6):
        for m in range(1, 13):
            rows.append({"topic_id": tid, "topic_label": f"Topic {tid}", "period": f"2025-{m:02d}",
                         "n_questions": tid + m})
    fig = plotting.plot_topic_trends(pd.DataFrame(rows), top_n=6, columns=3)
    phone = plotting.phone_layout(fig)["phone"]["layout"]
    xs = {k[:-len(".domain")]: v for k, v in phone.items() if k.startswith("xaxis") and k.endswith(".domain")}
    ys = {k[:-len(".domain")]: v for k, v in phone.items() if k.startswith("yaxis") and k.endswith(".domain")}
    assert len(xs) == len(ys) == 6
    assert len({tuple(v) for v in xs.values()}) == 2  # two columns
    assert len({tuple(v) for v in ys.values()}) == 3  # three rows
    for dom in [*xs.values(), *ys.values()]:
        assert 0 <= dom[0] < dom[1] <= 1
    assert min(v[1] - v[0] for v in xs.values()) > 0.4  # each panel some half the width, not a third
    # row by row: panel 1 top left, panel 2 top right; only the left column has tick labels and a title
    assert xs["xaxis"][0] == 0 and xs["xaxis2"][0] > 0.5 and ys["yaxis"] == ys["yaxis2"]
    assert phone["yaxis.showticklabels"] is True and phone["yaxis2.showticklabels"] is False
    assert phone["yaxis3.title.text"] == "Questions" and phone["yaxis2.title.text"] == ""
    # the subplot titles follow their panels
    titles = {a["text"]: a for a in phone["annotations"]}
    second = fig.data[1].name  # drawn in the top right panel
    assert titles[second]["x"] == pytest.approx(sum(xs["xaxis2"]) / 2)
    assert titles[second]["y"] == pytest.approx(ys["yaxis2"][1])
    # a grid of two columns already fits
    two = plotting.plot_topic_trends(pd.DataFrame(rows), top_n=4, columns=2)
    assert not any(k.endswith(".domain") for k in plotting.phone_layout(two)["phone"]["layout"])


def test_phone_layout_puts_colour_bars_and_legends_above_the_plot_and_frees_forced_ticks():
    load = pd.DataFrame({"weekday": [0, 1], "weekday_name": ["Monday", "Tuesday"], "hour": [9, 10],
                         "per_week": [1.0, 2.0]})
    spec = plotting.phone_layout(plotting.plot_load_heatmap(load))
    [(i, bar)] = spec["phone"]["traces"]
    assert i == 0 and bar["colorbar.orientation"] == "h" and bar["colorbar.y"] > 1
    assert bar["colorbar.title.text"] == "Questions per week"  # one line across the top
    [(_, undo)] = spec["wide"]["traces"]
    assert undo["colorbar.orientation"] is None and undo["colorbar.title.text"] == "Questions<br>per week"
    assert "legend.orientation" not in spec["phone"]["layout"]  # a heatmap has no legend
    mix = pd.DataFrame({"period": ["2025-12"] * 3, "channel": ["chat", "email", "desk"], "n_questions": [1, 2, 3]})
    assert plotting.phone_layout(plotting.plot_channel_mix(mix))["phone"]["layout"]["legend.orientation"] == "h"
    seasonal = pd.DataFrame({"term": "Fall 2025", "last_year_term": "Fall 2024", "term_week": range(1, 17),
                             "n_this_year": range(16), "n_last_year": range(16)})
    spec = plotting.phone_layout(plotting.plot_seasonal(seasonal))
    assert spec["phone"]["layout"]["xaxis.dtick"] is None and spec["wide"]["layout"]["xaxis.dtick"] == 1


def test_phone_layout_leaves_a_chart_that_fits_alone():
    monthly = pd.DataFrame({"period": ["2025-11", "2025-12"], "n_questions": [3, 4]})
    for fig in (plotting.plot_monthly_volume(monthly), plotting.plot_automation_candidates(
            pd.DataFrame(columns=["topic_label", "hours_saved"])), go.Figure()):
        spec = plotting.phone_layout(fig.to_dict())  # a figure's dict works as well
        assert spec == {"phone": {"layout": {}, "traces": []}, "wide": {"layout": {}, "traces": []}}


def test_bar_hovers_show_the_whole_label_escaped():
    label = "<b>Fines</b> & fees for " + "very long topic label " * 4
    cand = pd.DataFrame({"topic_label": [label], "hours_saved": [1.0], "n_questions": [7],
                         "high_effort_share": [0.5], "coverage": [0.5]})
    whole = " ".join(label.split())
    for fig in (plotting.plot_automation_candidates(cand), plotting.plot_custom_work(cand),
                plotting.plot_coverage(cand)):
        bar = fig.data[0]
        assert len(bar.y[0]) <= 48 + 8  # the bar's own label is cut…
        assert bar.customdata[0].startswith("&lt;b&gt;Fines&lt;/b&gt; &amp; fees for very long")  # …not its hover
        assert bar.customdata[0].replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").startswith(whole)
        assert "%{customdata}" in bar.hovertemplate and "<b>" not in bar.customdata[0]


def test_coverage_colours_follow_the_threshold_the_rubric_uses():
    # before: orange meant "under half" while a topic counts as covered from min_coverage (20%) on
    cov = pd.DataFrame({"topic_label": ["a", "b", "c"], "coverage": [0.1, 0.3, 0.8], "n_questions": [30, 20, 10]})
    fig = plotting.plot_coverage(cov, threshold=0.2)
    colours = list(fig.data[0].marker.color)
    assert colours[0] == plotting.PALETTE[5] and colours[1] == colours[2] == plotting.PALETTE[0]
    notes = [a.text for a in fig.layout.annotations if a.name == plotting.NOTE_NAME]
    assert notes and "under 20%" in notes[0] and "20% or more" in notes[0]
    assert "under half" in [a.text for a in plotting.plot_coverage(cov).layout.annotations][0]
