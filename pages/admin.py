"""The site settings in the admin: one row, kept by administrators."""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.admin_base import SingleRowAdmin

from .models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(SingleRowAdmin):
    """One row: the list goes straight to it (or to the form that creates it), and it is
    never deleted, only emptied field by field."""

    fieldsets = [
        (
            _("Kommunens kontaktoplysninger"),
            {"fields": ["phone", "email", "postal_address", "contact_page"]},
        ),
        (_("Sidehoved"), {"fields": ["logo"]}),
        (
            _("Tilgængelighedserklæring"),
            {
                "fields": [
                    "statement_prepared",
                    "statement_reviewed",
                    "compliance_status",
                    "known_problems",
                ]
            },
        ),
    ]

    def changelist_view(self, request, extra_context=None):
        row = SiteSettings.objects.order_by("pk").first()
        if row is not None and self.has_view_or_change_permission(request, row):
            return redirect(reverse("admin:pages_sitesettings_change", args=[row.pk]))
        if row is None and self.has_add_permission(request):
            return redirect("admin:pages_sitesettings_add")
        return super().changelist_view(request, extra_context)
