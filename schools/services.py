"""Changes to the trust's settings and to schools' figures that other apps (imports, pages) make."""

import hashlib
import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image, UnidentifiedImageError

from trust_portal.uploads import validate_upload

from .models import School, Trust
from .permissions import require_change_letterhead, require_record_pupil_numbers

LOGO_TYPES = (".png", ".jpg", ".jpeg")
LOGO_MAX_BYTES = 1024 * 1024
# Printed about 60 mm wide; larger images only slow every PDF down (a 2 MB logo doubles the render time).
LOGO_MAX_PIXELS = (800, 300)
LOGO_FORMATS = {"PNG": "png", "JPEG": "jpg"}


def _logo_bytes(upload) -> tuple[bytes, str]:
    """The upload checked (type, size, a real PNG or JPEG image), scaled down and re-encoded."""
    validate_upload(upload, allowed=LOGO_TYPES, max_bytes=LOGO_MAX_BYTES)
    upload.seek(0)
    try:
        image = Image.open(upload)
        kind = LOGO_FORMATS.get(image.format)
        if kind is None:
            raise ValidationError("The logo must be a PNG or JPEG image.")
        if image.width * image.height > 25_000_000:
            raise ValidationError(
                "The logo is too large an image; save a smaller copy (under 800 pixels wide)."
            )
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise ValidationError(
            f"'{upload.name}' could not be read as an image. Upload a PNG or JPEG."
        ) from None
    image.thumbnail(LOGO_MAX_PIXELS)
    out = io.BytesIO()
    if kind == "jpg":
        image.convert("RGB").save(out, "JPEG", quality=90)
    else:
        image.save(out, "PNG", optimize=True)
    return out.getvalue(), kind


@transaction.atomic
def trust_logo_set(*, trust: Trust, upload, actor) -> Trust:
    """The CEO's letterhead logo. Kept under a name made from its content, so a letter that printed one
    logo keeps pointing at it after a new one is uploaded."""
    require_change_letterhead(actor, trust)
    data, kind = _logo_bytes(upload)
    name = f"trust/logo-{hashlib.sha256(data).hexdigest()[:16]}.{kind}"
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile(data))
    trust = Trust.objects.select_for_update().get(pk=trust.pk)
    trust.logo.name = name
    trust.save(update_fields=["logo"])
    return trust


@transaction.atomic
def trust_logo_remove(*, trust: Trust, actor) -> Trust:
    """Letters print the trust's name alone. The file stays: letters already sent still show it."""
    require_change_letterhead(actor, trust)
    trust = Trust.objects.select_for_update().get(pk=trust.pk)
    trust.logo.name = ""
    trust.save(update_fields=["logo"])
    return trust


@transaction.atomic
def pupil_numbers_record(*, school: School, pupils_on_roll: int, actor) -> School:
    """Record how many pupils a school has on roll (from an import, the API or a page; shown on its letter
    beside its capacity). `actor` is who did it."""
    require_record_pupil_numbers(actor, school)
    if pupils_on_roll is None or pupils_on_roll < 0:
        raise ValidationError({"pupils_on_roll": "Pupils on roll must be a whole number, 0 or more."})
    school = School.objects.select_for_update().get(pk=school.pk)
    school.pupils_on_roll = pupils_on_roll
    school.save(update_fields=["pupils_on_roll"])
    return school
