"""Demo data of the daycare app for a local run (``manage.py create_demo``). Never
production. Each feature adds its part; ``create()`` calls them in turn."""

import datetime
import io

from django.core.files.base import ContentFile
from django.utils import timezone

from daycare.constants import PublicationStatus
from districts.constants import DAYCARE_TYPES
from districts.models import District, Institution


def demo_pdf(title, lines=()):
    """A small valid one-page PDF with ``title`` and ``lines`` as text (built with pypdf)."""
    from pypdf import PdfWriter
    from pypdf.generic import (
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
    )

    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )

    def pdf_text(text):
        raw = text.encode("cp1252", "replace")
        return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    ops = [b"BT /F1 18 Tf 60 780 Td (" + pdf_text(title) + b") Tj ET"]
    for i, line in enumerate(lines):
        ops.append(b"BT /F1 11 Tf 60 %d Td (" % (740 - 18 * i) + pdf_text(line) + b") Tj ET")
    stream = DecodedStreamObject()
    stream.set_data(b"\n".join(ops))
    page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def create_inspection_reports():
    """A published demo report per inspected unit, so /tilsyn/ is not empty. Dates vary
    so the due overview shows some units due. Runs once (any demo report = done)."""
    from .models.inspection import INSPECTED_TYPES, InspectionReport

    if InspectionReport.objects.filter(is_demo=True).exists():
        return False
    units = Institution.objects.filter(institution_type__in=INSPECTED_TYPES).order_by("name")
    today = timezone.localdate()
    added = False
    for i, unit in enumerate(units):
        if i % 7 == 6:
            continue  # a few units without a report: the due overview flags them
        visit = today - datetime.timedelta(days=60 + 97 * i)
        pdf = demo_pdf(
            f"DEMODATA - tilsynsrapport for {unit.name}",
            [
                f"Besøg den {visit:%d.%m.%Y}.",
                "Dette er ikke en rigtig tilsynsrapport.",
                "Den er lavet af manage.py create_demo, så arkivet ikke er tomt.",
            ],
        )
        report = InspectionReport(
            unit=unit,
            visit_date=visit,
            announced=i % 3 != 0,
            summary=(
                "Demodata: ikke et rigtigt tilsyn. Resuméet står her i ren tekst for læsere, "
                "der ikke kan bruge PDF-filen."
            ),
            published=True,
            is_demo=True,
        )
        report.pdf.save("demo.pdf", ContentFile(pdf), save=False)
        report.save()
        added = True
    return added


# Invented for a local run, like the closing days proposed from them: the sources give no
# closing days (DOMAIN.md). (name, kind, month, day, end day, Easter offset, alternative care)
DEMO_RULES = [
    ("Mandag før påske", "paaske", None, None, None, -6, True),
    ("Tirsdag før påske", "paaske", None, None, None, -5, True),
    ("Onsdag før påske", "paaske", None, None, None, -4, True),
    ("Fredag efter Kristi himmelfartsdag", "paaske", None, None, None, 40, True),
    ("Grundlovsdag", "fast_dato", 6, 5, None, None, False),
    ("Juleaftensdag", "fast_dato", 12, 24, None, None, False),
    ("Mellem jul og nytår", "periode", 12, 27, 31, None, True),
]


def create_closing_day_rules():
    """Demo rules, so that a local run can propose closing days ("Foreslå"). Only into a
    database without rules: rules entered by staff (or seeded by an earlier release) are
    left as they are."""
    from .models import ClosingDayRule

    if ClosingDayRule.objects.exists():
        return False
    for order, (name, kind, month, day, end_day, offset, care) in enumerate(DEMO_RULES, 1):
        ClosingDayRule.objects.create(
            name=name,
            kind=kind,
            month=month,
            day=day,
            end_day=end_day,
            easter_offset=offset,
            alternative_care=care,
            order=order,
            is_demo=True,
        )
    return True


def create_closing_days():
    """Closing days proposed from the rules for this year and next, published, with
    alternative care in each district's first daycare house. Runs once."""
    from .models import AlternativeCare, ClosingDay, ClosingDayRule
    from .models.closing_days import propose_closing_days

    if ClosingDay.objects.filter(is_demo=True).exists():
        return False
    year = timezone.localdate().year
    rules = ClosingDayRule.objects.all()
    days = propose_closing_days(rules, year) + propose_closing_days(rules, year + 1)
    # The places first, the publication after: what a leader would do, and so the page
    # and the feeds show no change of a place since the days were published.
    districts = list(District.objects.order_by("name").prefetch_related("institutions"))
    for day in days:
        if not day.alternative_care:
            continue
        for district in districts:
            houses = [i for i in district.institutions.all() if i.institution_type in DAYCARE_TYPES]
            if houses:
                care = AlternativeCare.objects.create(closing_day=day, district=district)
                care.houses.set(houses[:1])
    ClosingDay.objects.filter(pk__in=[day.pk for day in days]).update(
        status=PublicationStatus.PUBLISHED,
        published_at=timezone.now(),
        is_demo=True,
        signup_text="Demodata: tilmeld dit barn i dit barns børnehus.",
    )
    for day in ClosingDay.objects.filter(is_demo=True, alternative_care=True):
        day.signup_deadline = day.date - timezone.timedelta(days=21)
        day.save()
    return True


def create():
    added = create_closing_day_rules()
    added |= create_closing_days()
    added |= create_inspection_reports()
    return added
