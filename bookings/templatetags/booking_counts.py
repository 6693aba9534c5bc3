"""``{% places_left left places %}``, ``{% places_booked taken places %}`` and ``{% party
children adults %}``: the counts of ``bookings.counts``, singular and plural."""

from django import template

from bookings import counts

register = template.Library()

register.simple_tag(counts.places_left, name="places_left")
register.simple_tag(counts.places_booked, name="places_booked")
register.simple_tag(counts.party, name="party")
