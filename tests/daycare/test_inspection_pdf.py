"""ballerup_portal.pdf: every bad file refused by its content with a Danish message."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile

from ballerup_portal.pdf import validate_pdf

from . import inspection_pdfs as pdfs

GOOD = pdfs.plain_pdf()
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40

BAD_FILES = {
    "tom": ("rapport.pdf", b"", "tom"),
    "exe": ("rapport.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 100, "ikke en PDF"),
    "billede": ("rapport.pdf", PNG, "ikke en PDF"),
    "html": ("rapport.pdf", HTML, "ikke en PDF"),
    "html-med-pdf-start": ("rapport.pdf", b"%PDF-1.7\n" + HTML + b"\n%%EOF\n", "kan ikke læses"),
    "afkortet": ("rapport.pdf", GOOD[: len(GOOD) // 2], "kan ikke læses"),
    "krypteret": ("rapport.pdf", pdfs.encrypted_pdf(), "krypteret"),
    "javascript": ("rapport.pdf", pdfs.javascript_pdf(), "JavaScript"),
    "openaction-js": ("rapport.pdf", pdfs.open_action_js_pdf(), "JavaScript"),
    "launch": ("rapport.pdf", pdfs.launch_pdf(), "JavaScript"),
    "indlejret-fil": ("rapport.pdf", pdfs.embedded_file_pdf(), "indlejrede filer"),
    "sti": ("../../etc/rapport.pdf", GOOD, "Filnavnet"),
    "kontroltegn": ("rap\x00port\n.pdf", GOOD, "kontroltegn"),
}


def test_a_plain_pdf_passes():
    validate_pdf(SimpleUploadedFile("rapport.pdf", GOOD))


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_file_refused_with_danish_message(case):
    name, content, message = BAD_FILES[case]
    # A plain File keeps the name as given (an upload's name is cut to its last part by
    # Django's multipart parser before any code sees it; see test_inspection_admin).
    with pytest.raises(ValidationError) as refused:
        validate_pdf(File(io.BytesIO(content), name=name))
    assert message in " ".join(refused.value.messages)


def test_oversized_refused(settings):
    settings.MAX_PDF_UPLOAD_MB = 0.001  # about 1 KB
    big = pdfs.demo_pdf("Stor", ["x" * 80] * 30)
    assert len(big) > 1100
    with pytest.raises(ValidationError, match="for stor"):
        validate_pdf(SimpleUploadedFile("rapport.pdf", big))
