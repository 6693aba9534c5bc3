"""The notices to subscribers, put in the outbox inside the transaction that saves the
content (notify/receivers.py) or, for the deadline reminder, by the clock before each
``send_notifications`` run. Every key starts with ``notify:`` and names the event and the
subscriber, so an event mails each subscriber once however often it is seen."""

from datetime import timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

import outbox
from core.dates import long_date
from daycare.models import ClosingDay
from outbox.models import Mail, SentKey

from . import mails
from .constants import REMIND_DAYS_BEFORE_DEADLINE, Topic
from .models import Subscriber, Subscription


def subscribers(topic, **place):
    """Confirmed subscribers of ``topic`` (for ``district=…``, ``house=…`` or
    ``board=…``), each with ``districts``: the ids of their districts for this topic."""
    rows = Subscription.objects.filter(
        topic=topic, subscriber__confirmed_at__isnull=False, **place
    ).values_list("subscriber_id", "district_id")
    districts = {}
    for subscriber_id, district_id in rows:
        districts.setdefault(subscriber_id, set()).add(district_id)
    result = list(Subscriber.objects.filter(pk__in=districts).order_by("pk"))
    for subscriber in result:
        subscriber.districts = districts[subscriber.pk]
    return result


def _send(key, subscriber, subject, paragraphs, links=(), send_after=None):
    link_context = mails.links(subscriber)
    outbox.enqueue(
        key=f"{key}:to:{subscriber.pk}",
        to=subscriber.email,
        send_after=send_after,
        headers=mails.headers(link_context),
        **outbox.render(
            "outbox/notice",
            {
                "subject": subject,
                "paragraphs": paragraphs,
                "links": list(links),
                "footer": [
                    {"text": _("Ret dine valg"), "url": link_context["manage_url"]},
                    {"text": _("Afmeld med ét klik"), "url": link_context["unsubscribe_url"]},
                ],
            },
        ),
    )


def _care_lines(day, district_ids):
    """Where alternative care is offered on ``day`` in the subscriber's districts."""
    lines = []
    for care in day.care_places.all():
        if care.district_id in district_ids:
            houses = ", ".join(house.name for house in care.houses.all())
            lines.append(
                _("Alternativ pasning i distrikt %(district)s: %(houses)s.")
                % {
                    "district": care.district.name,
                    "houses": houses or _("stedet er endnu ikke fastlagt"),
                }
            )
    return lines


def _day_paragraphs(day, district_ids):
    paragraphs = [
        _("%(date)s: %(name)s. Alle dagtilbud i Ballerup Kommune holder lukket.")
        % {"date": long_date(day.date).capitalize(), "name": day.name}
    ]
    if day.alternative_care:
        paragraphs += _care_lines(day, district_ids) or [
            _("Der er alternativ pasning. Hvor, er endnu ikke fastlagt.")
        ]
        if day.signup_deadline:
            paragraphs.append(
                _("Tilmelding til alternativ pasning senest %(date)s.")
                % {"date": long_date(day.signup_deadline)}
            )
        if day.signup_text:
            paragraphs.append(day.signup_text)
    else:
        paragraphs.append(_("Der er ikke alternativ pasning denne dag."))
    if day.note:
        paragraphs.append(day.note)
    return paragraphs


def _day_links(day):
    all_days = mails.absolute(reverse("daycare:closing_days"))
    links = [{"text": _("Se alle lukkedage"), "url": all_days}]
    if day.alternative_care and day.signup_url:
        links.insert(0, {"text": _("Tilmeld alternativ pasning"), "url": day.signup_url})
    return links


def _fresh(day):
    return ClosingDay.objects.with_alternative_care().get(pk=day.pk)


# A closing-day notice waits this long before it is sent: staff who correct a day right
# after publishing it send parents one mail, with the corrected day, not two.
SETTLE = timedelta(minutes=10)


def _waiting(prefix):
    """The notices under ``prefix`` that still wait: not sent, and no sender has taken
    them."""
    return Mail.objects.filter(
        key__startswith=prefix, sent_at__isnull=True, claimed_until__isnull=True
    )


def _withdraw_waiting(day):
    """Delete this day's published/changed notices that still wait; returns the ids of
    the subscribers whose "published" notice was among them: they have not yet heard of
    the day, so their new notice is a "new day" one (the others' is a correction)."""
    waiting = _waiting(f"notify:closing-day:{day.pk}:").exclude(key__contains=":deadline:")
    published = waiting.filter(key__contains=":published:").values_list("key", flat=True)
    not_told = {int(key.rpartition(":to:")[2]) for key in published}
    waiting.delete()
    return not_told


def closing_day_withdrawn(day):
    """A day made a draft again or deleted: every notice of it that still waits (its
    sign-up deadline's too) is withdrawn; parents are not told of a day that is gone."""
    _waiting(f"notify:closing-day:{day.pk}:").delete()
    for care in day.care_places.values_list("pk", flat=True):
        _waiting(f"notify:alternative-care:{care}:").delete()


def alternative_care_withdrawn(care):
    """A place of alternative care deleted: its notices that still wait are withdrawn."""
    _waiting(f"notify:alternative-care:{care.pk}:").delete()


def closing_day_published(day, changed=False):
    """A day published, or changed after it was published. A notice still waiting for
    the same day is replaced by this one, decided per subscriber: whoever has had the
    "published" notice (or has it on its way: a sender took it) gets a "changed" one;
    whoever's "published" notice still waited gets that one instead, with the day as it
    is now. One mail per subscriber and change, never none."""
    day = _fresh(day)
    not_told = _withdraw_waiting(day)
    new_day = {
        "key": f"notify:closing-day:{day.pk}:published:{day.published_at:%Y%m%dT%H%M%S.%f}",
        "subject": _("Ny lukkedag: %(date)s") % {"date": long_date(day.date)},
        "first": [],
    }
    correction = {
        "key": f"notify:closing-day:{day.pk}:changed:{day.changed_at:%Y%m%dT%H%M%S.%f}",
        "subject": _("Ændret lukkedag: %(date)s") % {"date": long_date(day.date)},
        "first": [_("En lukkedag er ændret. Sådan ser den ud nu:")],
    }
    send_after = timezone.now() + SETTLE
    for subscriber in subscribers(Topic.CLOSING_DAYS):
        notice = correction if changed and subscriber.pk not in not_told else new_day
        paragraphs = notice["first"] + _day_paragraphs(day, subscriber.districts)
        _send(
            notice["key"],
            subscriber,
            notice["subject"],
            paragraphs,
            _day_links(day),
            send_after=send_after,
        )


def _told(prefix, waiting):
    """Per subscriber id, the key of the newest notice under ``prefix`` to them that no
    longer waits (sent, or taken by a sender), also when the outbox has deleted the mail
    and kept only its key (``SentKey``)."""
    kept = SentKey.objects.filter(key__startswith=prefix).values_list("created", "pk", "key")
    sent = (
        Mail.objects.filter(key__startswith=prefix)
        .exclude(pk__in=waiting.values("pk"))
        .values_list("created", "pk", "key")
    )
    # Oldest first (a kept key before a mail of the same moment): the newest one wins.
    rows = sorted(
        [(c, 0, pk, key) for c, pk, key in kept] + [(c, 1, pk, key) for c, pk, key in sent]
    )
    return {int(key.rpartition(":to:")[2]): key for *_order, key in rows}


def _houses_told(key, prefix):
    """The houses a notice's key names: ``…opened:3-7:to:…``, ``…changed:3-7[:when]:to:…``."""
    return key[len(prefix) :].rpartition(":to:")[0].split(":")[1]


def alternative_care_changed(care):
    """A district's places for alternative care set or changed for a published day,
    decided per subscriber.

    Whoever has not been told of the places yet (their opening notice still waited, say)
    hears at once that sign-up opens and where. Whoever was told of other places hears of
    the new ones after ``SETTLE`` (staff who correct the places right away send one mail,
    with the places as they end up), every time they change; going back to the places a
    subscriber was last told of sends them nothing. No places at all sends nothing: the
    pages say the place is not set yet."""
    day = _fresh(care.closing_day)
    if not (day.is_published and day.alternative_care):
        return
    houses = "-".join(str(pk) for pk in sorted(care.houses.values_list("pk", flat=True)))
    if not houses:
        return
    prefix = f"notify:alternative-care:{care.pk}:"
    waiting = _waiting(prefix)
    told = _told(prefix, waiting)
    waiting.delete()
    names = {"date": long_date(day.date), "district": care.district.name}
    now = timezone.now()
    opening = {
        "key": f"{prefix}opened:{houses}",
        "send_after": None,
        "first": _("Nu kan du tilmelde dit barn alternativ pasning."),
        "subject": _("Alternativ pasning %(date)s i distrikt %(district)s") % names,
    }
    change = {
        # With the time: places changed back and forth are told every time.
        "key": f"{prefix}changed:{houses}:{now:%Y%m%dT%H%M%S.%f}",
        "send_after": now + SETTLE,
        "first": _("Stedet for alternativ pasning er ændret. Sådan ser det ud nu:"),
        "subject": _("Nyt sted for alternativ pasning %(date)s i distrikt %(district)s") % names,
    }
    for subscriber in subscribers(Topic.CLOSING_DAYS, district=care.district_id):
        last = told.get(subscriber.pk)
        if last is None:
            notice = opening
        elif _houses_told(last, prefix) == houses:
            continue  # back to the places this subscriber was last told of
        else:
            notice = change
        _send(
            notice["key"],
            subscriber,
            notice["subject"],
            [notice["first"]] + _day_paragraphs(day, {care.district_id}),
            _day_links(day),
            send_after=notice["send_after"],
        )


def deadline_reminders(today=None):
    """Three days before a sign-up deadline (or less, if a run was missed), once per
    deadline: a changed deadline is reminded of again."""
    today = today or timezone.localdate()
    days = (
        ClosingDay.objects.published()
        .filter(
            alternative_care=True,
            signup_deadline__gte=today,
            signup_deadline__lte=today + timedelta(days=REMIND_DAYS_BEFORE_DEADLINE),
        )
        .with_alternative_care()
    )
    recipients = None
    for day in days:
        if recipients is None:
            recipients = subscribers(Topic.CLOSING_DAYS)
        subject = _("Husk tilmelding til alternativ pasning senest %(date)s") % {
            "date": long_date(day.signup_deadline)
        }
        with transaction.atomic():
            for subscriber in recipients:
                _send(
                    f"notify:closing-day:{day.pk}:deadline:{day.signup_deadline:%Y-%m-%d}",
                    subscriber,
                    subject,
                    [
                        _("Fristen for at tilmelde dit barn alternativ pasning er %(date)s.")
                        % {"date": long_date(day.signup_deadline)}
                    ]
                    + _day_paragraphs(day, subscriber.districts),
                    _day_links(day),
                )


def report_published(report):
    house = report.unit
    subject = _("Ny tilsynsrapport for %(house)s") % {"house": house.name}
    for subscriber in subscribers(Topic.REPORTS, house=house.pk):
        _send(
            f"notify:inspection-report:{report.pk}:published",
            subscriber,
            subject,
            [
                _("Der er offentliggjort en tilsynsrapport for %(house)s fra tilsynet %(date)s.")
                % {"house": house.name, "date": long_date(report.visit_date)},
                report.summary,
            ],
            [
                {
                    "text": _("Læs rapporten (PDF)"),
                    "url": mails.absolute(report.get_absolute_url()),
                },
                {"text": house.name, "url": mails.absolute(house.get_absolute_url())},
            ],
        )


def minutes_published(meeting):
    """Every board's minutes go to its subscribers: a district's board's and Dagplejen's
    own (which has no district) alike. One key per meeting: mailed once."""
    board = meeting.board
    subject = _("Nyt referat fra %(board)s") % {"board": board.name}
    for subscriber in subscribers(Topic.MINUTES, board=board.pk):
        _send(
            f"notify:board-minutes:{meeting.pk}:published",
            subscriber,
            subject,
            [
                _("Referatet af mødet %(date)s i %(board)s er lagt på portalen.")
                % {"date": long_date(meeting.date), "board": board.name}
            ],
            [{"text": _("Læs referatet"), "url": mails.absolute(board.get_absolute_url())}],
        )
