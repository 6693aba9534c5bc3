"""Dates that look wrong are questioned: a performance, a meeting or a closing day more
than a year in the past or more than five years ahead is saved only once the staff
member ticks »Datoen er rigtig«, shown beside the message (issue 24.7). A date left as it
was is never questioned: an old meeting can still be corrected."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

CONFIRM_FIELD = "confirm_date"
PAST = datetime.timedelta(days=365)
AHEAD = datetime.timedelta(days=5 * 365)
# Years a date and time may have at all: outside them the conversion to UTC, or a day
# added to it, falls off Python's calendar (an OverflowError, a 500), confirmed or not.
EARLIEST_YEAR, LATEST_YEAR = 1900, 9998


def validate_year(value):
    """Refuse a date (or date and time) outside ``EARLIEST_YEAR``–``LATEST_YEAR``, in
    Danish."""
    if value is not None and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise forms.ValidationError(
            _("Datoen skal ligge mellem år %(earliest)s og %(latest)s.")
            % {"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
            code="year_out_of_range",
        )


class DateTimeInRangeField(forms.DateTimeField):
    """A date and time field (for ``formfield_overrides``) that refuses years no
    database column or time zone conversion can hold (``validate_year``)."""

    default_validators = [validate_year]


def as_date(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def far_off(day, today=None):
    """Why ``day`` looks wrong, or None."""
    today = today or timezone.localdate()
    if day < today - PAST:
        return _("mere end et år tilbage")
    if day > today + AHEAD:
        return _("mere end fem år frem")
    return None


class ConfirmDatesForm(forms.Form):
    confirm_date = forms.BooleanField(
        label=_("Datoen er rigtig"),
        required=False,
        help_text=_("Sæt kryds, hvis datoen faktisk skal ligge så langt fra i dag."),
    )
    questioned_dates = ()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get(CONFIRM_FIELD):
            return cleaned
        for name in self.questioned_dates:
            value = cleaned.get(name)
            if value is None or name not in self.changed_data:
                continue
            reason = far_off(as_date(value))
            if reason:
                self.add_error(
                    name,
                    _(
                        "%(date)s ligger %(reason)s. Er datoen rigtig? Ret den, eller sæt "
                        "kryds ved »Datoen er rigtig« og gem igen."
                    )
                    % {"date": date_format(as_date(value), "j. F Y"), "reason": reason},
                )
        return cleaned


class QuestionedDatesAdmin:
    """A ModelAdmin mixin: ``questioned_dates`` names the date fields to question."""

    questioned_dates = ()

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = kwargs.get("form", self.form)
        kwargs["form"] = type(
            base.__name__, (ConfirmDatesForm, base), {"questioned_dates": self.questioned_dates}
        )
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        # Without fieldsets Django lists every form field, the box included: taken out.
        fieldsets = [
            (name, {**opts, "fields": [f for f in opts["fields"] if f != CONFIRM_FIELD]})
            for name, opts in super().get_fieldsets(request, obj)
        ]
        if not self._questioning(request):
            return fieldsets
        # The box goes right after the first questioned date: where the message is.
        placed = []
        done = False
        for name, opts in fieldsets:
            fields = list(opts["fields"])
            for date_name in self.questioned_dates:
                if not done and date_name in fields:
                    fields.insert(fields.index(date_name) + 1, CONFIRM_FIELD)
                    done = True
            placed.append((name, {**opts, "fields": fields}))
        if not done:
            placed.insert(0, (None, {"fields": [CONFIRM_FIELD]}))
        return placed

    def _questioning(self, request):
        """A POST whose dates are far off (or already confirmed) shows the box."""
        if request.method != "POST":
            return False
        if request.POST.get(CONFIRM_FIELD):
            return True
        for name in self.questioned_dates:
            raw = request.POST.get(name)
            if not raw:
                continue
            field = self.model._meta.get_field(name)
            is_datetime = field.get_internal_type() == "DateTimeField"
            parser = forms.DateTimeField() if is_datetime else forms.DateField()
            try:
                value = parser.to_python(raw)
            except forms.ValidationError:
                continue
            if value is not None and far_off(as_date(value)):
                return True
        return False
