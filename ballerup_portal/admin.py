"""User management for administrators, without a way to raise their own rights.

The Administrator group may manage accounts and groups. Only a superuser (the
break-glass account created with ``createsuperuser``) may hand out superuser status or
individual permissions: otherwise an administrator could make themselves a superuser and
step past every rule in ``ballerup_portal.permissions``.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

User = get_user_model()


admin.site.unregister(User)


@admin.register(User)
class PortalUserAdmin(UserAdmin):
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
