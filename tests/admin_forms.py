"""Submit an admin form the way a browser does: with every value the page put in it.

Tests that post hand-made data would miss what the page really carries (the hidden
version token, the inline management forms, the choices offered).
"""

from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.data = {}
        self.options = {}
        self.hidden = set()
        self._in_form = False
        self._select = None
        self._option = None
        self._textarea = None

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self._in_form = True
        if not self._in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file"):
                return
            value = attrs.get("value", "on" if kind == "checkbox" else "")
            if kind == "hidden":
                self.hidden.add(name)
            if kind in ("checkbox", "radio"):
                # A group of checkboxes offers its choices the way a select's options do.
                self.options.setdefault(name, []).append(value)
                if "checked" not in attrs:
                    return
            self._add(name, value)
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
            self.options[name] = []
        elif tag == "option" and self._select:
            value = attrs.get("value", "")
            self.options[self._select].append(value)
            if "selected" in attrs:
                self._add(self._select, value)
        elif tag == "textarea" and name:
            self._textarea = name
            self._add(name, "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][-1] += data


def form_data(response):
    """The values of the page's POST form, as a dict ready for ``client.post``."""
    parser = _FormParser()
    parser.feed(response.content.decode())
    # Django's admin ends single selects that had no choice with an empty option.
    return {
        name: values if len(values) != 1 else values[0]
        for name, values in parser.data.items()
        if not name.endswith("__prefix__") and "__prefix__" not in name
    }


def choices(response, name):
    """The values a select or a group of checkboxes offers (a select's blank included)."""
    parser = _FormParser()
    parser.feed(response.content.decode())
    return parser.options.get(name, [])


def fields(response):
    """``(options, hidden)`` of the page's POST form: ``{name: [values]}`` of every
    select and group of checkboxes or radio buttons, and the names of its hidden inputs."""
    parser = _FormParser()
    parser.feed(response.content.decode())
    return parser.options, parser.hidden
