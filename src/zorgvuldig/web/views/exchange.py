# SPDX-License-Identifier: EUPL-1.2
"""Sharing data with a partner, a non-partner or Veilig Thuis (art5.1, art6, art7, art8.2).

The caseworker picks the recipient, the purpose and the items; step one shows per item what the
protocol would let go and why (``preview_share``, nothing is sent), step two sends the same
selection (``share_items``): the allowed items leave with a disclosure record, the refused ones
stay. A non-partner is informed of the protocol's main lines first (art7): the leaflet is
printed here and handing it over is recorded.
"""

from __future__ import annotations

import uuid
from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from zorgvuldig.core.errors import InvalidInput, NotAllowed, NotFound, ProcessingRefused
from zorgvuldig.exchange import leaflet
from zorgvuldig.gate import services, validation
from zorgvuldig.web import labels
from zorgvuldig.web.forms import NonPartnerForm, ShareForm
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.dossier import _items_by_category
from zorgvuldig.web.views.errors import not_allowed, refused
from zorgvuldig.web.views.files import pdf_response
from zorgvuldig.web.views.flow import consult, form_page, justification_url, with_purpose
from zorgvuldig.web.views.purpose import processing, url

#: The steps of the share form (the name of its submit buttons).
PREVIEW, INFORM, SHARE = "bekijken", "informeren", "delen"


def _non_partners(request) -> tuple[list[tuple[str, str]], set[str]]:
    """The non-partners of the employee's organisation, (id, "name (kind)"), and the ids of
    those not informed of the protocol's main lines yet (art7); their names are personal
    data, so the gate lists them."""
    known = services.list_non_partners(request.actor)
    return (
        [(str(n.id), f"{n.name} ({labels.label('non_partner_kind', n.kind)})") for n in known],
        {str(n.id) for n in known if n.informed_at is None},
    )


def _just_registered(request, known: list[tuple[str, str]]) -> str | None:
    """The id of a non-partner registered just now (``?niet_partner=``), added to ``known``."""
    value = request.GET.get("niet_partner", "")
    try:
        pk = str(uuid.UUID(value))
    except ValueError:
        return None
    if pk not in dict(known):
        known.append((pk, _("The non-partner you registered just now")))
    return pk


@employee_required
@require_http_methods(["GET", "POST"])
@with_purpose(gettext_lazy("Share data"))
def share(request, page, client_id):
    query = page.query
    basis = query.get("grondslag")
    dossier_url = url("web:dossier", client_id, query, "gegevens")
    client, response = consult(
        request,
        lambda: services.consult_dossier(request.actor, client_id, **processing(query)),
        back_url=reverse("web:home"),
        page=page,
    )
    if response is not None:
        return response
    non_partners, uninformed = _non_partners(request)
    registered = _just_registered(request, non_partners)
    initial = {"purpose": query["doel"]}
    if registered:
        initial["recipient"] = f"niet-partner:{registered}"
    form = ShareForm(
        request.POST or None,
        initial=initial,
        items=client.items,
        own_partner_id=request.actor.partner_id,
        non_partners=non_partners,
    )
    step = request.POST.get("stap", PREVIEW)
    preview = result = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            selection = {
                "item_ids": data["items"],
                "purpose": data["purpose"],
                "legal_basis": basis,
                "justification": validation.justification(*form.justification_values()),
                **form.recipient_kwargs(),
            }
            if step == INFORM and form.non_partner_id:
                services.inform_non_partner(request.actor, form.non_partner_id)
                uninformed.discard(form.non_partner_id)
                messages.success(
                    request,
                    _(
                        "Recorded: the non-partner has been informed of the "
                        "protocol's main lines (art. 7)."
                    ),
                )
            if step == SHARE:
                result = services.share_items(
                    request.actor, client_id, recipient_person=data["recipient_person"], **selection
                )
            else:
                preview = services.preview_share(request.actor, client_id, **selection)
        except InvalidInput as error:
            form.add_gate_errors(error)
        except NotFound as error:
            form.add_error("recipient", str(error))
        except ProcessingRefused as error:
            return refused(
                request,
                error,
                back_url=request.get_full_path(),
                consent_url=url("web:dossier", client_id, query, "toestemming"),
                form_url=justification_url(request),
            )
    by_id = {str(i.id): i for i in client.items}
    rows = [(row, by_id[str(row.item_id)]) for row in preview or ()]
    context = {
        "client": client,
        "purpose": query["doel"],
        "dossier_url": dossier_url,
        "groups": _items_by_category(client.items),
        "selected": [str(v) for v in (form["items"].value() or ())],
        "rows": rows,
        "allowed_count": sum(1 for row, _item in rows if row.allowed),
        # art7: the leaflet first; a refusal for a consent that does not name the
        # non-partner (also art7) is explained in the rows, not by this notice
        "needs_informing": bool(
            form.is_bound and not form.errors and rows and form.non_partner_id in uninformed
        ),
        "leaflet_url": reverse("web:leaflet"),
        "register_url": (
            f"{reverse('web:register_non_partner')}?"
            f"{urlencode({**query, 'client': str(client_id)})}"
        ),
        "result": result,
        "sent": [by_id[str(pk)] for pk in result.sent] if result else [],
        "withheld": [by_id[str(pk)] for pk in result.withheld] if result else [],
    }
    return form_page(request, "web/share.html", form, context)


@employee_required
@require_http_methods(["GET", "POST"])
def register_non_partner(request):
    """art7: a family member, someone of the network, or an organisation outside the protocol."""
    query = {k: request.GET[k] for k in ("doel", "grondslag") if request.GET.get(k)}
    try:
        client_id = uuid.UUID(request.GET.get("client", ""))
    except ValueError:
        client_id = None
    back_url = url("web:share", client_id, query) if client_id and query else reverse("web:home")
    try:
        services.non_partner_keeper(request.actor)
    except NotAllowed as error:
        return not_allowed(request, error, back_url=back_url)
    form = NonPartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            non_partner = services.register_non_partner(
                request.actor, name=data["name"], kind=data["kind"], informed=data["informed"]
            )
        except InvalidInput as error:
            form.add_gate_errors(error)
        else:
            messages.success(request, _("The non-partner has been registered."))
            if client_id and query:
                return redirect(
                    f"{url('web:share', client_id, query)}&"
                    f"{urlencode({'niet_partner': str(non_partner.id)})}"
                )
            return redirect(reverse("web:home"))
    return form_page(
        request,
        "web/register_non_partner.html",
        form,
        {"back_url": back_url, "leaflet_url": reverse("web:leaflet")},
    )


@employee_required
@require_GET
def leaflet_pdf(request):
    """The printable leaflet for non-partners (art7); it holds no personal data."""
    pdf = leaflet.render(request.employee.partner.name, printed_on=timezone.localdate())
    return pdf_response(pdf, "hoe-wij-met-uw-gegevens-omgaan.pdf")
