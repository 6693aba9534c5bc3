"""`make bench` loads every public page: each named address of the URL conf outside the
admin is in ``BENCH_PAGES`` (or found in the bench's database), or named as not a public
page, with the reason."""

from django.urls import URLPattern, URLResolver, get_resolver, resolve

from tests.public_pages import BENCH_FROM_DATABASE, BENCH_PAGES, NOT_PUBLIC_PAGES


def named_addresses(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern).startswith("admin"):
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_addresses(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name


def test_every_public_address_is_benchmarked():
    loaded = {resolve(path.split("?")[0]).view_name for path in BENCH_PAGES.values()}
    missing = set(named_addresses()) - loaded - BENCH_FROM_DATABASE - set(NOT_PUBLIC_PAGES)
    assert not missing, f"not in tests/public_pages.py BENCH_PAGES: {sorted(missing)}"


def test_the_exceptions_name_real_addresses():
    known = set(named_addresses())
    assert set(NOT_PUBLIC_PAGES) <= known
    assert known >= BENCH_FROM_DATABASE
