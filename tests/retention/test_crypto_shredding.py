# SPDX-License-Identifier: EUPL-1.2
"""Crypto-shredding (art5.2, art3.2b, decision 0016): a dossier's values are sealed with a key
of that dossier, a data subject's BSN with a key of that person; destruction deletes the
keys, so what a backup kept of them can no longer be read, not with the master key either."""

from __future__ import annotations

import base64

import pytest
from cryptography.exceptions import InvalidTag
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from tests import factories
from tests.conftest import make_partner, supporting
from tests.retention.conftest import end_support
from tests.rights.test_requests import register
from zorgvuldig.clients.models import Subject
from zorgvuldig.core import crypto, keys
from zorgvuldig.core.models import DataKey
from zorgvuldig.dossier.models import DataItemVersion
from zorgvuldig.gate import services


def _backup(table: str, column: str, where: str = "", params=()) -> list[str]:
    """What a backup of the database keeps of a column: its raw ciphertexts."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table} {where}", params)
        return [row[0] for row in cursor.fetchall()]


def _destroy_early(officer, client):
    """The whole dossier destroyed through the one destruction path, at the subject's request."""
    asked = register(officer, client, kind="early-destruction", received_on=timezone.localdate())
    end_support(client)
    services.decide_request(officer, asked.id, outcome="granted", protection_needed=False)
    services.carry_out_request(officer, asked.id)


@pytest.fixture
def backup(client_dossier, youth_item):
    """The ciphertexts of Sanne's dossier and of her and her mother's BSNs, before destruction."""
    values = _backup("dossier_dataitemversion", "value")
    bsns = _backup("clients_subject", "bsn")
    assert values and len(bsns) == 2  # Sanne and her mother
    return {"values": values, "bsns": bsns}


def test_art5_2_each_dossier_and_each_subject_has_a_key_of_its_own(
    actor, client_dossier, youth_item, backup
):
    owner = keys.dossier_owner(client_dossier.id, actor.partner_id)
    assert {keys.owner_of(v) for v in backup["values"]} == {owner}
    subjects = set(Subject.objects.values_list("id", flat=True))
    assert {keys.owner_of(b) for b in backup["bsns"]} == subjects
    assert DataKey.objects.filter(owner__in=[owner, *subjects]).count() == 1 + len(subjects)
    # a dossier of the same client at another partner is sealed with another key
    other = make_partner("Wmo-loket Heuvelrug")
    colleague = supporting(other, client_dossier, "wim")
    factories.record(colleague, client_dossier.id, "youth", "Andere partner")
    theirs = keys.dossier_owner(client_dossier.id, other.id)
    assert theirs != owner
    assert owner in {keys.owner_of(v) for v in _backup("dossier_dataitemversion", "value")}
    assert theirs in {keys.owner_of(v) for v in _backup("dossier_dataitemversion", "value")}


def test_art5_2_a_backup_of_a_destroyed_dossier_cannot_be_read(officer, client_dossier, backup):
    context = "dossier_dataitemversion.value"
    assert keys.decrypt(backup["values"][0], context) == "Zit in groep 8"
    _destroy_early(officer, client_dossier)
    assert not DataItemVersion.objects.exists() and not Subject.objects.exists()
    assert not DataKey.objects.exists()
    # not even in the process that destroyed it: the cache forgot the key at once
    for value in backup["values"]:
        with pytest.raises(keys.KeyDestroyed, match=r"art5\.2"):
            keys.decrypt(value, context)
    for bsn in backup["bsns"]:
        with pytest.raises(keys.KeyDestroyed):
            keys.decrypt(bsn, "clients_subject.bsn")
    call_command("log", "verify")


def test_art5_2_the_master_key_alone_does_not_open_a_dossier(officer, client_dossier, backup):
    """A leaked master key with a backup of the data, without the data keys, opens nothing:
    no key derived from it seals a dossier's value."""
    token = backup["values"][0]
    owner = keys.owner_of(token)
    sealed = base64.urlsafe_b64decode(token.split(":", 2)[2])
    contexts = (b"dossier_dataitemversion.value", f"dossier_dataitemversion.value#{owner.hex}")
    for purpose in ("field-encryption", "key-wrapping", "bsn-index", "subject-pseudonym"):
        derived = crypto._derive(crypto._keyring()[0], purpose)
        for context in contexts:
            context = context if isinstance(context, bytes) else context.encode()
            with pytest.raises(InvalidTag):
                crypto.unseal(derived, sealed, context)
    # the key itself is random, kept only wrapped: its wrapping is all the master key opens
    _destroy_early(officer, client_dossier)
    assert not DataKey.objects.filter(owner=owner).exists()


def test_art5_2_a_dossier_destroyed_at_one_partner_leaves_the_others_readable(
    officer, client_dossier, youth_item
):
    other = make_partner("Wmo-loket Heuvelrug")
    colleague = supporting(other, client_dossier, "wim")
    kept = factories.record(colleague, client_dossier.id, "youth", "Blijft bij het Wmo-loket")
    _destroy_early(officer, client_dossier)
    keys.forget_cache()
    mine = keys.dossier_owner(client_dossier.id, officer.partner_id)
    assert not DataKey.objects.filter(owner=mine).exists()
    assert DataItemVersion.objects.get(item_id=kept.id).value == "Blijft bij het Wmo-loket"
    # the client stays, so does her BSN and its key
    assert Subject.objects.get(id=client_dossier.subject.id).bsn
