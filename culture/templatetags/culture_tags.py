"""``{% culture_network district %}``: the district's culture network on its page, with
its coordinator and every coming performance, in two queries; ``{% unit_networks institution
%}``: links to the networks of an institution's districts (every network read once per
content version)."""

from django import template
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from caching.kept import kept
from caching.templatetags.kept_fragments import refuse_while_keeping
from culture.models import Event, Network, Seat

register = template.Library()


def _network(district):
    coordinator = Seat.objects.filter(network=OuterRef("pk"), is_coordinator=True)
    network = (
        Network.objects.filter(district=district)
        .annotate(
            coordinator_name=Subquery(coordinator.values("person__name")[:1]),
            coordinator_is_demo=Subquery(coordinator.values("person__is_demo")[:1]),
        )
        .first()
    )
    if network is not None:
        network.district = district  # already at hand: no query for the link
        # Every coming performance, not only the next one (issue 23.6).
        network.coming_events = list(
            Event.objects.filter(network=network, starts_at__gte=timezone.now())
            .only("title", "starts_at", "venue", "is_demo")
            .order_by("starts_at")
        )
    return network


def _not_started(network):
    """The kept box holds while the first performance it names has not started."""
    return (
        network is None
        or not network.coming_events
        or (network.coming_events[0].starts_at >= timezone.now())
    )


@register.inclusion_tag("culture/includes/network_box.html", takes_context=True)
def culture_network(context, district):
    """Kept in the process per district until a staff save or until the performance it
    names starts (``caching.kept.kept``)."""
    refuse_while_keeping(context, "the culture box (it depends on the time)")
    network = kept(
        f"culture_network:{district.pk}",
        lambda: _network(district),
        request=context.get("request"),
        still_valid=_not_started,
    )
    return {"network": network}


def _networks():
    return {network.district_id: network for network in Network.objects.for_listing()}


@register.inclusion_tag("culture/includes/unit_networks.html", takes_context=True)
def unit_networks(context, institution):
    networks = kept("networks_by_district", _networks, request=context.get("request"))
    found = [networks[d.pk] for d in institution.districts.all() if d.pk in networks]
    return {"networks": found}
