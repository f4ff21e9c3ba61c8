"""How the OpenAPI schema describes the API: a bearer token, and the scope each operation needs."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema


class ClientAutoSchema(AutoSchema):
    def get_description(self):
        described = super().get_description() or ""
        scope = getattr(self.view, "scopes", {}).get(self.method)
        needs = f"Needs the `{scope}` scope." if scope else ""
        return " ".join(part for part in (described, needs) if part)

    def get_tags(self):
        return [self.path.strip("/").split("/")[1]] if self.path.count("/") > 2 else ["api"]


class ClientTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.ClientTokenAuthentication"
    name = "clientToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "The integration client's token, shown once when the client is made or rotated.",
        }
