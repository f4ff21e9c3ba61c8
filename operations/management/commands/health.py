import json
import sys

from django.core.management.base import BaseCommand

from operations.health import health_checks


class Command(BaseCommand):
    help = "The /health/ checks (database, broker, media) from inside a container; exit 1 if any fails."

    def handle(self, *args, **options):
        checks = health_checks()
        self.stdout.write(json.dumps({part: "ok" if up else "unavailable" for part, up in checks.items()}))
        if not all(checks.values()):
            sys.exit(1)
