from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from schools.gias import GiasImportError, decode, import_gias
from schools.models import Trust


class Command(BaseCommand):
    help = "Add or update the trust's schools from a GIAS establishment CSV (all-or-nothing)."

    def add_arguments(self, parser):
        parser.add_argument("csv_file", type=Path)
        parser.add_argument(
            "--trust-code", default="", help="GIAS 'Trusts (code)'; defaults to the trust's own."
        )
        parser.add_argument("--urn", action="append", default=[], help="A URN to import (repeatable).")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; save nothing.")

    def handle(self, csv_file, trust_code, urn, dry_run, **options):
        if not csv_file.exists():
            raise CommandError(f"No such file: {csv_file}")
        if not trust_code and not urn:
            trust_code = Trust.objects.get_current().gias_trust_code
        try:
            report = import_gias(
                decode(csv_file.read_bytes()), trust_code=trust_code, urns=urn, dry_run=dry_run
            )
        except GiasImportError as error:
            raise CommandError("Nothing was imported:\n  " + "\n  ".join(error.errors)) from error
        for school in report.added:
            self.stdout.write(f"added    {school.urn} {school.name}")
        for school, fields in report.changed:
            self.stdout.write(f"changed  {school.urn} {school.name}: {', '.join(fields)}")
        self.stdout.write(("Dry run, nothing saved: " if dry_run else "") + report.summary())
