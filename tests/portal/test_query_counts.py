"""A constant, small number of queries per public page: at most six for every page in
tests/public_pages.py, at the seed's size and at ten times that (demo data)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ballerup_portal import scale_data
from tests.public_pages import PUBLIC_PAGES

MAX_QUERIES = 6
pytestmark = pytest.mark.usefixtures("demo")


def queries_for(client, url):
    client.get(url)  # first request: per-process caches (content types, templates)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code in (200, 404), url
    return len(queries), [q["sql"] for q in queries.captured_queries]


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_a_public_page_needs_few_queries_at_seed_size(client, name):
    count, sql = queries_for(client, PUBLIC_PAGES[name])
    assert count <= MAX_QUERIES, sql


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_a_public_page_needs_as_few_queries_at_ten_times_the_data(client, name):
    before, _ = queries_for(client, PUBLIC_PAGES[name])
    assert scale_data.create(10)
    count, sql = queries_for(client, PUBLIC_PAGES[name])
    assert count <= MAX_QUERIES, sql
    assert count == before, sql  # the same queries, whatever the data size
