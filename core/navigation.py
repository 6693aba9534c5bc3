"""The site's named pages: their titles, the main navigation and the breadcrumbs.

A page with a title here can be linked by its URL name alone. Each app registers its own
pages in ``<app>/navigation.py`` (``core.contributions``):
``register_page("daycare:about", _("Dagtilbud"), menu=30)``; ``menu`` places the page
in the main navigation (lowest first), without it the page has a title only.
"""

# URL name → the page's title, as a link to it reads.
PAGES = {}
_menu = {}


def register_page(url_name, title, menu=None):
    """Give the page ``url_name`` its ``title``; ``menu``: its place in the main menu."""
    PAGES[url_name] = title
    if menu is not None:
        _menu[url_name] = menu


def main_nav():
    """The main navigation's URL names, in order."""
    return sorted(_menu, key=lambda name: (_menu[name], name))
