"""The portal's admin site: Django's admin behind the two-factor login.

It becomes ``django.contrib.admin.site`` (``PortalAdminConfig.default_site``), so the
apps register their models as usual. With ``settings.REQUIRE_2FA`` on, a staff member
gets in only with a login verified by a confirmed TOTP device; one without a device is
sent to enrolment after the password step.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp import login as otp_login

from . import two_factor
from .forms import ConfirmDeviceForm, PortalAdminLoginForm


class PortalAdminSite(admin.AdminSite):
    login_form = PortalAdminLoginForm
    login_template = "admin/portal_login.html"

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not settings.REQUIRE_2FA or request.user.is_verified()

    def login(self, request, extra_context=None):
        if request.method == "GET" and two_factor.needs_enrolment(request.user):
            return redirect(self.enrol_url(request))
        response = super().login(request, extra_context)
        # After the password step request.user is the staff member just logged in.
        if request.method == "POST" and two_factor.needs_enrolment(request.user):
            return redirect(self.enrol_url(request))
        return response

    def enrol_url(self, request):
        url = reverse("admin:two_factor_enrol", current_app=self.name)
        next_url = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
        return f"{url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}" if next_url else url

    def get_urls(self):
        return [
            path("2fa/", self.two_factor_enrol, name="two_factor_enrol"),
            *super().get_urls(),
        ]

    @method_decorator(never_cache)
    @method_decorator(csrf_protect)
    def two_factor_enrol(self, request):
        """Set up an authenticator app: QR code and key, confirmed by one code.

        Deliberately not behind ``admin_view``: staff who must enrol have no admin access
        until they have done so.
        """
        if not two_factor.may_enrol(request.user):
            return redirect_to_login(
                request.get_full_path(), reverse("admin:login", current_app=self.name)
            )
        device = two_factor.pending_device(request.user)
        form = ConfirmDeviceForm(request.POST or None, device=device)
        if request.method == "POST" and form.is_valid():
            device.refresh_from_db()
            otp_login(request, device)
            messages.success(
                request, _("To-trinslogin er sat op. Fremover skal du bruge en engangskode.")
            )
            next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
            if not url_has_allowed_host_and_scheme(
                next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                next_url = reverse("admin:index", current_app=self.name)
            return redirect(next_url)
        context = {
            **self.each_context(request),
            "title": _("Sæt to-trinslogin op"),
            "form": form,
            "qr_svg": two_factor.qr_code_svg(device),
            "secret": two_factor.secret_text(device),
            "has_device": two_factor.has_confirmed_device(request.user),
            "required": settings.REQUIRE_2FA,
        }
        request.current_app = self.name
        return TemplateResponse(request, "admin/two_factor_enrol.html", context)
