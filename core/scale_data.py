"""Ten times the seed's data, for the benchmark and the query-count tests: each app's
``<app>/scale.py`` adds its own rows, the way each ``<app>/demo.py`` adds its demo data.

An app's ``create(factor=10)`` adds (factor − 1) times its seed and demo rows, so that
the app holds ``factor`` times as many; returns whether it added anything. Everything it
adds is demo data (names start with ``MARK``, people are ``is_demo``), dated from today
so that the lists of what is coming grow too, and it runs once: a second call adds
nothing. The apps run in ``INSTALLED_APPS`` order, so an app may build on the rows the
apps before it added (bookings on culture's performances). Never on a production
database with real data.
"""

from django.db import transaction

from .contributions import modules

MARK = "Demodata"


def scale_modules():
    """``(app label, module)`` for every installed app with a ``scale.py``."""
    for config, module in modules("scale"):
        yield config.label, module


def create(factor=10):
    """Every app's scale data; returns the labels of the apps that added rows."""
    added = []
    for label, module in scale_modules():
        with transaction.atomic():
            if module.create(factor):
                added.append(label)
    return added
