import os

from celery import Celery

from .broker import use_portal_filesystem_transport

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trust_portal.settings")

use_portal_filesystem_transport()
app = Celery("trust_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
