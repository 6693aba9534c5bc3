"""A constant, small number of queries per public page: at most six for every page in
tests/public_pages.py, at the seed's size and at ten times that (demo data)."""

import pytest
from django.test import Client

from ballerup_portal import scale_data
from caching.kept import forget_kept
from districts.models import Institution
from tests.conftest import (
    MAX_PAGE_QUERIES,
    empty_committed_database,
    ensure_seed_and_demo,
    page_queries,
)
from tests.public_pages import PUBLIC_PAGES

MAX_QUERIES = MAX_PAGE_QUERIES
pytestmark = pytest.mark.usefixtures("demo")


def status(name):
    return 404 if name == "404" else 200


def queries_for(client, name):
    sql = page_queries(client, PUBLIC_PAGES[name], status=status(name))
    return len(sql), sql


def fresh_process_state():
    """What tests/conftest.py forgets before each test: the per-process copies."""
    forget_kept()


@pytest.fixture(scope="module")
def ten_times(django_db_setup, django_db_blocker):
    """The ten-times data set, built once for the module (committed) and removed after
    it. Returns each page's query count at the seed's size, counted just before."""
    with django_db_blocker.unblock():
        ensure_seed_and_demo()
        at_seed_size = {}
        for name in PUBLIC_PAGES:
            fresh_process_state()
            at_seed_size[name] = queries_for(Client(), name)[0]
        assert scale_data.create(10)
        fresh_process_state()
    yield at_seed_size
    with django_db_blocker.unblock():
        empty_committed_database()
    fresh_process_state()


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_a_public_page_needs_few_queries_at_seed_size(client, name):
    count, sql = queries_for(client, name)
    assert count <= MAX_QUERIES, sql


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_a_public_page_needs_as_few_queries_at_ten_times_the_data(client, name, ten_times):
    assert Institution.objects.filter(name__startswith=scale_data.MARK).exists()
    count, sql = queries_for(client, name)
    assert count <= MAX_QUERIES, sql
    assert count == ten_times[name], sql  # the same queries, whatever the data size
