"""Closing days in the staff admin: administrators set the days (or have next year's
proposed from the rules); each district leader sets where alternative care is offered
in their own district."""

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ballerup_portal.admin_base import PortalModelAdmin, VersionedModelForm
from daycare.constants import PublicationStatus
from daycare.models import AlternativeCare, ClosingDay, ClosingDayRule
from daycare.models.closing_days import propose_closing_days
from districts.constants import DAYCARE_TYPES


@admin.register(ClosingDay)
class ClosingDayAdmin(PortalModelAdmin):
    list_display = ["date", "weekday", "name", "alternative_care", "signup_deadline", "status"]
    list_filter = ["status", "alternative_care", ("date", admin.DateFieldListFilter)]
    search_fields = ["name", "note"]
    date_hierarchy = "date"
    readonly_fields = ["is_demo"]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["date", "name", "status", "note"]}),
        (
            _("Alternativ pasning"),
            {"fields": ["alternative_care", "signup_deadline", "signup_text", "signup_url"]},
        ),
        (_("Demo"), {"fields": ["is_demo"]}),
    ]
    formfield_overrides = {
        ClosingDay._meta.get_field("signup_url").__class__: {"assume_scheme": "https"}
    }

    @admin.display(description=_("ugedag"))
    def weekday(self, obj):
        return date_format(obj.date, "l")

    @admin.action(description=_("Offentliggør de valgte lukkedage"))
    def publish(self, request, queryset):
        # Saved one by one: each records when it was published, in its history too.
        count = 0
        for day in queryset.exclude(status=PublicationStatus.PUBLISHED):
            day.status = PublicationStatus.PUBLISHED
            day.save()
            count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d lukkedag er offentliggjort.",
                "%(count)d lukkedage er offentliggjort.",
                count,
            )
            % {"count": count},  # fmt: skip
            messages.SUCCESS,
        )

    @admin.action(description=_("Gør de valgte lukkedage til kladder igen"))
    def unpublish(self, request, queryset):
        count = 0
        for day in queryset.exclude(status=PublicationStatus.DRAFT):
            day.status = PublicationStatus.DRAFT
            day.save()
            count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d lukkedag er nu en kladde.", "%(count)d lukkedage er nu kladder.", count
            )
            % {"count": count},  # fmt: skip
            messages.SUCCESS,
        )


@admin.register(ClosingDayRule)
class ClosingDayRuleAdmin(PortalModelAdmin):
    list_display = ["name", "kind", "month", "day", "end_day", "easter_offset",
                    "alternative_care", "order"]  # fmt: skip
    list_editable = []
    actions = ["propose_next_year"]

    @admin.action(description=_("Foreslå næste års lukkedage ud fra de valgte regler"))
    def propose_next_year(self, request, queryset):
        year = timezone.localdate().year + 1
        proposed = propose_closing_days(queryset, year)
        self.message_user(
            request,
            ngettext(
                "%(count)d lukkedag i %(year)d er foreslået som kladde. Ret dem til, og "
                "offentliggør dem under Lukkedage.",
                "%(count)d lukkedage i %(year)d er foreslået som kladder. Ret dem til, og "
                "offentliggør dem under Lukkedage.",
                len(proposed),
            )
            % {"count": len(proposed), "year": year},
            messages.SUCCESS,
        )


class AlternativeCareForm(VersionedModelForm):
    def clean(self):
        cleaned = super().clean()
        houses = cleaned.get("houses")
        district = cleaned.get("district")
        if houses is not None and district is not None:
            self.instance.district = district
            try:
                self.instance.validate_houses(houses.prefetch_related("districts"))
            except forms.ValidationError as error:
                self.add_error("houses", error)
        return cleaned


@admin.register(AlternativeCare)
class AlternativeCareAdmin(PortalModelAdmin):
    form = AlternativeCareForm
    list_display = ["closing_day", "district", "house_names"]
    list_filter = ["district"]
    list_select_related = ["closing_day", "district"]
    formfield_overrides = {
        AlternativeCare._meta.get_field("houses").__class__: {
            "widget": forms.CheckboxSelectMultiple
        }
    }

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("houses")

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        formfield = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "houses":
            formfield.queryset = formfield.queryset.filter(
                institution_type__in=DAYCARE_TYPES
            ).order_by("name")
        return formfield

    @admin.display(description=_("børnehuse"))
    def house_names(self, obj):
        return ", ".join(house.name for house in obj.houses.all())
