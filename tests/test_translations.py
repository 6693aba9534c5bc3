"""The committed Danish catalogue (locale/da) is compiled from its current .po file."""

import gettext
import re

from django.conf import settings

CATALOGUE = settings.BASE_DIR / "locale" / "da" / "LC_MESSAGES"


def po_entries(text):
    entries = {}
    for block in text.split("\n\n"):
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        msgstr = re.search(r'^msgstr ((?:".*"\n?)+)', block, re.M)
        if msgid and msgstr:
            join = lambda lines: "".join(re.findall(r'"(.*)"', lines))  # noqa: E731
            if join(msgid.group(1)):
                entries[join(msgid.group(1))] = join(msgstr.group(1))
    return entries


def test_compiled_catalogue_matches_the_po_file():
    entries = po_entries((CATALOGUE / "django.po").read_text(encoding="utf-8"))
    assert entries
    with open(CATALOGUE / "django.mo", "rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    for msgid, msgstr in entries.items():
        assert compiled.gettext(msgid) == msgstr, f"{msgid!r}: run `make messages`"
