"""What can be booked, in the staff admin: a network's members make one of their own
performances bookable (audience, when booking opens and closes, showings, reserved
steps); administrators keep the age bands. Bookings themselves are handled on the
network's booking pages (``bookings.views``), where the place rules apply."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.admin_base import PortalInline, PortalInlineFormSet, PortalModelAdmin
from core.admin_dates import DateTimeInRangeField, QuestionedDatesAdmin
from districts.models import District, Institution

from . import services
from .models import AgeBand, Allotment, Offer, ReservationStep, Showing

DATETIME_FIELD = {
    # One labelled field the browser helps fill in (as culture.admin does); year 1 or
    # 9999 is refused in Danish (it would not survive the conversion to UTC).
    "form_class": DateTimeInRangeField,
    "widget": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
}
DATE_FIELD = {"widget": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


def to_the_minute(moment):
    """A showing's time as the form shows it (no seconds)."""
    return moment.replace(second=0, microsecond=0)


class ShowingFormSet(PortalInlineFormSet):
    def clean(self):
        super().clean()
        changed = [
            form
            for form in self.initial_forms
            if form.instance.pk is not None
            and "places" in form.changed_data
            and not form.errors
            and not form.cleaned_data.get("DELETE")
        ]
        if not changed:
            return
        if transaction.get_connection().in_atomic_block:
            # Held until the save commits: no booking is confirmed in between (the booking
            # services take the same lock).
            locked = Showing.objects.select_for_update().filter(
                pk__in=[form.instance.pk for form in changed]
            )
            list(locked.order_by("pk").values_list("pk"))
        for form in changed:
            try:
                form.instance.check_places()
            except ValidationError as error:
                form.add_error(None, error)


class ShowingInline(PortalInline):
    model = Showing
    formset = ShowingFormSet
    extra = 1
    fields = ["starts_at", "venue", "places"]
    formfield_overrides = {models.DateTimeField: DATETIME_FIELD}


class ReservationStepInline(PortalInline):
    model = ReservationStep
    extra = 0
    fields = ["opens_on", "scope", "institution_type", "institutions"]
    formfield_overrides = {models.DateField: DATE_FIELD}

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "institutions":
            # Any institution in the municipality may be named, not only the network's.
            kwargs["queryset"] = Institution.objects.order_by("name")
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class AllotmentInline(PortalInline):
    model = Allotment
    extra = 0
    fields = ["district", "places", "released_on"]
    formfield_overrides = {models.DateField: DATE_FIELD}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "district":
            # Places may be held for any district, not only the ones the user leads.
            kwargs["queryset"] = District.objects.order_by("name")
            return db_field.formfield(**kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Offer)
class OfferAdmin(QuestionedDatesAdmin, PortalModelAdmin):
    # Far-off dates are questioned, as a performance's own (issue 24.7).
    questioned_dates = ["booking_opens", "booking_closes"]
    list_display = ["__str__", "network", "booking_opens", "booking_closes"]
    list_select_related = ["event__network__district"]
    list_filter = ["event__network"]
    fields = ["event", "audience", "booking_opens", "booking_closes"]
    inlines = [ShowingInline, AllotmentInline, ReservationStepInline]
    formfield_overrides = {models.DateTimeField: DATETIME_FIELD}

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "audience":
            kwargs["widget"] = forms.CheckboxSelectMultiple
            kwargs["queryset"] = AgeBand.objects.all()
            return db_field.formfield(**kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A showing's time changed: the institutions with bookings there are told.
        for formset in formsets:
            if not isinstance(formset, ShowingFormSet):
                continue
            for showing_form in formset.initial_forms:
                before = showing_form.initial.get("starts_at")
                showing = showing_form.instance
                if (
                    showing.pk is None
                    or before is None
                    or showing_form.cleaned_data.get("DELETE")
                    or to_the_minute(before) == to_the_minute(showing.starts_at)
                ):
                    continue
                told = services.tell_time_changed(showing.pk)
                if told:
                    self.message_user(
                        request,
                        ngettext(
                            "%(count)s booking til opførelsen %(showing)s får besked om det "
                            "nye tidspunkt.",
                            "%(count)s bookinger til opførelsen %(showing)s får besked om det "
                            "nye tidspunkt.",
                            len(told),
                        )
                        % {"count": len(told), "showing": showing},
                        messages.INFO,
                    )
        # More places, or fewer or released places held for a district: the waiting
        # line moves up now (with its mails), not when the next booking or the daily
        # run comes, and not after a newcomer took the places.
        for showing_id in form.instance.showings.values_list("pk", flat=True):
            for booking in services.promote_waiting(showing_id):
                self.message_user(
                    request,
                    gettext("%(institution)s (%(group)s) er rykket op fra ventelisten.")
                    % {"institution": booking.institution, "group": booking.group_name},
                    messages.INFO,
                )

    @admin.display(description=_("netværk"))
    def network(self, obj):
        return obj.event.network


@admin.register(AgeBand)
class AgeBandAdmin(PortalModelAdmin):
    list_display = ["name", "order"]
    fields = ["name", "slug", "order"]
