"""What the daycare pages' rows made in Python share: many rows' page addresses from one
``reverse()`` per page (``Addresses``), and the demo badge (``demo_badge``).

A ``reverse()`` costs about as much as rendering a row: the address is reversed once
with a placeholder that no row has, and each row's slug or number put in its place.

``Addresses("districts:institution_detail", "slug")("boernehuset-valhalla")`` →
``/institutioner/boernehuset-valhalla/``. The placeholder matches the URL's converter
(a slug, or digits for ``<int:…>``), and slugs need no quoting in a path."""

from html import escape

from django.urls import reverse
from django.utils.translation import gettext as _

SLUG = "address-placeholder"
NUMBER = 987654321987


class Addresses:
    def __init__(self, name, kwarg, placeholder=SLUG):
        address = reverse(name, kwargs={kwarg: placeholder})
        self.start, self.end = address.split(str(placeholder))

    def __call__(self, value):
        return f"{self.start}{value}{self.end}"


def demo_badge():
    """The badge of a row invented by a local demo run (``includes/demo_badge.html``),
    with its leading space."""
    return f' <span class="badge text-bg-warning demo-badge">{escape(_("Demodata"))}</span>'
