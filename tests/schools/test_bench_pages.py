"""`manage.py bench_pages` on a small trust: it builds the demo trust twice in throwaway databases and
prints a row for every page and persona, with both runs' figures side by side."""

import re
from io import StringIO

from django.core.management import call_command

PAGE_ROW = re.compile(r"^\| (?P<label>.+?) `(?P<path>\S+)` \| (?P<persona>\S+) \| (?P<status>\d+ / \d+) \| ")


def test_bench_pages_prints_each_page_at_12_and_at_n_schools(db):
    out = StringIO()
    call_command("bench_pages", schools=13, samples=1, stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Pages on the demo trust, SQLite, median of 1 requests")
    assert lines[1].startswith("| page | persona | status | queries 12 / 13 | ms 12 | ms 13 | ratio |")
    rows = [PAGE_ROW.match(line) for line in lines[3:]]
    assert all(rows), lines
    # Every GET page answers 200 at both sizes; then the half-term screen's two saves redirect.
    gets = [row for row in rows if "POST" not in row["label"]]
    assert {row["status"] for row in gets} == {"200 / 200"}
    saves = [row for row in rows if "POST" in row["label"]]
    assert [row["status"] for row in saves] == ["302 / 302", "302 / 302"]
    assert len(gets) == 20 and {row["persona"] for row in gets} == {
        "ceo",
        "cfo",
        "compliance",
        "trustee",
        "head.castle",
    }
