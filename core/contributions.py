"""How an app plugs into the portal: one module per kind of contribution, found by name.

Nothing central lists the apps. An app contributes to the portal by having a module of a
known name in its package; the shared app that owns the contribution finds it through
this module, for every installed app, in the order of ``INSTALLED_APPS``:

- ``<app>/navigation.py``: ``core.navigation.register_page(...)`` calls, the app's named
  pages and its main-menu entries (read by ``core`` at start-up).
- ``<app>/search.py``: ``search.engine.register(...)`` and ``register_page(...)`` calls,
  what the site search finds (``search``, at start-up).
- ``<app>/front_page.py``: ``pages.front_page.register_section(...)`` and
  ``register_link(...)`` calls (``pages``, at start-up).
- ``<app>/admin_index.py``: ``accounts.admin_index.register_group(...)`` and
  ``add(...)`` calls, the app's lists and shortcuts on the admin index by task, and
  ``add_user_links(...)``, its links in the admin's header (``accounts``, at start-up).
- ``<app>/seed.py``: ``FIXTURES = [(file in fixtures/, mode)]``, mode ``"once"`` or
  ``"update"`` (``manage.py load_seed``, app by app).
- ``<app>/demo.py``: ``create()`` adds the app's demo data once and returns whether it
  added anything (``manage.py create_demo``).
- ``<app>/scale.py``: ``create(factor)`` adds ``factor`` times the seed's rows of the
  app, as demo data (``manage.py create_scale_data``).

The first four register into a registry when imported: their owner's
``AppConfig.ready`` imports them once with ``autodiscover(name)``. The others are
read when their command runs, with ``modules(name)``. A new app therefore plugs in by
adding modules, and a shared app never imports a feature app (tests/test_layout.py).
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps


def modules(name):
    """``(app_config, module)`` for every installed app that has a module ``name``, in
    the order of ``INSTALLED_APPS``."""
    for config in apps.get_app_configs():
        module_name = f"{config.name}.{name}"
        if find_spec(module_name) is not None:
            yield config, import_module(module_name)


def autodiscover(name):
    """Import every app's module ``name`` (which registers what it contributes)."""
    return [module for _config, module in modules(name)]
