"""What pages that write many rows share, so each row costs a few string operations:

- ``link_maker`` (``core.links``): many rows' addresses from one ``reverse()``;
- ``demo_badge()``: the badge of ``templates/includes/demo_badge.html``, rendered once per
  page from that template, for ``{% if row.is_demo %}{{ demo_badge }}{% endif %}`` or a
  row written in Python;
- ``PersonText``: a person with their contact details, the markup of
  ``templates/includes/person.html`` written once per person in Python.
  ``tests/portal/test_rows.py`` holds it to the template's output, nasty names included,
  so a change to the template that is not made here fails.
"""

from html import escape

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core.bidi import isolate
from core.links import link_maker
from core.validators import phone_link

__all__ = ["PersonText", "demo_badge", "link_maker"]


def demo_badge():
    """The demo badge with its leading space (``includes/demo_badge.html``)."""
    html = render_to_string("includes/demo_badge.html", {"person": {"is_demo": True}})
    return mark_safe(html.rstrip("\n"))  # the template's own escaped output


class PersonText:
    """``person(name, email, phone, is_demo)``: the HTML ``includes/person.html`` gives."""

    def __init__(self):
        self.demo = demo_badge()

    def __call__(self, name, email, phone, is_demo):
        html = f'\n<span class="person-name">{isolate(name)}</span>'
        if is_demo:
            html += self.demo
        if email:
            html += f'\n<br><a href="mailto:{escape(email)}">{escape(email)}</a>'
        if phone:
            html += f'\n<br><a href="tel:{escape(phone_link(phone))}">{escape(phone)}</a>'
        return html
