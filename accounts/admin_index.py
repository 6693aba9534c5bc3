"""The admin index by task, not by app: at most eight groups, each with the lists it
needs and its shortcuts (pages that are no model's list). A group shows only the lists
and shortcuts the user may use; a group with none is left out, and a list no group
names is shown under "Andet".

Each app adds its own in ``<app>/admin_index.py`` (``core.contributions``):
``register_group(slug, name, order)`` for a group of its own, ``add(slug, models=[...],
shortcuts=[(label, url name, permission or None for administrators only)])`` to put its
lists in a group (its own or another app's: bookings' lists are under "Kultur").
"""

from django.utils.translation import gettext_lazy as _

_groups = {}


def _group(slug):
    return _groups.setdefault(slug, {"name": slug, "order": 0, "models": [], "shortcuts": []})


def register_group(slug, name, order):
    group = _group(slug)
    group["name"], group["order"] = name, order


def add(slug, models=(), shortcuts=()):
    group = _group(slug)
    group["models"] += list(models)
    group["shortcuts"] += list(shortcuts)


def task_groups():
    """``(name, slug, model labels, shortcuts)`` per group, in order."""
    ordered = sorted(_groups.items(), key=lambda item: (item[1]["order"], item[0]))
    return [(g["name"], slug, g["models"], g["shortcuts"]) for slug, g in ordered]


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
