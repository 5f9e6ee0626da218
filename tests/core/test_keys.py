# SPDX-License-Identifier: EUPL-1.2
"""Keys per dossier and per data subject, wrapped by the master key, and their rotation
(art3.2b, art5.2, decision 0016)."""

from __future__ import annotations

import base64
import io
import uuid

import pytest
from cryptography.exceptions import InvalidTag
from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction

from tests import factories
from zorgvuldig.clients.models import Household
from zorgvuldig.core import crypto, keys, rotation
from zorgvuldig.core.models import DataKey
from zorgvuldig.dossier.models import Annotation, DataItemVersion

#: Models with encrypted values that belong to no dossier and no data subject, and why.
WITHOUT_OWNER = {
    "exchange.NonPartner": "an organisation's name, no one's personal data",
    "exchange.NonPartnerAddress": "the partner's address to an organisation about its conduct",
    "clients.Household": "the plan of several clients at several partners: destroyed with the "
    "household, not with one dossier",
    "retention.ListEntry": "why a list kept a dossier: names no one (the entry has a pseudonym)",
    "webhooks.Subscription": "a partner application's signing secret",
}


@pytest.fixture
def youth_item(actor, client_dossier):
    return factories.record(actor, client_dossier.id, "youth", "Zit in groep 8")


PERSONAL_APPS = {"clients", "dossier", "consent", "exchange", "rights", "retention", "webhooks"}


def test_art3_2b_every_model_of_a_dossier_seals_with_the_key_of_its_owner():
    encrypted = [
        m
        for m in apps.get_models()
        if m._meta.app_label in PERSONAL_APPS and rotation.encrypted_fields(m)
    ]
    assert len(encrypted) > 15
    for model in encrypted:
        label = model._meta.label
        assert hasattr(model, "key_owner") != (label in WITHOUT_OWNER), label


def _raw(table: str, column: str) -> list:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM {table}")
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.django_db
def test_art3_2b_a_value_is_bound_to_its_owner_and_its_column():
    mine, theirs = uuid.uuid4(), uuid.uuid4()
    token = keys.encrypt("Zit in groep 8", "dossier_annotation.text", mine)
    assert keys.decrypt(token, "dossier_annotation.text") == "Zit in groep 8"
    with pytest.raises(InvalidTag):
        keys.decrypt(token, "dossier_dataitemversion.value")
    keys.encrypt("iets", "dossier_annotation.text", theirs)  # their key exists
    moved = token.replace(mine.hex, theirs.hex)
    with pytest.raises(InvalidTag):
        keys.decrypt(moved, "dossier_annotation.text")
    assert DataKey.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_art3_2b_a_key_made_in_a_transaction_that_rolled_back_is_not_used_again():
    owner = uuid.uuid4()
    with pytest.raises(RuntimeError), transaction.atomic():
        lost = keys.encrypt("weg", "dossier_annotation.text", owner)
        assert keys.decrypt(lost, "dossier_annotation.text") == "weg"  # the key is cached
        raise RuntimeError
    assert not DataKey.objects.filter(owner=owner).exists()
    token = keys.encrypt("blijft", "dossier_annotation.text", owner)
    assert DataKey.objects.filter(owner=owner).count() == 1
    assert keys.decrypt(token, "dossier_annotation.text") == "blijft"
    keys.forget_cache()
    assert keys.decrypt(token, "dossier_annotation.text") == "blijft"


@pytest.mark.django_db
def test_art3_2b_a_value_written_without_its_row_is_sealed_with_the_master_key(
    actor, client_dossier
):
    from zorgvuldig.gate.context import gate_open

    with gate_open():
        note = Annotation.objects.filter(client_id=client_dossier.id).first()
        Annotation.objects.filter(id=note.id).update(text="bijgewerkt")
        assert Annotation.objects.get(id=note.id).text == "bijgewerkt"
        (raw,) = (r for r in _raw("dossier_annotation", "text") if not r.startswith("d:"))
    assert raw.startswith(f"g{crypto.key_generation()}:")


@pytest.fixture
def rotated(settings):
    """The master key rotated: the old one kept among the previous keys, as documented."""
    old = settings.ZORGVULDIG_MASTER_KEY
    settings.ZORGVULDIG_PREVIOUS_MASTER_KEYS = [old]
    settings.ZORGVULDIG_MASTER_KEY = "the-master-key-after-rotation"
    crypto.reset_caches()
    keys.forget_cache()
    yield settings
    settings.ZORGVULDIG_MASTER_KEY, settings.ZORGVULDIG_PREVIOUS_MASTER_KEYS = old, []
    crypto.reset_caches()
    keys.forget_cache()


def _drop_previous_keys(settings):
    """Only the new master key is left: what it does not open is lost."""
    settings.ZORGVULDIG_PREVIOUS_MASTER_KEYS = []
    crypto.reset_caches()
    keys.forget_cache()


@pytest.mark.django_db
def test_art3_2b_keys_rotate_moves_every_key_and_value_onto_the_new_master_key(
    actor, client_dossier, youth_item, request
):
    from zorgvuldig.gate.context import gate_open

    with gate_open():
        household = Household.objects.create(name="Gezin De Vries", plan="Samen naar school")
        note = Annotation.objects.filter(client_id=client_dossier.id).first()
        Annotation.objects.filter(id=note.id).update(text="van voor de sleutels per dossier")
    before = {bytes(w)[:3] for w in DataKey.objects.values_list("wrapped", flat=True)}
    assert before == {b"g1:"}
    settings = request.getfixturevalue("rotated")
    out = io.StringIO()
    call_command("keys", "rotate", "--batch", "2", stdout=out)
    count = DataKey.objects.count()
    # every data key, the household's plan (the master's) and the note (now the dossier's)
    assert out.getvalue().startswith(f"{count} sleutels opnieuw verpakt, 2 rijen opnieuw")
    assert {bytes(w)[:3] for w in DataKey.objects.values_list("wrapped", flat=True)} == {b"g2:"}
    again = io.StringIO()
    call_command("keys", "rotate", stdout=again)
    assert again.getvalue().startswith("0 sleutels opnieuw verpakt, 0 rijen")
    _drop_previous_keys(settings)
    with gate_open():
        assert Household.objects.get(id=household.id).plan == "Samen naar school"
        assert Annotation.objects.get(id=note.id).text == "van voor de sleutels per dossier"
        (version,) = DataItemVersion.objects.filter(item_id=youth_item.id)
        assert version.value == "Zit in groep 8"
        assert all(r.startswith("d:") for r in _raw("dossier_annotation", "text"))


@pytest.mark.django_db
def test_art3_2b_without_the_rotation_the_old_master_key_is_still_needed(
    actor, client_dossier, youth_item, request
):
    """The counterpart of the test above: the data keys are wrapped by the master key."""
    from zorgvuldig.gate.context import gate_open

    settings = request.getfixturevalue("rotated")
    _drop_previous_keys(settings)
    with gate_open(), pytest.raises(InvalidTag):
        DataItemVersion.objects.get(item_id=youth_item.id)


def test_art3_2b_a_wrapped_key_is_bound_to_its_owner():
    key, owner, other = crypto.new_data_key(), uuid.uuid4(), uuid.uuid4()
    wrapped = crypto.wrap_key(key, owner.bytes)
    assert crypto.unwrap_key(wrapped, owner.bytes) == key
    with pytest.raises(InvalidTag):
        crypto.unwrap_key(wrapped, other.bytes)
    assert key not in wrapped and base64.b64encode(key) not in wrapped
