"""The page benchmark's trust and pages: the demo trust grown to N schools (the twelve demo schools keep
every demo story; the others are copies of them with their own URN, name and people), and the main GET
pages each persona uses. Only ever run in the benchmark's throwaway database.
"""

import statistics
import time
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from schools import demo
from schools.models import School

DEMO_SCHOOLS = len(demo.SCHOOLS)
SAMPLES = 5


def demo_trust_build(*, schools: int) -> None:
    """The demo trust with `schools` schools, through every app's demo loader.

    Built for speed, as the benchmark needs the trust and not how it was made: each loader runs in one
    transaction, passwords use a quick hash, and only the first PDF is laid out (see `_pdfs_laid_out_once`).
    """
    from importlib import import_module

    from schools.management.commands.load_demo import DEMO_STEPS

    originals = list(demo.SCHOOLS)
    for n in range(DEMO_SCHOOLS, schools):
        urn, name, *rest = originals[n % DEMO_SCHOOLS]
        # The first word names the head's and chair's email, so it is made unique.
        copy_name = f"Bench{n:03d} {name.split(' ', 1)[1]}"
        demo.SCHOOLS.append((str(991000 + n), copy_name, *rest))
    try:
        with override_settings(PASSWORD_HASHERS=QUICK_HASHERS), _pdfs_laid_out_once():
            for step in DEMO_STEPS:
                with transaction.atomic():
                    import_module(step).load()
    finally:
        demo.SCHOOLS[:] = originals


# The benchmark's people sign in with force_login: their password hash is never checked against a guess.
QUICK_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@contextmanager
def _pdfs_laid_out_once():
    """WeasyPrint lays out the build's first PDF; every later PDF record is stored with those bytes.

    A letter's PDF takes about 140 ms to lay out (minutes for a trust of 120 schools), and no page the
    benchmark times opens one: they show that a letter has its PDF, so each still gets a stored file.
    """
    from trust_portal import pdf_records

    real, first = pdf_records.render_pdf, []

    def once(html, **options):
        if not first:
            first.append(real(html, **options))
        return first[0]

    pdf_records.render_pdf = once
    try:
        yield
    finally:
        pdf_records.render_pdf = real


@dataclass(frozen=True)
class Page:
    persona: str  # the demo person's email local part
    label: str
    path: str


# The pages timed, one row each: (persona, label, path). The persona is the demo person's email local part;
# {castle} and {greenway} in a path are those demo schools' URNs. A new page is one more row here.
PAGES = [
    ("ceo", "trust overview", "/categorisation/"),
    ("ceo", "trust overview, 18 half-terms", "/categorisation/?span=18"),
    ("ceo", "half-term screen", "/categorisation/decide/"),
    ("cfo", "half-term screen (finance)", "/categorisation/decide/"),
    ("ceo", "school categories", "/categorisation/schools/{greenway}/"),
    ("ceo", "audit schedule", "/audits/"),
    ("ceo", "audit actions", "/audits/actions/"),
    ("compliance", "audit actions", "/audits/actions/"),
    ("ceo", "audit actions grid", "/audits/actions/grid/"),
    ("ceo", "KPIs", "/kpis/"),
    ("ceo", "letters", "/letters/"),
    ("ceo", "interventions", "/interventions/"),
    ("ceo", "schools", "/schools/"),
    ("ceo", "school page", "/schools/{greenway}/"),
    ("trustee", "trust overview", "/categorisation/"),
    ("head.castle", "school page", "/schools/{castle}/"),
    ("head.castle", "school's audit actions", "/audits/schools/{castle}/"),
    ("head.castle", "school's letters", "/letters/schools/{castle}/"),
    ("head.castle", "school's KPIs", "/kpis/schools/{castle}/"),
    ("head.castle", "school's interventions", "/interventions/schools/{castle}/"),
]
URNS = {"castle": "990103", "greenway": "990107"}


def pages() -> list[Page]:
    return [Page(persona, label, path.format(**URNS)) for persona, label, path in PAGES]


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
        times, cpu_times = [], []
        for _ in range(samples):
            with CaptureQueriesContext(connection) as queries:
                started, cpu_started = time.perf_counter(), time.process_time()
                response = client.get(page.path)
                times.append(time.perf_counter() - started)
                cpu_times.append(time.process_time() - cpu_started)
        results.append(
            {
                "persona": page.persona,
                "label": page.label,
                "path": page.path,
                "status": response.status_code,
                "queries": len(queries),
                "ms": statistics.median(times) * 1000,
                "cpu_ms": statistics.median(cpu_times) * 1000,
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
            started, cpu_started = time.perf_counter(), time.process_time()
            response = client.post(path, data)
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        results.append(
            {
                "persona": "ceo",
                "label": f"half-term screen: {label} (POST, 1 request)",
                "path": path.split("?")[0],
                "status": response.status_code,
                "queries": len(queries),
                "ms": elapsed * 1000,
                "cpu_ms": cpu * 1000,
                "bytes": len(response.content),
            }
        )
    return results


def table(small: list[dict], large: list[dict], *, schools: int) -> list[str]:
    """The two runs side by side, one markdown row per page and persona. `ms` is the server time; `cpu` the
    portal process's own CPU time in it (steadier on a loaded machine; without PostgreSQL's own work)."""
    n = schools
    lines = [
        f"| page | persona | status | queries 12 / {n} | ms 12 | ms {n} | ratio | cpu 12 | cpu {n} "
        f"| cpu ratio | kB 12 | kB {n} |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    by_key = {(row["persona"], row["label"]): row for row in small}
    for row in large:
        before = by_key.get((row["persona"], row["label"]))
        if before is None:
            continue
        ratio = row["ms"] / before["ms"] if before["ms"] else 0
        cpu_ratio = row["cpu_ms"] / before["cpu_ms"] if before["cpu_ms"] else 0
        lines.append(
            f"| {row['label']} `{row['path']}` | {row['persona']} | {before['status']} / {row['status']} "
            f"| {before['queries']} / {row['queries']} | {before['ms']:.0f} | {row['ms']:.0f} "
            f"| {ratio:.1f}x | {before['cpu_ms']:.0f} | {row['cpu_ms']:.0f} | {cpu_ratio:.1f}x "
            f"| {before['bytes'] / 1000:.0f} | {row['bytes'] / 1000:.0f} |"
        )
    return lines
