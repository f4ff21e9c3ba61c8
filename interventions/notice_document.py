"""A warning notice as the school receives it: who it goes to (by role, as seed 002 sets out), the
content frozen at issue, and its PDF made through the shared PDF-record path."""

import hashlib
import json

from django.db.models import Q
from django.template.loader import render_to_string

from categorisation.models import Dimension
from schools.models import Appointment
from schools.roles import HEAD_ROLES, Role
from trust_portal.pdf_records import pdf_record_render

from .models import NoticePdf, WarningNotice

# Who receives a notice (pages 14-15): the HT/EHT, the LSB chair, the CEO, and the committee chair.
HT_OR_EHT = (*sorted(HEAD_ROLES), Role.EHT)
RECIPIENT_ROLES = {
    Dimension.FINANCE: (*HT_OR_EHT, Role.LSB_CHAIR, Role.CEO, Role.FR_CHAIR),
    Dimension.EDUCATION: (*HT_OR_EHT, Role.LSB_CHAIR, Role.ES_CHAIR, Role.CEO),
}
SCHOOL_ROLES = {*HEAD_ROLES, Role.LSB_CHAIR}


def roles_by_person(*, school) -> dict:
    """{person id: [role labels]} of the school's and the trust's current appointments (one query)."""
    found = {}
    appointments = Appointment.objects.current().filter(Q(school__isnull=True) | Q(school=school))
    for person_id, role in appointments.values_list("person_id", "role").order_by("role"):
        found.setdefault(person_id, []).append(Role(role).label)
    return found


def notice_default_recipients(*, school, dimension: str) -> list[tuple[object, str]]:
    """(person, role) for each person the notice goes to by role, in the seed's order (one query)."""
    roles = RECIPIENT_ROLES[Dimension(dimension)]
    current = Appointment.objects.current().select_related("person").filter(role__in=roles)
    found = {}
    for appointment in current:
        at_school = appointment.role in SCHOOL_ROLES
        if at_school and appointment.school_id != school.pk:
            continue
        if not at_school and appointment.school_id is not None:
            continue
        if appointment.person.is_active:
            found.setdefault(appointment.person, []).append(appointment.role)
    order = {role: n for n, role in enumerate(roles)}
    ranked = sorted(found.items(), key=lambda item: (min(order[r] for r in item[1]), item[0].pk))
    return [(person, ", ".join(Role(r).label for r in held)) for person, held in ranked]


def notice_content(notice: WarningNotice) -> dict:
    """What the notice says, frozen: the PDF and the "as sent" page are made from this, never the rows."""
    roles = roles_by_person(school=notice.school)
    return {
        "school_name": notice.school.name,
        "urn": notice.school.urn,
        "dimension": notice.dimension,
        "dimension_label": notice.get_dimension_display(),
        "issued_on": f"{notice.issued_on:%-d %B %Y}",
        "issued_by": str(notice.issued_by),
        "recipients": [
            f"{person} ({', '.join(roles.get(person.pk, [])) or 'no current role'})"
            for person in notice.recipients.order_by("last_name", "first_name")
        ],
        "grounds": notice.grounds,
        "matters": [line.strip() for line in notice.matters.splitlines() if line.strip()],
        "targets": [{"text": t.text, "due_on": f"{t.due_on:%-d %B %Y}"} for t in notice.targets.all()],
        "period_ends_on": f"{notice.period_ends_on:%-d %B %Y}",
        "advisor": notice.advisor,
        "coaching": notice.coaching,
        "consequence": notice.consequence,
    }


def content_hash(content: dict) -> str:
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def notice_document_html(content: dict, *, for_pdf: bool = True, notice_id=None) -> str:
    return render_to_string(
        "interventions/notice_document.html", {"c": content, "for_pdf": for_pdf, "notice_id": notice_id}
    )


def notice_pdf_render(*, pdf_id: int) -> NoticePdf | None:
    return pdf_record_render(
        model=NoticePdf,
        pk=pdf_id,
        html=lambda pdf: notice_document_html(pdf.content),
        file_name=lambda pdf: (
            f"notices/{pdf.content['urn']}/warning-notice-{pdf.notice_id}-v{pdf.version}-"
            f"{pdf.content_hash[:12]}.pdf"
        ),
    )
