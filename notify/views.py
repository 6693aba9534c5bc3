"""Subscribing, confirming, changing and leaving, without a login and without a cookie.

How the forms are protected without a CSRF cookie (the portal sets no cookie for
visitors who do not log in, see /privatliv), so the views are ``csrf_exempt``:

- sign-up (``subscribe``): a forged cross-site POST can do no more than what anyone can
  do with the form itself: put one confirmation mail in someone's inbox. That is bounded
  per address a day and per client address an hour (notify/signup.py), and nothing is
  ever sent but that mail until its signed link is followed. A hidden honeypot field
  drops form-filling robots.
- confirm, change and unsubscribe: the signed token in the address is the authority. A
  third party cannot forge it, and it reaches only the mailbox owner; GET only shows a
  button, so link scanners in mail systems change nothing.
"""

from django.db import transaction
from django.db.models import F
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from accounts.decorators import staff_required
from accounts.security import client_ip
from caching.keys import query_parameters
from districts.models import District, Institution

from . import choices, tokens
from .forms import DigestSettingForm, SubscribeForm
from .models import DigestSetting, Subscriber, Subscription
from .signup import Refused, forget, sign_up


def _offered(request):
    """The choices of the full sign-up page: for ?distrikt=… or ?hus=…, else every
    district's."""
    if slug := request.GET.get("hus"):
        house = get_object_or_404(Institution.objects.prefetch_related("districts"), slug=slug)
        return choices.for_house(house, house.districts.all(), request)
    districts = District.objects.order_by("name")
    if slug := request.GET.get("distrikt"):
        districts = [get_object_or_404(districts, slug=slug)]
    return choices.for_districts(districts, request)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@query_parameters("hus", "distrikt")
def subscribe(request):
    if request.method != "POST":
        return render(request, "notify/subscribe.html", {"offered": _offered(request)})
    form = SubscribeForm(request.POST)
    if form.is_robot:
        return render(request, "notify/sent.html")
    status, refused = 400, None
    if form.is_valid():
        try:
            sign_up(form.cleaned_data["email"], form.cleaned_data["choices"], client_ip(request))
        except Refused as error:
            refused, status = error.message, error.status
        else:
            return render(request, "notify/sent.html")
    # The box's choices as it offered them (``tilbudt``), so that a mistyped address does
    # not lose the ones the parent had not ticked yet; else those ticked.
    codes = request.POST.get("tilbudt", "").split()[:50]
    resolved = choices.resolve(codes) if codes else form.resolved  # in the box's order
    offered = [choices.Choice(code, choices.label(t, p)) for code, t, p in resolved]
    if not offered:
        offered = choices.for_districts(District.objects.order_by("name"), request)
    context = {
        "offered": offered,
        "form": form,
        "chosen": [code for code, _t, _p in form.resolved],
        "refused": refused,
    }
    return render(request, "notify/subscribe.html", context, status=status)


def _bad_link(request, message=None, status=404):
    return render(
        request,
        "notify/link_invalid.html",
        {"message": message or _("Linket virker ikke. Måske er du allerede afmeldt.")},
        status=status,
    )


def _read_confirm(token, subscribers=Subscriber.objects):
    """``(subscriber, codes, None)``, or ``(None, [], (message, status))`` for a link that
    does not work: the reason in Danish (``None``: the general one) and the HTTP status."""
    try:
        subscriber, codes = tokens.read_confirm(token, subscribers)
    except tokens.Expired:
        message = _("Linket er udløbet: det virker i 48 timer. Tilmeld dig igen, så får du et nyt.")
        return None, [], (message, 410)
    except tokens.Outdated:
        message = _(
            "Linket er forældet: du har ændret dine valg, efter det blev sendt. "
            "Dine valg er, som du satte dem. Tilmeld dig igen, hvis du vil have flere beskeder."
        )
        return None, [], (message, 410)
    if subscriber is None:
        return None, [], (None, 404)
    return subscriber, codes, None


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    subscriber, codes, refused = _read_confirm(token)
    if refused:
        return _bad_link(request, *refused)
    labels = choices.labels(codes)
    if request.method != "POST":
        return render(request, "notify/confirm.html", {"labels": labels, "subscriber": subscriber})
    with transaction.atomic():
        # Read again, held: a choice taken off at this moment is not brought back.
        subscriber, codes, refused = _read_confirm(token, Subscriber.objects.select_for_update())
        if refused:
            return _bad_link(request, *refused)
        subscriber.confirm()
        choices.subscribe(subscriber, codes)
    context = {
        "labels": labels,
        "subscriber": subscriber,
        "manage_token": tokens.link_token(subscriber, tokens.MANAGE),
        "confirmed": True,
    }
    return render(request, "notify/confirm.html", context)


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    subscriber = tokens.read_link(token, tokens.MANAGE)
    if subscriber is None or not subscriber.is_confirmed:
        return _bad_link(request)
    saved = False
    if request.method == "POST":
        offered = {choice.code for choice, _chosen in choices.current(subscriber)}
        # A page shown before minutes were per board names them as they were (``m3``).
        posted = choices.resolve(request.POST.getlist("choices")[:50])
        wanted = {code for code, _t, _p in posted} & offered
        if not wanted:
            forget(subscriber)
            return render(request, "notify/unsubscribed.html")
        with transaction.atomic():
            taken_off = [
                subscription.pk
                for subscription in subscriber.subscriptions.all()
                if choices.code_of(subscription) not in wanted
            ]
            if taken_off:
                Subscription.objects.filter(pk__in=taken_off).delete()
                # Confirmation links sent before now cannot bring them back.
                Subscriber.objects.filter(pk=subscriber.pk).update(
                    choices_version=F("choices_version") + 1
                )
            choices.subscribe(subscriber, wanted)
        saved = True
    context = {
        "subscriber": subscriber,
        "current": choices.current(subscriber),
        "saved": saved,
        "unsubscribe_token": tokens.link_token(subscriber, tokens.UNSUBSCRIBE),
    }
    return render(request, "notify/manage.html", context)


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET shows one button; POST (the button, or a mail program's RFC 8058 one-click
    ``List-Unsubscribe=One-Click``) deletes the address and all its choices."""
    subscriber = tokens.read_link(token, tokens.UNSUBSCRIBE)
    if request.method == "POST":
        if subscriber is not None:
            forget(subscriber)
        # Also for a link already used: the address is gone either way.
        return render(request, "notify/unsubscribed.html")
    if subscriber is None:
        return _bad_link(request)
    return render(request, "notify/unsubscribe.html", {"subscriber": subscriber})


@never_cache
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def digest_off(request, token):
    """The link in the staff's weekly digest: GET shows one button; POST (also a mail
    program's RFC 8058 one-click) switches the digest off. The signed token is the
    authority, as for the parents' links."""
    user = tokens.read_digest_token(token)
    if user is None:
        return _bad_link(request)
    if request.method == "POST":
        DigestSetting.objects.update_or_create(user=user, defaults={"weekly_digest": False})
        return render(request, "notify/digest_off.html", {"done": True})
    return render(request, "notify/digest_off.html", {"done": False})


@never_cache
@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def digest_settings(request):
    """A staff member's own setting (CSRF-protected: staff have the login's cookies),
    behind the same login as the admin: a password without its code opens nothing."""
    setting, _created = DigestSetting.objects.get_or_create(user=request.user)
    # An unticked box sends nothing: an empty POST is still a POST.
    data = request.POST if request.method == "POST" else None
    form = DigestSettingForm(data, instance=setting)
    saved = False
    if request.method == "POST" and form.is_valid():
        form.save()
        saved = True
    return render(request, "notify/digest_settings.html", {"form": form, "saved": saved})
