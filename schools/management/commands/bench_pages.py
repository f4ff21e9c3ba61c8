"""Benchmark the main GET pages on the demo trust at 12 and at N schools, in throwaway databases.

    .venv/bin/python manage.py bench_pages [--schools 120] [--database-url postgres://.../portal_bench]

For each page and persona: status, queries, median server time of 5 requests (in-process, Django's test
client, DEBUG off) and size, at 12 and at N schools side by side with the ratio. Your own database is not
touched: each run happens in a child process pointed at a temporary SQLite file, or at --database-url (an
empty database you can throw away: its `public` schema is dropped before each run).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

INNER = "--inside-throwaway-database"


class Command(BaseCommand):
    help = "Benchmark the main pages on the demo trust at 12 and at N schools (throwaway database)."

    def add_arguments(self, parser):
        parser.add_argument("--schools", type=int, default=120)
        parser.add_argument("--samples", type=int, default=5, help="requests timed per page (the median)")
        parser.add_argument(
            "--database-url", default="", help="an empty, throwaway database (default: SQLite)"
        )
        parser.add_argument("--output", default="", help="(internal) where the inner run writes its figures")
        parser.add_argument("--reset", action="store_true", help="(internal) empty the database")
        parser.add_argument("--build-only", action="store_true", help="(internal) build, do not measure")
        parser.add_argument("--measure-only", action="store_true", help="(internal) measure a built trust")
        parser.add_argument(INNER, action="store_true", dest="inner", help="(internal)")

    def handle(self, *args, **options):
        if options["inner"]:
            return self._inner(options)
        from schools.bench_pages import DEMO_SCHOOLS, table

        if options["schools"] < DEMO_SCHOOLS:
            raise CommandError(f"--schools must be at least {DEMO_SCHOOLS}, the demo trust's own schools.")
        work = Path(tempfile.mkdtemp(prefix="bench-pages-"))
        runs, load_before = {}, os.getloadavg()[0]
        try:
            for schools in (DEMO_SCHOOLS, options["schools"]):
                runs[schools] = self._run(work, schools, options["database_url"], options["samples"])
        finally:
            shutil.rmtree(work, ignore_errors=True)
        engine = "PostgreSQL" if options["database_url"].startswith("postgres") else "SQLite"
        small, large = runs[DEMO_SCHOOLS], runs[options["schools"]]
        self.stdout.write(
            f"Pages on the demo trust, {engine}, median of {options['samples']} requests "
            f"(trusts built in {small['built']:.0f} s and {large['built']:.0f} s; "
            f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after):"
        )
        for line in table(
            runs[DEMO_SCHOOLS]["pages"], runs[options["schools"]]["pages"], schools=options["schools"]
        ):
            self.stdout.write(line)

    def _run(self, work: Path, schools: int, database_url: str, samples: int) -> dict:
        run = work / str(schools)
        run.mkdir()
        env = {
            **os.environ,
            "DATABASE_URL": database_url or f"sqlite:///{run / 'bench.sqlite3'}",
            "DJANGO_DEBUG": "false",
            "DJANGO_MEDIA_ROOT": str(run / "media"),
            "CELERY_QUEUE_DIR": str(run / "celery"),
            "EMAIL_URL": f"filemail:///{run / 'mail'}",
            "PORTAL_WORKER_DATABASE_NAME": "",
            # Nothing consumes this queue: the demo's emails and renders wait there, unsent.
            "CELERY_TASK_DEFAULT_QUEUE": f"bench-{uuid.uuid4().hex[:8]}",
            "DJANGO_LOG_LEVEL": "ERROR",
        }
        env.pop("REDIS_URL", None)  # the filesystem broker in the run's folder: nothing is left in Redis
        manage = [sys.executable, "manage.py"]
        out = run / "pages.json"
        try:
            if database_url:
                subprocess.run(
                    [*manage, "bench_pages", INNER, "--reset"], env=env, cwd=settings.BASE_DIR, check=True
                )
            subprocess.run([*manage, "migrate", "-v0"], env=env, cwd=settings.BASE_DIR, check=True)
            subprocess.run(
                [*manage, "bench_pages", INNER, "--schools", str(schools), "--samples", str(samples)]
                + ["--output", str(out)],
                env=env,
                cwd=settings.BASE_DIR,
                check=True,
            )
        except subprocess.CalledProcessError as error:
            raise CommandError(f"The benchmark at {schools} schools failed ({error}).") from error
        return json.loads(out.read_text())

    def _inner(self, options):
        from django.db import connection

        if not settings.CELERY_TASK_DEFAULT_QUEUE.startswith("bench-"):
            raise CommandError("Run it as `manage.py bench_pages`: it makes its own throwaway database.")
        if options["reset"]:
            if connection.vendor != "postgresql":
                raise CommandError("--reset empties a PostgreSQL database only.")
            with connection.cursor() as cursor:
                cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
            return
        from schools.bench_pages import demo_trust_build, pages_measure
        from schools.models import School

        built = 0.0
        if not options["measure_only"]:
            if School.objects.exists():
                raise CommandError("The benchmark database must be empty.")
            started = time.perf_counter()
            demo_trust_build(schools=options["schools"])
            built = time.perf_counter() - started
        if options["build_only"]:
            return
        Path(options["output"]).write_text(
            json.dumps({"built": built, "pages": pages_measure(samples=options["samples"])})
        )
