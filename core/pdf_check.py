"""The PDF check's child process: decides on the parsed objects whether a PDF is a plain
document. Run only by ``core.pdf.validate_pdf`` as
``python -I pdf_check.py '<limits as JSON>'`` with the file on stdin; prints one line of
JSON (``{"result": "ok"}`` or ``{"result": "refused", "code": …, "detail": …}``).

Standalone on purpose (stdlib and pypdf only, no Django): it starts fast, and it sets its
own limits (CPU seconds, address space, no files written) before it reads a byte of the
upload, so a hostile file can only stall or bloat this process, never a web worker. The
parent adds a wall-clock timeout.

What a PDF may contain (an allow-list where the format allows one):

* pages, text, fonts, images, outlines (bookmarks), form fields without actions, and
  comment-type annotations (see ``ALLOWED_ANNOTATIONS``);
* links and bookmarks to places inside the document: ``/Dest`` or a ``/GoTo`` action
  whose destination is a name or a page of this file; ``/OpenAction`` and ``/AA`` only as
  such an internal ``/GoTo`` (or a destination).

Refused: every other action type, also as ``/Next`` of a GoTo and wherever it appears as
the value of ``/S`` (``REFUSED_ACTIONS``; ``/Named`` too, since viewers map names to
menu commands such as printing or saving); JavaScript (``/JS``, ``/JavaScript`` name
trees); embedded and attached files (``/EF``, ``/EmbeddedFiles``, ``/Type /EmbeddedFile``,
``/Type /Filespec``, ``/AF``, ``/Subtype /FileAttachment``, portfolios); sound, movie,
screen, rich media, 3D and PostScript; XFA forms; any name tree but ``/Dests`` and
``/AP``; encrypted files.

Every object is looked at, however it is reached: every object the cross-reference
data lists (also those packed in compressed object streams), everything reachable from
the trailer, every member of every object stream, and every ``N G obj`` the raw file
holds outside the cross-reference data (a viewer that rebuilds a damaged table finds
those). Names are compared after the parser has decoded ``#xx`` escapes.

Bounds: at most ``max_pages`` pages; the page content (each page's content streams and
form XObjects, counted once per page that uses them, as a viewer draws them) at most
``max_content_bytes`` decompressed; no stream decompressed beyond that either. Images are
never decompressed. Nothing is extracted as text.
"""

import io
import json
import re
import resource
import sys


def _names(*lines):
    return frozenset("/" + word for line in lines for word in line.split())


# Action types (values of /S) that are refused wherever they appear.
REFUSED_ACTIONS = _names(
    "Launch URI GoToR GoToE GoTo3DView GoToDp Thread Sound Movie Hide Named",
    "SubmitForm ResetForm ImportData JavaScript ECMAScript SetOCGState Rendition",
    "Trans RichMediaExecute",
)
# Keys that carry code, files or media, wherever they appear.
REFUSED_KEYS = _names(
    "JS JavaScript EF EmbeddedFiles EmbeddedFile AF XFA Collection RichMediaContent",
    "RichMediaSettings RichMediaExecute 3DD",
)
REFUSED_TYPES = _names(
    "EmbeddedFile Filespec Collection Sound Movie Rendition MediaClip MediaPlayParams",
    "MediaScreenParams RichMediaContent RichMediaSettings RichMediaInstance 3D 3DView",
    "3DRef 3DNode",
)
REFUSED_SUBTYPES = _names("FileAttachment Sound Movie Screen RichMedia 3D Projection U3D PRC PS")
ALLOWED_ANNOTATIONS = _names(
    "Link Text Popup FreeText Line Square Circle Polygon PolyLine Highlight Underline",
    "Squiggly StrikeOut Caret Stamp Ink Widget PrinterMark TrapNet Watermark Redact",
)
ALLOWED_NAME_TREES = frozenset({"/Dests", "/AP"})
GOTO_KEYS = frozenset({"/Type", "/S", "/D", "/SD", "/Next"})

_OBJ_HEADER = re.compile(rb"(?<![0-9])([0-9]{1,10})[ \t\r\n\f\x00]+([0-9]{1,5})[ \t\r\n\f\x00]+obj")


class Refused(Exception):
    def __init__(self, code, detail=""):
        super().__init__(code, detail)
        self.code = code
        self.detail = detail


def set_limits(limits):
    """Bound this process before the upload is read: CPU seconds (SIGXCPU, then SIGKILL
    a second later), address space, and no file may be written (no core dump either)."""
    cpu = max(1, int(limits["cpu_seconds"] + 0.999))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    memory = int(limits["memory_bytes"])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def configure_pypdf(limits):
    import pypdf

    cap = int(limits["max_content_bytes"])
    pypdf.overwrite_configuration(
        maximum_declared_stream_length=cap,
        array_based_stream_maximum_output_length=cap,
        zlib_maximum_output_length=cap,
        lzw_maximum_output_length=cap,
        run_length_maximum_output_length=cap,
        brotli_maximum_output_length=cap,
        jbig2_maximum_output_length=cap,
        image_maximum_buffer_size=cap,
        stream_decoding_work_maximum_length=cap * 4,
        page_tree_maximum_entries=int(limits["max_pages"]) * 4 + 16,
        jbig2dec_binary=None,
    )


class Checker:
    def __init__(self, data, limits):
        from pypdf import PdfReader

        self.data = data
        self.max_pages = int(limits["max_pages"])
        self.max_content = int(limits["max_content_bytes"])
        self.reader = PdfReader(io.BytesIO(data), strict=True)
        self.seen = set()  # (idnum, generation) of indirect objects walked
        self.pages = 0
        self.counting_pages = True  # only while walking what the tables list
        self.object_streams = []
        self.streams_walked = 0
        self.decoded = {}  # (idnum, generation) of a content stream -> decoded length

    # -- the walk ---------------------------------------------------------------------

    def run(self):
        from pypdf.generic import IndirectObject

        reader = self.reader
        if reader.is_encrypted:
            raise Refused("encrypted")
        self.check_page_count_claim()
        self.walk(reader.trailer)
        # Every object the cross-reference data lists, reachable or not.
        for generation, entries in list(reader.xref.items()):
            for idnum in list(entries):
                self.walk(IndirectObject(idnum, generation, reader))
        for idnum in list(reader.xref_objStm):
            self.walk(IndirectObject(idnum, 0, reader))
        self.counting_pages = False
        self.walk_object_stream_members()
        self.walk_unlisted_raw_objects()
        self.walk_object_stream_members()  # streams only the raw file holds
        if self.pages == 0:
            raise Refused("broken", "no pages")
        self.check_page_content()

    def check_page_count_claim(self):
        pages = self.reader.trailer["/Root"]["/Pages"]
        count = self.value(pages, "/Count")
        if isinstance(count, int) and count > self.max_pages:
            raise Refused("pages", str(int(count)))

    def walk(self, start):
        from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

        stack = [start]
        while stack:
            item = stack.pop()
            if isinstance(item, IndirectObject):
                key = (item.idnum, item.generation)
                if key in self.seen:
                    continue
                self.seen.add(key)
                item = item.get_object()
            if isinstance(item, DictionaryObject):  # stream dictionaries too
                self.check_dictionary(item)
                if isinstance(item, StreamObject) and self.value(item, "/Type") == "/ObjStm":
                    self.object_streams.append(item)
                stack.extend(item.values())
            elif isinstance(item, ArrayObject):
                stack.extend(item)

    def walk_object_stream_members(self):
        """Every object packed in an object stream, also ones no table lists."""
        from pypdf.generic import read_object

        while self.streams_walked < len(self.object_streams):
            stream = self.object_streams[self.streams_walked]
            self.streams_walked += 1
            own = getattr(getattr(stream, "indirect_reference", None), "idnum", None)
            data = stream.get_data()
            count = int(self.value(stream, "/N") or 0)
            first = int(self.value(stream, "/First") or 0)
            head = data[:first].split()
            if count < 0 or len(head) < 2 * count or not 0 <= first <= len(data):
                raise Refused("broken", "object stream")
            for i in range(count):
                if self.reader.xref_objStm.get(int(head[2 * i])) == (own, i):
                    continue  # listed, so walked already
                buffer = io.BytesIO(data)
                buffer.seek(first + int(head[2 * i + 1]))
                self.walk(read_object(buffer, self.reader))

    def walk_unlisted_raw_objects(self):
        """Every ``N G obj`` in the raw file at an offset no table points to: older
        revisions and objects a rebuilt table would find."""
        from pypdf.generic import read_object

        listed = {offset for entries in self.reader.xref.values() for offset in entries.values()}
        for match in _OBJ_HEADER.finditer(self.data):
            if match.start() in listed:
                continue
            start = match.end()
            while start < len(self.data) and self.data[start] in b" \t\r\n\f\x00":
                start += 1
            buffer = io.BytesIO(self.data)
            buffer.seek(start)
            try:
                value = read_object(buffer, self.reader)
            except Exception:  # noqa: BLE001 - bytes inside a stream that look like a header
                continue
            self.walk(value)

    # -- what a dictionary may hold ---------------------------------------------------

    def check_dictionary(self, item):
        from pypdf.generic import ArrayObject, DictionaryObject

        value = self.value
        for key in item:
            if key in REFUSED_KEYS:
                raise Refused("active", key)
        kind = value(item, "/Type")
        if kind in REFUSED_TYPES:
            raise Refused("active", f"/Type {kind}")
        if kind == "/Page" and self.counting_pages:
            self.pages += 1
            if self.pages > self.max_pages:
                raise Refused("pages", f"{self.pages}+")
        subtype = value(item, "/Subtype")
        if subtype in REFUSED_SUBTYPES:
            raise Refused("active", f"/Subtype {subtype}")
        action = value(item, "/S")
        if action in REFUSED_ACTIONS:
            raise Refused("active", f"/S {action}")
        if kind == "/Action":
            self.check_action(item)
        if kind == "/Annot":
            self.check_annotation(item)
        if kind == "/Catalog":
            names = value(item, "/Names")
            if isinstance(names, DictionaryObject):
                for key in names:
                    if key not in ALLOWED_NAME_TREES and key != "/Type":
                        raise Refused("active", f"/Names {key}")
        if "/OpenAction" in item:
            target = value(item, "/OpenAction")
            if isinstance(target, DictionaryObject):
                self.check_action(target)
            else:
                self.check_destination(target)
        if "/AA" in item:
            triggers = value(item, "/AA")
            if not isinstance(triggers, DictionaryObject):
                raise Refused("active", "/AA")
            for trigger in triggers:
                self.check_action(value(triggers, trigger))
        if "/A" in item:
            target = value(item, "/A")
            # /A of a link, bookmark or field is an action; of a structure element it is
            # an attribute dictionary (no /S), checked like any other dictionary.
            if isinstance(target, DictionaryObject) and ("/S" in target or kind == "/Annot"):
                self.check_action(target)
        if "/Annots" in item:
            annotations = value(item, "/Annots")
            if isinstance(annotations, ArrayObject):
                for annotation in annotations:
                    annotation = self.resolve(annotation)
                    if isinstance(annotation, DictionaryObject):
                        self.check_annotation(annotation)
        if "/Dest" in item:
            self.check_destination(value(item, "/Dest"))

    def check_annotation(self, annotation):
        subtype = self.value(annotation, "/Subtype")
        if subtype not in ALLOWED_ANNOTATIONS:
            raise Refused("active", f"/Subtype {subtype}")

    def check_action(self, action):
        """Only a GoTo to a place inside this document (and a chain of those)."""
        from pypdf.generic import ArrayObject, DictionaryObject

        pending = [action]
        checked = 0
        while pending:
            action = self.resolve(pending.pop())
            checked += 1
            if not isinstance(action, DictionaryObject) or checked > 1000:
                raise Refused("active", "action")
            kind = self.value(action, "/S")
            if kind != "/GoTo":
                raise Refused("active", f"/S {kind}")
            extra = set(action) - GOTO_KEYS
            if extra:
                raise Refused("active", f"/GoTo {sorted(extra)[0]}")
            if "/D" not in action:
                raise Refused("active", "/GoTo")
            self.check_destination(self.value(action, "/D"))
            following = self.value(action, "/Next")
            if isinstance(following, ArrayObject):
                pending.extend(following)
            elif following is not None:
                pending.append(following)

    def check_destination(self, destination):
        """A named destination (looked up in this file) or ``[page-reference /XYZ …]``."""
        from pypdf.generic import (
            ArrayObject,
            ByteStringObject,
            IndirectObject,
            NameObject,
            TextStringObject,
        )

        if isinstance(destination, NameObject | TextStringObject | ByteStringObject):
            return
        if isinstance(destination, ArrayObject) and destination:
            page = destination[0]
            if isinstance(page, IndirectObject):
                target = self.resolve(page)
                if isinstance(target, dict) and self.value(target, "/Type") == "/Page":
                    return
        raise Refused("active", "destination")

    def value(self, item, key):
        """``item[key]`` with references followed (``None`` if absent)."""
        return self.resolve(dict.get(item, key))

    def resolve(self, value):
        from pypdf.generic import IndirectObject

        depth = 0
        while isinstance(value, IndirectObject) and depth < 32:
            value = value.get_object()
            depth += 1
        return value

    # -- the cost of drawing the pages ------------------------------------------------

    def check_page_content(self):
        """Each page's content streams and form XObjects, decompressed once, counted once
        per page that uses them."""
        from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

        total = 0
        pages = self.reader.pages
        if len(pages) > self.max_pages:
            raise Refused("pages", str(len(pages)))
        for page in pages:
            streams = {}
            contents = page.get("/Contents")
            stack = [contents] if contents is not None else []
            resources = [page.get("/Resources")]
            while stack or resources:
                if resources:
                    found = self.resolve(resources.pop())
                    xobjects = self.value(found, "/XObject") if isinstance(found, dict) else None
                    if isinstance(xobjects, DictionaryObject):
                        for ref in xobjects.values():
                            form = self.resolve(ref)
                            if (
                                isinstance(form, StreamObject)
                                and self.value(form, "/Subtype") == "/Form"
                            ):
                                stack.append(ref)
                    continue
                ref = stack.pop()
                if isinstance(ref, ArrayObject):
                    stack.extend(ref)
                    continue
                if isinstance(ref, IndirectObject):
                    key = (ref.idnum, ref.generation)
                else:
                    key = ("direct", id(ref))
                if key in streams:
                    continue
                stream = self.resolve(ref)
                if not isinstance(stream, StreamObject):
                    continue
                if key not in self.decoded:
                    self.decoded[key] = len(stream.get_data())
                streams[key] = self.decoded[key]
                if self.value(stream, "/Subtype") == "/Form" and "/Resources" in stream:
                    resources.append(stream["/Resources"])
            total += sum(streams.values())
            if total > self.max_content:
                raise Refused("content", str(total))


def check(data, limits):
    """``None`` if ``data`` is a plain PDF within ``limits``; else ``Refused``."""
    from pypdf.errors import LimitReachedError

    try:
        Checker(data, limits).run()
    except Refused as refused:
        return refused
    except LimitReachedError as error:
        return Refused("content", str(error)[:200])
    except MemoryError:
        return Refused("memory")
    except RecursionError:
        return Refused("content", "nesting")
    except Exception as error:  # noqa: BLE001 - anything the parser cannot read is refused
        return Refused("broken", f"{type(error).__name__}: {error}"[:200])
    return None


def main():
    limits = json.loads(sys.argv[1])
    import pypdf  # noqa: F401 - imported before the limits, which bound the upload's parse

    set_limits(limits)
    configure_pypdf(limits)
    data = sys.stdin.buffer.read(int(limits["max_file_bytes"]) + 1)
    refused = check(data, limits)
    if refused is None:
        answer = {"result": "ok"}
    else:
        answer = {"result": "refused", "code": refused.code, "detail": refused.detail}
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
