# SPDX-License-Identifier: EUPL-1.2
"""Fixtures of the rights' tests."""

from __future__ import annotations

import datetime

import pytest

from tests import factories
from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    name_in_consent,
    next_bsn,
    representative_of,
)
from zorgvuldig.gate import services
from zorgvuldig.partners.models import ProtocolCommitment
from zorgvuldig.partners.services import actor_for
from zorgvuldig.protocol import loader
from zorgvuldig.webhooks.models import Notification
from zorgvuldig.webhooks.subscriptions import subscribe

VAVG = loader.load_all()["regio-utrecht-zuidoost-avg-2018"]


@pytest.fixture
def avg_actor(db):
    """An employee of a partner bound to the AVG variant since 25 May 2018."""
    partner = make_partner("Sociaal Team Heuvelrug", committed=False)
    ProtocolCommitment.objects.create(
        partner=partner, protocol_version=VAVG.id, starts_on=datetime.date(2018, 5, 25)
    )
    return actor_for(make_employee(partner, "avg"))


def share(actor, client, item, recipient):
    return services.share_items(
        actor,
        client.id,
        item_ids=[item.id],
        recipient_partner_id=recipient.id,
        purpose="support-provision",
        referral_domain="jeugd",
    )


@pytest.fixture
def spread(actor, client_dossier):
    """Sanne's phone number went to a partner with a webhook, one with an e-mail address and
    a grandmother (non-partner); her school went only to a fourth partner."""
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    phone = factories.record(
        actor,
        client_dossier.id,
        category="contact",
        value="06-12345678",
        label="Contact",
    )
    school = factories.record(
        actor, client_dossier.id, category="youth", value="Groep 7", label="Youth"
    )
    hooked = make_partner("Jeugdhulp Webhook")
    subscribe(hooked.id, "https://jeugdhulp.example/hooks")
    mailed = make_partner("Jeugdhulp Mail")
    mailed.privacy_email = "privacy@jeugdhulp-mail.example"
    mailed.save()
    school_only = make_partner("Jeugdhulp School")
    grandma = services.register_non_partner(
        actor, name="Oma de Vries", kind="family", informed=True
    )
    name_in_consent(actor, client_dossier.id, grandma.id)
    share(actor, client_dossier, phone, hooked)
    share(actor, client_dossier, phone, mailed)
    share(actor, client_dossier, school, school_only)
    services.share_items(
        actor,
        client_dossier.id,
        item_ids=[phone.id],
        non_partner_id=grandma.id,
        purpose="support-provision",
    )
    Notification.objects.all().delete()  # the received-shares notifications of the shares
    return client_dossier, phone, school


@pytest.fixture
def noor(avg_actor):
    """Noor Bakker (an adult) at the partner bound to the AVG variant, informed, with consent."""
    client = services.register_client(
        avg_actor,
        bsn=next_bsn(),
        given_names="Noor",
        surname="Bakker",
        birth_date=datetime.date(1990, 1, 1),
        domain="zorg",
        legal_basis="wmo-2015",
        purpose="intake",
    )
    inform_and_consent(avg_actor, client.id)
    return client
