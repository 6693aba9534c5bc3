"""Staff text rendered as Markdown is sanitised: nothing executable reaches a page."""

from html.parser import HTMLParser

import pytest

from core.text import render_markdown


class TagCollector(HTMLParser):
    @classmethod
    def of(cls, html):
        parser = cls()
        parser.tags = []
        parser.feed(html)
        return parser.tags

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_markdown_renders_lists_emphasis_links_and_shifted_headings():
    html = render_markdown("# Mål\n\n- **Leg** og *læring*\n- [Ballerup](https://ballerup.dk)")
    assert "<h3>Mål</h3>" in html
    assert "<li><strong>Leg</strong> og <em>læring</em></li>" in html
    assert '<a href="https://ballerup.dk" rel="noopener noreferrer">Ballerup</a>' in html


@pytest.mark.parametrize(
    "nasty",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[klik](javascript:alert(1))",
        '<a href="javascript:alert(1)">klik</a>',
        "<style>body{display:none}</style>",
        "![billede](https://example.com/sporing.png)",
        '<iframe src="https://example.com"></iframe>',
    ],
)
def test_nothing_executable_or_external_gets_through(nasty):
    """What staff typed may show as text; it never becomes a tag, handler or link."""
    tags = TagCollector.of(render_markdown(nasty))
    assert {tag for tag, _ in tags} <= {"p", "a"}
    for _, attrs in tags:
        assert set(attrs) <= {"href", "rel"}
        assert not attrs.get("href", "").lower().startswith("javascript")


def test_plain_text_stays_plain_text():
    assert render_markdown("Børnehuset åbner kl. 6.30 & lukker 17") == (
        "<p>Børnehuset åbner kl. 6.30 &amp; lukker 17</p>\n"
    )
    assert render_markdown("") == ""


def test_a_text_is_parsed_once_per_process_and_a_changed_text_anew(monkeypatch):
    from core import text

    parsed = []
    real = text._markdown.render
    monkeypatch.setattr(text._markdown, "render", lambda s: parsed.append(s) or real(s))
    first = "Vi *leger* hver dag: unik tekst til denne test"
    assert render_markdown(first) == render_markdown(first)
    assert parsed == [first]
    changed = first + " og synger"
    assert "synger" in render_markdown(changed)
    assert parsed == [first, changed]
    # Bounded per process: the oldest texts are forgotten.
    assert text._sanitised_block.cache_info().maxsize == text.RENDERED_TEXTS
