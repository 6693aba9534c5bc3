"""Test PDFs: built with pypdf (a plain one, and ones carrying JavaScript, launch actions,
embedded files or encryption), and hand-written ones (escaped names, object streams,
objects no table lists, odd headers, the two files that stalled the check)."""

import io
import zlib

from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from daycare.demo import demo_pdf


def plain_pdf(title="Tilsynsrapport"):
    return demo_pdf(title, ["Testrapport."])


def _write(writer):
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _writer():
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    return writer


def javascript_pdf():
    """Document-level JavaScript in the /Names tree."""
    writer = _writer()
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('hej');"),
        }
    )
    names = ArrayObject([TextStringObject("hej"), writer._add_object(action)])
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): DictionaryObject({NameObject("/Names"): names})}
    )
    return _write(writer)


def open_action_js_pdf():
    writer = _writer()
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert(1)"),
        }
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    return _write(writer)


def launch_pdf():
    writer = _writer()
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/Launch"),
            NameObject("/F"): TextStringObject("calc.exe"),
        }
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    return _write(writer)


def embedded_file_pdf():
    writer = _writer()
    writer.add_attachment("virus.exe", b"MZ\x90\x00 not really")
    return _write(writer)


def encrypted_pdf():
    writer = _writer()
    writer.encrypt(user_password="hemmelig", owner_password="hemmelig")
    return _write(writer)


# -- Hand-written PDFs ------------------------------------------------------------------
# Built byte by byte, so a test can write what a writer library would normalise away:
# names with #xx escapes, objects packed in a compressed object stream, objects no table
# lists, odd headers.

HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
PAGE_TEXT = b"BT /F1 18 Tf 60 780 Td (Tilsynsrapport) Tj ET"


def stream(dictionary, data, compress=True):
    """The body of a stream object: ``dictionary`` (bytes, without ``<< >>``) and data."""
    if compress:
        data = zlib.compress(data, 9)
        dictionary += b" /Filter /FlateDecode"
    return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (dictionary, len(data), data)


def build_pdf(objects, packed=(), header=HEADER, unlisted=(), root=1):
    """A PDF of ``objects`` ({number: body}); the numbers in ``packed`` go into one
    compressed object stream (then the table is a cross-reference stream); ``unlisted``
    bodies are written into the file but left out of the table."""
    out = bytearray(header)
    offsets = {}
    numbers = sorted(objects)
    top = max(numbers) + 1
    for number in numbers:
        if number in packed:
            continue
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    for i, body in enumerate(unlisted):
        out += b"%d 0 obj\n%s\nendobj\n" % (top + 100 + i, body)
    if not packed:
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % top
        for number in range(1, top):
            if number in offsets:
                out += b"%010d 00000 n \n" % offsets[number]
            else:
                out += b"0000000000 65535 f \n"
        out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
            top,
            root,
            xref,
        )
        return bytes(out)
    # One object stream (number top) and a cross-reference stream (number top + 1).
    packed = sorted(packed)
    index = {number: i for i, number in enumerate(packed)}
    head, body, size = [], [], 0
    for number in packed:
        head.append(b"%d %d" % (number, size))
        body.append(objects[number] + b"\n")
        size += len(body[-1])
    head = b" ".join(head) + b"\n"
    offsets[top] = len(out)
    out += b"%d 0 obj\n%s\nendobj\n" % (
        top,
        stream(b"/Type /ObjStm /N %d /First %d" % (len(packed), len(head)), head + b"".join(body)),
    )
    rows = [b"\x00\x00\x00\x00\x00\xff\xff"]
    for number in range(1, top + 2):
        if number in index:
            rows.append(b"\x02" + top.to_bytes(4, "big") + index[number].to_bytes(2, "big"))
        elif number in offsets:
            rows.append(b"\x01" + offsets[number].to_bytes(4, "big") + b"\x00\x00")
        elif number == top + 1:
            rows.append(b"\x01" + len(out).to_bytes(4, "big") + b"\x00\x00")
        else:
            rows.append(b"\x00\x00\x00\x00\x00\xff\xff")
    xref = len(out)
    dictionary = b"/Type /XRef /Size %d /W [1 4 2] /Root %d 0 R" % (top + 2, root)
    out += b"%d 0 obj\n%s\nendobj\n" % (top + 1, stream(dictionary, b"".join(rows)))
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def one_page(catalog=b"", page=b"", extra=None, packed=(), **kwargs):
    """A one-page document with text; ``catalog`` and ``page`` are added to those
    dictionaries, ``extra`` ({number: body}, numbers from 10) are more objects."""
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R %s >>" % catalog,
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> %s >>" % page,
        4: stream(b"", PAGE_TEXT),
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        **(extra or {}),
    }
    return build_pdf(objects, packed=packed, **kwargs)


def link_annotation(action):
    return b"<< /Type /Annot /Subtype /Link /Rect [60 700 300 720] /A %s >>" % action


def many_pages_sharing_one_stream(pages=200, repeat=300_000):
    """The first stall: many pages drawing one small compressed stream that unpacks to
    tens of megabytes (a viewer, or a text extraction, parses it once per page)."""
    kids = b" ".join(b"%d 0 R" % (10 + i) for i in range(pages))
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        4: stream(b"", b"BT /F1 12 Tf 72 712 Td (Tilsyn) Tj ET\n" * repeat),
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    for i in range(pages):
        objects[10 + i] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>"
        )
    return build_pdf(objects)


def very_many_pages(pages=40_000, count=None):
    """The second stall: tens of thousands of tiny pages, packed in an object stream so
    the file stays small. ``count`` is what the page tree claims (it may lie)."""
    kids = b" ".join(b"%d 0 R" % (10 + i) for i in range(pages))
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages if count is None else count),
    }
    for i in range(pages):
        objects[10 + i] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"
    return build_pdf(objects, packed=set(objects) - {1})
