"""Account management for administrators (users, and their two-factor devices).

Users: without a way for an administrator to raise their own rights.

The Administrator group may manage accounts and groups. Only a superuser (the
break-glass account created with ``createsuperuser``) may hand out superuser status or
individual permissions: otherwise an administrator could make themselves a superuser and
step past every rule in ``core.permissions``.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.admin_base import DanishHistoryAdmin

User = get_user_model()


admin.site.unregister(User)
admin.site.unregister(Group)


class AccountHistoryAdmin(DanishHistoryAdmin):
    """Accounts and groups show their history (who changed which rights, and when), but
    an old version is never written back, by a click or a hand-made POST: that would
    hand back rights someone deliberately took away (a group, superuser status). An
    administrator re-enters what should be restored."""

    def revert_disabled(self, request, obj=None):
        return True


@admin.register(Group)
class PortalGroupAdmin(AccountHistoryAdmin, GroupAdmin):
    pass


@admin.register(User)
class PortalUserAdmin(AccountHistoryAdmin, UserAdmin):
    superuser_only_fields = ["is_superuser", "user_permissions"]

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields += self.superuser_only_fields
        return fields

    def get_queryset(self, request):
        # An administrator cannot change a superuser's password or account either.
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(is_superuser=False)

    def has_delete_permission(self, request, obj=None):
        # Not one's own account, by its page or "Slet valgte": the history row the
        # deletion writes names the deleting user, who would be gone (the database
        # refused it at commit, a 500); another administrator deletes it.
        if obj is not None and obj.pk == request.user.pk:
            return False
        return super().has_delete_permission(request, obj)

    def has_view_history_or_change_history_permission(self, request, obj=None):
        # simple-history falls back to the recorded version when get_queryset hides the
        # account; a superuser's history stays out of reach as the account does.
        if (
            obj is not None
            and not request.user.is_superuser
            and User.objects.filter(pk=obj.pk, is_superuser=True).exists()
        ):
            return False
        return super().has_view_history_or_change_history_permission(request, obj)


admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class TwoFactorDeviceAdmin(admin.ModelAdmin):
    """Who has set up two-factor login. An administrator removes the device of a lost
    phone ("Slet valgte"), so that its owner can set up a new one; the secret key is never
    shown (the package's own admin shows it, and its QR code, to anyone who may view
    devices). A list only: the package's field names and help texts are English."""

    list_display = ["staff_member", "device_name", "is_confirmed", "created", "last_used"]
    list_display_links = None
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    fields = ["user", "name", "confirmed", "created_at", "last_used_at"]
    readonly_fields = fields
    list_select_related = ["user"]

    def get_queryset(self, request):
        # Like the user admin: a superuser's account is out of an administrator's reach.
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(user__is_superuser=False)

    def has_add_permission(self, request):
        # A device is only ever created by its owner, on the enrolment page.
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("medarbejder"), ordering="user__username")
    def staff_member(self, obj):
        return obj.user

    @admin.display(description=_("navn"), ordering="name")
    def device_name(self, obj):
        return obj.name

    @admin.display(description=_("bekræftet"), boolean=True, ordering="confirmed")
    def is_confirmed(self, obj):
        return obj.confirmed

    @admin.display(description=_("oprettet"), ordering="created_at")
    def created(self, obj):
        return obj.created_at

    @admin.display(description=_("senest brugt"), ordering="last_used_at")
    def last_used(self, obj):
        return obj.last_used_at
