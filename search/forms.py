"""The search form in the header of every page: a plain GET form (works without
JavaScript), rendered with django-crispy-forms."""

from crispy_forms.bootstrap import StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Field, Layout
from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .engine import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Søg på siden"),
        required=False,
        # The box takes MAX_QUERY_LENGTH letters; a longer query in a pasted address is
        # cut to that by the page (search.views), not refused.
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": _("Fx navnet på et børnehus"),
                "maxlength": MAX_QUERY_LENGTH,
            }
        ),
    )

    def __init__(self, *args, field_id="soeg", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs["id"] = field_id
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_action = reverse("search")
        self.helper.form_class = "site-search"
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Field("q", id=field_id),
            StrictButton(_("Søg"), type="submit", css_class="btn btn-primary"),
        )
