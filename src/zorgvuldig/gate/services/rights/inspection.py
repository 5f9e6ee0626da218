# SPDX-License-Identifier: EUPL-1.2
"""Inspection of the dossier (art9.2) and what is withheld from it (art9.3).

The subject inspects the dossier at the partner as far as their own data goes. The gate itself
withholds every item about another person (what a relative told about themselves, a sibling's
data); the privacy officer or the responsible caseworker withholds any other item whose showing
would harm the subject or the rights and freedoms of others, each with its ground and reason.
Then one of them reviews the package and releases it: from then on the package is what was
released (the items shown, the withholdings kept), and the subject is told how many items were
withheld on which ground. Every step is logged for the subject, under art9.2 or art9.3.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.dossier.models import DataItem, DataItemVersion
from zorgvuldig.gate import validation
from zorgvuldig.gate.processing import Performed, process_required
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.rights.convert import request_view
from zorgvuldig.gate.services.rights.handlers import rights_processing
from zorgvuldig.gate.services.rights.register import WAITING, reload, request_for
from zorgvuldig.gate.services.rights.views import (
    InspectionItem,
    InspectionPackage,
    SubjectRequestView,
    WithheldItem,
)
from zorgvuldig.partners.models import Partner
from zorgvuldig.protocol import Operation
from zorgvuldig.rights.codes import Outcome, RequestKind, RequestState, WithholdingGround
from zorgvuldig.rights.models import InspectionWithholding, SubjectRequest

ABOUT_SOMEONE_ELSE = "Dit gegeven gaat over een ander dan de betrokkene."
CHOSEN_GROUNDS = (WithholdingGround.PROTECT_OTHERS, WithholdingGround.PROTECT_SUBJECT)


def _inspection(actor: Actor, request_id, name: str, operation: Operation) -> SubjectRequest:
    """The inspection request, locked; still to be released unless ``operation`` consults."""
    request = request_for(actor, request_id, name, operation)
    if request.kind != RequestKind.INSPECTION:
        raise InvalidInput({"kind": "Dit verzoek vraagt geen inzage in het dossier."})
    if request.state == RequestState.WITHDRAWN:
        raise InvalidInput({"state": "Dit verzoek is ingetrokken."})
    if operation is not Operation.CONSULT and request.carried_out_on is not None:
        raise InvalidInput({"state": "De inzage is al vrijgegeven; er verandert niets meer aan."})
    return request


def _dossier(request: SubjectRequest) -> list[DataItem]:
    return list(
        DataItem.objects.filter(client=request.client, partner_id=request.partner_id)
        .annotate(versions_count=Count("versions"))
        .order_by("created_at", "id")
    )


def _split(request: SubjectRequest, items: list[DataItem]):
    """(shown, withheld): the withheld as (item, ground, reason, automatic)."""
    recorded = {w.item_id: w for w in request.withholdings.all()}
    if request.carried_out_on is not None:  # released: what was released, nothing else
        shown_ids = {i.id for i in request.granted_items.all()}
        shown = [i for i in items if i.id in shown_ids]
        withheld = [
            (i, recorded[i.id].ground, recorded[i.id].reason, recorded[i.id].automatic)
            for i in items
            if i.id in recorded
        ]
        return shown, withheld
    shown, withheld = [], []
    for item in items:
        if item.subject_id != request.client.subject_id:
            withheld.append((item, WithholdingGround.ABOUT_SOMEONE_ELSE, ABOUT_SOMEONE_ELSE, True))
        elif item.id in recorded:
            w = recorded[item.id]
            withheld.append((item, w.ground, w.reason, False))
        else:
            shown.append(item)
    return shown, withheld


def _package(request: SubjectRequest, reviewed_by: str = "") -> InspectionPackage:
    items = _dossier(request)
    current = {
        v.item_id: v
        for v in DataItemVersion.objects.filter(item__in=items).order_by("item_id", "number")
    }
    shown, withheld = _split(request, items)
    return InspectionPackage(
        request_id=request.id,
        client_id=request.client_id,
        subject_name=request.client.subject.full_name,
        partner_name=Partner.objects.get(id=request.partner_id).name,
        made_on=timezone.localdate(),
        released_on=request.carried_out_on,
        reviewed_by=reviewed_by,
        shown=tuple(
            InspectionItem(
                item_id=i.id,
                category=i.category,
                label=current[i.id].label,
                value=current[i.id].value,
                source=current[i.id].source,
                method=current[i.id].method,
                obtained_on=current[i.id].obtained_on,
                recorded_on=timezone.localdate(i.created_at),
                versions=i.versions_count,
            )
            for i in shown
        ),
        withheld=tuple(
            WithheldItem(i.id, i.category, current[i.id].label, ground, reason, automatic)
            for i, ground, reason, automatic in withheld
        ),
    )


def _subjects(request: SubjectRequest, package: InspectionPackage) -> list:
    """Whose data the handler sees: the subject, and whoever a withheld item is about."""
    others = DataItem.objects.filter(id__in=[w.item_id for w in package.withheld]).values_list(
        "subject_id", flat=True
    )
    return sorted({request.client.subject_id, *others}, key=str)


@gate_service
def inspection_package(actor: Actor, request_id) -> InspectionPackage:
    """art9.2: the package the subject inspects (or will, once released), with what is
    withheld and why (art9.3); a consult logged under art9.2."""
    name = "inzage-betrokkene-raadplegen"
    with transaction.atomic():
        request = _inspection(actor, request_id, name, Operation.CONSULT)
        processing = rights_processing(actor, request.client, name, Operation.CONSULT)

        def perform(decision):
            reviewer = request.decided_by.display_name if request.decided_by_id else ""
            package = _package(request, reviewer)
            return Performed(package, subject_ids=_subjects(request, package))

        return process_required(processing, perform, "art9.2").result


@gate_service
def withhold_from_inspection(
    actor: Actor, request_id, *, item_id, ground: str, reason: str
) -> InspectionPackage:
    """art9.3: withhold an item about the subject whose showing would harm the subject or the
    rights and freedoms of others, with the reason; logged under art9.3."""
    name = "inzage-beperken"
    with transaction.atomic():
        request = _inspection(actor, request_id, name, Operation.CHANGE)
        if ground not in CHOSEN_GROUNDS:
            raise InvalidInput({"ground": f"Kies uit: {', '.join(CHOSEN_GROUNDS)}."})
        why = validation.text(reason, "reason", 2000)
        key = validation.reference(item_id, "itemId")
        item = DataItem.objects.filter(
            id=key, client=request.client, partner_id=actor.partner_id
        ).first()
        if item is None:
            raise InvalidInput({"itemId": "Dit gegeven staat niet in het dossier van de cliënt."})
        if item.subject_id != request.client.subject_id:
            raise InvalidInput({"itemId": f"{ABOUT_SOMEONE_ELSE} Het blijft al achter."})
        if request.withholdings.filter(item=item).exists():
            raise InvalidInput({"itemId": "Dit gegeven blijft al achter."})
        processing = rights_processing(actor, request.client, name, Operation.CHANGE)

        def perform(decision):
            InspectionWithholding.objects.create(
                request=request,
                item=item,
                ground=ground,
                reason=why,
                recorded_by_id=actor.employee_id,
            )
            package = _package(request)
            return Performed(package, subject_ids=[request.client.subject_id])

        return process_required(processing, perform, "art9.3").result


@gate_service
def show_in_inspection(actor: Actor, request_id, *, item_id) -> InspectionPackage:
    """art9.2: show an item again that was withheld by hand (the review disagreed)."""
    name = "inzage-beperking-opheffen"
    with transaction.atomic():
        request = _inspection(actor, request_id, name, Operation.CHANGE)
        key = validation.reference(item_id, "itemId")
        withheld = request.withholdings.filter(item_id=key, automatic=False)
        if not withheld.exists():
            raise InvalidInput({"itemId": "Dit gegeven is niet met de hand achtergehouden."})
        processing = rights_processing(actor, request.client, name, Operation.CHANGE)

        def perform(decision):
            withheld.delete()
            return Performed(_package(request), subject_ids=[request.client.subject_id])

        return process_required(processing, perform, "art9.2").result


@gate_service
def release_inspection(actor: Actor, request_id) -> SubjectRequestView:
    """art9.2/art9.3: the review. The privacy officer or the responsible caseworker releases
    the package as it stands: the items about another person are recorded as withheld, the
    rest is what the subject inspects; the request is answered and closed. Logged under
    art9.3 when anything is withheld, else art9.2."""
    name = "inzage-vrijgeven"
    with transaction.atomic():
        request = _inspection(actor, request_id, name, Operation.CHANGE)
        if request.state == RequestState.WAITING:
            raise InvalidInput({"state": WAITING})
        shown, withheld = _split(request, _dossier(request))
        processing = rights_processing(actor, request.client, name, Operation.CHANGE)

        def perform(decision):
            InspectionWithholding.objects.bulk_create(
                InspectionWithholding(
                    request=request, item=item, ground=ground, reason=reason, automatic=True
                )
                for item, ground, reason, automatic in withheld
                if automatic
            )
            request.granted_items.set([i.id for i in shown])
            today, now = timezone.localdate(), timezone.now()
            request.outcome = Outcome.PARTLY_GRANTED if withheld else Outcome.GRANTED
            request.protection_needed = any(not automatic for *_, automatic in withheld)
            request.decided_by_id, request.decided_on = actor.employee_id, today
            request.carried_out_on, request.closed_at = today, now
            request.state = RequestState.CLOSED
            request.save()
            return Performed(
                request_view(reload(request.id)), subject_ids=[request.client.subject_id]
            )

        return process_required(processing, perform, "art9.3" if withheld else "art9.2").result
