"""No URL answers 500 (``tests/every_url.py``): the patterns of the URL conf at
even places (0, 2, …); ``tests/test_every_url_b.py`` walks the others. Two files, so that the
unit tier's two workers, which take whole files, share the walk."""

import pytest

from tests.every_url import PATTERNS, missing_real_values, walk_url

pytestmark = pytest.mark.usefixtures("demo")


@pytest.mark.parametrize(("name", "route"), PATTERNS[0::2])
def test_no_url_answers_500(name, route):
    walk_url(name, route)


def test_every_pattern_with_parameters_has_a_real_value():
    missing = missing_real_values()
    assert not missing, "\n".join(missing)
