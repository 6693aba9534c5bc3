"""One row per mail the portal will send (or has sent)."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def _now():
    # Through the module attribute, so that tests can control the clock.
    return timezone.now()


class Mail(models.Model):
    # Who the mail is for and what it is about, e.g. "closing-day:12:changed:2026-12-03T10:00"
    # or "booking:481:confirmed": a second enqueue with the same key adds nothing.
    key = models.CharField(_("nøgle"), max_length=200, unique=True)
    to = models.EmailField(_("modtager"), max_length=254)
    subject = models.CharField(_("emne"), max_length=255)
    text = models.TextField(_("tekst"))
    html = models.TextField(_("HTML"), blank=True)
    # Extra headers, e.g. List-Unsubscribe; the Message-ID is always derived from the key.
    headers = models.JSONField(_("ekstra headere"), default=dict, blank=True)
    created = models.DateTimeField(_("oprettet"), default=_now)
    send_after = models.DateTimeField(_("sendes tidligst"), default=_now)
    # A sender that has taken the mail owns it until then; after a crash the claim runs out
    # and another run sends it.
    claimed_until = models.DateTimeField(_("taget af en afsender indtil"), null=True, blank=True)
    # Which run holds the claim (random, new for every claim): a run that lost its lease
    # (another run took the mail over) changes nothing on the mail but "sent".
    claim_token = models.CharField(max_length=32, blank=True, editable=False)
    attempts = models.PositiveIntegerField(_("forsøg"), default=0)
    last_error = models.TextField(_("seneste fejl"), blank=True)
    sent_at = models.DateTimeField(_("sendt"), null=True, blank=True)
    # Set when the mail server refused the mail for good (an unknown address, say).
    given_up_at = models.DateTimeField(_("opgivet"), null=True, blank=True)

    class Meta:
        verbose_name = _("mail")
        verbose_name_plural = _("mails")
        ordering = ["-created"]
        indexes = [
            # The sender's question: which mails are waiting, oldest due first.
            models.Index(
                fields=["send_after", "id"],
                name="outbox_mail_waiting",
                condition=Q(sent_at__isnull=True, given_up_at__isnull=True),
            ),
        ]

    def __str__(self):
        return f"{self.to}: {self.subject}"

    @property
    def waiting(self):
        return self.sent_at is None and self.given_up_at is None


class SentKey(models.Model):
    """The key of a mail that ``prune`` deleted (30 days after it was sent or given up):
    the mail's text and address are gone, but ``enqueue`` still knows it was made, so the
    same event seen again later (a place put back, a report published again) adds nothing.
    Kept for ``sending.KEEP_KEYS``."""

    key = models.CharField(_("nøgle"), max_length=200, unique=True)
    # When the mail was put in the outbox: the order the events were told in.
    created = models.DateTimeField(_("oprettet"))

    class Meta:
        verbose_name = _("nøgle på slettet mail")
        verbose_name_plural = _("nøgler på slettede mails")

    def __str__(self):
        return self.key
