"""The culture networks, their coming performances and their projects in the site
search. A performance or a project is shown on its network's page, where the link's
fragment points at it (templates/culture/includes/events.html, projects.html)."""

from django.utils import timezone
from django.utils.formats import time_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.bidi import isolate_text
from core.dates import long_date
from search import engine as search

from .models import Event, Network, Project


def network(network):
    name = str(network)
    return name, search.Result(name, network.get_absolute_url())


def event(event):
    starts_at = timezone.localtime(event.starts_at)
    context = _("%(date)s kl. %(time)s, %(venue)s · %(network)s") % {
        "date": long_date(starts_at.date()),
        "time": time_format(starts_at, "H.i"),
        "venue": isolate_text(event.venue),  # plain text: isolated by U+2068/U+2069
        "network": event.network,
    }
    url = f"{event.network.get_absolute_url()}#forestilling-{event.pk}"
    result = search.Result(event.title, url, capfirst(context), event.is_demo)
    return event.title, result, f"{event.performer} {event.venue} {event.age_group}"


def project(project):
    url = f"{project.network.get_absolute_url()}#projekt-{project.pk}"
    context = f"{project.get_status_display()} · {project.network}"
    return project.title, search.Result(project.title, url, context, project.is_demo)


search.register(
    _("Kulturnetværk"),
    lambda: Network.objects.for_listing(),
    network,
    order=3,
    words="kultur kulturnetværk kulturambassadør kulturambassadører",
)
search.register(
    _("Forestillinger og kulturoplevelser"),
    lambda: Event.objects.upcoming().select_related("network__district"),
    event,
    order=5,
    words="forestilling forestillinger teater teaterforestilling teaterforestillinger "
    "kultur kulturoplevelse kulturoplevelser",
)
search.register(
    _("Kulturprojekter"),
    lambda: Project.objects.select_related("network__district"),
    project,
    order=6,
    words="projekt projekter kulturprojekt kulturprojekter kultur",
)
search.register_page(
    "culture:service",
    _("Kulturtjenesten og de lokale kulturnetværk"),
    _("kultur kunst kulturambassadør kulturambassadører kulturnetværk"),
)
