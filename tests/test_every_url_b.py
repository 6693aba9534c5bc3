"""No URL answers 500 (``tests/every_url.py``): the patterns of the URL conf at
odd places (1, 3, …); ``tests/test_every_url_a.py`` walks the others. Two files, so that the
unit tier's two workers, which take whole files, share the walk."""

import pytest

from tests.every_url import PATTERNS, walk_url

pytestmark = pytest.mark.usefixtures("demo")


@pytest.mark.parametrize(("name", "route"), PATTERNS[1::2])
def test_no_url_answers_500(name, route):
    walk_url(name, route)
