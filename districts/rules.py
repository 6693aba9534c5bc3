"""Who may change which district, institution, person and role.

A district leader owns their district through their role (``Role`` with the type
district leader): its institutions, the people who hold a role there, and the roles a
leader may hand out, to anyone but themselves. Other apps ask ``district_ids_held`` for
the districts a user holds a role in, so every notion of "own district" reads the same
relation.
"""

from django.db.models import CASCADE, Q

from core import permissions
from core.permissions import EVERYTHING, NOTHING, cached_on_user

from .constants import RoleType
from .models import District, Institution, Person, Role

# Role types a district leader may hand out. Appointing a district leader is an
# administrator's decision, so a leader can never make anyone, themselves included, the
# leader of a district.
LEADER_ASSIGNABLE_ROLE_TYPES = (RoleType.PEDAGOGICAL_LEADER, RoleType.CULTURE_CONTACT)


def district_ids_held(user, role_type):
    """The districts in which ``user`` holds a role of ``role_type`` (once per request)."""
    if not (user.is_authenticated and user.is_active):
        return frozenset()

    def compute():
        return frozenset(
            Role.objects.filter(
                person__user=user, role_type=role_type, district__isnull=False
            ).values_list("district_id", flat=True)
        )

    return cached_on_user(user, f"districts:{role_type}", compute)


def led_district_ids(user):
    """The districts this user leads as district leader."""
    return district_ids_held(user, RoleType.DISTRICT_LEADER)


def institutions_in(district_ids):
    return Institution.objects.filter(districts__in=district_ids).values("pk")


def _roles_in(district_ids):
    """Roles in the districts, or at an institution in one of them."""
    return Q(district__in=district_ids) | Q(institution__in=institutions_in(district_ids))


def _own_assignable_roles(user):
    return _roles_in(led_district_ids(user)) & Q(role_type__in=LEADER_ASSIGNABLE_ROLE_TYPES)


def _roles_held_by(user):
    return Q(person__user=user) if user.is_authenticated else NOTHING


def _changeable_roles(user):
    """The roles a leader hands out, but never their own: segregation of duties."""
    return _own_assignable_roles(user) & ~_roles_held_by(user)


def may_give_role_to(user, person):
    """Whether ``user`` may give ``person`` a role, or move a role onto them.

    Segregation of duties: nobody but an administrator gives a role to the person of
    their own staff account. A role at a house makes its holder a booking contact there
    (``bookings.rules``), with the bookings and contact details of the house's other
    contact persons; a district leader hands such roles out, and so never to
    themselves. Their own roles they neither change nor delete (``Role``'s scope).
    """
    if permissions.is_administrator(user) or person is None or person.user_id is None:
        return True
    return person.user_id != user.pk


def districts_kept_from(user, institution):
    """The districts of ``institution`` the user does not lead; an edit keeps them.

    A Baltorp leader editing Klub Syd may choose among Baltorp's districts only, and
    Hedegård stays: no leader can take an institution away from another district.
    """
    if permissions.is_administrator(user) or institution.pk is None:
        return District.objects.none()
    return institution.districts.exclude(pk__in=led_district_ids(user))


def may_delete_person(user, person):
    """A person is deleted with all their roles, so a leader may delete only a person
    whose every role is one they could have handed out, in their own district. A person
    with a staff account is user management: administrators only."""
    if person.user_id is not None or held_elsewhere(person):
        return False
    return not person.roles.exclude(_own_assignable_roles(user)).exists()


def held_elsewhere(person):
    """Whether deleting ``person`` would delete rows of another app with them (a seat in
    a culture network is the administrators' to hand out): found through the relations
    other apps declare to Person, so a new app's is covered without a change here."""
    for relation in type(person)._meta.related_objects:
        related = relation.related_model
        if related._meta.app_label == "districts" or relation.on_delete is not CASCADE:
            continue
        if related._default_manager.filter(**{relation.field.name: person}).exists():
            return True
    return False


permissions.register(
    District,
    # Districts themselves are the administrators'; every staff member sees them all
    # and picks among the districts they lead.
    change=lambda user: NOTHING,
    view=lambda user: EVERYTHING,
    choice=lambda user: Q(pk__in=led_district_ids(user)),
)
permissions.register(
    # Klub Syd lies in Baltorp and Hedegård: both leaders may change it.
    Institution,
    change=lambda user: Q(pk__in=institutions_in(led_district_ids(user))),
)
permissions.register(
    # The people holding a role in the district or at one of its institutions.
    Person,
    change=lambda user: Q(
        pk__in=Role.objects.filter(_roles_in(led_district_ids(user))).values("person_id")
    ),
    may_delete=may_delete_person,
)
permissions.register(
    # A leader sees the roles they hand out, their own among them, and changes the others'.
    Role,
    change=_changeable_roles,
    view=_own_assignable_roles,
)
