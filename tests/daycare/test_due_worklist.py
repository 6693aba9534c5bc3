"""The due overview as a worklist (issue 24.3): one row per unit with district, latest
visit and due date; overdue first, then due within 90 days; counts per district; an
upload link per row that opens the upload form with the unit chosen."""

import datetime
import re

import pytest
from django.utils import timezone

from daycare.models import InspectionReport
from districts.models import Institution
from tests.admin_forms import form_data
from tests.conftest import login

pytestmark = pytest.mark.usefixtures("demo")

DUE = "/admin/daycare/inspectionreport/oversigt/"


def rows(page):
    body = page.split('<table id="due-overview">', 1)[1].split("</table>", 1)[0]
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body.split("<tbody>", 1)[1], re.S)
    ]


def report(unit, days_ago):
    visit = timezone.localdate() - datetime.timedelta(days=days_ago)
    made = InspectionReport(unit=unit, visit_date=visit, summary="Tilsyn.", published=True)
    made.pdf.name = "tilsyn/x.pdf"
    made.save()
    return made


@pytest.fixture
def units():
    InspectionReport.objects.all().delete()
    houses = list(
        Institution.objects.filter(
            slug__in=["boernehuset-valhalla", "boernehuset-grantoften", "boernehuset-kaerlodden"]
        ).order_by("slug")
    )
    return houses


def test_overdue_first_then_due_within_90_days_with_district_and_dates(administrator, units):
    grantoften, kaerlodden, valhalla = units
    report(valhalla, 2 * 365 + 30)  # overdue, past the act's limit too
    report(grantoften, 365 - 30)  # due within 90 days
    report(kaerlodden, 10)  # in order
    table = rows(administrator.get(DUE).content.decode())
    names = [row[0] for row in table]
    # Every other unit has no report at all: overdue ("Aldrig"), before Valhalla's old one.
    never = [row for row in table if row[2] == "Aldrig"]
    assert all(row[4] == "Mangler – over lovens frist" for row in never)
    assert names.index("Børnehuset Valhalla") == len(never)
    assert names.index("Børnehuset Grantoften") == len(never) + 1
    assert names[-1] != "Børnehuset Grantoften"
    valhalla_row = table[names.index("Børnehuset Valhalla")]
    assert valhalla_row[1] == ", ".join(d.name for d in valhalla.districts.all())
    due = timezone.localdate() - datetime.timedelta(days=365 + 30)
    assert valhalla_row[4] == "Mangler – over lovens frist"
    assert valhalla_row[3].endswith(str(due.year))
    assert table[names.index("Børnehuset Grantoften")][4] == "Inden for 90 dage"
    assert table[names.index("Børnehuset Kærlodden")][4] == "I orden"


def test_a_unit_inspected_more_than_a_year_ago_is_due_by_the_yearly_rhythm(administrator, units):
    """Ballerup inspects every unit each year (source 001: "Hvert år føres der tilsyn med
    kommunens 0-5 års institutioner"): a report 13 months old is due, though the daycare
    act's limit of two years is not reached; the page says which limit is which."""
    grantoften = units[0]
    report(grantoften, 400)
    page = administrator.get(DUE).content.decode()
    table = rows(page)
    row = table[[r[0] for r in table].index("Børnehuset Grantoften")]
    assert row[4] == "Mangler"
    assert "Hvert år føres der tilsyn" in page and "mindst hvert andet år" in page


def test_counts_per_district(administrator, units):
    page = administrator.get(DUE).content.decode()
    counts = page.split('<table id="due-districts">', 1)[1].split("</table>", 1)[0]
    assert "Baltorp" in counts and "Skovvejen" in counts
    total = len(rows(page))
    assert f"{total} enheder mangler tilsyn." in page  # no report anywhere


def test_the_upload_link_opens_the_form_with_the_unit_chosen(administrator, units):
    valhalla = units[2]
    page = administrator.get(DUE).content.decode()
    link = f"/admin/daycare/inspectionreport/add/?unit={valhalla.pk}"
    assert f'href="{link}"' in page
    assert form_data(administrator.get(link))["unit"] == str(valhalla.pk)


def test_the_worklist_is_linked_from_the_admin_index(administrator):
    assert f'href="{DUE}"' in administrator.get("/admin/").content.decode()


@pytest.mark.parametrize("username", ["leder-baltorp", "leder-skovvejen", "kultur-baltorp"])
def test_only_administrators_see_the_worklist(client, username):
    login(client, username)
    assert client.get(DUE).status_code == 403
    assert DUE not in client.get("/admin/").content.decode()
