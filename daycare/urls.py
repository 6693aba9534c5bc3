from django.urls import path

from .views import closing_days, inspection, section

app_name = "daycare"

urlpatterns = [
    path("dagtilbud/", section.about, name="about"),
    path("dagtilbud/organisering/", section.organisation, name="organisation"),
    path("dagtilbud/samarbejdspartnere/", section.partners, name="partners"),
    path("dagtilbud/vision/", section.vision, name="vision"),
    path("lukkedage/", closing_days.closing_days, name="closing_days"),
    path(
        "lukkedage/<slug:district_slug>/",
        closing_days.closing_days,
        name="closing_days_district",
    ),
    path("lukkedage.ics", closing_days.feed, name="closing_days_feed"),
    path(
        "lukkedage/<slug:district_slug>.ics",
        closing_days.feed,
        name="closing_days_district_feed",
    ),
    path("tilsyn/", inspection.inspection_reports, name="inspection_reports"),
    path(
        "tilsyn/rapport/<int:pk>.pdf",
        inspection.inspection_report_file,
        name="inspection_report_file",
    ),
    path(
        "tilsyn/<slug:slug>/seneste.pdf",
        inspection.latest_inspection_report,
        name="latest_inspection_report",
    ),
]
