"""Speed benchmark: read, validate and scrub 1,000,000 generated questions from CSV.

The script writes a seeded CSV of realistic library questions (about 10% carry
personal data: emails, phones, card numbers, IPs, names, addresses, token URLs) to a
temporary folder, then, in a fresh child process so that the memory figure is the
pipeline's own, reads it with ``asklens.load_questions`` through the generic reader
(which validates and scrubs), and prints rows, seconds, rows/s, peak RSS and the
redaction counts. A second child times the parts: read + validate
(``scrub=False``) and ``asklens.privacy.scrub`` alone on the result.

Run::

    python benchmarks/bench_read_scrub.py            # 1,000,000 rows
    python benchmarks/bench_read_scrub.py --rows 200000 --no-breakdown

Targets (issue 2): under 60 s and under 4 GB peak memory on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

SEED = 0

CLEAN = [
    "What are the library hours on {day}?",
    "Is King Library open until {hour} during finals week?",
    "How do I print in color from my laptop? The printer in room {room} says error.",
    "Can I renew {title} online? It is due {date}.",
    "Do you have {title} (ISBN {isbn}) on reserve for {course}?",
    "How do I cite a YouTube video in APA 7th edition for my {course} paper?",
    "I can't access JSTOR from off campus, it keeps asking me to log in.",
    "Where can I find peer reviewed articles about {topic}?",
    "How do I book a study room for {n} people on {day}?",
    "Is {call} checked out? The catalog says it is on the {floor} floor.",
    "Can I get this article through interlibrary loan? doi {doi}",
    "hi, how do i find the ebook version of {title}",
    "My fine says ${price}, can it be waived? I returned the book on {date}.",
    "Does the library have a scanner I can use for free?",
    "Hello! I need help finding sources for my thesis on {topic}, can I meet a librarian?",
    "wifi not working in {room}, is it down?",
    "Can alumni borrow books? I graduated in {year}.",
    "How long can I keep a laptop from the circulation desk?",
    "Is the journal with ISSN {issn} available in print or online?",
    "Where is the {course} course reserve shelf?",
    "Can you help me find statistics on {topic} from {year} to {year2}?",
    "How do I request a book from OhioLINK? The OCLC number is {oclc}.",
    "The link https://libguides.lib.miamioh.edu/{slug} is broken.",
    "I need pages {p1}-{p2} scanned from {call} please",
    "do you have microfilm of newspapers from the {decade}?",
    "Can I bring food into the library? What about the quiet floor?",
    "How do I access Adobe Creative Cloud as a student?",
    "What time does the makerspace in room {room} close on {day}?",
]
PERSONAL = [
    "Hi, my name is {name} and I can't log in. My email is {email}.",
    "Please call me at {phone} about my hold on {title}.",
    "My library card {card} doesn't work at the printer in room {room}.",
    "EZproxy blocks my IP {ip} when I open {doi}. Thanks, {name}",
    "Could you mail the ILL book to {address}? It is for {course}.",
    "This link {turl} stopped working, can you help?",
    "I'm {first} from {course}; my student ID is {sid}.",
    "Text me at {phone} when {title} comes in. Best, {name}",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Labor Day", "Thanksgiving"]
TITLES = ["The Fifth Season", "Fluid Mechanics", "Introduction to Remote Sensing", "The Blazing World",
          "Compiler Construction", "Thinking, Fast and Slow", "Python Crash Course", "The Souls of Black Folk"]
COURSES = ["ENG 111", "CSE 174", "BIO 115", "PSY 111", "HST 221", "MTH 151", "CHM 141", "ECO 201"]
TOPICS = ["climate change", "food insecurity", "the Harlem Renaissance", "machine learning", "opioid policy",
          "urban heat islands", "Title IX", "supply chains"]
CALLS = ["QA76.73 .P98 2019", "PS3545.I345 Z46 1990", "HF5549.5 .T7 B76 2011", "BF637.C45 S65 2004"]
DOIS = ["10.1000/xyz123", "10.1038/nature12373", "10.1080/02601370.2013.123456", "10.1007/s13199-017-0475-6"]
FIRST = ["Jane", "Maria", "Wei", "Aisha", "Liam", "Priya", "DeShawn", "Olivia", "Ethan", "Sofia"]
LAST = ["Doe", "Garcia", "Zhang", "Mohammed", "O'Brien", "Patel", "Williams", "Smith", "Nguyen", "Kowalski"]
CHANNELS = ["chat", "email", "desk", "phone", "sms"]


def _texts(n_pool: int, rng: np.random.Generator) -> list[str]:
    """Return ``n_pool`` distinct-ish question texts, about 10% with personal data."""
    out = []
    pick = lambda seq: seq[int(rng.integers(len(seq)))]  # noqa: E731
    for i in range(n_pool):
        personal = rng.random() < 0.10
        template = pick(PERSONAL if personal else CLEAN)
        first, last = pick(FIRST), pick(LAST)
        d = rng.integers(0, 10, size=16)
        digits = "".join(map(str, d))
        fields = {
            "day": pick(DAYS), "hour": f"{int(rng.integers(5, 12))} pm", "room": str(int(rng.integers(100, 400))),
            "title": pick(TITLES), "date": f"{int(rng.integers(1, 13))}/{int(rng.integers(1, 29))}",
            "isbn": "978" + digits[:10], "course": pick(COURSES), "topic": pick(TOPICS),
            "n": str(int(rng.integers(2, 9))), "call": pick(CALLS), "floor": pick(["2nd", "3rd", "4th"]),
            "doi": pick(DOIS), "price": f"{int(rng.integers(1, 90))}.{int(rng.integers(0, 99)):02d}",
            "year": str(int(rng.integers(1990, 2025))), "year2": str(int(rng.integers(2000, 2026))),
            "issn": f"{digits[:4]}-{digits[4:8]}", "oclc": digits[:9], "slug": pick(["apa", "nursing", "data"]),
            "p1": str(int(rng.integers(1, 400))), "p2": str(int(rng.integers(400, 900))),
            "decade": f"{int(rng.integers(185, 200))}0s",
            "name": f"{first} {last}", "first": first, "email": f"{first.lower()}.{last.lower()}@miamioh.edu",
            "phone": f"({digits[:3]}) {digits[3:6]}-{digits[6:10]}", "card": "2" + digits[:13],
            "ip": f"10.{d[0] * 20}.{d[1] * 25}.{d[2] * 9 + 1}", "sid": digits[:9],
            "address": f"{int(rng.integers(1, 9999))} {pick(['Main', 'High', 'Elm', 'Spring'])} St, Oxford, OH 45056",
            "turl": f"https://login.proxy.lib.miamioh.edu/login?user={last.lower()}{d[0]}&ticket={digits}abc{i}",
        }
        out.append(template.format(**fields))
    return out


def generate_csv(path: Path, n_rows: int, *, seed: int = SEED) -> None:
    """Write a seeded generic question log with ``n_rows`` rows to ``path``."""
    import pandas as pd

    rng = np.random.default_rng(seed)
    pool = np.array(_texts(min(n_rows, 60_000), rng), dtype=object)
    texts = pool[rng.integers(0, len(pool), size=n_rows)]
    start = np.datetime64("2019-01-01T08:00:00")
    seconds = np.sort(rng.integers(0, 6 * 365 * 24 * 3600, size=n_rows))
    frame = pd.DataFrame({
        "id": np.arange(1, n_rows + 1),
        "date": (start + seconds.astype("timedelta64[s]")).astype(str),
        "question": texts,
        "channel": np.array(CHANNELS)[rng.integers(0, len(CHANNELS), size=n_rows)],
    })
    frame.to_csv(path, index=False)


def _config_path(folder: Path) -> Path:
    cfg = folder / "asklens.toml"
    cfg.write_text(
        '[workspace]\nname = "Benchmark"\ntimezone = "America/New_York"\n\n'
        '[input]\nformat = "generic"\n\n[input.columns]\nquestion_id = "id"\nasked_at = "date"\ntext = "question"\n'
        'channel = "channel"\n',
        encoding="utf-8",
    )
    return cfg


def _measure(csv: str, cfg: str, mode: str) -> None:
    """Child process: run the pipeline and print a JSON line of figures."""
    import asklens
    from asklens.privacy import scrub

    out: dict = {}
    t0, c0 = time.perf_counter(), time.process_time()
    if mode == "full":
        result = asklens.load_questions(csv, format="generic", config=cfg)
        out["seconds"] = time.perf_counter() - t0
        out["cpu_seconds"] = time.process_time() - c0
        out["rows"] = len(result.questions)
        out["redactions"] = result.redactions
    else:
        result = asklens.load_questions(csv, format="generic", config=cfg, scrub=False)
        out["read_validate_seconds"] = time.perf_counter() - t0
        out["read_validate_cpu"] = time.process_time() - c0
        t1, c1 = time.perf_counter(), time.process_time()
        _, audit = scrub(result.questions)
        out["scrub_seconds"] = time.perf_counter() - t1
        out["scrub_cpu"] = time.process_time() - c1
        out["rows"] = len(result.questions)
        out["redactions"] = audit
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


def _child(csv: Path, cfg: Path, mode: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", mode, str(csv), str(cfg)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"benchmark child ({mode}) failed with exit status {proc.returncode}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--no-breakdown", action="store_true", help="skip the read/scrub breakdown run")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "CSV", "CONFIG"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, csv, cfg = args.child
        _measure(csv, cfg, mode)
        return
    with tempfile.TemporaryDirectory(prefix="asklens-bench-") as tmp:
        folder = Path(tmp)
        csv = folder / "questions.csv"
        t0 = time.perf_counter()
        generate_csv(csv, args.rows)
        size_mb = csv.stat().st_size / 1e6
        print(f"generated {args.rows:,} rows ({size_mb:.0f} MB CSV) in {time.perf_counter() - t0:.1f} s")
        cfg = _config_path(folder)
        print(f"cores available: {len(os.sched_getaffinity(0))}, load average {os.getloadavg()[0]:.1f}")
        full = _child(csv, cfg, "full")
        print(f"rows            {full['rows']:,}")
        print(f"seconds         {full['seconds']:.1f}   (load_questions: read + validate + scrub; "
              f"CPU {full['cpu_seconds']:.1f} s)")
        print(f"rows/s          {full['rows'] / full['seconds']:,.0f}")
        print(f"peak RSS        {full['peak_rss_mb']:,.0f} MB")
        print(f"redactions      {full['redactions']}")
        ok = full["seconds"] < 60 and full["peak_rss_mb"] < 4096
        if not args.no_breakdown:
            part = _child(csv, cfg, "parts")
            print(f"breakdown       read + validate {part['read_validate_seconds']:.1f} s "
                  f"(CPU {part['read_validate_cpu']:.1f} s), scrub {part['scrub_seconds']:.1f} s "
                  f"(CPU {part['scrub_cpu']:.1f} s, {part['rows'] / part['scrub_seconds']:,.0f} rows/s), "
                  f"peak RSS {part['peak_rss_mb']:,.0f} MB")
        print("target (<60 s, <4 GB):", "met" if ok else "NOT met")


if __name__ == "__main__":
    main()
