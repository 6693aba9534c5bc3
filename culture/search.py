"""The culture networks in the site search."""

from django.utils.translation import gettext_lazy as _

from ballerup_portal import search

from .models import Network


def networks():
    for network in Network.objects.for_listing():
        name = str(network)
        yield f"{name} kultur", search.Result(name, network.get_absolute_url())


search.register(_("Kulturnetværk"), networks, order=3)
