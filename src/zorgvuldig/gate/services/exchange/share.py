# SPDX-License-Identifier: EUPL-1.2
"""Sharing items with partners, non-partners and Veilig Thuis, with disclosure records
(art5.1, art6.1, art6.2, art7, art8.2).

Every share is one processing: decided per category, only the allowed items leave, and for
every item that leaves a :class:`~zorgvuldig.exchange.models.Disclosure` says which version
went to whom, when, for which purpose and on which ground.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import BooleanField, ExpressionWrapper, Max, Q
from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.core.prepared import PreparedQuery
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.exchange.models import (
    Disclosure,
    Ground,
    NonPartner,
    ReceivedShare,
)
from zorgvuldig.gate import facts as facts_module
from zorgvuldig.gate import facts_sql, validation
from zorgvuldig.gate.processing import (
    Performed,
    current_trace_id,
    process,
)
from zorgvuldig.gate.services.common import (
    Attempt,
    client_id_or_404,
    client_processing,
    gate_service,
    refuse_items_elsewhere,
)
from zorgvuldig.gate.services.exchange.non_partners import non_partner_or_404
from zorgvuldig.gate.services.exchange.views import PreviewRow, ShareResult
from zorgvuldig.partners.models import Partner
from zorgvuldig.protocol import (
    Category,
    Domain,
    Justification,
    Operation,
    RecipientKind,
    decide,
)
from zorgvuldig.webhooks.delivery import notify

VEILIG_THUIS = "veilig-thuis"

EVENT_RECEIVED_SHARES = "received-shares.created"


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
        non_partner = non_partner_or_404(actor, non_partner_id)
        return _Recipient(RecipientKind.NON_PARTNER, str(non_partner.id), non_partner=non_partner)
    found = _PARTNER.rows(validation.reference(partner_id, "recipientPartnerId"))
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


class _Item(NamedTuple):
    id: uuid.UUID
    client_id: uuid.UUID
    subject_id: uuid.UUID
    category: str
    secrecy_holder_id: uuid.UUID | None
    blocked: bool  # art9.4
    destroyed: bool  # art9.4, art5.2: nothing left to send
    latest: int  # the version a share sends


# The items of a share, with their latest version; compiled once per number of items.
_ITEMS_OF_PARTNER = PreparedQuery(
    lambda ids, partner: (
        DataItem.objects.filter(id__in=ids, partner_id=partner)
        .values_list("id", "client_id", "subject_id", "category", "secrecy_holder_id")
        .annotate(
            blocked=ExpressionWrapper(Q(blocked_on__isnull=False), BooleanField()),
            destroyed=ExpressionWrapper(Q(destroyed_on__isnull=False), BooleanField()),
            latest=Max("versions__number"),
        )
    )
)


def _items(actor: Actor, client_id: uuid.UUID, item_ids, attempt: Attempt) -> list[_Item]:
    """The items of the client at the actor's partner that ``attempt`` names; another
    partner's item among them is answered as one that does not exist, and the attempt is
    logged as refused for its data subject (art3.2c, art6.1: :func:`refuse_items_elsewhere`)."""
    if not item_ids:
        raise InvalidInput({"itemIds": "Kies de gegevens die u wilt delen (art. 5 lid 1)."})
    ids = sorted({validation.reference(i, "itemIds") for i in item_ids})
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
    if any(i.destroyed for i in items):
        raise InvalidInput(
            {"itemIds": "Een of meer gegevens zijn vernietigd; er is niets meer van te delen."}
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
        of_allowed = [i for i in items if Category(i.category) in allowed]
        left = _left_behind(of_allowed, recipient.key, recipient.kind)
        sent = [i for i in of_allowed if i.id not in left]
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
        shares = _leave_with_recipients(recipient, client_id, disclosures, announce, referral)
        return Performed(
            (
                tuple(i.id for i in sent),
                tuple(i.id for i in items if i not in sent),
                decision,
                shares,
                frozenset(article for article, _ in left.values()),
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
    sent, withheld, decision, shares, left_under = outcome.result
    explanation = decision.explanation + "".join(
        _STAYS[article] for article in ("art9.4", "art6.2") if article in left_under
    )
    return ShareResult(sent, withheld, explanation, outcome.trace_id, shares, decision)


def _leave_with_recipients(
    recipient: _Recipient, client_id, disclosures, announce: bool, referral: Domain | None
) -> tuple[uuid.UUID, ...]:
    """What went to a partner waits there (its received shares, or for a referral its intake
    queue) and, when ``announce``, its systems are notified by webhook, in the same
    transaction; the notification names the shares, nothing about the client."""
    if recipient.partner is None or not disclosures:
        return ()
    shares = ReceivedShare.objects.bulk_create(
        ReceivedShare(
            disclosure=d,
            recipient_partner_id=recipient.partner.id,
            client_id=client_id,
            referral_domain=referral.value if referral else "",
        )
        for d in disclosures
    )
    ids = tuple(d.id for d in shares)
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
_BLOCKED_ITEM = (
    "Geweigerd: dit gegeven is op verzoek van de betrokkene afgeschermd (art. 9 lid 4); het "
    "wordt bewaard, maar niet meer verstrekt."
)
# what a share's explanation adds when items of an allowed category stay behind
_STAYS = {
    "art9.4": " Gegevens die op verzoek van de betrokkene zijn afgeschermd, blijven achter "
    "(art. 9 lid 4).",
    "art6.2": " Gegevens onder het beroepsgeheim van een hulpverlener die ze niet heeft "
    "vrijgegeven, blijven achter (art. 6 lid 2).",
}


def _left_behind(items, recipient: str, kind: RecipientKind) -> dict[uuid.UUID, tuple[str, str]]:
    """The items that stay, item by item, though their category may go, with article and
    reason: blocked at the data subject's request (art9.4; Veilig Thuis still receives them,
    art8.2), or under a professional's secrecy not released for ``recipient`` (art6.2)."""
    held = [i.id for i in items if i.secrecy_holder_id is not None]  # none: no query
    secret = facts_module.secret_items(held, recipient)
    left = {}
    for item in items:
        if item.blocked and kind is not RecipientKind.VEILIG_THUIS:
            left[item.id] = ("art9.4", _BLOCKED_ITEM)
        elif item.id in secret:
            left[item.id] = ("art6.2", _UNDER_SECRECY)
    return left


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
        left = _left_behind(items, recipient.key, recipient.kind)
        rows = []
        for item in items:
            outcome = by_category[Category(item.category)]
            if outcome.allowed and item.id in left:  # art9.4, art6.2: item by item
                article, reason = left[item.id]
                rows.append(PreviewRow(item.id, item.category, False, (article,), reason, referred))
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
