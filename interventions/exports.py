"""The interventions dashboard for a spreadsheet: every open REP, Finance REP, warning notice and
Improvement Board, a row each, then each slipping deadline the dashboard lists (a fixed number of queries
whatever the number of schools)."""

from categorisation.models import Dimension
from schools.models import School

from .models import Frep, ImprovementBoard, RecordStatus, Rep, WarningNotice
from .selectors import deadlines_for

HEADERS = ["Record", "URN", "School", "Dimension", "Started on", "Ends on", "Led by", "Status", "Detail"]
SLIPPED = "Deadline slipped"


def _row(kind, record, *, dimension, started, ends, led_by):
    school = record.school
    return [kind, school.urn, school.name, dimension, started, ends, led_by, record.get_status_display(), ""]


def open_interventions_table(user, *, today) -> tuple[list, list]:
    """The records the dashboard lists (open ones), of the schools `user` may see, by school; then the
    slipping deadlines (due on, in "Ends on")."""

    def open_(model):
        return model.objects.visible_to(user).filter(status=RecordStatus.OPEN).select_related("school")

    education, finance = Dimension.EDUCATION.label, Dimension.FINANCE.label
    rows = [
        *(
            _row("REP", r, dimension=education, started=r.written_on, ends=r.ends_on, led_by=str(r.author))
            for r in open_(Rep).select_related("author")
        ),
        *(
            _row("Finance REP", f, dimension=finance, started=f.written_on, ends=None, led_by=str(f.author))
            for f in open_(Frep).select_related("author")
        ),
        *(
            _row(
                "Warning notice",
                n,
                dimension=n.get_dimension_display(),
                started=n.issued_on,
                ends=n.period_ends_on,
                led_by=str(n.issued_by),
            )
            for n in open_(WarningNotice).select_related("issued_by")
        ),
        *(
            _row(
                "Improvement Board",
                b,
                dimension=b.get_dimension_display(),
                started=b.formed_on,
                ends=None,
                led_by=b.interim_leader,
            )
            for b in open_(ImprovementBoard)
        ),
    ]
    rows.sort(key=lambda row: (row[2], row[0]))
    visible = set(School.objects.visible_to(user).values_list("pk", flat=True))
    rows += [
        [d.kind, d.school.urn, d.school.name, "", None, d.due_on, "", SLIPPED, d.text]
        for d in deadlines_for(on=today)
        if d.school.pk in visible
    ]
    return HEADERS, rows
