import re

from django.core import mail
from django.core.management import call_command


def send():
    call_command("send_notifications", verbosity=0)


def link(message, path):
    """The first link in ``message``'s plain text that starts with ``path``."""
    match = re.search(r"http://testserver(" + re.escape(path) + r"[^\s]*)", message.body)
    assert match, message.body
    return match.group(1)


def sign_up(client, email, *codes, website="", **request):
    """Post the sign-up form; ``request`` sets the request's META (REMOTE_ADDR)."""
    data = {"email": email, "choices": list(codes), "website": website}
    return client.post("/abonnement/", data, **request)


def confirm(client, email, *codes):
    """Sign up, send, follow the confirmation link: a confirmed subscriber."""
    sign_up(client, email, *codes)
    send()
    message = [m for m in mail.outbox if m.to == [email]][-1]
    response = client.post(link(message, "/abonnement/bekraeft/"))
    assert response.status_code == 200
    return response
