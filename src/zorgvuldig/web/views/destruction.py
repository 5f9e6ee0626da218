# SPDX-License-Identifier: EUPL-1.2
"""The destruction lists of the employee's organisation (art5.2): the lists and the form to
draw up a new one; a list with its dossiers a hundred at a time, the review of each, and the
steps of the list (complete the review, approve, return, offer again); the record of
destruction once it has been carried out (the daily run does that, not a page).

Who may take which step is the gate's: its caseworkers and privacy officer draw up and review
a list, only the privacy officer approves it, never its author. An employee without that
function gets the page of what is not allowed; a step the gate refuses is said in its form
and changes nothing. The only references in a URL are the list's random id and the page.
"""

from __future__ import annotations

import functools
import math

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from zorgvuldig.core.errors import InvalidInput, NotAllowed, NotFound
from zorgvuldig.gate import services
from zorgvuldig.gate.services.retention.lists import PAGE
from zorgvuldig.web.retention_forms import (
    CompleteReviewForm,
    DraftListForm,
    ReturnListForm,
    ReviewEntryForm,
    StepForm,
)
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.errors import not_allowed, not_found
from zorgvuldig.web.views.files import pdf_response
from zorgvuldig.web.views.flow import consult, form_page
from zorgvuldig.web.views.oversight import is_privacy_officer

REVIEW = "beoordelen"


class _Answered(Exception):
    """The gate answered with a page (not allowed, not found) instead of a result."""

    def __init__(self, response):
        self.response = response


def _answer(request, call, *args, **kwargs):
    """A gate service's result, or (raised) the page that says why there is none (refused,
    not allowed, not found); its input errors are the caller's."""
    result, response = consult(
        request, lambda: call(request.actor, *args, **kwargs), back_url=reverse("web:home")
    )
    if response is not None:
        raise _Answered(response)
    return result


def _ask(request, call, *args, **kwargs):
    """What a page shows: :func:`_answer`, where the gate's refusal of an employee without the
    function (its error on ``employee``) is the page of what is not allowed."""
    try:
        return _answer(request, call, *args, **kwargs)
    except InvalidInput as error:
        if "employee" in error.errors:
            raise _Answered(not_allowed(request, NotAllowed(error.errors["employee"]))) from None
        raise


def _pages(view):
    """Turns an :class:`_Answered` into its page."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _Answered as answered:
            return answered.response

    return wrapper


def _list_url(list_id, number: int = 1, fragment: str = "") -> str:
    address = reverse("web:destruction_list", args=[list_id])
    if number > 1:
        address = f"{address}?pagina={number}"
    return f"{address}#{fragment}" if fragment else address


# -- the lists ------------------------------------------------------------------------------


@employee_required
@require_http_methods(["GET", "POST"])
@_pages
def destruction_lists(request):
    """The organisation's lists, newest first, and the form to draw up a new one."""
    lists = _ask(request, services.destruction_lists)
    form = DraftListForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            made = _answer(
                request, services.draft_destruction_list, due_by=form.cleaned_data["due_by"]
            )
        except InvalidInput as error:
            form.add_gate_errors(error)
        else:
            messages.success(
                request,
                ngettext(
                    "Destruction list %(number)s has been drawn up with %(count)s dossier.",
                    "Destruction list %(number)s has been drawn up with %(count)s dossiers.",
                    made.entries,
                )
                % {"number": made.number, "count": made.entries},
            )
            return redirect(_list_url(made.id))
    return form_page(
        request,
        "web/destruction_lists.html",
        form,
        {"lists": lists, "officer": is_privacy_officer(request.employee)},
    )


# -- one list -------------------------------------------------------------------------------

# the steps of a list: their form, and the states of the list in which the page offers them
STEPS = {
    "afronden": (CompleteReviewForm, ("review",)),
    "goedkeuren": (StepForm, ("approval",)),
    "terugsturen": (ReturnListForm, ("review", "approval", "approved")),
    "aanbieden": (StepForm, ("returned",)),
}

STEP_DONE = {
    "afronden": gettext_lazy(
        "The review is complete: the list waits for the approval of the privacy officer."
    ),
    "terugsturen": gettext_lazy("The list has been returned to its author."),
    "aanbieden": gettext_lazy("The list is offered for review again."),
}


def _call(list_id, step: str, data: dict):
    """The service call of ``step``, for an actor."""
    return {
        "afronden": lambda actor: services.complete_review(
            actor, list_id, destroy_rest=data["destroy_rest"]
        ),
        "goedkeuren": lambda actor: services.approve_list(actor, list_id),
        "terugsturen": lambda actor: services.return_list(actor, list_id, reason=data["reason"]),
        "aanbieden": lambda actor: services.resubmit_list(actor, list_id),
    }[step]


def _done(step: str, result) -> str:
    if step == "goedkeuren":
        until = timezone.localtime(result.cooling_off_until)
        return _(
            "The list has been approved. It is carried out once its cooling-off period has "
            "ended, on %(moment)s; until then it can still be returned."
        ) % {"moment": formats.date_format(until, "SHORT_DATETIME_FORMAT")}
    return str(STEP_DONE[step])


def _entry_id(request) -> int | None:
    value = request.POST.get("dossier", "")
    return int(value) if value.isdigit() else None


def _review_form(data, entry_id: int, **kwargs) -> ReviewEntryForm:
    return ReviewEntryForm(data, prefix=f"dossier-{entry_id}", **kwargs)


def _take(request, list_id, number: int):
    """The step the form names, through the gate: done, a message and the list again (a
    redirect); else ``(step, form)`` to show again with what is wrong."""
    step = request.POST.get("stap", "")
    if step == REVIEW and (entry_id := _entry_id(request)) is not None:
        form = _review_form(request.POST, entry_id)
        if form.is_valid():
            data = form.cleaned_data
            try:
                _answer(
                    request,
                    services.review_entry,
                    list_id,
                    entry_id,
                    review=data["review"],
                    reason=data["reason"],
                    keep_until=data["keep_until"],
                )
            except InvalidInput as error:
                form.add_gate_errors(error)
            else:
                messages.success(request, _("The review of the dossier has been recorded."))
                return redirect(_list_url(list_id, number, f"dossier-{entry_id}")), None
        return None, (REVIEW, form, entry_id)
    if step not in STEPS:
        messages.error(request, _("This step cannot be taken now."))
        return redirect(_list_url(list_id, number)), None
    form = STEPS[step][0](request.POST, prefix=step)
    if form.is_valid():
        try:
            result = _answer(request, _call(list_id, step, form.cleaned_data))
        except InvalidInput as error:
            form.add_gate_errors(error)
        else:
            messages.success(request, _done(step, result))
            return redirect(_list_url(list_id)), None
    return None, (step, form, None)


def _page_number(request) -> int:
    value = request.GET.get("pagina", "")
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _entry_forms(found, bound) -> dict:
    """The review form of each dossier on the page still to be destroyed (bound: the one sent)."""
    if found.state != "review":
        return {}
    forms = {}
    for entry in found.page:
        if entry.client_id is None:
            continue
        if bound and bound[0] == REVIEW and bound[2] == entry.id:
            form = bound[1]
        else:
            form = _review_form(
                None,
                entry.id,
                initial={
                    "review": entry.review,
                    "reason": entry.keep_reason,
                    "keep_until": entry.keep_until,
                },
            )
        form.for_dossier(entry.client_name)
        forms[entry.id] = form
    return forms


def _step_forms(found, bound) -> dict:
    """The forms of the steps the list can take in its state (bound: the one sent)."""
    forms = {}
    for step, (form_class, states) in STEPS.items():
        if found.state in states:
            forms[step] = form_class(None, prefix=step)
    if bound and bound[0] in STEPS:
        forms[bound[0]] = bound[1]
    return forms


@employee_required
@require_http_methods(["GET", "POST"])
@_pages
def destruction_list(request, list_id):
    """A list, its dossiers a page at a time with their reviews, and its next steps."""
    number = _page_number(request)
    bound = None
    if request.method == "POST":
        answered, bound = _take(request, list_id, number)
        if answered is not None:
            return answered
    found = _ask(request, services.destruction_list, list_id, page=number)
    entry_forms = _entry_forms(found, bound)
    step_forms = _step_forms(found, bound)
    rows = [(entry, entry_forms.get(entry.id)) for entry in found.page]
    pages = max(1, math.ceil(found.entries / PAGE))
    return form_page(
        request,
        "web/destruction_list.html",
        bound[1] if bound else StepForm(),
        {
            "found": found,
            "rows": rows,
            "steps": step_forms,
            "officer": is_privacy_officer(request.employee),
            "number": number,
            "pages": pages,
            "previous_url": _list_url(found.id, number - 1) if number > 1 else "",
            "next_url": _list_url(found.id, number + 1) if number < pages else "",
        },
    )


# -- the record of destruction ----------------------------------------------------------------


@employee_required
@require_GET
@_pages
def destruction_record(request, list_id):
    """The record of a carried-out list (PDF, no client data): Dutch, or ``?taal=en``."""
    language = "en" if request.GET.get("taal") == "en" else "nl"
    try:
        pdf = _ask(request, services.destruction_record, list_id, language=language)
    except InvalidInput as error:  # not carried out yet
        return not_found(request, NotFound("destruction-record", " ".join(error.errors.values())))
    return pdf_response(pdf, "verklaring-van-vernietiging.pdf")
