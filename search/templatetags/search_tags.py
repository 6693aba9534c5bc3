"""``{% search_box %}``: the search form in the header of every page."""

from django import template

from search.forms import SearchForm

register = template.Library()


@register.inclusion_tag("includes/search_box.html", takes_context=True)
def search_box(context):
    """On the search page the box keeps what was searched for."""
    query = context.get("query") or ""
    return {"form": SearchForm(initial={"q": query}, field_id="soeg")}
