# SPDX-License-Identifier: EUPL-1.2
"""The overview of art9.1: the subject's data, its origin, purpose and legal basis, and where
it went, read through the gate for a registered request."""

from __future__ import annotations

import pytest

from tests import factories
from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    representative_of,
    supporting,
)
from tests.rights.test_requests import days_ago, register
from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord


@pytest.fixture
def shared(actor, client_dossier):
    """Sanne's school data shared with a youth-care partner; an item about her mother kept."""
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    youth_care = make_partner("Jeugdhulp Langbroek")
    supporting(youth_care, client_dossier, "wim", consent=False)
    school = factories.record(
        actor,
        client_dossier.id,
        category="youth",
        value="Groep 8, De Regenboog",
        label="Youth",
    )
    contact = factories.record(
        actor,
        client_dossier.id,
        category="contact",
        value="06-12345678",
        label="Contact",
    )
    mothers = factories.record(
        actor,
        client_dossier.id,
        category="contact",
        value="Moeder: 06-87654321",
        label="Contact",
        subject_id=representative_of(client_dossier.id),
    )
    services.share_items(
        actor,
        client_dossier.id,
        item_ids=[school.id],
        recipient_partner_id=youth_care.id,
        recipient_person="J. van Dijk",
        purpose="support-provision",
    )
    return client_dossier, school, contact, mothers


def test_art9_1_the_overview_names_each_item_its_origin_purpose_basis_and_recipients(actor, shared):
    client, school, contact, mothers = shared
    request = register(actor, client)
    overview = services.subject_overview(actor, request.id)
    assert overview.subject_name == "Sanne de Vries"
    assert overview.partner_name == "Jeugdteam Heuvelrug"
    by_id = {i.item_id: i for i in overview.items}
    # only the subject's own data: the item about her mother is not in her overview
    assert set(by_id) == {school.id, contact.id} and mothers.id not in by_id
    item = by_id[school.id]
    assert (item.label, item.value, item.source, item.method) == (
        "Youth",
        "Groep 8, De Regenboog",
        "Moeder",
        "conversation",
    )
    assert (item.purpose, item.legal_basis) == ("assessment", "jeugdwet")
    (sent,) = item.recipients
    assert (sent.recipient, sent.recipient_kind, sent.ground) == (
        "Jeugdhulp Langbroek",
        "partner",
        "consent",
    )
    assert sent.purpose == "support-provision"
    assert by_id[contact.id].recipients == ()
    (summary,) = overview.recipients
    assert summary.recipient == "Jeugdhulp Langbroek" and summary.categories == ("youth",)
    # what the log says was done with her data, by kind; no employee is named anywhere
    names = {p.name for p in overview.processings}
    assert {"gegeven-vastleggen", "gegevens-delen", "client-aanmelden"} <= names
    assert "J. van Dijk" not in repr(overview) and "Anna" not in repr(overview)
    logged = LogRecord.objects.filter(name="overzicht-betrokkene-opstellen").get()
    assert logged.articles == "art9.1" and logged.decision == "allowed"


def test_art9_1_an_overview_answers_only_an_overview_request_of_the_partner(actor, partner, shared):
    client = shared[0]
    inspection = register(actor, client, kind="inspection")
    with pytest.raises(InvalidInput):
        services.subject_overview(actor, inspection.id)
    overview = register(actor, client, received_on=days_ago(2))
    other = actor_for(make_employee(make_partner("Elders"), "elders"))
    with pytest.raises(NotFound):
        services.subject_overview(other, overview.id)
    services.withdraw_request(actor, overview.id)
    with pytest.raises(InvalidInput):
        services.subject_overview(actor, overview.id)
