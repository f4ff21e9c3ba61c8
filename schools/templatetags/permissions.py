"""`{% may "letters.approve" letter as may_approve %}`: the one way a template asks whether the signed-in
person may do something, answered by the same `may_<verb>` rule the view and the service use.

"app.verb" names `<app>/permissions.py`'s `may_<verb>(user, obj)`; the object is optional for verbs that
are not about one record (e.g. `{% may "letters.write" as may_write %}`). The tag is a builtin, so no
template has to load it.
"""

from django import template
from django.contrib.auth.models import AnonymousUser

from schools.permissions import rule

register = template.Library()


@register.simple_tag(takes_context=True)
def may(context, rule_name, obj=None):
    # A page rendered without a signed-in person (an error page, say) is asked as for anyone signed out.
    return rule(rule_name)(context.get("user") or AnonymousUser(), obj)
