"""Headers every page carries, and Django's deployment checklist with production settings."""

import os
import secrets
import subprocess
import sys

import pytest
from django.urls import reverse

from tests.test_settings import PRODUCTION, ROOT


@pytest.mark.django_db
def test_every_page_forbids_inline_script_and_anything_from_outside(client):
    response = client.get(reverse("accounts:login"))
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip()
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_the_sign_in_page_has_no_inline_script_or_style(client):
    page = client.get(reverse("accounts:login")).content.decode()
    assert "<script>" not in page and " style=" not in page and " onclick=" not in page


def run_with_production_settings(*args, code=None):
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    command = [sys.executable, "-c", code] if code else [sys.executable, "manage.py", *args]
    env = clean | PRODUCTION | {"DJANGO_SECRET_KEY": secrets.token_urlsafe(50)}
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


def test_the_deployment_checklist_is_clean_with_production_settings():
    result = run_with_production_settings("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_cookies_are_secure_and_hsts_is_on():
    result = run_with_production_settings(
        code=(
            "from trust_portal import settings as s; print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
            "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS >= 31536000, s.SESSION_COOKIE_HTTPONLY)"
        )
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True"] * 5
