from django import forms
from django.utils.translation import gettext_lazy as _

from . import choices
from .models import DigestSetting


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Din e-mailadresse"),
        max_length=254,
        error_messages={
            "required": _("Skriv din e-mailadresse."),
            "invalid": _("Skriv en gyldig e-mailadresse, fx navn@eksempel.dk."),
        },
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
        self.resolved = choices.resolve(posted[:50])
        self.fields["choices"].choices = [(code, code) for code, _t, _p in self.resolved]

    @property
    def is_robot(self):
        return bool(self.data.get("website"))


class DigestSettingForm(forms.ModelForm):
    class Meta:
        model = DigestSetting
        fields = ["weekly_digest"]
