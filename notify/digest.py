"""The staff's weekly digest: one mail per staff owner per ISO week naming what needs
them, each item linking to its admin form. Worked out by ``send_notifications`` from
Monday 07:00 (Danish time); an empty digest is not sent; a staff member switches it off in
their own settings or with the link in the mail.

- a district leader: their institutions without address, opening hours or phone, or not
  changed for twelve months; their district boards without published minutes this
  school year (the district leader is the board's secretary and keeps its minutes);
- administrators: inspection reports overdue or due within 90 days;
- a culture network's members: no coming performance or meeting.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

import outbox
from core import permissions
from core.dates import long_date
from culture.models import Event, Meeting, Network, Seat
from daycare.models.inspection import (
    OVERDUE,
    SOON_DUE,
    InspectionReport,
    due_state,
    past_legal_limit,
    units_with_latest_report,
)
from districts.constants import RoleType
from districts.models import Institution, Role
from governance.models import Board, BoardMeeting

from . import mails
from .models import DigestSetting

SEND_FROM = datetime.time(7, 0)
STALE_AFTER = datetime.timedelta(days=365)
HOURS = [f"hours_{day}" for day in ("monday", "tuesday", "wednesday", "thursday", "friday")]


@dataclass
class Item:
    text: str
    url: str


def admin_url(obj_or_model, pk=None, add=False, **query):
    meta = obj_or_model._meta
    if add:
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_add")
        if query:
            url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    else:
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[pk])
    return mails.absolute(url)


def school_year_start(today):
    """The school year starts on 1 August."""
    year = today.year if today.month >= 8 else today.year - 1
    return datetime.date(year, 8, 1)


def district_leader_items(user, now):
    district_ids = set(
        Role.objects.filter(
            person__user=user, role_type=RoleType.DISTRICT_LEADER, district__isnull=False
        ).values_list("district_id", flat=True)
    )
    if not district_ids:
        return []
    items = []
    history = Institution.history.model
    changed_lately = history.objects.filter(id=OuterRef("pk"), history_date__gte=now - STALE_AFTER)
    institutions = (
        Institution.objects.filter(districts__in=district_ids)
        .distinct()
        .annotate(changed_lately=Exists(changed_lately))
        .order_by("name")
    )
    for institution in institutions:
        missing = []
        if not institution.address:
            missing.append(_("adresse"))
        if all(not getattr(institution, field) for field in HOURS):
            missing.append(_("åbningstider"))
        if not institution.phone:
            missing.append(_("telefon"))
        url = admin_url(Institution, institution.pk)
        if missing:
            items.append(
                Item(
                    _("%(name)s mangler %(missing)s.")
                    % {"name": institution.name, "missing": _(" og ").join(missing)},
                    url,
                )
            )
        if not institution.changed_lately:
            items.append(
                Item(
                    _("%(name)s er ikke ændret i over 12 måneder. Er oplysningerne stadig rigtige?")
                    % {"name": institution.name},
                    url,
                )
            )
    start = school_year_start(timezone.localdate(now))
    minutes = (
        BoardMeeting.objects.published()
        .filter(board=OuterRef("pk"), date__gte=start)
        .exclude(minutes="")
    )
    for board in (
        Board.objects.filter(district__in=district_ids)
        .annotate(has_minutes=Exists(minutes))
        .order_by("name")
    ):
        if not board.has_minutes:
            items.append(
                Item(
                    _("%(board)s har ingen offentliggjorte referater i skoleåret.")
                    % {"board": board.name},
                    admin_url(BoardMeeting, add=True, board=board.pk),
                )
            )
    return items


def administrator_items(user, now):
    if not permissions.is_administrator(user):
        return []
    today = timezone.localdate(now)
    items = []
    for unit in units_with_latest_report():
        url = admin_url(InspectionReport, add=True, unit=unit.pk)
        due, state = due_state(unit.latest_visit, today)
        if due is None:
            text = _("%(name)s har ingen offentliggjort tilsynsrapport.")
            items.append(Item(text % {"name": unit.name}, url))
            continue
        if state == OVERDUE and past_legal_limit(unit.latest_visit, today):
            text = _(
                "Tilsynsrapporten for %(name)s er forfalden (siden %(date)s) og over "
                "dagtilbudslovens frist på to år."
            )
        elif state == OVERDUE:
            text = _("Tilsynsrapporten for %(name)s er forfalden (siden %(date)s).")
        elif state == SOON_DUE:
            text = _("Tilsynsrapporten for %(name)s skal være der senest %(date)s.")
        else:
            continue
        items.append(Item(text % {"name": unit.name, "date": long_date(due)}, url))
    return items


def network_items(user, now):
    network_ids = set(Seat.objects.filter(person__user=user).values_list("network_id", flat=True))
    if not network_ids:
        return []
    coming_event = Event.objects.filter(network=OuterRef("pk"), starts_at__gte=now)
    coming_meeting = Meeting.objects.filter(
        network=OuterRef("pk"), date__gte=timezone.localdate(now)
    )
    items = []
    for network in (
        Network.objects.filter(pk__in=network_ids)
        .annotate(has_event=Exists(coming_event), has_meeting=Exists(coming_meeting))
        .order_by("pk")
    ):
        if not (network.has_event or network.has_meeting):
            items.append(
                Item(
                    _("%(network)s har ingen kommende forestillinger eller møder.")
                    % {"network": network},
                    admin_url(Network, network.pk),
                )
            )
    return items


def items_for(user, now=None):
    now = now or timezone.now()
    return (
        district_leader_items(user, now) + administrator_items(user, now) + network_items(user, now)
    )


def week_of(now):
    year, week, _day = timezone.localtime(now).isocalendar()
    return f"{year}-W{week:02d}"


def due(now):
    """From Monday 07:00 Danish time on, this week's digest is due."""
    local = timezone.localtime(now)
    return local.weekday() > 0 or local.time() >= SEND_FROM


def recipients():
    User = get_user_model()
    return (
        User.objects.filter(is_active=True, is_staff=True)
        .exclude(email="")
        .exclude(digest_setting__weekly_digest=False)
        .order_by("pk")
    )


def enqueue_digests(now=None):
    """Put this week's digest of every staff owner who has not had it in the outbox."""
    now = now or timezone.now()
    if not due(now):
        return 0
    week = week_of(now)
    count = 0
    for user in recipients().exclude(digest_setting__checked_week=week):
        with transaction.atomic():
            setting, _created = DigestSetting.objects.select_for_update().get_or_create(user=user)
            if setting.checked_week == week:
                continue
            items = items_for(user, now)
            if items:
                key = f"notify:digest:{user.pk}:{week}"
                outbox.enqueue(key=key, **digest_mail(user, items))
                count += 1
            setting.checked_week = week
            setting.save(update_fields=["checked_week"])
    return count


def digest_mail(user, items):
    from . import tokens

    stop = mails.absolute(reverse("notify:digest_off", args=[tokens.digest_token(user)]))
    settings_url = mails.absolute(reverse("notify:digest_settings"))
    return {
        "to": user.email,
        "headers": {
            "List-Unsubscribe": f"<{stop}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        **outbox.render(
            "outbox/notice",
            {
                "subject": _("Ugens oversigt fra børneportalen: %(count)d ting at se på")
                % {"count": len(items)},
                "paragraphs": [
                    _("Hej %(name)s") % {"name": user.get_full_name() or user.get_username()},
                    _(
                        "Det her på dine sider trænger til at blive set efter. Linkene går "
                        "direkte til formularerne i administrationen."
                    ),
                ],
                "links": [{"text": item.text, "url": item.url} for item in items],
                "footer": [
                    {"text": _("Slå den ugentlige oversigt fra med ét klik"), "url": stop},
                    {"text": _("Dine indstillinger"), "url": settings_url},
                ],
            },
        ),
    }
