# SPDX-License-Identifier: EUPL-1.2
"""Who received what: the disclosure records of an item or a client (art9.1, art9.6).

Every item that left is recorded with the version that went, to whom, when, for which
purpose and on which ground; reading them is a consult of the client, decided and logged.
"""

from __future__ import annotations

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.prepared import PreparedQuery
from zorgvuldig.dossier.models import DataItem
from zorgvuldig.exchange.models import (
    Disclosure,
)
from zorgvuldig.gate.processing import (
    Performed,
    process,
)
from zorgvuldig.gate.services.common import (
    Attempt,
    client_id_or_404,
    client_processing,
    gate_service,
    no_such_item,
    refuse_items_elsewhere,
)
from zorgvuldig.gate.services.exchange.convert import disclosure_view
from zorgvuldig.gate.services.exchange.views import DisclosureView
from zorgvuldig.protocol import (
    Category,
    Operation,
)


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
        "received_share__handled_at",
        "received_share__accepted_item_id",
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
        return Performed([disclosure_view(*row) for row in rows], subject_ids=subjects)

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
