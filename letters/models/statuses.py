"""Every status in the letters app, each with its one table of allowed moves."""

from django.db import models

from trust_portal.pdf_records import RENDER_MOVES, RenderStatus  # noqa: F401 (the letters' statuses)


class DirectiveStatus(models.TextChoices):
    OPEN = "open", "Open"
    REPORTED_DONE = "reported_done", "Reported done"
    RETURNED = "returned", "Returned to the school"
    CLOSED = "closed", "Closed"


# The head reports a directive done; the CEO accepts it (closed) or returns it with a reason.
DIRECTIVE_MOVES = {
    DirectiveStatus.OPEN: {DirectiveStatus.REPORTED_DONE},
    DirectiveStatus.REPORTED_DONE: {DirectiveStatus.CLOSED, DirectiveStatus.RETURNED},
    DirectiveStatus.RETURNED: {DirectiveStatus.REPORTED_DONE},
    DirectiveStatus.CLOSED: set(),
}


class LetterStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"
    ISSUED = "issued", "Issued"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"


# Approved letters can go back to draft for more changes; once issued a letter is a record.
LETTER_MOVES = {
    LetterStatus.DRAFT: {LetterStatus.APPROVED},
    LetterStatus.APPROVED: {LetterStatus.DRAFT, LetterStatus.ISSUED},
    LetterStatus.ISSUED: {LetterStatus.ACKNOWLEDGED},
    LetterStatus.ACKNOWLEDGED: set(),
}


class EmailStatus(models.TextChoices):
    NOT_SENT = "not_sent", "Not sent"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


EMAIL_MOVES = {
    EmailStatus.NOT_SENT: {EmailStatus.SENDING},
    EmailStatus.SENDING: {EmailStatus.SENT, EmailStatus.FAILED},
    EmailStatus.FAILED: {EmailStatus.SENDING},
    EmailStatus.SENT: set(),
}


class BatchKind(models.TextChoices):
    APPROVE = "approve", "Approve all drafts"
    ISSUE = "issue", "Issue all approved letters"


class ItemStatus(models.TextChoices):
    PENDING = "pending", "Waiting"
    PROCESSING = "processing", "In progress"
    DONE = "done", "Done"
    FAILED = "failed", "Failed"


ITEM_MOVES = {
    ItemStatus.PENDING: {ItemStatus.PROCESSING},
    ItemStatus.PROCESSING: {ItemStatus.DONE, ItemStatus.FAILED},
    ItemStatus.FAILED: {ItemStatus.PENDING},
    ItemStatus.DONE: set(),
}


def move_allowed(moves, current, new) -> bool:
    return new in moves.get(current, set())


LETTER_STATUS_COLOURS = {
    LetterStatus.DRAFT: "grey",
    LetterStatus.APPROVED: "yellow",
    LetterStatus.ISSUED: "green",
    LetterStatus.ACKNOWLEDGED: "green",
}
DIRECTIVE_STATUS_COLOURS = {
    DirectiveStatus.OPEN: "orange",
    DirectiveStatus.REPORTED_DONE: "yellow",
    DirectiveStatus.RETURNED: "red",
    DirectiveStatus.CLOSED: "green",
}
