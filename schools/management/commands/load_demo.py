from importlib import import_module

from django.core.management.base import BaseCommand

# Each app adds its own demo data after the trust, schools and people exist; order matters
# (letters show categories, audits and interventions).
DEMO_STEPS = [
    "schools.demo",
    "accounts.demo",
    "categorisation.demo",
    "audits.demo",
    "interventions.demo",
    "kpis.demo",
    "letters.demo",
    "peer_reviews.demo",
    "packs.demo",
]


class Command(BaseCommand):
    help = "Make (or refresh) the fictional demo trust. Safe to run again. Local use only."

    def handle(self, *args, **options):
        for step in DEMO_STEPS:
            import_module(step).load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo trust ready."))
