from django.urls import path

from .views import closing_days

app_name = "daycare"

urlpatterns = [
    path("lukkedage/", closing_days.closing_days, name="closing_days"),
    path("lukkedage.ics", closing_days.feed, name="closing_days_feed"),
    path(
        "lukkedage/<slug:district_slug>.ics",
        closing_days.feed,
        name="closing_days_district_feed",
    ),
]
