from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from . import views

admin.site.site_header = _("Ballerup børneportal – administration")
admin.site.site_title = _("Ballerup børneportal")
admin.site.index_title = _("Administration")

urlpatterns = [
    path("", views.home, name="home"),
    path("was", views.accessibility_statement, name="accessibility_statement"),
    path("was/", RedirectView.as_view(pattern_name="accessibility_statement", permanent=True)),
    path("privatliv", views.privacy, name="privacy"),
    path("privatliv/", RedirectView.as_view(pattern_name="privacy", permanent=True)),
    path("soeg/", views.search_page, name="search"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("", include("districts.urls")),
    path("", include("daycare.urls")),
    path("", include("culture.urls")),
    path("", include("governance.urls")),
    path("", include("bookings.urls")),
    path("", include("notify.urls")),
    path("admin/", admin.site.urls),
]

handler500 = "ballerup_portal.views.server_error"
