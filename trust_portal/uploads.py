"""Uploaded files: limited by size and type (checked by content, not only by name), stored under
MEDIA_ROOT (outside the static folder) and served only through views that check access first."""

import mimetypes
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.http import FileResponse

# extension -> the bytes a genuine file of that type starts with
SIGNATURES = {
    ".pdf": [b"%PDF-"],
    ".png": [b"\x89PNG\r\n\x1a\n"],
    ".jpg": [b"\xff\xd8\xff"],
    ".jpeg": [b"\xff\xd8\xff"],
    ".docx": [b"PK\x03\x04"],
    ".xlsx": [b"PK\x03\x04"],
    ".csv": [],
    ".txt": [],
}
EVIDENCE_TYPES = (".pdf", ".png", ".jpg", ".jpeg", ".docx", ".xlsx")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def validate_upload(upload, *, allowed=EVIDENCE_TYPES, max_bytes=DEFAULT_MAX_BYTES):
    """Refuse a file that is too big or not an allowed type, with a message that says what to do."""
    suffix = PurePath(upload.name).suffix.lower()
    if suffix not in allowed:
        kinds = ", ".join(s.lstrip(".").upper() for s in allowed)
        raise ValidationError(f"The file must be one of: {kinds}. '{upload.name}' is not.")
    if upload.size > max_bytes:
        raise ValidationError(
            f"The file must be smaller than {max_bytes // (1024 * 1024)} MB; '{upload.name}' is "
            f"{upload.size / (1024 * 1024):.1f} MB."
        )
    signatures = SIGNATURES.get(suffix, [])
    if signatures:
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        if not any(head.startswith(sig) for sig in signatures):
            raise ValidationError(
                f"'{upload.name}' does not look like a real {suffix.lstrip('.').upper()} file."
            )
    return upload


def protected_file_response(field_file, *, download_name: str):
    """Serve a stored file as an attachment. Call only after the access check for its owner."""
    content_type = mimetypes.guess_type(download_name)[0] or "application/octet-stream"
    return FileResponse(
        field_file.open("rb"), as_attachment=True, filename=download_name, content_type=content_type
    )
