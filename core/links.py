"""Links to many objects of one kind on one page, without a ``reverse()`` per row.

``reverse()`` walks the URL resolver each time (tens of microseconds); a list of a thousand
institutions paid for it a thousand times. ``link_maker`` reverses the view once, per
request (so the script prefix and the URL conf in force are respected), with a marker in
place of the one argument, and returns a function that puts each row's value there. The
values must be what the URL pattern accepts unquoted: slugs and numbers (the marker is
digits, so it fits both a slug and an int converter).
"""

from django.urls import reverse

MARKER = "7319046285"


def link_maker(viewname, argument="slug"):
    """``f(value)`` giving ``reverse(viewname, kwargs={argument: value})``."""
    head, tail = reverse(viewname, kwargs={argument: MARKER}).split(MARKER)
    return lambda value: f"{head}{value}{tail}"
