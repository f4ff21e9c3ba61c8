from .batches import letter_batch_retry, letter_batch_start
from .directives import (
    directive_accept,
    directive_report_done,
    directive_return,
    directive_set,
    directive_withdraw,
)
from .letters import (
    letter_acknowledge,
    letter_approve,
    letter_correct,
    letter_draft_create,
    letter_issue,
    letter_return_to_draft,
    letter_update,
    letters_drafts_create,
)

__all__ = [
    "directive_accept",
    "directive_report_done",
    "directive_return",
    "directive_set",
    "directive_withdraw",
    "letter_acknowledge",
    "letter_approve",
    "letter_batch_retry",
    "letter_batch_start",
    "letter_correct",
    "letter_draft_create",
    "letter_issue",
    "letter_return_to_draft",
    "letter_update",
    "letters_drafts_create",
]
