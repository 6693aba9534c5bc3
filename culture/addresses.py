"""Many links to one kind of page, with one ``reverse()``: a page that lists twenty
performances or five networks builds their addresses from one reversed address instead
of resolving the URL pattern per row (``reverse()`` is the costly part of
``get_absolute_url()``)."""

from django.urls import reverse

# Fits both a slug and an int converter, and no address contains it by itself.
MARKER = "7319046285"


def addresses(viewname, kwarg):
    """A function ``value -> address`` for ``viewname`` with ``kwarg`` set to ``value``,
    as ``reverse(viewname, kwargs={kwarg: value})`` gives it, for values the URL
    converter takes unchanged (a slug, a primary key)."""
    head, tail = reverse(viewname, kwargs={kwarg: MARKER}).split(MARKER)

    def address(value):
        return f"{head}{value}{tail}"

    return address
