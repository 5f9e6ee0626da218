# SPDX-License-Identifier: EUPL-1.2
"""The pages of incidents and breaches (art3.2f; GDPR art. 33 and 34).

Any employee reports an incident of their organisation on the report form; it reaches the
municipality at once. The privacy officer has the register, and the page of each incident:
its clock (the 72 hours from the awareness), its details, the notification to the Autoriteit
Persoonsgegevens in its phases with the answers of its form ready to copy, the clients it
affected (found in the processing log), the decision whether to tell them with their letters,
and closing. The organisation's data protection officer (FG) reads the register and each
incident with the clients it affected, without the forms of the steps: a step it sends is
refused (403, art3.2c; decision 22). The municipality's privacy officer sees every partner's
incidents, with counts instead of clients. The only references in a URL are random ids and a
letter's number.
"""

from __future__ import annotations

import datetime
import functools

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from zorgvuldig.core.errors import InvalidInput, NotAllowed
from zorgvuldig.gate import services
from zorgvuldig.gate.services.incidents.access import not_handled
from zorgvuldig.partners.models import Employee, Partner
from zorgvuldig.web.incident_forms import (
    AttachForm,
    AwarenessForm,
    CloseForm,
    DetachForm,
    DetailsForm,
    ExemptionForm,
    LetterForm,
    NotificationForm,
    ReportForm,
    SearchForm,
    SubjectDecisionForm,
)
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.errors import not_allowed
from zorgvuldig.web.views.files import pdf_response
from zorgvuldig.web.views.flow import consult, form_page
from zorgvuldig.web.views.oversight import reads_registers

REGISTER = "web:incidents"


class _Answered(Exception):
    """The gate answered with a page (not found, not allowed) instead of a result."""

    def __init__(self, response):
        self.response = response


def _ask(request, call, *args, **kwargs):
    """A gate service's result, or (raised) the page that says why there is none; its input
    errors are the caller's."""
    result, response = consult(
        request, lambda: call(request.actor, *args, **kwargs), back_url=reverse(REGISTER)
    )
    if response is not None:
        raise _Answered(response)
    return result


def _pages(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _Answered as answered:
            return answered.response

    return wrapper


def _incident_url(incident_id, fragment: str = "") -> str:
    address = reverse("web:incident", args=[incident_id])
    return f"{address}#{fragment}" if fragment else address


def time_left(clock) -> str:
    """The time left on a running clock (hours:minutes), or how late it is."""
    if clock.seconds_left is None:
        return ""
    minutes = abs(clock.seconds_left) // 60
    words = {"hours": minutes // 60, "minutes": f"{minutes % 60:02d}"}
    if clock.seconds_left < 0:
        return _("%(hours)s:%(minutes)s hours overdue") % words
    return _("%(hours)s:%(minutes)s hours left") % words


# -- the register and the report form --------------------------------------------------------


@employee_required
@require_GET
@_pages
def incidents(request):
    """The register of the privacy officer and the FG; for anyone else, the way to report an
    incident."""
    try:
        lines = services.incident_register(request.actor)
    except NotAllowed:
        return render(request, "web/incidents.html", {"officer": False, "lines": []})
    rows = [(line, time_left(line.clock)) for line in lines]
    return render(request, "web/incidents.html", {"officer": True, "rows": rows})


@employee_required
@require_http_methods(["GET", "POST"])
@_pages
def report(request):
    """art3.2f: any employee reports an incident of their organisation."""
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = _ask(
                request,
                services.report_incident,
                nature=data["nature"],
                nature_other=data["nature_other"],
                summary=data["summary"],
                discovered_at=data["discovered_at"],
                started_at=data["started_at"],
                categories=list(data["categories"]),
                people_affected=data["people_affected"],
            )
        except InvalidInput as error:
            form.add_gate_errors(error)
        else:
            messages.success(
                request,
                _(
                    "Incident %(number)s has been reported. The privacy officers of your "
                    "organisation and of the municipality have been told."
                )
                % {"number": made.number},
            )
            if reads_registers(request.employee):
                return redirect(_incident_url(made.id))
            return redirect(reverse(REGISTER))
    return form_page(request, "web/incident_report.html", form, {})


# -- one incident, step by step --------------------------------------------------------------

STEP_DONE = {
    "gegevens": gettext_lazy("The details of the incident have been recorded."),
    "bewust": gettext_lazy("The awareness has been recorded: the 72 hours run from then."),
    "melden": gettext_lazy(
        "The notification to the Autoriteit Persoonsgegevens has been recorded."
    ),
    "vrijstellen": gettext_lazy(
        "Recorded that the breach needs no notification, with the reasons."
    ),
    "zoeken": gettext_lazy("The processing log has been searched."),
    "koppelen": gettext_lazy("The client has been attached to the incident."),
    "ontkoppelen": gettext_lazy("The client has been taken off the incident."),
    "inlichten": gettext_lazy("The decision on telling the data subjects has been recorded."),
    "brief": gettext_lazy("The delivery of the letter has been recorded."),
    "afsluiten": gettext_lazy("The incident has been closed."),
}
# the section of the page each step's form stands in
SECTIONS = {
    "gegevens": "gegevens",
    "bewust": "klok",
    "melden": "melding",
    "vrijstellen": "melding",
    "zoeken": "betrokkenen",
    "koppelen": "betrokkenen",
    "ontkoppelen": "betrokkenen",
    "inlichten": "inlichten",
    "brief": "inlichten",
    "afsluiten": "afsluiten",
}


def _initial_details(found) -> dict:
    local = timezone.localtime
    return {
        "nature": found.nature,
        "nature_other": found.nature_other,
        "summary": found.summary,
        "started_at": local(found.started_at) if found.started_at else None,
        "discovered_at": local(found.discovered_at),
        "contained_at": local(found.contained_at) if found.contained_at else None,
        "categories": list(found.categories),
        "people_affected": found.people_affected,
        "records_affected": found.records_affected,
        "encrypted": found.encrypted,
        "consequences": found.consequences,
        "severity": found.severity,
        "measures": found.measures,
        "cross_border": found.cross_border,
    }


def _search_choices(request):
    partner = request.employee.partner
    employees = [
        (str(e.id), e.display_name)
        for e in Employee.objects.filter(partner=partner).select_related("user")
    ]
    partners = [(str(p.id), p.name) for p in Partner.objects.exclude(id=partner.id)]
    return employees, partners


def _forms(request, found, data, step) -> dict:
    """The forms of the steps this incident can take now (bound when ``step`` is theirs)."""
    if not found.handled or found.state == "closed":
        return {}

    def bound(name):
        return data if step == name else None

    forms = {
        "gegevens": DetailsForm(
            bound("gegevens"), prefix="gegevens", initial=_initial_details(found)
        ),
        "afsluiten": CloseForm(
            bound("afsluiten"), prefix="afsluiten", initial={"measures": found.measures}
        ),
    }
    employees, partners = _search_choices(request)
    forms["zoeken"] = SearchForm(
        bound("zoeken"), prefix="zoeken", employees=employees, partners=partners
    )
    forms["koppelen"] = AttachForm(bound("koppelen"), prefix="koppelen")
    if found.aware_at is None:
        forms["bewust"] = AwarenessForm(bound("bewust"), prefix="bewust")
        return forms
    last = found.phases[-1].kind if found.phases else ""
    if last not in ("withdrawn",):
        forms["melden"] = NotificationForm(bound("melden"), prefix="melden")
    if not found.phases and not found.exempt_at:
        forms["vrijstellen"] = ExemptionForm(bound("vrijstellen"), prefix="vrijstellen")
    forms["inlichten"] = SubjectDecisionForm(bound("inlichten"), prefix="inlichten")
    return forms


def _letter_forms(found, data, step, letter_id) -> dict:
    """A delivery form per letter still to be sent (bound: the one sent)."""
    if not found.handled:
        return {}
    found_forms = {}
    for affected in found.affected:
        letter = affected.letter
        if letter is None or letter.status == "sent":
            continue
        is_sent = step == "brief" and letter_id == str(letter.id)
        found_forms[letter.id] = LetterForm(data if is_sent else None, prefix=f"brief-{letter.id}")
    return found_forms


def _detach_forms(found, data, step, affected_id) -> dict:
    """A form per client that can be taken off the open incident (bound: the one sent); a
    client whose letter went out stays."""
    if not found.handled or found.state == "closed":
        return {}
    return {
        a.id: DetachForm(
            data if step == "ontkoppelen" and affected_id == str(a.id) else None,
            prefix=f"ontkoppelen-{a.id}",
        )
        for a in found.affected
        if a.letter is None or a.letter.status == "pending"
    }


def _whole_minute(moment):
    """The picker's "until 14:05" includes 14:05:59, up to now."""
    if moment is None:
        return None
    return min(moment + datetime.timedelta(seconds=59, microseconds=999_999), timezone.now())


def _call(request, found, step, form, item):
    """The gate's call of ``step``; ``item`` is the letter's or the affected client's id."""
    data = form.cleaned_data
    actor, key = request.actor, found.id
    calls = {
        "gegevens": lambda: services.update_incident(actor, key, **form.changes()),
        "bewust": lambda: services.record_awareness(
            actor, key, aware_at=data["aware_at"], reason=data["reason"]
        ),
        "melden": lambda: services.record_notification(
            actor,
            key,
            kind=data["kind"],
            reported_at=data["reported_at"],
            ap_reference=data["ap_reference"],
            delay_reasons=data["delay_reasons"],
            note=data["note"],
        ),
        "vrijstellen": lambda: services.exempt_notification(actor, key, reason=data["reason"]),
        "zoeken": lambda: services.find_affected_clients(
            actor,
            key,
            window_from=data["window_from"],
            window_to=_whole_minute(data["window_to"]),
            employee_id=data["employee"] or None,
            recipient_partner_id=data["recipient"] or None,
            categories=list(data["categories"]),
        ),
        "koppelen": lambda: services.add_affected_client(actor, key, bsn=data["bsn"]),
        "ontkoppelen": lambda: services.detach_affected_client(
            actor, key, item, reason=data["reason"]
        ),
        "inlichten": lambda: services.decide_subject_information(
            actor,
            key,
            outcome=data["outcome"],
            reason=data["reason"],
            public_notice=data["public_notice"],
        ),
        "brief": lambda: services.record_letter_delivery(
            actor, key, item, status=data["status"], note=data["note"]
        ),
        "afsluiten": lambda: services.close_incident(actor, key, measures=data["measures"]),
    }
    return calls[step]


#: The steps of one row of the clients affected, and the field that names the row.
ITEMS = {"brief": "brief", "ontkoppelen": "betrokkene"}


def _done(step, result) -> str:
    if step == "zoeken":
        return f"{STEP_DONE[step]} " + _(
            "Clients of your organisation found: %(found)s, new on the incident: %(added)s; "
            "other people in the records: %(unresolved)s."
        ) % {
            "found": result.search.found,
            "added": result.search.added,
            "unresolved": result.search.unresolved,
        }
    return str(STEP_DONE[step])


def _take(request, found, form, step, item):
    """Take a step: done, on to the incident's section; refused by the gate, None (the page
    again with the gate's errors on the form)."""
    if form is None:
        messages.error(request, _("This step cannot be taken now."))
        return redirect(_incident_url(found.id))
    if not form.is_valid():
        return None
    try:
        result = _call(request, found, step, form, item)()
    except InvalidInput as error:
        form.add_gate_errors(error)
        return None
    except NotAllowed as error:
        messages.error(request, str(error))
        return redirect(_incident_url(found.id))
    messages.success(request, _done(step, result))
    return redirect(_incident_url(found.id, SECTIONS[step]))


@employee_required
@require_http_methods(["GET", "POST"])
@_pages
def incident(request, incident_id):
    """An incident with its clock, course and the forms of the steps it can take now. Who reads
    it without handling it gets no form: the FG of its organisation, whose step is refused (403,
    art3.2c) before anything is done, and the municipality's privacy officer, told that the
    step cannot be taken."""
    found = _ask(request, services.incident, incident_id)
    own = found.partner == request.employee.partner.name
    if request.method == "POST" and own and not found.handled:
        return not_allowed(
            request, not_handled(found.partner, own=True), back_url=_incident_url(found.id)
        )
    step = request.POST.get("stap") if request.method == "POST" else None
    # the letter, or the affected client, a step of one row is about
    item = request.POST.get(ITEMS[step], "") if step in ITEMS else ""
    forms = _forms(request, found, request.POST, step)
    letters = _letter_forms(found, request.POST, step, item)
    detaching = _detach_forms(found, request.POST, step, item)
    if step in STEP_DONE:
        if step in ITEMS:
            form = {"brief": letters, "ontkoppelen": detaching}[step].get(
                int(item) if item.isdigit() else None
            )
        else:
            form = forms.get(step)
        answered = _take(request, found, form, step, item)
        if answered is not None:
            return answered
    answers = _ask(request, services.notification_answers, found.id)
    rows = [
        (a, letters.get(a.letter.id) if a.letter else None, detaching.get(a.id))
        for a in found.affected
    ]
    invalid = any(f.errors for f in [*forms.values(), *letters.values(), *detaching.values()])
    return render(
        request,
        "web/incident.html",
        {
            "found": found,
            # its own organisation's readers see its clients: the privacy officer who handles
            # it, the FG for oversight; the municipality sees how many
            "sees_clients": own,
            "forms": forms,
            "rows": rows,
            "answers": answers,
            "time_left": time_left(found.clock),
            "decision": found.subject_decisions[-1] if found.subject_decisions else None,
        },
        status=400 if invalid else 200,
    )


@employee_required
@require_GET
@_pages
def letter(request, incident_id, letter_id):
    """The letter to one affected client (GDPR art. 34), as PDF."""
    pdf = _ask(request, services.incident_letter_pdf, incident_id, letter_id)
    return pdf_response(pdf, "brief-datalek.pdf")
