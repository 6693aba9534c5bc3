"""Inspection reports in the staff admin: upload (administrators only), and the overview
of which daycare units are due a report (``/admin/daycare/inspectionreport/oversigt/``)."""

import datetime

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db import transaction
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core import permissions
from core.admin_base import PortalModelAdmin, StoredFileInput

from .. import rules  # noqa: F401 - registers the scopes
from ..models.inspection import (
    OVERDUE,
    SOON,
    SOON_DUE,
    InspectionReport,
    due_cutoff,
    due_state,
    inspected_units,
    legal_cutoff,
    past_legal_limit,
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
            obj.record_upload(request.user)
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
        """A worklist: every inspected unit with its district, latest published visit
        and due date; overdue first, then due within 90 days; counts per district; an
        upload link per row with the unit chosen."""
        if not permissions.is_administrator(request.user):
            raise PermissionDenied
        today = timezone.localdate()
        soon = today + SOON
        units = list(units_with_latest_report().prefetch_related("districts"))
        per_district = {}
        for unit in units:
            unit.due_date, unit.state = due_state(unit.latest_visit, today)
            unit.is_due = unit.state == OVERDUE
            unit.past_legal_limit = past_legal_limit(unit.latest_visit, today)
            unit.district_names = ", ".join(d.name for d in unit.districts.all()) or "–"
            for district in unit.districts.all() or [None]:
                name = district.name if district else _("Uden distrikt")
                counts = per_district.setdefault(name, {"overdue": 0, "soon": 0, "total": 0})
                counts["total"] += 1
                counts["overdue"] += unit.state == OVERDUE
                counts["soon"] += unit.state == SOON_DUE
        units.sort(key=lambda u: (u.state, u.due_date or datetime.date.min, u.name))
        upload = reverse("admin:daycare_inspectionreport_add")
        for unit in units:
            unit.upload_url = f"{upload}?{urlencode({'unit': unit.pk})}"
        context = {
            **self.admin_site.each_context(request),
            "title": _("Tilsyn: hvem skal have en rapport"),
            "opts": self.model._meta,
            "units": units,
            "cutoff": due_cutoff(today),
            "legal_cutoff": legal_cutoff(today),
            "past_limit_count": sum(u.past_legal_limit for u in units),
            "soon": soon,
            "due_count": sum(u.state == OVERDUE for u in units),
            "soon_count": sum(u.state == SOON_DUE for u in units),
            "per_district": sorted(per_district.items()),
        }
        return TemplateResponse(request, "admin/daycare/inspectionreport/due.html", context)
