"""Site search: a registry of providers, one per kind of page, filled by each app's
``<app>/search.py`` (loaded at start-up).

Names are matched the way parents type them, on both databases: case and punctuation do
not matter, æ/ø/å match ae/oe/aa and a/o ("maalov" and "malov" find Måløv), doubled
letters match single ones ("valhala" finds Valhalla), and every word typed must occur.

On PostgreSQL a name is also found by full-text search in Danish (``danish``: "skoler"
finds "Skole", "og" is ignored) and by trigram similarity (``pg_trgm``, enabled by
``districts/migrations/0005_pg_trgm.py``), so a name typed with a typo or in part still
finds ("Lundegaarden", "bispevanget"); each group is then ranked, best first: the exact
name, then the names every word matched, then by similarity and rank.

Each provider reads its candidates (with their scores, on PostgreSQL) in one query, so a
search costs the same few queries whatever the data; the municipality's lists are short
enough to decide the matches in Python. The site's own pages (closing days, the vision,
the partners …) are registered with ``register_page`` and found by their title and the
words parents use for them, with no query at all.
"""

import difflib
import re
from dataclasses import dataclass

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorExact,
    TrigramSimilarity,
    TrigramWordSimilarity,
)
from django.db import connections
from django.utils.translation import gettext_lazy as _

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u"})
MAX_QUERY_LENGTH = 100

# PostgreSQL: a name is found when the query is this similar to a stretch of it
# (word_similarity, pg_trgm's own default), or to the whole name (similarity).
WORD_SIMILARITY = 0.6
SIMILARITY = 0.5
# ... and offered as a nearest name, when nothing is found, from this similarity.
SUGGESTION_SIMILARITY = 0.3
MAX_SUGGESTIONS = 5


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
    """``rows()``: a QuerySet of the candidates, read in one query (with its prefetches);
    ``result(row)`` → ``(name, Result)``, the name matched as parents type it;
    ``name``: that name in the database (a field or an expression), which PostgreSQL's
    full-text search and trigram similarity score."""

    kind: str
    rows: object
    result: object
    name: object = "name"
    order: int = 0


_providers = []


def register(kind, rows, result, name="name", order=0):
    _providers.append(Provider(kind=kind, rows=rows, result=result, name=name, order=order))


@dataclass
class _Page:
    url_name: str
    title: str
    words: str


_pages = []


def register_page(url_name, title, words=""):
    """A page of the site, found by its ``title`` and the other ``words`` parents use
    for it ("ferie", "PPR"). Shown under "Sider"."""
    _pages.append(_Page(url_name, title, str(words)))


def _page(page):
    from django.urls import reverse

    return f"{page.title} {page.words}", Result(str(page.title), reverse(page.url_name))


def _scores(name, query):
    """PostgreSQL: the annotations that score a candidate's ``name`` against ``query``."""
    vector = SearchVector(name, config="danish")
    text = SearchQuery(query, config="danish")
    return {
        "search_fulltext": SearchVectorExact(vector, text),
        "search_rank": SearchRank(vector, text),
        "search_word_similarity": TrigramWordSimilarity(query, name),
        "search_similarity": TrigramSimilarity(name, query),
    }


@dataclass
class _Candidate:
    result: object
    folded: str
    matched: bool  # every word typed occurs in the folded name
    ranked: bool = False  # scored by PostgreSQL
    fulltext: bool = False
    found_by_similarity: bool = False
    similarity: float = 0.0  # the greater trigram similarity
    score: float = 0.0

    @classmethod
    def of(cls, provider, row, wanted, ranked):
        name, result = provider.result(row)
        folded = loose(name)
        candidate = cls(result, folded, bool(wanted) and all(w in folded for w in wanted))
        if ranked:
            candidate.ranked = True
            candidate.fulltext = bool(row.search_fulltext)
            word, whole = row.search_word_similarity or 0, row.search_similarity or 0
            candidate.similarity = max(word, whole)
            candidate.found_by_similarity = word >= WORD_SIMILARITY or whole >= SIMILARITY
            candidate.score = word + whole + (row.search_rank or 0)
        return candidate

    @property
    def found(self):
        if not self.ranked:
            return self.matched
        return self.matched or self.fulltext or self.found_by_similarity

    def rank(self, wanted):
        """Best first: the exact name, the names every word matched, then the scores."""
        if not self.ranked:
            return ()
        exact = self.folded == "".join(wanted)
        return (not exact, not (self.matched or self.fulltext), -self.score)


def search(query):
    """``(groups, suggestions)``: ``[(kind, [Result])]`` for the pages whose names
    match the query, best first on PostgreSQL, and, when there are none, the nearest
    names."""
    query = str(query)[:MAX_QUERY_LENGTH]
    wanted = words(query)
    groups, everything = [], []
    for provider in sorted(_providers, key=lambda p: p.order):
        rows = provider.rows()
        # A list (the site's pages) is matched by its folded names alone.
        in_database = hasattr(rows, "db")
        ranked = bool(wanted) and in_database and connections[rows.db].vendor == "postgresql"
        if ranked:
            rows = rows.annotate(**_scores(provider.name, query))
        candidates = [_Candidate.of(provider, row, wanted, ranked) for row in rows]
        everything += candidates
        found = sorted((c for c in candidates if c.found), key=lambda c: c.rank(wanted))
        if found:
            groups.append((provider.kind, [c.result for c in found]))
    suggestions = []
    if wanted and not groups:
        suggestions = _nearest(everything, wanted)
    return groups, suggestions


def _nearest(candidates, wanted):
    """The names nearest to what was typed: by trigram similarity on PostgreSQL, then
    by the folded names' likeness (difflib)."""
    similar = sorted(
        (c for c in candidates if c.ranked and c.similarity >= SUGGESTION_SIMILARITY),
        key=lambda c: -c.similarity,
    )
    names = {c.folded: c.result for c in candidates}
    close = difflib.get_close_matches("".join(wanted), list(names), n=MAX_SUGGESTIONS, cutoff=0.6)
    nearest = []
    for result in [c.result for c in similar] + [names[name] for name in close]:
        if result not in nearest:
            nearest.append(result)
    return nearest[:MAX_SUGGESTIONS]


register(_("Sider"), lambda: list(_pages), _page, order=9)
register_page(
    "districts:institution_list",
    _("Institutioner fra A til Å"),
    _("alle institutioner liste børnehuse skoler klubber dagpleje"),
)
register_page(
    "accessibility_statement",
    _("Tilgængelighedserklæring"),
    _("tilgængelighed was skærmlæser"),
)
