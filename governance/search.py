"""The parent boards in the site search."""

from django.utils.translation import gettext_lazy as _

from search import engine as search

from .models import Board


def board(board):
    return board.name, search.Result(board.name, board.get_absolute_url())


search.register(
    _("Forældrebestyrelser"),
    lambda: Board.objects.select_related("district"),
    board,
    order=4,
    words="bestyrelse bestyrelser forældrebestyrelse forældrebestyrelser",
)
search.register_page(
    "governance:board_list",
    _("Forældrebestyrelser og husråd"),
    _("bestyrelse forældrebestyrelse husråd valg forældremøde vedtægter referater"),
)
