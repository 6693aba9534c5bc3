"""The search query (``/soeg/?q=...``), checked by a form; the box in every page's header
is written out in ``templates/includes/search_box.html`` (``search_tags``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .search import MAX_QUERY_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Søg på siden"), max_length=MAX_QUERY_LENGTH, required=False)
