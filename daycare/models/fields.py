"""``MarkdownHTMLField``: the sanitised HTML of a Markdown field on the same row, made by
every save, so that a page shows staff's text without rendering it on every request.

Rendering Markdown and sanitising it (``core.text``) took about a third of the vision
page's time, every request, for text that changes only when an administrator saves it.
The HTML is made on ``pre_save``: by the admin's forms, a version restored from the
history, the seed (``load_seed``, raw saves too) and any ``save()`` in code. It is never
edited and never kept in the history (each model's ``HistoricalRecords`` leaves it out: a
restored version gets its HTML made afresh). An ``update()`` of the Markdown would leave
the HTML behind: the project has none, and ``tests/daycare/test_markdown_html.py`` checks
that every stored HTML is what ``core.text`` makes of its text now (so a change to
``core.text`` needs a data migration that saves the rows again, as ``0007`` does)."""

from django.db import models
from django.db.models.signals import pre_save
from django.utils.safestring import SafeString

from core.text import render_markdown, render_markdown_inline


class MarkdownHTMLField(models.TextField):
    """The HTML of the field ``source``: block Markdown with headings from
    ``<h{top_level}>`` (``{{ text|markdown:top_level }}``), or one line of inline
    Markdown (``inline=True``, ``{{ text|markdown_inline }}``). Read back as safe HTML."""

    def __init__(self, *args, source=None, top_level=3, inline=False, **kwargs):
        self.source, self.top_level, self.inline = source, top_level, inline
        kwargs.setdefault("editable", False)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["source"] = self.source
        if self.top_level != 3:
            kwargs["top_level"] = self.top_level
        if self.inline:
            kwargs["inline"] = True
        for key, default in (("editable", False), ("blank", True), ("default", "")):
            if kwargs.get(key, default) == default:
                kwargs.pop(key, None)
        return name, path, args, kwargs

    def contribute_to_class(self, cls, name, *args, **kwargs):
        super().contribute_to_class(cls, name, *args, **kwargs)
        if not cls._meta.abstract:
            pre_save.connect(self.make_html, sender=cls)

    def html_of(self, text):
        if self.inline:
            return str(render_markdown_inline(text))
        return str(render_markdown(text, self.top_level))

    def make_html(self, sender, instance, **kwargs):
        setattr(instance, self.attname, self.html_of(getattr(instance, self.source)))

    def from_db_value(self, value, expression, connection):
        # Sanitised by core.text when it was made.
        return value if value is None else SafeString(value)
