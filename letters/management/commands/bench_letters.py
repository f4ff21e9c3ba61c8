"""Benchmark the letters machinery on a generated trust, in a throwaway database, with real workers.

    .venv/bin/python manage.py bench_letters [--schools 120] [--workers 2] [--samples 15]

Prints the per-letter render median, the portal's overhead over bare WeasyPrint on the same HTML, the
approve-all batch time and the time from the issue click to the last email. Your own database is not
touched: the run happens in a child process pointed at a temporary SQLite file (or at --database-url,
which must be an empty database you can throw away), with its own Celery queue.
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

INNER = "--inside-throwaway-database"
TASK_RUN = re.compile(r"run_batch_item\[[^]]+\] succeeded in ([0-9.]+)s")


class Command(BaseCommand):
    help = "Benchmark letter rendering, approve-all and issue-all on a generated trust (throwaway database)."

    def add_arguments(self, parser):
        parser.add_argument("--schools", type=int, default=120)
        parser.add_argument("--workers", type=int, default=2, help="worker processes (prefork concurrency)")
        parser.add_argument("--samples", type=int, default=15, help="letters timed in this process")
        parser.add_argument(
            "--database-url", default="", help="an empty, throwaway database (default: SQLite)"
        )
        parser.add_argument(INNER, action="store_true", dest="inner", help="(internal)")

    def handle(self, *args, **options):
        if options["inner"]:
            return self._run(options)
        work = Path(tempfile.mkdtemp(prefix="bench-letters-"))
        env = {
            **os.environ,
            "DATABASE_URL": options["database_url"] or f"sqlite:///{work / 'bench.sqlite3'}",
            "DJANGO_MEDIA_ROOT": str(work / "media"),
            "CELERY_QUEUE_DIR": str(work / "celery"),
            "EMAIL_URL": f"filemail:///{work / 'mail'}",
            "PORTAL_WORKER_DATABASE_NAME": "",
            # A queue of its own: no other worker on the same broker takes the benchmark's tasks.
            "CELERY_TASK_DEFAULT_QUEUE": f"bench-{uuid.uuid4().hex[:8]}",
            "DJANGO_LOG_LEVEL": "WARNING",
        }
        argv = [sys.executable, "manage.py", "bench_letters", INNER]
        argv += ["--schools", str(options["schools"]), "--workers", str(options["workers"])]
        argv += ["--samples", str(options["samples"])]
        try:
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "-v0"], env=env, cwd=settings.BASE_DIR, check=True
            )
            subprocess.run(argv, env=env, cwd=settings.BASE_DIR, check=True)
        except subprocess.CalledProcessError as error:
            raise CommandError(f"The benchmark failed ({error}).") from error
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def _run(self, options):
        from letters.bench import build_trust

        if not settings.CELERY_TASK_DEFAULT_QUEUE.startswith("bench-"):
            raise CommandError("Run it as `manage.py bench_letters`: it makes its own throwaway database.")
        from letters.models import Letter

        if Letter.objects.exists():
            raise CommandError("The benchmark database must be empty.")
        out = self.stdout.write
        started = time.perf_counter()
        half_term = build_trust(schools=options["schools"])
        out(f"Generated a trust of {options['schools']} schools in {time.perf_counter() - started:.1f} s.")
        self._render_medians(half_term, options["samples"])
        self._batches(half_term, options["workers"])

    def _render_medians(self, half_term, samples):
        from weasyprint import CSS, HTML

        from letters.compose import letter_content
        from letters.models import Letter
        from letters.rendering import letter_document_html
        from trust_portal.pdf import STATIC_DIR, render_pdf

        letters = list(
            Letter.objects.filter(half_term=half_term).select_related("school", "half_term")[:samples]
        )
        render_pdf(letter_document_html(letter_content(letters[0])))  # warm: imports and fonts
        portal, bare, compose = [], [], []
        for letter in letters:
            t0 = time.perf_counter()
            html = letter_document_html(letter_content(letter))
            t1 = time.perf_counter()
            render_pdf(html)
            t2 = time.perf_counter()
            HTML(string=html, base_url=str(STATIC_DIR) + "/").write_pdf(
                stylesheets=[CSS(filename=str(STATIC_DIR / "css/pdf.css"))]
            )
            t3 = time.perf_counter()
            compose.append(t1 - t0)
            portal.append(t2 - t0)
            bare.append(t3 - t2)
        ms = lambda values: statistics.median(values) * 1000  # noqa: E731
        self.stdout.write(
            f"Per-letter render median (compose + template + render_pdf): {ms(portal):.0f} ms "
            f"over {len(letters)} letters (compose + template alone: {ms(compose):.0f} ms)"
        )
        self.stdout.write(
            f"Bare WeasyPrint on the same HTML (default fetcher, no PDF/UA, fresh fonts): "
            f"{ms(bare):.0f} ms; portal overhead {ms(portal) - ms(bare):+.0f} ms "
            f"({ms(portal) / ms(bare):.2f}x)"
        )

    def _batches(self, half_term, workers):
        from letters.models import BatchKind, EmailStatus, Letter, LetterBatchItem, LetterPdf, LetterStatus
        from letters.selectors import batch_progress
        from letters.services import letter_batch_start
        from schools.models import Appointment
        from schools.roles import Role

        queue = settings.CELERY_TASK_DEFAULT_QUEUE
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "trust_portal",
                "worker",
                "-Q",
                queue,
                "-c",
                str(workers),
                "--loglevel=info",
                "--without-gossip",
                "--without-mingle",
                "-n",
                f"{queue}@%h",
            ],
            cwd=settings.BASE_DIR,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "CELERY_WORKER_MAX_TASKS_PER_CHILD": "1000"},
        )
        ready = threading.Event()
        log = []

        def read():
            for line in worker.stdout:
                log.append(line)
                if " ready." in line:
                    ready.set()

        threading.Thread(target=read, daemon=True).start()
        try:
            if not ready.wait(120):
                raise CommandError("The benchmark worker did not start:\n" + "".join(log[-40:]))
            ceo = Appointment.objects.get(role=Role.CEO).person
            t0 = time.perf_counter()
            batch = letter_batch_start(kind=BatchKind.APPROVE, half_term=half_term, by=ceo)
            self._wait(lambda: not batch_progress(batch)["running"], log)
            approve = time.perf_counter() - t0
            progress = batch_progress(batch)
            self.stdout.write(
                f"Approve-all with {workers} worker processes: {progress['done']} letters rendered "
                f"in {approve:.1f} s ({progress['failed']} failed; "
                f"{approve / max(progress['done'], 1) * 1000:.0f} ms a letter; "
                f"median task in the worker {self._task_median(log):.0f} ms)"
            )
            t0 = time.perf_counter()
            wall0 = time.time()
            waiting = Letter.objects.filter(half_term=half_term, status=LetterStatus.APPROVED).count()
            batch = letter_batch_start(
                kind=BatchKind.ISSUE, half_term=half_term, by=ceo, confirmed_count=waiting
            )
            self._wait(lambda: not batch_progress(batch)["running"], log)
            issued = time.perf_counter() - t0
            self._wait(lambda: not Letter.objects.exclude(email_status=EmailStatus.SENT).exists(), log)
            last = max(Letter.objects.values_list("emailed_at", flat=True)).timestamp() - wall0
            approved = LetterBatchItem.objects.filter(batch__kind=BatchKind.APPROVE).count()
            remade = LetterPdf.objects.count() - approved
            self.stdout.write(
                f"Issue-all: {batch_progress(batch)['done']} letters issued in {issued:.1f} s; "
                f"last email out {last:.1f} s after the click "
                f"(PDFs re-made on issue: {remade})"
            )
        finally:
            worker.terminate()
            worker.wait(timeout=30)
        call_command("check", verbosity=0)

    @staticmethod
    def _task_median(log) -> float:
        """The median run time (ms) of the batch tasks the worker has logged so far."""
        runs = [float(m.group(1)) for line in log if (m := TASK_RUN.search(line))]
        return statistics.median(runs) * 1000 if runs else 0.0

    @staticmethod
    def _wait(predicate, log, timeout=600):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return
            time.sleep(0.05)
        raise CommandError("Timed out; worker log:\n" + "".join(log[-40:]))
