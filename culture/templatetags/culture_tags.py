"""``{% culture_network district %}``: the district's culture network on its page, with
its coordinator and every coming performance, in one query; ``{% unit_networks institution
%}``: links to the networks of an institution's districts (every network read once per
content version). Both keep plain values: names, addresses and dates as the box writes
them."""

from django import template
from django.db.models import F, FilteredRelation, Q
from django.utils import formats, timezone

from caching.expiry import keep_until
from caching.kept import kept
from caching.templatetags.kept_fragments import refuse_while_keeping
from core.rows import demo_badge, link_maker
from culture.models import Network

register = template.Library()


def _network(district):
    """The network's box: its coordinator and each coming performance (a row per
    performance, none for none), or ``None`` for a district without a network."""
    now = timezone.now()
    rows = list(
        Network.objects.filter(district=district)
        .annotate(
            coordinator=FilteredRelation("seats", condition=Q(seats__is_coordinator=True)),
            coming=FilteredRelation("events", condition=Q(events__starts_at__gte=now)),
        )
        .order_by("coming__starts_at")
        .values(
            coordinator_name=F("coordinator__person__name"),
            coordinator_is_demo=F("coordinator__person__is_demo"),
            title=F("coming__title"),
            starts_at=F("coming__starts_at"),
            is_demo=F("coming__is_demo"),
        )
    )
    if not rows:
        return None
    # Every coming performance, not only the next one (issue 23.6).
    events = [
        {
            "title": row["title"],
            "starts_at": row["starts_at"],
            "day": formats.date_format(timezone.localtime(row["starts_at"]), "j. F Y"),
            "is_demo": row["is_demo"],
        }
        for row in rows
        if row["starts_at"] is not None
    ]
    return {
        "url": link_maker("culture:network_detail", "slug")(district.slug),
        "district_name": district.name,
        "coordinator_name": rows[0]["coordinator_name"],
        "coordinator_is_demo": rows[0]["coordinator_is_demo"],
        "coming_events": events,
        "demo_badge": (
            demo_badge()
            if rows[0]["coordinator_is_demo"] or any(event["is_demo"] for event in events)
            else ""
        ),
    }


def _not_started(network):
    """The kept box holds while the first performance it names has not started."""
    return (
        network is None
        or not network["coming_events"]
        or (network["coming_events"][0]["starts_at"] >= timezone.now())
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
    if network is not None and network["coming_events"]:
        # The page too is kept only until the performance it names first starts.
        keep_until(context.get("request"), network["coming_events"][0]["starts_at"])
    return {"network": network}


def _networks():
    """``{district id: (address, district name)}`` of every network."""
    address = link_maker("culture:network_detail", "slug")
    return {
        row["district_id"]: (address(row["district__slug"]), row["district__name"])
        for row in Network.objects.values("district_id", "district__slug", "district__name")
    }


@register.inclusion_tag("culture/includes/unit_networks.html", takes_context=True)
def unit_networks(context, institution, districts=None):
    """The networks of ``institution``'s districts (``districts``: read by the page
    already, or read here)."""
    networks = kept("networks_by_district", _networks, request=context.get("request"))
    districts = institution.districts.all() if districts is None else districts
    found = [networks[d.pk] for d in districts if d.pk in networks]
    return {"networks": found}
