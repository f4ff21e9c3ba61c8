from django import template

from packs.permissions import may_read_packs

register = template.Library()


@register.filter
def reads_packs(user) -> bool:
    return may_read_packs(user)
