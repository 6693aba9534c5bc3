"""Staff pages outside the admin (the booking pages, a staff member's own settings) open
on the same terms as the admin: a staff login, verified by its authenticator app where
two-factor login is required (``PortalAdminSite.has_permission``)."""

from functools import wraps

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse


def staff_required(view):
    """Behind the portal's staff login (two-factor included where it is required)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not admin.site.has_permission(request):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        return view(request, *args, **kwargs)

    return wrapped
