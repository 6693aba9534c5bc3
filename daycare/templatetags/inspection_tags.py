"""Inspection reports on other apps' pages: ``{% inspection_reports_for institution %}``
(the unit's latest published report, one query of values; a daycare unit without one
says so and links the archive) and ``{% district_inspection_link district %}`` (a link to
the district's part of ``/tilsyn/``)."""

from django import template

from ..inspection_text import FIELDS, ReportText
from ..models.inspection import InspectionReport

register = template.Library()


@register.inclusion_tag("daycare/includes/inspection_reports_for.html")
def inspection_reports_for(institution, only_district=None):
    """``only_district``: the institution's one district when the page knows it (else
    read here)."""
    report = (
        InspectionReport.objects.published()
        .filter(unit_id=institution.pk)
        .newest_first()
        .values(*FIELDS)
        .first()
    )
    anchor = ""
    if report is not None:
        report = ReportText().html(report)
        district = only_district or institution.only_district
        anchor = f"{district.slug}-{institution.slug}" if district else ""
    return {"report": report, "anchor": anchor, "institution": institution}


@register.inclusion_tag("daycare/includes/district_inspection_link.html")
def district_inspection_link(district):
    return {"district": district}
