"""URL slugs that keep Danish letters readable: æ→ae, ø→oe, å→aa (Måløvhøj → maaloevhoej)."""

from django.utils.text import slugify

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def danish_slugify(text: str) -> str:
    return slugify(text.translate(_DANISH))
