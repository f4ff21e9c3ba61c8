from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils import timezone


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("A person needs an email address to sign in.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in: trust staff, heads, LSB chairs, trustees. They sign in with their email."""

    username = None
    email = models.EmailField("email address", unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def display_name(self):
        return self.get_full_name() or self.email


class AccessRecord(models.Model):
    """Who opened or downloaded something restricted (HR support plans, warning notices, letters), and when.

    Written by `accounts.services.access_record_create`; never edited through the portal.
    """

    person = models.ForeignKey(User, on_delete=models.PROTECT, related_name="access_records")
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    action = models.CharField(max_length=20)  # "viewed" or "downloaded"
    what = models.CharField(max_length=200)  # e.g. "letter 42 (PDF)"
    object_type = models.CharField(max_length=100)  # app_label.model
    object_id = models.CharField(max_length=40)
    school = models.ForeignKey("schools.School", on_delete=models.PROTECT, null=True, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self):
        return f"{self.person} {self.action} {self.what} at {self.at:%d/%m/%Y %H:%M}"


class FailedSignIn(models.Model):
    """A wrong password, kept for a short while so repeated guessing is refused across every process."""

    email = models.CharField(max_length=254, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{self.email} from {self.ip_address} at {self.at:%d/%m/%Y %H:%M}"


class SignInCounter(models.Model):
    """Wrong passwords for one account ("account:<email>") or one account from one address
    ("pair:<email> <address>"), and until when the next try is refused. See accounts.throttle."""

    key = models.CharField(max_length=400, unique=True)
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField(null=True, blank=True)
    blocked_until = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.key}: {self.failures}"


class SignedInSession(models.Model):
    """One open session of a person, so that all of them can be ended when the person leaves."""

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="signed_in_sessions")
    session_key = models.CharField(max_length=40, unique=True)
    signed_in_at = models.DateTimeField(auto_now_add=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-signed_in_at"]

    def __str__(self):
        return f"{self.person} signed in at {self.signed_in_at:%d/%m/%Y %H:%M}"


class SessionsEnded(models.Model):
    """The record that someone ended all of a person's sessions: who, when and why."""

    person = models.ForeignKey(User, on_delete=models.PROTECT, related_name="sessions_ended")
    ended_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    reason = models.CharField(max_length=200)
    sessions_count = models.PositiveIntegerField()
    account_closed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-at"]
        verbose_name_plural = "sessions ended"

    def __str__(self):
        return f"{self.ended_by} ended {self.person}'s sessions at {self.at:%d/%m/%Y %H:%M}"


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An emailed, single-use link for a newly appointed person to set their password (and, for trust-wide
    roles, their authenticator app). Every sending is a row; re-sending revokes the one before, so the rows
    are the record of who invited, re-sent and revoked, and when.

    Only a hash of the link's secret is kept: the link itself exists in the email alone.
    """

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    sent_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    sent_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+", null=True, blank=True)
    revoked_because = models.CharField(max_length=100, blank=True)  # "revoked" or "re-sent"
    # Why the email could not be sent, if it could not (the mail server refused or was down).
    email_error = models.CharField(max_length=200, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return f"Invitation to {self.person} sent {self.sent_at:%d/%m/%Y %H:%M}"

    @property
    def state(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked" if self.revoked_because == "revoked" else "replaced"
        if self.expires_at <= timezone.now():
            return "expired"
        return "pending"
