from django.urls import path

from . import views

app_name = "governance"

urlpatterns = [
    path("bestyrelser/", views.board_list, name="board_list"),
    path("bestyrelser/<slug:slug>/", views.board_detail, name="board_detail"),
    path("bestyrelser/<slug:slug>/referater/", views.board_minutes, name="board_minutes"),
    path("bestyrelser/vedtaegter/<int:pk>.pdf", views.bylaws_file, name="bylaws_file"),
]
