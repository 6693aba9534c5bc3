"""The portal's admin site: Django's admin behind the two-factor login.

It becomes ``django.contrib.admin.site`` (``PortalAdminConfig.default_site``), so the
apps register their models as usual. With ``settings.REQUIRE_2FA`` on, a staff member
gets in only with a login verified by a confirmed TOTP device; one without a device is
sent to enrolment after the password step.
"""

from functools import update_wrapper

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.utils import unquote
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes import views as contenttype_views
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django_otp import login as otp_login

from core import permissions
from core.admin_base import parse_id

from . import admin_index, two_factor
from .forms import ConfirmDeviceForm, PortalAdminLoginForm


def _ids_are_well_formed(model_admin, args, kwargs):
    """The ids in an admin URL of ``model_admin``'s model, and of its history version,
    can be ids at all (``5/change`` or ``abc`` cannot)."""
    object_id = kwargs.get("object_id", kwargs.get("id", args[0] if args else None))
    if object_id is not None and parse_id(model_admin.model._meta.pk, unquote(object_id)) is None:
        return False
    version_id = kwargs.get("version_id", args[1] if len(args) > 1 else None)
    history = getattr(model_admin.model, "history", None)
    return not (
        version_id is not None
        and history is not None
        and parse_id(history.model._meta.pk, version_id) is None
    )


def _drop_malformed_selection(model_admin, request):
    """An admin action runs on the posted ids (``pk__in``): one that cannot be an id
    (``abc``, a number no column holds) would fail deep in the database. It selects
    nothing, like an id no row has."""
    selected = request.POST.getlist(ACTION_CHECKBOX_NAME)
    field = model_admin.model._meta.pk
    well_formed = [raw for raw in selected if parse_id(field, raw) is not None]
    if len(well_formed) != len(selected):
        post = request.POST.copy()
        post.setlist(ACTION_CHECKBOX_NAME, well_formed)
        request.POST = post


def _may_use(user, perm):
    """A shortcut's permission: a model permission, or administrators only (None)."""
    if perm is None:
        return permissions.is_administrator(user)
    return user.has_perm(perm)


def help_anchor(user):
    """The part of the guide for ``user``'s role."""
    if not user.is_authenticated:
        return ""
    if permissions.is_administrator(user):
        return "administrator"
    names = set(user.groups.values_list("name", flat=True))
    if permissions.DISTRICT_LEADER in names:
        return "distriktsleder"
    if permissions.CULTURE_NETWORK in names:
        return "kulturnetvaerk"
    return ""


class PortalAdminSite(admin.AdminSite):
    login_form = PortalAdminLoginForm
    login_template = "admin/portal_login.html"

    def admin_view(self, view, cacheable=False):
        """Every model admin view, the ones packages add included (history, restore,
        password, devices, lock-outs), answers 404 to a malformed id instead of failing
        deep inside with a ValueError; an action leaves malformed selected ids out."""
        model_admin = getattr(view, "__self__", None)
        if isinstance(model_admin, admin.ModelAdmin):
            inner = view

            def view(request, *args, **kwargs):
                if not _ids_are_well_formed(model_admin, args, kwargs):
                    raise Http404
                if request.method == "POST":
                    _drop_malformed_selection(model_admin, request)
                return inner(request, *args, **kwargs)

            update_wrapper(view, inner)
        return super().admin_view(view, cacheable)

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

    def get_app_list(self, request, app_label=None):
        """On the index and in the side bar: the lists grouped by task (``admin_index``).
        An app's own page (``/admin/daycare/``) lists its models as Django does."""
        apps = super().get_app_list(request, app_label)
        if app_label is not None:
            return apps
        models = {
            f"{app['app_label']}.{model['object_name']}": model
            for app in apps
            for model in app["models"]
        }
        groups = []
        for name, slug, labels, shortcuts in admin_index.task_groups():
            entries = [
                {"name": label, "object_name": url_name.rsplit("_", 1)[-1],
                 "admin_url": reverse(url_name, current_app=self.name), "add_url": None,
                 "shortcut": True}
                for label, url_name, perm in shortcuts
                if _may_use(request.user, perm)
            ]  # fmt: skip
            entries += [models.pop(label) for label in labels if label in models]
            if entries:
                groups.append(self._group(name, slug, entries))
        if models:  # a list no group names yet: not hidden
            groups.append(self._group(_("Andet"), "andet", list(models.values())))
        return groups

    def _group(self, name, slug, entries):
        first = next((e["admin_url"] for e in entries if e.get("admin_url")), "")
        return {"name": name, "app_label": slug, "app_url": first,
                "has_module_perms": True, "models": entries}  # fmt: skip

    def each_context(self, request):
        context = super().each_context(request)
        context["help_anchor"] = help_anchor(request.user)
        return context

    def help_view(self, request):
        """The staff guide: the tasks of each role, step by step (``admin/help.html``)."""
        context = {
            **self.each_context(request),
            "title": _("Hjælp til administrationen"),
            "is_administrator": permissions.is_administrator(request.user),
        }
        request.current_app = self.name
        return TemplateResponse(request, "admin/help.html", context)

    def view_on_site(self, request, content_type_id, object_id):
        """The "view on site" shortcut (``/admin/r/<type>/<id>/``), only for an object of
        a model this admin shows and that the user may view: Django's own checks nothing
        but admin access, so any staff login could learn where any object lives (a
        draft's existence, a private address)."""
        type_id = parse_id(ContentType._meta.pk, content_type_id)
        try:
            model = ContentType.objects.get_for_id(type_id).model_class() if type_id else None
        except ContentType.DoesNotExist:
            raise Http404 from None
        if model is None or not self.is_registered(model):
            raise Http404
        model_admin = self.get_model_admin(model)
        obj = model_admin.get_object(request, unquote(object_id))
        if obj is None or not model_admin.has_view_permission(request, obj):
            raise Http404
        return contenttype_views.shortcut(request, content_type_id, object_id)

    def get_urls(self):
        return [
            path("hjaelp/", self.admin_view(self.help_view), name="help"),
            path("2fa/", self.two_factor_enrol, name="two_factor_enrol"),
            # Anyone logged in may log out, also after the password step alone (Django
            # puts its logout behind admin access, which that step does not give).
            path("logout/", self.logout_any, name="logout"),
            # Before Django's own route of the same name and address, which it replaces.
            path(
                "r/<path:content_type_id>/<path:object_id>/",
                self.admin_view(self.view_on_site),
                name="view_on_site",
            ),
            *super().get_urls(),
        ]

    @method_decorator(never_cache)
    def logout_any(self, request):
        """Django's admin logout (POST only, CSRF-protected) for any logged-in user."""
        if not request.user.is_authenticated:
            return redirect(reverse("admin:login", current_app=self.name))
        return self.logout(request)

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
        form = ConfirmDeviceForm(request.POST or None, request=request)
        if request.method == "POST" and form.is_valid():
            otp_login(request, form.device)
            # The session gains the admin here: a new key, as at a login with a code
            # (django_otp.login does not renew it).
            request.session.cycle_key()
            messages.success(
                request, _("To-trinslogin er sat op. Fremover skal du bruge en engangskode.")
            )
            next_url = request.GET.get(REDIRECT_FIELD_NAME, "")
            if not url_has_allowed_host_and_scheme(
                next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                next_url = reverse("admin:index", current_app=self.name)
            return redirect(next_url)
        device = two_factor.pending_device(request)
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
