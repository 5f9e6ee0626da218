# SPDX-License-Identifier: EUPL-1.2
"""A client's processing log read through the gate: whole, or the newest records of a page."""

from __future__ import annotations

import pytest

from tests.conftest import make_employee, make_partner
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db

SUPPORT = {"purpose": "support-provision"}


def test_the_newest_records_and_how_many_there_are(actor, client_dossier):
    for _ in range(3):
        services.consult_dossier(actor, client_dossier.id, **SUPPORT)
    whole = services.client_log(actor, client_dossier.id, **SUPPORT)

    recent = services.recent_client_log(actor, client_dossier.id, **SUPPORT, limit=2)

    # the consult of the log is logged and counted too, as by client_log
    assert recent.total == len(whole) + 1
    assert recent.records[0].name == "verwerkingenlog-raadplegen"
    assert [r.id for r in recent.records[1:]] == [whole[0].id]
    assert recent.records[0].id > whole[0].id
    assert LogRecord.objects.filter(name="verwerkingenlog-raadplegen").count() == 2


def test_the_count_is_of_the_clients_records_at_the_partner(actor, client_dossier):
    services.consult_dossier(actor, client_dossier.id, **SUPPORT)  # logged for her mother too
    other = actor_for(make_employee(make_partner("Wijkteam Doorn"), "bas"))
    services.register_client(  # another partner takes her in: its processings are its own
        other,
        bsn=client_dossier.subject.bsn,
        given_names=client_dossier.subject.given_names,
        surname=client_dossier.subject.surname,
        birth_date=client_dossier.subject.birth_date,
        domain="jeugd",
        legal_basis="jeugdwet",
    )

    recent = services.recent_client_log(actor, client_dossier.id, **SUPPORT, limit=10)

    own = LogRecord.objects.filter(
        subject_pseudonym=subject_pseudonym(client_dossier.subject.id),
        partner_id=str(actor.partner_id),
    )
    assert recent.total == own.count() == len(recent.records)
    assert {r.partner for r in recent.records} == {"Jeugdteam Heuvelrug"}
    assert LogRecord.objects.exclude(partner_id=str(actor.partner_id)).exists()
