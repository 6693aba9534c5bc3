"""Public inspection reports: the archive ``/tilsyn/``, one file per report and a stable
URL per unit that always gives its latest report."""

from django.contrib import admin
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from caching.keys import query_parameters
from core.files import serve_stored_file
from core.rows import link_maker
from districts.models import Institution

from ..inspection_text import FIELDS, ReportText
from ..models.inspection import InspectionReport


@query_parameters("aar")
def inspection_reports(request):
    """Published reports by district, then unit, newest first; ``?aar=2025`` filters.

    One query of values: every published report with its unit and the unit's districts
    (a row per district: a unit in two districts is listed in both), the years for the
    filter taken from the same rows."""
    rows = (
        InspectionReport.objects.published()
        .order_by("unit__name", "-visit_date", "-pk")
        .values(
            *FIELDS, "unit__name", "unit__slug", "unit__districts__name", "unit__districts__slug"
        )  # fmt: skip
    )
    rows = list(rows)
    years = sorted({row["visit_date"].year for row in rows}, reverse=True)
    # Only a year the filter offers, compared as text: int() is never given what was
    # typed (it refuses "²" and more than 4300 digits).
    year = {str(offered): offered for offered in years}.get(request.GET.get("aar", ""))
    if year is not None:
        rows = [row for row in rows if row["visit_date"].year == year]
    # district → unit → reports.
    text = ReportText()
    units = link_maker("districts:institution_detail", "slug")
    by_district = {}
    for row in rows:
        if row["unit__districts__slug"] is None:
            continue
        district = (row["unit__districts__name"], row["unit__districts__slug"])
        reports = by_district.setdefault(district, {}).get(row["unit_id"])
        if reports is None:
            unit = {"name": row["unit__name"], "slug": row["unit__slug"]}
            unit["url"] = units(unit["slug"])
            reports = by_district[district][row["unit_id"]] = (unit, [])
        reports[1].append(text.html(row))
    districts = [
        ({"name": name, "slug": slug}, list(by_district[name, slug].values()))
        for name, slug in sorted(by_district)
    ]
    context = {"districts": districts, "years": years, "year": year}
    return render(request, "daycare/inspection_reports.html", context)


def inspection_report_file(request, pk):
    """A report's PDF: published ones for everybody; an unpublished one only for staff who
    may see it in the admin, logged in as the admin requires (two-factor included; not
    cached), 404 for everybody else."""
    report = get_object_or_404(InspectionReport.objects.select_related("unit"), pk=pk)
    if report.published:
        return serve_stored_file(report.pdf.name, report.download_name, request=request)
    if admin.site.has_permission(request) and request.user.has_perm(
        "daycare.view_inspectionreport", report
    ):
        return serve_stored_file(report.pdf.name, report.download_name, private=True)
    raise Http404


def latest_inspection_report(request, slug):
    unit = get_object_or_404(Institution, slug=slug)
    report = unit.inspection_reports.published().newest_first().select_related("unit").first()
    if report is None:
        raise Http404
    return serve_stored_file(report.pdf.name, report.download_name, request=request)
