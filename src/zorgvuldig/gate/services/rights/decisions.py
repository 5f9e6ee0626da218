# SPDX-License-Identifier: EUPL-1.2
"""Deciding a request for correction, addition, deletion or blocking (art9.4, art9.5; in the
AVG variant also restriction and objection, AVG art. 18 and 21), and carrying out what was
granted through the gate.

The privacy officer or the responsible caseworker decides: granted, partly granted or
refused. The decision first answers explicitly whether refusing is needed to protect the data
subject or the rights and freedoms of others, because then it must be refused (art9.5). A
refusal names its ground and says why in words the requester can read. What was granted is
carried out: a correction or an addition is a new version of the item, the earlier ones stay
in its history (art3.2a); a deletion destroys the item's content; blocking (and restriction)
keeps the item but takes it out of use: the gate refuses to show, change or share it (art9.4).
A granted objection (AVG art. 21) stops the processing of the data objected to in the same way;
it is refused only on compelling legitimate grounds, or to protect the subject or others.
"""

from __future__ import annotations

import dataclasses

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.dossier.models import DataItem, DataItemVersion, OriginMethod
from zorgvuldig.gate import validation
from zorgvuldig.gate.processing import Performed, log_refused_attempt, process_required
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.retention.destruction import (
    Kept,
    check_deletion,
    destroy_dossier,
    destroy_items,
)
from zorgvuldig.gate.services.retention.destruction import check as retention_check
from zorgvuldig.gate.services.rights.convert import request_view
from zorgvuldig.gate.services.rights.handlers import rights_processing
from zorgvuldig.gate.services.rights.notices import create_notices
from zorgvuldig.gate.services.rights.register import WAITING, reload, request_for
from zorgvuldig.gate.services.rights.views import SubjectRequestView
from zorgvuldig.partners.models import Partner
from zorgvuldig.protocol import Operation
from zorgvuldig.protocol.decision import Refusal
from zorgvuldig.rights.codes import (
    DECIDED_KINDS,
    OPEN_STATES,
    PROTECTION_GROUNDS,
    WITHOUT_VALUES,
    Outcome,
    RefusalGround,
    RequestKind,
    RequestState,
)

SOURCE = "Verzoek van de betrokkene (art. 9 lid 4)"
# why a granted early destruction or deletion cannot be carried out yet (art5.2, art9.4)
DESTRUCTION_REFUSED = {
    Kept.GONE: "Van deze cliënt is bij uw organisatie niets meer om te vernietigen.",
    Kept.SUPPORTED: "De cliënt wordt nog ondersteund; sluit eerst de lopende trajecten.",
    Kept.HOLD: "Een bewaarbesluit houdt het dossier vast; herzie dat eerst.",
    Kept.REQUEST: "Een ander verzoek van de betrokkene is nog in behandeling; rond dat eerst af.",
}
ONLY_ITEM_REQUESTS = (
    "Alleen een verzoek om correctie, aanvulling, verwijdering, afscherming of beperking, een "
    "bezwaar of een verzoek om vervroegde vernietiging wordt zo beslist."
)


def _check_decision(request, outcome, protection_needed, granted, ground, reason):
    if outcome not in Outcome.values:
        raise InvalidInput({"outcome": f"Kies uit: {', '.join(Outcome.values)}."})
    if not isinstance(protection_needed, bool):
        raise InvalidInput(
            {
                "protectionNeeded": "Beantwoord eerst of weigeren nodig is ter bescherming van "
                "de betrokkene of van de rechten en vrijheden van anderen (art. 9 lid 5)."
            }
        )
    if protection_needed and outcome != Outcome.REFUSED:
        raise InvalidInput(
            {
                "outcome": "Is weigeren nodig ter bescherming van de betrokkene of van "
                "anderen, dan wordt het verzoek geweigerd (art. 9 lid 5)."
            }
        )
    if protection_needed and ground not in PROTECTION_GROUNDS:
        raise InvalidInput(
            {"refusalGround": "Noem als grond de bescherming van de betrokkene of van anderen."}
        )
    if request.kind == RequestKind.EARLY_DESTRUCTION and outcome == Outcome.PARTLY_GRANTED:
        raise InvalidInput(
            {"outcome": "Vervroegde vernietiging geldt het hele dossier: ken toe of weiger."}
        )
    if outcome == Outcome.GRANTED:
        return set(request.items.values_list("id", flat=True)), "", ""
    if ground not in RefusalGround.values:
        raise InvalidInput(
            {"refusalGround": f"Een weigering noemt haar grond: {', '.join(RefusalGround.values)}."}
        )
    why = validation.text(reason, "refusalReason", 4000)
    if outcome == Outcome.REFUSED:
        return set(), ground, why
    items = set(request.items.values_list("id", flat=True))
    chosen = {validation.reference(i, "grantedItemIds") for i in granted or ()}
    if not chosen or not chosen < items:
        raise InvalidInput(
            {
                "grantedItemIds": "Noem bij gedeeltelijk toekennen welke van de gevraagde "
                "gegevens worden aangepast (niet alle, niet geen)."
            }
        )
    return chosen, ground, why


@gate_service
def decide_request(
    actor: Actor,
    request_id,
    *,
    outcome: str,
    protection_needed: bool | None,
    granted_item_ids=(),
    refusal_ground: str = "",
    refusal_reason: str = "",
) -> SubjectRequestView:
    """art9.5: decide a request about items (:data:`DECIDED_KINDS`); logged under art9.5."""
    with transaction.atomic():
        request = request_for(actor, request_id, "verzoek-betrokkene-beslissen", Operation.CHANGE)
        if request.kind not in DECIDED_KINDS:
            raise InvalidInput({"kind": ONLY_ITEM_REQUESTS})
        if request.state not in OPEN_STATES:
            raise InvalidInput({"state": "Over dit verzoek is al beslist, of het is ingetrokken."})
        if request.state == RequestState.WAITING:
            raise InvalidInput({"state": WAITING})
        granted, ground, why = _check_decision(
            request, outcome, protection_needed, granted_item_ids, refusal_ground, refusal_reason
        )
        client = request.client
        processing = rights_processing(
            actor, client, "verzoek-betrokkene-beslissen", Operation.CHANGE
        )

        def perform(decision):
            request.outcome, request.protection_needed = outcome, protection_needed
            request.refusal_ground, request.refusal_reason = ground, why
            request.decided_by_id, request.decided_on = actor.employee_id, timezone.localdate()
            request.state = RequestState.DECIDED
            if outcome == Outcome.REFUSED:
                request.state, request.closed_at = RequestState.CLOSED, timezone.now()
            request.save()
            request.granted_items.set(sorted(granted, key=str))
            return Performed(request_view(reload(request.id)), subject_ids=[client.subject_id])

        return process_required(processing, perform, "art9.5").result


def _new_version(item, value: str, actor: Actor, reason: str) -> None:
    current = item.versions.order_by("-number").first()
    number = (item.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    DataItemVersion.objects.create(
        item=item,
        number=number,
        label=current.label,
        value=value,
        source=SOURCE,
        method=OriginMethod.DOCUMENT,
        obtained_on=timezone.localdate(),
        recorded_by_id=actor.employee_id,
        reason=reason,
    )


@gate_service
def carry_out_request(actor: Actor, request_id, *, new_values=None) -> SubjectRequestView:
    """Carry out what was granted (art9.4): ``new_values`` maps each granted item's id to what
    it is to say (a correction), or to what is added (an addition); a deletion destroys the granted
    items' content; blocking or restriction takes them out of use (art9.4). Whoever received those
    items before is told (art9.6, :mod:`.notices`); with nobody to tell, the request closes. Logged
    under art9.4."""
    with transaction.atomic():
        request = request_for(actor, request_id, "verzoek-betrokkene-uitvoeren", Operation.CHANGE)
        if request.state != RequestState.DECIDED or request.outcome == Outcome.REFUSED:
            raise InvalidInput({"state": "Alleen een toegekend verzoek wordt uitgevoerd."})
        items = list(request.granted_items.all())
        values = {
            str(validation.reference(k, "newValues")): v for k, v in (new_values or {}).items()
        }
        kind = RequestKind(request.kind)
        if kind not in WITHOUT_VALUES:
            missing = [str(i.id) for i in items if not str(values.get(str(i.id), "")).strip()]
            extra = set(values) - {str(i.id) for i in items}
            if missing or extra:
                raise InvalidInput(
                    {
                        "newValues": "Geef voor elk toegekend gegeven (en alleen daarvoor) wat "
                        "het moet worden of wat wordt aangevuld."
                    }
                )
        client = request.client
        processing = rights_processing(
            actor, client, "verzoek-betrokkene-uitvoeren", Operation.CHANGE
        )
        refused = _destruction_refused(actor, request, kind)
        if not refused:
            if kind == RequestKind.EARLY_DESTRUCTION:
                return _destroy_early(actor, request, processing)
            return _carry_out(actor, request, kind, items, values, processing)
    # nothing was written: the destruction path refused it, and the log keeps why (art5.2)
    log_refused_attempt(
        _destroying(processing) if kind == RequestKind.EARLY_DESTRUCTION else processing,
        [refused],
    )
    raise InvalidInput({"state": refused.reason})


def _destruction_refused(actor: Actor, request, kind: RequestKind) -> Refusal | None:
    """What the one destruction path says against carrying out an early destruction or a
    deletion today (a hold, another open request, support, nothing left), or None."""
    if kind not in (RequestKind.EARLY_DESTRUCTION, RequestKind.DELETION):
        return None
    client, partner = request.client, Partner.objects.get(id=actor.partner_id)
    today = timezone.localdate()
    if kind == RequestKind.EARLY_DESTRUCTION:
        why = retention_check(client, partner, today, early=True, request_id=request.id)
    else:
        why = check_deletion(client, partner, today, request.id)
    if not why:
        return None
    article = "art5.2" if kind == RequestKind.EARLY_DESTRUCTION or why == Kept.HOLD else "art9.4"
    return Refusal(article, DESTRUCTION_REFUSED[why], "Voer het verzoek daarna opnieuw uit.")


def _destroying(processing):
    return dataclasses.replace(processing, name="dossier-vernietigen", operation=Operation.DESTROY)


def _carry_out(actor: Actor, request, kind: RequestKind, items, values, processing):
    client = request.client

    def perform(decision):
        today, before = timezone.localdate(), timezone.now()
        if kind == RequestKind.DELETION:
            destroy_items([i.id for i in items], today)
        elif kind in WITHOUT_VALUES:
            DataItem.objects.filter(id__in=[i.id for i in items]).update(blocked_on=today)
        for item in items if kind not in WITHOUT_VALUES else ():
            value = validation.text(values[str(item.id)], "newValues", 4000)
            if kind == RequestKind.ADDITION:
                previous = item.versions.order_by("-number").first().value
                value = f"{previous}\n\nAanvulling van de betrokkene: {value}"
            reason = "Correctie" if kind == RequestKind.CORRECTION else "Aanvulling"
            _new_version(item, value, actor, f"{reason} op verzoek van de betrokkene")
        request.state, request.carried_out_on = RequestState.CARRIED_OUT, today
        # art9.6: tell whoever received these items before; nobody to tell: closed now
        if not create_notices(request, [i.id for i in items], before):
            request.state, request.closed_at = RequestState.CLOSED, timezone.now()
        request.save(update_fields=["state", "carried_out_on", "closed_at"])
        return Performed(request_view(reload(request.id)), subject_ids=[client.subject_id])

    return process_required(processing, perform, "art9.4").result


def _destroy_early(actor: Actor, request, processing) -> SubjectRequestView:
    """art5.2: the dossier destroyed at the data subject's request, through the one
    destruction path (checked before, by :func:`_destruction_refused`); the request goes with
    it (the log and the ledger keep that it was done, by pseudonym), so what is answered is
    the request as it stood when carried out."""
    client, partner = request.client, Partner.objects.get(id=actor.partner_id)
    request.state, request.carried_out_on = RequestState.CARRIED_OUT, timezone.localdate()
    request.save(update_fields=["state", "carried_out_on"])
    answer = request_view(reload(request.id))

    def perform(decision):
        destroy_dossier(client, partner)
        return Performed(answer, subject_ids=[client.subject_id])

    return process_required(_destroying(processing), perform, "art5.2").result
