"""Every door the libraries add to the admin, tried with a POST as an attacker would.

Account and group history is read-only for everyone; no one but a superuser reaches a
superuser's account by any admin URL; a malformed id answers 404 on every model.
"""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from districts.models import Person
from tests.admin_forms import choices, form_data
from tests.conftest import admin_url, login

pytestmark = pytest.mark.usefixtures("demo")

User = get_user_model()


@pytest.fixture
def emergency():
    return User.objects.create_superuser("noedadgang", password="en-lang-noedadgangskode")


def first_version(obj):
    return obj.history.order_by("history_id").first()


def history_form_url(obj, version):
    return f"{admin_url(obj, 'history')}{version.history_id}/"


def test_administrator_cannot_rename_or_deactivate_a_superuser_through_its_history(
    client, emergency
):
    login(client, "admin")
    version = first_version(emergency)
    assert client.get(admin_url(emergency, "history")).status_code == 403
    response = client.post(
        history_form_url(emergency, version),
        {"username": "overtaget", "is_active": "", "is_superuser": "on"},
    )
    assert response.status_code == 403
    emergency.refresh_from_db()
    assert (emergency.username, emergency.is_active) == ("noedadgang", True)


def test_a_demoted_account_cannot_be_made_superuser_again_by_restoring_a_version(client):
    account = User.objects.create_superuser("tidligere-chef", password="en-lang-adgangskode-1")
    account.is_superuser = False
    account.save()
    login(client, "admin")
    old = first_version(account)
    assert old.is_superuser
    page = client.get(history_form_url(account, old))
    assert page.status_code == 200  # the old version may be read ...
    response = client.post(history_form_url(account, old), form_data(page))
    assert response.status_code == 403  # ... never written back
    account.refresh_from_db()
    assert not account.is_superuser


def test_restoring_an_old_version_cannot_hand_back_a_group(client):
    leader = User.objects.get(username="leder-baltorp")
    old = leader.history.order_by("-history_id").first()
    leader.groups.clear()
    leader.save()
    login(client, "admin")
    page = client.get(history_form_url(leader, old))
    response = client.post(history_form_url(leader, old), form_data(page))
    assert response.status_code == 403
    assert not leader.groups.exists()


def test_group_history_is_read_only(client):
    group = Group.objects.get(name="Distriktsleder")
    login(client, "admin")
    version = first_version(group)
    page = client.get(history_form_url(group, version))
    assert page.status_code == 200
    permissions = set(group.permissions.all())
    response = client.post(history_form_url(group, version), {"name": "Overtaget"})
    assert response.status_code == 403
    group.refresh_from_db()
    assert group.name == "Distriktsleder"
    assert set(group.permissions.all()) == permissions


@pytest.mark.parametrize("view", ["change", "delete", "password", "history"])
def test_no_admin_url_of_a_superuser_opens_to_an_administrator(client, emergency, view):
    login(client, "admin")
    url = admin_url(emergency, view)
    # The superuser is not among the users an administrator's admin lists: the change and
    # delete pages send them to the index, the password form has no such user, the
    # history is refused.
    refused = {"change": 302, "delete": 302, "password": 404, "history": 403}[view]
    response = client.get(url)
    assert response.status_code == refused
    if refused == 302:
        assert response.headers["Location"] == "/admin/"
    response = client.post(
        url,
        {"password1": "overtaget-kodeord-123", "password2": "overtaget-kodeord-123", "post": "yes"},
    )
    assert response.status_code == refused
    emergency.refresh_from_db()
    assert emergency.check_password("en-lang-noedadgangskode")
    assert emergency.is_active


def test_superusers_own_history_is_open_to_superusers(client, emergency):
    client.force_login(emergency)
    assert client.get(admin_url(emergency, "history")).status_code == 200


PEOPLE = "/admin/districts/person/"


def test_a_person_cannot_be_linked_to_a_superusers_account_by_an_administrator(client, emergency):
    login(client, "admin")
    page = client.get(f"{PEOPLE}add/")
    offered = {value for value in choices(page, "user") if value}
    assert str(User.objects.get(username="leder-baltorp").pk) in offered
    assert str(emergency.pk) not in offered
    # A hand-made POST of the superuser's id is an invalid choice like any other.
    data = form_data(page) | {"name": "Overtaget Nødadgang", "user": emergency.pk}
    response = client.post(f"{PEOPLE}add/", data)
    assert response.status_code == 200
    assert "Marker en gyldig valgmulighed" in response.content.decode()
    assert not Person.objects.filter(user=emergency).exists()
    # The superuser links its own account.
    client.force_login(emergency)
    page = client.get(f"{PEOPLE}add/")
    assert str(emergency.pk) in choices(page, "user")
    data = form_data(page) | {"name": "Nødadgang", "user": emergency.pk}
    assert client.post(f"{PEOPLE}add/", data).status_code == 302
    assert Person.objects.get(user=emergency).name == "Nødadgang"


def test_a_person_linked_to_a_superusers_account_keeps_it_when_an_administrator_saves(
    client, emergency
):
    person = Person.objects.create(name="Nødadgang", user=emergency)
    login(client, "admin")
    page = client.get(admin_url(person))
    assert 'name="user"' not in page.content.decode()
    data = form_data(page) | {"phone": "44 77 00 12", "user": ""}
    assert client.post(admin_url(person), data).status_code == 302
    person.refresh_from_db()
    assert (person.user, person.phone) == (emergency, "44 77 00 12")


def admin_models():
    registered = [model for model in apps.get_models() if admin.site.is_registered(model)]
    return sorted(registered, key=lambda model: model._meta.label)


MALFORMED = ["5/change", "abc", "1.5", "%00", "9" * 40, "-"]


@pytest.mark.parametrize("model", admin_models(), ids=lambda model: model._meta.label)
def test_a_malformed_id_answers_404_on_every_admin_url(client, model):
    """Tried as a superuser, who passes every permission check: only the id decides."""
    client.force_login(User.objects.create_superuser("chef", password=None))
    base = f"/admin/{model._meta.app_label}/{model._meta.model_name}"
    for raw in MALFORMED:
        for suffix in ["change/", "delete/", "history/", "history/1/", "password/"]:
            # Django's admin redirects an unknown suffix to ".../change/", which then 404s.
            response = client.get(f"{base}/{raw}/{suffix}", follow=True)
            assert response.status_code == 404, (raw, suffix, response.status_code)
            response = client.post(f"{base}/{raw}/{suffix}", {"post": "yes"}, follow=True)
            assert response.status_code == 404, (raw, suffix, response.status_code)
    # A well-formed object id with a malformed version.
    obj = model._default_manager.first()
    if obj is not None and hasattr(model, "history"):
        assert client.get(f"{base}/{obj.pk}/history/abc/").status_code == 404


LIBRARY_MODELS = ["axes.accessattempt", "axes.accessfailurelog", "axes.accesslog",
                  "otp_totp.totpdevice", "auth.user", "auth.group"]  # fmt: skip


@pytest.mark.parametrize("label", LIBRARY_MODELS)
@pytest.mark.parametrize("username", ["leder-baltorp", "kultur-baltorp"])
def test_staff_who_are_not_administrators_are_refused_every_library_view(client, label, username):
    """Lock-outs, devices, accounts and groups: a district leader or culture account can
    neither see nor change them, by any view, GET or POST."""
    from axes.models import AccessAttempt
    from django_otp.plugins.otp_totp.models import TOTPDevice

    attempt = AccessAttempt.objects.create(
        username="x", ip_address="10.0.0.1", failures_since_start=5
    )
    device = TOTPDevice.objects.create(user=User.objects.get(username="admin"), name="Telefon")
    counts = (AccessAttempt.objects.count(), TOTPDevice.objects.count(), User.objects.count())
    login(client, username)
    app, model = label.split(".")
    base = f"/admin/{app}/{model}/"
    obj_id = {"axes.accessattempt": attempt.pk, "otp_totp.totpdevice": device.pk}.get(
        label, User.objects.get(username="admin").pk
    )
    for url in [base, f"{base}add/", f"{base}{obj_id}/change/", f"{base}{obj_id}/delete/",
                f"{base}{obj_id}/history/"]:  # fmt: skip
        # 403, or 404 / back to the admin index for an id this model does not have.
        for response in [
            client.get(url),
            client.post(
                url,
                {
                    "post": "yes",
                    "action": "delete_selected",
                    "_selected_action": [obj_id],
                    "username": "x",
                },
            ),  # fmt: skip
        ]:
            assert response.status_code in (302, 403, 404), url
            if response.status_code == 302:
                assert response.headers["Location"] == "/admin/", url
    assert (AccessAttempt.objects.count(), TOTPDevice.objects.count(), User.objects.count()) == (
        counts
    )


# --- "View on site" (/admin/r/<content type>/<id>/) ---------------------------------


def view_on_site(obj, object_id=None):
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(obj)
    return f"/admin/r/{content_type.pk}/{obj.pk if object_id is None else object_id}/"


@pytest.mark.parametrize(
    "username", ["kontakt-baltorpskolen", "leder-skovlunde", "kultur-baltorp", "admin"]
)
def test_view_on_site_never_gives_away_an_institutions_private_calendar(client, username):
    """The calendar's address is its only key: Django's shortcut redirected any staff
    login to another institution's calendar of confirmed performances."""
    from tests.bookings.helpers import book, calendar_of, first_showing

    book(first_showing("skovvejen"))  # Valhalla's confirmed booking
    feed = calendar_of("kontakt-valhalla", "boernehuset-valhalla")
    login(client, username)
    response = client.get(view_on_site(feed))
    assert response.status_code == 404
    assert feed.token not in response.headers.get("Location", "")
    # Nor any other generic code (sitemaps, history views) that reads get_absolute_url.
    assert not hasattr(feed, "get_absolute_url")


def test_view_on_site_takes_staff_who_may_see_an_object_to_its_page(client):
    from daycare.constants import PublicationStatus
    from daycare.models import ClosingDay
    from districts.models import District

    district = District.objects.get(slug="baltorp")
    login(client, "leder-baltorp")
    response = client.get(view_on_site(district))
    assert response.status_code == 302
    assert response.headers["Location"].endswith(district.get_absolute_url())
    # Nor does it tell a culture account that a draft exists.
    draft = ClosingDay.objects.create(
        date="2027-06-02", name="Kladde", status=PublicationStatus.DRAFT
    )
    login(client, "kultur-baltorp")
    assert client.get(view_on_site(draft)).status_code == 404


def test_view_on_site_answers_404_to_malformed_and_unknown_ids(client):
    """A model the admin does not show (sessions, the content version) and every
    malformed id: 404, never 500, even for a superuser."""
    from django.contrib.contenttypes.models import ContentType

    from districts.models import District

    client.force_login(User.objects.create_superuser("chef", password=None))
    district = District.objects.get(slug="baltorp")
    for raw in MALFORMED:
        assert client.get(view_on_site(district, raw)).status_code == 404, raw
        assert client.get(f"/admin/r/{raw}/{district.pk}/").status_code == 404, raw
    unshown = ContentType.objects.get(app_label="sessions", model="session")
    assert client.get(f"/admin/r/{unshown.pk}/1/").status_code == 404
    assert client.get(view_on_site(district)).status_code == 302


# --- Numbers no database column holds ------------------------------------------------


HUGE = "99999999999999999999"


def test_a_many_to_many_choice_no_column_holds_is_refused_in_danish(client):
    """Django looks the chosen rows up with one ``__in`` query, which failed (a 500) on a
    number larger than the column holds; on the admin's own and the libraries' forms."""
    from districts.models import Institution

    login(client, "admin")
    group = Group.objects.get(name="Distriktsleder")
    permissions = set(group.permissions.all())
    page = client.get(admin_url(group))
    response = client.post(admin_url(group), form_data(page) | {"permissions": [HUGE]})
    assert response.status_code == 200
    assert f"“{HUGE}” er ikke en gyldig værdi." in response.content.decode()
    assert set(group.permissions.all()) == permissions
    house = Institution.objects.get(slug="boernehuset-bispevangen")
    districts = set(house.districts.all())
    page = client.get(admin_url(house))
    response = client.post(admin_url(house), form_data(page) | {"districts": ["1", HUGE]})
    assert response.status_code == 200
    assert f"“{HUGE}” er ikke en gyldig værdi." in response.content.decode()
    assert set(house.districts.all()) == districts


@pytest.mark.parametrize("selected", [[HUGE], ["abc", "\x00"], ["-1", "1.5"]])
def test_an_action_on_ids_that_cannot_be_ids_selects_nothing(client, selected):
    from districts.models import District

    count = District.objects.count()
    login(client, "admin")
    response = client.post(
        "/admin/districts/district/",
        {"action": "delete_selected", "_selected_action": selected, "post": "yes"},
    )
    assert response.status_code in (200, 302)
    assert District.objects.count() == count
    for label in ["axes/accessattempt", "otp_totp/totpdevice", "auth/user"]:
        response = client.post(
            f"/admin/{label}/",
            {"action": "delete_selected", "_selected_action": selected, "post": "yes"},
        )
        assert response.status_code in (200, 302), label


def test_an_administrator_cannot_delete_their_own_account(client):
    """The deletion's history row names the deleting user, who would be gone: the
    database refused it at commit (a 500). Another administrator deletes the account."""
    me = User.objects.get(username="admin")
    login(client, "admin")
    assert client.post(admin_url(me, "delete"), {"post": "yes"}).status_code == 403
    response = client.post(
        "/admin/auth/user/",
        {"action": "delete_selected", "_selected_action": [me.pk], "post": "yes"},
    )
    assert response.status_code == 403
    assert User.objects.filter(pk=me.pk).exists()
    # Another account still can be deleted.
    other = User.objects.create_user("vikar", password=None, is_staff=True)
    assert client.post(admin_url(other, "delete"), {"post": "yes"}).status_code == 302
    assert not User.objects.filter(pk=other.pk).exists()
