# SPDX-License-Identifier: EUPL-1.2
"""art9.4: an item blocked (afgeschermd) at the data subject's request is kept, but no longer
shown, changed or shared; only Veilig Thuis still receives it (art8.2). Whoever received it
before is told (art9.6)."""

from __future__ import annotations

import datetime

import pytest

from tests import factories
from tests.conftest import (
    inform_and_consent,
    make_partner,
    representative_of,
    supporting,
)
from tests.rights.test_requests import register
from zorgvuldig.core.errors import InvalidInput, ProcessingRefused
from zorgvuldig.dossier.models import DataItem, DataItemVersion
from zorgvuldig.exchange.models import Disclosure
from zorgvuldig.gate import services
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.rights.models import RecipientNotice

PURPOSE = "support-provision"


@pytest.fixture
def dossier(actor, client_dossier):
    """Sanne's phone number and school, consent to share, and a partner supporting her that
    received the phone number before she asked to block it."""
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    phone = factories.record(
        actor, client_dossier.id, category="contact", value="06-12345678", label="Telefoon"
    )
    address = factories.record(
        actor, client_dossier.id, category="contact", value="Dorpsstraat 1", label="Adres"
    )
    school = factories.record(
        actor, client_dossier.id, category="youth", value="Groep 7", label="School"
    )
    youth_care = make_partner("Jeugdhulp Doorn")
    supporting(youth_care, client_dossier, "jasper", consent=False)
    services.share_items(
        actor,
        client_dossier.id,
        item_ids=[phone.id],
        recipient_partner_id=youth_care.id,
        purpose=PURPOSE,
    )
    return client_dossier, phone, address, school, youth_care


def block(actor, client, *items, kind="blocking"):
    request = register(actor, client, kind=kind, item_ids=[i.id for i in items])
    services.decide_request(actor, request.id, outcome="granted", protection_needed=False)
    return services.carry_out_request(actor, request.id)


def test_art9_4_a_blocked_item_is_kept_and_listed_without_its_content(actor, dossier):
    client, phone, address, _school, _youth_care = dossier
    done = block(actor, client, phone)
    assert DataItem.objects.get(id=phone.id).blocked_on == datetime.date.today()
    # kept: the content is still in the database, unlike a deletion
    assert DataItemVersion.objects.get(item_id=phone.id).value == "06-12345678"
    assert LogRecord.objects.get(name="verzoek-betrokkene-uitvoeren").articles == "art9.4"
    listed = {
        i.id: i
        for i in services.consult_items(actor, client.id, categories=["contact"], purpose=PURPOSE)
    }
    assert listed[phone.id].blocked_on is not None
    assert (listed[phone.id].current.value, listed[phone.id].current.source) == (
        "[afgeschermd]",
        "[afgeschermd]",
    )
    assert listed[address.id].blocked_on is None
    assert listed[address.id].current.value == "Dorpsstraat 1"
    # the earlier recipient is told (art9.6): the request waits for that notice
    assert done.state == "carried-out"
    assert RecipientNotice.objects.filter(request_id=done.id).count() == 1


def test_art9_4_a_blocked_item_is_not_changed_nor_its_history_shown(actor, dossier):
    client, phone, _address, _school, _youth_care = dossier
    block(actor, client, phone)
    with pytest.raises(ProcessingRefused) as refused:
        services.change_item(
            actor,
            phone.id,
            label="Telefoon",
            value="06-99999999",
            source="de cliënt",
            method="conversation",
            obtained_on=datetime.date(2026, 11, 1),
            reason="Nieuw nummer",
            purpose=PURPOSE,
        )
    assert "art9.4" in refused.value.decision.articles
    assert "afgeschermd" in str(refused.value)
    with pytest.raises(ProcessingRefused):
        services.item_history(actor, phone.id, purpose=PURPOSE)
    assert DataItemVersion.objects.filter(item_id=phone.id).count() == 1
    refusals = LogRecord.objects.filter(decision="refused", articles__contains="art9.4")
    assert {r.name for r in refusals} == {"gegeven-wijzigen", "gegeven-historie-raadplegen"}


def test_art9_4_a_blocked_item_stays_behind_when_its_category_is_shared(actor, dossier):
    client, phone, address, school, youth_care = dossier
    block(actor, client, phone)
    preview = {
        row.item_id: row
        for row in services.preview_share(
            actor,
            client.id,
            item_ids=[phone.id, address.id],
            recipient_partner_id=youth_care.id,
            purpose=PURPOSE,
        )
    }
    assert (preview[phone.id].allowed, preview[phone.id].articles) == (False, ("art9.4",))
    assert "afgeschermd" in preview[phone.id].explanation
    assert preview[address.id].allowed
    before = Disclosure.objects.count()
    result = services.share_items(
        actor,
        client.id,
        item_ids=[phone.id, address.id, school.id],
        recipient_partner_id=youth_care.id,
        purpose=PURPOSE,
    )
    assert set(result.sent) == {address.id, school.id}
    assert result.withheld == (phone.id,)
    assert "afgeschermd" in result.explanation and "art. 9 lid 4" in result.explanation
    assert Disclosure.objects.count() == before + 2
    # a share of the blocked item alone is refused by decide() itself, and logged
    with pytest.raises(ProcessingRefused) as refused:
        services.share_items(
            actor,
            client.id,
            item_ids=[phone.id],
            recipient_partner_id=youth_care.id,
            purpose=PURPOSE,
        )
    assert refused.value.decision.articles == ("art9.4",)
    assert Disclosure.objects.count() == before + 2


def test_art9_4_veilig_thuis_still_receives_a_blocked_item(actor, dossier):
    """A report is about protecting others: blocking does not hold against it (art8.2; AVG
    art. 18(2); decision 0013)."""
    client, _phone, _address, _school, _youth_care = dossier
    signal = factories.record(
        actor, client.id, category="safety-signals", value="Blauwe plekken gezien"
    )
    block(actor, client, signal)
    result = services.share_items(
        actor,
        client.id,
        item_ids=[signal.id],
        report_reference="VT-2026-0042",
        purpose="safety",
    )
    assert result.sent == (signal.id,)


def test_art9_4_a_restriction_in_the_avg_variant_blocks_the_same_way(
    actor, dossier, avg_actor, noor
):
    client, phone, _address, _school, _youth_care = dossier
    with pytest.raises(InvalidInput) as unknown:  # the 2015 text has no restriction
        register(actor, client, kind="restriction", item_ids=[phone.id])
    assert "kind" in unknown.value.errors
    item = factories.record(avg_actor, noor.id, category="contact", value="06-1", label="Tel")
    request = register(
        avg_actor,
        noor,
        kind="restriction",
        item_ids=[item.id],
        requested_by_subject_id=noor.subject.id,
        signed_by_subject_ids=[],
    )
    services.decide_request(avg_actor, request.id, outcome="granted", protection_needed=False)
    assert services.carry_out_request(avg_actor, request.id).state == "closed"
    assert DataItem.objects.get(id=item.id).blocked_on is not None
    with pytest.raises(ProcessingRefused):
        services.item_history(avg_actor, item.id, purpose=PURPOSE)


def test_art9_6_whoever_received_a_blocked_item_is_told_it_is_blocked(actor, dossier):
    client, phone, _address, _school, youth_care = dossier
    done = block(actor, client, phone)
    notice = RecipientNotice.objects.get(request_id=done.id)
    assert notice.recipient_partner_id == youth_care.id
    assert services.subject_request(actor, done.id).state == "carried-out"
