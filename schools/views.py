from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from schools.access import access_for, appointment_required, get_for_user
from schools.models import Appointment, School
from schools.roles import Role

# Where each role lands after signing in, most specific first. A role not named here lands on the
# schools list (trust-wide) or on their school's page (school roles).
HOME_BY_TRUST_ROLE = [
    (Role.COMPLIANCE_MANAGER, "audits:schedule"),
]
DEFAULT_TRUST_HOME = "categorisation:overview"


@login_required
def home(request):
    access = access_for(request.user)
    if access.trust_wide:
        for role, url_name in HOME_BY_TRUST_ROLE:
            if access.has_trust_role(role) and access.trust_roles <= {role}:
                return redirect(url_name)
        return redirect(DEFAULT_TRUST_HOME)
    if len(access.school_ids) == 1:
        school = School.objects.get(pk=next(iter(access.school_ids)))
        return redirect("schools:detail", urn=school.urn)
    if access.school_ids:
        return redirect("schools:list")
    return render(request, "schools/no_role.html", status=403)


@appointment_required
def school_list(request):
    schools = School.objects.visible_to(request.user).order_by("name")
    heads = {
        a.school_id: a.person
        for a in Appointment.objects.current()
        .filter(school__in=schools, role__in=[Role.HEADTEACHER, Role.HEAD_OF_SCHOOL])
        .select_related("person")
    }
    rows = [(school, heads.get(school.pk)) for school in schools]
    return render(request, "schools/school_list.html", {"rows": rows})


@appointment_required
def school_detail(request, urn):
    school = get_for_user(School.objects, request.user, urn=urn)
    appointments = Appointment.objects.current().filter(school=school).select_related("person")
    return render(
        request,
        "schools/school_detail.html",
        {
            "school": school,
            "appointments": appointments,
            "is_head": access_for(request.user).is_head_of(school.pk),
        },
    )
