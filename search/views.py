"""The search page (``/soeg/``)."""

from django.shortcuts import render

from caching.keys import query_parameters

from .engine import MAX_QUERY_LENGTH, browse_links, search
from .forms import SearchForm


@query_parameters("q")
def search_page(request):
    form = SearchForm(request.GET or None)
    # A longer query (a pasted address) is searched for by its first letters.
    query = form.cleaned_data["q"].strip()[:MAX_QUERY_LENGTH] if form.is_valid() else ""
    groups, suggestions = search(query, request) if query else ([], [])
    context = {
        # Not "query": the header's search box (search_tags) stays empty, so the header is
        # the same for every search and kept once ({% keep "header" request.path query %})
        # rather than rendered for each new query; the page's own box (plain HTML, no
        # form library: it is rendered on every search) keeps the query.
        "search_query": query,
        "max_length": MAX_QUERY_LENGTH,
        "groups": groups,
        "suggestions": suggestions,
        # Where to look instead (registered by the apps: the A–Å list).
        "browse_links": browse_links(),
    }
    return render(request, "search/search.html", context)
