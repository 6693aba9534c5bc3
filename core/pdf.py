"""Checking an uploaded PDF by its content, not its name: shared by every app.

``validate_pdf(uploaded)`` raises a Danish ``ValidationError`` unless the file is at most
``settings.MAX_PDF_UPLOAD_MB``, starts with a plain PDF header and passes the check of
its parsed objects in ``core/pdf_check.py`` (what a PDF may contain is listed
there): not encrypted, no active content, at most ``PDF_MAX_PAGES`` pages and
``PDF_MAX_CONTENT_MB`` of page content. That check runs in a child process bounded in
CPU seconds, memory and wall-clock time (``PDF_CHECK_SECONDS``, ``PDF_CHECK_MEMORY_MB``),
so a hostile file is refused within seconds and never stalls a web worker. The upload
goes to the child on a pipe: no temporary file is written.

``validate_upload_name`` refuses names with path parts or control characters. The
stored name is always made by the server, never taken from the upload; a file already
stored is not checked again (editing a report keeps its file).
"""

import json
import logging
import re
import signal
import subprocess
import sys
import unicodedata
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)
CHECK_SCRIPT = Path(__file__).with_name("pdf_check.py")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# The first line is the version (1.0-1.7 or 2.0) and nothing else; then comment lines
# without markup (the line of binary bytes writers add, Ghostscript's ``%%Invocation``);
# then the first object. No HTML can hide in the header.
_HEADER = re.compile(
    rb"%PDF-(?:1\.[0-7]|2\.0)(?:\r\n|\r|\n)"
    rb"(?:%[^<>\r\n]*(?:\r\n|\r|\n))*"
    rb"[ \t\r\n\f\x00]*[0-9]"
)


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


def _already_stored(value):
    """True for the file an object already has (an edit without a new upload): its name
    is the one saved in the database. A new upload's name is the client's base name,
    never a server-made ``folder/…`` name."""
    if not isinstance(value, FieldFile) or not value.name:
        return False
    instance = value.instance
    if instance is None or instance.pk is None:
        return False
    manager = getattr(type(instance), "objects", None)
    if manager is None:
        return False  # checked again: the safe side
    return manager.filter(pk=instance.pk, **{value.field.attname: value.name}).exists()


def check_limits():
    """The bounds the child process gets (settings, with defaults)."""
    seconds = float(getattr(settings, "PDF_CHECK_SECONDS", 10))
    return {
        "cpu_seconds": seconds,
        "memory_bytes": int(getattr(settings, "PDF_CHECK_MEMORY_MB", 512)) * 1024 * 1024,
        "max_pages": int(getattr(settings, "PDF_MAX_PAGES", 300)),
        "max_content_bytes": int(getattr(settings, "PDF_MAX_CONTENT_MB", 100)) * 1024 * 1024,
        "max_file_bytes": max_bytes(),
    }


def _run_check(data):
    """The child's answer as a dict, or a ``ValidationError`` to raise."""
    limits = check_limits()
    seconds = limits["cpu_seconds"]
    command = [sys.executable, "-I", str(CHECK_SCRIPT), json.dumps(limits)]
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=seconds)
    except subprocess.TimeoutExpired:
        return _too_slow(seconds)
    except OSError:
        return ValidationError(
            _("Filen kunne ikke kontrolleres lige nu. Prøv igen om lidt."), code="pdf_check"
        )
    if done.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        return _too_slow(seconds)
    try:
        answer = json.loads(done.stdout.decode().strip().splitlines()[-1])
        if isinstance(answer, dict):
            return answer
    except (ValueError, IndexError):
        pass
    # No answer: out of memory (the address-space limit), or the check broke.
    logger.warning(
        "PDF check gave no answer (exit %s): %s",
        done.returncode,
        done.stderr.decode(errors="replace")[-300:].replace("\n", " | "),
    )
    return {"result": "refused", "code": "memory"}


def _too_slow(seconds):
    return ValidationError(
        _(
            "Filen kunne ikke kontrolleres inden for %(seconds)s sekunder og afvises. Gem "
            "den som en almindelig PDF (fx »Udskriv som PDF«) og prøv igen."
        )
        % {"seconds": f"{seconds:g}".replace(".", ",")},  # Danish decimal comma
        code="pdf_slow",
    )


def _too_complex(reason):
    return ValidationError(
        _(
            "Filen kunne ikke kontrolleres, fordi den er for kompleks (%(reason)s), og "
            "afvises. Gem den som en almindelig PDF (fx »Udskriv som PDF«) og prøv igen."
        )
        % {"reason": reason},
        code="pdf_complex",
    )


def _damaged():
    return ValidationError(
        _("Filen kan ikke læses som PDF; den er måske beskadiget eller ufuldstændig."),
        code="pdf_broken",
    )


def _refusal(answer):
    code = answer.get("code")
    detail = str(answer.get("detail", ""))
    if code == "encrypted":
        return ValidationError(
            _(
                "PDF-filen er krypteret eller beskyttet med adgangskode. Gem den uden "
                "beskyttelse og prøv igen."
            ),
            code="pdf_encrypted",
        )
    if code == "active":
        return _active(detail)
    if code == "pages":
        return _too_complex(
            gettext("mere end %(pages)s sider") % {"pages": check_limits()["max_pages"]}
        )
    if code == "content":
        return _too_complex(gettext("for meget indhold at tegne på siderne"))
    if code == "memory":
        return _too_complex(gettext("den kræver for meget hukommelse"))
    return _damaged()


def validate_pdf(uploaded):
    """Raise ``ValidationError`` (Danish) unless ``uploaded`` is a plain, safe PDF. A
    file the object already has is not checked again."""
    if _already_stored(uploaded):
        return
    validate_upload_name(getattr(uploaded, "name", ""))
    data = _read(uploaded)
    if not data:
        raise ValidationError(_("Filen er tom. Vælg en PDF-fil."), code="pdf_empty")
    if not data.startswith(b"%PDF-"):
        raise ValidationError(
            _("Filen er ikke en PDF-fil (uanset filnavnet). Gem dokumentet som PDF og prøv igen."),
            code="pdf_type",
        )
    if not _HEADER.match(data):
        raise ValidationError(
            _(
                "Filen begynder ikke som en almindelig PDF-fil (første linje skal være "
                "»%PDF-1.x«, uden andet indhold) og afvises. Gem dokumentet som PDF igen og "
                "prøv igen."
            ),
            code="pdf_header",
        )
    if b"%%EOF" not in data[-2048:]:
        raise _damaged()
    answer = _run_check(data)
    if isinstance(answer, ValidationError):
        raise answer
    if answer.get("result") != "ok":
        logger.info("PDF refused: %s %s", answer.get("code"), answer.get("detail", ""))
        raise _refusal(answer)


# What the check found, as staff can act on it.
_FOUND = {
    "/S /URI": _("et link til en webadresse"),
    "/S /Launch": _("en handling, der starter et program"),
    "/S /JavaScript": _("JavaScript"),
    "/JS": _("JavaScript"),
    "/JavaScript": _("JavaScript"),
    "/S /GoToR": _("et link til en anden fil"),
    "/S /GoToE": _("et link til en indlejret fil"),
    "/S /SubmitForm": _("en formular, der sender data"),
    "/S /ImportData": _("en formular, der henter data"),
    "/XFA": _("en XFA-formular"),
    "/EF": _("en indlejret fil"),
    "/EmbeddedFiles": _("indlejrede filer"),
    "/AF": _("tilknyttede filer"),
    "/Type /EmbeddedFile": _("en indlejret fil"),
    "/Type /Filespec": _("en henvisning til en fil"),
    "/Subtype /FileAttachment": _("en vedhæftet fil"),
}


def _active(detail=""):
    found = _FOUND.get(detail)
    if found is None and (detail in ("destination", "action") or detail.startswith("/GoTo")):
        found = gettext("et link, der ikke peger ind i dokumentet")
    elif found is None and detail.startswith("/S "):
        found = gettext("handlingen »%(name)s«") % {"name": detail[3:].strip("/ ")[:60]}
    elif found is None and detail == "/AA":
        found = gettext("automatiske handlinger")
    elif found is None and detail:
        found = f"»{detail.replace('/', ' ').strip()[:60]}«"
    message = _(
        "PDF-filen indeholder JavaScript, handlinger eller indlejrede filer og afvises "
        "(fundet: %(found)s). En rapport må kun have tekst, billeder, bogmærker og links "
        "inden for dokumentet. Gem den som en almindelig PDF (fx »Udskriv som PDF«) og "
        "prøv igen."
    )
    return ValidationError(message % {"found": found or "-"}, code="pdf_active")
