"""How the archive ``/tilsyn/`` and a house's page show an inspection report, made once
per report in Python from the values of one query: the link to its PDF (one
``reverse()`` per page), "Tilsynsrapport, <date>", whether the visit was announced, the
summary with its line breaks, in the markup both pages share (``ReportText.html``).
A template would run a ``{% url %}``, translations, a date filter and a dozen nodes per
report; the archive lists every report."""

from html import escape

from django.template.defaultfilters import linebreaksbr
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from core.dates import long_date
from core.rows import demo_badge, link_maker

# What a report shows (``InspectionReport`` fields, read as values).
FIELDS = ("pk", "unit_id", "visit_date", "announced", "summary", "is_demo")


class ReportText:
    """A report's HTML (``html``): the link to its PDF with the visit's date, a demo
    badge, announced or not, and the summary."""

    def __init__(self):
        self.address = link_maker("daycare:inspection_report_file", "pk")
        self.title = _("Tilsynsrapport, %(date)s")
        self.visit = {True: escape(_("Anmeldt besøg")), False: escape(_("Uanmeldt besøg"))}
        self.demo = demo_badge()
        self.dates = {}

    def html(self, report):
        """``report``: a dict of ``FIELDS``."""
        date = report["visit_date"]
        written = self.dates.get(date) or self.dates.setdefault(date, long_date(date))
        title = escape(self.title % {"date": written})
        demo = self.demo if report["is_demo"] else ""
        summary = linebreaksbr(report["summary"], autoescape=True)
        return SafeString(
            '<div class="row g-2">\n'
            '  <div class="col-md-4">\n'
            f'    <a href="{self.address(report["pk"])}">{title}'
            f' <span class="text-body-secondary">(PDF)</span></a>{demo}\n'
            f'    <br><span class="small text-body-secondary">{self.visit[report["announced"]]}'
            "</span>\n"
            "  </div>\n"
            f'  <div class="col-md-8"><p class="mb-0">{summary}</p></div>\n'
            "</div>"
        )
