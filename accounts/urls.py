from django.contrib.auth import views as auth_views
from django.urls import path

from accounts.views import mfa, oversight
from accounts.views.sign_in import SignInView

app_name = "accounts"
urlpatterns = [
    path("sign-in/", SignInView.as_view(), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("two-factor/", mfa.mfa_setup, name="mfa_setup"),
    path("two-factor/verify/", mfa.mfa_verify, name="mfa_verify"),
    path("two-factor/recovery/", mfa.mfa_recovery, name="mfa_recovery"),
    path("two-factor/recovery-codes/", mfa.recovery_codes, name="recovery_codes"),
    path("two-factor/recovery-codes/new/", mfa.recovery_codes_new, name="recovery_codes_new"),
    path("access-records/", oversight.access_records, name="access_records"),
    path("sessions/", oversight.sessions, name="sessions"),
    path("sessions/end/", oversight.sessions_end, name="sessions_end"),
]
