# SPDX-License-Identifier: EUPL-1.2
"""The gate decides with the consent registry's facts (art4.1-art4.6, art5.1)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.conftest import inform_and_consent, representative_of, signing_along
from zorgvuldig.core.errors import InvalidInput, ProcessingRefused
from zorgvuldig.dossier.models import Annotation, DataItem
from zorgvuldig.gate import services, validation
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


def test_art4_1_nothing_is_recorded_before_informing_and_the_refusal_is_logged(
    actor, registered_client
):
    with pytest.raises(ProcessingRefused) as refused:
        factories.record(
            actor, registered_client.id, category="youth", value="De Linde", label="School"
        )
    assert refused.value.decision.articles[0] == "art4.1"
    assert not DataItem.objects.exists()
    assert LogRecord.objects.filter(name="gegeven-vastleggen", decision="refused").count() == 1


def test_art4_2_informed_but_consent_not_asked_is_refused(actor, registered_client):
    services.record_informing(
        actor,
        registered_client.id,
        organisations=["Jeugdteam"],
        informed_on=timezone.localdate(),
        how="conversation",
        purpose="intake",
    )
    with pytest.raises(ProcessingRefused) as refused:
        factories.record(
            actor, registered_client.id, category="youth", value="De Linde", label="School"
        )
    assert refused.value.decision.articles == ("art4.2",)


def test_art4_5_withdrawal_refuses_later_processing_and_keeps_earlier_log(actor, client_dossier):
    factories.record(actor, client_dossier.id, category="youth", value="De Linde", label="School")
    before = list(LogRecord.objects.values_list("id", "decision"))
    services.withdraw_consent(
        actor,
        client_dossier.id,
        scope="record-request",
        decided_on=timezone.localdate(),
        purpose="support-provision",
        given_by_subject_id=representative_of(client_dossier.id),
        signed_by_subject_ids=signing_along(client_dossier.id),
    )
    with pytest.raises(ProcessingRefused) as refused:
        factories.record(
            actor, client_dossier.id, category="youth", value="De Linde", label="School"
        )
    assert refused.value.decision.articles == ("art4.5",)
    assert (
        list(LogRecord.objects.filter(id__in=[i for i, _ in before]).values_list("id", "decision"))
        == before
    )
    dossier = services.consult_dossier(actor, client_dossier.id, purpose="support-provision")
    assert dossier.items == () and dossier.subject.surname == "de Vries"  # identification only
    assert "ingetrokken" in dossier.refusal


def test_art4_6_justified_processing_without_consent_is_annotated(actor, registered_client):
    justification = validation.justification(
        "serious-risk", "Signalen van verwaarlozing; school meldt ondervoeding."
    )
    item = factories.record(
        actor,
        registered_client.id,
        category="youth",
        value="De Linde",
        label="School",
        justification=justification,
    )
    assert item.current.value == "De Linde"
    note = Annotation.objects.get(client_id=registered_client.id, article="art4.6")
    assert "ondervoeding" in note.text and "art. 4 lid 6" in note.text
    logged = LogRecord.objects.get(name="gegeven-vastleggen")
    assert "art4.6" in logged.articles.split(",")


@pytest.mark.parametrize(
    ("ground", "text", "field"),
    [
        ("necessary-unavoidable", "   ", "justification"),
        ("", "Omdat het moet", "justificationGround"),
        ("gut-feeling", "Omdat het moet", "justificationGround"),
    ],
)
def test_art4_6_a_blank_or_groundless_justification_is_bad_input(ground, text, field):
    with pytest.raises(InvalidInput) as error:
        validation.justification(ground, text)
    assert field in error.value.errors


def test_art5_1_the_dossier_leaves_out_categories_the_purpose_does_not_need(actor, client_dossier):
    factories.record(actor, client_dossier.id, category="youth", value="De Linde", label="School")
    dossier = services.consult_dossier(actor, client_dossier.id, purpose="accountability")
    assert dossier.items == ()
    assert "niet nodig" in dossier.refusal
    assert LogRecord.objects.filter(name="dossier-raadplegen", decision="partial").exists()


def test_consent_is_per_partner(actor, client_dossier):
    from tests.conftest import make_employee, make_partner
    from zorgvuldig.partners.services import actor_for

    other = actor_for(make_employee(make_partner("Wmo-aanbieder"), "jeroen"))
    services.register_client(
        other,
        bsn=client_dossier.subject.bsn,
        given_names="Sanne",
        surname="de Vries",
        birth_date=client_dossier.subject.birth_date,
        domain="zorg",
        legal_basis="wmo-2015",
    )
    with pytest.raises(ProcessingRefused):
        services.record_item(
            other,
            client_dossier.id,
            category="welfare",
            label="Netwerk",
            value="Oma",
            source="Moeder",
            method="conversation",
            obtained_on=datetime.date(2026, 1, 5),
            purpose="assessment",
        )
    inform_and_consent(
        other, client_dossier.id, representative_id=representative_of(client_dossier.id)
    )
    services.record_item(
        other,
        client_dossier.id,
        category="welfare",
        label="Netwerk",
        value="Oma",
        source="Moeder",
        method="conversation",
        obtained_on=datetime.date(2026, 1, 5),
        purpose="assessment",
    )
