"""The culture networks in the site search."""

from django.db.models import CharField, Value
from django.db.models.functions import Concat
from django.utils.translation import gettext_lazy as _

from ballerup_portal import search

from .models import Network


def network(network):
    name = str(network)
    return f"{name} kultur", search.Result(name, network.get_absolute_url())


search.register(
    _("Kulturnetværk"),
    lambda: Network.objects.for_listing(),
    network,
    # What PostgreSQL scores: the network's name, "Kulturnetværk <district>".
    name=Concat(Value("Kulturnetværk "), "district__name", output_field=CharField()),
    order=3,
)
search.register_page(
    "culture:service",
    _("Kulturtjenesten og de lokale kulturnetværk"),
    _("kultur kunst kulturambassadør kulturambassadører kulturnetværk"),
)
