"""``{% search_box %}``: the search form in the header of every page, a plain GET form
(works without JavaScript) written out in its template rather than by a form library:
it is on every page, so its rendering counts."""

from django import template
from django.urls import reverse

from ballerup_portal.search import MAX_QUERY_LENGTH

register = template.Library()


@register.inclusion_tag("includes/search_box.html", takes_context=True)
def search_box(context):
    """On the search page the box keeps what was searched for."""
    query = context.get("query") or ""
    return {"query": query, "action": reverse("search"), "max_length": MAX_QUERY_LENGTH}
