from django.core.exceptions import ValidationError


class LetterError(ValidationError):
    """A move the letters app refuses; the message says why and what is needed."""
