"""Anonymous pages are compressed once, when they are stored, and sent compressed to
every browser that accepts it.

Safe from BREACH: a cached page holds no secret (no session, no CSRF token; a response
that sets a cookie is never stored). Staff pages stay uncompressed (a TLS proxy in front
may compress those)."""

import gzip

import brotli

from . import layers

COMPRESS_MIN_BYTES = 200
COMPRESSIBLE_TYPES = ("text/", "application/json", "application/xml")
BROTLI_QUALITY = 6  # about a millisecond for a page; 11 saves 10 % more at five times that


def compressed(response):
    """``{"br": …, "gzip": …}`` of a response's body worth compressing, else ``{}``."""
    content = response.content
    if (
        not layers.on("compression")
        or len(content) < COMPRESS_MIN_BYTES
        or response.has_header("Content-Encoding")
        or not response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES)
    ):
        return {}
    return {
        "br": brotli.compress(content, quality=BROTLI_QUALITY),
        "gzip": gzip.compress(content, compresslevel=6, mtime=0),
    }


def encoded_headers(headers, encoding, body):
    """The identity answer's headers for the ``encoding`` of its body: its length, the
    coding, and the ETag made weak (the same page, other bytes), as Django's
    ``GZipMiddleware`` does."""
    encoded = []
    for name, value in headers:
        lower = name.lower()
        if lower == "content-length":
            value = str(len(body))
        elif lower == "etag" and not value.startswith("W/"):
            value = "W/" + value
        encoded.append((name, value))
    encoded.append(("Content-Encoding", encoding))
    return tuple(encoded)


chosen = {}


def chosen_encoding(accept_encoding):
    """The content coding to send for an ``Accept-Encoding`` header: ``"br"``, else
    ``"gzip"``, else ``None`` (identity); a coding with ``q=0`` is refused, ``*`` stands
    for any not named. Remembered per header value (browsers send a handful)."""
    if not accept_encoding:
        return None
    known = chosen.get(accept_encoding, False)
    if known is not False:
        return known
    weights = {}
    for part in accept_encoding.split(","):
        name, _, params = part.partition(";")
        weight = 1.0
        for param in params.split(";"):
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        weights[name.strip().lower()] = weight
    result = None
    for encoding in ("br", "gzip"):
        if weights.get(encoding, weights.get("*", 0.0)) > 0:
            result = encoding
            break
    if len(chosen) < 256:
        chosen[accept_encoding] = result
    return result
