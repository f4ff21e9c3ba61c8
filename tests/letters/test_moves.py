"""Every status's allowed moves, as tables: every from/to pair is either allowed or refused."""

import itertools

import pytest

from letters.models import DirectiveStatus, ItemStatus, LetterStatus, RenderStatus
from letters.models.statuses import (
    DIRECTIVE_MOVES,
    ITEM_MOVES,
    LETTER_MOVES,
    RENDER_MOVES,
    move_allowed,
)

ALLOWED = {
    "directive": {
        ("open", "reported_done"),
        ("reported_done", "closed"),
        ("reported_done", "returned"),
        ("returned", "reported_done"),
    },
    "letter": {
        ("draft", "approved"),
        ("approved", "draft"),
        ("approved", "issued"),
        ("issued", "acknowledged"),
    },
    "render": {
        ("pending", "processing"),
        ("processing", "ready"),
        ("processing", "failed"),
        ("failed", "processing"),
    },
    "item": {
        ("pending", "processing"),
        ("processing", "done"),
        ("processing", "failed"),
        ("failed", "pending"),
    },
}
TABLES = {
    "directive": (DirectiveStatus, DIRECTIVE_MOVES),
    "letter": (LetterStatus, LETTER_MOVES),
    "render": (RenderStatus, RENDER_MOVES),
    "item": (ItemStatus, ITEM_MOVES),
}
CASES = [
    (name, a.value, b.value)
    for name, (choices, _) in TABLES.items()
    for a, b in itertools.product(choices, repeat=2)
]


@pytest.mark.parametrize(("table", "current", "new"), CASES)
def test_each_move_is_allowed_only_if_the_table_says_so(table, current, new):
    choices, moves = TABLES[table]
    assert move_allowed(moves, choices(current), choices(new)) == ((current, new) in ALLOWED[table])


def test_every_status_has_a_row_in_its_table():
    for choices, moves in TABLES.values():
        assert set(moves) == set(choices)
