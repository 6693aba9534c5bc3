"""Institutions and districts in the site search."""

from django.utils.translation import gettext_lazy as _

from ballerup_portal import search

from .models import District, Institution


def institutions():
    for institution in Institution.objects.for_listing().order_by("name"):
        districts = ", ".join(d.name for d in institution.districts.all())
        context = f"{institution.get_institution_type_display()} · {districts}"
        yield (
            institution.name,
            search.Result(institution.name, institution.get_absolute_url(), context),
        )


def districts():
    for district in District.objects.order_by("name"):
        title = _("Distrikt %(name)s") % {"name": district.name}
        yield district.name, search.Result(str(title), district.get_absolute_url())


search.register(_("Institutioner"), institutions, order=1)
search.register(_("Distrikter"), districts, order=2)
