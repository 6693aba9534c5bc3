"""LIX, the Scandinavian readability index (Björnsson 1968), told to staff when they save
a text for parents. It never blocks a save.

LIX = words per sentence + 100 × share of long words (more than six letters). Our own
dozen lines rather than a dependency: textstat's ``lix`` counts words and sentences with
English-tuned rules (a list item without a full stop is not a sentence to it), and the
formula itself is the whole of the work. Markdown marks are left out before counting;
each line (a heading, a list item) ends a sentence as a full stop, colon, ! or ? does.
"""

import re

from django.contrib import messages
from django.db import models
from django.utils.translation import gettext as _

# Texts shorter than this get no number: LIX says little about a line or two.
MIN_WORDS = 30
HARD = 45

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)|\n+")
_MARKUP = re.compile(r"[*_#>`]+|^\s*[-+]\s+|^\s*\d+[.)]\s+|\[([^\]]*)\]\([^)]*\)", re.M)


def lix(text):
    """``(lix, words)`` of ``text``; lix is None when there are no words."""
    plain = _MARKUP.sub(lambda m: m.group(1) or " ", text or "")
    words = _WORD.findall(plain)
    if not words:
        return None, 0
    pieces = [p for p in _SENTENCE_END.split(plain) if p and _WORD.search(p)]
    sentences = max(1, len(pieces))
    long_words = sum(1 for word in words if len(word.replace("-", "")) > 6)
    return round(len(words) / sentences + 100 * long_words / len(words)), len(words)


def level(value):
    if value < 25:
        return _("meget let")
    if value < 35:
        return _("let")
    if value < 45:
        return _("middel")
    if value < 55:
        return _("svær")
    return _("meget svær")


def tell(model_admin, request, form):
    """After a save: the LIX of each text field the staff member changed."""
    for name in form.changed_data:
        try:
            field = form.instance._meta.get_field(name)
        except Exception:  # a form-only field (version token, confirmation)
            continue
        if not isinstance(field, models.TextField):
            continue
        value, words = lix(form.cleaned_data.get(name))
        if value is None or words < MIN_WORDS:
            continue
        label = str(field.verbose_name).capitalize()
        params = {"field": label, "lix": value, "level": level(value)}
        if value > HARD:
            model_admin.message_user(
                request,
                _(
                    "»%(field)s« har LIX %(lix)d (%(level)s). Forældre læser lettere korte "
                    "sætninger og korte ord: prøv at dele de længste sætninger op. "
                    "Teksten er gemt."
                )
                % params,
                messages.WARNING,
            )
        else:
            model_admin.message_user(
                request, _("»%(field)s« har LIX %(lix)d (%(level)s).") % params, messages.INFO
            )
