"""Serving a stored file through a view (never from a public media folder): shared by
every app. The view decides whether the object may be shown; this streams the file.

A public file may be kept by browsers and proxies but never used without asking again
(``Cache-Control: public, no-cache`` and an ``ETag``): a repeat download costs a 304,
and a file that is unpublished or replaced is gone for everybody at once, not after an
hour in some cache."""

import hashlib
from urllib.parse import quote

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.cache import get_conditional_response, patch_cache_control, quote_etag

from .danish import ascii_text


def ascii_filename(name):
    """A plain ASCII fallback name: letters, digits, ``-``, ``_`` and ``.`` only."""
    name = ascii_text(name)
    cleaned = "".join(c if c.isalnum() or c in "-_." else "-" for c in name).strip("-.")
    return cleaned or "fil.pdf"


def content_disposition(filename, inline=True):
    clean = "".join(c for c in filename if c.isprintable() and c not in '"\\/').strip()
    clean = clean[-150:] or "fil.pdf"
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{ascii_filename(clean)}\"; filename*=UTF-8''{quote(clean)}"


def serve_stored_file(
    name, filename, content_type="application/pdf", inline=True, private=False, request=None
):
    """Stream ``name`` from ``default_storage`` with safe headers, or 404. A public file
    answers ``If-None-Match`` with a 304 when ``request`` is given."""
    if not name:
        raise Http404
    try:
        # The stored name is new for every upload; with the size it identifies the bytes.
        etag = quote_etag(
            hashlib.sha256(f"{name}:{default_storage.size(name)}".encode()).hexdigest()[:32]
        )
        if request is not None and not private:
            not_modified = get_conditional_response(request, etag=etag)
            if not_modified is not None:
                not_modified["ETag"] = etag
                patch_cache_control(not_modified, public=True, no_cache=True)
                return not_modified
        handle = default_storage.open(name, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename, inline)
    response["X-Content-Type-Options"] = "nosniff"
    if private:
        patch_cache_control(response, private=True, no_store=True)
    else:
        response["ETag"] = etag
        patch_cache_control(response, public=True, no_cache=True)
    return response
