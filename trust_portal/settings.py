"""Settings for the trust portal, read from the environment.

With nothing set, the portal runs on a laptop: SQLite, console email, a local media folder and a real
Celery worker on kombu's filesystem transport. `DJANGO_ENV=production` demands the real things (secret
key, hosts, PostgreSQL, Redis) and refuses to start without them.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


def env_bool(name, *, default):
    """A yes/no setting; anything but a recognised word stops the portal rather than guessing."""
    raw = env.str(name, default="").strip().lower()
    if not raw:
        return default
    if raw not in _TRUE | _FALSE:
        raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")
    return raw in _TRUE


DJANGO_ENV = env.str("DJANGO_ENV", default="local")
if DJANGO_ENV not in {"local", "production"}:
    raise ImproperlyConfigured(f"DJANGO_ENV must be 'local' or 'production', not {DJANGO_ENV!r}.")
PRODUCTION = DJANGO_ENV == "production"

DEBUG = env_bool("DJANGO_DEBUG", default=not PRODUCTION)
if PRODUCTION:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY")
    ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
    if DEBUG:
        raise ImproperlyConfigured("DJANGO_DEBUG must be off when DJANGO_ENV=production.")
else:
    # Only ever used on a developer's own machine; production has no default.
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="local-only-insecure-key-not-for-any-server")
    ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# The address people reach the portal at, for links in emails.
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "accounts",
    "schools",
    "categorisation",
    "interventions",
    "audits",
    "kpis",
    "letters",
    "operations",
    "records",
    "rest_framework",
    "drf_spectacular",
    "api",
    "todo",
    "charts",
    "packs",
    "peer_reviews",
    "notifications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.SessionLifetimeMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "operations.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "trust_portal.urls"
WSGI_APPLICATION = "trust_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "schools.context_processors.portal",
            ],
            "builtins": ["schools.templatetags.permissions"],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A worker process and the web process share the file: wait for locks instead of failing at once.
    # Write-ahead logging lets the pages (and the workers' reads) go on while a worker writes, instead
    # of every reader and writer taking turns on the whole file (it stays on the file once set).
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
elif PRODUCTION:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
if PRODUCTION and DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("DJANGO_ENV=production needs DATABASE_URL pointing at PostgreSQL.")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["accounts.backends.ThrottledModelBackend"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

REDIS_URL = env.str("REDIS_URL", default="")
if PRODUCTION and not REDIS_URL:
    raise ImproperlyConfigured("DJANGO_ENV=production needs REDIS_URL for Celery and the cache.")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d %m %Y", "%d-%m-%Y"]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env.str("DJANGO_STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Uploads and generated letters live outside the static folder and are served only by views that check
# access; MEDIA_URL is deliberately not routed.
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = "/media-not-served/"
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Trust portal <portal@trust.invalid>")

# Celery: JSON only, time limits, results kept in the portal's own tables rather than a result backend.
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
else:
    CELERY_QUEUE_DIR = Path(env.str("CELERY_QUEUE_DIR", default=str(VAR_DIR / "celery")))
    CELERY_BROKER_URL = "filesystem://"
    # kombu's filesystem transport, waiting one poll at a time (trust_portal/broker.py, set in celery.py).
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_QUEUE_DIR / "queue"),
        "data_folder_out": str(CELERY_QUEUE_DIR / "queue"),
        "control_folder": str(CELERY_QUEUE_DIR / "control"),
        "store_processed": False,
        # A worker whose prefetch is full (or whose queue is empty) looks again after this long; the
        # default second left both workers idle between a batch's tasks. A look is one folder listing.
        "polling_interval": 0.1,
    }
    for folder in ("queue", "control"):
        (CELERY_QUEUE_DIR / folder).mkdir(parents=True, exist_ok=True)
CELERY_TASK_ALWAYS_EAGER = False
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# On Redis each worker process takes one task at a time. On the filesystem transport (a polling transport)
# a finished task's ack waits for the next poll, and with a prefetch of 1 nothing more is fetched until
# then: about one task a second. Prefetching 8 a process (and polling every 0.1 s, above) keeps the workers
# busy; acks stay late, so a task whose worker dies is still redelivered.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1 if REDIS_URL else 8
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=300)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=240)
CELERY_WORKER_MAX_TASKS_PER_CHILD = env.int("CELERY_WORKER_MAX_TASKS_PER_CHILD", default=200)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULE = {}
CELERY_BEAT_SCHEDULE_FILENAME = env.str(
    "CELERY_BEAT_SCHEDULE_FILENAME", default=str(VAR_DIR / "celerybeat-schedule")
)
# A claim on work (a PDF render, a batch letter, an email, a reminder) older than this belongs to a worker
# that died: no task may run longer than CELERY_TASK_TIME_LIMIT, so by then it cannot still be running.
PORTAL_CLAIM_STALE_AFTER = timedelta(
    seconds=CELERY_TASK_TIME_LIMIT + env.int("PORTAL_CLAIM_GRACE_SECONDS", default=60)
)
# The sweeper (operations.sweep_claims) takes stale claims back and re-queues work that has no task.
CELERY_BEAT_SCHEDULE["operations-sweep-claims"] = {
    "task": "operations.sweep_claims",
    "schedule": env.int("PORTAL_SWEEP_EVERY_SECONDS", default=180),
}

# Sign-in (accounts/throttle.py): wrong passwords lock one account from one address for a short while;
# from anywhere, an account's tries slow down (a doubling delay) rather than locking the person out.
SIGN_IN_MAX_FAILURES_PER_PAIR = env.int("SIGN_IN_MAX_FAILURES_PER_PAIR", default=5)
SIGN_IN_COOL_OFF = timedelta(minutes=env.int("SIGN_IN_COOL_OFF_MINUTES", default=5))
SIGN_IN_ACCOUNT_FREE_FAILURES = env.int("SIGN_IN_ACCOUNT_FREE_FAILURES", default=10)
SIGN_IN_ACCOUNT_MAX_DELAY = timedelta(seconds=env.int("SIGN_IN_ACCOUNT_MAX_DELAY_SECONDS", default=60))
# Only behind the trust's own proxy, which appends the client's address to X-Forwarded-For.
SIGN_IN_TRUST_X_FORWARDED_FOR = env_bool("DJANGO_TRUST_X_FORWARDED_FOR", default=False)
# Two-factor authentication (django-otp): required for trust-wide roles and the back office.
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Trust portal")

# Sessions live in the database; a person is signed out after the idle timeout and, whatever they are
# doing, after the absolute lifetime (accounts.middleware.SessionLifetimeMiddleware).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_IDLE_TIMEOUT = timedelta(minutes=env.int("SESSION_IDLE_TIMEOUT_MINUTES", default=30))
SESSION_ABSOLUTE_LIFETIME = timedelta(hours=env.int("SESSION_ABSOLUTE_LIFETIME_HOURS", default=10))
SESSION_COOKIE_AGE = int(SESSION_ABSOLUTE_LIFETIME.total_seconds())
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# No inline script or style, nothing from outside the portal (django-csp 4).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    # The containers' own health checks ask over plain HTTP from inside.
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
}

FORM_RENDERER = "trust_portal.forms.PortalFormRenderer"

# --- letters ---
# Tests that start a real Celery worker need it to reach the same test database: on SQLite that means a
# file, not memory, and the worker is pointed at it through PORTAL_WORKER_DATABASE_NAME (never in production).
# One file per test run (by process id), so two runs in one checkout do not delete each other's database.
import os  # noqa: E402

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-portal-{os.getpid()}.sqlite3")}
if not PRODUCTION and env.str("PORTAL_WORKER_DATABASE_NAME", default=""):
    DATABASES["default"]["NAME"] = env.str("PORTAL_WORKER_DATABASE_NAME")
# bench_letters gives its worker a queue of its own, so no other worker takes its tasks.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
# WeasyPrint reports every layout step at INFO; keep its warnings (refused URLs) only.
LOGGING.setdefault("loggers", {})["weasyprint.progress"] = {"level": "WARNING"}

# --- audits ---
# Times are Europe/London (CELERY_TIMEZONE). Each reminder is recorded, so a beat firing twice is harmless.
from celery.schedules import crontab  # noqa: E402

CELERY_BEAT_SCHEDULE["audits-due-reminders"] = {
    "task": "audits.send_due_reminders",
    "schedule": crontab(hour=7, minute=0),
}
CELERY_BEAT_SCHEDULE["votes-reminders"] = {
    "task": "categorisation.send_vote_reminders",
    "schedule": crontab(hour=7, minute=15),
}
CELERY_BEAT_SCHEDULE["audits-weekly-digests"] = {
    "task": "audits.send_weekly_digests",
    "schedule": crontab(hour=7, minute=30, day_of_week="mon"),
}

# --- accounts: sign in with Microsoft (OpenID Connect, mozilla-django-oidc) ---
# Off unless all three are set. Register the portal in Microsoft Entra ID with the redirect URI
# <PORTAL_BASE_URL>/accounts/microsoft/callback/ (README, "Sign in with Microsoft").
MICROSOFT_TENANT_ID = env.str("MICROSOFT_TENANT_ID", default="")
MICROSOFT_CLIENT_ID = env.str("MICROSOFT_CLIENT_ID", default="")
MICROSOFT_CLIENT_SECRET = env.str("MICROSOFT_CLIENT_SECRET", default="")
_microsoft = [MICROSOFT_TENANT_ID, MICROSOFT_CLIENT_ID, MICROSOFT_CLIENT_SECRET]
if any(_microsoft) and not all(_microsoft):
    raise ImproperlyConfigured(
        "Sign in with Microsoft needs all of MICROSOFT_TENANT_ID, MICROSOFT_CLIENT_ID and "
        "MICROSOFT_CLIENT_SECRET (or none of them, to leave it off)."
    )
MICROSOFT_SIGN_IN = all(_microsoft)
_authority = f"https://login.microsoftonline.com/{MICROSOFT_TENANT_ID or 'not-configured'}"
OIDC_RP_CLIENT_ID = MICROSOFT_CLIENT_ID
OIDC_RP_CLIENT_SECRET = MICROSOFT_CLIENT_SECRET
OIDC_OP_AUTHORIZATION_ENDPOINT = f"{_authority}/oauth2/v2.0/authorize"
OIDC_OP_TOKEN_ENDPOINT = f"{_authority}/oauth2/v2.0/token"
OIDC_OP_JWKS_ENDPOINT = f"{_authority}/discovery/v2.0/keys"
OIDC_OP_USER_ENDPOINT = "https://graph.microsoft.com/oidc/userinfo"
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:microsoft_callback"
LOGIN_REDIRECT_URL_FAILURE = "accounts:login"
if MICROSOFT_SIGN_IN:
    AUTHENTICATION_BACKENDS = [*AUTHENTICATION_BACKENDS, "accounts.oidc.MicrosoftBackend"]
# --- api ---
# Only integration clients' tokens authenticate /api/ (never a session cookie); each client has its rate.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["api.authentication.ClientTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["api.authentication.ClientHasScope"],
    "DEFAULT_THROTTLE_CLASSES": ["api.authentication.ClientRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "api.schema.ClientAutoSchema",
    "EXCEPTION_HANDLER": "api.views.base.api_exception_handler",
    "UNAUTHENTICATED_USER": None,
}
API_RATE_LIMIT = env.str("API_RATE_LIMIT", default="600/min")
SPECTACULAR_SETTINGS = {
    "TITLE": "Trust portal API",
    "DESCRIPTION": (
        "For the trust's other systems (MIS, finance, compliance tools): pupil numbers, finance figures, "
        "KPI results and comparators in; schools, categories, audit actions and letters' status out. "
        "A batch is checked as the portal's file imports check a file, and saved whole or not at all."
    ),
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": "/api/",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
}

# --- notifications ---
# Hand-off emails: REP reviews due and letters unacknowledged are looked for every day; the daily email
# for those who chose it goes on weekdays (Monday's covers the weekend).
CELERY_BEAT_SCHEDULE["hand-offs-daily-checks"] = {
    "task": "notifications.check_hand_offs",
    "schedule": crontab(hour=6, minute=45),
}
CELERY_BEAT_SCHEDULE["hand-offs-daily-emails"] = {
    "task": "notifications.send_digests",
    "schedule": crontab(hour=7, minute=45, day_of_week="mon-fri"),
}
