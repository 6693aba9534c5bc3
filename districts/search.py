"""Institutions and districts in the site search."""

from django.utils.translation import gettext_lazy as _

from ballerup_portal import search

from .models import District, Institution


def institution(institution):
    districts = ", ".join(d.name for d in institution.districts.all())
    context = f"{institution.get_institution_type_display()} · {districts}"
    return (
        institution.name,
        search.Result(institution.name, institution.get_absolute_url(), context),
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
search.register(_("Distrikter"), lambda: District.objects.order_by("name"), district, order=2)
