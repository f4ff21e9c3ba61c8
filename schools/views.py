from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from schools.access import access_for, appointment_required, get_for_user
from schools.models import Appointment, School
from schools.permissions import may_head
from schools.roles import Role


@login_required
def home(request):
    """Everyone with a role lands on their to-do page; what used to be each role's landing page (the
    overview, the audit schedule, their school's page) is in the menu."""
    if access_for(request.user).roles:
        return redirect("todo:list")
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
            "is_head": may_head(request.user, school),
        },
    )
