from schools.access import access_for
from schools.models import Trust


def portal(request):
    """The trust's name and the signed-in person's roles, for the layout and navigation."""
    user = getattr(request, "user", None)
    return {
        "trust_name": Trust.objects.get_current().name if user and user.is_authenticated else "",
        "access": access_for(user),
    }
