"""core/rows.py is the one source of the demo badge's and a person's markup: rows written
in Python and the templates (``includes/demo_badge.html``, ``includes/person.html``) give
the same HTML, and no other file writes it again."""

import re
from pathlib import Path

import pytest
from django.template.loader import render_to_string

from core.rows import PersonText, demo_badge

ROOT = Path(__file__).resolve().parent.parent.parent

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


def test_the_person_template_writes_the_lines_exactly():
    """``includes/person.html`` as the pages have it, byte for byte: a line each for the
    name, the e-mail and the phone (empty when missing), the badge's own line end kept."""
    context = {"person": {"name": "Anne", "email": "a@b.dk", "phone": "44 77", "is_demo": True}}
    badge = demo_badge()
    assert render_to_string("includes/person.html", context) == (
        f'\n<span class="person-name">Anne</span>{badge}\n\n'
        '<br><a href="mailto:a@b.dk">a@b.dk</a>\n<br><a href="tel:4477">44 77</a>\n'
    )
    assert render_to_string("includes/person.html", {"person": {"name": "Bo"}}) == (
        '\n<span class="person-name">Bo</span>\n\n\n\n'
    )


# The markup that core/rows.py and its template write, and the files allowed to hold it.
ONE_SOURCE = {
    "demo-badge": {"templates/includes/demo_badge.html"},
    "person-name": {"core/rows.py"},
}


@pytest.mark.parametrize("marker", ONE_SOURCE)
def test_no_other_file_writes_the_markup_again(marker):
    """A page showing a demo badge or a person uses ``demo_badge()`` / ``{{ demo_badge }}``
    and ``PersonText`` / ``includes/person.html``, never its own copy of the markup."""
    found = {
        str(path.relative_to(ROOT))
        for folder in ("templates", *(p.parent.name for p in ROOT.glob("*/apps.py")))
        for path in (ROOT / folder).rglob("*")
        if path.suffix in {".py", ".html", ".txt"} and marker in path.read_text(encoding="utf-8")
    }
    assert found == ONE_SOURCE[marker]
