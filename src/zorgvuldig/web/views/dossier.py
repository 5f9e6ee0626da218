# SPDX-License-Identifier: EUPL-1.2
"""The client dossier: opening it is a consult, logged by the gate (art3.2a, art3.2c).

Every page here names the purpose of the processing (``?doel=``) and, when needed, the legal
basis (``?grondslag=``); the links between the pages carry them on. No personal data is ever
put in a URL: clients and items are named by their random ids.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from zorgvuldig.core.errors import ProcessingRefused
from zorgvuldig.gate import services, together, validation
from zorgvuldig.protocol import Category
from zorgvuldig.web import labels
from zorgvuldig.web.forms import ChangeItemForm, RecordItemForm, SecrecyReleaseForm
from zorgvuldig.web.views import consent, meldcode_panel
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.emergency import glass_url
from zorgvuldig.web.views.flow import JUSTIFICATION_FIELDSET as JUSTIFICATION_FIELDSET
from zorgvuldig.web.views.flow import consult, form_page, justification_url, submit, with_purpose
from zorgvuldig.web.views.purpose import processing, url

#: How many processings of the client's log the dossier page shows (newest first).
LOG_ON_PAGE = 100


def _items_by_category(items) -> list[tuple[str, str, list]]:
    """The data items grouped per category, in the vocabulary's order of categories."""
    order = {c.value: i for i, c in enumerate(Category)}
    groups: dict[str, list] = {}
    for item in sorted(items, key=lambda i: (order.get(i.category, len(order)), i.current.label)):
        groups.setdefault(item.category, []).append(item)
    return [(code, labels.label("category", code), group) for code, group in groups.items()]


@employee_required
@require_GET
@with_purpose(gettext_lazy("Open the dossier"))
def dossier(request, page, client_id):
    # the page's five consults are appended to the log at once, before the page leaves
    # (decision 29)
    with together.consults_logged_together():
        return _dossier(request, page, client_id)


def _dossier(request, page, client_id):
    query = page.query

    def read():
        return (
            services.consult_dossier(request.actor, client_id, **processing(query)),
            consent.panel(request, client_id, query),
            meldcode_panel.panel(request, client_id, query),
            services.recent_client_log(
                request.actor, client_id, **processing(query), limit=LOG_ON_PAGE
            ),
        )

    found, response = consult(
        request,
        read,
        back_url=reverse("web:home"),
        page=page,
        glass_url=glass_url(request.employee, client_id, query),
    )
    if response is not None:
        return response
    client, consent_panel, meldcode_part, log = found
    return render(
        request,
        "web/dossier.html",
        {
            "client": client,
            "purpose": query["doel"],
            "query": urlencode(query),
            "groups": _items_by_category(client.items),
            "log": log.records,
            "log_total": log.total,
            "log_on_page": LOG_ON_PAGE,
            "record_url": url("web:record_item", client.id, query),
            "share_url": url("web:share", client.id, query),
            "request_url": url("web:request_data", client.id, query),
            "household_url": url("web:create_household", client.id, query),
            **consent_panel,
            **meldcode_part,
        },
    )


@employee_required
@require_http_methods(["GET", "POST"])
@with_purpose(gettext_lazy("Record a data item"))
def record_item(request, page, client_id):
    query = page.query
    dossier_url = url("web:dossier", client_id, query)
    form = RecordItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = submit(
            request,
            form,
            lambda data: services.record_item(
                request.actor,
                client_id,
                category=data["category"],
                label=data["label"],
                value=data["value"],
                source=data["source"],
                method=data["method"],
                obtained_on=data["obtained_on"],
                **processing(query),
                justification=validation.justification(*form.justification_values()),
                professional_secrecy=data["professional_secrecy"],
            ),
            done=_("The data item has been recorded."),
            next_url=url("web:dossier", client_id, query, "gegevens"),
            back_url=dossier_url,
            consent_url=url("web:dossier", client_id, query, consent.PANEL),
            form_url=justification_url(request),
        )
        if done is not None:
            return done
    return form_page(
        request,
        "web/record_item.html",
        form,
        {"back_url": dossier_url, "purpose": query["doel"]},
    )


def _holds_secrecy(request, item) -> bool:
    """Whether the employee looking is the one who recorded the item under professional
    secrecy (the first version's author; the gate checks it again on release)."""
    if not item.under_professional_secrecy or not item.history:
        return False
    first = min(item.history, key=lambda v: v.number)
    return first.recorded_by == request.employee.display_name


def _read_item(request, item_id, page):
    """The item with its history (a consult through the gate), or the page that says why not."""
    query = page.query
    return consult(
        request,
        lambda: services.item_history(request.actor, item_id, **processing(query)),
        back_url=reverse("web:home"),
        page=page,
    )


@employee_required
@require_http_methods(["GET", "POST"])
@with_purpose(gettext_lazy("History of a data item"))
def item_history(request, page, item_id):
    """The versions of an item, who received it (art9.1), and, for the holder of its
    professional secrecy, the release for a recipient (art6.2, a POST)."""
    query = page.query
    history_url = url("web:item_history", item_id, query)
    release_form = SecrecyReleaseForm(request.POST or None, own_partner_id=request.actor.partner_id)
    if request.method == "POST" and release_form.is_valid():
        done = submit(
            request,
            release_form,
            lambda data: services.release_secrecy(
                request.actor,
                item_id,
                recipient=data["recipient"],
                reason=data["reason"],
                **processing(query),
            ),
            done=_(
                "The professional secrecy of this item has been lifted for the recipient you chose."
            ),
            next_url=history_url,
            back_url=history_url,
        )
        if done is not None:
            return done
    item, response = _read_item(request, item_id, page)
    if response is not None:
        return response
    try:
        disclosures = services.disclosures_of_item(request.actor, item_id, **processing(query))
        disclosures_refusal = ""
    except ProcessingRefused as error:
        disclosures, disclosures_refusal = None, error.decision.explanation
    return form_page(
        request,
        "web/item_history.html",
        release_form,
        {
            "item": item,
            "purpose": query["doel"],
            "dossier_url": url("web:dossier", item.client_id, query, "gegevens"),
            "change_url": url("web:change_item", item.id, query),
            "disclosures": disclosures,
            "disclosures_refusal": disclosures_refusal,
            "holds_secrecy": _holds_secrecy(request, item),
        },
    )


@employee_required
@require_http_methods(["GET", "POST"])
@with_purpose(gettext_lazy("Change a data item"))
def change_item(request, page, item_id):
    """A change is a new version; every earlier version stays (art3.2a)."""
    query = page.query
    history_url = url("web:item_history", item_id, query)
    if request.method == "POST":
        form = ChangeItemForm(request.POST)
        if form.is_valid():
            done = submit(
                request,
                form,
                lambda data: services.change_item(
                    request.actor,
                    item_id,
                    label=data["label"],
                    value=data["value"],
                    source=data["source"],
                    method=data["method"],
                    obtained_on=data["obtained_on"],
                    reason=data["reason"],
                    **processing(query),
                    justification=validation.justification(*form.justification_values()),
                ),
                done=_(
                    "The data item has been changed; the earlier version is kept in its history."
                ),
                next_url=history_url,
                back_url=history_url,
                form_url=justification_url(request),
            )
            if done is not None:
                return done
    else:
        # The form starts from the current version: reading it is a consult of the item.
        item, response = _read_item(request, item_id, page)
        if response is not None:
            return response
        current = item.current
        form = ChangeItemForm(
            initial={
                "label": current.label,
                "value": current.value,
                "source": current.source,
                "method": current.method,
                "obtained_on": current.obtained_on,
            }
        )
    return form_page(
        request,
        "web/change_item.html",
        form,
        {"back_url": history_url, "purpose": query["doel"]},
    )
