from django import forms
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _

from . import choices
from .models import DigestSetting

INVALID_ADDRESS = _("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.")


class PublicEmailValidator(EmailValidator):
    """An address on the internet: Django's validator also takes ``root@localhost`` and
    ``a@[10.0.0.5]``, which would make the portal's mail server deliver to itself or to
    an internal host. No domain is allowed without a dot, and no IP address in brackets."""

    def __init__(self):
        super().__init__(message=INVALID_ADDRESS, allowlist=[])

    def validate_domain_part(self, domain_part):
        return not domain_part.startswith("[") and super().validate_domain_part(domain_part)


class PublicEmailField(forms.EmailField):
    default_validators = [PublicEmailValidator()]


class SubscribeForm(forms.Form):
    email = PublicEmailField(
        label=_("Din e-mailadresse"),
        max_length=254,
        error_messages={"required": _("Skriv din e-mailadresse."), "invalid": INVALID_ADDRESS},
    )
    choices = forms.MultipleChoiceField(
        label=_("Jeg vil have besked om"),
        required=True,
        error_messages={
            "required": _("Vælg mindst én ting, du vil have besked om."),
            # A choice that no longer exists (a page open since a house was removed).
            "invalid_choice": _("Vælg mindst én ting, du vil have besked om."),
        },
    )
    # A field people do not see (hidden with CSS, and labelled as one to leave empty for
    # screen readers): a form-filling robot fills it, and its sign-up is dropped.
    website = forms.CharField(label=_("Lad dette felt stå tomt"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Any valid code may be posted: the box on each page offers its own few.
        posted = self.data.getlist("choices") if hasattr(self.data, "getlist") else []
        self.found = choices.translate(posted[:50])
        self.resolved = choices.unique(self.found.values())
        self.fields["choices"].choices = [(code, code) for code in self.found]

    def clean_choices(self):
        # As the codes are now: an old ``m3`` from a page shown before is its board's.
        return list(dict.fromkeys(self.found[code][0] for code in self.cleaned_data["choices"]))

    @property
    def is_robot(self):
        return bool(self.data.get("website"))


class DigestSettingForm(forms.ModelForm):
    class Meta:
        model = DigestSetting
        fields = ["weekly_digest"]
