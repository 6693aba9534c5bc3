"""Every admin action of every app, posted by every role: only those who may change every
selected object run it; for anyone else nothing at all changes.

Django's admin asks only the model permission before running an action. The portal's
``guard_action`` asks the app's rules for each selected object, and ``manage.py check``
fails on an action that declares no permission (portal.E002).
"""

import pytest
from django.apps import apps
from django.contrib import admin
from django.core import checks

from core.checks import portal_model_admins
from daycare.constants import PublicationStatus
from daycare.models import ClosingDay
from tests.conftest import logged_in

pytestmark = pytest.mark.usefixtures("demo")

DISTRICTS = ["baltorp", "hedegaard", "maaloevhoej", "skovlunde", "skovvejen"]
ROLES = ["admin"] + [f"leder-{d}" for d in DISTRICTS] + [f"kultur-{d}" for d in DISTRICTS]

# Who may run each action on every object of its model. A new action fails
# test_every_action_is_in_this_table until it is added here, with its tests.
ALLOWED = {
    "daycare.closingday.publish": {"admin"},
    "daycare.closingday.unpublish": {"admin"},
    "daycare.closingdayrule.propose": {"admin"},
    "delete_selected": {"admin"},
}


def portal_actions():
    found = []
    for model, model_admin in portal_model_admins():
        for action in model_admin.actions or ():
            name = action if isinstance(action, str) else action.__name__
            found.append((model, f"{model._meta.label_lower}.{name}", name))
    return sorted(found, key=lambda found: found[1])


def snapshot():
    """Every row of the portal's apps, their history included."""
    rows = []
    for label in ["districts", "daycare", "culture", "governance"]:
        for model in apps.get_app_config(label).get_models():
            rows.append(list(model._default_manager.order_by("pk").values()))
    return rows


def changelist(model):
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/"


def test_every_action_is_in_this_table():
    assert {key for _model, key, _name in portal_actions()} | {"delete_selected"} == set(ALLOWED)


def test_an_action_without_a_permission_fails_the_system_check(monkeypatch):
    from daycare.admin.closing_days import ClosingDayAdmin

    def undeclared(modeladmin, request, queryset):
        queryset.update(status=PublicationStatus.DRAFT)

    monkeypatch.setattr(ClosingDayAdmin, "undeclared", undeclared, raising=False)
    monkeypatch.setattr(ClosingDayAdmin, "actions", [*ClosingDayAdmin.actions, "undeclared"])
    errors = [e for e in checks.run_checks(tags=[checks.Tags.admin]) if e.id == "portal.E002"]
    assert ["'undeclared'" in e.msg for e in errors] == [True]


def refused_posts():
    """``(model, action key, action name, username)`` for every role not allowed to run
    an action, each action also tried as Django's bulk delete on the same model."""
    cases = []
    for model, key, name in portal_actions():
        for key_, name_ in [(key, name), ("delete_selected", "delete_selected")]:
            for username in ROLES:
                if username not in ALLOWED[key_]:
                    cases.append(
                        pytest.param(model, name_, username, id=f"{key}-{name_}-{username}")
                    )
    return cases


@pytest.mark.parametrize(("model", "name", "username"), refused_posts())
def test_an_action_posted_by_a_role_that_may_not_runs_on_nothing(model, name, username):
    client = logged_in(username)
    user = client.get("/admin/").wsgi_request.user
    # Who may see the list gets it back (the action is not offered, so Django says no
    # action was chosen); who may not gets 403.
    expected = (
        200 if user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}") else 403
    )
    before = snapshot()
    ids = list(model._default_manager.values_list("pk", flat=True))
    for data in [
        {"action": name, "select_across": "1", "index": "0", "_selected_action": ids},
        {"action": name, "select_across": "0", "index": "0", "_selected_action": ids[:1]},
        {"action": name, "_selected_action": ids[:1], "post": "yes"},
    ]:
        response = client.post(changelist(model), data)
        assert response.status_code == expected, data
    assert snapshot() == before


def test_a_district_leader_cannot_unpublish_every_closing_day():
    """The attack from issue 20: "20 lukkedage er nu kladder", and every feed went empty."""
    published = ClosingDay.objects.published().count()
    assert published > 0
    client = logged_in("leder-skovlunde")
    ids = list(ClosingDay.objects.values_list("pk", flat=True))
    response = client.post(
        changelist(ClosingDay),
        {"action": "unpublish", "select_across": "1", "index": "0", "_selected_action": ids},
        follow=True,
    )
    assert ClosingDay.objects.published().count() == published
    assert "er nu kladder" not in response.content.decode()
    # The actions are not offered either.
    page = client.get(changelist(ClosingDay)).content.decode()
    assert 'value="unpublish"' not in page and 'value="publish"' not in page
    # The public page still lists the days.
    assert ClosingDay.objects.published().first().name in client.get("/lukkedage/").content.decode()


def test_an_administrator_publishes_and_unpublishes_through_the_actions():
    day = ClosingDay.objects.published().first()
    client = logged_in("admin")
    response = client.post(
        changelist(ClosingDay), {"action": "unpublish", "index": "0", "_selected_action": [day.pk]}
    )
    assert response.status_code == 302
    day.refresh_from_db()
    assert (day.status, day.published_at) == (PublicationStatus.DRAFT, None)
    client.post(
        changelist(ClosingDay), {"action": "publish", "index": "0", "_selected_action": [day.pk]}
    )
    day.refresh_from_db()
    assert day.status == PublicationStatus.PUBLISHED and day.published_at is not None


def test_the_guard_refuses_the_whole_batch_when_one_object_is_out_of_reach():
    """Per object, not per model: even where Django offers an action (the model
    permission is held), a selection with one object out of reach changes nothing, and
    the user is told which."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.contrib.messages import get_messages
    from django.contrib.messages.middleware import MessageMiddleware
    from django.test import RequestFactory

    from core.admin_base import guard_action

    leader = get_user_model().objects.get(username="leder-baltorp")
    # The model permission, as a careless change to the groups would give it.
    leader.user_permissions.add(Permission.objects.get(codename="change_closingday"))
    leader = get_user_model().objects.get(pk=leader.pk)
    model_admin = admin.site.get_model_admin(ClosingDay)
    client = logged_in("leder-baltorp")
    request = RequestFactory().post("/")
    request.user = leader
    request.session = client.session
    MessageMiddleware(lambda request: None).process_request(request)
    assert "unpublish" in model_admin.get_actions(request)  # offered on the model permission
    days = ClosingDay.objects.published()
    guard_action(type(model_admin).unpublish)(model_admin, request, days)
    assert ClosingDay.objects.published().count() == days.count() > 0
    assert "Intet er ændret" in str(list(get_messages(request))[0])


def test_a_row_id_of_another_house_in_an_inline_is_refused_not_ignored():
    """Before: a role of a house in another district, named in this house's inline,
    was silently dropped, and the save answered 302 as if it had worked."""
    from districts.models import Role
    from tests.admin_forms import form_data
    from tests.conftest import admin_url

    client = logged_in("leder-baltorp")
    roles = Role.objects.filter(institution__isnull=False).select_related("institution")
    mine = next(r for r in roles if r.institution.districts.filter(slug="baltorp").exists())
    other = next(r for r in roles if not r.institution.districts.filter(slug="baltorp").exists())
    house = mine.institution
    data = form_data(client.get(admin_url(house)))
    data["roles-0-id"] = str(other.pk)
    before = snapshot()
    response = client.post(admin_url(house), data)
    assert response.status_code == 200
    assert "hører ikke (længere) til her" in response.content.decode()
    assert snapshot() == before
