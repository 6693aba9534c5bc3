from django.contrib import admin

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
