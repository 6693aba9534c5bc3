"""Checking an uploaded PDF by its content, not its name: shared by every app.

``validate_pdf(uploaded)`` raises a Danish ``ValidationError`` unless the file starts
with ``%PDF-``, parses with pypdf, is not encrypted, is at most
``settings.MAX_PDF_UPLOAD_MB`` and carries no active content (JavaScript, launch
actions, embedded files). ``validate_upload_name`` refuses names with path parts or
control characters. The stored name is always made by the server, never taken from the
upload.
"""

import io
import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Names in a PDF that run code or carry other files.
FORBIDDEN_NAMES = (
    b"/JavaScript",
    b"/JS",
    b"/Launch",
    b"/EmbeddedFile",
    b"/EmbeddedFiles",
    b"/RichMedia",
    b"/XFA",
    b"/SubmitForm",
    b"/ImportData",
    b"/GoToE",
)
_FORBIDDEN_KEYS = {name.decode() for name in FORBIDDEN_NAMES}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def max_bytes():
    return int(settings.MAX_PDF_UPLOAD_MB * 1024 * 1024)


def validate_upload_name(name):
    name = name or ""
    if any(unicodedata.category(c) == "Cc" for c in name) or _CONTROL.search(name):
        raise ValidationError(
            _("Filnavnet indeholder kontroltegn. Omdøb filen og prøv igen."), code="pdf_name"
        )
    if "/" in name or "\\" in name or ".." in name:
        raise ValidationError(
            _("Filnavnet må ikke indeholde »/«, »\\« eller »..«. Omdøb filen og prøv igen."),
            code="pdf_name",
        )


def _read(uploaded):
    size = getattr(uploaded, "size", None)
    if size is not None and size > max_bytes():
        raise _too_big()
    uploaded.seek(0)
    data = uploaded.read(max_bytes() + 1)
    uploaded.seek(0)
    if len(data) > max_bytes():
        raise _too_big()
    return data


def _too_big():
    return ValidationError(
        _("Filen er for stor. En PDF må højst fylde %(mb)s MB.")
        % {"mb": settings.MAX_PDF_UPLOAD_MB},
        code="pdf_size",
    )


def _walk(obj, seen):
    """Every key of every dictionary reachable from ``obj`` (resolving references)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            try:
                item = item.get_object()
            except Exception:  # noqa: BLE001 - a broken reference is checked below
                continue
        if isinstance(item, DictionaryObject):
            for key, value in item.items():
                yield str(key)
                stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(item)


def validate_pdf(uploaded):
    """Raise ``ValidationError`` (Danish) unless ``uploaded`` is a plain, safe PDF."""
    validate_upload_name(getattr(uploaded, "name", ""))
    data = _read(uploaded)
    if not data:
        raise ValidationError(_("Filen er tom. Vælg en PDF-fil."), code="pdf_empty")
    if not data.startswith(b"%PDF-"):
        raise ValidationError(
            _("Filen er ikke en PDF-fil (uanset filnavnet). Gem dokumentet som PDF og prøv igen."),
            code="pdf_type",
        )
    # Cheap scan of the raw bytes first (also catches names in streams pypdf leaves alone).
    for name in FORBIDDEN_NAMES:
        if re.search(re.escape(name) + rb"(?![A-Za-z0-9])", data):
            raise _active()
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    damaged = ValidationError(
        _("Filen kan ikke læses som PDF; den er måske beskadiget eller ufuldstændig."),
        code="pdf_broken",
    )
    if b"%%EOF" not in data[-2048:]:
        raise damaged
    try:
        reader = PdfReader(io.BytesIO(data), strict=True)
        if reader.is_encrypted:
            raise ValidationError(
                _(
                    "PDF-filen er krypteret eller beskyttet med adgangskode. Gem den uden "
                    "beskyttelse og prøv igen."
                ),
                code="pdf_encrypted",
            )
        if len(reader.pages) == 0:
            raise damaged
        keys = set(_walk(reader.trailer, set()))
        for page in reader.pages:
            page.extract_text()
    except ValidationError:
        raise
    except (PdfReadError, Exception) as error:  # noqa: BLE001 - any parse error is refusal
        raise damaged from error
    if keys & _FORBIDDEN_KEYS:
        raise _active()


def _active():
    return ValidationError(
        _(
            "PDF-filen indeholder JavaScript, handlinger eller indlejrede filer og afvises. "
            "Gem den som en almindelig PDF (fx »Udskriv som PDF«) og prøv igen."
        ),
        code="pdf_active",
    )
