# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer's register of processings without consent, and the 'allowed now' panel."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import make_employee, make_partner
from zorgvuldig.core.errors import NotAllowed
from zorgvuldig.gate import services, validation
from zorgvuldig.partners.models import Role
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


def record_without_consent(actor, client_id):
    return services.record_item(
        actor,
        client_id,
        category="youth",
        label="Signaal",
        value="Verzuim",
        source="School",
        method="partner",
        obtained_on=datetime.date(2026, 1, 5),
        purpose="assessment",
        justification=validation.justification("serious-risk", "Kind komt ondervoed op school."),
    )


def test_art4_6_the_privacy_officer_lists_every_processing_without_consent(
    partner, actor, registered_client
):
    record_without_consent(actor, registered_client.id)
    officer = actor_for(make_employee(partner, "pieter", role=Role.PRIVACY_OFFICER))
    (entry,) = services.exceptions_register(officer)
    assert entry.client_id == registered_client.id and entry.article == "art4.6"
    assert "ondervoed" in entry.text and entry.author == "Anna Test"
    assert entry.legal_basis == "jeugdwet"
    consult = LogRecord.objects.get(name="uitzonderingen-raadplegen")
    assert (consult.actor_id, consult.purpose, consult.decision) == (
        str(officer.employee_id),
        "accountability",
        "allowed",
    )


def test_art3_2c_only_the_privacy_officer_sees_the_register(partner, actor, registered_client):
    record_without_consent(actor, registered_client.id)
    colleague = actor_for(make_employee(partner, "kim"))
    with pytest.raises(NotAllowed):
        services.exceptions_register(colleague)
    # not even the entries about the caseworker's own clients
    with pytest.raises(NotAllowed):
        services.exceptions_register(actor)
    assert not LogRecord.objects.filter(name="uitzonderingen-raadplegen").exists()
    other_officer = actor_for(
        make_employee(make_partner("Elders"), "piet", role=Role.PRIVACY_OFFICER)
    )
    assert services.exceptions_register(other_officer) == []  # another partner's register


@pytest.mark.parametrize("entries", [0, 1], ids=["empty", "with-an-entry"])
def test_art3_2d_an_officer_who_has_not_acknowledged_reads_no_register(
    partner, actor, registered_client, entries
):
    """Refused before anything is read, whether the register holds entries or not (it used to
    answer an empty register, and refuse only once an entry's client reached the gate)."""
    for _ in range(entries):
        record_without_consent(actor, registered_client.id)
    newcomer = make_employee(partner, "pien", role=Role.PRIVACY_OFFICER, acknowledged=False)
    with pytest.raises(NotAllowed, match="niet bevestigd"):
        services.exceptions_register(actor_for(newcomer))
    assert not LogRecord.objects.filter(name="uitzonderingen-raadplegen").exists()


def test_allowed_now_answers_with_decide_per_operation_and_category(actor, client_dossier):
    rows = {
        (r.operation, r.category): r
        for r in services.allowed_now(actor, client_dossier.id, purpose="support-provision")
    }
    assert rows[("record", "youth")].allowed
    assert not rows[("record", "work-income")].allowed  # art5.1: not needed in youth care
    assert "art5.1" in rows[("record", "work-income")].articles
    share = rows[("share", "youth")]
    assert not share.allowed and share.articles == ("art4.3",)  # consent to share not asked
    assert "art. 4 lid 6" in share.explanation
    assert not rows[("request", "health")].allowed  # art4.4: no signed form
    assert rows[("request", "health")].articles == ("art4.4",)
