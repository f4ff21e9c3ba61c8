"""What a to-do item is: each app's selector returns these, the to-do page groups and sorts them."""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class TodoItem:
    group: str  # the heading it is listed under, e.g. "Letters"
    title: str  # what to do, in the trust's words
    href: str  # where it is acted on
    status: str  # the status tag's text
    colour: str  # the status tag's colour (tag--<colour>)
    due_on: date | None = None
    overdue: bool = False
    # A form the item can be acted on with in place: (url, button text). None for a link only.
    action: tuple[str, str] | None = None
    # Forms with fields (a reason, a date, a file), acted on in place: a template the to-do page includes
    # with `subject` as its `action` (e.g. "audits/_action_report_forms.html" with the audit action).
    forms: str | None = None
    subject: object = None


def sort_key(item: TodoItem):
    """Overdue first, then the soonest due, then undated; ties by title."""
    return (not item.overdue, item.due_on is None, item.due_on or date.max, item.title)
