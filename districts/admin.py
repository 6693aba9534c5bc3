from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .models import District, Institution, Person, Role


# Stacked, not tabular: Django's tabular inline leaves its fields and delete box without
# labels (axe: "Form elements must have labels"); the stacked one labels every field.
class RoleInline(admin.StackedInline):
    model = Role
    extra = 0
    autocomplete_fields = ["person"]


class DistrictRoleInline(RoleInline):
    fk_name = "district"
    fields = ["person", "role_type"]
    verbose_name_plural = _("roller i distriktet")


class InstitutionRoleInline(RoleInline):
    fk_name = "institution"
    fields = ["person", "role_type"]
    verbose_name_plural = _("ledere af institutionen")


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "institution_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DistrictRoleInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_institutions=Count("institutions"))

    @admin.display(description=_("institutioner"), ordering="_institutions")
    def institution_count(self, obj):
        return obj._institutions


@admin.register(Institution)
class InstitutionAdmin(admin.ModelAdmin):
    list_display = ["name", "institution_type", "district_names", "phone", "email"]
    list_filter = ["institution_type", "districts"]
    search_fields = ["name", "address", "email", "phone"]
    prepopulated_fields = {"slug": ["name"]}
    # Staff type "www.skole.dk"; Django 6 assumes https, and so do we now. Five districts
    # fit in checkboxes, which work without JavaScript; filter_horizontal's widget puts
    # ARIA labels where they are not allowed (axe: aria-prohibited-attr).
    formfield_overrides = {
        models.URLField: {"assume_scheme": "https"},
        models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple},
    }
    inlines = [InstitutionRoleInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "institution_type", "districts"]}),
        (
            _("Kontakt"),
            {"fields": ["address", "postal_code", "city", "phone", "email", "website"]},
        ),
        (_("Dagpleje"), {"fields": ["family_day_carers"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("districts")

    @admin.display(description=_("distrikter"))
    def district_names(self, obj):
        return ", ".join(d.name for d in obj.districts.all())


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "phone", "user", "is_demo"]
    list_filter = ["is_demo", "roles__role_type", "roles__district"]
    search_fields = ["name", "email", "phone", "user__username"]
    autocomplete_fields = ["user"]
    inlines = [RoleInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["person", "role_type", "district", "institution"]
    list_filter = ["role_type", "district"]
    search_fields = ["person__name", "institution__name", "district__name"]
    autocomplete_fields = ["person", "institution"]
    list_select_related = ["person", "district", "institution"]
