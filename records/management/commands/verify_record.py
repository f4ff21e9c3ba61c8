from django.core.management.base import BaseCommand, CommandError

from records.chain import verify_chain


class Command(BaseCommand):
    help = "Walk the hash-chained record and fail, naming the first entry that does not match."

    def handle(self, *args, **options):
        state = verify_chain()
        if not state.ok:
            raise CommandError(
                f"The record does not verify: entry {state.first_bad} does not match ({state.problem})."
            )
        self.stdout.write(f"The record verifies: {state.entries} entries, last hash {state.last_hash}.")
