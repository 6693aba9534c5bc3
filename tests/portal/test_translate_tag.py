"""``{% load portal_i18n %}`` (core/templatetags/portal_i18n.py): Django's i18n library with
a cheaper node for a constant ``{% translate %}``. It must render exactly what Django's own
node renders, for every message the templates use and for the awkward ones, and the
portal's templates must use it."""

import re
from pathlib import Path

from django.conf import settings
from django.template import Context, Engine
from django.utils import translation

from core.templatetags.portal_i18n import ConstantTranslateNode

TEMPLATES = Path(settings.BASE_DIR) / "templates"
TAG = re.compile(r"{%\s*(?:translate|trans)\s+[^%]*%}")


def engine(library):
    """An engine whose ``{% load i18n %}`` loads ``library``."""
    return Engine(libraries={"i18n": library})


OURS = engine("core.templatetags.portal_i18n")
DJANGOS = engine("django.templatetags.i18n")


def used_tags():
    tags = set()
    for path in own_templates():
        tags.update(TAG.findall(path.read_text()))
    return sorted(tags)


AWKWARD = [
    '{% translate "100 % sikkert" %}',
    '{% translate "100 %% sikkert" %}',
    '{% translate "<b>fed</b> & mere" %}',
    "{% translate 'enkelt \"citat\"' %}",
    '{% translate "May" context "month name" %}',
    '{% translate "May" context "month name" as month %}[{{ month }}]',
    '{% translate "Dagsorden" as words %}[{{ words }}]',
    '{% translate "Dagsorden" noop %}',
    '{% translate "Dagsorden"|upper %}',
    "{% translate message %}",
    '{% translate "Dagsorden" context kind %}',
    '{% trans "Gem" %}',
]


def test_renders_what_djangos_node_renders():
    tags = used_tags() + AWKWARD
    assert len(tags) > 100  # the templates' own messages were found
    values = {"message": "Gem & luk", "kind": "month name"}
    differ = []
    for tag in tags:
        source = "{% load i18n %}" + tag
        for language in ("da", "en"):
            for autoescape in (True, False):
                with translation.override(language):
                    ours = OURS.from_string(source).render(Context(values, autoescape=autoescape))
                    djangos = DJANGOS.from_string(source).render(
                        Context(values, autoescape=autoescape)
                    )
                if ours != djangos:
                    differ.append((tag, language, autoescape, ours, djangos))
    assert differ == []


def own_templates():
    roots = [TEMPLATES, *Path(settings.BASE_DIR).glob("*/templates")]
    return [path for root in roots for path in root.rglob("*.html") if ".venv" not in path.parts]


def test_the_portals_templates_load_portal_i18n():
    """A template of ours that loads Django's ``i18n`` works, only slower: use
    ``{% load portal_i18n %}``."""
    load = re.compile(r"{%\s*load\s+([^%]*)%}")
    slow = [
        str(path.relative_to(settings.BASE_DIR))
        for path in own_templates()
        if any("i18n" in found.split() for found in load.findall(path.read_text()))
    ]
    assert len(own_templates()) > 50
    assert slow == []


def test_a_page_renders_the_cheap_node():
    from django.template import engines

    template = engines["django"].from_string(
        '{% load portal_i18n %}{% translate "Gem" %}{% translate message %}'
    )
    nodes = [type(node).__name__ for node in template.template.nodelist]
    assert nodes == ["LoadNode", "ConstantTranslateNode", "TranslateNode"]


def test_a_translated_constant_follows_the_active_language():
    template = OURS.from_string('{% load i18n %}{% translate "Save" %}')
    with translation.override("da"):
        danish = template.render(Context())
    with translation.override("en"):
        english = template.render(Context())
    assert (danish, english) == ("Gem", "Save")
    assert ConstantTranslateNode.child_nodelists == ()
