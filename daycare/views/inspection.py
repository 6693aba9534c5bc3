"""Public inspection reports: the archive ``/tilsyn/``, one file per report and a stable
URL per unit that always gives its latest report."""

from itertools import groupby

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from caching.keys import query_parameters
from core.files import serve_stored_file
from districts.models import Institution

from ..models.inspection import InspectionReport


@query_parameters("aar")
def inspection_reports(request):
    """Published reports by district, then unit, newest first; ``?aar=2025`` filters."""
    reports = InspectionReport.objects.for_archive()
    years = sorted(
        {d.year for d in InspectionReport.objects.published().dates("visit_date", "year")},
        reverse=True,
    )
    year = request.GET.get("aar", "")
    if year.isdigit() and int(year) in years:
        reports = reports.filter(visit_date__year=int(year))
        year = int(year)
    else:
        year = None
    # district → unit → reports. A unit in two districts is listed in both.
    by_district = {}
    for report in reports.order_by("unit__name", "-visit_date", "-pk"):
        for district in report.unit.districts.all():
            by_district.setdefault(district, []).append(report)
    districts = []
    for district in sorted(by_district, key=lambda d: d.name):
        units = [
            (unit, list(items))
            for unit, items in groupby(by_district[district], key=lambda r: r.unit)
        ]
        districts.append((district, units))
    context = {"districts": districts, "years": years, "year": year}
    return render(request, "daycare/inspection_reports.html", context)


def inspection_report_file(request, pk):
    """A report's PDF: published ones for everybody; an unpublished one only for staff who
    may see it in the admin (not cached), 404 for everybody else."""
    report = get_object_or_404(InspectionReport.objects.select_related("unit"), pk=pk)
    if report.published:
        return serve_stored_file(report.pdf.name, report.download_name, request=request)
    if request.user.has_perm("daycare.view_inspectionreport", report):
        return serve_stored_file(report.pdf.name, report.download_name, private=True)
    raise Http404


def latest_inspection_report(request, slug):
    unit = get_object_or_404(Institution, slug=slug)
    report = unit.inspection_reports.published().newest_first().select_related("unit").first()
    if report is None:
        raise Http404
    return serve_stored_file(report.pdf.name, report.download_name, request=request)
