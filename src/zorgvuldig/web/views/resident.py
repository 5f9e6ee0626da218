# SPDX-License-Identifier: EUPL-1.2
"""The resident's own view, /mijn/ (decision 25): signed in with DigiD, every processing of
their data as it happens (art9.1; new ones appear without reloading, web/resident.js), their
consents with the button to withdraw one (art4.5), and the views of whom they represent
(art10.1). Everything read passes the gate's resident services, which log it."""

from __future__ import annotations

from dataclasses import asdict
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.gate import services
from zorgvuldig.web.resident import session
from zorgvuldig.web.resident.session import resident_required
from zorgvuldig.web.templatetags.zorgvuldig_rows import resident_rows


@require_GET
def signin(request):
    """The start: sign in with DigiD (``ZORGVULDIG_DIGID``), or else its mock."""
    login, mock = "", False
    if settings.ZORGVULDIG_DIGID:
        login = f"{reverse('web:digid_login')}?{urlencode({'next': reverse('web:resident_home')})}"
    elif settings.ZORGVULDIG_DIGID_MOCK:
        home = request.build_absolute_uri(reverse("web:resident_home"))
        cancel = request.build_absolute_uri(reverse("web:resident_signin"))
        login, mock = f"{reverse('digid:login')}?next={home}&cancel={cancel}", True
    return render(request, "web/resident/signin.html", {"login_url": login, "mock": mock})


@require_POST
def signout(request):
    session.sign_out(request)
    messages.info(request, _("You have signed out."))
    return redirect("web:resident_signin")


def _whose(request):
    """The people whose view the resident may open, and the one asked for (``voor``)."""
    subject = request.resident.subject_id
    if not subject:
        return (), None
    options = services.resident_viewables(subject)
    wanted = request.GET.get("voor") or request.POST.get("voor") or subject
    for option in options:
        if str(option.subject_id) == wanted:
            return options, option
    raise Http404(_("You can only see your own data, or that of someone you represent."))


def _context(request, **more) -> dict:
    options, chosen = _whose(request)
    return {
        "resident": request.resident,
        "options": options,
        "chosen": chosen,
        "voor": str(chosen.subject_id) if chosen else "",
        "own": chosen is None or str(chosen.subject_id) == request.resident.subject_id,
        **more,
    }


@require_GET
@resident_required()
def home(request):
    """Every processing of the person's data, newest first (art9.1)."""
    context = _context(request)
    log = None
    chosen = context["chosen"]
    if chosen is not None:
        try:
            log = services.resident_processings(
                request.resident.subject_id, chosen.subject_id, before=request.GET.get("eerder")
            )
        except InvalidInput as error:
            messages.error(request, "; ".join(error.errors.values()))
            return redirect(f"{reverse('web:resident_home')}?voor={context['voor']}")
    latest = max((e.id for e in log.entries), default=0) if log else 0
    oldest = min((e.id for e in log.entries), default=0) if log else 0
    return render(
        request,
        "web/resident/home.html",
        {
            **context,
            "log": log,
            "latest": latest,
            "oldest": oldest,
            "paged": bool(request.GET.get("eerder")),
            "poll_seconds": settings.ZORGVULDIG_RESIDENT_POLL_SECONDS,
        },
    )


@require_GET
@resident_required(json=True)
def new_processings(request):
    """What happened since the page was shown (``na``: the newest id it shows), as rows to
    put on top of the table; polled by web/resident.js."""
    subject = request.resident.subject_id
    if not subject:
        return _json({"latest": 0, "rows": ""})
    try:
        log = services.resident_processings(
            subject, request.GET.get("voor") or subject, after=request.GET.get("na") or "0"
        )
    except NotFound as error:
        return _json({"status": 404, "detail": str(error)}, status=404)
    except InvalidInput as error:
        return _json({"status": 400, "detail": "; ".join(error.errors.values())}, status=400)
    rows = resident_rows(log.entries)
    latest = max((e.id for e in log.entries), default=int(request.GET.get("na") or 0))
    return _json({"latest": latest, "rows": rows, "count": len(log.entries)})


def _json(body, status: int = 200):
    return JsonResponse(body, status=status)


@require_http_methods(["GET"])
@resident_required()
def consents(request):
    """The consents in force at each organisation, with their scope (art4)."""
    context = _context(request)
    chosen = context["chosen"]
    found = (
        services.resident_consents(request.resident.subject_id, chosen.subject_id) if chosen else ()
    )
    return render(request, "web/resident/consents.html", {**context, "partners": found})


@require_POST
@resident_required()
def withdraw(request, decision_id):
    """art4.5: withdraw one consent; the error (not the resident's, not in force, art10) is
    said on the page and nothing is written."""
    subject = request.resident.subject_id
    voor = request.POST.get("voor") or subject
    target = f"{reverse('web:resident_consents')}?voor={voor}"
    if not subject:
        raise Http404(_("There is no consent of yours here."))
    try:
        services.resident_withdraw_consent(subject, decision_id, voor)
    except NotFound as error:
        messages.error(request, str(error))
        return redirect(target)
    except InvalidInput as error:
        messages.error(request, "; ".join(error.errors.values()))
        return redirect(target)
    messages.success(
        request,
        _("Your consent is withdrawn. From today it is no longer used for what it covered."),
    )
    return redirect(target)


@require_GET
@resident_required()
def requests(request):
    """The person's requests with their state and due date (art9.5), and where to make one."""
    context = _context(request)
    chosen = context["chosen"]
    found = (
        services.resident_requests(request.resident.subject_id, chosen.subject_id) if chosen else ()
    )
    return render(request, "web/resident/requests.html", {**context, "partners": found})


@require_http_methods(["GET", "POST"])
@resident_required()
def new_request(request):
    """The form of a request at one organisation (``organisatie``): the kinds its protocol
    version knows, and the person's items there for a correction, addition, deletion or
    blocking. Every error is said on the field it names; nothing is written."""
    context = _context(request)
    chosen = context["chosen"]
    if chosen is None:
        raise Http404(_("There is no organisation that holds data about you."))
    subject = request.resident.subject_id
    partner_id = request.GET.get("organisatie") or request.POST.get("organisatie")
    errors: dict = {}
    if request.method == "POST":
        try:
            made = services.resident_make_request(
                subject,
                partner_id,
                kind=request.POST.get("kind", ""),
                details=request.POST.get("details", ""),
                item_ids=request.POST.getlist("items"),
                subject_id=chosen.subject_id,
            )
        except InvalidInput as error:
            errors = error.errors
        else:
            messages.success(
                request,
                _("Your request is received. It will be answered by %(due)s at the latest.")
                % {"due": made.due_on.strftime("%d-%m-%Y")},
            )
            return redirect(f"{reverse('web:resident_requests')}?voor={context['voor']}")
    try:
        choices = services.resident_request_choices(subject, partner_id, chosen.subject_id)
    except InvalidInput as error:
        messages.error(request, "; ".join(error.errors.values()))
        return redirect(f"{reverse('web:resident_requests')}?voor={context['voor']}")
    return render(
        request,
        "web/resident/new_request.html",
        {
            **context,
            "choices": choices,
            "organisatie": partner_id,
            "errors": errors,
            "posted": request.POST,
        },
        status=400 if errors else 200,
    )


@require_GET
@resident_required()
def overview_download(request, request_id, extension: str):
    """The overview the organisation sent (art9.1): its letter (PDF) or its JSON copy."""
    subject = request.resident.subject_id
    voor = request.GET.get("voor") or subject
    if not subject:
        raise Http404
    try:
        if extension == "pdf":
            language = "en" if (get_language() or "nl").startswith("en") else "nl"
            body = services.resident_overview_pdf(subject, request_id, voor, language=language)
            response = HttpResponse(body, content_type="application/pdf")
            response["Content-Disposition"] = 'attachment; filename="overzicht.pdf"'
            return response
        if extension != "json":
            raise NotFound("format", _("Download the overview as PDF or JSON."))
        overview = services.resident_overview(subject, request_id, voor)
    except NotFound as error:
        raise Http404(str(error)) from None
    response = JsonResponse(asdict(overview), encoder=DjangoJSONEncoder)
    response["Content-Disposition"] = 'attachment; filename="overzicht.json"'
    return response
