"""core.pdf: every bad file refused by its content with a Danish message; the
check decides on the parsed objects (escaped names, object streams, objects no table
lists) and is bounded in time, pages and content."""

import io
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile

from core.pdf import validate_pdf

from . import inspection_pdfs as pdfs

GOOD = pdfs.plain_pdf()
LAUNCH = b"<< /Type /Action /S /Launch /F (calc.exe) >>"
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40

BAD_FILES = {
    "tom": ("rapport.pdf", b"", "tom"),
    "exe": ("rapport.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 100, "ikke en PDF"),
    "billede": ("rapport.pdf", PNG, "ikke en PDF"),
    "html": ("rapport.pdf", HTML, "ikke en PDF"),
    "html-med-pdf-start": ("rapport.pdf", b"%PDF-1.7\n" + HTML + b"\n%%EOF\n", "begynder ikke"),
    "afkortet": ("rapport.pdf", GOOD[: len(GOOD) // 2], "kan ikke læses"),
    "krypteret": ("rapport.pdf", pdfs.encrypted_pdf(), "krypteret"),
    "javascript": ("rapport.pdf", pdfs.javascript_pdf(), "JavaScript"),
    "openaction-js": ("rapport.pdf", pdfs.open_action_js_pdf(), "JavaScript"),
    "launch": ("rapport.pdf", pdfs.launch_pdf(), "JavaScript"),
    "indlejret-fil": ("rapport.pdf", pdfs.embedded_file_pdf(), "indlejrede filer"),
    # Hand-written: what the old byte scan missed (issue 20).
    "launch-escaped": (
        "rapport.pdf",
        pdfs.one_page(
            catalog=b"/OpenAction 10 0 R", extra={10: LAUNCH.replace(b"/Launch", b"/L#61unch")}
        ),
        "starter et program",
    ),
    "submitform-escaped": (
        "rapport.pdf",
        pdfs.one_page(
            page=b"/Annots [10 0 R]",
            extra={10: pdfs.link_annotation(b"<< /S /Submit#46orm /F (https://x.example) >>")},
        ),
        "sender data",
    ),
    "gotoe-escaped": (
        "rapport.pdf",
        pdfs.one_page(
            page=b"/Annots [10 0 R]",
            extra={10: pdfs.link_annotation(b"<< /S /GoTo#45 /T << /R /C /N (a) >> >>")},
        ),
        "indlejret fil",
    ),
    "embeddedfile-escaped": (
        "rapport.pdf",
        pdfs.one_page(extra={10: pdfs.stream(b"/Type /Embedded#46ile", b"MZ not really")}),
        "indlejret fil",
    ),
    "launch-in-object-stream": (
        "rapport.pdf",
        pdfs.one_page(catalog=b"/OpenAction 10 0 R", extra={10: LAUNCH}, packed={1, 2, 3, 5, 10}),
        "starter et program",
    ),
    "launch-in-object-stream-unreferenced": (
        "rapport.pdf",
        pdfs.one_page(extra={10: LAUNCH}, packed={1, 2, 3, 5, 10}),
        "starter et program",
    ),
    "object-stream-outside-the-table": (
        "rapport.pdf",
        pdfs.one_page(
            unlisted=[
                pdfs.stream(
                    b"/Type /ObjStm /N 1 /First 5",
                    b"90 0 " + LAUNCH.replace(b"/Launch", b"/L#61unch"),
                )
            ]
        ),
        "starter et program",
    ),
    "launch-after-the-end": (
        "rapport.pdf",
        pdfs.one_page() + b"9 0 obj\n" + LAUNCH + b"\nendobj\n",
        "starter et program",
    ),
    "launch-outside-the-table": (
        "rapport.pdf",
        pdfs.one_page(unlisted=[LAUNCH]),
        "starter et program",
    ),
    "launch-as-link": (
        "rapport.pdf",
        pdfs.one_page(page=b"/Annots [10 0 R]", extra={10: pdfs.link_annotation(LAUNCH)}),
        "starter et program",
    ),
    "launch-type-named-by-reference": (
        "rapport.pdf",
        pdfs.one_page(catalog=b"/OpenAction << /S 10 0 R /F (calc.exe) >>", extra={10: b"/Launch"}),
        "starter et program",
    ),
    "fileattachment": (
        "rapport.pdf",
        pdfs.one_page(
            page=b"/Annots [10 0 R]",
            extra={10: b"<< /Subtype /FileAttachment /Rect [0 0 10 10] /FS (virus.exe) >>"},
        ),
        "vedhæftet fil",
    ),
    "embeddedfile-type": (
        "rapport.pdf",
        pdfs.one_page(extra={10: pdfs.stream(b"/Type /EmbeddedFile", b"MZ not really")}),
        "indlejret fil",
    ),
    "uri-link": (
        "rapport.pdf",
        pdfs.one_page(
            page=b"/Annots [10 0 R]",
            extra={10: pdfs.link_annotation(b"<< /S /URI /URI (https://x.example/) >>")},
        ),
        "webadresse",
    ),
    "gotor-link": (
        "rapport.pdf",
        pdfs.one_page(
            page=b"/Annots [10 0 R]",
            extra={10: pdfs.link_annotation(b"<< /S /GoToR /F (anden.pdf) /D [0 /Fit] >>")},
        ),
        "anden fil",
    ),
    "javascript-on-page-open": (
        "rapport.pdf",
        pdfs.one_page(page=b"/AA << /O << /S /JavaScript /JS (app.alert(1)) >> >>"),
        "JavaScript",
    ),
    "goto-then-launch": (
        "rapport.pdf",
        pdfs.one_page(
            catalog=b"/OpenAction << /S /GoTo /D [3 0 R /Fit] /Next 10 0 R >>", extra={10: LAUNCH}
        ),
        "starter et program",
    ),
    "javascript-name-tree-escaped": (
        "rapport.pdf",
        pdfs.one_page(
            catalog=b"/Names << /Java#53cript << /Names [(a) 10 0 R] >> >>",
            extra={10: b"<< /S /GoTo /D [3 0 R /Fit] >>"},
        ),
        "JavaScript",
    ),
    "goto-to-a-page-number": (
        "rapport.pdf",
        pdfs.one_page(catalog=b"/OpenAction << /S /GoTo /D [0 /Fit] >>"),
        "ikke peger ind i dokumentet",
    ),
    "named-action": (
        "rapport.pdf",
        pdfs.one_page(catalog=b"/OpenAction << /S /Named /N /Print >>"),
        "Named",
    ),
    "xfa-form": (
        "rapport.pdf",
        pdfs.one_page(
            catalog=b"/AcroForm << /Fields [] /XFA 10 0 R >>",
            extra={10: pdfs.stream(b"", b"<xdp/>")},
        ),
        "XFA",
    ),
    "html-in-header-line": (
        "rapport.pdf",
        pdfs.one_page(header=b"%PDF-1.7 <html><script>alert(1)</script>\n%\xe2\xe3\xcf\xd3\n"),
        "begynder ikke",
    ),
    "html-in-header-comment": (
        "rapport.pdf",
        pdfs.one_page(header=b"%PDF-1.7\n%<html><body><script>alert(1)</script>\n"),
        "begynder ikke",
    ),
    "unknown-version": ("rapport.pdf", pdfs.one_page(header=b"%PDF-9.9\n"), "begynder ikke"),
    "sti": ("../../etc/rapport.pdf", GOOD, "Filnavnet"),
    "kontroltegn": ("rap\x00port\n.pdf", GOOD, "kontroltegn"),
}


def test_a_plain_pdf_passes():
    validate_pdf(SimpleUploadedFile("rapport.pdf", GOOD))


GOOD_FILES = {
    "skrevet-med-pypdf": GOOD,
    "håndskrevet": pdfs.one_page(),
    "i-objektstrøm": pdfs.one_page(packed={1, 2, 3, 5}),
    "internt-link-goto": pdfs.one_page(
        page=b"/Annots [10 0 R]",
        extra={10: pdfs.link_annotation(b"<< /S /GoTo /D [3 0 R /Fit] >>")},
    ),
    "internt-goto-ved-åbning-af-siden": pdfs.one_page(
        page=b"/AA << /O << /S /GoTo /D [3 0 R /Fit] >> >>"
    ),
    "internt-link-dest": pdfs.one_page(
        page=b"/Annots [10 0 R]",
        extra={10: b"<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /Dest [3 0 R /XYZ 0 800 0] >>"},
    ),
    "bogmærke-og-åbn-på-side": pdfs.one_page(
        catalog=b"/Outlines 10 0 R /OpenAction [3 0 R /Fit] /Names << /Dests 12 0 R >>",
        extra={
            10: b"<< /Type /Outlines /First 11 0 R /Last 11 0 R /Count 1 >>",
            11: b"<< /Title (Resum\xe9) /Parent 10 0 R /A << /S /GoTo /D (resume) >> >>",
            12: b"<< /Names [(resume) [3 0 R /Fit]] >>",
        },
    ),
    # A structure element's /A holds attributes, not an action; /S there is its type.
    "mærket-pdf": pdfs.one_page(
        catalog=b"/StructTreeRoot << /Type /StructTreeRoot /K 10 0 R >>",
        extra={10: b"<< /Type /StructElem /S /Link /A << /O /Layout /Placement /Block >> >>"},
    ),
}


GOOD_FILES["en-tom-objektoverskrift-til-sidst"] = pdfs.one_page() + b"\n1 0 obj\n"


@pytest.mark.parametrize("case", GOOD_FILES)
def test_a_plain_pdf_with_internal_links_passes(case):
    validate_pdf(SimpleUploadedFile("rapport.pdf", GOOD_FILES[case]))


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


# -- Bounded: the two files that stalled the portal (issue 20) ------------------------


@pytest.fixture
def quick_check(settings):
    """A short time limit, so a test of a stalling file takes a second or two."""
    settings.PDF_CHECK_SECONDS = 2
    return settings


def refused_quickly(content):
    started = time.monotonic()
    with pytest.raises(ValidationError) as refused:
        validate_pdf(SimpleUploadedFile("rapport.pdf", content))
    elapsed = time.monotonic() - started
    return " ".join(refused.value.messages), elapsed


def test_many_pages_sharing_one_packed_stream_refused_in_seconds():
    content = pdfs.many_pages_sharing_one_stream()  # 200 pages, one stream of 11 MB
    assert len(content) < 100_000
    message, elapsed = refused_quickly(content)  # by the content limit, not the clock
    assert "Filen kunne ikke kontrolleres" in message
    assert "for kompleks" in message
    assert elapsed < 8


@pytest.mark.parametrize("claimed", [None, 1], ids=["ærlig", "løgnagtig-count"])
def test_tens_of_thousands_of_pages_refused_in_seconds(quick_check, claimed):
    content = pdfs.very_many_pages(count=claimed)  # 40,000 pages in an object stream
    assert len(content) < 500_000
    message, elapsed = refused_quickly(content)
    assert "Filen kunne ikke kontrolleres" in message
    assert elapsed < 5


def test_more_pages_than_allowed_named_in_the_message(settings):
    settings.PDF_MAX_PAGES = 20
    message, _ = refused_quickly(pdfs.very_many_pages(pages=21))
    assert "mere end 20 sider" in message
    validate_pdf(SimpleUploadedFile("rapport.pdf", pdfs.very_many_pages(pages=20)))


def test_the_time_limit_is_a_setting_and_named_in_the_message(settings):
    settings.PDF_CHECK_SECONDS = 0.01  # not even time to start the check
    message, elapsed = refused_quickly(GOOD)
    assert "Filen kunne ikke kontrolleres inden for 0,01 sekunder" in message
    assert elapsed < 2


def test_the_memory_limit_holds(settings):
    settings.PDF_CHECK_MEMORY_MB = 1  # the check cannot even start
    message, _ = refused_quickly(GOOD)
    assert "Filen kunne ikke kontrolleres" in message
