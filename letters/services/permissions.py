"""How the letters services refuse: the rule is in letters/permissions.py; a refusal from a service is a
`LetterError` (a ValidationError) that says who may, so the page shows it in its error summary."""

from ..errors import LetterError


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise LetterError(message)
