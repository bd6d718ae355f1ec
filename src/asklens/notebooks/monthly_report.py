# ---
# jupyter:
#   jupytext:
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# <!-- The asklens monthly report. `asklens report` runs it with papermill and exports it to HTML
# without code. Keep it thin: every cell calls the library and ends in a table or a figure;
# anything the report needs lives in asklens.reporting, asklens.plotting and the analyses. -->

# %% tags=["parameters"]
questions: list = ["data/sample/questions/*.csv"]  # question logs: files or globs
faq: str = "data/sample/faq.json"  # the FAQ base ("" for none)
month: str = "2025-12"  # the month to report on, YYYY-MM
config: str = "data/sample/asklens.toml"  # the workspace config ("" for the defaults)
seed: int = 0  # random state of every random step
output_dir: str = ""  # where tables/*.csv and kpis.json go ("" writes nothing)

# %%
from asklens import plotting, reporting
import os
if os.path.basename(os.getcwd()) == "notebooks" and "ASKLENS_REPORT" not in os.environ:
    os.chdir("..")  # opened in JupyterLab, whose kernel starts in notebooks/: the paths above start one folder up
reporting.setup_notebook()
data = reporting.build_report_data(questions, faq=faq or None, month=month, config=config or None, seed=seed)
data.header()

# %% [markdown]
# ## 1. The month at a glance

# %%
data.show("at_a_glance")

# %%
plotting.plot_monthly_volume(data.tables["monthly_volume"], highlight=month)

# %%
data.show("channels")

# %%
plotting.plot_channel_mix(data.tables["channel_mix"])

# %% [markdown]
# ## 2. What to automate next
# Topics whose questions recur week after week, are alike and get the same answer: an FAQ entry or
# a chatbot answer could take them over. The hours saved are an estimate; its assumptions are
# printed with it.

# %%
data.note("automation")

# %%
data.show("automation", max_rows=10)

# %%
plotting.plot_automation_candidates(data.tables["automation"], top_n=10, subtitle=data.window_words())

# %%
data.show("recurring_questions")

# %% [markdown]
# ## 3. Knowledge gaps
# ### FAQs to write
# Recurring topics that no FAQ entry answers.

# %%
data.note("faq_gaps")

# %%
data.show("faq_gaps")

# %% [markdown]
# ### Titles people ask for by name
# Requests for one book, journal or database: the catalogue answers them, not an FAQ entry.

# %%
data.note("asked_titles")

# %%
data.show("asked_titles")

# %% [markdown]
# ### FAQs people don't find
# An FAQ answers these questions, yet people still ask a lot: make the FAQ easier to find.

# %%
data.show("findability")

# %% [markdown]
# ### FAQs nobody needs any more
# FAQ entries that answered no question lately, or that hardly anyone reads: check, update or retire them.

# %%
data.show("stale_faqs")

# %%
plotting.plot_coverage(data.tables["rubric"], subtitle=data.window_words(), threshold=data.config.rubric.min_coverage)

# %% [markdown]
# ## 4. Where people are needed
# Topics that take effort (READ 3 or more), long or many-message conversations, or questions too
# varied for one answer: staff time and training belong here.

# %%
data.note("custom_work")

# %%
data.show("custom_work")

# %%
plotting.plot_custom_work(data.tables["custom_work"])

# %% [markdown]
# ## 5. Trends
# ### New, rising and fading topics

# %%
data.note("trends")

# %%
data.show("rising")

# %%
plotting.plot_rising_topics(data.tables["rising"], window_months=data.trend_months())

# %%
plotting.plot_topic_trends(data.tables["topic_trends"])

# %% [markdown]
# ### This term against the same term last year
# Start-of-term and finals surges come every year; this compares each week of the term with the
# same week a year earlier, so only unusual weeks stand out.

# %%
data.note("seasonal")

# %%
plotting.plot_seasonal(data.tables["seasonal"])

# %%
data.show("seasonal_flags")

# %% [markdown]
# ### When questions arrive

# %%
plotting.plot_load_heatmap(data.tables["load_heatmap"])

# %% [markdown]
# ## 6. Data and privacy, and the rules

# %%
data.note("privacy")

# %%
data.show("files")

# %%
data.show("dropped_reasons")

# %%
data.show("redactions")

# %%
data.note("rules")

# %%
data.show("rules", max_rows=80)

# %% [markdown]
# ## Appendix: every topic and the rule that placed it
# What each next step means and the exact thresholds are in section 6; change them in `asklens.toml`
# under `[rubric]`.

# %%
data.show("rubric", max_rows=500, collapsed=True)

# %%
data.show("topics", max_rows=500, collapsed=True)

# %% tags=["remove-cell"]
data.save(output_dir)
