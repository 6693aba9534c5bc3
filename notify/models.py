"""Parents' e-mail subscriptions and the staff's digest setting.

A subscriber is an e-mail address and nothing else: no name, no child, no login. The
address is stored when someone signs up, deleted 48 hours later unless the confirmation
link was followed, and deleted at once when its owner unsubscribes.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import CONFIRM_WITHIN, Topic


def _now():
    return timezone.now()


def new_secret():
    return secrets.token_urlsafe(16)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def pending(self):
        return self.filter(confirmed_at__isnull=True)

    def expired(self, now=None):
        return self.pending().filter(created__lt=(now or timezone.now()) - CONFIRM_WITHIN)


class Subscriber(models.Model):
    email = models.EmailField(_("e-mailadresse"), max_length=254, unique=True)
    created = models.DateTimeField(_("tilmeldt"), default=_now)
    confirmed_at = models.DateTimeField(_("bekræftet"), null=True, blank=True)
    # Part of every signed link: a new sign-up after unsubscribing gets new links, and the
    # old ones stop working.
    secret = models.CharField(max_length=32, default=new_secret, editable=False)
    # Raised whenever the person takes a choice off: a confirmation link carries the value
    # it was sent with, so an older link cannot bring back what the person ended.
    choices_version = models.PositiveIntegerField(default=0, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonnent")
        verbose_name_plural = _("abonnenter")
        ordering = ["email"]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self):
        return self.confirmed_at is not None

    def confirm(self, now=None):
        """The address is confirmed by the first click on the link; a later click
        changes nothing."""
        if self.confirmed_at is None:
            self.confirmed_at = now or timezone.now()
            self.save(update_fields=["confirmed_at"])


class Subscription(models.Model):
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    topic = models.CharField(_("emne"), max_length=20, choices=Topic.choices)
    # Closing days are per district, inspection reports per house, minutes per parent
    # board (a board is not its district: Dagplejen sits under Hedegård's board and has
    # its own, which has no district).
    district = models.ForeignKey(
        "districts.District", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    house = models.ForeignKey(
        "districts.Institution", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    board = models.ForeignKey(
        "governance.Board", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnementer")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "topic", "district"],
                condition=Q(district__isnull=False),
                name="notify_one_subscription_per_district",
            ),
            models.UniqueConstraint(
                fields=["subscriber", "topic", "house"],
                condition=Q(house__isnull=False),
                name="notify_one_subscription_per_house",
            ),
            models.UniqueConstraint(
                fields=["subscriber", "topic", "board"],
                condition=Q(board__isnull=False),
                name="notify_one_subscription_per_board",
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        topic=Topic.REPORTS,
                        house__isnull=False,
                        district__isnull=True,
                        board__isnull=True,
                    )
                    | Q(
                        topic=Topic.CLOSING_DAYS,
                        district__isnull=False,
                        house__isnull=True,
                        board__isnull=True,
                    )
                    | Q(
                        topic=Topic.MINUTES,
                        board__isnull=False,
                        district__isnull=True,
                        house__isnull=True,
                    )
                ),
                name="notify_subscription_has_its_place",
            ),
        ]

    def __str__(self):
        place = self.district or self.house or self.board
        return f"{self.subscriber}: {self.get_topic_display()} ({place})"


class SignupAttempt(models.Model):
    """One confirmation mail asked for: counted against the per-address and per-client
    limits. Only keyed digests of the address and the client address are kept (not the
    addresses themselves), for a day."""

    address_digest = models.CharField(max_length=64, db_index=True)
    client_digest = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(default=_now, db_index=True)

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M}"


class DigestSetting(models.Model):
    """A staff member's choice about the weekly digest (on unless switched off)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digest_setting",
        verbose_name=_("bruger"),
    )
    weekly_digest = models.BooleanField(
        _("ugentlig oversigt på e-mail"),
        default=True,
        help_text=_("En mail hver uge med det på dine sider, der trænger til at blive set efter."),
    )
    # The ISO week ("2026-W49") whose digest was last looked into: an empty digest is not
    # sent, and not worked out again every few minutes either.
    checked_week = models.CharField(max_length=10, blank=True, editable=False)

    class Meta:
        verbose_name = _("indstilling for ugentlig oversigt")
        verbose_name_plural = _("indstillinger for ugentlig oversigt")

    def __str__(self):
        return str(self.user)
