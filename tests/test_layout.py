"""The layout shows the architecture (issue 22.1): the project package is wiring, shared
apps import no feature app, and a feature app imports only ``districts`` (the base of
the domain) and the shared apps. Read from the source with ``ast``, so an import added
anywhere (a function's body, a migration) fails here."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SHARED = {"ballerup_portal", "core", "accounts", "search", "pages", "operations", "caching"}
BASE = "districts"
FEATURES = {"districts", "culture", "daycare", "governance", "bookings", "outbox", "notify"}

# Imports between feature apps that are known and allowed, each with its reason. An
# import not listed here fails the test; so does a listed one that no longer exists.
ALLOWED = {
    # Bookings are of culture's offers, by culture's networks.
    ("bookings", "culture"): "bookings extend culture (offers of its networks)",
    # The mail queue: apps that send mail put it there.
    ("bookings", "outbox"): "outbox is the mail queue",
    ("notify", "outbox"): "outbox is the mail queue",
    # Subscriptions are to what these apps publish.
    ("notify", "culture"): "notices of new culture events",
    ("notify", "daycare"): "notices of closing days and inspection reports",
    ("notify", "governance"): "notices of board meetings",
}

# Modules of the project package that belong to other concerns and move in their own
# branches (the page cache, the scale data); everything else there is wiring.
WIRING = {"__init__.py", "apps.py", "models.py", "urls.py", "wsgi.py", "asgi.py"}
WIRING_DIRS = {"settings", "migrations"}
MOVING_OUT = {"__pycache__"}


def imported_apps(path):
    """The top-level packages ``path`` imports (absolute imports only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0], node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0], node.lineno


def imports_of(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        for imported, line in imported_apps(path):
            if imported in FEATURES and imported != app:
                yield imported, f"{path.relative_to(ROOT)}:{line}"


def test_shared_apps_import_no_feature_app():
    found = [
        f"{where} imports {imported}"
        for app in sorted(SHARED)
        if (ROOT / app).is_dir()
        for imported, where in imports_of(app)
    ]
    assert found == []


def test_feature_apps_import_only_districts_and_shared_apps():
    found = {}
    for app in sorted(FEATURES):
        for imported, where in imports_of(app):
            if imported != BASE:
                found.setdefault((app, imported), []).append(where)
    unexpected = {edge: where for edge, where in found.items() if edge not in ALLOWED}
    assert unexpected == {}
    assert set(ALLOWED) - set(found) == set(), "allowed but gone: remove it from ALLOWED"


def test_the_project_package_is_wiring():
    package = ROOT / "ballerup_portal"
    extra = [
        entry.name
        for entry in package.iterdir()
        if entry.name not in WIRING | WIRING_DIRS | MOVING_OUT
    ]
    assert extra == []


def test_every_app_plugs_in_through_modules_not_a_central_list():
    """The settings list no app's fixtures, and the shared registries are filled by the
    apps: each feature app with pages names them in its own navigation.py."""
    from django.conf import settings

    from core import navigation

    assert not hasattr(settings, "SEED_FIXTURES")
    for app in ("districts", "culture", "daycare", "governance"):
        assert (ROOT / app / "navigation.py").exists()
        assert any(name.startswith(f"{app}:") for name in navigation.PAGES)
