"""The trust's letterhead as a letter prints it: its name, and its logo as a data: URI.

A data: URI is the one way an image reaches a PDF through the restricted fetcher (letters/pdf.py), and
it lets the letter page show the logo without serving media files. Logo files are named by their
content and never overwritten, so each is read once per process.
"""

import base64
from functools import lru_cache

from django.core.files.storage import default_storage

MIME = {"png": "image/png", "jpg": "image/jpeg"}


@lru_cache(maxsize=8)
def logo_data_uri(name: str) -> str:
    """`data:image/png;base64,...` for a stored logo, or "" when there is none (or it has gone)."""
    if not name or not default_storage.exists(name):
        return ""
    with default_storage.open(name, "rb") as handle:
        data = handle.read()
    mime = MIME.get(name.rsplit(".", 1)[-1].lower(), "image/png")
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"
