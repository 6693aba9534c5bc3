"""Which release rendered a page: part of every shared page's key (``keys.page_key``).

During a rolling deploy the hosts run two releases at once, and ``migrate`` has already
made a new content version: without this, a host still on the old code would fill the
shared cache with pages of the old templates under the new version, and every host would
serve them until the next save or midnight. Each release keeps its pages under its own
keys instead. The release is ``RELEASE_ID`` when the deploy sets one (a commit id), or
else a digest of the code and templates that make a page: the same files give the same
id on every host."""

import hashlib
import os
from functools import cache
from pathlib import Path

from django.conf import settings

# What a page is made of; tests, scripts and the sources the build reads are not.
SUFFIXES = {".py", ".html", ".txt", ".mo", ".css", ".js", ".svg", ".json"}
SKIPPED = {".venv", ".git", "var", "node_modules", "tests", "scripts", "static_src", "__pycache__"}


def digest(root):
    """A digest of the contents (and relative paths) of ``root``'s page-making files."""
    total = hashlib.sha256()
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(name for name in folders if name not in SKIPPED)
        for name in sorted(files):
            path = Path(folder, name)
            if path.suffix in SUFFIXES:
                total.update(str(path.relative_to(root)).encode("utf-8", "surrogateescape"))
                total.update(hashlib.sha256(path.read_bytes()).digest())
    return total.hexdigest()[:16]


@cache
def release_id():
    """This process's release: ``RELEASE_ID``, or the digest of the code it runs."""
    return os.environ.get("RELEASE_ID", "").strip() or digest(settings.BASE_DIR)
