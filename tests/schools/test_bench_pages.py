"""`manage.py bench_pages --schools 120`, as CI runs it: it builds the demo trust at 12 and at 120 schools in
throwaway SQLite databases and prints a row for every page and persona, both runs' figures side by side.
The table is printed to the test log (times there are for reading, not asserted)."""

import re
from io import StringIO

from django.core.management import call_command

from schools.bench_pages import PAGES

PAGE_ROW = re.compile(r"^\| (?P<label>.+?) `(?P<path>\S+)` \| (?P<persona>\S+) \| (?P<status>\d+ / \d+) \| ")


def test_bench_pages_prints_each_page_at_12_and_at_120_schools(db, capsys):
    out = StringIO()
    call_command("bench_pages", schools=120, samples=3, stdout=out)
    with capsys.disabled():
        print("\n" + out.getvalue())
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Pages on the demo trust, SQLite, median of 3 requests")
    assert lines[1].startswith("| page | persona | status | queries 12 / 120 | ms 12 | ms 120 | ratio |")
    rows = [PAGE_ROW.match(line) for line in lines[3:]]
    assert all(rows), lines
    # Every GET page answers 200 at both sizes; then the half-term screen's two saves redirect.
    gets = [row for row in rows if "POST" not in row["label"]]
    assert {row["status"] for row in gets} == {"200 / 200"}
    saves = [row for row in rows if "POST" in row["label"]]
    assert [row["status"] for row in saves] == ["302 / 302", "302 / 302"]
    assert len(gets) == len(PAGES) and {row["persona"] for row in gets} >= {
        "ceo",
        "cfo",
        "compliance",
        "trustee",
        "head.castle",
    }
    # The query counts stay the same as the trust grows tenfold, on every page and both saves.
    for line in lines[3:]:
        twelve, hundred_and_twenty = line.split(" | ")[3].split(" / ")
        assert twelve == hundred_and_twenty, line
