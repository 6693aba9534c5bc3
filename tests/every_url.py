"""No URL makes a page answer 500: every pattern of the URL conf, with hostile values.

The URL conf is walked with Django's public API (``get_resolver()``, ``url_patterns``,
``pattern``); each route or regex is read from its text, not from Django's internals.
Every parameter is filled with values that still match its converter where they can
(the largest integers, a 300-letter slug, ``æøå``, ``a..b``, an encoded
``../../etc/passwd``, an invalid UTF-8 sequence) and with a real row's id or slug, so
that the code behind the lookup runs too. The real address also gets hostile query
strings.

Each pattern is requested with GET and HEAD by an anonymous visitor, with GET by an
administrator, a district leader and the roles that reach the booking pages and the
culture admin deeply (an institution's contact person, a culture network's coordinator
and an ambassador; they share the hostile addresses and query strings between them),
and with POST, empty and with nasty values in the fields of the page's own form, by all
of them (a role turned away from the page is not posted to). The forms the roles reach
also get the edges of each kind of value (0, -1, a huge number, year 1 and 9999, an
unclosed right-to-left override, 5000 letters) and the rows of others (another offer's
showing, another institution), among values that pass, so that the code behind the form
runs too; their booking pages are also requested with another institution's booking
and another network's offer (``OTHERS``). Redirects, 400, 403, 404, 405 and 410 are
answers; 500 and an escaping exception are failures.

The walk is shared by two test files, each half of the URL conf (``PATTERNS``, every
second one): ``tests/test_every_url_a.py`` and ``_b.py``, so that the unit tier's two
workers, which take whole files, share it. A meta test checks that every pattern with
parameters has a real value (``REAL``, the admin's model pages, ``MADE`` for a model the
demo data has no row of), or is in ``NO_REAL_VALUE`` with its reason. Nothing is
excluded: ``admin:logout`` logs the client out, so the client logs in again before each
request to it; a file download is read to its end. Django's own ``admin:logout`` and
``admin:view_on_site`` are shadowed by the portal's at the same address: their addresses
are requested all the same, and reach the portal's views (the ids ``…#2``).
"""

import re
from urllib.parse import quote, unquote

import pytest
from django.apps import apps
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldError
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve

from tests.admin_forms import fields, form_data
from tests.conftest import login

# --- The URL conf, walked ----------------------------------------------------------------


def walk(resolver=None, prefix="", namespace=""):
    """``(name, route)`` of every pattern: the route is the text of the patterns joined,
    ``kultur/<slug:slug>/`` or ``admin/auth/user/^([^/]+)/history/([^/]+)/$``."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from walk(entry, route, inner)
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}{entry.name}" if entry.name else None), route


def patterns():
    """One id per pattern: its name (``#2`` for a name used twice), or its route."""
    seen = {}
    result = []
    for name, route in walk():
        key = name or route
        seen[key] = seen.get(key, 0) + 1
        result.append(pytest.param(name, route, id=key if seen[key] == 1 else f"{key}#{seen[key]}"))
    return result


PATTERNS = patterns()

# A route parameter <conv:name> or <name>, or a regex group (?P<name>…) or (…).
PARAMETER = re.compile(
    r"<(?:(?P<converter>\w+):)?(?P<param>\w+)>|\((?:\?P<(?P<group>\w+)>)?(?P<body>[^()]*)\)"
)


def parameters(route):
    """``[(name or position, kind)]`` of the route's parameters, in order; the kind is the
    converter (``int``, ``slug``, ``str``, ``path``) or, for a regex group, what its body
    accepts (``choice:a|b`` for a list of words)."""
    found = []
    position = 0
    for piece in split(route):
        if isinstance(piece, str):
            continue
        kind, name = piece
        if name is None:
            name = position
            position += 1
        found.append((name, kind))
    return found


def split(route):
    """The route as text and ``(kind, name)`` parameters, with the regex anchors gone."""
    pieces = []
    position = 0
    for match in PARAMETER.finditer(route):
        pieces.append(route[position : match.start()])
        if match.group("param") is not None:
            pieces.append((match.group("converter") or "str", match.group("param")))
        else:
            body = match.group("body")
            if body == "[^/]+":
                kind = "str"
            elif body in (".*", ".+"):
                kind = "path"
            elif re.fullmatch(r"[\w|]+", body):
                kind = f"choice:{body}"
            else:
                kind = "str"
            pieces.append((kind, match.group("group")))
        position = match.end()
    pieces.append(route[position:])
    return [p.replace("^", "").replace("$", "") if isinstance(p, str) else p for p in pieces]


def build(route, values):
    """The address of ``route`` with ``values`` (by parameter name or position), each
    percent-encoded as a browser would send it (a value already encoded is kept)."""
    out = []
    position = 0
    for piece in split(route):
        if isinstance(piece, str):
            out.append(piece)
            continue
        kind, name = piece
        if name is None:
            name = position
            position += 1
        out.append(quote(values[name], safe="/%"))
    return "/" + "".join(out)


# --- The values -----------------------------------------------------------------------------

HOSTILE = {
    "int": ["0", "2147483648", "99999999999999999999"],
    "slug": ["a" * 300, "-", "a--b", "æøå"],
    "str": ["æøå", "a..b", "-", "x" * 300, "%ff%fe"],
    "path": ["..%2F..%2Fetc%2Fpasswd", "a/" * 200 + "a", "%ff%fe", "1/2"],
}

QUERIES = [
    "page=-1",
    "page=999999999999",
    "q=" + "x" * 5000,
    "q=%00",
    "o=99",
    "p=-1",
    "aar=99999999999",
    "type=%3Cscript%3E",
    "e=1",
    "_changelist_filters=%00",
    "next=https://evil.example",
    "q=a&q=b&page=1&page=2",
    "q=%ff%fe&%ff%fe=1",
]

# What the fields of a page's own form get, in turn.
NASTY_FIELDS = [
    "\x00",
    "99999999999999999999",
    "-1",
    "<script>alert(1)</script>",
    "æøå" * 200,
    "2027-02-31",
    "../../etc/passwd",
    " ",
    "\u202eRødstuen",
    "0001-01-01",
    "x" * 5000,
    "9999-12-31T23:59",
]
# And what a form-less POST gets: the fields an attacker would guess.
GARBAGE = {
    "action": "delete_selected",
    "_selected_action": ["99999999999999999999", "\x00", "-1"],
    "post": "yes",
    "index": "-1",
    "q": "\x00",
    "email": "a@\x00.dk",
    "pk": "99999999999999999999",
    "token": "%ff",
    "date": "2027-02-31",
    "name": "\x00" * 3,
    "showing": "99999999999999999999",
}

LEADER = "leder-skovvejen"
# Those who reach the booking pages and the culture admin deeply: Børnehuset Valhalla's
# contact person (books, cancels, evaluates), and the coordinator and an ambassador of
# Skovvejen's culture network (its bookings, attendance lists, moves and admin).
CONTACT = "kontakt-valhalla"
COORDINATOR = "kultur-skovvejen"
AMBASSADOR = "ambassadoer-skovvejen"
ROLES = (CONTACT, COORDINATOR, AMBASSADOR)
# The administrator last: a nasty "all rows" may delete every row.
USERS = [None, LEADER, *ROLES, "admin"]

# --- Real rows: the deeper code runs -------------------------------------------------------


def booking():
    """Valhalla's booking of Skovvejen's first showing still to come."""
    from django.utils import timezone

    from bookings.models import Showing
    from tests.bookings.helpers import book, offer_of

    coming = Showing.objects.filter(offer=offer_of("skovvejen"), starts_at__gt=timezone.now())
    return book(coming.order_by("starts_at").first())


def subscriber():
    from notify.models import Subscriber

    return Subscriber.objects.get_or_create(email="fuzz@example.dk")[0]


def confirmed_subscriber():
    from django.utils import timezone

    found = subscriber()
    found.confirmed_at = timezone.now()
    found.save()
    return found


def first(label):
    return apps.get_model(label)._default_manager.order_by("pk").first()


def calendar_feed():
    """A contact person's own calendar of the house they book for, with a booking in it:
    the feed answers, so its whole path is walked."""
    from tests.bookings.helpers import calendar_of

    booking()
    return calendar_of()


def first_booking():
    from bookings.models import Booking

    return Booking.objects.order_by("pk").first()


def tokens(purpose_name):
    from notify import tokens as signed

    if purpose_name == "confirm":
        return signed.confirm_token(subscriber(), [])
    return signed.link_token(confirmed_subscriber(), getattr(signed, purpose_name.upper()))


def digest_token():
    from notify import tokens as signed

    return signed.digest_token(get_user_model().objects.get(username="admin"))


def furnished_offer():
    """Skovvejen's performance (its network's staff manage it), with a reserved step
    and another district's allotment: their forms in the admin have rows too."""
    from datetime import timedelta

    from django.utils import timezone

    from bookings.constants import StepScope
    from bookings.models import Allotment, ReservationStep
    from districts.models import District
    from tests.bookings.helpers import offer_of

    offer = offer_of("skovvejen")
    if not offer.steps.exists():
        today = timezone.localdate()
        ReservationStep.objects.create(offer=offer, opens_on=today, scope=StepScope.EVERYONE)
        Allotment.objects.create(
            offer=offer,
            district=District.objects.exclude(slug="skovvejen").order_by("pk").first(),
            places=5,
            released_on=today + timedelta(days=10),
        )
    return offer


def offer_pk():
    return str(furnished_offer().pk)


def booking_pk():
    return str(booking().pk)


def seen_booking_pk():
    """A confirmed booking of a showing that has begun: its evaluation form answers."""
    from datetime import timedelta

    from django.utils import timezone

    from bookings.models import Showing

    found = booking()
    Showing.objects.filter(pk=found.showing_id).update(starts_at=timezone.now() - timedelta(days=1))
    return str(found.pk)


def others_booking():
    """Baltorpskolen's booking of Baltorp's performance: another institution's, of
    another network's offer."""
    from tests.bookings.helpers import book, first_showing

    return book(first_showing("baltorp"), "baltorpskolen")


def others_offer_pk():
    from tests.bookings.helpers import offer_of

    return str(offer_of("baltorp").pk)


# Per named pattern: its parameters' real values (called inside the test's transaction).
REAL = {
    "districts:district_detail": lambda: {"slug": "baltorp"},
    "districts:institution_detail": lambda: {"slug": "boernehuset-bispevangen"},
    "daycare:closing_days_district": lambda: {"district_slug": "hedegaard"},
    "daycare:closing_days_district_feed": lambda: {"district_slug": "hedegaard"},
    "daycare:inspection_report_file": lambda: {"pk": str(first("daycare.InspectionReport").pk)},
    "daycare:latest_inspection_report": lambda: {"slug": "boernehuset-bispevangen"},
    "culture:network_detail": lambda: {"slug": "skovlunde"},
    "culture:network_feed": lambda: {"slug": "skovlunde"},
    "governance:board_detail": lambda: {"slug": "hedegaard"},
    "governance:board_minutes": lambda: {"slug": "hedegaard"},
    "governance:bylaws_file": lambda: {"pk": str(first("governance.Bylaws").pk)},
    "notify:confirm": lambda: {"token": tokens("confirm")},
    "notify:manage": lambda: {"token": tokens("manage")},
    "notify:unsubscribe": lambda: {"token": tokens("unsubscribe")},
    "notify:digest_off": lambda: {"token": digest_token()},
    "bookings:offer_detail": lambda: {"pk": offer_pk()},
    "bookings:book": lambda: {"pk": offer_pk()},
    "bookings:network_offers": lambda: {"slug": "skovvejen"},
    "bookings:cancel_own": lambda: {"pk": booking_pk()},
    "bookings:evaluate": lambda: {"pk": seen_booking_pk()},
    "bookings:renew_feed": lambda: {"institution_pk": str(first_booking_institution())},
    "bookings:calendar_feed": lambda: {"token": calendar_feed().token},
    "bookings:offer_bookings": lambda: {"pk": offer_pk()},
    "bookings:attendance_list": lambda: {"pk": offer_pk()},
    "bookings:attendance_csv": lambda: {"pk": offer_pk()},
    "bookings:network_cancel": lambda: {"pk": booking_pk()},
    "bookings:network_move": lambda: {"pk": booking_pk()},
    "admin:view_on_site": lambda: {
        "content_type_id": str(ContentType.objects.get_for_model(first("districts.District")).pk),
        "object_id": str(first("districts.District").pk),
    },
    "admin:app_list": lambda: {"app_label": "districts"},
}

# Per named pattern: a real row of others (another institution's booking, another
# network's offer, an institution the contact person does not book for), requested as
# the real one is and posted to empty by the roles (``ROLES``).
OTHERS = {
    "bookings:book": lambda: {"pk": others_offer_pk()},
    "bookings:cancel_own": lambda: {"pk": str(others_booking().pk)},
    "bookings:evaluate": lambda: {"pk": str(others_booking().pk)},
    "bookings:renew_feed": lambda: {"institution_pk": str(others_booking().institution_id)},
    "bookings:offer_bookings": lambda: {"pk": others_offer_pk()},
    "bookings:attendance_list": lambda: {"pk": others_offer_pk()},
    "bookings:attendance_csv": lambda: {"pk": others_offer_pk()},
    "bookings:network_cancel": lambda: {"pk": str(others_booking().pk)},
    "bookings:network_move": lambda: {"pk": str(others_booking().pk)},
}


def other_rows():
    """What a form's fields that name a row get in the roles' forms, in turn: a row of
    another offer or institution, and a row that passes (a move to the offer's other
    showing)."""
    from bookings.models import Showing
    from tests.bookings.helpers import first_showing, institution, offer_of

    skovvejen = Showing.objects.filter(offer=offer_of("skovvejen")).order_by("starts_at")
    return [
        {
            "showing": str(first_showing("baltorp").pk),
            "institution": str(institution("baltorpskolen").pk),
        },
        {"showing": str(skovvejen.last().pk)},
    ]


# Patterns with parameters and no real row to give them, and why.
NO_REAL_VALUE = {
    "admin/(?P<url>.*)$": "the admin's catch-all: any text is as real as another",
}


def first_booking_institution():
    booking()
    return first_booking().institution_id


def axes_row(model):
    row = {"username": "x", "ip_address": "10.0.0.1", "user_agent": "<script>"}
    if model._meta.model_name == "accessattempt":
        row["failures_since_start"] = 5
    return model.objects.create(**row)


def totp_device():
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.create(user=get_user_model().objects.get(username="admin"))


def facilitator(model):
    from districts.models import Person

    return model.objects.create(person=Person.objects.create(name="<b>Fuzz</b>"))


# The admin's models the demo data has no row of: one is made.
MADE = {
    "pages.sitesettings": lambda model: model.objects.create(),
    "culture.facilitator": facilitator,
    "axes.accessattempt": axes_row,
    "axes.accesslog": axes_row,
    "axes.accessfailurelog": axes_row,
    "otp_totp.totpdevice": lambda model: totp_device(),
}


def admin_model(route):
    """The model of an admin model page (``admin/<app>/<model>/…``), or None."""
    found = re.match(r"admin/(\w+)/(\w+)/", route)
    if not found:
        return None
    try:
        return apps.get_model(found.group(1), found.group(2))
    except LookupError:
        return None


def real_values(name, route):
    """The real values of the pattern's parameters, or None."""
    if name in REAL:
        return REAL[name]()
    model = admin_model(route)
    if model is None:
        return None
    if model is get_user_model():
        obj = model.objects.get(username="leder-baltorp")
    else:
        obj = own_network_row(model) or model._default_manager.order_by("pk").first()
    if obj is None and model._meta.label_lower in MADE:
        obj = MADE[model._meta.label_lower](model)
    if obj is None:
        return None
    values = {"object_id": str(obj.pk), "id": str(obj.pk), 0: str(obj.pk)}
    if hasattr(obj, "history"):
        version = obj.history.order_by("history_id").first()
        values[1] = str(version.history_id) if version else "1"
    return values


# How a culture or booking row names its network's district: Skovvejen's row is the real
# one, which the network's staff (``ROLES``) reach in the admin as well.
NETWORK_PATHS = (
    "district__slug",
    "network__district__slug",
    "event__network__district__slug",
    "offer__event__network__district__slug",
)


def own_network_row(model):
    """Skovvejen's first row of a culture or booking model, or None."""
    if model._meta.app_label not in ("culture", "bookings"):
        return None
    furnished_offer()
    names = {field.name for field in model._meta.get_fields()}
    for path in NETWORK_PATHS:
        if path.split("__")[0] in names:
            try:
                return model._default_manager.filter(**{path: "skovvejen"}).order_by("pk").first()
            except FieldError:
                continue
    return None


def addresses(name, route):
    """``(real address or None, [hostile addresses])``."""
    found = parameters(route)
    if not found:
        return build(route, {}), []
    real = real_values(name, route)
    hostile = []
    for index, (param, kind) in enumerate(found):
        if kind.startswith("choice:"):
            continue  # only the listed words match; the real value is the first
        for value in HOSTILE[kind]:
            values = {}
            for other, other_kind in found:
                if other == param:
                    values[other] = value
                elif real is not None and other in real:
                    values[other] = real[other]
                elif other_kind.startswith("choice:"):
                    values[other] = other_kind.split(":")[1].split("|")[0]
                else:
                    values[other] = HOSTILE[other_kind][index % len(HOSTILE[other_kind])]
            hostile.append(build(route, values))
    if real is None:
        choices = {
            param: kind.split(":")[1].split("|")[0]
            for param, kind in found
            if kind.startswith("choice:")
        }
        if choices and len(choices) == len(found):
            return build(route, choices), hostile
        return None, hostile
    return build(route, real), hostile


def matches(path, route):
    """Whether ``path`` reaches this pattern (rather than an earlier one or none)."""
    try:
        match = resolve(unquote(path.split("?")[0]))
    except Resolver404:
        return False
    return match.route.replace("^", "").replace("$", "") == route.replace("^", "").replace("$", "")


# --- The requests ---------------------------------------------------------------------------


def client_for(username):
    client = Client(raise_request_exception=True)
    if username:
        login(client, username)
    return client


def request(client, username, method, path, data=None):
    # admin:logout ends the session: log in again before each request.
    if username and path.startswith("/admin/logout/") and SESSION_KEY not in client.session:
        login(client, username)
    response = (
        getattr(client, method)(path, data) if data is not None else getattr(client, method)(path)
    )
    assert response.status_code < 500, (username, method.upper(), path[:300])
    if response.streaming:
        # A file download: read to the end, where a failure while streaming would show
        # (the test client closes the file at the end).
        b"".join(response.streaming_content)
    return response


def has_form(response):
    return (
        response.status_code == 200
        and not response.streaming
        and b'method="post"' in response.content.lower()
    )


def nasty_forms(response):
    """The page's own form (or none) three times: every field a huge number, every field
    with a NUL, each field a different nasty value; each also with the fields an attacker
    would guess (an admin action on malformed ids)."""
    if not has_form(response):
        fields = []
        data = {}
    else:
        data = form_data(response)
        fields = [
            field
            for field in sorted(data)
            if field != "csrfmiddlewaretoken"
            and not field.endswith(("TOTAL_FORMS", "INITIAL_FORMS"))
        ]
    forms = []
    for turn in ("99999999999999999999", "a\x00b", None):
        nasty = dict(data)
        for number, field in enumerate(fields):
            nasty[field] = turn or NASTY_FIELDS[number % len(NASTY_FIELDS)]
        forms.append(
            {key: value for key, value in GARBAGE.items() if key not in nasty}
            | nasty
            | {"action": GARBAGE["action"], "_selected_action": GARBAGE["_selected_action"]}
        )
    return forms


# What a form's own fields are filled with where the page leaves them empty, so that the
# form passes: the booking form's details and an evaluation.
FILL = {
    "group_name": "Rødstuen",
    "children": "18",
    "adults": "3",
    "contact_name": "Anne Demo-Jensen",
    "contact_phone": "44 77 00 00",
    "contact_email": "roedstuen@valhalla.invalid",
    "rating": "4",
    "comment": "Børnene lo.",
}
HUGE = "99999999999999999999"
# The edges of each kind of value, a turn each: the other fields keep values that pass.
EDGES = [
    {"number": "0"},
    {"number": "-1"},
    {"number": HUGE},
    {"date": "0001-01-01"},
    {"date": "9999-12-31"},
    {"text": "\u202eRødstuen"},
    {"text": "x" * 5000},
]
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def kind_of(field, value, chosen, hidden):
    """``choice``, ``date``, ``number``, ``text`` or None: a hidden input (a token, an
    inline's row or parent), or a field left empty, is not typed."""
    if field in chosen:
        return "choice"
    if field in hidden or not isinstance(value, str) or not value:
        return None
    if DATE.match(value):
        return "date"
    return "number" if value.strip().lstrip("-").isdigit() else "text"


def edge_forms(response, rows):
    """The page's form as a user fills it (each empty select or group of radio buttons
    its first choice, the empty fields of ``FILL`` filled; no box ticked), then once per
    edge (``EDGES``) and per set of ``rows`` naming other rows: a form-less page (a
    cancel or move button) gets the rows alone."""
    if not has_form(response):
        return [dict(row) for row in rows]
    data = form_data(response)
    chosen, hidden = fields(response)
    for field, values in chosen.items():
        offered = [value for value in values if value and value != "on"]
        if not data.get(field) and offered:
            data[field] = offered[0]
    for field, value in FILL.items():
        if field in data and not data[field]:
            data[field] = value
    forms = []
    for edge in EDGES:
        changed = dict(data)
        for field, value in data.items():
            kind = kind_of(field, value, chosen, hidden)
            if kind in edge:
                changed[field] = edge[kind] + value[10:] if kind == "date" else edge[kind]
        forms.append(changed)
    return forms + [data | row for row in rows]


# The pages that list and filter, which read the query string most: every hostile query
# string. The admin's other pages (forms, histories, confirmations) get four, in turn,
# so that each string still reaches dozens of them.
LISTS = ("_changelist", "admin:index", "admin:app_list")
ROUTES = [param.values[1] for param in PATTERNS]


def queries_for(username, name, route, real):
    """The real address with hostile query strings: all of them, or four in turn (see
    ``LISTS``); every one for an anonymous visitor, and each one once for a logged-in
    user, the administrator and the district leader in turn (a full cross product would
    render each admin form 40 times)."""
    if not real:
        return []
    chosen = QUERIES
    if route.startswith("admin/") and not (name or "").endswith(LISTS):
        start = 4 * ROUTES.index(route)
        chosen = [QUERIES[(start + k) % len(QUERIES)] for k in range(4)]
    if username is not None:
        index = USERS.index(username)
        chosen = chosen[index - 1 :: len(USERS) - 1]
    return [f"{real}?{query}" for query in chosen]


def walk_url(name, route):
    """Request one pattern's addresses as every user (the module's docstring); a 500 or
    an escaping exception fails the test that calls it."""
    real, hostile = addresses(name, route)
    others = build(route, OTHERS[name]()) if name in OTHERS else None
    paths = ([real] if real else []) + hostile + ([others] if others else [])
    assert any(matches(path, route) for path in paths), f"no address reaches {route}"
    clients = {username: client_for(username) for username in USERS}
    pages = {}
    for username, client in clients.items():
        # The roles share the hostile addresses between them, each one once.
        mine = paths
        if username in ROLES and real:
            turn = ROLES.index(username)
            mine = [real, *hostile[turn :: len(ROLES)], *([others] if others else [])]
        pages[username] = [request(client, username, "get", path) for path in mine][0]
        if username is None:
            for path in paths:
                request(client, username, "head", path)
        for path in queries_for(username, name, route, real):
            request(client, username, "get", path)
    # The forms: posted empty and with nasty values, the administrator last (a nasty
    # "all rows" may delete every row). The district leader's forms are the
    # administrator's, narrowed: one nasty form is enough. The roles that reach a form
    # share its nasty and edge forms between them, in turn; where a role reaches no
    # form, the booking actions' buttons (cancel, move) still get the rows of others.
    rows = other_rows() if (name or "").startswith("bookings:") else []
    reached = [username for username in ROLES if has_form(pages[username])]
    for username in USERS:
        client = clients[username]
        # A role turned away (403, 404) is turned away from the POST as well: only the
        # booking actions are posted to all the same.
        refused = pages[username].status_code in (403, 404) and not rows
        if not (username in ROLES and refused):
            request(client, username, "post", paths[0], {})
        forms = nasty_forms(pages[username])
        if username in ROLES:
            if username in reached:
                forms += edge_forms(pages[username], rows)
                forms = forms[reached.index(username) :: len(reached)]
            else:
                forms = edge_forms(pages[username], rows)
            if others:
                request(client, username, "post", others, {})
        elif username == LEADER:
            forms = forms[-1:]
        for data in forms:
            request(client, username, "post", paths[0], data)


def missing_real_values():
    """The routes with parameters that get no real value, and have no reason why."""
    missing = []
    for param in PATTERNS:
        name, route = param.values
        if parameters(route) and route not in NO_REAL_VALUE:
            real, _hostile = addresses(name, route)
            if real is None:
                missing.append(route)
    return missing
