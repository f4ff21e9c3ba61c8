from django.core.exceptions import ValidationError


class LetterError(ValidationError):
    """A move the letters app refuses; the message says why and what is needed."""


class PdfNotReady(LetterError):
    """The letter has no ready PDF of what it says now (not made yet, or the data changed since)."""
