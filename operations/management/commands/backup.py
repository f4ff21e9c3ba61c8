from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, backup_make


class Command(BaseCommand):
    help = "Back up the database, the media files and a manifest of every stored PDF's checksum."

    def add_arguments(self, parser):
        parser.add_argument("--into", default="var/backups", help="folder to write the backup folder in")

    def handle(self, *args, into, **options):
        try:
            folder = backup_make(into=Path(into))
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"Backup written to {folder}"))
