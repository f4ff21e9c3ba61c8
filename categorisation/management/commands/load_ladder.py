from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from categorisation.ladders.loader import LADDERS_DIR, ladder_load
from categorisation.models import AllowedMove, Characteristic, Ladder, Level


class Command(BaseCommand):
    help = "Load a trust's ladder from a ladder file (JSON), e.g. character_trust.json, and make it active."

    def add_arguments(self, parser):
        parser.add_argument("file", help=f"A path, or the name of a file in {LADDERS_DIR.name}/")

    def handle(self, *args, file, **options):
        import json

        path = Path(file) if Path(file).exists() else LADDERS_DIR / file
        if not path.exists():
            raise CommandError(f"No ladder file at {file}.")
        with transaction.atomic():
            ladder = ladder_load(
                json.loads(path.read_text(encoding="utf-8")),
                Ladder=Ladder,
                Level=Level,
                Characteristic=Characteristic,
                AllowedMove=AllowedMove,
            )
        self.stdout.write(self.style.SUCCESS(f"Loaded {ladder} ({ladder.levels.count()} levels)."))
