# SPDX-License-Identifier: EUPL-1.2
"""Fixtures of the incident tests: the partner's privacy officer, the municipality with its
privacy officer, an incident that Anna (a caseworker) reported, and processings in the log to
find its clients in."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.conftest import make_employee, make_partner, next_bsn
from zorgvuldig.clients.models import SupportTrajectory
from zorgvuldig.gate import services
from zorgvuldig.partners.models import PartnerKind, Role
from zorgvuldig.partners.services import actor_for

HOUR = datetime.timedelta(hours=1)


def ago(hours: float) -> datetime.datetime:
    """A time stamp ``hours`` before now."""
    return timezone.now() - datetime.timedelta(hours=hours)


def with_email(employee, address: str):
    employee.user.email = address
    employee.user.save()
    return employee


@pytest.fixture
def officer(partner):
    """Pim, the privacy officer of the Jeugdteam (the fixtures' partner)."""
    return actor_for(
        with_email(make_employee(partner, "pim", role=Role.PRIVACY_OFFICER), "pim@jeugd.example")
    )


@pytest.fixture
def municipality(db):
    """The municipality, with Gerda its privacy officer and Henk, a caseworker there."""
    town = make_partner("Gemeente Utrechtse Heuvelrug", kind=PartnerKind.MUNICIPALITY)
    town.privacy_email = "privacy@heuvelrug.example"
    town.save()
    gerda = with_email(
        make_employee(town, "gerda", role=Role.PRIVACY_OFFICER), "gerda@heuvelrug.example"
    )
    with_email(make_employee(town, "henk"), "henk@heuvelrug.example")
    return actor_for(gerda)


def report(actor, **overrides):
    """An incident reported by ``actor``: a letter about a client sent to the wrong address,
    discovered three hours ago."""
    fields = {
        "nature": "wrong-recipient",
        "summary": "Een brief over de ondersteuning is naar een verkeerd adres gestuurd.",
        "discovered_at": ago(3),
        "started_at": ago(26),
        "categories": ["identification", "youth"],
        "people_affected": 1,
    }
    return services.report_incident(actor, **{**fields, **overrides})


@pytest.fixture
def reported(actor, officer, municipality):
    """Anna's report of a letter sent to the wrong address; the officers are there to be told."""
    return report(actor)


@pytest.fixture
def breach(reported, officer):
    """The report, with Pim's decision two hours ago that personal data was affected."""
    return services.record_awareness(
        officer,
        reported.id,
        aware_at=ago(2),
        reason="De ontvanger belde: de brief noemt naam en ondersteuning van de cliënt.",
    )


@pytest.fixture
def letter_sent(officer, breach, client_dossier):
    """The client attached to the breach, told (AVG art. 34), and their letter sent: the
    affected client, whom the incident keeps from then on."""
    services.add_affected_client(officer, breach.id, client_dossier.id)
    told = services.decide_subject_information(
        officer, breach.id, outcome="tell", reason="Hoog risico: jeugdhulp."
    )
    affected = told.affected[0]
    services.record_letter_delivery(officer, breach.id, affected.letter.id, status="sent")
    return affected


@pytest.fixture
def processed(actor, client_dossier):
    """Anna recorded a youth item for Sanne; Kees, her colleague, registered Lars; at another
    partner Olga registered someone. A relative (Sanne's mother) is in the log too."""
    factories.record(actor, client_dossier.id, category="youth", value="Groep 7")
    kees = actor_for(make_employee(client_dossier_partner(client_dossier), "kees"))
    lars = services.register_client(
        kees,
        bsn=next_bsn(),
        given_names="Lars",
        surname="Jansen",
        birth_date=datetime.date(2010, 3, 3),
        domain="jeugd",
        legal_basis="jeugdwet",
        purpose="intake",
    )
    elsewhere = actor_for(make_employee(make_partner("Wmo Leersum"), "olga"))
    services.register_client(
        elsewhere,
        bsn=next_bsn(),
        given_names="Olaf",
        surname="Elders",
        birth_date=datetime.date(1970, 3, 3),
        domain="zorg",
        legal_basis="wmo-2015",
        purpose="intake",
    )
    return client_dossier, lars, kees


def client_dossier_partner(client):
    return SupportTrajectory.objects.filter(client_id=client.id).first().partner
