"""``{% booking_links %}``: the booking pages a staff member uses, in the admin's header."""

from django import template
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

from bookings import rules
from core import permissions
from culture.rules import held_network_ids

register = template.Library()


@register.simple_tag(takes_context=True)
def booking_links(context):
    user = context["request"].user
    links = []
    if rules.bookable_institution_ids(user):
        links.append((reverse("bookings:our_bookings"), _("Vores bookinger")))
    if held_network_ids(user) or permissions.is_administrator(user):
        links.append((reverse("bookings:network_overview"), _("Netværkets bookinger")))
    if not links:
        return ""
    return format_html_join("", '<a href="{}">{}</a> / ', links)
