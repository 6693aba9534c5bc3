"""The admin index by task, not by app: at most eight groups, each with the lists it
needs and its shortcuts (pages that are no model's list). A group shows only the lists
and shortcuts the user may use; a group with none is left out, and a list no group
names is shown under "Andet".

Each app adds its own in ``<app>/admin_index.py`` (``core.contributions``):
``register_group(slug, name, order)`` for a group of its own, ``add(slug, models=[...],
shortcuts=[(label, url name, permission or None for administrators only)])`` to put its
lists in a group (its own or another app's: bookings' lists are under "Kultur").

The same module adds the app's links to the admin's header (beside "Hjælp" and "Log
ud"): ``add_user_links(order, links)``, where ``links(user)`` gives the ``[(url,
label)]`` that user may follow (bookings: "Vores bookinger"; notify: "Ugentlig
oversigt").
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

_groups = {}
_user_links = []


def _group(slug):
    return _groups.setdefault(slug, {"name": slug, "order": 0, "models": [], "shortcuts": []})


def register_group(slug, name, order):
    group = _group(slug)
    group["name"], group["order"] = name, order


def add(slug, models=(), shortcuts=()):
    group = _group(slug)
    group["models"] += list(models)
    group["shortcuts"] += list(shortcuts)


def add_user_links(order, links):
    """``links(user)`` gives the ``[(url, label)]`` for the admin's header; lower
    ``order`` first."""
    _user_links.append((order, links))


def user_links(user):
    """Every app's header links for ``user``, in order."""
    ordered = sorted(_user_links, key=lambda item: item[0])
    return [link for _order, links in ordered for link in links(user)]


def task_groups():
    """``(name, slug, model labels, shortcuts)`` per group, in order."""
    ordered = sorted(_groups.items(), key=lambda item: (item[1]["order"], item[0]))
    return [(g["name"], slug, g["models"], g["shortcuts"]) for slug, g in ordered]


def _two_factor(user):
    return [(reverse("admin:two_factor_enrol"), _("Mit to-trinslogin"))]


add_user_links(50, _two_factor)

# Staff accounts, their devices and lock-outs: this app's own group.
register_group("brugere", _("Brugere og sikkerhed"), 80)
add(
    "brugere",
    [
        "auth.User",
        "auth.Group",
        "otp_totp.TOTPDevice",
        "axes.AccessAttempt",
        "axes.AccessFailureLog",
        "axes.AccessLog",
    ],
)
