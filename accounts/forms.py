"""The admin login with a one-time code, and the form that confirms a new device."""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from django_otp import match_token

from . import two_factor

TOKEN_WIDGET_ATTRS = {
    "autocomplete": "one-time-code",
    "inputmode": "numeric",
    "pattern": "[0-9]{6}",
    "maxlength": "6",
}


class OneTimeCodeField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Engangskode"))
        kwargs.setdefault("widget", forms.TextInput(attrs=TOKEN_WIDGET_ATTRS))
        super().__init__(**kwargs)

    def clean(self, value):
        # People copy codes as "123 456"; the app shows them that way.
        value = "".join((value or "").split())
        value = super().clean(value)
        if value and not (len(value) == 6 and value.isascii() and value.isdigit()):
            raise forms.ValidationError(_("Engangskoden er 6 cifre."), code="format")
        return value


class PortalAdminLoginForm(AdminAuthenticationForm):
    """Username and password, then, for staff who have set up two-factor login, the code
    from their authenticator app. Staff without a device log in with the password and
    are sent on to enrolment when two-factor login is required."""

    otp_token = OneTimeCodeField(
        required=False,
        help_text=_(
            "De 6 cifre fra din godkendelsesapp. Har du ikke sat to-trinslogin op endnu, "
            "så lad feltet stå tomt."
        ),
    )

    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "otp_missing": _("Skriv engangskoden fra din godkendelsesapp."),
        "otp_wrong": _("Engangskoden er forkert eller udløbet. Prøv igen med en ny kode."),
        "otp_throttled": _(
            "For mange forkerte engangskoder. Vent lidt, og prøv igen med en ny kode."
        ),
    }

    # Long enough for any real password, short enough that no field reaches django-axes'
    # varchar(255) columns or costs the hasher seconds.
    PASSWORD_MAX_LENGTH = 1024

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django sets the username's max_length after the field was built, so its length
        # is never checked; a 10,000-character username reached the database.
        username = self.fields["username"]
        username.validators.append(MaxLengthValidator(username.max_length))
        password = self.fields["password"]
        password.max_length = self.PASSWORD_MAX_LENGTH
        password.validators.append(MaxLengthValidator(self.PASSWORD_MAX_LENGTH))

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and two_factor.has_confirmed_device(user):
            token = cleaned_data.get("otp_token")
            if not token:
                self.count_failed_login()
                raise forms.ValidationError(self.error_messages["otp_missing"], code="otp_missing")
            if two_factor.is_throttled(user):
                self.count_failed_login()
                raise forms.ValidationError(
                    self.error_messages["otp_throttled"], code="otp_throttled"
                )
            device = two_factor.verify_login_token(user, token)
            if device is None:
                self.count_failed_login()
                raise forms.ValidationError(self.error_messages["otp_wrong"], code="otp_wrong")
            # django-otp's user_logged_in handler records the device in the session.
            user.otp_device = device
        return cleaned_data

    def count_failed_login(self):
        """A right password with a missing, wrong or throttled code is a failed login too, counted
        by django-axes like a wrong password: guessing codes, or confirming a guessed
        password by the message it gets, is locked out after the same five tries."""
        user_login_failed.send(
            sender=__name__,
            credentials={"username": self.cleaned_data.get("username")},
            request=self.request,
        )


class ConfirmDeviceForm(forms.Form):
    """A new authenticator app, confirmed by its first code; with an app already set up,
    also by a code from that one: a session someone else got hold of must not be enough
    to put their phone on the account and lock its owner out. (A lost phone: an
    administrator deletes its device first, docs/operations.md.)"""

    current_token = OneTimeCodeField(
        label=_("Kode fra din nuværende app"),
        required=False,
        help_text=_("Du har allerede en godkendelsesapp: skriv også de 6 cifre, den viser nu."),
    )
    otp_token = OneTimeCodeField(
        help_text=_("Skriv de 6 cifre, som godkendelsesappen viser nu."),
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.device = None
        self.has_device = two_factor.has_confirmed_device(request.user)
        if not self.has_device:
            del self.fields["current_token"]

    def clean_current_token(self):
        token = self.cleaned_data["current_token"]
        if not token:
            raise forms.ValidationError(
                _("Skriv koden fra den app, du allerede har sat op."), code="required"
            )
        if match_token(self.request.user, token) is None:
            raise forms.ValidationError(
                _("Koden fra din nuværende app passer ikke. Prøv en ny kode."), code="otp_wrong"
            )
        return token

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"]
        if self.has_device and "current_token" not in self.cleaned_data:
            return token  # the current app's code was wrong: the new one is not tried
        self.device = two_factor.confirm_pending_device(self.request, token)
        if self.device is None:
            raise forms.ValidationError(
                _("Koden passer ikke. Tjek, at telefonens ur går rigtigt, og prøv en ny kode."),
                code="otp_wrong",
            )
        return token
