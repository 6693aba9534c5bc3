from django.contrib import admin

from .models import Mail


@admin.register(Mail)
class MailAdmin(admin.ModelAdmin):
    """Read-only: what was sent, what waits and why."""

    list_display = ["subject", "to", "created", "send_after", "sent_at", "attempts", "last_error"]
    list_filter = ["sent_at", "given_up_at"]
    search_fields = ["to", "subject", "key"]
    date_hierarchy = "created"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
