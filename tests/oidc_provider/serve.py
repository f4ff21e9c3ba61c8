"""Start the test identity provider: `python -m tests.oidc_provider.serve PORT` with its settings in the
environment (PROVIDER_DATABASE, PROVIDER_RSA_PRIVATE_KEY, PROVIDER_SETUP as JSON: client and users)."""

import json
import os
import sys
from wsgiref.simple_server import WSGIRequestHandler, make_server

os.environ["DJANGO_SETTINGS_MODULE"] = "tests.oidc_provider.settings"

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from oauth2_provider.models import Application  # noqa: E402


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


def main(port: int):
    call_command("migrate", verbosity=0)
    setup = json.loads(os.environ["PROVIDER_SETUP"])
    for person in setup["users"]:
        User.objects.create_user(
            username=person["email"],
            email=person["email"],
            password=person["password"],
            last_name="MFA" if person["mfa"] else "",
        )
    client = setup["client"]
    Application.objects.create(
        name="Trust portal",
        client_id=client["client_id"],
        client_secret=client["client_secret"],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=client["redirect_uri"],
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )
    server = make_server("127.0.0.1", port, get_wsgi_application(), handler_class=QuietHandler)
    print("ready", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(int(sys.argv[1]))
