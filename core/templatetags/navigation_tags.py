"""``{% main_nav %}`` and ``{% breadcrumbs ... %}``: the site's navigation in one place."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from core import navigation
from core.navigation import PAGES

register = template.Library()


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    # The 500 page is rendered without a request.
    request = context.get("request")
    path = request.path if request else None
    items = []
    for name in navigation.main_nav():
        url = reverse(name)
        if path == url:
            current = "page"
        elif path and url != "/" and path.startswith(url):
            current = "true"  # a page inside this section
        else:
            current = None
        items.append({"url": url, "label": PAGES[name], "current": current})
    return {"items": items}


def _crumb(item):
    """``(label, url)`` for a URL name in ``PAGES``, an object with an address, or text."""
    if isinstance(item, str) and item in PAGES:
        return PAGES[item], reverse(item)
    if hasattr(item, "get_absolute_url"):
        return str(item), item.get_absolute_url()
    return str(item), None


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(*items):
    """The trail from the front page; the last item is the current page. Empty items
    (an institution with no single district, say) are left out."""
    crumbs = [_crumb(item) for item in items if item]
    if crumbs:
        crumbs[-1] = (crumbs[-1][0], None)
    return {"home": (PAGES["home"], reverse("home")), "crumbs": crumbs}


@register.simple_tag
def external_link(url, text=None):
    """A link to another site, marked as such in words (DKFDS: external links are
    marked), so that no parent is surprised by leaving the portal."""
    return format_html(
        '<a href="{}" class="external-link">{}<span class="external-mark"> ({})</span></a>',
        url,
        text or url,
        _("ekstern side"),
    )
