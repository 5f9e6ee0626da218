# SPDX-License-Identifier: EUPL-1.2
"""Sharing items with partners, non-partners and Veilig Thuis, with disclosure records
(art5.1, art6.1, art6.2, art7, art8.2).

Every share is one processing: decided per category, only the allowed items leave, and for
every item that leaves a :class:`~zorgvuldig.exchange.models.Disclosure` says which version
went to whom, when, for which purpose and on which ground.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Max
from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.core.prepared import PreparedQuery
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.exchange.models import (
    Delivery,
    Disclosure,
    Ground,
    NonPartner,
    NonPartnerAddress,
    NonPartnerKind,
)
from zorgvuldig.gate import facts as facts_module
from zorgvuldig.gate import facts_sql, validation
from zorgvuldig.gate.processing import (
    Performed,
    Processing,
    current_trace_id,
    process,
    process_required,
)
from zorgvuldig.gate.services.common import (
    Attempt,
    client_id_or_404,
    client_processing,
    gate_service,
    no_such_item,
    refuse_items_elsewhere,
)
from zorgvuldig.partners.models import Partner
from zorgvuldig.protocol import (
    Category,
    Decision,
    Domain,
    Justification,
    Operation,
    RecipientKind,
    decide,
)
from zorgvuldig.webhooks.delivery import notify

VEILIG_THUIS = "veilig-thuis"
EVENT_RECEIVED_SHARES = "received-shares.created"


@dataclass(frozen=True, slots=True)
class ShareResult:
    sent: tuple[uuid.UUID, ...]  # the items that left
    withheld: tuple[uuid.UUID, ...]  # the items the protocol kept back
    explanation: str
    trace_id: str
    delivery_ids: tuple[uuid.UUID, ...] = ()  # what waits at a recipient partner
    decision: Decision | None = None  # per category: allowed, or refused and why


@dataclass(frozen=True, slots=True)
class DisclosureView:
    item_id: uuid.UUID
    version_number: int
    recipient: str
    recipient_kind: str
    recipient_person: str
    purpose: str
    ground: str
    disclosed_at: datetime.datetime
    trace_id: str
    # what the recipient partner did with it (RECEIPT_*); empty for other recipients
    receipt: str = ""


RECEIPT_WAITING, RECEIPT_TAKEN_IN, RECEIPT_DECLINED = "waiting", "taken-in", "declined"


@dataclass(frozen=True, slots=True)
class NonPartnerView:
    id: uuid.UUID
    name: str
    kind: str
    informed_at: datetime.datetime | None


class _Partner(NamedTuple):
    id: uuid.UUID
    name: str


_PARTNER = PreparedQuery(
    lambda partner: Partner.objects.filter(id=partner).values_list("id", "name")
)


@dataclass(frozen=True)
class _Recipient:
    kind: RecipientKind
    key: str
    partner: _Partner | None = None
    non_partner: NonPartner | None = None
    report_reference: str = ""


def _recipient(actor: Actor, partner_id, non_partner_id, report_reference) -> _Recipient:
    named = [v for v in (partner_id, non_partner_id, report_reference) if v not in (None, "")]
    if len(named) != 1:
        raise InvalidInput(
            {
                "recipient": "Kies één ontvanger: een partner, een niet-partner, of "
                "Veilig Thuis met het kenmerk van de melding."
            }
        )
    if report_reference not in (None, ""):
        reference = validation.text(report_reference, "reportReference", 100)
        return _Recipient(RecipientKind.VEILIG_THUIS, VEILIG_THUIS, report_reference=reference)
    if non_partner_id not in (None, ""):
        non_partner = _non_partner_or_404(actor, non_partner_id)
        return _Recipient(RecipientKind.NON_PARTNER, str(non_partner.id), non_partner=non_partner)
    found = _PARTNER.rows(_uuid(partner_id, "recipientPartnerId"))
    if not found:
        raise NotFound("partner", "Deze ontvangende organisatie bestaat niet.")
    partner = _Partner(*found[0])
    if partner.id == actor.partner_id:
        raise InvalidInput(
            {"recipientPartnerId": "Delen binnen uw eigen organisatie is geen uitwisseling."}
        )
    if facts_sql.committed_version(partner.id, timezone.localdate()) is None:
        raise InvalidInput(
            {
                "recipientPartnerId": f"{partner.name} is op dit moment geen partner "
                "(niet gecommitteerd aan het protocol); deel "
                "als met een niet-partner (art. 7)."
            }
        )
    return _Recipient(RecipientKind.PARTNER, str(partner.id), partner=partner)


def _referral(recipient: _Recipient, referral_domain) -> Domain | None:
    """art5.1: the domain a share to a partner refers the client to, if it is a referral."""
    if referral_domain in (None, ""):
        return None
    if recipient.kind is not RecipientKind.PARTNER:
        raise InvalidInput(
            {"referralDomain": "Alleen naar een partner verwijst u een cliënt door (art. 5 lid 1)."}
        )
    return validation.domain(referral_domain, "referralDomain")


def _non_partner_or_404(actor: Actor, non_partner_id) -> NonPartner:
    non_partner = NonPartner.objects.filter(
        id=_uuid(non_partner_id, "nonPartnerId"), partner_id=actor.partner_id
    ).first()
    if non_partner is None:
        raise NotFound("non-partner", "Deze niet-partner is bij uw organisatie niet bekend.")
    return non_partner


def _uuid(value, field: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise InvalidInput({field: "Geen geldige verwijzing."}) from None


class _Item(NamedTuple):
    id: uuid.UUID
    client_id: uuid.UUID
    subject_id: uuid.UUID
    category: str
    secrecy_holder_id: uuid.UUID | None
    latest: int  # the version a share sends


# The items of a share, with their latest version; compiled once per number of items.
_ITEMS_OF_PARTNER = PreparedQuery(
    lambda ids, partner: (
        DataItem.objects.filter(id__in=ids, partner_id=partner)
        .values_list("id", "client_id", "subject_id", "category", "secrecy_holder_id")
        .annotate(latest=Max("versions__number"))
    )
)


def _items(actor: Actor, client_id: uuid.UUID, item_ids, attempt: Attempt) -> list[_Item]:
    """The items of the client at the actor's partner that ``attempt`` names; another
    partner's item among them is answered as one that does not exist, and the attempt is
    logged as refused for its data subject (art3.2c, art6.1: :func:`refuse_items_elsewhere`)."""
    if not item_ids:
        raise InvalidInput({"itemIds": "Kies de gegevens die u wilt delen (art. 5 lid 1)."})
    ids = sorted({_uuid(i, "itemIds") for i in item_ids})
    items = [_Item(*row) for row in _ITEMS_OF_PARTNER.rows(ids, actor.partner_id)]
    if len(items) != len(ids):
        refuse_items_elsewhere(actor, attempt, set(ids) - {i.id for i in items})
    if len(items) != len(ids) or any(i.client_id != client_id for i in items):
        raise InvalidInput(
            {
                "itemIds": "Een of meer gegevens horen niet bij het dossier van deze "
                "cliënt bij uw organisatie."
            }
        )
    return items


def _ground(category: Category, decision) -> str:
    outcome = next(o for o in decision.outcomes if o.category is category)
    if "art8.2" in outcome.articles:
        return Ground.VEILIG_THUIS
    return Ground.NECESSITY if "art4.6" in outcome.articles else Ground.CONSENT


@gate_service
def share_items(
    actor: Actor,
    client_id,
    *,
    item_ids,
    purpose: str,
    recipient_partner_id=None,
    non_partner_id=None,
    report_reference: str | None = None,
    recipient_person: str = "",
    legal_basis: str | None = None,
    justification: Justification | None = None,
    announce: bool = True,
    referral_domain: str | None = None,
) -> ShareResult:
    """Share items of a client with one recipient; the items the protocol refuses stay.

    What goes to a partner is what its own support of the client needs (art5.1); to a
    partner that does not support the client yet, ``referral_domain`` makes the share a
    referral: it carries what intake and assessment in that domain need and waits in the
    recipient's intake queue. ``announce``: notify a recipient partner's systems by webhook;
    False when the recipient takes the items in at once (a request,
    :func:`~.requests.request_items`)."""
    client_id = client_id_or_404(client_id)
    recipient = _recipient(actor, recipient_partner_id, non_partner_id, report_reference)
    referral = _referral(recipient, referral_domain)
    attempt = Attempt("gegevens-delen", Operation.SHARE, purpose, legal_basis)
    items = _items(actor, client_id, item_ids, attempt)
    person = validation.text(recipient_person, "recipientPerson", 200, required=False)
    categories = tuple(dict.fromkeys(Category(i.category) for i in items))
    goal = validation.purpose(purpose)
    informed = recipient.non_partner is not None and recipient.non_partner.informed_at is not None

    def perform(decision):
        allowed = set(decision.allowed_categories)
        held = [i.id for i in items if i.secrecy_holder_id is not None]  # none: no query
        secret = facts_module.secret_items(held, recipient.key)  # art6.2
        sent = [i for i in items if Category(i.category) in allowed and i.id not in secret]
        disclosures = Disclosure.objects.bulk_create(
            Disclosure(
                item_id=i.id,
                version_number=i.latest,
                client_id=client_id,
                partner_id=actor.partner_id,
                sent_by_id=actor.employee_id,
                recipient_kind=recipient.kind.value,
                recipient_partner_id=recipient.partner and recipient.partner.id,
                recipient_non_partner=recipient.non_partner,
                recipient_person=person,
                report_reference=recipient.report_reference,
                purpose=goal.value,
                ground=_ground(Category(i.category), decision),
                trace_id=current_trace_id(),
            )
            for i in sent
        )
        deliveries = _deliver(recipient, client_id, disclosures, announce, referral)
        return Performed(
            (
                tuple(i.id for i in sent),
                tuple(i.id for i in items if i not in sent),
                decision,
                deliveries,
            ),
            subject_ids=sorted({i.subject_id for i in items}, key=str),
        )

    processing = client_processing(
        actor,
        client_id,
        "gegevens-delen",
        Operation.SHARE,
        categories,
        goal,
        legal_basis,
        justification=justification,
        recipient=recipient.key,
        recipient_kind=recipient.kind,
        recipient_informed=informed,
        item_ids=tuple(i.id for i in items),
        foreign_operation=recipient.report_reference,
        referral_domain=referral,
    )
    outcome = process(processing, perform)
    sent, withheld, decision, deliveries = outcome.result
    explanation = decision.explanation
    if any(Category(i.category) in decision.allowed_categories for i in items if i.id in withheld):
        explanation += (
            " Gegevens onder het beroepsgeheim van een hulpverlener die ze niet heeft vrijgegeven, "
            "blijven achter (art. 6 lid 2)."
        )
    return ShareResult(sent, withheld, explanation, outcome.trace_id, deliveries, decision)


def _deliver(
    recipient: _Recipient, client_id, disclosures, announce: bool, referral: Domain | None
) -> tuple[uuid.UUID, ...]:
    """What went to a partner waits there (its received shares, or for a referral its intake
    queue) and, when ``announce``, its systems are notified by webhook, in the same
    transaction; the notification names the deliveries, nothing about the client."""
    if recipient.partner is None or not disclosures:
        return ()
    deliveries = Delivery.objects.bulk_create(
        Delivery(
            disclosure=d,
            recipient_partner_id=recipient.partner.id,
            client_id=client_id,
            referral_domain=referral.value if referral else "",
        )
        for d in disclosures
    )
    ids = tuple(d.id for d in deliveries)
    if announce:
        notify(
            recipient.partner.id,
            EVENT_RECEIVED_SHARES,
            {"receivedShareIds": [str(i) for i in ids]},
        )
    return ids


_UNDER_SECRECY = (
    "Geweigerd: dit gegeven valt onder het wettelijk beroepsgeheim van de hulpverlener die het "
    "vastlegde (art. 6 lid 2). Vraag die hulpverlener het voor deze ontvanger vrij te geven."
)


@dataclass(frozen=True, slots=True)
class PreviewRow:
    item_id: uuid.UUID
    category: str
    allowed: bool
    articles: tuple[str, ...]
    explanation: str
    # art5.1: the domain the share refers the client to; empty when it is no referral
    referral_domain: str = ""


@gate_service
def preview_share(
    actor: Actor,
    client_id,
    *,
    item_ids,
    purpose: str,
    recipient_partner_id=None,
    non_partner_id=None,
    report_reference: str | None = None,
    legal_basis: str | None = None,
    justification: Justification | None = None,
    referral_domain: str | None = None,
) -> list[PreviewRow]:
    """What :func:`share_items` would send, per item, with the reasons, before confirming;
    a referral says so on every row (art5.1).

    decide() itself answers, with the facts of this moment; reading them is a consult of the
    consent registry (identification data), logged. Nothing is sent.
    """
    client_id = client_id_or_404(client_id)
    recipient = _recipient(actor, recipient_partner_id, non_partner_id, report_reference)
    referral = _referral(recipient, referral_domain)
    referred = referral.value if referral else ""
    attempt = Attempt("delen-voorbereiden", Operation.CONSULT, purpose, legal_basis)
    items = _items(actor, client_id, item_ids, attempt)
    goal = validation.purpose(purpose)
    informed = recipient.non_partner is not None and recipient.non_partner.informed_at is not None
    share = client_processing(
        actor,
        client_id,
        "gegevens-delen",
        Operation.SHARE,
        tuple(dict.fromkeys(Category(i.category) for i in items)),
        goal,
        legal_basis,
        justification=justification,
        recipient=recipient.key,
        recipient_kind=recipient.kind,
        recipient_informed=informed,
        item_ids=tuple(i.id for i in items),
        referral_domain=referral,
    )

    def perform(decision):
        facts, domains = share.gather_facts()
        verdict = decide(share.with_legal_basis(facts, domains).request(domains), facts)
        by_category = {o.category: o for o in verdict.outcomes}
        secret = facts_module.secret_items(share.item_ids, share.recipient)
        rows = []
        for item in items:
            outcome = by_category[Category(item.category)]
            if outcome.allowed and item.id in secret:  # art6.2, item by item
                rows.append(
                    PreviewRow(item.id, item.category, False, ("art6.2",), _UNDER_SECRECY, referred)
                )
                continue
            reasons = " ".join(r.sentence() for r in outcome.refusals)
            rows.append(
                PreviewRow(
                    item.id, item.category, outcome.allowed, outcome.articles, reasons, referred
                )
            )
        return Performed(rows, subject_ids=sorted({i.subject_id for i in items}, key=str))

    return process(
        client_processing(
            actor,
            client_id,
            "delen-voorbereiden",
            Operation.CONSULT,
            (Category.IDENTIFICATION,),
            goal,
            legal_basis,
        ),
        perform,
    ).result


def _disclosure_rows(queryset):
    """What a :class:`DisclosureView` shows, and the subject of the item, oldest first."""
    return queryset.order_by("disclosed_at", "id").values_list(
        "item_id",
        "version_number",
        "recipient_partner__name",
        "recipient_non_partner__name",
        "report_reference",
        "recipient_kind",
        "recipient_person",
        "purpose",
        "ground",
        "disclosed_at",
        "trace_id",
        "delivery__handled_at",
        "delivery__accepted_item_id",
        "item__subject_id",
    )


# "Who received this?" is asked often and over many records (art9.1, art9.6): compiled once.
_ITEM_OF_PARTNER = PreparedQuery(
    lambda item, partner: DataItem.objects.filter(id=item, partner_id=partner).values_list(
        "client_id", "subject_id"
    )
)
_DISCLOSURES_OF_ITEM = PreparedQuery(
    lambda item: _disclosure_rows(Disclosure.objects.filter(item_id=item))
)
_DISCLOSURES_OF_CLIENT = PreparedQuery(
    lambda client, partner: _disclosure_rows(
        Disclosure.objects.filter(client_id=client, partner_id=partner)
    )
)


@gate_service
def disclosures_of_item(
    actor: Actor, item_id, *, purpose: str, legal_basis: str | None = None
) -> list[DisclosureView]:
    """Who received this item, which version, when and why (art9.1, art9.6).

    Another partner's item is answered as one that does not exist, and the attempt is logged
    as refused for its data subject (art3.2c, art6.1: :func:`refuse_items_elsewhere`); an id
    that exists nowhere, or is malformed, is not found, with nothing to log.
    """
    try:
        found = _ITEM_OF_PARTNER.rows(item_id, actor.partner_id)
    except ValueError:
        raise no_such_item() from None
    if not found:
        attempt = Attempt("ontvangers-raadplegen", Operation.CONSULT, purpose, legal_basis)
        refuse_items_elsewhere(actor, attempt, [item_id])
        raise no_such_item()
    client_id, subject_id = found[0]
    return _consult_disclosures(
        actor,
        client_id,
        lambda: _DISCLOSURES_OF_ITEM.rows(item_id),
        purpose,
        legal_basis,
        subject_ids=(subject_id,),
    )


@gate_service
def disclosures_of_client(
    actor: Actor, client_id, *, purpose: str, legal_basis: str | None = None
) -> list[DisclosureView]:
    """Everything the actor's organisation disclosed about this client: which version of which
    item went to whom, when and why (art9.1: the overview of who received the client's data)."""
    client_id = client_id_or_404(client_id)
    return _consult_disclosures(
        actor,
        client_id,
        lambda: _DISCLOSURES_OF_CLIENT.rows(client_id, actor.partner_id),
        purpose,
        legal_basis,
    )


def _consult_disclosures(actor: Actor, client_id, read_rows, purpose, legal_basis, subject_ids=()):
    """Reading disclosure records is a consult of the client, decided and logged; logged for
    the subjects whose data went out, or else ``subject_ids`` (by default the client's)."""

    def read(decision):
        rows = read_rows()
        subjects = sorted({row[-1] for row in rows}, key=str) or subject_ids
        return Performed([_view(*row) for row in rows], subject_ids=subjects)

    return process(
        client_processing(
            actor,
            client_id,
            "ontvangers-raadplegen",
            Operation.CONSULT,
            (Category.IDENTIFICATION,),
            purpose,
            legal_basis,
        ),
        read,
    ).result


def _view(
    item_id,
    version_number,
    partner_name,
    non_partner_name,
    report_reference,
    recipient_kind,
    recipient_person,
    purpose,
    ground,
    disclosed_at,
    trace_id,
    handled_at,
    accepted_item_id,
    _subject_id,
) -> DisclosureView:
    if recipient_kind != RecipientKind.PARTNER:
        receipt = ""
    elif handled_at is None:
        receipt = RECEIPT_WAITING
    else:
        receipt = RECEIPT_TAKEN_IN if accepted_item_id is not None else RECEIPT_DECLINED
    return DisclosureView(
        item_id=item_id,
        version_number=version_number,
        recipient=partner_name or non_partner_name or f"Veilig Thuis (melding {report_reference})",
        recipient_kind=recipient_kind,
        recipient_person=recipient_person,
        purpose=purpose,
        ground=ground,
        disclosed_at=disclosed_at,
        trace_id=trace_id,
        receipt=receipt,
    )


# art7: keeping the non-partners a partner shares with (whose names are personal data: a family
# member, a neighbour) is asked of the partner by the protocol, about no client; it is logged,
# one record per non-partner, as allowed by art7 (:func:`~zorgvuldig.gate.processing.process_required`).
ART7 = "art7"


def _non_partner_processing(
    actor: Actor, name: str, operation: Operation, purpose, subject_ids=()
) -> Processing:
    return Processing(
        name=name,
        actor=actor,
        operation=operation,
        categories=(Category.IDENTIFICATION,),
        purpose=validation.purpose(purpose),
        legal_basis=None,
        client_id=None,
        subject_ids=tuple(subject_ids),
    )


def _non_partner_view(non_partner: NonPartner) -> NonPartnerView:
    return NonPartnerView(
        non_partner.id, non_partner.name, non_partner.kind, non_partner.informed_at
    )


@gate_service
def register_non_partner(
    actor: Actor,
    *,
    name: str,
    kind: str,
    informed: bool = False,
    purpose: str = "support-provision",
) -> NonPartnerView:
    """A non-partner the partner may share with (art7); ``informed``: the leaflet with the
    protocol's main lines was handed over now. Logged for the non-partner (art7)."""
    if kind not in NonPartnerKind.values:
        raise InvalidInput(
            {"kind": f"Onbekende soort; kies uit: {', '.join(NonPartnerKind.values)}"}
        )
    the_name = validation.text(name, "name", 200)
    processing = _non_partner_processing(
        actor, "niet-partner-vastleggen", Operation.RECORD, purpose
    )

    def perform(decision):
        non_partner = NonPartner.objects.create(
            partner_id=actor.partner_id,
            name=the_name,
            kind=kind,
            informed_at=timezone.now() if informed else None,
            informed_by_id=actor.employee_id if informed else None,
        )
        return Performed(_non_partner_view(non_partner), subject_ids=[non_partner.id])

    return process_required(processing, perform, ART7).result


@gate_service
def inform_non_partner(
    actor: Actor, non_partner_id, *, purpose: str = "support-provision"
) -> NonPartnerView:
    """art7: record that the non-partner was informed of the protocol's main lines; logged
    for the non-partner."""
    non_partner = _non_partner_or_404(actor, non_partner_id)
    processing = _non_partner_processing(
        actor, "niet-partner-informeren", Operation.CHANGE, purpose, [non_partner.id]
    )

    def perform(decision):
        if non_partner.informed_at is None:
            non_partner.informed_at = timezone.now()
            non_partner.informed_by_id = actor.employee_id
            non_partner.save(update_fields=["informed_at", "informed_by"])
        return Performed(_non_partner_view(non_partner), subject_ids=[non_partner.id])

    return process_required(processing, perform, ART7).result


@gate_service
def address_non_partner(
    actor: Actor,
    non_partner_id,
    *,
    addressed_on: datetime.date,
    what_happened: str,
    purpose: str = "support-provision",
) -> int:
    """art7: record that the partner addressed a non-partner who acted against the protocol.
    Returns how often this non-partner has been addressed. Logged for the non-partner."""
    non_partner = _non_partner_or_404(actor, non_partner_id)
    if not isinstance(addressed_on, datetime.date) or addressed_on > timezone.localdate():
        raise InvalidInput(
            {"addressedOn": "Geef een geldige datum (JJJJ-MM-DD), niet in de toekomst."}
        )
    what = validation.text(what_happened, "whatHappened", 2000)
    processing = _non_partner_processing(
        actor, "niet-partner-aanspreken", Operation.RECORD, purpose, [non_partner.id]
    )

    def perform(decision):
        NonPartnerAddress.objects.create(
            non_partner=non_partner,
            addressed_by_id=actor.employee_id,
            addressed_on=addressed_on,
            what_happened=what,
        )
        return Performed(non_partner.addresses.count(), subject_ids=[non_partner.id])

    return process_required(processing, perform, ART7).result


@dataclass(frozen=True, slots=True)
class AddressView:
    addressed_on: datetime.date
    what_happened: str
    addressed_by: str
    recorded_at: datetime.datetime


@gate_service
def non_partner_addresses(
    actor: Actor, non_partner_id, *, purpose: str = "support-provision"
) -> list[AddressView]:
    """art7: when and why the actor's partner addressed this non-partner, oldest first; a
    consult logged for the non-partner."""
    non_partner = _non_partner_or_404(actor, non_partner_id)
    processing = _non_partner_processing(
        actor, "niet-partner-aanspreken-raadplegen", Operation.CONSULT, purpose, [non_partner.id]
    )

    def perform(decision):
        return Performed(
            [
                AddressView(
                    a.addressed_on, a.what_happened, a.addressed_by.display_name, a.recorded_at
                )
                for a in non_partner.addresses.select_related("addressed_by__user").order_by(
                    "addressed_on", "recorded_at"
                )
            ],
            subject_ids=[non_partner.id],
        )

    return process_required(processing, perform, ART7).result


@gate_service
def list_non_partners(actor: Actor, *, purpose: str = "support-provision") -> list[NonPartnerView]:
    """The non-partners the actor's partner knows (art7), with whether they were informed; a
    consult logged for each non-partner listed."""
    processing = _non_partner_processing(
        actor, "niet-partners-raadplegen", Operation.CONSULT, purpose
    )

    def perform(decision):
        found = [
            _non_partner_view(n)
            for n in NonPartner.objects.filter(partner_id=actor.partner_id).order_by("created_at")
        ]
        return Performed(found, subject_ids=[n.id for n in found])

    return process_required(processing, perform, ART7).result
