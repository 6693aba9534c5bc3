"""Reading a model's history (django-simple-history) in code that runs per request.

``Model.history`` is a descriptor that builds a new manager class on every access
(``HistoryManager.from_queryset(...)``), a fraction of a millisecond each time; a page
that reads a history twice paid for it twice. ``history_rows(Model)`` is the historical
model's own manager, looked up once per model through simple-history's public
``get_history_model_for_model``. It holds every historical row, newest first, like
``Model.history`` read on the class.
"""

from functools import cache

from simple_history.utils import get_history_model_for_model


@cache
def history_model(model):
    """The historical model of ``model`` (``HistoricalInstitution`` for ``Institution``)."""
    return get_history_model_for_model(model)


def history_rows(model):
    """Every historical row of ``model``: a manager to filter, newest first."""
    return history_model(model)._default_manager
