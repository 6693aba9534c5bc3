"""core/rows.py writes in Python what two templates write: it must give their HTML."""

import re

import pytest
from django.template.loader import render_to_string

from core.rows import PersonText, demo_badge

PEOPLE = [
    ("Anne Æbelø", "anne@ballerup.dk", "44 77 20 00", False),
    ("Bo <script>alert(1)</script> & \"Co\" 'x'", 'bo+"x"@ballerup.dk', "", True),
    ("Cecilie", "", "+45 44 77 20 00", True),
    ("Dorte", "", "", False),
    ("ليلى حسن", "", "44 77 20 00", True),  # right to left: in <bdi>
    ("\u202eesuhnrøB & Co", "x@ballerup.dk", "", False),
]


def squeeze(html):
    """The same HTML whatever the whitespace between tags."""
    return re.sub(r"\s*\n\s*", "", html).strip()


@pytest.mark.parametrize("person", PEOPLE, ids=lambda p: p[0][:5])
def test_person_text_is_the_person_template(person):
    name, email, phone, is_demo = person
    context = {"person": {"name": name, "email": email, "phone": phone, "is_demo": is_demo}}
    template = render_to_string("includes/person.html", context)
    assert squeeze(PersonText()(*person)) == squeeze(template)
    assert "<script>" not in template


def test_the_demo_badge_is_the_templates():
    assert demo_badge() == ' <span class="badge text-bg-warning demo-badge">Demodata</span>'


def test_the_demo_badge_is_not_escaped_again_in_a_template():
    from django.template import Context, Template

    rendered = Template("{{ badge }}").render(Context({"badge": demo_badge()}))
    assert rendered == demo_badge() and "&lt;" not in rendered
