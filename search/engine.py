"""Site search: a registry of providers, one per kind of page, filled by each app's
``<app>/search.py`` (loaded at start-up by ``SearchConfig.ready``, ``core.contributions``).

Matched the way parents type, the same on SQLite and PostgreSQL:

- Case, punctuation and Danish letters do not matter: æ/ø/å match ae/oe/aa and a/o
  ("maalov" and "malov" find Måløv), doubled letters match single ones (``loose``).
  Letters of every script are kept, without their accents and vowel marks: "Ωmega",
  "Детский сад" and "مدرسة" are found as typed.
- Every word typed must occur in what a page is found by: its name, in whole or in part
  ("sydpolen", "magleparken"), or its other words (a street, a performer, the words for
  its kind: "børnehave", "teater", "bestyrelse").
- A word of five letters or more may be one letter wrong, missing, extra or swapped
  ("walhalla", "hedegårsskole", "skoler"), one of ten letters or more two ("kasparskule");
  a shorter word only as a whole word, when it is found nowhere as typed ("klup").
- Words that describe a kind of place rather than name one (``KIND_OF_PLACE``:
  "børnehave", "vuggestue", "skole", "klub", "Ballerup", "i" …) narrow the results when
  they match, and are let go when nothing matches them all: "Valhalla Ballerup" and
  "valhalla skole" find Børnehuset Valhalla, "Hedegård skole" only the school.
- Best first in each group: the name typed in full, then the most and best matched
  words (a whole word of the name before a part of it, the name before the other words,
  an exact word before a typo), then the shorter name.
- Nothing found: the names nearest to what was typed are offered ("Mente du …?"), by the
  share of the query's letter triples (trigrams, as PostgreSQL's pg_trgm counts them)
  that a name has: "nordpolen" shares "nord" and "polen" with Børnehuset Nord- og
  Sydpolen and only "olen" with Baltorpskolen.

A search reads nothing from the database. The names are read into ``SearchIndex`` once
per content version (every staff save stores a new one, see ``caching.version``) and day (a
performance that has passed is no longer found), in each process, through
``caching.kept.kept``: a few queries per provider, as many at ten times the data
(tests/districts/test_search.py shows both, and that a change is found at once). The
edit distances are RapidFuzz's (C++, MIT, maintained, wheels for every platform we
run): ``partial_ratio`` over the whole vocabulary in one call picks the few words worth
a ``OSA.distance``; in pure Python the same check would cost a search
milliseconds per word at ten times the data, and difflib's ratio is no edit distance.
"""

import re
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from core.danish import fold, without_marks

MAX_QUERY_LENGTH = 100
MAX_WORDS = 10  # of a query: more add nothing but work
MAX_SUGGESTIONS = 5
# Each group shows its best results, at most this many, and how many there were: a
# search for "børnehus" at ten times the data renders 30 links, not 300.
MAX_RESULTS_PER_GROUP = 30

# A word this long may have one letter wrong, missing, extra or swapped, at the start
# or the end of a word of a name ("hedegårsskole" → Hedegårdsskolen); a shorter word
# (from two letters) only as a whole word, and only when it is found nowhere as typed
# ("klup" → Klub, "sl" → Sol), as "nord" would otherwise find "Ordblindeinstituttet".
TYPO_MIN_LENGTH = 5
# From this length two letters may be off ("distriktsinstittionen": the doubled t that
# folding makes single costs a second letter).
TWO_TYPOS_MIN_LENGTH = 10
# A shorter word is found only as a whole word or the start of one ("sl" is no part
# of "distriktsleder").
PART_MIN_LENGTH = 3
SHORT_TYPO_MIN_LENGTH = 2

# Suggestions: a name is offered when it has this share of the query's trigrams, and
# at least this share of the best name's.
SUGGESTION_SIMILARITY = 0.35
SUGGESTION_SHARE_OF_BEST = 0.6


# The form names are compared in: ``Børnehuset Måløv By`` → ``bornehusetmalovby``.
loose = fold


def words(query):
    """The words typed, each folded: ``Valhalla  Børnehave`` → ``["valhala", "bornehave"]``."""
    return [w for w in (loose(part) for part in str(query).split()) if w]


def name_words(text):
    """The words of a name, each folded: ``Nord- og Sydpolen`` → ``["nord", "og", "sydpolen"]``."""
    # Marks off first: a vowel mark (Arabic, Hebrew) or a decomposed accent is no
    # letter (``\W``) and would cut a word in two.
    parts = re.split(r"[\W_]+", without_marks(text))
    return [w for w in (loose(part) for part in parts) if w]


# Words that say what kind of place is meant, not which one (folded stems; a word is
# one when it is a stem plus at most four letters: "børnehaven", "skolerne").
KIND_OF_PLACE_STEMS = tuple(
    loose(stem)
    for stem in (
        "børnehave", "vuggestue", "børnehus", "dagpleje", "dagtilbud", "daginstitution",
        "institution", "skole", "klub", "fritidsklub", "fritidsordning", "sfo", "bfo",
    )
)  # fmt: skip
KIND_OF_PLACE_EXTRA_LETTERS = 4
# Words that never need to match while other words remain: where every place of the
# portal is, and the small words between names.
ANYWHERE = ("ballerup", "ballerups", "kommune", "kommunes")
SMALL_WORDS = ("i", "og", "på", "ved", "for", "til", "af", "en", "et", "de", "den", "det")
OPTIONAL_WORDS = frozenset(loose(word) for word in ANYWHERE + SMALL_WORDS)


def typo_distance(word):
    """How many letters of the folded ``word`` may be off (wrong, missing, extra, or two
    swapped)."""
    if len(word) >= TWO_TYPOS_MIN_LENGTH:
        return 2
    return 1 if len(word) >= SHORT_TYPO_MIN_LENGTH else 0


def describes_a_kind_of_place(word):
    """Whether the folded ``word`` describes a kind of place: "børnehave", "skolen"."""
    return any(
        word.startswith(stem) and len(word) - len(stem) <= KIND_OF_PLACE_EXTRA_LETTERS
        for stem in KIND_OF_PLACE_STEMS
    )


@dataclass(frozen=True)
class Result:
    title: str
    url: str
    context: str = ""  # e.g. the type and the districts
    is_demo: bool = False


@dataclass(frozen=True)
class Group:
    """The results of one kind ("Institutioner"), best first: at most
    ``MAX_RESULTS_PER_GROUP`` of ``total``."""

    kind: str
    results: list
    total: int


@dataclass
class Provider:
    """``rows()``: the candidates, read in a constant number of queries (a QuerySet with
    its prefetches, or a list); ``result(row)`` → ``(name, Result)`` or ``(name, Result,
    other_words)``: the name matched as parents type it, and other words that find it
    (an address, a performer); ``words``: words that find every row of this kind
    ("teater forestilling"). ``order`` places the group on the results page."""

    kind: str
    rows: object
    result: object
    order: int = 0
    words: str = ""


_providers = []


def register(kind, rows, result, order=0, words=""):
    """Add a kind of page to the search (from an app's ``search.py``)."""
    _providers.append(Provider(kind=kind, rows=rows, result=result, order=order, words=words))


def providers():
    """The registered kinds of page, in their order on the results page."""
    return sorted(_providers, key=lambda provider: provider.order)


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

    return page.title, Result(str(page.title), reverse(page.url_name)), page.words


_browse = []


def register_browse(url_name, text):
    """A list to browse when a search finds nothing, or before one: "Se alle
    institutioner fra A til Å" (from an app's ``search.py``)."""
    _browse.append((url_name, text))


def browse_links():
    """``(url name, text)`` of the registered lists to browse."""
    return list(_browse)


# How well a word typed matches, by where it matched (a whole word of the name, the
# name typed as one word, another word) and how (whole, start, part, one letter off).
NAME_WORD, NAME, OTHER = "name_word", "name", "other"
WHOLE, START, PART, TYPO = "whole", "start", "part", "typo"
LEVELS = {
    (NAME, WHOLE): 6, (NAME_WORD, WHOLE): 5, (NAME_WORD, START): 4, (NAME, START): 4,
    (NAME_WORD, PART): 3, (NAME, PART): 3, (OTHER, WHOLE): 3, (OTHER, START): 2,
    (NAME_WORD, TYPO): 2, (NAME, TYPO): 2, (OTHER, PART): 1, (OTHER, TYPO): 1,
}  # fmt: skip


def trigrams(folded_words):
    """The letter triples of words, each padded as pg_trgm pads them: ``"  w", " wo" …``."""
    grams = set()
    for word in folded_words:
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)


@dataclass(frozen=True)
class _Entry:
    group: int  # the provider's place in ``SearchIndex.kinds``
    result: Result
    name: str  # folded, as one word
    trigrams: frozenset


class SearchIndex:
    """Every provider's names and words, folded, and which entries each word finds."""

    def __init__(self, providers):
        self.kinds = []
        self.entries = []
        self.finders = defaultdict(dict)  # word → {entry: its best role}
        for group, provider in enumerate(providers):
            self.kinds.append(provider.kind)
            for row in provider.rows():
                name, result, *other = provider.result(row)
                other = " ".join([*map(str, other), str(provider.words)])
                self._add(group, str(name), result, other)
        self.finders = dict(self.finders)  # read by many threads from here on
        self.vocabulary = list(self.finders)

    def _add(self, group, name, result, other):
        folded = name_words(name)
        entry = len(self.entries)
        self.entries.append(_Entry(group, result, loose(name), trigrams(folded)))
        roles = [(word, OTHER) for word in name_words(other)]
        roles += [(word, NAME_WORD) for word in folded] + [(loose(name), NAME)]
        rank = {OTHER: 0, NAME_WORD: 1, NAME: 2}
        for word, role in roles:
            known = self.finders[word].get(entry)
            if known is None or rank[role] > rank[known]:
                self.finders[word][entry] = role

    def matches(self, typed):
        """``{entry: level}`` for the folded word ``typed``: the best way each entry
        has it (``LEVELS``)."""
        found = {}

        def note(word, how):
            for entry, role in self.finders[word].items():
                level = LEVELS[role, how]
                if level > found.get(entry, 0):
                    found[entry] = level

        for word in self.vocabulary:
            if word == typed:
                note(word, WHOLE)
            elif word.startswith(typed):
                note(word, START)
            elif typed in word and len(typed) >= PART_MIN_LENGTH:
                note(word, PART)
        if len(typed) >= TYPO_MIN_LENGTH or not found:
            for word in self._close_words(typed):
                note(word, TYPO)
        return found

    def _close_words(self, typed):
        """The words ``typo_distance`` edits from ``typed``: whole words, and for a long
        ``typed`` also the start or end of a word."""
        length = len(typed)
        if length < SHORT_TYPO_MIN_LENGTH:
            return []
        if length < TYPO_MIN_LENGTH:
            close = process.extract(
                typed, self.vocabulary, scorer=OSA.distance, score_cutoff=1, limit=None
            )
            return [word for word, distance, _n in close if distance == 1 and len(word) > 2]
        edits = typo_distance(typed)
        # k edits leave a stretch of the word with an Indel similarity of at least
        # 1 - k / length to ``typed``: partial_ratio, over the whole vocabulary in one
        # call, keeps the few words worth checking exactly.
        cutoff = 100 * (1 - (edits + 0.5) / length)
        candidates = process.extract(
            typed, self.vocabulary, scorer=fuzz.partial_ratio, score_cutoff=cutoff, limit=None
        )
        lengths = range(length - edits, length + edits + 1)
        off = []
        for word, _score, _n in candidates:
            if typed in word or len(word) < length - edits:
                continue
            ends = {word[:n] for n in lengths} | {word[-n:] for n in lengths}
            if any(OSA.distance(typed, end, score_cutoff=edits) <= edits for end in ends):
                off.append(word)
        return off

    def search(self, wanted):
        """``(groups, suggestions)`` for the folded words ``wanted``."""
        matches = {typed: self.matches(typed) for typed in set(wanted)}
        # "Ballerup" and "i" need not match, while other words remain; the words for a
        # kind of place must, unless then nothing is found.
        required = [w for w in wanted if w not in OPTIONAL_WORDS] or list(wanted)
        found = self._every(required, matches)
        names = [w for w in required if not describes_a_kind_of_place(w)]
        if not found and names and len(names) < len(required):
            found = self._every(names, matches)
        as_one_word = "".join(wanted)

        def rank(entry):
            score = sum(matches[typed].get(entry, 0) for typed in wanted)
            name = self.entries[entry].name
            return (name != as_one_word, -score, len(name), entry)

        groups = defaultdict(list)
        for entry in sorted(found, key=rank):
            groups[self.entries[entry].group].append(self.entries[entry].result)
        results = [
            Group(self.kinds[n], groups[n][:MAX_RESULTS_PER_GROUP], len(groups[n]))
            for n in sorted(groups)
        ]
        return results, ([] if results else self.nearest(names or required))

    @staticmethod
    def _every(required, matches):
        found = None
        for typed in required:
            entries = set(matches[typed])
            found = entries if found is None else found & entries
        return found or set()

    def nearest(self, wanted):
        """The names that share the largest part of the query's trigrams."""
        typed = trigrams(wanted)
        if not typed:
            return []
        similarity = {
            n: len(typed & entry.trigrams) / len(typed) for n, entry in enumerate(self.entries)
        }
        best = sorted(similarity, key=lambda n: (-similarity[n], len(self.entries[n].name), n))
        if not best or similarity[best[0]] < SUGGESTION_SIMILARITY:
            return []
        floor = max(SUGGESTION_SIMILARITY, similarity[best[0]] * SUGGESTION_SHARE_OF_BEST)
        nearest = []
        for n in best:
            if similarity[n] < floor or len(nearest) == MAX_SUGGESTIONS:
                break
            if self.entries[n].result not in nearest:
                nearest.append(self.entries[n].result)
        return nearest


def search_index(request=None):
    """The index of this content version and day, built once per process."""
    from caching.kept import kept

    return kept(
        "search-index",
        lambda: SearchIndex(providers()),
        request,
        key=timezone.localdate(),
    )


def search(query, request=None):
    """``(groups, suggestions)``: a ``Group`` of ``Result``s per kind of page the query
    finds, best first, and, when there are none, the nearest names."""
    wanted = words(str(query)[:MAX_QUERY_LENGTH])[:MAX_WORDS]
    if not wanted:
        return [], []
    return search_index(request).search(wanted)


register(_("Sider"), lambda: list(_pages), _page, order=9)
