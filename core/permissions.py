"""Object-level permissions: the app-agnostic base every app's ``rules.py`` builds on.

The staff groups (``fixtures/groups.json``) give the *model* permissions: a district
leader may change institutions. Each app narrows them to *objects* in its own
``<app>/rules.py`` by registering a scope per model: a ``Q`` over the rows a user may
change (which houses, which network, which board). A scope is used two ways so the two
cannot drift apart: as a queryset filter (the admin's changelist and form choices) and,
through ``django-rules``, as a predicate behind ``user.has_perm(perm, obj)``.

Ownership is a relation the app's scope follows (a district leader's district, a culture
ambassador's seat in a network), not a privilege of one group. Administrators (the
Administrator group, or a superuser) are not narrowed, except that only a superuser is
offered a superuser's account to pick in a form. A model without a registered
scope is administrators' only, and ``manage.py check`` fails when a model with a portal
admin has none (``core.checks``).

This module imports no app: the apps import it.
"""

from collections.abc import Callable
from dataclasses import dataclass

import rules
from django.contrib.auth import get_user_model
from django.db.models import Q

ADMINISTRATOR = "Administrator"
DISTRICT_LEADER = "Distriktsleder"
CULTURE_NETWORK = "Kulturnetværk"

# No rows: what a user without a relation to a model may change.
NOTHING = Q(pk__in=[])
# Every row.
EVERYTHING = Q()


def is_administrator(user):
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    return cached_on_user(
        user, "administrator", lambda: user.groups.filter(name=ADMINISTRATOR).exists()
    )


def cached_on_user(user, key, compute):
    """``compute()`` once per user object, which lives as long as its request."""
    cache = user.__dict__.setdefault("_portal_permission_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def _everything_but_delete_rules(user, obj):
    return True


@dataclass(frozen=True)
class Scope:
    """How one model's rows narrow for a user who is not an administrator.

    ``change(user)`` is a ``Q`` of the rows the user may change. ``view`` (what the admin
    lists) and ``choice`` (what a form offers to pick) default to ``change``.
    ``may_delete(user, obj)`` adds a further condition for deleting an object in scope.
    """

    change: Callable
    view: Callable | None = None
    choice: Callable | None = None
    may_delete: Callable = _everything_but_delete_rules


_scopes: dict[type, Scope] = {}


def register(model, *, change, view=None, choice=None, may_delete=None):
    """Give ``model`` its scope and its view/change/delete rules."""
    scope = Scope(
        change=change,
        view=view,
        choice=choice,
        may_delete=may_delete or _everything_but_delete_rules,
    )
    _scopes[model] = scope
    opts = model._meta
    for action, predicate in (("view", may_view), ("change", may_change), ("delete", may_delete_)):
        perm = f"{opts.app_label}.{action}_{opts.model_name}"
        rules.set_perm(perm, _holds(perm) & predicate)
    return scope


def has_scope(model):
    return model in _scopes


def change_scope(user, model):
    """A ``Q`` of the rows of ``model`` that ``user`` may change, or ``None`` for all."""
    if is_administrator(user):
        return None
    scope = _scopes.get(model)
    return NOTHING if scope is None else scope.change(user)


def view_scope(user, model):
    if is_administrator(user):
        return None
    scope = _scopes.get(model)
    if scope is None:
        return NOTHING
    return (scope.view or scope.change)(user)


def choice_scope(user, model):
    if is_administrator(user):
        return administrator_choice(user, model)
    scope = _scopes.get(model)
    if scope is None:
        return NOTHING
    return (scope.choice or scope.change)(user)


def administrator_choice(user, model):
    """What a form offers an administrator: every row but a superuser's account, which
    is out of their reach in the user admin too (``accounts.admin``); ``None`` (every
    row) for another model, and for a superuser."""
    if user.is_superuser or model is not get_user_model():
        return None
    return Q(is_superuser=False)


def scoped(queryset, user, scope=change_scope):
    q = scope(user, queryset.model)
    return queryset if q is None else queryset.filter(q)


def in_scope(user, obj, scope=change_scope):
    q = scope(user, type(obj))
    if q is None:
        return True
    if obj.pk is None:
        return False
    return type(obj)._default_manager.filter(q, pk=obj.pk).exists()


# --- the rules -------------------------------------------------------------------


def _holds(perm):
    """The model permission from the user's groups; the rules only ever narrow it."""

    @rules.predicate(name=f"holds:{perm}")
    def holds(user):
        return perm in user.get_all_permissions()

    return holds


@rules.predicate
def may_change(user, obj):
    return obj is not None and in_scope(user, obj, change_scope)


@rules.predicate
def may_view(user, obj):
    return obj is not None and in_scope(user, obj, view_scope)


@rules.predicate(name="may_delete")
def may_delete_(user, obj):
    if obj is None or not in_scope(user, obj, change_scope):
        return False
    if is_administrator(user):
        return True
    return _scopes[type(obj)].may_delete(user, obj)
