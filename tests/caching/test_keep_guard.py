"""``{% keep %}`` refuses what would make a kept fragment stale or show one visitor's
data to the next: the time and the visitor (issue 22.3). Each misuse fails here, so the
rule no longer rests on a comment."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.template import Context, RequestContext, Template, TemplateSyntaxError
from django.test import RequestFactory

from caching.templatetags.kept_fragments import KeptVisitorOrTime


def render(body, user=None, **context):
    request = RequestFactory().get("/distrikter/?q=x", HTTP_COOKIE="csrftoken=abc")
    request.user = user or AnonymousUser()
    request.content_version = "a-version"
    template = Template("{% load kept_fragments closing_days culture_tags %}" + body)
    return template.render(RequestContext(request, context))


@pytest.mark.parametrize(
    "body",
    [
        "{{ user }}",
        "{{ user.username }}",
        "{% if user.is_authenticated %}x{% endif %}",
        "{{ request.user }}",
        "{{ request.user.username }}",
        "{{ request.GET.q }}",
        "{{ request.COOKIES.csrftoken }}",
        "{{ request.session }}",
        "{{ request.META.HTTP_USER_AGENT }}",
        "{{ perms.districts }}",
        "{% for message in messages %}{{ message }}{% endfor %}",
        "{% next_closing_day %}",
    ],
)
@pytest.mark.usefixtures("demo")
def test_a_kept_fragment_refuses_the_visitor_and_the_time(body):
    user = get_user_model().objects.get(username="leder-baltorp")
    with pytest.raises(KeptVisitorOrTime):
        render('{% keep "t" %}' + body + "{% endkeep %}", user=user)
    render(body, user=user)  # outside {% keep %} all of it is fine


@pytest.mark.django_db
def test_the_culture_box_is_refused_in_a_kept_fragment():
    from districts.models import District

    district = District.objects.first()
    with pytest.raises(KeptVisitorOrTime):
        render('{% keep "t" %}{% culture_network district %}{% endkeep %}', district=district)


@pytest.mark.parametrize("tag", ['{% now "Y" %}', "{% csrf_token %}"])
def test_the_time_and_the_form_token_are_a_syntax_error_in_a_kept_fragment(tag):
    with pytest.raises(TemplateSyntaxError, match="keep"):
        Template('{% load kept_fragments %}{% keep "t" %}' + tag + "{% endkeep %}")


@pytest.mark.django_db
def test_what_names_the_page_may_be_kept():
    html = render('{% keep "t" request.path %}{{ request.path }} {% url "home" %}{% endkeep %}')
    assert html == "/distrikter/ /"
    assert (
        Template('{% load kept_fragments %}{% keep "t" %}x{% endkeep %}').render(Context({})) == "x"
    )
