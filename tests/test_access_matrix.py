import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests.access
from tests.personas import PERSONAS, sign_in

# Django's own admin is the back office: staff only, guarded by Django itself (tested in test_admin.py).
UNRULED_NAMESPACES = {"admin"}


def _rule_modules():
    for info in pkgutil.iter_modules(tests.access.__path__):
        if info.name.startswith("rules_"):
            yield importlib.import_module(f"tests.access.{info.name}")


RULES = [rule for module in _rule_modules() for rule in module.RULES]


def _url_names(resolver=None, namespace=None):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            if inner in UNRULED_NAMESPACES:
                continue
            prefix = f"{namespace}:" if namespace and pattern.namespace else ""
            yield from _url_names(pattern, f"{prefix}{pattern.namespace}" if pattern.namespace else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_url_has_an_access_rule():
    served = set(_url_names())
    ruled = {rule.name for rule in RULES}
    assert not served - ruled, f"URLs with no access rule in tests/access/: {sorted(served - ruled)}"
    assert not ruled - served, f"Access rules for URLs that no longer exist: {sorted(ruled - served)}"


@pytest.mark.parametrize(
    ("rule", "persona"),
    [(rule, persona) for rule in RULES for persona in PERSONAS],
    ids=[f"{rule.name}-{rule.method}-{persona}" for rule in RULES for persona in PERSONAS],
)
def test_access(rule, persona, world, client):
    url = reverse(rule.name, kwargs=rule.kwargs(world))
    sign_in(client, getattr(world, persona))
    send = getattr(client, rule.method)
    response = send(url, rule.data(world)) if rule.method == "post" else send(url)
    expected = rule.expect[persona]
    assert response.status_code == expected, f"{persona} {rule.method.upper()} {url}"
    if persona == "anonymous" and expected == 302:
        assert response["Location"].startswith(reverse("accounts:login")), (
            "anonymous people are sent to sign in"
        )
