from django.urls import path

from . import views

app_name = "notify"

urlpatterns = [
    path("abonnement/", views.subscribe, name="subscribe"),
    path("abonnement/bekraeft/<str:token>/", views.confirm, name="confirm"),
    path("abonnement/valg/<str:token>/", views.manage, name="manage"),
    path("abonnement/afmeld/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("medarbejder/ugentlig-oversigt/", views.digest_settings, name="digest_settings"),
    path("medarbejder/ugentlig-oversigt/fra/<str:token>/", views.digest_off, name="digest_off"),
]
