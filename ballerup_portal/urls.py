from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Ballerup børneportal – administration")
admin.site.site_title = _("Ballerup børneportal")
admin.site.index_title = _("Administration")

urlpatterns = [
    path("", include("pages.urls")),
    path("", include("search.urls")),
    path("", include("operations.urls")),
    path("", include("districts.urls")),
    path("", include("daycare.urls")),
    path("", include("culture.urls")),
    path("", include("governance.urls")),
    path("", include("notify.urls")),
    path("", include("bookings.urls")),
    path("admin/", admin.site.urls),
]

handler500 = "pages.views.server_error"
