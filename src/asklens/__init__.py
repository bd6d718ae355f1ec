"""asklens: turn a library's question logs into decisions.

Read the logs into one canonical, privacy-safe table, find the topics people ask
about, decide what to automate, where the FAQ has gaps and where people are
needed, and render monthly reports.

The public API is re-exported here and imported lazily, so ``import asklens`` is
fast and the CLI starts quickly.

Examples
--------
>>> import asklens
>>> config = asklens.load_config("data/sample/asklens.toml")  # doctest: +SKIP
>>> questions = asklens.read_questions("data/sample/questions/*.csv", config=config)  # doctest: +SKIP
>>> topics = asklens.TopicModel.from_config(config).fit(questions)  # doctest: +SKIP
>>> rubric = asklens.classify_topics(questions.assign(topic_id=topics.labels_),  # doctest: +SKIP
...                                  asklens.read_faq("data/sample/faq.json", config=config), config=config)
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS: dict[str, str] = {
    # errors and config
    "AsklensError": "asklens.errors",
    "InputError": "asklens.errors",
    "ConfigError": "asklens.errors",
    "NotebookError": "asklens.errors",
    "Config": "asklens.config",
    "load_config": "asklens.config",
    # the canonical tables
    "QUESTION_COLUMNS": "asklens.schema",
    "FAQ_COLUMNS": "asklens.schema",
    "validate_questions": "asklens.schema",
    "validate_faq": "asklens.schema",
    # reading
    "read_questions": "asklens.readers",
    "read_faq": "asklens.readers",
    "load_questions": "asklens.readers",
    "detect_format": "asklens.readers",
    "ReadResult": "asklens.readers",
    # privacy
    "scrub": "asklens.privacy",
    "scrub_text": "asklens.privacy",
    # text
    "repair_text": "asklens.text",
    "parse_transcript": "asklens.text",
    # topic descriptions (issue 3)
    "describe_topics": "asklens.describe",
    "recurring_questions": "asklens.describe",
    # vectors, request focus, topics, evaluation (issue 3)
    "make_vectorizer": "asklens.vectorize",
    "embed": "asklens.gaps",
    "focus_text": "asklens.focus",
    "TopicModel": "asklens.topics",
    "load_curation": "asklens.topics",
    "evaluate_topics": "asklens.evaluate",
    "clustering_scores": "asklens.evaluate",
    # sample data
    "make_sample_workspace": "asklens.datasets",
    "generate_questions": "asklens.datasets",
    # analyses: FAQ coverage, gaps, custom work (issue 4)
    "match_faq": "asklens.gaps",
    "calibrate_threshold": "asklens.gaps",
    "faq_coverage": "asklens.gaps",
    "question_coverage": "asklens.gaps",
    "knowledge_gaps": "asklens.gaps",
    "stale_faqs": "asklens.gaps",
    "custom_work": "asklens.gaps",
    "predict_effort": "asklens.gaps",
    "topic_cohesion": "asklens.gaps",
    # analyses: automation and the rubric (issue 4)
    "automation_candidates": "asklens.automation",
    "estimate_time_saved": "asklens.automation",
    "TimeSavedEstimate": "asklens.automation",
    "classify_topics": "asklens.automation",
    # analyses: trends (issue 4)
    "topic_trends": "asklens.trends",
    "rising_topics": "asklens.trends",
    "channel_mix": "asklens.trends",
    "load_heatmap": "asklens.trends",
    "term_calendar": "asklens.trends",
    "term_week": "asklens.trends",
    "seasonal_comparison": "asklens.trends",
    # reports (issue 5)
    "render_report": "asklens.reporting",
    "render_reports": "asklens.reporting",
    "build_report_data": "asklens.reporting",
    "ReportData": "asklens.reporting",
    "ReportResult": "asklens.reporting",
    "write_index": "asklens.reporting",
    "init_workspace": "asklens.reporting",
    "check_parameters": "asklens.reporting",
}

__all__ = ["__version__", *sorted(_EXPORTS)]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'asklens' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
