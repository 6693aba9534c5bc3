"""Danish letters, in one place: spelled out in plain ASCII (æ→ae, ø→oe, å→aa) for web
addresses and file names, folded for search, and sorted the Danish way (æ, ø, å after z).
"""

import re
import unicodedata

from django.utils.text import slugify as django_slugify

SPELLED_OUT = {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"}
_SPELL_OUT = str.maketrans(SPELLED_OUT)
# After z in ASCII: "{", "|", "}"; every other accented Latin letter as its base
# letter (é with e, ü with u), as a Danish dictionary sorts them.
_ORDER = str.maketrans(
    {
        **{
            chr(code): base
            for code in range(0xC0, 0x250)
            if (base := unicodedata.normalize("NFKD", chr(code))[:1]).isascii() and base.isalpha()
        },
        "æ": "{",
        "ø": "|",
        "å": "}",
    }
)


def spell_out(text):
    """``Måløvhøj`` → ``Maaloevhoej``; every other letter as it is."""
    return str(text).translate(_SPELL_OUT)


def ascii_text(text):
    """Plain ASCII: Danish letters spelled out, accents dropped (``é`` → ``e``), any
    other letter with no ASCII form left out."""
    spelled = unicodedata.normalize("NFKD", spell_out(text))
    return spelled.encode("ascii", "ignore").decode()


def slugify(text):
    """A web address that keeps Danish letters readable: ``Måløvhøj`` → ``maaloevhoej``."""
    return django_slugify(spell_out(text))


def without_marks(text):
    """``text`` with its accents and vowel marks taken off (``é`` → ``e``, ``مَ`` →
    ``م``), Danish letters spelled out, and every letter of every script kept."""
    spelled = unicodedata.normalize("NFKD", spell_out(str(text)))
    return "".join(c for c in spelled if not unicodedata.combining(c))


def fold(text):
    """The form names are compared in for search, forgiving how Danish letters and
    doubled letters are typed: ``Børnehuset Måløv By`` → ``bornehusetmalovby``, as are
    ``bornehuset malov by`` and ``Boernehuset Maaloev By``. Letters of other scripts
    stay, in lower case and without their marks: ``Ωmega`` → ``ωmega``, ``Детский
    сад`` → ``детскийсад``."""
    text = "".join(c for c in without_marks(str(text).casefold()) if c.isalnum())
    text = text.replace("aa", "a").replace("oe", "o").replace("ae", "a")
    return re.sub(r"(.)\1+", r"\1", text)


def sort_key(text):
    """Danish alphabetical order, without regard to case or accents: æ, ø and å come
    after z, é with e."""
    return str(text).lower().translate(_ORDER)


def initial(text):
    """The letter a name is listed under from A to Å: ``Éventyrhuset`` under E,
    ``Ørnehøj`` under Ø."""
    letter = str(text)[:1].upper()
    if letter in "ÆØÅ":
        return letter
    return letter.lower().translate(_ORDER).upper()
