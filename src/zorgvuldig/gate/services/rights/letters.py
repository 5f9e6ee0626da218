# SPDX-License-Identifier: EUPL-1.2
"""The letters that answer a data subject's request, as PDF, through the gate: the overview of
art9.1 (with the picture of where the data went) and the letter on a refused or partly granted
request (art9.5; art9.3 for an inspection).

The overview letter is the overview of :func:`~.overview.subject_overview` put on paper: the
same processing, logged once under art9.1, and then set by the pure
:mod:`zorgvuldig.rights.overview_letter`. The refusal letter reads the decided request and is
one processing of its own, logged for the subject under art9.5 (art9.3 for an inspection), by
the same handlers and for the same purpose as every step of a request (:mod:`.handlers`).
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.dossier.models import DataItemVersion
from zorgvuldig.gate.processing import Performed, process_required
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.rights.handlers import rights_processing
from zorgvuldig.gate.services.rights.overview import subject_overview
from zorgvuldig.gate.services.rights.register import request_for
from zorgvuldig.partners.models import Partner, PartnerKind
from zorgvuldig.protocol import Operation
from zorgvuldig.rights import overview_letter, refusal_letter, wording
from zorgvuldig.rights.codes import Outcome, RequestKind
from zorgvuldig.rights.models import SubjectRequest

REFUSAL_LETTER = "weigeringsbrief-opstellen"
NOT_REFUSED = (
    "Alleen op een geweigerd of gedeeltelijk toegekend verzoek volgt een brief met de grond "
    "van de weigering (art. 9 lid 5)."
)


def _language(language) -> str:
    if language not in wording.LANGUAGES:
        raise InvalidInput(
            {"language": f"Kies de taal van de brief: {', '.join(wording.LANGUAGES)}."}
        )
    return language


@gate_service
def overview_pdf(actor: Actor, request_id, *, language: str = "nl") -> bytes:
    """art9.1: the overview that answers an overview or portability request, as a letter
    (PDF) in Dutch (``"nl"``) or English (``"en"``), with the picture of where the data went;
    the overview's own processing, logged for the subject under art9.1."""
    language = _language(language)
    overview = subject_overview(actor, request_id)
    return overview_letter.render(overview, language=language)


def _described(item_ids, language: str) -> dict:
    """The items' current labels with their category, in words, by id."""
    current = {
        v.item_id: v
        for v in DataItemVersion.objects.filter(item_id__in=item_ids)
        .select_related("item")
        .order_by("item_id", "number")
    }
    return {
        item_id: f"{v.label} ({wording.category(v.item.category, language)})"
        for item_id, v in current.items()
    }


def _refusal(request: SubjectRequest, language: str) -> refusal_letter.RefusalData:
    partner = Partner.objects.get(id=request.partner_id)
    asked = list(request.items.order_by("created_at", "id").values_list("id", flat=True))
    granted = set(request.granted_items.values_list("id", flat=True))
    words = _described(asked, language)
    withheld: dict[str, int] = {}
    for ground in request.withholdings.values_list("ground", flat=True):
        withheld[ground] = withheld.get(ground, 0) + 1
    return refusal_letter.RefusalData(
        partner_name=partner.name,
        municipality=partner.kind == PartnerKind.MUNICIPALITY,
        requester_name=request.requested_by.full_name,
        subject_name=request.client.subject.full_name,
        kind=request.kind,
        outcome=request.outcome,
        received_on=request.received_on,
        decided_on=request.decided_on,
        made_on=timezone.localdate(),
        protocol_version=request.protocol_version,
        refusal_ground=request.refusal_ground,
        refusal_reason=request.refusal_reason,
        granted=tuple(words[i] for i in asked if i in granted),
        not_granted=tuple(words[i] for i in asked if i not in granted),
        shown=len(granted) if request.kind == RequestKind.INSPECTION else 0,
        withheld=tuple(sorted(withheld.items())),
    )


@gate_service
def refusal_letter_pdf(actor: Actor, request_id, *, language: str = "nl") -> bytes:
    """art9.5: the letter on a refused or partly granted request (PDF), in Dutch (``"nl"``)
    or English (``"en"``): the articles, the ground in words and the written reason, what was
    granted; for a municipality that an objection can be made under the Awb; always that a
    complaint can be filed with the Autoriteit Persoonsgegevens. A consult of the request,
    logged for the subject under art9.5 (art9.3 for an inspection)."""
    language = _language(language)
    with transaction.atomic():
        request = request_for(actor, request_id, REFUSAL_LETTER, Operation.CONSULT)
        if request.outcome not in (Outcome.REFUSED, Outcome.PARTLY_GRANTED):
            raise InvalidInput({"outcome": NOT_REFUSED})
        client = request.client
        processing = rights_processing(actor, client, REFUSAL_LETTER, Operation.CONSULT)

        def perform(decision):
            data = _refusal(request, language)
            pdf = refusal_letter.render(data, language=language)
            return Performed(pdf, subject_ids=[client.subject_id])

        article = "art9.3" if request.kind == RequestKind.INSPECTION else "art9.5"
        return process_required(processing, perform, article).result
