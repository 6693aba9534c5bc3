"""Names written right to left, or with the unseen characters that set the writing
direction, shown without turning the text around them.

A name staff type sits inside a Danish line: "Leder: <name>, tlf. 44 77 00 00". An
Arabic or Hebrew name there takes the comma and the number after it into its own
right-to-left run ("روضة, 44 77 00 00" reads backwards), and an unclosed RIGHT-TO-LEFT
OVERRIDE (U+202E) turns the whole rest of the line round. Two defences:

- ``isolate``: a name with a right-to-left letter or a direction character is written
  in ``<bdi>`` (HTML5), which keeps its direction to itself. A name with neither, nearly
  every name, is written as before: ``<bdi>`` would change nothing for it, and the pages
  stay byte for byte what they were (``tests/portal/test_rows.py`` and the markup tests).
- ``BidiControlValidator``: staff forms refuse a text whose direction characters
  (U+202A–U+202E, U+2066–U+2069) are not closed in the order they were opened, in
  Danish: plain-text mails, calendar feeds and the admin's own lists write a text
  without ``<bdi>``, and an override left open there would still turn the line.
"""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # LRE, RLE, LRO, RLO; closed by PDF
POP_EMBEDDING = "\u202c"
ISOLATES = "\u2066\u2067\u2068"  # LRI, RLI, FSI; closed by PDI
POP_ISOLATE = "\u2069"
CONTROLS = EMBEDDINGS + POP_EMBEDDING + ISOLATES + POP_ISOLATE
_CONTROLS = re.compile(f"[{CONTROLS}]")
# Right-to-left letters and digits (Hebrew, Arabic, Syriac, Thaana, N'Ko …).
RIGHT_TO_LEFT = frozenset({"R", "AL", "AN"})
_LEFT_TO_RIGHT_ONLY = re.compile(r"[\x00-\u058f]*")  # no letter before Hebrew is RTL


def needs_isolation(text):
    """Whether ``text`` has a right-to-left letter or a direction character."""
    text = str(text)
    if _LEFT_TO_RIGHT_ONLY.fullmatch(text):  # Latin, Greek, Cyrillic …: the usual name
        return False
    return bool(_CONTROLS.search(text)) or any(
        unicodedata.bidirectional(c) in RIGHT_TO_LEFT for c in text
    )


def isolate(text):
    """``text`` escaped (unless it is safe HTML already), in ``<bdi>`` when its direction
    could spill over the text around it (``needs_isolation``)."""
    html = conditional_escape("" if text is None else text)
    if needs_isolation(text or ""):
        return SafeString(f"<bdi>{html}</bdi>")
    return SafeString(html)


def isolate_text(text):
    """``text`` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (U+2068, U+2069)
    when it needs isolation: ``<bdi>`` in plain text, for a text that is shown both in
    a page and in a plain-text mail (a subscription's name)."""
    text = str(text)
    return f"\u2068{text}\u2069" if needs_isolation(text) else text


def unclosed_controls(text):
    """The direction characters of ``text`` that are not closed in the order they
    were opened (a PDF or PDI without its opener counts too), as "U+202E"."""
    opened, wrong = [], []
    for char in _CONTROLS.findall(str(text)):
        if char in EMBEDDINGS or char in ISOLATES:
            opened.append(char)
        elif opened and (
            (char == POP_EMBEDDING and opened[-1] in EMBEDDINGS)
            or (char == POP_ISOLATE and opened[-1] in ISOLATES)
        ):
            opened.pop()
        else:
            wrong.append(char)
    return [f"U+{ord(char):04X}" for char in wrong + opened]


@deconstructible
class BidiControlValidator:
    """Refuses a text with a direction character that is not closed (``unclosed_controls``)."""

    message = _(
        "Teksten har et usynligt tegn, der vender skriveretningen (%(characters)s), "
        "uden det tegn, der afslutter det. Slet tegnet, fx ved at skrive teksten igen "
        "uden at kopiere den."
    )
    code = "bidi_control"

    def __call__(self, value):
        unclosed = unclosed_controls(value)
        if unclosed:
            raise ValidationError(
                self.message,
                code=self.code,
                params={"characters": ", ".join(dict.fromkeys(unclosed))},
            )

    def __eq__(self, other):
        return isinstance(other, BidiControlValidator)


bidi_control_validator = BidiControlValidator()


def refuse_unclosed_controls(formfield):
    """Adds ``bidi_control_validator`` to a form's text field (a ``CharField``, which a
    ``TextField`` gives too); other fields as they are."""
    text = isinstance(formfield, forms.CharField) and not isinstance(
        formfield, (forms.EmailField, forms.URLField, forms.SlugField)
    )
    if text and bidi_control_validator not in formfield.validators:
        formfield.validators = [*formfield.validators, bidi_control_validator]
    return formfield
