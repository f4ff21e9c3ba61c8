"""Who may do each step of a peer review. A person first has to see the review (`visible_to`: the group
and the school's head); these then say which of them may act. Used by views, services and templates."""

from django.core.exceptions import ValidationError

from schools.access import access_for
from schools.roles import Role


def may_plan(user) -> bool:
    """The CEO plans each school's review and chooses the group."""
    return access_for(user).has_trust_role(Role.CEO)


def is_school_lead(user, review) -> bool:
    """The school lead is the reviewed school's head (headteacher or head of school)."""
    return access_for(user).is_head_of(review.school_id)


def may_lead(user, review) -> bool:
    """The CEO adds to the questions, agrees the timetable and writes the findings letter."""
    return access_for(user).has_trust_role(Role.CEO) and review.members.filter(person=user).exists()


def may_record_day(user, review) -> bool:
    """Anyone in the group (the school lead included) keeps the day's notes."""
    return is_school_lead(user, review) or review.members.filter(person=user).exists()


def may_record_staff_session(user, review) -> bool:
    return is_school_lead(user, review) or may_lead(user, review)


def require(allowed: bool, message: str) -> None:
    if not allowed:
        raise ValidationError(message)
