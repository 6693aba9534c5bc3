"""Test PDFs built with pypdf: a plain one, and ones carrying JavaScript, launch actions,
embedded files or encryption."""

import io

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
