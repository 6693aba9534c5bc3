from django.urls import path  # noqa: F401

app_name = "daycare"

urlpatterns = []

from .views import inspection  # noqa: E402

urlpatterns += [
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
