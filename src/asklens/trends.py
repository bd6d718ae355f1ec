"""What is changing: counts per topic over time, rising and new topics, seasonality, load.

Every function takes the canonical question log with a ``topic_id`` column (``-1`` is
the miscellaneous topic) and returns a new tidy DataFrame. Dates are read in the
library's own time zone (the zone ``asked_at`` carries), so "Monday 9 am" means 9 am
at the library. Decisions (``rising_topics``, ``seasonal_comparison``) carry a
``reason`` naming the rule, its threshold and the counts it looked at.

Examples
--------
>>> import asklens
>>> monthly = asklens.topic_trends(questions, freq="month")  # doctest: +SKIP
>>> asklens.rising_topics(questions, period="2025-12")  # doctest: +SKIP
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from asklens.config import Config, RubricConfig
from asklens.errors import ConfigError, InputError

__all__ = [
    "topic_trends",
    "rising_topics",
    "channel_mix",
    "load_heatmap",
    "term_calendar",
    "term_week",
    "seasonal_comparison",
]

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_FREQS = {"month": "M", "week": "W-SUN", "M": "M", "W": "W-SUN"}


# --------------------------------------------------------------------------------------
# shared helpers (also used by asklens.automation and asklens.gaps)
# --------------------------------------------------------------------------------------
def _config(config: Config | None) -> Config:
    return config if config is not None else Config()


def _check_questions(questions: pd.DataFrame, *, need: tuple[str, ...] = ("asked_at",), what: str = "questions") -> None:
    if not isinstance(questions, pd.DataFrame):
        raise InputError(f"{what} must be a pandas DataFrame, got {type(questions).__name__}")
    missing = [c for c in need if c not in questions.columns]
    if missing:
        fix = "assign topics first, e.g. questions.assign(topic_id=model.assign(questions))" if "topic_id" in missing \
            else "pass the canonical question log (see asklens.validate_questions)"
        raise InputError(f"{what} has no {', '.join(repr(c) for c in missing)} column", column=missing[0], fix=fix)
    if "asked_at" in need and len(questions) and not isinstance(questions["asked_at"].dtype, pd.DatetimeTZDtype):
        raise InputError(f"'asked_at' must be time-zone aware datetimes, got dtype {questions['asked_at'].dtype}",
                         column="asked_at", fix="use asklens.validate_questions or .dt.tz_localize(<time zone>)")


def _local(asked_at: pd.Series) -> pd.Series:
    """Return wall-clock times in the library's zone, without the zone (so periods work)."""
    if isinstance(asked_at.dtype, pd.DatetimeTZDtype):
        return asked_at.dt.tz_localize(None)
    return pd.to_datetime(asked_at)


def _months(questions: pd.DataFrame) -> pd.Series:
    return _local(questions["asked_at"]).dt.to_period("M")


def _months_covered(months: pd.Series, end: pd.Period, cap: int) -> int:
    """Return how many months the log covers up to ``end`` (its first month to ``end``), at most ``cap``, at least 1.

    The rules look back ``cap`` months (``window_months``, ``stale_months``); a log's first
    months have fewer, and averages and "not asked in N months" verdicts must use those.
    """
    first = months.min() if len(months) else end
    if pd.isna(first):
        return int(max(1, cap))
    return int(max(1, min(cap, (end - first).n + 1)))


def _resolve_period(questions: pd.DataFrame, period: Any) -> pd.Period:
    """Return the report month: ``period`` as a monthly Period, or the log's last month."""
    if period is None:
        if not len(questions):
            raise InputError("the question log is empty, so there is no period to report on",
                             fix="read some questions first, or pass period='YYYY-MM'")
        return _local(questions["asked_at"]).max().to_period("M")
    try:
        end = pd.Period(period, freq="M")
    except (ValueError, TypeError):
        raise InputError(f"period {period!r} is not a month", fix="write the period as 'YYYY-MM', e.g. '2025-12'") from None
    if len(questions) and "asked_at" in questions.columns:
        months = _local(questions["asked_at"]).dropna()
        if len(months):
            first, last = months.min().to_period("M"), months.max().to_period("M")
            if not first <= end <= last:  # every window would be empty: say so rather than return nothing
                raise InputError(f"period {end} is outside the question log, which runs from {first} to {last}",
                                 fix=f"pass a period from {first} to {last}")
    return end


def _labels(questions: pd.DataFrame, topics: pd.DataFrame | None) -> dict[int, str]:
    out: dict[int, str] = {}
    if topics is not None and {"topic_id", "label"} <= set(topics.columns):
        out.update({int(t): str(lab) for t, lab in zip(topics["topic_id"], topics["label"])})
    if "topic_label" in questions.columns:
        first = questions.drop_duplicates("topic_id")
        for t, lab in zip(first["topic_id"], first["topic_label"]):
            out.setdefault(int(t), str(lab))
    out.setdefault(-1, "miscellaneous")
    return out


def _with_labels(frame: pd.DataFrame, labels: dict[int, str]) -> pd.DataFrame:
    pos = list(frame.columns).index("topic_id") + 1
    frame.insert(pos, "topic_label", [labels.get(int(t), f"topic {int(t)}") for t in frame["topic_id"]])
    return frame


def _fmt(x: float, digits: int = 2) -> str:
    if x is None or (isinstance(x, float) and not np.isfinite(x)):
        return "n/a"
    return f"{x:.{digits}f}"


# --------------------------------------------------------------------------------------
# counts over time
# --------------------------------------------------------------------------------------
def topic_trends(
    questions: pd.DataFrame,
    *,
    freq: str = "month",
    topics: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Count questions per topic per month or week, with zeros where a topic was not asked.

    Parameters
    ----------
    questions : pandas.DataFrame
        Canonical question log with ``asked_at`` and ``topic_id``.
    freq : {"month", "week"}, default "month"
        The period length. Weeks run Monday to Sunday.
    topics : pandas.DataFrame, optional
        A topics table (``topic_id``, ``label``) for readable labels.

    Returns
    -------
    pandas.DataFrame
        One row per topic and period: ``topic_id``, ``topic_label``, ``period`` (str,
        ``"2025-03"`` or ``"2025-03-03/2025-03-09"``), ``period_start`` (Timestamp),
        ``n_questions``, ``n_period`` (all questions in that period) and ``share``
        (``n_questions / n_period``).

    Examples
    --------
    >>> topic_trends(questions, freq="week").head()  # doctest: +SKIP
    """
    _check_questions(questions, need=("asked_at", "topic_id"))
    if freq not in _FREQS:
        raise InputError(f"freq {freq!r} is not supported", fix="use freq='month' or freq='week'")
    cols = ["topic_id", "topic_label", "period", "period_start", "n_questions", "n_period", "share"]
    if not len(questions):
        return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})
    per = _local(questions["asked_at"]).dt.to_period(_FREQS[freq])
    tid = questions["topic_id"].astype(int).to_numpy()
    counts = pd.crosstab(pd.Index(tid, name="topic_id"), pd.Index(per.to_numpy(), name="period"))
    full = pd.period_range(per.min(), per.max(), freq=_FREQS[freq])
    counts = counts.reindex(columns=full, fill_value=0)
    long = counts.stack().rename("n_questions").reset_index()
    long.columns = ["topic_id", "period", "n_questions"]
    totals = counts.sum(axis=0)
    long["n_period"] = long["period"].map(totals).astype(int)
    long["share"] = np.where(long["n_period"] > 0, long["n_questions"] / long["n_period"].clip(lower=1), 0.0)
    long["period_start"] = long["period"].map(lambda p: p.start_time)
    long["period"] = long["period"].astype(str)
    long["n_questions"] = long["n_questions"].astype(int)
    long = long.sort_values(["topic_id", "period_start"], kind="stable").reset_index(drop=True)
    long = _with_labels(long, _labels(questions, topics))
    return long[cols]


def rising_topics(
    questions: pd.DataFrame,
    *,
    period: Any = None,
    topics: pd.DataFrame | None = None,
    config: Config | None = None,
) -> pd.DataFrame:
    """Flag topics that are new, rising, fading or seasonal, with a test so noise is not news.

    The last ``trend_window_months`` months ending at ``period`` (the *recent window*)
    are compared with the same number of months just before (the *baseline*) and with
    the same months a year earlier. The comparison is on the topic's *share* of all
    questions: given the topic's count in both windows, its count in the recent window
    follows a binomial distribution whose probability is the recent window's share of
    all questions, if the topic did not change. That makes a start-of-term surge, which
    lifts every topic, no news. A change is reported only when the binomial test is
    significant at ``trend_alpha``, the share changed at least ``trend_min_ratio`` fold,
    and at least ``trend_min_count`` questions are involved.

    Statuses:

    - ``new``: no question before the recent window, at least ``trend_min_count`` in it;
    - ``rising`` / ``fading``: a significant change against the baseline that is also
      a change against the same months last year (or no data a year earlier);
    - ``seasonal``: a significant change against the baseline that is not one against
      the same months last year (the topic does this every year);
    - ``steady``: anything else.

    Parameters
    ----------
    questions : pandas.DataFrame
        Canonical question log with ``asked_at`` and ``topic_id``.
    period : str or pandas.Period, optional
        The last month of the recent window (``"2025-12"``); default the log's last month.
    topics : pandas.DataFrame, optional
        A topics table (``topic_id``, ``label``) for readable labels.
    config : asklens.Config, optional
        Thresholds from ``[rubric]``: ``trend_window_months``, ``trend_alpha``,
        ``trend_min_ratio``, ``trend_min_count``.

    Returns
    -------
    pandas.DataFrame
        One row per topic (misc excluded): ``topic_id``, ``topic_label``, ``n_recent``,
        ``n_baseline``, ``n_last_year``, ``share_recent``, ``share_baseline``,
        ``share_last_year``, ``ratio`` (recent/baseline share), ``ratio_last_year``,
        ``p_value``, ``p_value_last_year``, ``first_seen``, ``status``, ``reason``;
        sorted with news first.

    Examples
    --------
    >>> rising_topics(questions, period="2025-12").query("status != 'steady'")  # doctest: +SKIP
    """
    _check_questions(questions, need=("asked_at", "topic_id"))
    rub = _config(config).rubric
    end = _resolve_period(questions, period)
    w = max(1, int(rub.trend_window_months))
    months = _months(questions)
    tid = questions["topic_id"].astype(int)
    recent = (months > end - w) & (months <= end)
    base = (months > end - 2 * w) & (months <= end - w)
    last = (months > end - 12 - w) & (months <= end - 12)
    before = months <= end - w
    N = {k: int(m.sum()) for k, m in (("recent", recent), ("base", base), ("last", last), ("before", before))}
    cnt = {k: tid[m].value_counts() for k, m in (("recent", recent), ("base", base), ("last", last))}
    first_seen = months.groupby(tid).min()
    n_before = tid[before].value_counts()
    ids = sorted(t for t in tid.unique() if t != -1)
    labels = _labels(questions, topics)
    rows = []
    for t in ids:
        r, b, ly = int(cnt["recent"].get(t, 0)), int(cnt["base"].get(t, 0)), int(cnt["last"].get(t, 0))
        s_r = r / N["recent"] if N["recent"] else np.nan
        s_b = b / N["base"] if N["base"] else np.nan
        s_l = ly / N["last"] if N["last"] else np.nan
        ratio = _ratio(r, N["recent"], b, N["base"])
        ratio_l = _ratio(r, N["recent"], ly, N["last"])
        p = _share_test(r, N["recent"], b, N["base"])
        p_l = _share_test(r, N["recent"], ly, N["last"])
        status, reason = _trend_status(r, b, ly, int(n_before.get(t, 0)), ratio, ratio_l, p, p_l, N, rub, w)
        rows.append({
            "topic_id": t, "n_recent": r, "n_baseline": b, "n_last_year": ly,
            "share_recent": s_r, "share_baseline": s_b, "share_last_year": s_l,
            "ratio": ratio, "ratio_last_year": ratio_l, "p_value": p, "p_value_last_year": p_l,
            "first_seen": str(first_seen.get(t)), "status": status, "reason": reason,
        })
    cols = ["topic_id", "n_recent", "n_baseline", "n_last_year", "share_recent", "share_baseline",
            "share_last_year", "ratio", "ratio_last_year", "p_value", "p_value_last_year", "first_seen",
            "status", "reason"]
    out = pd.DataFrame(rows, columns=cols)
    order = {"new": 0, "rising": 1, "fading": 2, "seasonal": 3, "steady": 4}
    out = out.assign(_o=out["status"].map(order)).sort_values(["_o", "n_recent"], ascending=[True, False],
                                                                kind="stable")
    out = out.drop(columns="_o").reset_index(drop=True)
    return _with_labels(out, labels)


def _ratio(a: int, na: int, b: int, nb: int) -> float:
    """Ratio of shares a/na over b/nb with a half-count correction so zeros stay finite."""
    if not na or not nb:
        return float("nan")
    return ((a + 0.5) / na) / ((b + 0.5) / nb)


def _share_test(a: int, na: int, b: int, nb: int) -> float:
    """Two-sided binomial test that a topic's share is the same in two windows."""
    if not na or not nb or a + b == 0:
        return float("nan")
    return float(stats.binomtest(a, a + b, na / (na + nb)).pvalue)


def _trend_status(r: int, b: int, ly: int, n_before: int, ratio: float, ratio_l: float, p: float, p_l: float,
                  N: dict[str, int], rub: RubricConfig, w: int) -> tuple[str, str]:
    alpha, k, mc = rub.trend_alpha, rub.trend_min_ratio, rub.trend_min_count
    win = f"the last {w} month{'s' if w > 1 else ''}"
    if N["before"] == 0:  # the log starts in the window: every topic would be "new"
        return "steady", (f"steady: {r} questions in {win}; the log has no earlier months, so nothing can be called "
                          "new, rising or fading yet")
    if n_before == 0 and r >= mc:
        return "new", (f"new: first asked in {win} ({r} questions ≥ trend_min_count {mc}), never before")
    sig_b = np.isfinite(p) and p < alpha and max(r, b) >= mc
    has_ly = N["last"] > 0
    sig_l = has_ly and np.isfinite(p_l) and p_l < alpha and max(r, ly) >= mc
    up, down = np.isfinite(ratio) and ratio >= k, np.isfinite(ratio) and ratio <= 1 / k
    up_l = np.isfinite(ratio_l) and ratio_l >= k
    down_l = np.isfinite(ratio_l) and ratio_l <= 1 / k
    base_txt = f"{r} questions in {win} vs {b} in the {w} months before (share ×{_fmt(ratio)}, p={p:.2g})" \
        if np.isfinite(p) else f"{r} questions in {win} vs {b} before"
    ly_txt = f"{ly} in the same months last year (share ×{_fmt(ratio_l)}, p={p_l:.2g})" if has_ly and np.isfinite(p_l) \
        else "no data a year earlier"
    if w == 12 and has_ly:  # the 12 months before are the same months a year earlier: one comparison, said once
        ly_txt = "those are the same months a year earlier"
    rule = f"binomial test on share, p < trend_alpha {alpha}, change ≥ ×{k} (trend_min_ratio), ≥ {mc} questions"
    if sig_b and (up or down):
        direction = "rising" if up else "fading"
        if not has_ly or (sig_l and (up_l if up else down_l)):
            return direction, f"{direction}: {base_txt}; {ly_txt} [{rule}]"
        return "seasonal", (f"seasonal: {base_txt}, but not against {ly_txt}, so the change recurs each year "
                            f"[{rule}]")
    return "steady", f"steady: {base_txt}; no change passes [{rule}]"


def channel_mix(questions: pd.DataFrame, *, freq: str = "month") -> pd.DataFrame:
    """Count questions per channel per period, with each channel's share of the period.

    Parameters
    ----------
    questions : pandas.DataFrame
        Canonical question log with ``asked_at`` and ``channel`` (missing channels
        count as ``"unknown"``).
    freq : {"month", "week"}, default "month"
        The period length.

    Returns
    -------
    pandas.DataFrame
        ``period``, ``period_start``, ``channel``, ``n_questions``, ``n_period``, ``share``.

    Examples
    --------
    >>> channel_mix(questions).pivot(index="period", columns="channel", values="share")  # doctest: +SKIP
    """
    _check_questions(questions, need=("asked_at",))
    if freq not in _FREQS:
        raise InputError(f"freq {freq!r} is not supported", fix="use freq='month' or freq='week'")
    per = _local(questions["asked_at"]).dt.to_period(_FREQS[freq])
    if "channel" in questions.columns:
        ch = questions["channel"].astype("object").where(questions["channel"].notna(), "unknown").astype(str)
    else:
        ch = pd.Series("unknown", index=questions.index)
    counts = pd.crosstab(pd.Index(per.to_numpy(), name="period"), pd.Index(ch.to_numpy(), name="channel"))
    if len(per):
        counts = counts.reindex(pd.period_range(per.min(), per.max(), freq=_FREQS[freq]), fill_value=0)
    long = counts.stack().rename("n_questions").reset_index()
    long.columns = ["period", "channel", "n_questions"]
    long["n_period"] = long["period"].map(counts.sum(axis=1)).astype(int)
    long["share"] = long["n_questions"] / long["n_period"].clip(lower=1)
    long["period_start"] = long["period"].map(lambda p: p.start_time)
    long["period"] = long["period"].astype(str)
    long["n_questions"] = long["n_questions"].astype(int)
    return long[["period", "period_start", "channel", "n_questions", "n_period", "share"]].reset_index(drop=True)


def load_heatmap(questions: pd.DataFrame, *, period: Any = None, months: int | None = None) -> pd.DataFrame:
    """Count questions by weekday and hour of day, in the library's local time.

    Parameters
    ----------
    questions : pandas.DataFrame
        Canonical question log with ``asked_at``.
    period : str or pandas.Period, optional
        Last month to include (default: the log's last month). Used with ``months``.
    months : int, optional
        Number of months ending at ``period`` to include; default all of the log.

    Returns
    -------
    pandas.DataFrame
        168 rows (7 weekdays × 24 hours): ``weekday`` (0 = Monday), ``weekday_name``,
        ``hour``, ``n_questions``, ``n_weeks`` (weeks in the window) and
        ``per_week`` (mean questions in that hour of a week).

    Examples
    --------
    >>> load_heatmap(questions).pivot(index="weekday_name", columns="hour", values="per_week")  # doctest: +SKIP
    """
    _check_questions(questions, need=("asked_at",))
    local = _local(questions["asked_at"])
    if months is not None and len(local):
        end = _resolve_period(questions, period)
        m = local.dt.to_period("M")
        local = local[(m > end - int(months)) & (m <= end)]
    grid = pd.MultiIndex.from_product([range(7), range(24)], names=["weekday", "hour"])
    counts = pd.DataFrame({"weekday": local.dt.day_of_week.to_numpy(), "hour": local.dt.hour.to_numpy()})
    counts = counts.groupby(["weekday", "hour"]).size().reindex(grid, fill_value=0)
    out = counts.rename("n_questions").reset_index()
    n_weeks = 0
    if len(local):
        n_weeks = max(1, int(np.ceil(((local.max().normalize() - local.min().normalize()).days + 1) / 7)))
    out["weekday_name"] = out["weekday"].map(dict(enumerate(WEEKDAYS)))
    out["n_questions"] = out["n_questions"].astype(int)
    out["n_weeks"] = n_weeks
    out["per_week"] = out["n_questions"] / max(n_weeks, 1)
    return out[["weekday", "weekday_name", "hour", "n_questions", "n_weeks", "per_week"]]


# --------------------------------------------------------------------------------------
# the academic term
# --------------------------------------------------------------------------------------
def _monday_on_or_after(d: date) -> date:
    return d + timedelta(days=(7 - d.weekday()) % 7)


def _default_terms(years: range) -> list[dict[str, Any]]:
    out = []
    for y in years:
        out.append({"name": f"Spring {y}", "kind": "Spring", "start": _monday_on_or_after(date(y, 1, 10)),
                    "end": date(y, 5, 10)})
        out.append({"name": f"Summer {y}", "kind": "Summer", "start": _monday_on_or_after(date(y, 5, 20)),
                    "end": date(y, 8, 10)})
        out.append({"name": f"Fall {y}", "kind": "Fall", "start": _monday_on_or_after(date(y, 8, 22)),
                    "end": date(y, 12, 15)})
    return out


def term_calendar(config: Config | None = None, *, years: range | list[int] | None = None) -> pd.DataFrame:
    """Return the academic terms: the config's ``[terms]`` list or a default US semester calendar.

    Parameters
    ----------
    config : asklens.Config, optional
        Where ``[terms] terms`` lists ``{name, start, end}`` (ISO dates, optional
        ``kind``). When it is empty, the default calendar is used.
    years : range or list of int, optional
        Years of the default calendar; default the previous, current and next year.

    Returns
    -------
    pandas.DataFrame
        ``term``, ``kind`` (the name without its year: "Fall"), ``year``, ``start``,
        ``end`` (Timestamps, inclusive), ``n_weeks``, sorted by start.

    Raises
    ------
    ConfigError
        When a term lacks a field, a date is not ISO, or end comes before start.

    Examples
    --------
    >>> term_calendar(years=[2025]).loc[:, ["term", "start"]]  # doctest: +SKIP
    """
    cfg = _config(config)
    entries: list[dict[str, Any]] = list(cfg.terms.terms)
    if not entries:
        if years is None:
            y = date.today().year
            years = range(y - 1, y + 2)
        entries = _default_terms(range(min(years), max(years) + 1))
    rows = []
    for i, e in enumerate(entries):
        missing = [k for k in ("name", "start", "end") if k not in e]
        if missing:
            raise ConfigError(f"term {i + 1} in [terms] has no {', '.join(missing)}", path=cfg.path,
                              fix='write each term as {name = "Fall 2025", start = "2025-08-25", end = "2025-12-12"}')
        try:
            start, end = pd.Timestamp(e["start"]).normalize(), pd.Timestamp(e["end"]).normalize()
        except (ValueError, TypeError):
            raise ConfigError(f"term {e['name']!r} has a date that is not ISO (YYYY-MM-DD)", path=cfg.path) from None
        if end < start:
            raise ConfigError(f"term {e['name']!r} ends before it starts", path=cfg.path, fix="swap start and end")
        name = str(e["name"])
        kind = str(e.get("kind") or re.sub(r"\s+", " ", re.sub(r"\b(19|20)\d\d(/\d\d)?\b", "", name)).strip() or name)
        rows.append({"term": name, "kind": kind, "year": start.year, "start": start, "end": end,
                     "n_weeks": int(np.ceil(((end - start).days + 1) / 7))})
    out = pd.DataFrame(rows, columns=["term", "kind", "year", "start", "end", "n_weeks"])
    return out.sort_values("start", kind="stable").reset_index(drop=True)


def _calendar_for(questions: pd.DataFrame, calendar: pd.DataFrame | None, config: Config | None) -> pd.DataFrame:
    if calendar is not None:
        return calendar
    if len(questions):
        local = _local(questions["asked_at"])
        years = range(local.min().year - 1, local.max().year + 2)
    else:
        years = None
    return term_calendar(config, years=years)


def term_week(
    questions: pd.DataFrame,
    *,
    calendar: pd.DataFrame | None = None,
    config: Config | None = None,
) -> pd.DataFrame:
    """Place every question in its academic term and week of term.

    Parameters
    ----------
    questions : pandas.DataFrame
        Canonical question log with ``asked_at``.
    calendar : pandas.DataFrame, optional
        A table from :func:`term_calendar`; default built from ``config``.
    config : asklens.Config, optional
        The workspace config (its ``[terms]``).

    Returns
    -------
    pandas.DataFrame
        Indexed like ``questions``: ``term``, ``kind``, ``term_week`` (1 = the week the
        term starts, counted in 7-day steps from its start; missing between terms).

    Examples
    --------
    >>> questions.join(term_week(questions))  # doctest: +SKIP
    """
    _check_questions(questions, need=("asked_at",))
    cal = _calendar_for(questions, calendar, config)
    day = _local(questions["asked_at"]).dt.normalize()
    term = pd.Series(pd.NA, index=questions.index, dtype="string")
    kind = pd.Series(pd.NA, index=questions.index, dtype="string")
    week = pd.Series(pd.NA, index=questions.index, dtype="Int64")
    for row in cal.itertuples(index=False):
        m = (day >= row.start) & (day <= row.end) & term.isna()
        if m.any():
            term[m] = row.term
            kind[m] = row.kind
            week[m] = ((day[m] - row.start).dt.days // 7 + 1).astype("Int64")
    return pd.DataFrame({"term": term, "kind": kind, "term_week": week}, index=questions.index)


def seasonal_comparison(
    questions: pd.DataFrame,
    *,
    at: Any = None,
    calendar: pd.DataFrame | None = None,
    by_topic: bool = True,
    topics: pd.DataFrame | None = None,
    config: Config | None = None,
) -> pd.DataFrame:
    """Compare each week of the current term with the same week of the same term a year earlier.

    Start-of-term and finals surges happen every year; comparing week 3 of Fall 2025
    with week 3 of Fall 2024 shows whether this year's surge is out of the ordinary.

    Parameters
    ----------
    questions : pandas.DataFrame
        Canonical question log with ``asked_at`` (and ``topic_id`` when ``by_topic``).
    at : str or Timestamp, optional
        A date inside the term to report on; default the log's last question. When the
        date falls between terms, the term that ended last is used.
    calendar : pandas.DataFrame, optional
        A table from :func:`term_calendar`; default built from ``config``.
    by_topic : bool, default True
        One row per topic and week; otherwise one row per week for all questions.
    topics : pandas.DataFrame, optional
        A topics table for labels.
    config : asklens.Config, optional
        ``[terms]`` for the calendar; ``[rubric] trend_alpha``, ``trend_min_ratio`` and
        ``trend_min_count`` for the flag.

    Returns
    -------
    pandas.DataFrame
        ``term``, ``last_year_term``, ``term_week``, (``topic_id``, ``topic_label``),
        ``n_this_year``, ``n_last_year``, ``ratio``, ``p_value``, ``status``
        (``higher`` / ``lower`` / ``as usual`` / ``no comparison``) and ``reason``.
        The test is a two-sided binomial test of the split between the two weeks
        against an even split (a Poisson comparison of two equal-length weeks).

    Examples
    --------
    >>> seasonal_comparison(questions, at="2025-09-15", by_topic=False)  # doctest: +SKIP
    """
    need = ("asked_at", "topic_id") if by_topic else ("asked_at",)
    _check_questions(questions, need=need)
    rub = _config(config).rubric
    cal = _calendar_for(questions, calendar, config)
    cols = ["term", "last_year_term", "term_week"] + (["topic_id", "topic_label"] if by_topic else []) + \
        ["n_this_year", "n_last_year", "ratio", "p_value", "status", "reason"]
    if not len(questions) or not len(cal):
        return pd.DataFrame(columns=cols)
    at_ts = _local(questions["asked_at"]).max() if at is None else pd.Timestamp(at)
    if at_ts.tzinfo is not None:
        at_ts = at_ts.tz_localize(None)
    at_day = at_ts.normalize()
    started = cal[cal["start"] <= at_day]
    if not len(started):
        return pd.DataFrame(columns=cols)
    cur = started.iloc[-1]
    prev = cal[(cal["kind"] == cur["kind"]) & (cal["start"] < cur["start"])
               & (cal["start"] >= cur["start"] - pd.Timedelta(days=400))]
    last_week = int(min((min(at_day, cur["end"]) - cur["start"]).days // 7 + 1, cur["n_weeks"]))
    tw = term_week(questions, calendar=cal)
    keys = ["term_week"] + (["topic_id"] if by_topic else [])
    frame = tw.assign(topic_id=questions["topic_id"].astype(int)) if by_topic else tw
    this = frame[frame["term"] == cur["term"]]
    this_counts = this.groupby(keys).size()
    if len(prev):
        p_row = prev.iloc[-1]
        last = frame[frame["term"] == p_row["term"]]
        last_counts = last.groupby(keys).size()
        last_name = str(p_row["term"])
        # weeks of last year's term that ended before the log begins have no data, not zero questions
        first_day = _local(questions["asked_at"]).min().normalize()
        uncovered = {wk for wk in range(1, last_week + 1)
                     if p_row["start"] + pd.Timedelta(days=7 * wk) <= first_day}
    else:
        last_counts = pd.Series(dtype=int)
        last_name = ""
        uncovered = set()
    if by_topic:
        tids = sorted(set(questions["topic_id"].astype(int)))
        grid = pd.MultiIndex.from_product([range(1, last_week + 1), tids], names=keys)
    else:
        grid = pd.Index(range(1, last_week + 1), name="term_week")
    a = this_counts.reindex(grid, fill_value=0)
    b = last_counts.reindex(grid, fill_value=0)
    out = grid.to_frame(index=False)
    out["n_this_year"] = a.to_numpy().astype(int)
    out["n_last_year"] = b.to_numpy().astype(int)
    out.insert(0, "last_year_term", last_name)
    out.insert(0, "term", str(cur["term"]))
    ratios, pvals, statuses, reasons = [], [], [], []
    for n1, n0, wk in zip(out["n_this_year"], out["n_last_year"], out["term_week"]):
        ratio = (n1 + 0.5) / (n0 + 0.5)
        p = float(stats.binomtest(int(n1), int(n1 + n0), 0.5).pvalue) if n1 + n0 else float("nan")
        if not last_name:
            st, why = "no comparison", f"no earlier {cur['kind']} term in the calendar to compare week {wk} with"
        elif wk in uncovered:
            st, why = "no comparison", f"the log begins after week {wk} of {last_name}, so there is nothing to compare with"
        elif np.isfinite(p) and p < rub.trend_alpha and max(n1, n0) >= rub.trend_min_count and \
                (ratio >= rub.trend_min_ratio or ratio <= 1 / rub.trend_min_ratio):
            st = "higher" if ratio > 1 else "lower"
            why = (f"{st} than usual: week {wk} of {cur['term']} had {n1} questions vs {n0} in week {wk} of "
                   f"{last_name} (×{ratio:.2f}, p={p:.2g} < trend_alpha {rub.trend_alpha}, "
                   f"change ≥ ×{rub.trend_min_ratio})")
        else:
            st = "as usual"
            why = (f"as usual: week {wk} of {cur['term']} had {n1} questions vs {n0} in week {wk} of {last_name}; "
                   f"no significant change ≥ ×{rub.trend_min_ratio} (trend_alpha {rub.trend_alpha}, "
                   f"≥ {rub.trend_min_count} questions)")
        ratios.append(ratio)
        pvals.append(p)
        statuses.append(st)
        reasons.append(why)
    out["ratio"], out["p_value"], out["status"], out["reason"] = ratios, pvals, statuses, reasons
    if by_topic:
        out = _with_labels(out, _labels(questions, topics))
    return out[cols]
