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
# # Topics browser
# For analysts: search the questions, inspect one topic, and try other rubric thresholds to see
# how the automate / write-an-FAQ / needs-people lists would change. It builds the same data as
# the monthly report (`asklens.reporting.build_report_data`), so what you see here is what the
# report shows. Change the parameters below and run all cells.

# %% tags=["parameters"]
questions: list = ["data/sample/questions/*.csv"]  # question logs: files or globs
faq: str = "data/sample/faq.json"  # the FAQ base ("" for none)
month: str = "2025-12"  # the month to look at, YYYY-MM
config: str = "data/sample/asklens.toml"  # the workspace config ("" for the defaults)
seed: int = 0  # random state
search: str = "renew"  # words to look for in the questions
topic: int = 0  # the topic to inspect (see the topics table)
min_volume: int = 10  # rubric thresholds to try (see [rubric] in asklens.toml)
high_effort_share: float = 0.4
min_coverage: float = 0.2

# %%
from asklens import plotting, reporting
import os
if os.path.basename(os.getcwd()) == "notebooks" and "ASKLENS_REPORT" not in os.environ:
    os.chdir("..")  # opened in JupyterLab, whose kernel starts in notebooks/: the paths above start one folder up
reporting.setup_notebook()
data = reporting.build_report_data(questions, faq=faq or None, month=month, config=config or None, seed=seed)
data.show("topics", max_rows=100)

# %% [markdown]
# ## Search the questions of the month

# %%
found = data.tables["questions"][data.tables["questions"]["text"].str.contains(search, case=False, na=False)]
reporting.show_table(found, caption=f"Questions mentioning {search!r}", max_rows=50)

# %% [markdown]
# ## Inspect one topic

# %%
data.tables["topics"].query("topic_id == @topic")

# %%
reporting.show_table(data.tables["questions"].query("topic_id == @topic"), caption="Its questions", max_rows=50)

# %%
plotting.plot_topic_trends(data.tables["topic_trends"], topic_ids=[topic])

# %% [markdown]
# ## Try other rubric thresholds
# The same rubric the report uses, with the thresholds from the parameters above; compare the
# counts with the report's (`data.tables["rubric"]`).

# %%
import dataclasses

from asklens import automation

# %%
rubric = dataclasses.replace(data.config.rubric, min_volume=min_volume, high_effort_share=high_effort_share,
                             min_coverage=min_coverage)
trial = automation.classify_topics(data.history, data.faq, topics=data.topics, period=month,
                                   config=dataclasses.replace(data.config, rubric=rubric), random_state=seed)

# %%
reporting.show_table(trial.groupby("category").size().rename("topics").reset_index(),
                     caption="Topics per category with these thresholds")

# %%
data.tables["rubric"].groupby("category").size().rename("topics in the report").reset_index()

# %%
reporting.show_table(trial, columns={"topic_label": "Topic", "category": "Placed under", "reason": "Why"},
                     caption="Every topic with these thresholds", max_rows=100)
