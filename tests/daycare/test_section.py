"""The daycare section (001): about with its figures, organisation, partners, and the
vision and strategy in full, in the source's order, from data administrators edit."""

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from daycare.models import Bullet, DaycareAbout, Document, Partner, Profession, Section
from districts.constants import InstitutionType, RoleType
from districts.models import District, Institution, Person, Role
from tests.admin_forms import form_data
from tests.conftest import admin_url, login
from tests.districts.test_nasty_names import NASTY_NAMES

pytestmark = pytest.mark.usefixtures("demo")

SOURCE = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "001_7007d88801771e08.txt"
# The source from "Vision: Dagtilbud med mening" to its end, word for word: the test reads
# it when the seeds folder is not beside the checkout (a bare clone in CI).
SOURCE_COPY = Path(__file__).with_name("source_001_vision.txt")
GOAL_ON_ONE_LINE = "Dagtilbuddet mestrer engagement, mod og handlekraft"
SLUGS = ["baltorp", "hedegaard", "maaloevhoej", "skovlunde", "skovvejen"]


def normalise(text):
    return re.sub(r"\s+", " ", unescape(text).replace("\xa0", " ")).strip()


def main_text(response):
    assert response.status_code == 200
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return normalise(re.sub(r"<[^>]+>", " ", main))


class _Outline(HTMLParser):
    """The page's headings and list items, in order, as (tag, text)."""

    def __init__(self):
        super().__init__()
        self.items, self._open, self._text = [], None, []

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2", "h3", "h4", "li"):
            self._open, self._text = tag, []

    def handle_endtag(self, tag):
        if tag == self._open:
            self.items.append((tag, normalise("".join(self._text))))
            self._open = None

    def handle_data(self, data):
        if self._open:
            self._text.append(data)


def outline(response):
    parser = _Outline()
    html = response.content.decode()
    parser.feed(html[html.index("<main") : html.index("</main>")])
    return parser.items


def source_vision_lines():
    """Every non-empty line of the source from "Vision: Dagtilbud med mening" to the end:
    the vision and the strategy, headings, paragraphs and bullets."""
    copy = SOURCE_COPY.read_text(encoding="utf-8")
    if SOURCE.exists():
        source = SOURCE.read_text(encoding="utf-8")
        assert source[source.index("Vision: Dagtilbud med mening") :] == copy
    lines = [normalise(line.lstrip(" •")) for line in copy.splitlines() if line.strip()]
    # The third goal is one goal broken over two bullet lines; its heading gives it whole.
    at = lines.index("Dagtilbuddet mestrer")
    assert lines[at + 1] == "Engagement, mod og handlekraft"
    lines[at : at + 2] = [GOAL_ON_ONE_LINE]
    return lines


def test_every_line_of_the_vision_and_strategy_is_on_the_page_in_the_source_order(client):
    text = main_text(client.get("/dagtilbud/vision/"))
    position = 0
    for line in source_vision_lines():
        found = text.find(line, position)
        assert found >= 0, f"missing or out of order: {line!r}"
        position = found + len(line)


def test_the_pages_headings_and_bullets_are_the_fixtures_in_order(client):
    page = outline(client.get("/dagtilbud/vision/"))
    vision = Document.objects.get(key=Document.Key.VISION)
    strategy = Document.objects.get(key=Document.Key.STRATEGY)
    expected = [("h1", vision.title)]
    for document in (vision, strategy):
        if document is strategy:
            expected.append(("h2", normalise(strategy.title)))
        for section in document.sections.order_by("position"):
            if section.heading:
                expected.append((f"h{section.level}", section.heading))
            expected += [("li", normalise(b.text)) for b in section.bullets.order_by("position")]
    # The page's own table of contents ("På denne side") sits between the title and the
    # text; it lists the sections' headings.
    start = page.index(("h2", "På denne side"))
    end = next(i for i, (tag, _) in enumerate(page[start + 1 :], start + 1) if tag != "li")
    contents = [text for _tag, text in page[start + 1 : end]]
    assert contents == [
        *(s.heading for s in vision.sections.filter(level=2).order_by("position")),
        normalise(strategy.title),
    ]
    assert page[:start] + page[end:] == expected


def test_the_vision_has_the_sources_three_goals_and_its_headings_are_nested(client):
    page = outline(client.get("/dagtilbud/vision/"))
    at = page.index(("h2", "Visionens målsætninger")) + 1
    goals = page[at : next(i for i, (tag, _) in enumerate(page[at:], at) if tag != "li")]
    # 001 breaks the third goal over two bullet lines; it is one goal (its heading).
    assert goals == [
        ("li", "Alle børn trives og udvikler sig"),
        ("li", "Leg og læring går nye veje"),
        ("li", GOAL_ON_ONE_LINE),
    ]
    assert ("h2", GOAL_ON_ONE_LINE) in page
    at = page.index(("h2", "Alle børn trives og udvikler sig"))
    assert page[at + 1 : at + 3] == [
        ("h3", "Trivslen i vores dagtilbud"),
        ("h4", "Børn er nysgerrige"),
    ]


def test_the_strategy_is_the_common_frame_for_children_aged_0_to_18_with_three_goals(client):
    response = client.get("/dagtilbud/vision/")
    page = outline(response)
    title = "Vores fælles fundament: ”Fællesskab for alle - Alle i fællesskab”"
    at = page.index(("h2", title))
    goals = [text for tag, text in page[at + 1 :] if tag == "li"]
    assert len(goals) == 3
    assert goals[0].startswith("Alle ledere og medarbejdere indgår")
    assert "børn og unge i alderen 0-18 år" in main_text(response)


def test_an_editors_script_in_a_heading_text_or_bullet_is_shown_harmless(client):
    section = Section.objects.get(heading="Børn er nysgerrige")
    section.heading = "<script>alert('h')</script>"
    section.text = "**Vigtigt** <script>alert('t')</script> [link](javascript:alert(1))"
    section.save()
    bullet = section.bullets.first()
    bullet.text = "<img src=x onerror=alert(1)> *leg*"
    bullet.save()
    html = client.get("/dagtilbud/vision/").content.decode()
    assert "<script>alert" not in html
    assert "onerror" not in html.replace("onerror=alert(1)&gt;", "")
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(&#x27;h&#x27;)&lt;/script&gt;" in html
    assert "<strong>Vigtigt</strong>" in html
    assert "<em>leg</em>" in html


def test_the_about_page_shows_the_stated_figures_beside_what_the_data_holds(client):
    text = main_text(client.get("/dagtilbud/")).replace(" ,", ",")
    houses = Institution.objects.filter(institution_type=InstitutionType.DAYCARE_HOUSE).count()
    assert "Kommunen oplyser: 25 børnehuse og 16 dagplejere." in text
    assert (
        f"Registreret på portalen indtil videre: 5 distrikter, {houses} børnehuse og 3 "
        "distriktsinstitutioner; Dagplejen med 16 dagplejere." in text
    )
    # Issue 23.6: the difference is not left unexplained, and the explanation asserts
    # nothing the sources do not say (where the houses the portal lacks are).
    assert (
        "Kommunens tal er kommunens eget; portalen tæller kun de børnehuse, der indtil "
        "videre er registreret på portalen." in text
    )
    assert "omfatter flere børnehuse" not in text
    assert "hver for sig" not in text
    for title in ("Lukkedage", "Tilsynsrapporter", "Forældrebestyrelser og husråd"):
        assert title in text
    for title in ("Vores organisering", "Vi samarbejder med hinanden", "Vision og strategi"):
        assert title in text


def test_the_counts_follow_the_data(client):
    before = Institution.objects.filter(institution_type=InstitutionType.DAYCARE_HOUSE).count()
    house = Institution.objects.create(
        name="Børnehuset Prøven", slug="proeven", institution_type=InstitutionType.DAYCARE_HOUSE
    )
    house.districts.add(District.objects.get(slug="baltorp"))
    dagplejen = Institution.objects.get(slug="dagplejen")
    dagplejen.family_day_carers = 14
    dagplejen.save()
    text = main_text(client.get("/dagtilbud/")).replace(" ,", ",")
    assert f"indtil videre: 5 distrikter, {before + 1} børnehuse" in text
    assert "Dagplejen med 14 dagplejere." in text
    assert "heraf" not in text
    house.part_of = Institution.objects.get(slug="distriktsinstitutionen-rugvaenget")
    house.save()
    text = main_text(client.get("/dagtilbud/"))
    assert "børnehuse (heraf 1 børnehus under en distriktsinstitution) og 3 distriktsinst" in text


def test_an_administrator_changes_the_stated_figures_and_the_history_says_who(
    client, administrator
):
    about = DaycareAbout.objects.get()
    page = administrator.get(admin_url(about))
    response = administrator.post(
        admin_url(about), form_data(page) | {"stated_houses": "27", "stated_day_carers": "15"}
    )
    assert response.status_code == 302
    about.refresh_from_db()
    assert (about.stated_houses, about.stated_day_carers) == (27, 15)
    assert about.history.first().history_user.username == "admin"
    text = main_text(client.get("/dagtilbud/"))
    assert "Kommunen oplyser: 27 børnehuse og 15 dagplejere." in text


def test_a_figure_that_is_not_a_number_is_refused_in_danish_and_nothing_changes(administrator):
    about = DaycareAbout.objects.get()
    page = administrator.get(admin_url(about))
    response = administrator.post(admin_url(about), form_data(page) | {"stated_houses": "-3"})
    assert response.status_code == 200
    expected = "Antal børnehuse ifølge kommunen kan ikke være et negativt tal."
    assert expected in response.content.decode()
    about.refresh_from_db()
    assert about.stated_houses == 25


def test_an_administrator_edits_a_bullet_and_the_vision_shows_it(client, administrator):
    section = Section.objects.get(heading="Børn trives")
    page = administrator.get(admin_url(section))
    data = form_data(page)
    first = next(k for k in data if k.startswith("bullets-0-text") or k == "bullets-0-text")
    data[first] = "Børnene trives – rettet af en redaktør"
    assert administrator.post(admin_url(section), data).status_code == 302
    text = main_text(client.get("/dagtilbud/vision/"))
    assert "Børnene trives – rettet af en redaktør" in text
    bullet = section.bullets.order_by("position").first()
    assert bullet.history.first().history_user.username == "admin"


def test_the_organisation_page_shows_each_districts_leader_and_each_houses_leaders(client):
    text = main_text(client.get("/dagtilbud/organisering/"))
    assert "Det ledelsesmæssige ansvar i hvert distrikt" in text
    for district in District.objects.all():
        assert f"Distrikt {district.name}" in text
        leader = district.leader
        assert leader is not None and leader.name in text
    house = Institution.objects.get(slug="boernehuset-bispevangen")
    person = Person.objects.create(name="Åse Ærø-Østergaard")
    Role.objects.create(person=person, role_type=RoleType.PEDAGOGICAL_LEADER, institution=house)
    text = main_text(client.get("/dagtilbud/organisering/"))
    assert re.search(r"Børnehuset Bispevangen [^B]*Åse Ærø-Østergaard", text)


def test_a_house_without_a_leader_says_so(client):
    house = Institution.objects.get(slug="boernehuset-bispevangen")
    Role.objects.filter(institution=house).delete()
    text = main_text(client.get("/dagtilbud/organisering/"))
    assert "Børnehuset Bispevangen Ikke registreret" in text


def test_the_partners_page_names_ppr_s_professions_and_each_districts_school(client):
    text = main_text(client.get("/dagtilbud/samarbejdspartnere/"))
    assert "Sundhedsplejen" in text
    for profession in (
        "Pædagogiske vejledere",
        "Psykologer",
        "Logopæd (talepædagog)",
        "Børnefysioterapeut",
        "Forebyggende rådgiver",
    ):
        assert profession in text
    for district in District.objects.all():
        schools = Institution.objects.filter(
            districts=district, institution_type=InstitutionType.SCHOOL
        )
        assert schools
        for school in schools:
            assert f"{district.name} : {school.name}" in text


def test_a_partners_contact_is_shown_only_when_entered(client):
    assert "Kontakt" not in outline_texts(client.get("/dagtilbud/samarbejdspartnere/"))
    ppr = Partner.objects.get(name__startswith="PPR")
    ppr.phone = "44 77 00 00"
    ppr.save()
    response = client.get("/dagtilbud/samarbejdspartnere/")
    assert "Kontakt" in outline_texts(response)
    assert 'href="tel:44770000"' in response.content.decode()


def outline_texts(response):
    return [text for _tag, text in outline(response)]


def test_empty_content_gives_honest_pages_not_errors(client):
    Document.objects.all().delete()
    Partner.objects.all().delete()
    DaycareAbout.objects.all().delete()
    assert "endnu ikke skrevet ind" in main_text(client.get("/dagtilbud/vision/"))
    assert "endnu ikke registreret" in main_text(client.get("/dagtilbud/samarbejdspartnere/"))
    assert "ikke oplyst" in main_text(client.get("/dagtilbud/"))
    assert client.get("/dagtilbud/organisering/").status_code == 200


CONTENT_MODELS = [DaycareAbout, Partner, Profession, Document, Section, Bullet]
# Edited only inline, on a partner's or a section's page.
INLINE_ONLY = {Profession, Bullet}


@pytest.mark.parametrize("username", [f"leder-{s}" for s in SLUGS] + [f"kultur-{s}" for s in SLUGS])
@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda m: m.__name__)
def test_only_administrators_may_change_the_sections_texts(client, username, model):
    user = get_user_model().objects.get(username=username)
    obj = model.objects.order_by("pk").first()
    opts = model._meta
    for action in ("add", "change", "delete", "view"):
        assert not user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}", obj)
    login(client, username)
    before, versions = model.objects.count(), obj.history.count()
    # Refused (403); a model edited only inline on its parent's page has no admin pages.
    refused = 404 if model in INLINE_ONLY else 403
    assert client.get(admin_url(obj)).status_code == refused
    response = client.post(admin_url(obj), {"name": "x", "title": "x", "text": "x"})
    assert response.status_code == refused
    response = client.post(f"/admin/{opts.app_label}/{opts.model_name}/add/", {"text": "x"})
    assert response.status_code == refused
    assert client.post(admin_url(obj, "delete"), {"post": "yes"}).status_code == refused
    # The history and its restore form are doors too.
    version = obj.history.order_by("history_id").first().history_id
    for view in ("history", f"history/{version}"):
        assert client.get(admin_url(obj, view)).status_code == refused
        assert client.post(admin_url(obj, view), {"text": "x"}).status_code == refused
    assert model.objects.count() == before
    assert obj.history.count() == versions  # nothing restored or saved


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda m: m.__name__)
def test_administrators_may_change_every_text(model):
    user = get_user_model().objects.get(username="admin")
    obj = model.objects.order_by("pk").first()
    opts = model._meta
    assert user.has_perm(f"{opts.app_label}.change_{opts.model_name}", obj)


def test_the_single_rows_cannot_be_added_twice_or_deleted(administrator):
    about = DaycareAbout.objects.get()
    assert administrator.get("/admin/daycare/daycareabout/add/").status_code == 403
    assert administrator.post(admin_url(about, "delete"), {"post": "yes"}).status_code == 403
    assert DaycareAbout.objects.count() == 1


def test_the_daycare_section_is_in_the_main_navigation_and_on_the_home_page(client):
    html = client.get("/").content.decode()
    assert html.count('href="/dagtilbud/"') >= 2


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("ppr", "Vi samarbejder med hinanden"),
        ("sundhedsplejen", "Vi samarbejder med hinanden"),
        ("logopæd", "Vi samarbejder med hinanden"),
        ("vision", "Vision: Dagtilbud med mening"),
        ("fællesskab for alle", "Vision: Dagtilbud med mening"),
        ("lukkedage", "Lukkedage i dagtilbud"),
    ],
)
def test_search_finds_the_sections_pages_by_the_words_parents_use(client, query, title):
    response = client.get("/soeg/", {"q": query})
    assert "Vi fandt intet" not in main_text(response)
    assert f">{title}</a>" in response.content.decode()


@pytest.mark.parametrize("name", NASTY_NAMES)
def test_the_nastiest_texts_an_administrator_saves_leave_every_page_answering(
    client, administrator, name
):
    partner = Partner.objects.get(name__startswith="PPR")
    response = administrator.post(
        admin_url(partner), form_data(administrator.get(admin_url(partner))) | {"name": name}
    )
    assert response.status_code == 302
    section = Section.objects.get(heading="Børn trives")
    data = form_data(administrator.get(admin_url(section))) | {
        "heading": name,
        "text": name,
        "bullets-0-text": name,
    }
    assert administrator.post(admin_url(section), data).status_code == 302
    anonymous = Client()
    for path in ("/dagtilbud/", "/dagtilbud/samarbejdspartnere/", "/dagtilbud/vision/"):
        assert anonymous.get(path).status_code == 200, path
    assert anonymous.get("/soeg/", {"q": name}).status_code == 200
