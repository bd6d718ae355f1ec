"""``asklens evaluate``: measure topic quality against labelled questions."""

from __future__ import annotations

from pathlib import Path

import typer

from asklens.cli import app


def _read_table(path: Path):
    """Read a CSV/TSV/Excel/JSON/JSON Lines file (any encoding or delimiter, as the readers do) or Parquet."""
    import pandas as pd

    from asklens.errors import InputError
    from asklens.readers._table import load_table

    if not path.is_file():
        raise InputError("no such file", path=path, fix="give the path of a CSV, Excel or Parquet file")
    if path.suffix.lower() == ".parquet":
        try:
            return pd.read_parquet(path)
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read the Parquet file: {exc}", path=path,
                             fix="write it again, or save it as CSV or Excel") from None
    # the question-log readers' loader: detects UTF-8/UTF-16/cp1252/mac_roman, BOMs, the delimiter,
    # Excel and JSON, and says what is wrong in one line
    return load_table(path).frame


@app.command("evaluate")
def evaluate(
    path: Path = typer.Argument(..., metavar="FILE", help="A labelled table: CSV, TSV, Excel, Parquet or JSON Lines.",
                                show_default=False),
    text_col: str = typer.Option(..., "--text-col", metavar="COLUMN", help="The column holding the question text."),
    label_col: str = typer.Option(..., "--label-col", metavar="COLUMN", help="The column holding the true topic or intent."),
    backend: str = typer.Option("tfidf", "--backend", "-b", metavar="NAME", help="Vectorizer: tfidf (no model), semantic or hybrid."),
    model: str | None = typer.Option(None, "--model", "-m", metavar="NAME",
                                     help="Sentence model name or local folder (semantic backends; default: "
                                          "the packaged all-MiniLM-L6-v2)."),
    n_topics: int | None = typer.Option(None, "--n-topics", "-k", min=1, metavar="N",
                                        help="Force this many topics (default: found from the data)."),
    random_state: int = typer.Option(0, "--random-state", metavar="N", help="Seed of every random step."),
    scrub: bool = typer.Option(True, "--scrub/--no-scrub", metavar="",
                               help="Mask personal data before vectorizing (on by default; turn off only for "
                                    "public data sets)."),
    as_json: bool = typer.Option(False, "--json", metavar="", help="Print the scores as JSON."),
) -> None:
    """Fit topics on labelled questions and print NMI, ARI, accuracy, topic count, miscellaneous share and seconds.

    Rows with an empty text or label are left out (their count is printed).
    """
    import json

    from asklens.errors import InputError
    from asklens.evaluate import evaluate_topics

    table = _read_table(path)
    for col in (text_col, label_col):
        if col not in table.columns:
            raise InputError(f"there is no column {col!r}; the columns are {list(table.columns)}",
                             path=path, column=col, fix="name an existing column with --text-col/--label-col")
    texts = table[text_col].fillna("").astype(str).str.strip()
    labels = table[label_col].fillna("").astype(str).str.strip()
    keep = (texts != "") & (labels != "")
    dropped = int((~keep).sum())
    texts, labels = texts[keep].tolist(), labels[keep].tolist()
    if len(texts) < 3:
        raise InputError(f"only {len(texts)} labelled rows with text", path=path,
                         fix="give a file with more labelled questions")
    if scrub:
        from asklens.privacy import scrub_text

        texts = [scrub_text(t)[0] for t in texts]
    scores = evaluate_topics(texts, labels, backend=backend, n_topics=n_topics, random_state=random_state,
                             model=model)
    scores["rows_dropped"] = dropped
    scores["path"] = str(path)
    if as_json:
        typer.echo(json.dumps(scores, indent=2))
        return
    typer.echo(f"{path}: {scores['n_questions']} questions, {scores['n_labels']} labels"
               + (f" ({dropped} rows without text or label left out)" if dropped else ""))
    typer.echo(f"backend            {backend}")
    typer.echo(f"NMI                {scores['nmi']:.3f}")
    typer.echo(f"ARI                {scores['ari']:.3f}")
    typer.echo(f"accuracy           {scores['accuracy']:.3f}  (Hungarian matching)")
    typer.echo(f"topics found       {scores['n_topics']}")
    typer.echo(f"miscellaneous      {scores['misc_share']:.1%}")
    typer.echo(f"seconds            {scores['seconds']:.1f}")
