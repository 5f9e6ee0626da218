# SPDX-License-Identifier: EUPL-1.2
"""Refused attempts on items (art3.2c, art6.1, art6.2): an item that exists but is not the
actor's to reach is answered exactly as one that does not exist, and the attempt is logged
as refused for the item's data subject; nothing else is written."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

import pytest

from tests import factories
from tests.conftest import make_employee, make_partner, representative_of, supporting
from zorgvuldig.clients.models import SupportTrajectory
from zorgvuldig.core.errors import GateError, InvalidInput, NotFound
from zorgvuldig.dossier.models import Annotation, DataItem, DataItemVersion, SecrecyRelease
from zorgvuldig.exchange.models import Disclosure, ReceivedShare
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.processing_log.verify import verify

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Context:
    client_id: uuid.UUID
    recipient_id: uuid.UUID  # a partner the share would go to


def _history(who, item_id, ctx):
    services.item_history(who, item_id, purpose="support-provision", legal_basis="jeugdwet")


def _change(who, item_id, ctx):
    services.change_item(
        who,
        item_id,
        label="School",
        value="Groep 8",
        source="Moeder",
        method="conversation",
        obtained_on=datetime.date(2026, 2, 1),
        reason="Nieuw schooljaar",
        purpose="support-provision",
        legal_basis="jeugdwet",
    )


def _release(who, item_id, ctx):
    services.release_secrecy(
        who,
        item_id,
        recipient=str(ctx.recipient_id),
        reason="Nodig voor de indicatie",
        purpose="support-provision",
        legal_basis="jeugdwet",
    )


def _disclosures(who, item_id, ctx):
    services.disclosures_of_item(who, item_id, purpose="accountability", legal_basis="jeugdwet")


def _share(who, item_id, ctx):
    services.share_items(
        who,
        ctx.client_id,
        item_ids=[item_id],
        recipient_partner_id=ctx.recipient_id,
        purpose="support-provision",
        legal_basis="jeugdwet",
    )


def _preview(who, item_id, ctx):
    services.preview_share(
        who,
        ctx.client_id,
        item_ids=[item_id],
        recipient_partner_id=ctx.recipient_id,
        purpose="support-provision",
        legal_basis="jeugdwet",
    )


# Every look-up of an item by an id from outside: (call, processing name, operation, purpose).
LOOK_UPS = {
    "history": (_history, "gegeven-historie-raadplegen", "consult", "support-provision"),
    "change": (_change, "gegeven-wijzigen", "change", "support-provision"),
    "release": (_release, "beroepsgeheim-vrijgeven", "record", "support-provision"),
    "disclosures": (_disclosures, "ontvangers-raadplegen", "consult", "accountability"),
    "share": (_share, "gegevens-delen", "share", "support-provision"),
    "preview": (_preview, "delen-voorbereiden", "consult", "support-provision"),
}


def answer(call, *args) -> GateError:
    """What the gate answers: the error raised (each of these calls must fail)."""
    with pytest.raises((NotFound, InvalidInput)) as error:
        call(*args)
    return error.value


def same_answer(one: GateError, other: GateError) -> bool:
    return (type(one), str(one), getattr(one, "errors", None), getattr(one, "what", None)) == (
        type(other),
        str(other),
        getattr(other, "errors", None),
        getattr(other, "what", None),
    )


def last_record_id() -> int:
    last = LogRecord.objects.order_by("-id").first()
    return last.id if last else 0


def written() -> dict[str, int]:
    """Everything an attempt could write besides the log."""
    return {
        model.__name__: model.objects.count()
        for model in (
            DataItem,
            DataItemVersion,
            Annotation,
            SecrecyRelease,
            Disclosure,
            ReceivedShare,
        )
    }


@pytest.fixture
def elsewhere(client_dossier):
    """A caseworker of another partner who supports the same client (Sanne) there."""
    return supporting(make_partner("Wmo-aanbieder Leersum"), client_dossier, "wim")


@pytest.fixture
def ctx(client_dossier):
    return Context(client_dossier.id, make_partner("Buurtteam Doorn").id)


@pytest.mark.parametrize("path", LOOK_UPS)
def test_art3_2c_another_partners_item_is_answered_as_unknown_and_the_attempt_logged(
    actor, client_dossier, elsewhere, ctx, path
):
    call, name, operation, purpose = LOOK_UPS[path]
    item = factories.record(
        actor,
        client_dossier.id,
        category="youth",
        value="Over thuis",
        label="Gesprek",
        professional_secrecy=True,
    )
    unknown = answer(call, elsewhere, uuid.uuid4(), ctx)
    before, nothing_else = last_record_id(), written()

    refused = answer(call, elsewhere, item.id, ctx)

    assert same_answer(refused, unknown)
    (logged,) = LogRecord.objects.filter(id__gt=before)
    assert logged.subject_pseudonym == subject_pseudonym(item.subject_id)
    assert (logged.decision, logged.status, logged.articles) == ("refused", "ok", "art3.2c,art6.1")
    assert (logged.name, logged.operation, logged.categories) == (name, operation, "youth")
    assert (logged.purpose, logged.legal_basis) == (purpose, "jeugdwet")
    assert (logged.actor_id, logged.partner_id) == (
        str(elsewhere.employee_id),
        str(elsewhere.partner_id),
    )
    assert written() == nothing_else
    assert verify().ok


@pytest.mark.parametrize("path", LOOK_UPS)
def test_art6_1_only_an_item_that_exists_somewhere_has_a_subject_to_log_an_attempt_for(
    actor, client_dossier, elsewhere, ctx, path
):
    call = LOOK_UPS[path][0]
    item = factories.record(
        actor, client_dossier.id, category="youth", value="Over thuis", label="Gesprek"
    )
    before = last_record_id()
    answer(call, elsewhere, uuid.uuid4(), ctx)
    answer(call, elsewhere, "not-a-uuid", ctx)
    assert last_record_id() == before  # nobody's item: nothing to log
    answer(call, elsewhere, item.id, ctx)
    assert LogRecord.objects.filter(id__gt=before, decision="refused").count() == 1


def test_art6_1_the_attempt_is_logged_for_the_items_own_data_subject(
    actor, client_dossier, elsewhere
):
    mother = representative_of(client_dossier.id)
    item = factories.record(
        actor,
        client_dossier.id,
        category="contact",
        value="Over thuis",
        label="Gesprek",
        subject_id=mother,
    )
    before = last_record_id()
    answer(_history, elsewhere, item.id, None)
    (logged,) = LogRecord.objects.filter(id__gt=before)
    assert logged.subject_pseudonym == subject_pseudonym(mother)
    assert (logged.categories, logged.purpose, logged.articles) == (
        "contact",
        "support-provision",
        "art3.2c,art6.1",
    )


def test_art6_1_a_malformed_purpose_is_left_out_and_answered_as_for_an_unknown_item(
    actor, client_dossier, elsewhere
):
    item = factories.record(
        actor, client_dossier.id, category="youth", value="Over thuis", label="Gesprek"
    )

    def history(who, item_id, ctx):
        services.item_history(who, item_id, purpose="marketing")

    unknown = answer(history, elsewhere, uuid.uuid4(), None)
    before = last_record_id()
    assert same_answer(answer(history, elsewhere, item.id, None), unknown)
    (logged,) = LogRecord.objects.filter(id__gt=before)
    assert (logged.decision, logged.purpose, logged.legal_basis) == ("refused", "", "")


def test_art3_2c_a_share_naming_another_partners_item_among_own_ones_logs_only_that_one(
    actor, client_dossier, elsewhere, ctx
):
    theirs = factories.record(
        actor, client_dossier.id, category="youth", value="Over thuis", label="Gesprek"
    )
    own = factories.record(
        elsewhere, client_dossier.id, category="contact", value="Over thuis", label="Gesprek"
    )

    def share(item_ids):
        return answer(
            lambda: services.share_items(
                elsewhere,
                client_dossier.id,
                item_ids=item_ids,
                recipient_partner_id=ctx.recipient_id,
                purpose="support-provision",
            )
        )

    unknown = share([own.id, uuid.uuid4()])
    before = last_record_id()
    assert same_answer(share([own.id, theirs.id]), unknown)
    (logged,) = LogRecord.objects.filter(id__gt=before)
    assert (logged.name, logged.categories, logged.articles) == (
        "gegevens-delen",
        "youth",
        "art3.2c,art6.1",
    )
    assert not Disclosure.objects.exists()


@pytest.fixture
def colleague(partner, client_dossier):
    """A colleague at the same partner, assigned to Sanne's trajectory, who does not hold the
    secrecy of what ``actor`` records under it."""
    kim = make_employee(partner, "kim")
    SupportTrajectory.objects.get(client_id=client_dossier.id).caseworkers.add(kim)
    return actor_for(kim)


def test_art6_2_a_release_by_someone_who_does_not_hold_the_secrecy_is_answered_as_not_found(
    actor, client_dossier, colleague, ctx
):
    secret = factories.record(
        actor,
        client_dossier.id,
        category="youth",
        value="Over thuis",
        label="Gesprek",
        professional_secrecy=True,
    )
    unknown = answer(_release, colleague, uuid.uuid4(), ctx)
    before, nothing_else = last_record_id(), written()

    refused = answer(_release, colleague, secret.id, ctx)

    assert same_answer(refused, unknown) and isinstance(refused, NotFound)
    (logged,) = LogRecord.objects.filter(id__gt=before)
    assert logged.subject_pseudonym == subject_pseudonym(secret.subject_id)
    assert (logged.decision, logged.articles, logged.name) == (
        "refused",
        "art6.2",
        "beroepsgeheim-vrijgeven",
    )
    assert (logged.operation, logged.categories, logged.actor_id) == (
        "record",
        "youth",
        str(colleague.employee_id),
    )
    assert (logged.purpose, logged.legal_basis) == ("support-provision", "jeugdwet")
    assert written() == nothing_else  # the release is not written
    assert verify().ok
    # the holder's own release still works
    _release(actor, secret.id, ctx)
    assert SecrecyRelease.objects.get(item_id=secret.id).recipient == str(ctx.recipient_id)
