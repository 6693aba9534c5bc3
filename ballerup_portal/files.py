"""Serving a stored file through a view (never from a public media folder): shared by
every app. The view decides whether the object may be shown; this streams the file."""

import unicodedata
from urllib.parse import quote

from django.core.files.storage import default_storage
from django.db import transaction
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control


def ascii_filename(name):
    """A plain ASCII fallback name: letters, digits, ``-``, ``_`` and ``.`` only."""
    name = name.replace("æ", "ae").replace("Æ", "Ae").replace("ø", "oe").replace("Ø", "Oe")
    name = name.replace("å", "aa").replace("Å", "Aa")
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    cleaned = "".join(c if c.isalnum() or c in "-_." else "-" for c in name).strip("-.")
    return cleaned or "fil.pdf"


def content_disposition(filename, inline=True):
    clean = "".join(c for c in filename if c.isprintable() and c not in '"\\/').strip()
    clean = clean[-150:] or "fil.pdf"
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{ascii_filename(clean)}\"; filename*=UTF-8''{quote(clean)}"


def serve_stored_file(
    name, filename, content_type="application/pdf", inline=True, max_age=3600, private=False
):
    """Stream ``name`` from ``default_storage`` with safe headers, or 404."""
    if not name:
        raise Http404
    try:
        handle = default_storage.open(name, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename, inline)
    response["X-Content-Type-Options"] = "nosniff"
    if private:
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, public=True, max_age=max_age)
    return response


def delete_file_on_commit(name):
    """Delete a stored file once the transaction commits (never if it rolls back)."""
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))
