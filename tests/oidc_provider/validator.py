from oauth2_provider.oauth2_validators import OAuth2Validator


class Validator(OAuth2Validator):
    """Adds the claims Microsoft Entra ID sends: email (verified) and `amr`, the ways the person proved who
    they are. A provider user whose last name is "MFA" signed in with a second factor."""

    oidc_claim_scope = None  # every claim, whatever the scopes

    def get_additional_claims(self, request):
        user = request.user
        return {
            "email": user.email,
            "email_verified": True,
            "amr": ["pwd", "mfa"] if user.last_name == "MFA" else ["pwd"],
        }
