from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core import permissions

from .models import Mail


@admin.register(Mail)
class MailAdmin(admin.ModelAdmin):
    """Read-only, for administrators: what was sent, what waits and why (the addresses are
    parents' and staff's, so no other role sees them)."""

    list_display = ["subject", "to", "created", "send_after", "sent_at", "attempts", "last_error"]
    list_filter = ["sent_at", "given_up_at"]
    search_fields = ["to", "subject", "key"]
    date_hierarchy = "created"
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return permissions.is_administrator(request.user)

    def has_module_permission(self, request):
        return permissions.is_administrator(request.user)

    def has_resend_permission(self, request):
        return permissions.is_administrator(request.user)

    @admin.action(description=_("Send de valgte opgivne mails igen"), permissions=["resend"])
    def send_again(self, request, queryset):
        """Mails given up (a setting that was wrong, a mailbox that was full) wait again,
        from their first attempt; a mail already sent is never sent again."""
        waiting_again = queryset.filter(given_up_at__isnull=False, sent_at__isnull=True).update(
            given_up_at=None,
            attempts=0,
            last_error="",
            claimed_until=None,
            claim_token="",
            send_after=timezone.now(),
        )
        if waiting_again:
            self.message_user(
                request,
                ngettext(
                    "%(count)d mail sendes igen ved næste kørsel.",
                    "%(count)d mails sendes igen ved næste kørsel.",
                    waiting_again,
                )
                % {"count": waiting_again},
                messages.SUCCESS,
            )
        else:
            self.message_user(
                request, _("Ingen af de valgte mails var opgivet. Intet er ændret."), messages.INFO
            )
