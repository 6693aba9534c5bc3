from django.urls import path

from . import views

app_name = "bookings"

urlpatterns = [
    path("kultur/forestillinger/<int:pk>/", views.offer_detail, name="offer_detail"),
    path("kultur/forestillinger/<int:pk>/book/", views.book, name="book"),
    path("kultur/<slug:slug>/forestillinger/", views.network_offers, name="network_offers"),
    path("booking/", views.our_bookings, name="our_bookings"),
    path("booking/<int:pk>/aflys/", views.cancel_own, name="cancel_own"),
    path("booking/<int:pk>/evaluering/", views.evaluate, name="evaluate"),
    path(
        "booking/kalender/<int:institution_pk>/ny-adresse/",
        views.renew_feed,
        name="renew_feed",
    ),
    path("booking/kalender/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
    path("booking/netvaerk/", views.network_overview, name="network_overview"),
    path("booking/netvaerk/<int:pk>/", views.offer_bookings, name="offer_bookings"),
    path(
        "booking/netvaerk/<int:pk>/deltagerliste/",
        views.attendance_list,
        name="attendance_list",
    ),
    path(
        "booking/netvaerk/<int:pk>/deltagerliste.csv",
        views.attendance_csv,
        name="attendance_csv",
    ),
    path("booking/netvaerk/booking/<int:pk>/aflys/", views.network_cancel, name="network_cancel"),
    path("booking/netvaerk/booking/<int:pk>/flyt/", views.network_move, name="network_move"),
]
