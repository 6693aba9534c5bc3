"""The staff admin of districts, institutions, people and roles.

Who may change what is decided in ``districts.rules``; ``PortalModelAdmin``
applies it, records history and refuses saves over someone else's change.
"""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from core import permissions
from core.admin_base import PortalInline, PortalModelAdmin, VersionedModelForm

from . import dependents
from .constants import InstitutionType, RoleType
from .models import HOURS_FIELDS, District, Institution, Person, Role
from .rules import LEADER_ASSIGNABLE_ROLE_TYPES, districts_kept_from, may_give_role_to


class RoleTypeChoicesMixin:
    """Offers only the role types that fit where the role is edited (``role_types``), and
    to a district leader only the roles they may hand out."""

    role_types = tuple(RoleType)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "role_type":
            allowed = set(self.role_types)
            if not permissions.is_administrator(request.user):
                allowed &= set(LEADER_ASSIGNABLE_ROLE_TYPES)
            kwargs["choices"] = [
                (value, label) for value, label in db_field.choices if value in allowed
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)


class RoleRowForm(forms.ModelForm):
    """A role as a row on a district's, house's or person's page: refused when it would
    go to the person of the user's own account, unless the user is an administrator
    (``districts.rules.may_give_role_to``)."""

    # Set per request by RoleInline.get_formset and RoleAdmin.get_form.
    requested_by = None

    def clean(self):
        cleaned = super().clean()
        person = cleaned.get("person")
        if self.requested_by is not None and not may_give_role_to(self.requested_by, person):
            # On a person's own page the person is the page, not a field of the row.
            field = "person" if "person" in self.fields and not self["person"].is_hidden else None
            self.add_error(
                field,
                _("Du kan ikke give dig selv en rolle. Bed en administrator om det."),
            )
        return cleaned


class RoleForm(RoleRowForm, VersionedModelForm):
    """A role on its own page: refused for the user's own person as a row is."""


# Plain selects, not autocomplete_fields: select2's empty combobox has no accessible name
# (axe: aria-input-field-name), and a select works without JavaScript. The lists are
# short, because each is narrowed to what the user may choose.
class RoleInline(RoleTypeChoicesMixin, PortalInline):
    model = Role
    form = RoleRowForm
    extra = 0

    def get_queryset(self, request):
        # Each row's heading names its person and place (Role.__str__).
        return super().get_queryset(request).select_related("person", "district", "institution")

    def get_min_num(self, request, obj=None, **kwargs):
        # A person a leader adds without a role in their district would vanish from
        # their view at once; so a leader adds a person together with their role.
        adding_person = obj is None and self.fk_name in (None, "person")
        if adding_person and not permissions.is_administrator(request.user):
            return 1
        return super().get_min_num(request, obj, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        if self.get_min_num(request, obj):
            kwargs.setdefault("validate_min", True)
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.requested_by = request.user
        return formset


class DistrictRoleInline(RoleInline):
    fk_name = "district"
    fields = ["person", "role_type"]
    # A role edited on a district page is a district's role; a pedagogical leader
    # belongs to a house and would need a field this inline does not show.
    role_types = (RoleType.DISTRICT_LEADER,)
    verbose_name_plural = _("roller i distriktet")


class InstitutionRoleInline(RoleInline):
    fk_name = "institution"
    fields = ["person", "role_type"]
    role_types = (RoleType.PEDAGOGICAL_LEADER, RoleType.CULTURE_CONTACT)
    verbose_name_plural = _("ledere og kulturkontaktpersoner")


class ContactRoleInline(InstitutionRoleInline):
    """A school's, club's or Dagplejen's roles: its culture contact persons, who book
    places at the networks' performances."""

    role_types = (RoleType.CULTURE_CONTACT,)
    verbose_name_plural = _("kulturkontaktpersoner")


@admin.register(District)
class DistrictAdmin(PortalModelAdmin):
    list_display = ["name", "slug", "institution_count"]
    search_fields = ["name"]
    inlines = [DistrictRoleInline]
    fields = ["name", "slug", "description", "phone", "email"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_institutions=Count("institutions"))

    @admin.display(description=_("institutioner"), ordering="_institutions")
    def institution_count(self, obj):
        return obj._institutions


class InstitutionForm(VersionedModelForm):
    # Set per request by InstitutionAdmin.get_form: districts the user does not lead.
    kept_districts = District.objects.none()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kept = [district.name for district in self.kept_districts]
        if kept and "districts" in self.fields:
            # Say what the checkboxes leave out, so Klub Syd's other district is no surprise.
            self.fields["districts"].help_text = _(
                "Institutionen hører også til %(districts)s. Det bevares, når du gemmer; "
                "kun det distrikts leder eller en administrator kan ændre det."
            ) % {"districts": ", ".join(kept)}

    def clean_districts(self):
        chosen = self.cleaned_data["districts"]
        kept = list(self.kept_districts.values_list("pk", flat=True))
        if not kept:
            return chosen
        return District.objects.filter(pk__in=[*chosen.values_list("pk", flat=True), *kept])

    def clean(self):
        cleaned = super().clean()
        districts = cleaned.get("districts")
        if self.instance.pk is not None and districts is not None:
            # What other apps keep of the house in a district it leaves (a parent on
            # that district's board) would be left behind.
            left = self.instance.districts.exclude(pk__in=[d.pk for d in districts])
            for message in dependents.district_problems(self.instance, list(left)):
                self.add_error("districts", message)
        part_of = cleaned.get("part_of")
        if part_of is None or districts is None:
            return cleaned
        if not set(districts) & set(part_of.districts.all()):
            self.add_error(
                "part_of",
                _("Børnehuset og distriktsinstitutionen skal høre til samme distrikt."),
            )
        return cleaned


@admin.register(Institution)
class InstitutionAdmin(PortalModelAdmin):
    list_display = ["name", "institution_type", "district_names", "phone", "email"]
    list_filter = ["institution_type", "districts"]
    search_fields = ["name", "address", "email", "phone"]
    # Only administrators see the slug (a changed web address breaks links).
    administrator_fields = ["slug"]
    form = InstitutionForm
    # Five districts fit in checkboxes, which work without JavaScript; filter_horizontal's
    # widget puts ARIA labels where they are not allowed (axe: aria-prohibited-attr).
    formfield_overrides = {
        models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple},
    }
    inlines = [InstitutionRoleInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "institution_type", "districts", "part_of"]}),
        (
            _("Kontakt"),
            {
                "fields": [
                    "address",
                    "postal_code",
                    "city",
                    "phone",
                    "email",
                    "website",
                    "age_group",
                    "places",
                ]
            },
        ),
        (
            _("Åbningstider"),
            {
                "fields": HOURS_FIELDS,
                "description": _(
                    "Skriv fx 6.30–17.00 eller »lukket«. Tomme dage vises ikke på siden."
                ),
            },
        ),
        (_("Dagpleje"), {"fields": ["family_day_carers"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("districts")

    def get_inlines(self, request, obj):
        # Only daycare houses have pedagogical leaders; a school's form offers only its
        # culture contact persons.
        if obj is not None and not obj.has_pedagogical_leaders:
            return [ContactRoleInline]
        return super().get_inlines(request, obj)

    def get_fieldsets(self, request, obj=None):
        # Only Dagplejen has family day carers; a school's form need not ask.
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and obj.institution_type != InstitutionType.FAMILY_DAYCARE:
            return [fs for fs in fieldsets if "family_day_carers" not in fs[1]["fields"]]
        return fieldsets

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        # Klub Syd lies in two districts: its other district stays whatever a leader picks.
        if obj is not None:
            form.kept_districts = districts_kept_from(request.user, obj)
        return form

    @admin.display(description=_("distrikter"))
    def district_names(self, obj):
        return ", ".join(d.name for d in obj.districts.all())


@admin.register(Person)
class PersonAdmin(PortalModelAdmin):
    list_display = ["name", "email", "phone", "user", "is_demo"]
    list_filter = ["is_demo", "roles__role_type", "roles__district"]
    search_fields = ["name", "email", "phone", "user__username"]
    # Set only by `create_demo`: staff never mark real people as invented, or the reverse.
    administrator_fields = ["user"]
    inlines = [RoleInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        # A superuser's account is not offered to an administrator to pick
        # (core.permissions.choice_scope); a person linked to one keeps it, shown.
        linked = obj is not None and obj.user is not None and obj.user.is_superuser
        if linked and not request.user.is_superuser and "user" not in fields:
            fields = [*fields, "user"]
        return fields


@admin.register(Role)
class RoleAdmin(RoleTypeChoicesMixin, PortalModelAdmin):
    list_display = ["person", "role_type", "district", "institution"]
    list_filter = ["role_type", "district"]
    search_fields = ["person__name", "institution__name", "district__name"]
    list_select_related = ["person", "district", "institution"]
    form = RoleForm

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.requested_by = request.user
        return form
