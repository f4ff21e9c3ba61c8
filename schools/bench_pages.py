"""The page benchmark's trust and pages: the demo trust grown to N schools (the twelve demo schools keep
every demo story; the others are copies of them with their own URN, name and people), and the main GET
pages each persona uses. Only ever run in the benchmark's throwaway database.
"""

import statistics
import time
from dataclasses import dataclass

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from schools import demo
from schools.models import School

DEMO_SCHOOLS = len(demo.SCHOOLS)
SAMPLES = 5


def demo_trust_build(*, schools: int) -> None:
    """The demo trust with `schools` schools, through every app's demo loader."""
    from importlib import import_module

    from schools.management.commands.load_demo import DEMO_STEPS

    originals = list(demo.SCHOOLS)
    for n in range(DEMO_SCHOOLS, schools):
        urn, name, *rest = originals[n % DEMO_SCHOOLS]
        # The first word names the head's and chair's email, so it is made unique.
        copy_name = f"Bench{n:03d} {name.split(' ', 1)[1]}"
        demo.SCHOOLS.append((str(991000 + n), copy_name, *rest))
    try:
        for step in DEMO_STEPS:
            import_module(step).load()
    finally:
        demo.SCHOOLS[:] = originals


@dataclass(frozen=True)
class Page:
    persona: str  # the demo person's email local part
    label: str
    path: str


def pages() -> list[Page]:
    castle = School.objects.get(urn="990103")
    greenway = School.objects.get(urn="990107")
    head = "head.castle"
    return [
        Page("ceo", "trust overview", "/categorisation/"),
        Page("ceo", "trust overview, 18 half-terms", "/categorisation/?span=18"),
        Page("ceo", "half-term screen", "/categorisation/decide/"),
        Page("cfo", "half-term screen (finance)", "/categorisation/decide/"),
        Page("ceo", "school categories", f"/categorisation/schools/{greenway.urn}/"),
        Page("ceo", "audit schedule", "/audits/"),
        Page("ceo", "audit actions", "/audits/actions/"),
        Page("compliance", "audit actions", "/audits/actions/"),
        Page("ceo", "audit actions grid", "/audits/actions/grid/"),
        Page("ceo", "KPIs", "/kpis/"),
        Page("ceo", "letters", "/letters/"),
        Page("ceo", "interventions", "/interventions/"),
        Page("ceo", "schools", "/schools/"),
        Page("ceo", "school page", f"/schools/{greenway.urn}/"),
        Page("trustee", "trust overview", "/categorisation/"),
        Page(head, "school page", f"/schools/{castle.urn}/"),
        Page(head, "school's audit actions", f"/audits/schools/{castle.urn}/"),
        Page(head, "school's letters", f"/letters/schools/{castle.urn}/"),
        Page(head, "school's KPIs", f"/kpis/schools/{castle.urn}/"),
        Page(head, "school's interventions", f"/interventions/schools/{castle.urn}/"),
    ]


def _client_for(local: str) -> Client:
    from django.contrib.auth import get_user_model

    from accounts.mfa import AUTHENTICATOR_APP, second_factor_required
    from schools.access import forget_access

    user = get_user_model().objects.get(email=f"{local}@{demo.DOMAIN}")
    client = Client()
    client.force_login(user)
    if second_factor_required(user):
        device, _ = TOTPDevice.objects.get_or_create(
            user=user, name=AUTHENTICATOR_APP, defaults={"confirmed": True}
        )
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    forget_access(user)
    return client


def pages_measure(*, samples: int = SAMPLES) -> list[dict]:
    """For each page: status, queries, median server time (ms) of `samples` requests, size (bytes)."""
    clients, results = {}, []
    for page in pages():
        client = clients.get(page.persona) or clients.setdefault(page.persona, _client_for(page.persona))
        client.get(page.path)  # warm: templates, the session, the person's roles
        times = []
        for _ in range(samples):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(page.path)
                times.append(time.perf_counter() - started)
        results.append(
            {
                "persona": page.persona,
                "label": page.label,
                "path": page.path,
                "status": response.status_code,
                "queries": len(queries),
                "ms": statistics.median(times) * 1000,
                "bytes": len(response.content),
            }
        )
    results.extend(_screen_saves(clients["ceo"]))
    return results


def _screen_saves(client) -> list[dict]:
    """Saving the whole half-term screen as the CEO (every school confirmed at its category: 3 decisions a
    school), then the same again (nothing changed). One request each: the first one writes."""
    from categorisation.screen import field_name, screen_rows
    from schools.models import HalfTerm

    half_term = HalfTerm.objects.current()
    data = {
        field_name(row.school, d.dimension, "level"): d.level_pk
        for row in screen_rows(schools=School.objects.all(), half_term=half_term, expanded=set())
        for d in row.decisions
        if d.level_pk
    }
    path = f"/categorisation/decide/?half_term={half_term.pk}"
    results = []
    for label in ("save the whole screen", "save it again, unchanged"):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.post(path, data)
            elapsed = time.perf_counter() - started
        results.append(
            {
                "persona": "ceo",
                "label": f"half-term screen: {label} (POST, 1 request)",
                "path": path.split("?")[0],
                "status": response.status_code,
                "queries": len(queries),
                "ms": elapsed * 1000,
                "bytes": len(response.content),
            }
        )
    return results


def table(small: list[dict], large: list[dict], *, schools: int) -> list[str]:
    """The two runs side by side, one markdown row per page and persona."""
    n = schools
    lines = [
        f"| page | persona | status | queries 12 / {n} | ms 12 | ms {n} | ratio | kB 12 | kB {n} |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    by_key = {(row["persona"], row["label"]): row for row in small}
    for row in large:
        before = by_key.get((row["persona"], row["label"]))
        if before is None:
            continue
        ratio = row["ms"] / before["ms"] if before["ms"] else 0
        lines.append(
            f"| {row['label']} `{row['path']}` | {row['persona']} | {before['status']} / {row['status']} "
            f"| {before['queries']} / {row['queries']} | {before['ms']:.0f} | {row['ms']:.0f} "
            f"| {ratio:.1f}x | {before['bytes'] / 1000:.0f} | {row['bytes'] / 1000:.0f} |"
        )
    return lines
