"""``{% load i18n %}`` loads core/templatetags/i18n_constant.py: Django's library with a
cheaper node for a constant ``{% translate %}``. It must render exactly what Django's own
node renders, for every message the templates use and for the awkward ones."""

import re
from pathlib import Path

from django.conf import settings
from django.template import Context, Engine
from django.utils import translation

from core.templatetags.i18n_constant import ConstantTranslateNode

TEMPLATES = Path(settings.BASE_DIR) / "templates"
TAG = re.compile(r"{%\s*(?:translate|trans)\s+[^%]*%}")


def engine(library):
    return Engine(libraries={"i18n": library})


OURS = engine("core.templatetags.i18n_constant")
DJANGOS = engine("django.templatetags.i18n")


def used_tags():
    tags = set()
    for path in TEMPLATES.rglob("*.html"):
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


def test_the_templates_use_the_cheap_node():
    """The settings register the library as ``i18n``: a page's constant messages are
    ConstantTranslateNodes, and the tags it cannot handle stay Django's."""
    from django.template import engines

    template = engines["django"].from_string(
        '{% load i18n %}{% translate "Gem" %}{% translate message %}'
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
