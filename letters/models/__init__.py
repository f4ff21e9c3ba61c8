from .batches import LetterBatch, LetterBatchItem
from .directives import Directive, DirectiveEvent
from .letter import Letter, LetterPdf
from .statuses import (
    BatchKind,
    DirectiveStatus,
    EmailStatus,
    ItemStatus,
    LetterStatus,
    RenderStatus,
)

__all__ = [
    "BatchKind",
    "Directive",
    "DirectiveEvent",
    "DirectiveStatus",
    "EmailStatus",
    "ItemStatus",
    "Letter",
    "LetterBatch",
    "LetterBatchItem",
    "LetterPdf",
    "LetterStatus",
    "RenderStatus",
]
