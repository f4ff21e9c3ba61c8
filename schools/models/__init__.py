from .calendar import AcademicYear, HalfTerm, HalfTermNumber
from .people import Appointment
from .school import Phase, School, SchoolScopedQuerySet
from .trust import Trust

__all__ = [
    "AcademicYear",
    "Appointment",
    "HalfTerm",
    "HalfTermNumber",
    "Phase",
    "School",
    "SchoolScopedQuerySet",
    "Trust",
]
