"""Packs for the access tests and the pack tests: made through the service, the PDF through the worker's
own render function."""

from django.utils import timezone

from packs.document import pack_pdf_render
from packs.models import Pack, PackKind
from packs.services import pack_make
from tests.categorisation.factories import CategorisationFactory, half_term, level
from trust_portal.pdf_records import RenderStatus


def categorised(world):
    """School A Universal in Aut 1 2026 and moved to Concerning in Aut 2 2026, with a rationale."""
    CategorisationFactory(
        school=world.school_a, level=level("education", "universal"), half_term=half_term(2026, 1)
    )
    CategorisationFactory(
        school=world.school_a,
        level=level("education", "concerning"),
        half_term=half_term(2026, 2),
        rationale="Reading results fell for the second year.",
    )


def pack(world, kind=PackKind.TRUST_BOARD, *, ready=False):
    made = pack_make(kind=kind, meeting_on=timezone.localdate(), by=world.ceo)
    if ready:
        made = pack_pdf_render(pack_id=made.pk)
    return made


def board_pack(world):
    return pack(world)


def ready_board_pack(world):
    return pack(world, ready=True)


def failed_board_pack(world):
    """A board pack whose PDF failed (its content was frozen first)."""
    made = pack_pdf_render(pack_id=pack(world).pk)
    Pack.objects.filter(pk=made.pk).update(
        status=RenderStatus.FAILED, file="", last_error="OSError: the disk was full"
    )
    made.refresh_from_db()
    return made


def es_pack(world):
    return pack(world, PackKind.EDUCATION_STANDARDS)


def fr_pack(world):
    return pack(world, PackKind.FINANCE_RISK)
