"""The to-do page's read: every app that has work for people contributes its items.

Each contributor is a `todo_items(user, access, *, today)` selector in its own app that runs a fixed
number of queries whatever the trust's size, and reads only rows the person may see.
"""

from datetime import date

from audits.selectors import todo_items as audit_items
from categorisation.selectors import todo_items as categorisation_items
from interventions.todo import todo_items as intervention_items
from letters.selectors import todo_items as letter_items
from peer_reviews.selectors import todo_items as peer_review_items

from .items import TodoItem, sort_key

CONTRIBUTORS = (categorisation_items, letter_items, audit_items, intervention_items, peer_review_items)


def todo_for(user, access, *, today: date) -> list[tuple[str, list[TodoItem]]]:
    """[(group, [item, overdue first])], groups in the order their most pressing item comes."""
    items = sorted(
        (item for contributor in CONTRIBUTORS for item in contributor(user, access, today=today)),
        key=sort_key,
    )
    groups: dict[str, list[TodoItem]] = {}
    for item in items:
        groups.setdefault(item.group, []).append(item)
    return list(groups.items())
