# SPDX-License-Identifier: EUPL-1.2
"""Deciding requests for correction, addition and deletion (art9.4, art9.5) and carrying out
what was granted."""

from __future__ import annotations

import pytest

from tests import factories
from tests.rights.test_requests import register
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.dossier.models import DataItem, DataItemVersion
from zorgvuldig.exchange.models import Disclosure
from zorgvuldig.gate import services
from zorgvuldig.processing_log.models import LogRecord


@pytest.fixture
def two_items(actor, client_dossier):
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
    return client_dossier, phone, school


def test_a_granted_correction_is_a_new_version_and_the_old_one_stays(actor, two_items):
    client, phone, school = two_items
    request = register(
        actor, client, kind="correction", item_ids=[phone.id], details="Nummer is 06-11111111"
    )
    decided = services.decide_request(actor, request.id, outcome="granted", protection_needed=False)
    assert decided.state == "decided"
    with pytest.raises(InvalidInput) as missing:
        services.carry_out_request(actor, request.id, new_values={})
    assert "newValues" in missing.value.errors
    with pytest.raises(InvalidInput):  # only the granted items
        services.carry_out_request(
            actor, request.id, new_values={phone.id: "06-11111111", school.id: "Groep 8"}
        )
    done = services.carry_out_request(actor, request.id, new_values={phone.id: "06-11111111"})
    # carried out, and closed at once: nobody had received the item (art9.6)
    assert done.state == "closed" and done.carried_out_on is not None
    values = list(
        DataItemVersion.objects.filter(item_id=phone.id)
        .order_by("number")
        .values_list("number", "value", "reason")
    )
    assert values[0][:2] == (1, "06-12345678")
    assert values[1][:2] == (2, "06-11111111") and "verzoek van de betrokkene" in values[1][2]
    logged = LogRecord.objects.get(name="verzoek-betrokkene-uitvoeren")
    assert logged.articles == "art9.4"


def test_an_addition_adds_the_subject_s_words_to_the_item(actor, two_items):
    client, _phone, school = two_items
    request = register(
        actor, client, kind="addition", item_ids=[school.id], details="Ook: zit in de leerlingraad."
    )
    services.decide_request(actor, request.id, outcome="granted", protection_needed=False)
    services.carry_out_request(actor, request.id, new_values={school.id: "Zit in de leerlingraad."})
    current = DataItemVersion.objects.filter(item_id=school.id).order_by("-number").first()
    assert current.value == "Groep 7\n\nAanvulling van de betrokkene: Zit in de leerlingraad."


def test_a_granted_deletion_destroys_the_content_and_keeps_who_received_it(actor, two_items):
    client, phone, school = two_items
    request = register(actor, client, kind="deletion", item_ids=[phone.id, school.id])
    with pytest.raises(InvalidInput):  # partly: name which, not all
        services.decide_request(
            actor,
            request.id,
            outcome="partly-granted",
            protection_needed=False,
            granted_item_ids=[phone.id, school.id],
            refusal_ground="legal-duty",
            refusal_reason="Schoolgegevens bewaren wij voor de jeugdwet.",
        )
    services.decide_request(
        actor,
        request.id,
        outcome="partly-granted",
        protection_needed=False,
        granted_item_ids=[phone.id],
        refusal_ground="legal-duty",
        refusal_reason="Schoolgegevens bewaren wij voor de jeugdwet.",
    )
    done = services.carry_out_request(actor, request.id)
    assert done.state == "closed" and done.carried_out_on is not None
    assert DataItem.objects.get(id=phone.id).destroyed_on is not None
    assert DataItem.objects.get(id=school.id).destroyed_on is None
    assert set(
        DataItemVersion.objects.filter(item_id=phone.id).values_list("value", flat=True)
    ) == {"[vernietigd]"}
    assert DataItemVersion.objects.get(item_id=school.id).value == "Groep 7"
    assert not Disclosure.objects.exists()  # nothing had left; the records would stay


def test_art9_5_refusing_to_protect_the_subject_is_asked_and_then_must_refuse(actor, two_items):
    client, phone, _school = two_items
    request = register(actor, client, kind="deletion", item_ids=[phone.id])
    with pytest.raises(InvalidInput) as unanswered:
        services.decide_request(actor, request.id, outcome="granted", protection_needed=None)
    assert "protectionNeeded" in unanswered.value.errors
    with pytest.raises(InvalidInput) as must_refuse:
        services.decide_request(actor, request.id, outcome="granted", protection_needed=True)
    assert "wordt het verzoek geweigerd" in must_refuse.value.errors["outcome"]
    with pytest.raises(InvalidInput):
        services.decide_request(
            actor,
            request.id,
            outcome="refused",
            protection_needed=True,
            refusal_ground="accurate",
            refusal_reason="Klopt.",
        )
    refused = services.decide_request(
        actor,
        request.id,
        outcome="refused",
        protection_needed=True,
        refusal_ground="protect-others",
        refusal_reason="Het nummer hoort bij de veiligheidsafspraken met de moeder.",
    )
    assert refused.state == "closed"
    with pytest.raises(InvalidInput):
        services.carry_out_request(actor, request.id)
    assert LogRecord.objects.get(name="verzoek-betrokkene-beslissen").articles == "art9.5"


def test_art9_5_a_refusal_needs_its_ground_and_a_written_reason(actor, two_items):
    client, phone, _school = two_items
    request = register(
        actor, client, kind="correction", item_ids=[phone.id], details="Nummer is 06-1"
    )
    for ground, reason, field in [
        ("", "Klopt.", "refusalGround"),
        ("made-up", "Klopt.", "refusalGround"),
        ("accurate", "  ", "refusalReason"),
    ]:
        with pytest.raises(InvalidInput) as error:
            services.decide_request(
                actor,
                request.id,
                outcome="refused",
                protection_needed=False,
                refusal_ground=ground,
                refusal_reason=reason,
            )
        assert field in error.value.errors
    with pytest.raises(InvalidInput):
        services.decide_request(actor, request.id, outcome="maybe", protection_needed=False)
    assert services.subject_request(actor, request.id).state == "received"
    assert not LogRecord.objects.filter(name="verzoek-betrokkene-beslissen").exists()


def test_only_item_requests_are_decided_this_way(actor, two_items):
    client = two_items[0]
    overview = register(actor, client)
    with pytest.raises(InvalidInput):
        services.decide_request(actor, overview.id, outcome="granted", protection_needed=False)
