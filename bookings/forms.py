"""The booking pages' forms: plain HTML forms that work without JavaScript."""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from core.bidi import refuse_unclosed_controls
from core.dates import long_date
from districts.models import Institution

from . import services
from .counts import places_left
from .models import Booking, Evaluation, Showing


def showing_label(showing, free=None):
    """A showing as the booking form offers it: its time and place, and the places this
    form's institutions may take there (``free``: ``BookingForm.free_places``; without
    it, the places not booked)."""
    when = timezone.localtime(showing.starts_at)
    day = long_date(when.date()).capitalize()
    label = _("%(day)s kl. %(time)s, %(venue)s") % {
        "day": day,
        "time": f"{when:%H.%M}",
        "venue": showing.venue,
    }
    left = showing.places_left if free is None else max(min(free, showing.places_left), 0)
    if left:
        return _("%(when)s – %(left)s") % {
            "when": label,
            "left": places_left(left, showing.places),
        }
    return _("%(when)s – fuldt booket, I kommer på venteliste") % {"when": label}


class ShowingChoiceField(forms.ModelChoiceField):
    # ``{showing pk: places}`` the form's institutions may take (``BookingForm``).
    free = None

    def label_from_instance(self, obj):
        return showing_label(obj, (self.free or {}).get(obj.pk))


class BookingForm(forms.ModelForm):
    institution = forms.ModelChoiceField(
        label=_("Institution"),
        queryset=Institution.objects.none(),
        empty_label=None,
        error_messages={
            "invalid_choice": _("Du kan kun booke for den institution, du er kontaktperson for."),
            "required": _("Vælg institutionen."),
        },
    )
    showing = ShowingChoiceField(
        label=_("Opførelse"),
        queryset=Showing.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _("Vælg en af forestillingens opførelser."),
            "required": _("Vælg en opførelse."),
        },
    )

    class Meta:
        model = Booking
        fields = [
            "institution",
            "showing",
            "group_name",
            "children",
            "adults",
            "contact_name",
            "contact_phone",
            "contact_email",
            "wheelchair",
            "interpreter",
            "note",
        ]
        widgets = {
            "note": forms.Textarea(attrs={"rows": 3}),
            # Text with a number keyboard: a number input cannot show back what was typed
            # wrong next to its message (and phones' number inputs are fiddly).
            "children": forms.TextInput(attrs={"inputmode": "numeric", "pattern": "[0-9]*"}),
            "adults": forms.TextInput(attrs={"inputmode": "numeric", "pattern": "[0-9]*"}),
            "contact_phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }
        error_messages = {
            "group_name": {"required": _("Skriv gruppens navn, fx »Rødstuen« eller »2.B«.")},
            "children": {
                "required": _("Skriv hvor mange børn der kommer."),
                "min_value": _("En gruppe skal have mindst ét barn med."),
                "max_value": _("Højst %(limit_value)s børn i én booking."),
                "invalid": _("Skriv antallet af børn som et tal."),
            },
            "adults": {
                "min_value": _("Antallet af voksne kan ikke være negativt."),
                "max_value": _("Højst %(limit_value)s voksne i én booking."),
                "invalid": _("Skriv antallet af voksne som et tal."),
            },
            "contact_name": {"required": _("Skriv kontaktpersonens navn.")},
            "contact_phone": {"required": _("Skriv kontaktpersonens telefonnummer.")},
            "contact_email": {
                "required": _("Skriv kontaktpersonens e-mailadresse."),
                "invalid": _("Skriv en gyldig e-mailadresse, fx navn@ballerup.dk."),
            },
        }

    def __init__(self, *args, offer, institutions, **kwargs):
        super().__init__(*args, **kwargs)
        # The group's and contact's names are shown to the network's staff in rows.
        for name in ("group_name", "contact_name", "note"):
            refuse_unclosed_controls(self.fields[name])
        self.fields["institution"].queryset = institutions
        self.fields["showing"].queryset = offer.showings.with_places()
        self.fields["showing"].free = self.free_places(offer, institutions)
        self.fields["adults"].required = False

    @staticmethod
    def free_places(offer, institutions):
        """``{showing pk: places}`` the institutions may take now: the places not booked,
        less those other districts' allotments still hold (``services.free_places``). A
        contact person of houses in different districts is offered the most any of them
        may take (the booking itself is judged for the house chosen)."""
        district_sets = {
            frozenset(d.pk for d in institution.districts.all())
            for institution in institutions.prefetch_related("districts")
        }
        if not district_sets or not offer.allotments.exists():
            return {}
        return services.free_places_by_showing(offer.showings.all(), district_sets)

    def clean_adults(self):
        return self.cleaned_data.get("adults") or 0

    def details(self):
        data = self.cleaned_data
        return {name: data[name] for name in self.Meta.fields[2:]}


class EvaluationForm(forms.ModelForm):
    rating = forms.TypedChoiceField(
        label=_("Hvordan var forestillingen?"),
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("5 er rigtig god, 1 er dårlig."),
        error_messages={
            "required": _("Vælg en vurdering fra 1 til 5."),
            "invalid_choice": _("Vælg en vurdering fra 1 til 5."),
        },
    )

    class Meta:
        model = Evaluation
        fields = ["rating", "comment"]
        widgets = {"comment": forms.Textarea(attrs={"rows": 4})}


class MoveForm(forms.Form):
    showing = ShowingChoiceField(
        label=_("Flyt til opførelse"),
        queryset=Showing.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Vælg en af forestillingens opførelser.")},
    )

    def __init__(self, *args, booking, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["showing"].queryset = booking.showing.offer.showings.with_places().exclude(
            pk=booking.showing_id
        )


class OfferFilterForm(forms.Form):
    """The network's offers narrowed by age band (by its slug) and month. The choices
    come from the view, which has read the age bands with the offers they are for."""

    alder = forms.ChoiceField(
        label=_("Aldersgruppe"),
        required=False,
        # As a choice of the age band rows says it.
        error_messages={
            "invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"]
        },
    )
    maaned = forms.ChoiceField(label=_("Måned"), required=False)

    def __init__(self, *args, bands=(), months=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["alder"].choices = [("", _("Alle aldersgrupper")), *bands]
        self.fields["maaned"].choices = [("", _("Alle måneder"))] + [
            (f"{m:%Y-%m}", date_format(m, "F Y").capitalize()) for m in months
        ]
