"""Institutions and districts in the site search."""

from django.utils.translation import gettext_lazy as _

from search import engine as search

from .constants import InstitutionType
from .models import District, Institution

# The words parents use for each kind of institution (issue 23: "valhalla børnehave"
# finds Børnehuset Valhalla; "børnehave" alone lists the houses).
TYPE_WORDS = {
    InstitutionType.DAYCARE_HOUSE: "børnehus børnehuse børnehave børnehaver vuggestue "
    "vuggestuer daginstitution dagtilbud",
    InstitutionType.DISTRICT_INSTITUTION: "distriktsinstitution børnehave børnehaver "
    "vuggestue vuggestuer daginstitution dagtilbud",
    InstitutionType.FAMILY_DAYCARE: "dagpleje dagplejer dagplejere dagtilbud",
    InstitutionType.SCHOOL: "skole skoler folkeskole",
    InstitutionType.SPECIAL_SCHOOL: "skole skoler specialskole",
    InstitutionType.AFTER_SCHOOL: "bfo sfo fritidsordning",
    InstitutionType.CLUB: "klub klubber fritidsklub",
}


def institution(institution):
    districts = ", ".join(d.name for d in institution.districts.all())
    context = f"{institution.get_institution_type_display()} · {districts}"
    address = ", ".join(
        part
        for part in (
            institution.address,
            " ".join(p for p in (institution.postal_code, institution.city) if p),
        )
        if part
    )
    if address:
        context = f"{context} · {address}"
    other = f"{address} {TYPE_WORDS.get(institution.institution_type, '')}"
    return (
        institution.name,
        search.Result(institution.name, institution.get_absolute_url(), context),
        other,
    )


def district(district):
    title = _("Distrikt %(name)s") % {"name": district.name}
    return district.name, search.Result(str(title), district.get_absolute_url())


search.register(
    _("Institutioner"),
    lambda: Institution.objects.for_listing().order_by("name"),
    institution,
    order=1,
)
search.register(
    _("Distrikter"),
    lambda: District.objects.order_by("name"),
    district,
    order=2,
    words="distrikt distrikter",
)
search.register_page(
    "districts:institution_list",
    _("Institutioner fra A til Å"),
    _("alle institutioner liste børnehuse skoler klubber dagpleje"),
)
search.register_browse("districts:institution_list", _("Se alle institutioner fra A til Å"))
