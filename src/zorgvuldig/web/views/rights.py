# SPDX-License-Identifier: EUPL-1.2
"""The pages of the rights of data subjects (art9, art10).

A caseworker who supports the client, or the privacy officer, registers a request from the
client's requests page and handles it on the request's page, one step at a time; the privacy
officer has the queue of every open request with the counts per month. The overview (art9.1)
and the inspection (art9.2, art9.3) have pages of their own. Handling a request is asked of the
partner by the protocol, so these pages ask no purpose: the gate logs them for accountability.
The only references in a URL are random ids.
"""

from __future__ import annotations

import functools
import uuid

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.gate import services
from zorgvuldig.rights import picture
from zorgvuldig.rights.codes import DECIDED_KINDS, OPEN_STATES, OVERVIEW_KINDS
from zorgvuldig.web.rights_forms import (
    CarryOutForm,
    DecideForm,
    ExtendForm,
    JudgementForm,
    NoticeForm,
    PauseForm,
    RegisterRequestForm,
    SendOverviewForm,
    StanceForm,
    WithholdForm,
)
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.errors import not_found
from zorgvuldig.web.views.files import pdf_response
from zorgvuldig.web.views.flow import consult, form_page, submit
from zorgvuldig.web.views.oversight import handles_registers

WITH_VALUES = ("correction", "addition")


class _Answered(Exception):
    """The gate answered with a page (not found, not allowed) instead of a result."""

    def __init__(self, response):
        self.response = response


def _ask(request, call, *args, **kwargs):
    """A gate service's result, or (raised) the page that says why there is none; its input
    errors are the caller's."""
    result, response = consult(
        request, lambda: call(request.actor, *args, **kwargs), back_url=reverse("web:home")
    )
    if response is not None:
        raise _Answered(response)
    return result


def _pages(view):
    """Turns an :class:`_Answered` into its page."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _Answered as answered:
            return answered.response

    return wrapper


def _say(request, error: InvalidInput) -> None:
    """The gate's reasons as messages on the next page (a step without a form of its own)."""
    for message in error.errors.values():
        messages.error(request, message)


def _request_url(request_id) -> str:
    return reverse("web:subject_request", args=[request_id])


# -- the client's requests and who may act (art10) ----------------------------------------


# the page's own forms: what each records, and the message when it is done
REPRESENTATION_STEPS = {
    "vertegenwoordiger": (
        gettext_lazy("Recorded; who may act has been worked out again."),
        lambda actor, client_id, data: services.record_representative_stance(
            actor, client_id, data["representative"], kind=data["kind"], reason=data["reason"]
        ),
    ),
    "onbekwaamheid": (
        gettext_lazy("The judgement has been recorded (art. 10(2))."),
        lambda actor, client_id, data: services.judge_incapacity(
            actor, client_id, judged_on=data["judged_on"], reason=data["reason"]
        ),
    ),
}


@employee_required
@require_http_methods(["GET", "POST"])
@_pages
def client_requests(request, client_id):
    """The client's requests at the organisation, who may act for the client today (art10)
    and the partner's records of representation: a judgement of incapacity (art10.2), a
    representative who does not wish to act or is limited (art10.2, art10.3)."""
    choices = _ask(request, services.request_choices, client_id)
    people = [(str(p.subject_id), p.name) for p in choices.people if p.role != "client"]
    step = request.POST.get("stap") if request.method == "POST" else None
    forms = {
        "vertegenwoordiger": StanceForm(
            request.POST if step == "vertegenwoordiger" else None, options=people
        ),
        "onbekwaamheid": JudgementForm(request.POST if step == "onbekwaamheid" else None),
    }
    if step in forms and forms[step].is_valid():
        message, record = REPRESENTATION_STEPS[step]
        done = submit(
            request,
            forms[step],
            lambda data: record(request.actor, client_id, data),
            done=message,
            next_url=reverse("web:client_requests", args=[client_id]),
        )
        if done:
            return done
    return render(
        request,
        "web/rights_client.html",
        {
            "client_id": client_id,
            "client_name": choices.client_name,
            "authority": choices.authority,
            "requests": _ask(request, services.client_requests, client_id),
            "stance_form": forms["vertegenwoordiger"],
            "judgement_form": forms["onbekwaamheid"],
        },
        status=400 if any(f.errors for f in forms.values()) else 200,
    )


@employee_required
@require_http_methods(["GET", "POST"])
@_pages
def register_request(request, client_id):
    """art9: who asks, for what, who signed (art10), how their identity was established."""
    choices = _ask(request, services.request_choices, client_id)
    form = RegisterRequestForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        try:
            made = services.register_request(request.actor, client_id, **form.cleaned_data)
        except InvalidInput as error:
            form.add_gate_errors(error)
        else:
            due = made.due_on.strftime("%d-%m-%Y")
            messages.success(
                request, _("The request has been registered; it is due on %(day)s.") % {"day": due}
            )
            return redirect(_request_url(made.id))
    back_url = reverse("web:client_requests", args=[client_id])
    return form_page(
        request, "web/rights_register.html", form, {"choices": choices, "back_url": back_url}
    )


# -- the privacy officer's queue ----------------------------------------------------------


@employee_required
@require_GET
@_pages
def queue(request):
    """Every open request by due date, and the counts of this year per month and outcome. The
    FG reads the same list without the links to handle each request (decision 22)."""
    lines = _ask(request, services.open_requests)
    counts = _ask(request, services.request_counts, year=timezone.localdate().year)
    return render(
        request,
        "web/rights_queue.html",
        {"lines": lines, "counts": counts, "read_only": not handles_registers(request.employee)},
    )


# -- one request, step by step ------------------------------------------------------------


def _item_choices(choices, ids) -> list[tuple[str, str]]:
    named = {i.item_id: i.label for i in choices.items}
    return [(str(i), named.get(i, str(i))) for i in ids]


def _forms(found, choices, data, step):
    """The forms of the steps this request can take now (bound when ``step`` is theirs)."""

    def bound(name):
        return data if step == name else None

    forms = {}
    if found.state in OPEN_STATES:
        if found.state != "waiting":
            forms["pauzeren"] = PauseForm(bound("pauzeren"), prefix="pauzeren")
        if found.extended_on is None:
            forms["verlengen"] = ExtendForm(bound("verlengen"), prefix="verlengen")
        if found.kind in DECIDED_KINDS and found.state != "waiting":
            forms["beslissen"] = DecideForm(
                bound("beslissen"),
                prefix="beslissen",
                options=_item_choices(choices, found.item_ids),
            )
        if found.kind in OVERVIEW_KINDS and found.state != "waiting":
            forms["verzenden"] = SendOverviewForm(bound("verzenden"), prefix="verzenden")
    if found.state == "decided" and found.outcome != "refused":
        items = _item_choices(choices, found.granted_item_ids) if found.kind in WITH_VALUES else []
        forms["uitvoeren"] = CarryOutForm(bound("uitvoeren"), prefix="uitvoeren", items=items)
    return forms


def _step(request, found, form, step):
    """Take ``step`` with ``form``'s data through the gate."""
    data = form.cleaned_data if form is not None else {}
    actor, key = request.actor, found.id
    calls = {
        "pauzeren": lambda: services.pause_request(actor, key, reason=data["reason"]),
        "hervatten": lambda: services.resume_request(actor, key),
        "verlengen": lambda: services.extend_request(
            actor, key, reason=data["reason"], announced_on=data["announced_on"]
        ),
        "intrekken": lambda: services.withdraw_request(actor, key),
        "beslissen": lambda: services.decide_request(
            actor,
            key,
            outcome=data["outcome"],
            protection_needed=data["protection_needed"] == "ja",
            granted_item_ids=data["granted_items"],
            refusal_ground=data["refusal_ground"],
            refusal_reason=data["refusal_reason"],
        ),
        "uitvoeren": lambda: services.carry_out_request(actor, key, new_values=form.new_values()),
        "verzenden": lambda: services.send_overview(actor, key, sent_on=data["sent_on"]),
        "afsluiten": lambda: services.close_request(actor, key),
    }
    return calls[step]


STEP_DONE = {
    "pauzeren": gettext_lazy("The clock has stopped while you wait for the requester."),
    "hervatten": gettext_lazy("The clock runs again; the due date moved by the pause."),
    "verlengen": gettext_lazy("The deadline has been extended."),
    "intrekken": gettext_lazy("The request has been withdrawn."),
    "beslissen": gettext_lazy("The decision has been recorded."),
    "uitvoeren": gettext_lazy("The request has been carried out."),
    "verzenden": gettext_lazy("The overview has been recorded as sent; the request is closed."),
    "afsluiten": gettext_lazy("The request has been closed."),
}


FORMLESS = ("hervatten", "intrekken", "afsluiten")


def _take(request, found, form, step):
    """Take a step: done, on to the request's page; a step without a form that the gate
    refuses, its reasons as messages; a form the gate refuses, None (the page again)."""
    back = redirect(_request_url(found.id))
    if form is None and step not in FORMLESS:
        messages.error(request, _("This step cannot be taken now."))
        return back
    if form is not None and not form.is_valid():
        return None
    try:
        _step(request, found, form, step)()
    except InvalidInput as error:
        if form is not None:
            form.add_gate_errors(error)
            return None
        _say(request, error)
        return back
    messages.success(request, STEP_DONE[step])
    return back


@employee_required
@require_http_methods(["GET", "POST"])
@_pages
def subject_request(request, request_id):
    """A request with its steps so far and the forms of the steps it can take now."""
    found = _ask(request, services.subject_request, request_id)
    choices = _ask(request, services.request_choices, found.client_id)
    step = request.POST.get("stap") if request.method == "POST" else None
    forms = _forms(found, choices, request.POST, step)
    if step in STEP_DONE:
        answered = _take(request, found, forms.get(step), step)
        if answered is not None:
            return answered
    notices = _ask(request, services.request_notices, found.id) if found.carried_out_on else []
    return render(
        request,
        "web/rights_request.html",
        {
            "found": found,
            "forms": forms,
            "notices": notices,
            "items": dict(_item_choices(choices, found.item_ids)),
            "open": found.state in OPEN_STATES,
            "letters": found.outcome in ("refused", "partly-granted")
            and found.kind != "inspection",
        },
        status=400 if any(f.errors for f in forms.values()) else 200,
    )


@employee_required
@require_POST
@_pages
def resolve_notice(request, request_id, notice_id):
    """art9.6: a letter was sent, or telling this recipient is impossible (with the reason)."""
    form = NoticeForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            _ask(
                request,
                services.resolve_notice,
                notice_id,
                delivered=data["delivered"] == "ja",
                impossible_reason=data["impossible_reason"],
            )
        except InvalidInput as error:
            _say(request, error)
        else:
            messages.success(request, _("Recorded for this recipient."))
    else:
        messages.error(request, _("Say whether the recipient was told."))
    return redirect(f"{_request_url(request_id)}#ontvangers")


# -- the answers --------------------------------------------------------------------------


def _language(request) -> str:
    asked = request.GET.get("taal") or (get_language() or "nl")[:2]
    return asked if asked in ("nl", "en") else "nl"


@employee_required
@require_GET
@_pages
def overview(request, request_id):
    """art9.1: the overview for the requester, with the picture of where the data went."""
    made = _ask(request, services.subject_overview, request_id)
    language = _language(request)
    return render(
        request,
        "web/rights_overview.html",
        {
            "overview": made,
            "picture": mark_safe(picture.where_it_went(made, language=language)),  # noqa: S308 (escaped SVG)  # nosec B308 B703
            "request_url": _request_url(request_id),
        },
    )


@employee_required
@require_GET
@_pages
def overview_letter(request, request_id):
    pdf = _ask(request, services.overview_pdf, request_id, language=_language(request))
    return pdf_response(pdf, "overzicht-gegevens.pdf")


@employee_required
@require_GET
@_pages
def refusal_letter(request, request_id):
    try:
        pdf = _ask(request, services.refusal_letter_pdf, request_id, language=_language(request))
    except InvalidInput as error:
        return not_found(request, NotFound("letter", next(iter(error.errors.values()))))
    return pdf_response(pdf, "besluit-verzoek.pdf")


@employee_required
@require_http_methods(["GET", "POST"])
@_pages
def inspection(request, request_id):
    """art9.2, art9.3: the package to review: what is shown, what is withheld and why; then
    released as it stands. A request that asks no inspection has no package: not found, as a
    refusal letter of a request that was not refused."""
    try:
        package = _ask(request, services.inspection_package, request_id)
    except InvalidInput as error:
        return not_found(request, NotFound("inspection", next(iter(error.errors.values()))))
    items = [(str(i.item_id), i.label) for i in package.shown]
    step = request.POST.get("stap") if request.method == "POST" else None
    form = WithholdForm(request.POST if step == "achterhouden" else None, options=items)
    here = reverse("web:inspection", args=[request_id])
    if step == "achterhouden" and form.is_valid():
        done = submit(
            request,
            form,
            lambda data: services.withhold_from_inspection(
                request.actor,
                request_id,
                item_id=data["item"],
                ground=data["ground"],
                reason=data["reason"],
            ),
            done=_("The item is withheld, with its reason (art. 9(3))."),
            next_url=here,
        )
        if done:
            return done
    elif step in ("tonen", "vrijgeven"):
        try:
            if step == "tonen":
                _ask(request, services.show_in_inspection, request_id, item_id=_uuid(request))
                messages.success(request, _("The item is shown again."))
                return redirect(here)
            _ask(request, services.release_inspection, request_id)
        except InvalidInput as error:
            _say(request, error)
            return redirect(here)
        messages.success(request, _("The inspection has been released; the request is closed."))
        return redirect(_request_url(request_id))
    return form_page(
        request,
        "web/rights_inspection.html",
        form,
        {"package": package, "request_url": _request_url(request_id)},
    )


def _uuid(request) -> str:
    value = request.POST.get("gegeven", "")
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise InvalidInput({"itemId": _("Choose an item.")}) from None
