"""Who may change which object: every object-level rule of the portal, in one module.

The staff groups (``fixtures/groups.json``) give the *model* permissions: a district
leader may change institutions. The rules here narrow them to *objects*: which
institutions, people and roles. A staff user is tied to the rules through their person
and its roles (``Person.user`` → ``Role.district`` / ``Role.institution``).

Each model has one scope, a ``Q`` over its rows, used two ways so they cannot drift
apart: as a queryset filter (the admin's changelist and choices) and, through
``django-rules``, as a predicate behind ``user.has_perm(perm, obj)``.

Administrators (the Administrator group, or a superuser) are not narrowed.
"""

import rules
from django.db.models import Q

from districts.constants import RoleType
from districts.models import District, Institution, Person, Role

ADMINISTRATOR = "Administrator"
DISTRICT_LEADER = "Distriktsleder"
CULTURE_NETWORK = "Kulturnetværk"

# Role types a district leader may hand out. Appointing a district leader is an
# administrator's decision, so a leader can never make anyone, themselves included, the
# leader of a district.
LEADER_ASSIGNABLE_ROLE_TYPES = (RoleType.PEDAGOGICAL_LEADER, RoleType.CULTURE_COORDINATOR)


def is_administrator(user):
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if not hasattr(user, "_portal_is_administrator"):
        user._portal_is_administrator = user.groups.filter(name=ADMINISTRATOR).exists()
    return user._portal_is_administrator


def led_district_ids(user):
    """The districts this user leads (as district leader), cached on the user object."""
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    if not hasattr(user, "_portal_led_districts"):
        user._portal_led_districts = frozenset(
            Role.objects.filter(
                person__user=user, role_type=RoleType.DISTRICT_LEADER, district__isnull=False
            ).values_list("district_id", flat=True)
        )
    return user._portal_led_districts


def _institutions_in(district_ids):
    return Institution.objects.filter(districts__in=district_ids).values("pk")


def _roles_in(district_ids):
    """Roles in the districts, or at an institution in one of them."""
    return Q(district__in=district_ids) | Q(institution__in=_institutions_in(district_ids))


def change_scope(user, model):
    """A ``Q`` of the rows of ``model`` that ``user`` may change, or ``None`` for all."""
    if is_administrator(user):
        return None
    districts = led_district_ids(user)
    if model is Institution:
        # Klub Syd lies in Baltorp and Hedegård: both leaders may change it.
        return Q(pk__in=_institutions_in(districts))
    if model is Person:
        # The people holding a role in the district or at one of its institutions.
        return Q(pk__in=Role.objects.filter(_roles_in(districts)).values("person_id"))
    if model is Role:
        return _roles_in(districts) & Q(role_type__in=LEADER_ASSIGNABLE_ROLE_TYPES)
    # Districts, and any model without a rule yet: administrators only.
    return Q(pk__in=[])


def view_scope(user, model):
    """What ``user`` sees in the admin: what they may change, and every district."""
    if model is District and not is_administrator(user):
        return Q()
    return change_scope(user, model)


def choice_scope(user, model):
    """What ``user`` may pick in a form: their own districts, and what they may change."""
    if model is District and not is_administrator(user):
        return Q(pk__in=led_district_ids(user))
    return change_scope(user, model)


def scoped(queryset, user, scope=change_scope):
    q = scope(user, queryset.model)
    return queryset if q is None else queryset.filter(q)


def _in_scope(user, obj, scope):
    q = scope(user, type(obj))
    if q is None:
        return True
    if obj.pk is None:
        return False
    return type(obj)._default_manager.filter(q, pk=obj.pk).exists()


def districts_kept_from(user, institution):
    """The districts of ``institution`` the user does not lead; an edit keeps them.

    A Baltorp leader editing Klub Syd may choose among Baltorp's districts only, and
    Hedegård stays: no leader can take an institution away from another district.
    """
    if is_administrator(user) or institution.pk is None:
        return District.objects.none()
    return institution.districts.exclude(pk__in=led_district_ids(user))


def may_delete_person(user, person):
    """A person is deleted with all their roles, so a leader may delete only a person
    whose every role is one they could have handed out, in their own district. A person
    with a staff account is user management: administrators only."""
    if is_administrator(user):
        return True
    if person.user_id is not None:
        return False
    own_roles = _roles_in(led_district_ids(user)) & Q(role_type__in=LEADER_ASSIGNABLE_ROLE_TYPES)
    return not person.roles.exclude(own_roles).exists()


# --- the rules -------------------------------------------------------------------


def _holds(perm):
    """The model permission from the user's groups; the rules only ever narrow it."""

    @rules.predicate(name=f"holds:{perm}")
    def holds(user):
        return perm in user.get_all_permissions()

    return holds


@rules.predicate
def may_change(user, obj):
    return obj is not None and _in_scope(user, obj, change_scope)


@rules.predicate
def may_view(user, obj):
    return obj is not None and _in_scope(user, obj, view_scope)


@rules.predicate
def may_delete(user, obj):
    if obj is None or not _in_scope(user, obj, change_scope):
        return False
    if isinstance(obj, Person):
        return may_delete_person(user, obj)
    return True


def _register():
    predicates = {"view": may_view, "change": may_change, "delete": may_delete}
    for model in (District, Institution, Person, Role):
        opts = model._meta
        for action, predicate in predicates.items():
            perm = f"{opts.app_label}.{action}_{opts.model_name}"
            rules.set_perm(perm, _holds(perm) & predicate)


_register()
