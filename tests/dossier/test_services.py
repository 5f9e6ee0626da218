# SPDX-License-Identifier: EUPL-1.2
"""art6.2: a caseworker's statutory professional secrecy holds on top of the protocol."""

from __future__ import annotations

import pytest

from tests import factories
from tests.conftest import inform_and_consent, make_employee
from zorgvuldig.core.errors import NotFound, ProcessingRefused
from zorgvuldig.gate import services
from zorgvuldig.gate.processing import Performed, Processing, process
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.protocol import Category, Domain, LegalBasis, Operation, Purpose

pytestmark = pytest.mark.django_db


RECIPIENT = "wmo-aanbieder"


def share(actor, client_id, items):
    sent = []
    processing = Processing(
        name="delen",
        actor=actor,
        operation=Operation.SHARE,
        categories=tuple(dict.fromkeys(Category(i.category) for i in items)),
        purpose=Purpose.SUPPORT_PROVISION,
        legal_basis=LegalBasis.YOUTH_ACT,
        client_id=client_id,
        recipient=RECIPIENT,
        item_ids=tuple(i.id for i in items),
        referral_domain=Domain.YOUTH,  # the recipient does not support the client yet (art5.1)
    )

    def perform(decision):
        sent.extend(i.id for i in items if Category(i.category) in decision.allowed_categories)
        return Performed(decision)

    try:
        return process(processing, perform).result, sent
    except ProcessingRefused as refused:
        return refused.decision, sent


@pytest.fixture
def consented(actor, client_dossier):
    from zorgvuldig.clients.models import Relation

    mother = Relation.objects.get(
        subject__client__id=client_dossier.id, kind="legal-representative"
    )
    inform_and_consent(
        actor, client_dossier.id, representative_id=mother.related_id, scopes=("share",)
    )
    return client_dossier


def test_art6_2_secret_items_do_not_leave_even_with_consent(actor, consented):
    secret = factories.record(
        actor,
        consented.id,
        category="youth",
        value="Waarde",
        label="Gegeven",
        source="Cliënt",
        professional_secrecy=True,
    )
    plain = factories.record(
        actor,
        consented.id,
        category="contact",
        value="Waarde",
        label="Gegeven",
        source="Cliënt",
        professional_secrecy=False,
    )
    decision, sent = share(actor, consented.id, [secret, plain])
    assert sent == [plain.id]
    youth = next(o for o in decision.outcomes if o.category is Category.YOUTH)
    assert youth.articles == ("art6.2",)
    assert LogRecord.objects.filter(name="delen", decision="partial").exists()


def test_art6_2_the_professional_releases_the_item_for_one_recipient(actor, consented):
    secret = factories.record(
        actor,
        consented.id,
        category="youth",
        value="Waarde",
        label="Gegeven",
        source="Cliënt",
        professional_secrecy=True,
    )
    assert secret.under_professional_secrecy
    services.release_secrecy(
        actor,
        secret.id,
        recipient=RECIPIENT,
        reason="Nodig voor de Wmo-indicatie",
        purpose="support-provision",
    )
    decision, sent = share(actor, consented.id, [secret])
    assert decision.allowed and sent == [secret.id]


def test_art6_2_only_the_holder_of_the_secrecy_releases(partner, actor, consented):
    secret = factories.record(
        actor,
        consented.id,
        category="youth",
        value="Waarde",
        label="Gegeven",
        source="Cliënt",
        professional_secrecy=True,
    )
    colleague = make_employee(partner, "kim")
    from zorgvuldig.clients.models import SupportTrajectory

    SupportTrajectory.objects.get(client_id=consented.id).caseworkers.add(colleague)
    with pytest.raises(NotFound) as error:  # as for an item that does not exist
        services.release_secrecy(
            actor_for(colleague),
            secret.id,
            recipient=RECIPIENT,
            reason="Graag",
            purpose="support-provision",
        )
    assert error.value.what == "item"
    assert LogRecord.objects.get(name="beroepsgeheim-vrijgeven").articles == "art6.2"
    decision, sent = share(actor, consented.id, [secret])
    assert not decision.allowed and sent == []
