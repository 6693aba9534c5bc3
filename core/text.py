"""Staff-written text shown on public pages: plain text or Markdown, always sanitised.

markdown-it-py renders CommonMark with raw HTML switched off; nh3 (the Rust ``ammonia``
sanitiser) then keeps only the tags and attributes a text block needs, so no script,
style, event handler or ``javascript:`` link reaches a page, whatever staff typed.
Headings are shifted down (``#`` becomes ``<h3>`` by default) so a text never competes
with the page's own ``<h1>`` and ``<h2>``.
"""

from functools import lru_cache

import nh3
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_markdown.disable("image")  # images would be requests to wherever the URL points

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote",
    "h3", "h4", "h5", "h6", "code", "pre", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"https", "http", "mailto", "tel"}


def _shift_headings(html, top_level):
    for level in range(6, 0, -1):
        new = min(level + top_level - 1, 6)
        html = html.replace(f"<h{level}>", f"<h{new}>").replace(f"</h{level}>", f"</h{new}>")
    return html


# Rendering is a pure function of the text: the same text always gives the same HTML, so
# each process remembers the latest texts' HTML instead of parsing them on every request
# (a page with 40 bullets parsed them 40 times). Nothing can be stale: a changed text is
# a new key. Bounded: at most this many texts (staff texts are a few KB) per process.
RENDERED_TEXTS = 2048


def render_markdown(text, top_level=3):
    """Sanitised HTML of ``text`` (Markdown or plain text), safe to put in a template."""
    if not text:
        return mark_safe("")
    return mark_safe(_sanitised_block(str(text), top_level))  # noqa: S308 (nh3 below)


@lru_cache(maxsize=RENDERED_TEXTS)
def _sanitised_block(text, top_level):
    return nh3.clean(
        _shift_headings(_markdown.render(text), top_level),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


INLINE_TAGS = {"strong", "em", "a", "code", "br"}


def render_markdown_inline(text):
    """Sanitised HTML of one line (a bullet): emphasis, code and links, no blocks."""
    if not text:
        return mark_safe("")
    return mark_safe(_sanitised_line(str(text)))  # noqa: S308 (nh3 below)


@lru_cache(maxsize=RENDERED_TEXTS)
def _sanitised_line(text):
    return nh3.clean(
        _markdown.renderInline(text),
        tags=INLINE_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )
