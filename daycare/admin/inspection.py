"""Inspection reports in the staff admin: upload (administrators only), and the overview
of which daycare units are due a report (``…/tilsynsrapport/oversigt/``)."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ballerup_portal import permissions
from ballerup_portal.admin_base import PortalModelAdmin, StoredFileInput

from .. import rules  # noqa: F401 - registers the scopes
from ..models.inspection import (
    InspectionReport,
    due_cutoff,
    inspected_units,
    units_with_latest_report,
)


@admin.register(InspectionReport)
class InspectionReportAdmin(PortalModelAdmin):
    list_display = ["unit", "visit_date", "announced", "published", "uploaded_by", "uploaded_at"]
    list_filter = ["published", "announced", "visit_date"]
    list_select_related = ["unit", "uploaded_by"]
    date_hierarchy = None
    fields = ["unit", "visit_date", "announced", "pdf", "summary", "published"]
    readonly_fields = ["report_file"]
    change_list_template = "admin/daycare/inspectionreport/change_list.html"

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if obj is not None and not self.has_change_permission(request, obj):
            # Read-only: Django would link the file under MEDIA_URL, which is not served.
            fields = ["report_file" if f == "pdf" else f for f in fields]
        return fields

    @admin.display(description=_("rapport (PDF)"))
    def report_file(self, obj):
        if obj is None or not obj.pk or not obj.pdf:
            return "–"
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.download_name)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if "pdf" in form.base_fields:
            widget = StoredFileInput()
            widget.file_url = obj.get_absolute_url() if obj is not None else None
            form.base_fields["pdf"].widget = widget
        return form

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "unit":
            kwargs["queryset"] = inspected_units().order_by("name")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_add_permission(self, request):
        return permissions.is_administrator(request.user) and super().has_add_permission(request)

    def save_model(self, request, obj, form, change):
        if "pdf" in form.changed_data or not change:
            obj.uploaded_by = request.user
            obj.uploaded_at = timezone.now()
        super().save_model(request, obj, form, change)
        if "pdf" in form.changed_data:
            request._inspection_stored = obj.pdf.name

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # A file stored by a save whose transaction then rolls back is deleted again.
        try:
            with transaction.atomic():
                return super().changeform_view(request, object_id, form_url, extra_context)
        except Exception:
            stored = getattr(request, "_inspection_stored", None)
            if stored:
                default_storage.delete(stored)
            raise

    def get_urls(self):
        overview = path(
            "oversigt/",
            self.admin_site.admin_view(self.due_overview),
            name="daycare_inspectionreport_due",
        )
        return [overview, *super().get_urls()]

    def due_overview(self, request):
        if not permissions.is_administrator(request.user):
            raise PermissionDenied
        cutoff = due_cutoff()
        units = list(units_with_latest_report())
        for unit in units:
            unit.is_due = unit.latest_visit is None or unit.latest_visit < cutoff
        context = {
            **self.admin_site.each_context(request),
            "title": _("Tilsyn: hvilke enheder mangler en rapport"),
            "opts": self.model._meta,
            "units": units,
            "cutoff": cutoff,
            "due_count": sum(u.is_due for u in units),
        }
        return TemplateResponse(request, "admin/daycare/inspectionreport/due.html", context)
