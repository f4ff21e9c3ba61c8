from .models import Pack


def packs_for(user):
    """The packs this person may read, newest meeting first."""
    return Pack.objects.visible_to(user).select_related("made_by", "half_term")
