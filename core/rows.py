"""What pages that write many rows share, so each row costs a few string operations:

- ``link_maker`` (``core.links``): many rows' addresses from one ``reverse()``;
- ``demo_badge()``: the badge of ``templates/includes/demo_badge.html`` (its one source),
  rendered once per page from that template, for ``{% if row.is_demo %}{{ demo_badge }}
  {% endif %}`` or a row written in Python;
- ``person_lines()``: a person with their contact details, the one source of that markup:
  ``PersonText`` writes it per row in Python, ``templates/includes/person.html`` through
  ``{% person_lines %}`` (``core.templatetags.portal_text``).
"""

from html import escape

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core.bidi import isolate
from core.links import link_maker
from core.validators import phone_link

__all__ = ["PersonText", "demo_badge", "link_maker", "person_lines"]


def demo_badge():
    """The demo badge with its leading space (``includes/demo_badge.html``)."""
    html = render_to_string("includes/demo_badge.html", {"person": {"is_demo": True}})
    return mark_safe(html.rstrip("\n"))  # the template's own escaped output


def person_lines(name, email, phone, badge=""):
    """A person's three lines of HTML: the name (with ``badge``, ``demo_badge()`` for a
    demo person), the ``mailto:`` link and the ``tel:`` link; ``""`` for a missing one.
    Names isolated (``core.bidi``), everything escaped."""
    return (
        f'<span class="person-name">{isolate(name)}</span>{badge}',
        f'<br><a href="mailto:{escape(email)}">{escape(email)}</a>' if email else "",
        f'<br><a href="tel:{escape(phone_link(phone))}">{escape(phone)}</a>' if phone else "",
    )


class PersonText:
    """``person(name, email, phone, is_demo)``: ``person_lines`` for a row written in
    Python, each line after a line break, missing ones left out; the badge rendered once."""

    def __init__(self):
        self.demo = demo_badge()

    def __call__(self, name, email, phone, is_demo):
        lines = person_lines(name, email, phone, self.demo if is_demo else "")
        return "".join(f"\n{line}" for line in lines if line)
