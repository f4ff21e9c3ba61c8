import environ
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from operations.backup import BackupError, pg_connect_kwargs, restore_apply, restore_verify


class Command(BaseCommand):
    help = (
        "Restore a backup folder into an empty database (the portal's own, or --database-url) and the media "
        "folder, then check every PDF against the manifest's checksum."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument(
            "--database-url", help="an empty database to restore into (default: the portal's)"
        )
        parser.add_argument("--media-root", help="where to put the media files (default: DJANGO_MEDIA_ROOT)")
        parser.add_argument("--verify-only", action="store_true", help="check a restore already made")

    def handle(self, *args, folder, database_url, media_root, verify_only, **options):
        db = environ.Env.db_url_config(database_url) if database_url else dict(connection.settings_dict)
        vendor = (
            "postgresql" if "postgresql" in db["ENGINE"] else "sqlite" if "sqlite" in db["ENGINE"] else "?"
        )
        media_root = media_root or settings.MEDIA_ROOT
        try:
            if not verify_only:
                restore_apply(folder=folder, db=db, vendor=vendor, media_root=media_root)
            target = pg_connect_kwargs(db) if vendor == "postgresql" else db["NAME"]
            counts = restore_verify(folder=folder, media_root=media_root, database=target, vendor=vendor)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(f"Restored; {counts['pdfs_verified']} PDFs match their checksums.")
        )
