from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import oidc
from accounts.views import invitations, mfa, oversight, passwords, people
from accounts.views.sign_in import SignInView

app_name = "accounts"
urlpatterns = [
    path("sign-in/", SignInView.as_view(), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("microsoft/", oidc.MicrosoftSignInView.as_view(), name="microsoft_sign_in"),
    path("microsoft/callback/", oidc.MicrosoftCallbackView.as_view(), name="microsoft_callback"),
    path("two-factor/", mfa.mfa_setup, name="mfa_setup"),
    path("two-factor/verify/", mfa.mfa_verify, name="mfa_verify"),
    path("two-factor/recovery/", mfa.mfa_recovery, name="mfa_recovery"),
    path("two-factor/recovery-codes/", mfa.recovery_codes, name="recovery_codes"),
    path("two-factor/recovery-codes/new/", mfa.recovery_codes_new, name="recovery_codes_new"),
    path("password/forgotten/", passwords.PasswordResetView.as_view(), name="password_reset"),
    path("password/forgotten/sent/", passwords.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "password/reset/<uidb64>/<token>/",
        passwords.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("password/change/", passwords.PasswordChangeView.as_view(), name="password_change"),
    path("invitation/set-password/", invitations.invitation_accept_page, name="invitation_accept"),
    path("invitation/<str:token>/", invitations.invitation_open, name="invitation"),
    path("people/", people.people_list, name="people"),
    path("people/appoint/", people.person_appoint, name="person_appoint"),
    path("people/appointments/<int:pk>/end/", people.appointment_end, name="appointment_end"),
    path("people/<int:pk>/invitation/resend/", people.invitation_resend, name="invitation_resend"),
    path("people/<int:pk>/invitation/revoke/", people.invitation_revoke, name="invitation_revoke"),
    path("access-records/", oversight.access_records, name="access_records"),
    path("sessions/", oversight.sessions, name="sessions"),
    path("sessions/end/", oversight.sessions_end, name="sessions_end"),
]
