"""Site search: a registry of providers, one per kind of page, filled by each app's
``<app>/search.py`` (loaded at start-up).

Names are matched the way parents type them: case and punctuation do not matter, æ/ø/å
match ae/oe/aa and a/o ("maalov" and "malov" find Måløv), doubled letters match single
ones ("valhala" finds Valhalla), and every word typed must occur. Each provider reads its
candidates in one query, so a search costs the same few queries whatever the data; the
municipality's lists are short enough to match in Python on both databases.
"""

import difflib
import re
from dataclasses import dataclass, field

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u"})
MAX_QUERY_LENGTH = 100


def loose(text):
    """The form names are compared in: ``Børnehuset Måløv By`` → ``bornehusetmalovby``."""
    text = str(text).lower().translate(_DANISH)
    text = re.sub(r"[^a-z0-9]", "", text)
    text = text.replace("aa", "a").replace("oe", "o").replace("ae", "a")
    return re.sub(r"(.)\1+", r"\1", text)


def words(query):
    return [w for w in (loose(part) for part in str(query).split()) if w]


@dataclass
class Result:
    title: str
    url: str
    context: str = ""  # e.g. the type and the districts
    is_demo: bool = False


@dataclass
class Provider:
    """``candidates()`` → iterable of ``(name, Result)``; one query."""

    kind: str
    candidates: object
    order: int = 0
    results: list = field(default_factory=list)


_providers = []


def register(kind, candidates, order=0):
    _providers.append(Provider(kind=kind, candidates=candidates, order=order))


def search(query):
    """``(groups, suggestions)``: ``[(kind, [Result])]`` for the pages whose names
    contain every word typed, and, when there are none, the nearest names."""
    query = str(query)[:MAX_QUERY_LENGTH]
    wanted = words(query)
    groups, names = [], {}
    for provider in sorted(_providers, key=lambda p: p.order):
        found = []
        for name, result in provider.candidates():
            folded = loose(name)
            names[folded] = result
            if wanted and all(word in folded for word in wanted):
                found.append(result)
        if found:
            groups.append((provider.kind, found))
    suggestions = []
    if wanted and not groups:
        close = difflib.get_close_matches("".join(wanted), list(names), n=5, cutoff=0.6)
        suggestions = [names[name] for name in close]
    return groups, suggestions
