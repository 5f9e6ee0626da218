# SPDX-License-Identifier: EUPL-1.2
"""Informing and consent on the dossier (art4.1-art4.5): record informing, record a consent
decision with its signed form, withdraw, print the consent form, fetch a signed form.

Like every page with personal data, each names the purpose (``?doel=``) and goes through the
gate; the dossier's consent panel (:func:`panel`) shows at a glance what is allowed now, and
why.
"""

from __future__ import annotations

import io

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from zorgvuldig.consent.documents import from_upload
from zorgvuldig.core.errors import InvalidInput, NotFound, ProcessingRefused
from zorgvuldig.gate import services
from zorgvuldig.web import labels
from zorgvuldig.web.consent_forms import ConsentForm, InformingForm, WithdrawalForm, describe
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.errors import not_found, refused
from zorgvuldig.web.views.files import pdf_response
from zorgvuldig.web.views.flow import form_page
from zorgvuldig.web.views.purpose import choose_purpose, processing, read_purpose, url

PANEL = "toestemming"
SCOPE_ARTICLES = {"record-request": "art4.2", "share": "art4.3"}
MEDICAL = "health"


def _explanation(decision) -> tuple[str, str]:
    """The status badge and a sentence: what this decision allows now, and why."""
    article = labels.label("consent_scope", decision.scope)
    if decision.state == "given":
        text = _("Allowed on the client's consent for: %(what)s.") % {"what": describe(decision)}
        medical = decision.categories is None or MEDICAL in decision.categories
        if medical and not decision.written:
            text += " " + _(
                "Medical data only once the signed form is in the dossier (art. 4 paragraph 4)."
            )
        return "safe", text
    if decision.state == "refused":
        return "danger", _(
            "%(scope)s is not allowed: the client refused. Only where it is "
            "necessary and unavoidable, or a serious risk, with a written "
            "justification (art. 4 paragraph 6)."
        ) % {"scope": article}
    return "danger", _(
        "%(scope)s is no longer allowed: the client withdrew consent (art. 4 "
        "paragraph 5). Only with a written justification under art. 4 paragraph "
        "6."
    ) % {"scope": article}


def glance(overview) -> list[dict]:
    """Per scope the decisions in force, or one "not asked" row."""
    rows = []
    for scope, article in SCOPE_ARTICLES.items():
        decisions = [d for d in overview.in_force if d.scope == scope]
        if not decisions:
            rows.append(
                {
                    "scope": scope,
                    "article": article,
                    "state": "not-asked",
                    "badge": "neutral",
                    "decision": None,
                    "explanation": _(
                        "Not asked yet: ask the client and record the answer; "
                        "until then only with a written justification (art. 4 "
                        "paragraph 6)."
                    ),
                }
            )
        for decision in decisions:
            badge, explanation = _explanation(decision)
            rows.append(
                {
                    "scope": scope,
                    "article": article,
                    "state": decision.state,
                    "badge": badge,
                    "decision": decision,
                    "explanation": explanation,
                }
            )
    return rows


def panel(request, client_id, query: dict) -> dict:
    """The context of the dossier's consent panel (a consult, logged by the gate)."""
    overview = services.consent_overview(request.actor, client_id, **processing(query))
    return {
        "consent": overview,
        "consent_rows": glance(overview),
        "informing_url": url("web:record_informing", client_id, query),
        "consent_url": url("web:record_consent", client_id, query),
        "withdraw_url": url("web:withdraw_consent", client_id, query),
        "consent_form_url": url("web:consent_form", client_id, query),
        **allowed_table(request, client_id, query),
    }


# The columns of "What may be done now?": the operations allowed_now() answers for.
ALLOWED_OPERATIONS = ("record", "request", "share")


def allowed_table(request, client_id, query: dict) -> dict:
    """Per category, whether recording, requesting and sharing is allowed now, and why.

    One call of ``allowed_now`` (itself a logged consult) per page view. When the protocol
    refuses even that, the panel says why instead of showing the table.
    """
    try:
        views = services.allowed_now(request.actor, client_id, **processing(query))
    except ProcessingRefused as error:
        return {
            "allowed_rows": [],
            "allowed_operations": ALLOWED_OPERATIONS,
            "allowed_refusal": error.decision.explanation,
        }
    rows: dict[str, dict] = {}
    for view in views:
        row = rows.setdefault(
            view.category, {"category": view.category, "label": view.label, "cells": {}}
        )
        row["cells"][view.operation] = view
    for row in rows.values():
        row["cells"] = [row["cells"].get(op) for op in ALLOWED_OPERATIONS]
    return {
        "allowed_rows": list(rows.values()),
        "allowed_operations": ALLOWED_OPERATIONS,
        "allowed_refusal": "",
    }


def _start(request, title):
    """The purpose of the page, or the page that asks for it."""
    purpose_form = read_purpose(request)
    if not purpose_form.is_valid():
        return None, choose_purpose(request, purpose_form, title)
    return purpose_form.query(), None


def _upload(request):
    upload = request.FILES.get("signed_form")
    return from_upload(upload) if upload is not None else None


@employee_required
@require_http_methods(["GET", "POST"])
def record_informing(request, client_id):
    """art4.1: record that the client was informed, with the organisations named."""
    query, page = _start(request, _("Record informing"))
    if page:
        return page
    dossier_url = url("web:dossier", client_id, query, PANEL)
    form = InformingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_informing(
                request.actor,
                client_id,
                organisations=data["organisations"],
                informed_on=data["informed_on"],
                how=data["how"],
                note=data["note"],
                **processing(query),
            )
        except InvalidInput as error:
            form.add_gate_errors(error)
        except ProcessingRefused as error:
            return refused(request, error, back_url=dossier_url)
        except NotFound as error:
            return not_found(request, error)
        else:
            messages.success(request, _("The informing of the client has been recorded."))
            return redirect(dossier_url)
    return form_page(
        request,
        "web/record_informing.html",
        form,
        {"back_url": dossier_url, "purpose": query["doel"]},
    )


def _decision_page(request, client_id, *, title, template, make_form, save, done):
    """The shared flow of recording a decision: the overview (who may decide), the form, the
    gate, and back to the panel."""
    query, page = _start(request, title)
    if page:
        return page
    dossier_url = url("web:dossier", client_id, query, PANEL)
    try:
        overview = services.consent_overview(request.actor, client_id, **processing(query))
    except ProcessingRefused as error:
        return refused(request, error, back_url=dossier_url)
    except NotFound as error:
        return not_found(request, error)
    except InvalidInput as error:
        purpose_form = read_purpose(request)
        purpose_form.is_valid()
        purpose_form.add_gate_errors(error)
        return choose_purpose(request, purpose_form, title)
    form = make_form(overview, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data, form, _upload(request), query)
        except InvalidInput as error:
            form.add_gate_errors(error)
        except ProcessingRefused as error:
            return refused(request, error, back_url=dossier_url)
        else:
            messages.success(request, done)
            return redirect(dossier_url)
    return render(
        request,
        template,
        {"form": form, "back_url": dossier_url, "purpose": query["doel"], "consent": overview},
        status=400 if form.errors else 200,
    )


@employee_required
@require_http_methods(["GET", "POST"])
def record_consent(request, client_id):
    """art4.2/art4.3: record the client's answer, with the signed form (art4.4)."""

    def make_form(overview, data, files):
        initial = {"scope": request.GET.get("reikwijdte", "record-request")}
        non_partners = [(str(n.id), n.name) for n in services.list_non_partners(request.actor)]
        return ConsentForm(
            data,
            files,
            overview=overview,
            partner_id=request.actor.partner_id,
            non_partners=non_partners,
            initial=initial,
        )

    def save(data, form, document, query):
        services.record_consent(
            request.actor,
            client_id,
            scope=data["scope"],
            state=data["state"],
            decided_on=data["decided_on"],
            categories=data["categories"] or None,
            recipients=data["recipients"] or None,
            **form.signers(),
            document=document,
            note=data["note"],
            **processing(query),
        )

    return _decision_page(
        request,
        client_id,
        title=_("Record consent"),
        template="web/record_consent.html",
        make_form=make_form,
        save=save,
        done=_("The consent decision has been recorded."),
    )


@employee_required
@require_http_methods(["GET", "POST"])
def withdraw_consent(request, client_id):
    """art4.5: the client withdraws a consent in force; the earlier decision stays."""

    def make_form(overview, data, files):
        return WithdrawalForm(
            data, files, overview=overview, initial={"consent": request.GET.get("besluit", "")}
        )

    def save(data, form, document, query):
        decision = form.given[data["consent"]]
        services.withdraw_consent(
            request.actor,
            client_id,
            scope=decision.scope,
            decided_on=data["decided_on"],
            categories=list(decision.categories) if decision.categories is not None else None,
            recipients=list(decision.recipients) if decision.recipients is not None else None,
            **form.signers(),
            document=document,
            note=data["note"],
            **processing(query),
        )

    return _decision_page(
        request,
        client_id,
        title=_("Withdraw consent"),
        template="web/withdraw_consent.html",
        make_form=make_form,
        save=save,
        done=_("The withdrawal has been recorded; from now on the consent no longer applies."),
    )


@employee_required
@require_GET
def consent_form(request, client_id):
    """The printable consent form (PDF) to go through with the client and have signed."""
    query, page = _start(request, _("Print the consent form"))
    if page:
        return page
    try:
        pdf = services.consent_form_pdf(request.actor, client_id, **processing(query))
    except ProcessingRefused as error:
        return refused(request, error, back_url=url("web:dossier", client_id, query, PANEL))
    except NotFound as error:
        return not_found(request, error)
    return pdf_response(pdf, "toestemmingsformulier.pdf")


@employee_required
@require_GET
def consent_document(request, document_id):
    """A signed consent form as it was uploaded (art4.4)."""
    query, page = _start(request, _("Signed consent form"))
    if page:
        return page
    try:
        stored = services.consent_document(request.actor, document_id, **processing(query))
    except ProcessingRefused as error:
        return refused(request, error)
    except NotFound as error:
        return not_found(request, error)
    return FileResponse(
        io.BytesIO(stored.content),
        as_attachment=True,
        filename=stored.filename,
        content_type=stored.content_type,
    )
