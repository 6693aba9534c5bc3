"""What the front page shows, contributed by the apps in ``<app>/front_page.py``
(``core.contributions``): sections, and links in the "For forældre" box.

``register_section(template_name, context, order, box=False)``: ``context()`` returns
what the section's template reads as ``section`` (lazy querysets, so a fragment kept by
``{% keep %}`` costs no query); a ``box`` is shown beside the links box, the others
above it, each group by ``order``. ``register_link(url_name, text, order)``: a link in
the box.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    template_name: str
    context: object
    order: int = 0
    box: bool = False


@dataclass(frozen=True)
class Link:
    url_name: str
    text: str
    order: int = 0


_sections = []
_links = []


def register_section(template_name, context=dict, order=0, box=False):
    _sections.append(Section(template_name, context, order, box))


def register_link(url_name, text, order=0):
    _links.append(Link(url_name, text, order))


def sections():
    """``{"template_name", "context", "box"}`` for every section, in order."""
    return [
        {"template_name": s.template_name, "context": s.context(), "box": s.box}
        for s in sorted(_sections, key=lambda s: s.order)
    ]


def links():
    return sorted(_links, key=lambda link: link.order)
