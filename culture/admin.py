"""The culture networks in the staff admin. Ambassadors and coordinators keep their own
network's meetings, projects and events; administrators keep Kulturtjenesten's texts,
its organisations and facilitators, and appoint the seats (``culture.rules``)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import permissions
from core.admin_base import (
    PortalInline,
    PortalInlineFormSet,
    PortalModelAdmin,
    VersionedModelForm,
)
from core.admin_dates import DateTimeInRangeField, QuestionedDatesAdmin
from districts.models import Institution

from .models import (
    CultureService,
    Event,
    Facilitator,
    Meeting,
    Network,
    Organisation,
    Project,
    Seat,
)
from .rules import held_network_ids


def institutions_for(user):
    """The institutions a user may name as taking part: their networks' districts'."""
    institutions = Institution.objects.order_by("name")
    if permissions.is_administrator(user):
        return institutions
    districts = Network.objects.filter(pk__in=held_network_ids(user)).values("district_id")
    return institutions.filter(
        pk__in=Institution.objects.filter(districts__in=districts).values("pk")
    )


class NetworkContentForm(VersionedModelForm):
    """A meeting's, project's or event's form. The institutions taking part that the
    user cannot pick (an administrator named another district's house) are kept on save,
    as a district leader's save keeps Klub Syd's other district."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("institutions")
        if field is None:
            return
        kept = [institution.name for institution in self.kept_institutions()]
        if kept:
            # Say what the checkboxes leave out, so the save is no surprise.
            field.help_text = _(
                "Også med: %(institutions)s. Det bevares, når du gemmer; kun en "
                "administrator kan ændre det."
            ) % {"institutions": ", ".join(kept)}

    def kept_institutions(self):
        """The institutions taking part that are not among the user's choices."""
        field = self.fields.get("institutions")
        if field is None or self.instance.pk is None:
            return Institution.objects.none()
        return self.instance.institutions.exclude(pk__in=field.queryset.values("pk")).order_by(
            "name"
        )

    # Set per request by NetworkContentAdmin.get_form: whether the institutions the user
    # picks must be of the chosen network's district (everyone's but an administrator's).
    of_network_district_only = False

    def clean_institutions(self):
        chosen = self.cleaned_data["institutions"]
        kept = list(self.kept_institutions().values_list("pk", flat=True))
        if not kept:
            return chosen
        return Institution.objects.filter(pk__in=[*chosen.values_list("pk", flat=True), *kept])

    def clean(self):
        cleaned = super().clean()
        if self.of_network_district_only:
            self.check_district(cleaned)
        return cleaned

    def check_district(self, cleaned):
        """A member with seats in two networks is offered both districts' institutions:
        each one they pick must be of the chosen network's district. (The model's clean
        cannot check it: a many-to-many choice is not there yet when it runs.)"""
        chosen = cleaned.get("institutions")
        if "network" in self.fields:
            network = cleaned.get("network")
        else:
            network = self.instance.network if self.instance.network_id else None
        if chosen is None or network is None:
            return
        foreign = (
            chosen.exclude(pk__in=self.kept_institutions().values("pk"))
            .exclude(districts=network.district_id)
            .order_by("name")
        )
        names = [institution.name for institution in foreign]
        if names:
            self.add_error(
                "institutions",
                _("%(institutions)s hører ikke til netværkets distrikt, %(district)s.")
                % {"institutions": ", ".join(names), "district": network.district.name},
            )


class NetworkContentAdmin(PortalModelAdmin):
    """Meetings, projects and events: kept by the network's own members."""

    form = NetworkContentForm
    list_filter = ["network"]
    # One labelled date-and-time field the browser helps fill in: the admin's split
    # widget leaves its two inputs without labels (axe: "Form elements must have labels").
    formfield_overrides = {
        models.DateTimeField: {
            # Year 1 or 9999 is refused in Danish, confirmed or not (not a 500).
            "form_class": DateTimeInRangeField,
            "widget": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
        },
    }

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.of_network_district_only = not permissions.is_administrator(request.user)
        return form

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "institutions":
            kwargs["queryset"] = institutions_for(request.user)
            kwargs["widget"] = forms.CheckboxSelectMultiple
            return db_field.formfield(**kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Meeting)
class MeetingAdmin(QuestionedDatesAdmin, NetworkContentAdmin):
    questioned_dates = ["date"]
    list_display = ["date", "kind", "network", "place"]
    list_filter = ["network", "kind"]
    list_select_related = ["network__district"]
    search_fields = ["place", "agenda", "minutes"]


@admin.register(Project)
class ProjectAdmin(NetworkContentAdmin):
    list_display = ["title", "network", "status", "start", "end"]
    list_filter = ["network", "status"]
    list_select_related = ["network__district"]
    search_fields = ["title", "description"]


@admin.register(Event)
class EventAdmin(QuestionedDatesAdmin, NetworkContentAdmin):
    questioned_dates = ["starts_at"]
    list_display = ["title", "performer", "starts_at", "venue", "network", "places_available"]
    list_select_related = ["network__district"]
    search_fields = ["title", "performer", "venue"]


class SeatFormSet(PortalInlineFormSet):
    """A network's seats. Added together with the network, a seat has no network yet
    when it is cleaned (``Seat.clean`` needs one): it is checked here against the
    district chosen on the same page, as it would be on the network's change page."""

    def clean(self):
        super().clean()
        district_id = self.instance.district_id
        if self.instance.pk is not None or district_id is None:
            return
        for form in self.kept_forms():
            try:
                form.instance.check_institution(district_id)
            except ValidationError as error:
                form.add_error(None, error)


class SeatInline(PortalInline):
    model = Seat
    formset = SeatFormSet
    extra = 0
    fields = ["seat_type", "person", "institution", "is_coordinator"]


@admin.register(Network)
class NetworkAdmin(PortalModelAdmin):
    list_display = ["__str__", "coordinator"]
    list_select_related = ["district"]
    inlines = [SeatInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("seats__person")

    def has_add_permission(self, request):
        # One network per district, from the seed; a new district gets one from an admin.
        return permissions.is_administrator(request.user)

    def get_readonly_fields(self, request, obj=None):
        # Shown as text: a link to the district's page would answer 403 to a member.
        return [] if obj is None else ["district_name"]

    def get_exclude(self, request, obj=None):
        return [] if obj is None else ["district"]

    @admin.display(description=_("distrikt"))
    def district_name(self, obj):
        return obj.district.name

    @admin.display(description=_("kulturnetværkskoordinator"))
    def coordinator(self, obj):
        return next((seat.person for seat in obj.seats.all() if seat.is_coordinator), "–")


@admin.register(CultureService)
class CultureServiceAdmin(PortalModelAdmin):
    def has_add_permission(self, request):
        return super().has_add_permission(request) and not CultureService.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Organisation)
class OrganisationAdmin(PortalModelAdmin):
    list_display = ["name", "order", "website"]
    search_fields = ["name"]


@admin.register(Facilitator)
class FacilitatorAdmin(PortalModelAdmin):
    list_display = ["person", "title", "order"]
    list_select_related = ["person"]
