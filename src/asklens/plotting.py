"""Figures for reports: each function takes a tidy result table and returns a plotly Figure.

The library never shows or writes a figure; a notebook displays it. Every figure uses
the ``plotly_white`` template, the Okabe–Ito colour-blind-safe palette (``cividis``
for heatmaps), and a title and axis labels in plain words. A figure takes a table
(not a fitted model), so it can be tested alone by its structure. :func:`phone_layout`
says how a figure changes on a phone (bar labels above the bars, legends above the plot,
two columns of small multiples); the HTML report applies it below :data:`PHONE_WIDTH`.

Examples
--------
>>> from asklens import plotting, trends
>>> fig = plotting.plot_load_heatmap(trends.load_heatmap(questions))  # doctest: +SKIP
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

__all__ = [
    "PALETTE",
    "plot_monthly_volume",
    "plot_channel_mix",
    "plot_topic_trends",
    "plot_rising_topics",
    "plot_load_heatmap",
    "plot_seasonal",
    "plot_automation_candidates",
    "plot_coverage",
    "plot_custom_work",
    "plot_redactions",
    "phone_layout",
    "PHONE_WIDTH",
]

#: ``name`` of a figure's explanatory note (a report shows it as HTML under the chart's title)
NOTE_NAME = "asklens-note"
#: Okabe & Ito (2008) colours, distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
HEATMAP_SCALE = "cividis"
TEMPLATE = "plotly_white"
_MAX_LABEL = 48
#: characters per line of a chart title
_TITLE_WIDTH = 55
#: a chart drawn narrower than this (px) switches to its :func:`phone_layout`
PHONE_WIDTH = 600
#: characters per line of an axis title on a phone
_PHONE_TITLE = 30
#: px above each bar of a horizontal bar chart on a phone, for the bar's label
_PHONE_LABEL = 22
#: px of one bar of a horizontal bar chart on a phone
_PHONE_BAR = 24


def _hover(text: str) -> str:
    """Return ``text`` safe inside a hover template: HTML escaped, and no ``%{…}`` read as a variable."""
    return html.escape(str(text)).replace("%{", "%\u200b{")


def _of(shown: int, total: int, which: str) -> str:
    """Return a title's note that only part of the rows is drawn (empty when all are)."""
    return f": the {shown} {which} of {total}" if shown < total else ""


def _short(label: object, n: int = _MAX_LABEL) -> str:
    text = " ".join(str(label).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _full_labels(labels: Sequence[object], counts: Sequence[object] | None = None) -> list[str]:
    """Return whole labels for a hover (a bar's own label may be cut), HTML escaped, ``(n)`` added when counted."""
    texts = [" ".join(str(v).split()) for v in labels]
    if counts is not None:
        texts = [f"{t} ({int(n):,})" for t, n in zip(texts, counts)]
    return [html.escape(t) for t in texts]


def _need(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{what} needs a pandas DataFrame, got {type(table).__name__}")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{what} needs the column(s) {', '.join(map(repr, missing))}; "
                         f"the table has {', '.join(map(str, table.columns))}")


def _wrap(title: str, width: int = _TITLE_WIDTH) -> list[str]:
    """Split a title into lines of at most ``width`` characters at spaces (plotly never wraps a title)."""
    lines: list[str] = []
    for word in title.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _layout(fig: go.Figure, *, title: str, x: str, y: str, height: int = 420, legend: str | None = None) -> go.Figure:
    # long titles are wrapped (a phone shows about 55 characters of a one-line title, then cuts it off)
    lines = _wrap(title)
    fig.update_layout(
        template=TEMPLATE,
        title={"text": "<br>".join(lines), "x": 0.0, "xanchor": "left"},
        xaxis_title=x,
        yaxis_title=y,
        colorway=PALETTE,
        margin={"l": 60, "r": 30, "t": 40 + 20 * len(lines), "b": 50},
        height=height + 20 * (len(lines) - 1),
        legend_title_text=legend or "",
        font={"family": "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif", "size": 13},
        hoverlabel={"namelength": -1},
    )
    return fig


def _empty(title: str, message: str = "No data for this period") -> go.Figure:
    fig = go.Figure()
    _layout(fig, title=title, x="", y="", height=220)
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper",
                       font={"size": 15, "color": "#52606d"})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def plot_monthly_volume(monthly: pd.DataFrame, *, period_col: str = "period", count_col: str = "n_questions",
                        highlight: str | None = None, months: int = 24) -> go.Figure:
    """Plot questions per month as bars, the report month highlighted.

    Parameters
    ----------
    monthly : DataFrame
        One row per month (or per month and something else, summed): ``period``
        (``"2025-12"``) and ``n_questions``.
    period_col, count_col : str
        Column names.
    highlight : str, optional
        The month to colour differently (the report month).
    months : int, default 24
        Show at most the last ``months`` months.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    title = "Questions per month"
    _need(monthly, [period_col, count_col], "plot_monthly_volume")
    if monthly.empty:
        return _empty(title)
    per = monthly.groupby(period_col, sort=True)[count_col].sum().tail(months)
    colours = [PALETTE[1] if str(p) == str(highlight) else PALETTE[0] for p in per.index]
    title += f", last {len(per)} months" if len(per) > 1 else ""
    if len(per) > 1 and any(str(p) == str(highlight) for p in per.index):
        title += f" ({highlight} in orange)"  # the one orange bar has no legend: say what it is
    fig = go.Figure(go.Bar(x=[str(p) for p in per.index], y=per.to_numpy(), marker_color=colours,
                           name="Questions", hovertemplate="%{x}: %{y:,} questions<extra></extra>"))
    _layout(fig, title=title, x="Month", y="Questions")
    fig.update_xaxes(type="category")
    return fig


def plot_channel_mix(mix: pd.DataFrame, *, months: int = 13) -> go.Figure:
    """Plot how questions arrive (chat, email, desk…) per month as stacked bars.

    Parameters
    ----------
    mix : DataFrame
        From :func:`asklens.trends.channel_mix`: ``period``, ``channel``, ``n_questions``.
    months : int, default 13
        Show the last ``months`` months.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    title = "How questions arrive, per month"
    _need(mix, ["period", "channel", "n_questions"], "plot_channel_mix")
    if mix.empty:
        return _empty(title)
    keep = sorted(mix["period"].astype(str).unique())[-months:]
    data = mix[mix["period"].astype(str).isin(keep)]
    title += f", last {len(keep)} months" if len(keep) > 1 else ""
    order = data.groupby("channel")["n_questions"].sum().sort_values(ascending=False).index
    fig = go.Figure()
    for i, channel in enumerate(order):
        part = data[data["channel"] == channel].sort_values("period")
        fig.add_trace(go.Bar(x=part["period"].astype(str), y=part["n_questions"], name=_short(channel, 24),
                             marker_color=PALETTE[i % len(PALETTE)],
                             hovertemplate="%{x}: %{y:,} questions<extra>" + _hover(_short(channel, 24)) + "</extra>"))
    _layout(fig, title=title, x="Month", y="Questions", legend="Channel")
    fig.update_layout(barmode="stack")
    fig.update_xaxes(type="category")
    return fig


def plot_topic_trends(trends: pd.DataFrame, *, top_n: int = 6, topic_ids: Sequence[int] | None = None,
                      months: int = 24, columns: int = 3) -> go.Figure:
    """Plot questions per month for the biggest (or the given) topics, one small panel each.

    Small multiples (one panel per topic, same scale) stay readable where one chart with
    many crossing lines does not.

    Parameters
    ----------
    trends : DataFrame
        From :func:`asklens.trends.topic_trends`: ``topic_id``, ``topic_label``,
        ``period``, ``n_questions``.
    top_n : int, default 6
        How many topics (the largest over the window), when ``topic_ids`` is not given.
    topic_ids : sequence of int, optional
        The topics to draw (e.g. the rising ones).
    months : int, default 24
        Show the last ``months`` periods.
    columns : int, default 3
        Panels per row.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    from plotly.subplots import make_subplots

    title = "Questions per month for the main topics"
    _need(trends, ["topic_id", "topic_label", "period", "n_questions"], "plot_topic_trends")
    data = trends[trends["topic_id"].astype(int) != -1]
    if data.empty:
        return _empty(title)
    keep = sorted(data["period"].astype(str).unique())[-months:]
    data = data[data["period"].astype(str).isin(keep)]
    if topic_ids is None:
        totals = data.groupby("topic_id")["n_questions"].sum().sort_values(ascending=False, kind="stable")
        ids = list(totals.index[:top_n])
    else:
        ids = [int(t) for t in topic_ids][:top_n]
        title = "Questions per month for the topics that changed"
    if not ids:
        return _empty(title, "No topic to show")
    parts = [(tid, data[data["topic_id"] == tid].sort_values("period")) for tid in ids]
    parts = [(tid, part) for tid, part in parts if not part.empty]
    if not parts:
        return _empty(title, "No topic to show")
    names = [_short(part["topic_label"].iloc[0], 40) for _, part in parts]
    title += f", last {len(keep)} months" if len(keep) > 1 else ""
    cols = max(1, min(columns, len(parts)))
    rows = -(-len(parts) // cols)
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=names, shared_yaxes=True,
                        horizontal_spacing=0.04, vertical_spacing=0.16 if rows > 1 else 0.1)
    for i, ((_, part), name) in enumerate(zip(parts, names)):
        fig.add_trace(go.Scatter(x=part["period"].astype(str), y=part["n_questions"], mode="lines+markers",
                                 name=name, line={"color": PALETTE[0], "width": 2}, marker={"size": 4},
                                 showlegend=False,
                                 hovertemplate="%{x}: %{y:,} questions<extra>" + _hover(name) + "</extra>"),
                      row=i // cols + 1, col=i % cols + 1)
    _layout(fig, title=title, x="", y="", height=120 + 230 * rows)
    fig.update_xaxes(type="category", nticks=4, tickangle=0)
    fig.update_yaxes(rangemode="tozero")
    for key in list(fig.layout):  # one scale for all panels (the first axis is the one the others match)
        if key.startswith("yaxis") and key != "yaxis":
            fig.layout[key].matches = "y"
    fig.update_yaxes(title_text="Questions", col=1)
    for ann in fig.layout.annotations:
        ann.font.size = 13
    return fig


def plot_rising_topics(rising: pd.DataFrame, *, top_n: int = 12, window_months: int | None = None) -> go.Figure:
    """Plot the topics flagged new, rising or fading: recent questions against the baseline.

    Parameters
    ----------
    rising : DataFrame
        From :func:`asklens.trends.rising_topics`: ``topic_label``, ``n_recent``,
        ``n_baseline``, ``status``.
    top_n : int, default 12
    window_months : int, optional
        The trend window, to name the bars ("Last 12 months", "The 12 months before").

    Returns
    -------
    plotly.graph_objects.Figure
    """
    title = "Topics that are new, rising or fading"
    _need(rising, ["topic_label", "n_recent", "n_baseline", "status"], "plot_rising_topics")
    data = rising[rising["status"].isin(["new", "rising", "fading"])].head(top_n)
    if data.empty:
        return _empty(title, "No topic's share of questions rose or fell beyond normal ups and downs")
    labels = [f"{_short(lbl, 40)} ({st})" for lbl, st in zip(data["topic_label"], data["status"])]
    full = _full_labels([f"{lbl} ({st})" for lbl, st in zip(data["topic_label"], data["status"])])
    fig = go.Figure()
    recent, before = ((f"Last {window_months} months", f"The {window_months} months before") if window_months
                      else ("Recent period", "The period before"))
    fig.add_trace(go.Bar(y=labels, x=data["n_baseline"], orientation="h", name=before,
                         marker_color=PALETTE[4], customdata=full,
                         hovertemplate="%{customdata}: %{x:,} before<extra></extra>"))
    fig.add_trace(go.Bar(y=labels, x=data["n_recent"], orientation="h", name=recent,
                         marker_color=PALETTE[0], customdata=full,
                         hovertemplate="%{customdata}: %{x:,} recently<extra></extra>"))
    _layout(fig, title=title, x="Questions", y="", legend="", height=max(260, 60 + 44 * len(data)))
    fig.update_layout(barmode="group")
    fig.update_yaxes(autorange="reversed")
    return fig


def plot_load_heatmap(load: pd.DataFrame, *, value_col: str = "per_week") -> go.Figure:
    """Plot when questions arrive: a weekday × hour-of-day heatmap.

    Parameters
    ----------
    load : DataFrame
        From :func:`asklens.trends.load_heatmap`: ``weekday``, ``weekday_name``,
        ``hour`` and ``per_week`` (or another ``value_col``).
    value_col : str, default "per_week"

    Returns
    -------
    plotly.graph_objects.Figure
    """
    title = "When questions arrive (average per week, library time)"
    _need(load, ["weekday", "weekday_name", "hour", value_col], "plot_load_heatmap")
    if load.empty:
        return _empty(title)
    grid = load.pivot_table(index=["weekday", "weekday_name"], columns="hour", values=value_col,
                            aggfunc="sum", fill_value=0).sort_index()
    grid = grid.reindex(columns=range(24), fill_value=0)
    days = [name for _, name in grid.index]
    hours = [f"{h:02d}:00" for h in grid.columns]
    fig = go.Figure(go.Heatmap(z=grid.to_numpy().round(2), x=hours, y=days, colorscale=HEATMAP_SCALE,
                               colorbar={"title": {"text": "Questions<br>per week"}},
                               hovertemplate="%{y} %{x}: %{z} questions per week<extra></extra>"))
    _layout(fig, title=title, x="Hour of the day", y="", height=380)
    fig.update_yaxes(autorange="reversed")
    return fig


def plot_seasonal(seasonal: pd.DataFrame) -> go.Figure:
    """Plot this term week by week against the same term a year earlier.

    Parameters
    ----------
    seasonal : DataFrame
        From :func:`asklens.trends.seasonal_comparison` with ``by_topic=False``:
        ``term``, ``last_year_term``, ``term_week``, ``n_this_year``, ``n_last_year``.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    title = "This term week by week, against the same term last year"
    _need(seasonal, ["term", "last_year_term", "term_week", "n_this_year", "n_last_year"], "plot_seasonal")
    if seasonal.empty:
        return _empty(title, "No term in the calendar covers this month")
    data = seasonal.groupby(["term", "last_year_term", "term_week"], as_index=False)[
        ["n_this_year", "n_last_year"]].sum().sort_values("term_week")
    this_name = _short(data["term"].iloc[0], 30)
    last_name = _short(data["last_year_term"].iloc[0], 30) or "a year earlier"
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=data["term_week"], y=data["n_last_year"], mode="lines+markers", name=last_name,
                             line={"color": PALETTE[4], "dash": "dash", "width": 2},
                             hovertemplate="week %{x}: %{y:,} questions<extra>" + _hover(last_name) + "</extra>"))
    fig.add_trace(go.Scatter(x=data["term_week"], y=data["n_this_year"], mode="lines+markers", name=this_name,
                             line={"color": PALETTE[0], "width": 3},
                             hovertemplate="week %{x}: %{y:,} questions<extra>" + _hover(this_name) + "</extra>"))
    _layout(fig, title=title, x="Week of term", y="Questions", legend="Term")
    fig.update_xaxes(dtick=1)
    return fig


def plot_automation_candidates(candidates: pd.DataFrame, *, label_col: str = "topic_label",
                               value_col: str = "hours_saved", top_n: int = 10, subtitle: str = "") -> go.Figure:
    """Plot the top automation candidates by estimated staff hours saved per month.

    Parameters
    ----------
    candidates : DataFrame
        Ranked candidates with a label and the hours saved (or another value column).
    label_col, value_col : str
    top_n : int, default 10
        The topics with the most hours saved (the report's table shows the same ones, in the same order).
    subtitle : str, default ""
        Appended to the title in parentheses, e.g. the period the estimate averages over.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    title = "What to automate next: estimated staff hours saved per month"
    if subtitle:
        title += f" ({subtitle})"
    _need(candidates, [label_col, value_col], "plot_automation_candidates")
    ranked = candidates.dropna(subset=[value_col])
    data = ranked.sort_values(value_col, ascending=False, kind="stable").head(top_n)
    if data.empty:
        return _empty(title, "No topic meets the automation rule this month")
    title += _of(len(data), len(ranked), "most hours")
    labels = [_short(v) for v in data[label_col]]
    # two decimals: most topics save well under an hour, and one decimal draws them all as 0.3
    values = data[value_col].astype(float)
    fig = go.Figure(go.Bar(y=labels, x=values.round(2), orientation="h",
                           marker_color=PALETTE[2], name="Hours saved",
                           text=[f"{v:.2f}" for v in values], textposition="outside", cliponaxis=False,
                           customdata=_full_labels(data[label_col]),
                           hovertemplate="%{customdata}: %{x:.2f} hours a month<extra></extra>"))
    _layout(fig, title=title, x="Staff hours saved per month (estimate)", y="",
            height=max(260, 70 + 36 * len(data)))
    fig.update_yaxes(autorange="reversed")
    top = float(values.max())
    if top > 0:  # room right of the longest bar for its number, also on a phone
        fig.update_xaxes(range=[0, top * 1.18])
    return fig


def plot_coverage(coverage: pd.DataFrame, *, label_col: str = "topic_label", coverage_col: str = "coverage",
                  count_col: str = "n_questions", top_n: int = 15, covered_only: bool = True,
                  subtitle: str = "", threshold: float = 0.5) -> go.Figure:
    """Plot how much of each big topic the FAQ answers (share of its questions covered).

    Parameters
    ----------
    coverage : DataFrame
        One row per topic: label, coverage (0–1) and number of questions.
    label_col, coverage_col, count_col : str
    top_n : int, default 15
        The largest topics.
    covered_only : bool, default True
        Leave out topics no FAQ answers at all (a note under the title says how many).
    subtitle : str, default ""
        Appended to the title in parentheses, e.g. the period.
    threshold : float, default 0.5
        Bars below this share are orange; pass the rubric's ``min_coverage`` so the colour
        matches the rule that calls a topic covered.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    title = "How much of each topic the FAQ already answers"
    if subtitle:
        title += f" ({subtitle})"
    _need(coverage, [label_col, coverage_col, count_col], "plot_coverage")
    data = coverage
    left_out = 0
    if covered_only:
        has = data[coverage_col].astype(float).fillna(0.0) > 0
        left_out = int((~has).sum())
        data = data[has]
    total = len(data)
    data = data.sort_values(count_col, ascending=False, kind="stable").head(top_n)
    if data.empty:
        return _empty(title, "No topic is answered by an FAQ" if left_out else "No data for this period")
    title += _of(len(data), total, "largest")
    labels = [f"{_short(v, 40)} ({int(n):,})" for v, n in zip(data[label_col], data[count_col])]
    share = data[coverage_col].astype(float).fillna(0.0)
    colours = [PALETTE[5] if s < threshold else PALETTE[0] for s in share]
    fig = go.Figure(go.Bar(y=labels, x=(share * 100).round(1), orientation="h", marker_color=colours,
                           name="Covered", customdata=_full_labels(data[label_col], data[count_col]),
                           hovertemplate="%{customdata}: %{x}% covered<extra></extra>"))
    _layout(fig, title=title, x="Questions an FAQ answers (%)", y="", height=max(300, 110 + 30 * len(data)))
    cut = "half" if threshold == 0.5 else f"{threshold:.0%}"
    note = f"Orange: an FAQ answers under {cut} of the topic's questions; blue: {cut} or more. (n) = questions."
    if left_out:
        many = left_out != 1
        note += f" {left_out} topic{'s' if many else ''} with no FAQ answer at all {'are' if many else 'is'} left out."
    fig.add_annotation(text=note, xref="paper", yref="paper", x=0, y=1.0, yanchor="bottom", xanchor="left",
                       showarrow=False, font={"size": 12, "color": "#52606d"}, name=NOTE_NAME)
    fig.update_layout(margin={"t": 90})
    fig.update_xaxes(range=[0, 100])
    fig.update_yaxes(autorange="reversed")
    return fig


def plot_custom_work(custom: pd.DataFrame, *, label_col: str = "topic_label", value_col: str = "high_effort_share",
                     count_col: str | None = "n_questions", top_n: int = 12,
                     value_title: str = "Share of questions with READ 3 or more (%)") -> go.Figure:
    """Plot the topics that need people, by the effort signal that put them there.

    Parameters
    ----------
    custom : DataFrame
        One row per topic: label and an effort value (a share 0–1 is shown in %).
    label_col, value_col : str
    count_col : str, optional
        Shown beside the label.
    top_n : int, default 12
    value_title : str
        The x-axis title.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    title = "Where people are needed: topics that take effort"
    _need(custom, [label_col, value_col], "plot_custom_work")
    ranked = custom.dropna(subset=[value_col])
    data = ranked.sort_values(value_col, ascending=False, kind="stable").head(top_n)
    if data.empty:
        return _empty(title, "No topic meets the needs-people rule this month")
    title += _of(len(data), len(ranked), "highest")
    values = data[value_col].astype(float)
    is_share = bool(values.between(0, 1).all())
    shown = (values * 100).round(1) if is_share else values.round(1)
    counts = data[count_col] if count_col and count_col in data.columns else None
    if counts is not None:
        labels = [f"{_short(v, 40)} ({int(n):,})" for v, n in zip(data[label_col], counts)]
    else:
        labels = [_short(v) for v in data[label_col]]
    fig = go.Figure(go.Bar(y=labels, x=shown, orientation="h", marker_color=PALETTE[3], name="Effort",
                           customdata=_full_labels(data[label_col], counts),
                           hovertemplate="%{customdata}: %{x}<extra></extra>"))
    _layout(fig, title=title, x=value_title, y="", height=max(260, 70 + 34 * len(data)))
    fig.update_yaxes(autorange="reversed")
    return fig


def plot_redactions(redactions: pd.DataFrame, *, kind_col: str = "kind", count_col: str = "count") -> go.Figure:
    """Plot what the privacy scrubber removed, by kind.

    Parameters
    ----------
    redactions : DataFrame
        One row per kind: ``kind`` and ``count``.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    title = "Personal details removed before analysis"
    _need(redactions, [kind_col, count_col], "plot_redactions")
    data = redactions.sort_values(count_col, ascending=False, kind="stable")
    if data.empty:
        return _empty(title)
    fig = go.Figure(go.Bar(x=[str(k).replace("_", " ") for k in data[kind_col]], y=data[count_col],
                           marker_color=PALETTE[0], name="Removed",
                           hovertemplate="%{x}: %{y:,}<extra></extra>"))
    _layout(fig, title=title, x="Kind of detail", y="Times removed", height=320)
    return fig


# --------------------------------------------------------------------------- phone layout

def _get(tree: Mapping[str, Any] | None, path: str) -> Any:
    """Return the value at a dotted ``path`` of a nested dict (None when absent); a string title is its text."""
    node: Any = tree
    for part in path.split("."):
        if isinstance(node, str) and part == "text":  # plotly accepts title="…" for title={"text": "…"}
            return node
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def _values(values: Any) -> list:
    """Return a trace's coordinates as a list (plotly dicts may hold lists, tuples or numpy arrays)."""
    if values is None or isinstance(values, (Mapping, str)):
        return []
    return list(values)


def _hbar_labels(data: Sequence[Mapping[str, Any]], layout: Mapping[str, Any], phone: dict,
                 traces: list[int]) -> None:
    """Put the category labels of horizontal bars above the bars (the full plot width is left for bars)."""
    categories: list[str] = []
    for i in traces:
        for y in _values(data[i].get("y")):
            if str(y) not in categories:
                categories.append(str(y))
    if not categories:
        return
    grouped = (layout.get("barmode") or "group") == "group" and len(traces) > 1
    band = _PHONE_BAR * (len(traces) if grouped else 1)
    slot = band + _PHONE_LABEL
    gap = round(_PHONE_LABEL / slot, 3)
    reversed_ = _get(layout, "yaxis.autorange") == "reversed"
    half = (1 - gap) / 2
    labels = [{"text": text, "x": 0, "xref": "paper", "xanchor": "left", "y": i - half if reversed_ else i + half,
               "yref": "y", "yanchor": "bottom", "showarrow": False, "align": "left",
               "font": {"size": 12, "color": "#1f2933"}}
              for i, text in enumerate(categories)]
    title_lines = len(_wrap(str(_get(layout, "xaxis.title.text") or ""), _PHONE_TITLE))
    top = int(_get(layout, "margin.t") or 40)
    phone.update({
        "yaxis.showticklabels": False,
        "yaxis.type": "category",  # so a label's place can be given as the category's number
        "yaxis.autorange": "reversed" if reversed_ else True,
        "bargap": gap,
        "annotations": [*(layout.get("annotations") or []), *labels],
        "margin.l": 12,
        "height": top + 12 + slot * len(categories) + 44 + 20 * title_lines,
    })


def _subplot_cells(layout: Mapping[str, Any]) -> list[tuple[str, str, list[float], list[float]]]:
    """Return the subplots of a grid as (x axis, y axis, x domain, y domain), row by row from the top."""
    cells = []
    for key, axis in layout.items():
        if not re.fullmatch(r"xaxis\d*", key) or not isinstance(axis, Mapping):
            continue
        anchor = str(axis.get("anchor") or "y")
        y_key = "yaxis" + anchor[1:]
        x_dom, y_dom = axis.get("domain"), _get(layout, f"{y_key}.domain")
        if x_dom is None or y_dom is None:
            continue
        cells.append((key, y_key, [float(v) for v in x_dom], [float(v) for v in y_dom]))
    return sorted(cells, key=lambda c: (-round(c[3][1], 6), round(c[2][0], 6)))


def _regrid(layout: Mapping[str, Any], phone: dict, *, columns: int = 2) -> None:
    """Lay a grid of small multiples out in ``columns`` columns (subplot titles follow their panels)."""
    cells = _subplot_cells(layout)
    if len({round(c[2][0], 6) for c in cells}) <= columns:
        return
    rows = math.ceil(len(cells) / columns)
    h_space, v_space = 0.1, 0.32 / rows
    width = (1 - h_space * (columns - 1)) / columns
    height = (1 - v_space * (rows - 1)) / rows
    first_title = _get(layout, f"{cells[0][1]}.title.text") or ""
    annotations = [dict(a) for a in layout.get("annotations") or []]
    for n, (x_key, y_key, x_dom, y_dom) in enumerate(cells):
        row, col = divmod(n, columns)
        new_x = [round(col * (width + h_space), 6), round(col * (width + h_space) + width, 6)]
        top = 1 - row * (height + v_space)
        new_y = [round(top - height, 6), round(top, 6)]
        phone[f"{x_key}.domain"] = new_x
        phone[f"{y_key}.domain"] = new_y
        phone[f"{x_key}.nticks"] = 2
        phone[f"{y_key}.showticklabels"] = col == 0
        phone[f"{y_key}.title.text"] = first_title if col == 0 else ""
        for a in annotations:  # a subplot title sits centred on its panel's top edge
            if (a.get("xref", "paper") == "paper" and a.get("yref", "paper") == "paper"
                    and math.isclose(float(a.get("x", -1)), (x_dom[0] + x_dom[1]) / 2, abs_tol=1e-6)
                    and math.isclose(float(a.get("y", -1)), y_dom[1], abs_tol=1e-6)):
                a["x"], a["y"] = (new_x[0] + new_x[1]) / 2, new_y[1]
    if annotations:
        phone["annotations"] = annotations
    top, bottom = int(_get(layout, "margin.t") or 40), int(_get(layout, "margin.b") or 50)
    phone["height"] = top + bottom + 200 * rows


def phone_layout(fig: go.Figure | Mapping[str, Any]) -> dict[str, dict]:
    """Return the changes that make a figure readable on a phone, and the values that undo them.

    On a screen some 400 px wide, long category labels left of horizontal bars leave the
    bars a sliver, a legend or colour bar at the side takes a third of the width, a grid of
    three panels a row draws each a thumb wide, and a long axis title is cut off. The phone
    layout puts bar labels above their bars, legends and colour bars above the plot, small
    multiples in two columns, wraps long axis titles and lets week numbers space themselves.
    A report applies it (with ``Plotly.update``) while a chart is narrower than
    :data:`PHONE_WIDTH` and the ``wide`` values when it is wider again.

    Parameters
    ----------
    fig : plotly Figure or dict
        A figure, or its ``to_dict()`` form. It is not changed.

    Returns
    -------
    dict
        ``{"phone": {"layout": {...}, "traces": [[index, {...}], ...]}, "wide": {...}}``:
        ``layout`` maps dotted layout attributes (as ``Plotly.relayout`` takes them) and
        ``traces`` trace attributes per trace index (as ``Plotly.restyle`` takes them) to
        values; ``wide`` holds the figure's own values of the same attributes (None: unset).
        Both are empty when the figure needs no change.

    Examples
    --------
    >>> import plotly.graph_objects as go
    >>> fig = go.Figure(go.Bar(y=["A long topic label"], x=[3], orientation="h"))
    >>> phone_layout(fig)["phone"]["layout"]["yaxis.showticklabels"]
    False
    """
    d = fig.to_dict() if isinstance(fig, go.Figure) else fig
    data: list[Mapping[str, Any]] = list(d.get("data") or [])
    layout: Mapping[str, Any] = d.get("layout") or {}
    phone: dict[str, Any] = {}
    traces: list[list] = []

    hbars = [i for i, t in enumerate(data) if t.get("type", "scatter") == "bar" and t.get("orientation") == "h"
             and str(t.get("yaxis") or "y") == "y"]
    if hbars:
        _hbar_labels(data, layout, phone, hbars)
    _regrid(layout, phone)
    for key, axis in layout.items():  # long axis titles wrap; forced ticks on a number axis space themselves
        if not re.fullmatch(r"[xy]axis\d*", key) or not isinstance(axis, Mapping):
            continue
        text = str(_get(axis, "title.text") or "")
        if len(text) > _PHONE_TITLE and "<br>" not in text and f"{key}.title.text" not in phone:
            phone[f"{key}.title.text"] = "<br>".join(_wrap(text, _PHONE_TITLE))
        if key.startswith("x") and axis.get("dtick") is not None and axis.get("type") != "category":
            phone[f"{key}.dtick"] = None
    in_legend = [t for t in data if t.get("showlegend") is not False and t.get("type", "scatter") != "heatmap"]
    if layout.get("showlegend") is not False and (len(in_legend) > 1 or layout.get("showlegend")):
        phone.update({"legend.orientation": "h", "legend.x": 0, "legend.xanchor": "left",
                      "legend.y": 1.02, "legend.yanchor": "bottom"})
    for i, trace in enumerate(data):
        if trace.get("type") in ("heatmap", "contour", "histogram2d") and trace.get("showscale") is not False:
            title = str(_get(trace, "colorbar.title.text") or "").replace("<br>", " ")
            traces.append([i, {"colorbar.orientation": "h", "colorbar.x": 0, "colorbar.xanchor": "left",
                               "colorbar.y": 1.02, "colorbar.yanchor": "bottom", "colorbar.len": 0.7,
                               "colorbar.thickness": 12, "colorbar.title.text": title,
                               "colorbar.title.side": "top"}])

    wide_layout = {key: _get(layout, key) for key in phone}
    if "annotations" in phone:
        wide_layout["annotations"] = list(layout.get("annotations") or [])
    wide_traces = [[i, {key: _get(data[i], key) for key in update}] for i, update in traces]
    return {"phone": {"layout": phone, "traces": traces}, "wide": {"layout": wide_layout, "traces": wide_traces}}
