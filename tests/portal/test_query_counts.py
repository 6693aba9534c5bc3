"""A constant, small number of queries per public page: at most six for every page in
tests/public_pages.py, at the seed's size and at ten times that (demo data)."""

import pytest

from ballerup_portal import scale_data
from tests.conftest import MAX_PAGE_QUERIES, page_queries
from tests.public_pages import PUBLIC_PAGES

MAX_QUERIES = MAX_PAGE_QUERIES
pytestmark = pytest.mark.usefixtures("demo")


def queries_for(client, url):
    sql = page_queries(client, url)
    return len(sql), sql


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
