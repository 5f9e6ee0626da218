# SPDX-License-Identifier: EUPL-1.2
"""Appending to the hash chains (requirement: append-only, hash-chained, several chains)."""

from __future__ import annotations

import datetime
import hashlib
import hmac
from zoneinfo import ZoneInfo

import pytest
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from hypothesis import given
from hypothesis import strategies as st

from tests.processing_log.helpers import append_to, make_entry, pseudonym_in, record
from zorgvuldig.processing_log import canonical, chain
from zorgvuldig.processing_log.models import Anchor, ChainHead, LogRecord
from zorgvuldig.processing_log.verify import verify


def _expected_hash(row: LogRecord) -> str:
    values = {field: getattr(row, field) for field in canonical.ENTRY_FIELDS}
    message = canonical.record_message(row.prev_hash, row.chain, row.seq, values)
    return hmac.digest(canonical.chain_key(), message.encode(), hashlib.sha256).hex()


@pytest.mark.django_db
def test_each_record_links_to_its_predecessor_in_its_own_chain():
    ids = {number: append_to(number, 3) for number in (0, 5, 15)}
    for number, chain_ids in ids.items():
        rows = list(LogRecord.objects.filter(chain=number).order_by("seq"))
        assert [row.id for row in rows] == chain_ids
        assert [row.seq for row in rows] == [1, 2, 3]
        assert rows[0].prev_hash == canonical.GENESIS
        assert [row.prev_hash for row in rows[1:]] == [row.record_hash for row in rows[:-1]]
        assert all(row.record_hash == _expected_hash(row) for row in rows)
        head = ChainHead.objects.get(chain=number)
        assert (head.seq, head.record_hash) == (3, rows[-1].record_hash)


@pytest.mark.django_db
def test_one_append_spreads_entries_over_chains_and_returns_ids_in_entry_order():
    pseudonyms = [pseudonym_in(number) for number in (9, 2, 9, 4)]
    with transaction.atomic():
        ids = chain.append([make_entry(pseudonym) for pseudonym in pseudonyms])
    rows = [record(record_id) for record_id in ids]
    assert [row.subject_pseudonym for row in rows] == pseudonyms
    assert [(row.chain, row.seq) for row in rows] == [(9, 1), (2, 1), (9, 2), (4, 1)]
    assert rows[2].prev_hash == rows[0].record_hash
    assert verify().ok


@pytest.mark.django_db
def test_the_chain_is_a_hash_of_the_subject_pseudonym(settings):
    pseudonym = "a3f0c2" + "0" * 58
    assert chain.chain_of(pseudonym) == int("a3f0c200", 16) % 16
    settings.ZORGVULDIG_LOG_CHAINS = 5
    assert chain.chain_of(pseudonym) == int("a3f0c200", 16) % 5


@pytest.mark.django_db(transaction=True)
def test_append_outside_any_transaction_is_refused_and_writes_nothing():
    with pytest.raises(TransactionManagementError):
        chain.append([make_entry()])
    assert not LogRecord.objects.exists()


@pytest.mark.django_db
def test_appending_nothing_writes_nothing():
    with transaction.atomic():
        assert chain.append([]) == []
    assert not ChainHead.objects.exists()


@pytest.mark.django_db
def test_a_rolled_back_transaction_takes_its_records_and_head_moves_back():
    append_to(3, 2)
    with pytest.raises(RuntimeError), transaction.atomic():
        append_to(3, 1)
        raise RuntimeError("the processing failed")
    assert ChainHead.objects.get(chain=3).seq == 2
    assert LogRecord.objects.filter(chain=3).count() == 2
    assert verify().ok


@pytest.mark.django_db
def test_more_chains_later_keep_the_old_chains_valid(settings):
    append_to(1, 2)
    settings.ZORGVULDIG_LOG_CHAINS = 40
    append_to(33, 2)
    append_to(1, 1)
    assert ChainHead.objects.get(chain=33).seq == 2
    report = verify()
    assert report.ok, report.problem
    assert report.records == 5


@pytest.mark.parametrize(
    "fields",
    [
        {"name": "consult\x1fdecision=allowed"},
        {"categories": ("health", "youth,safety-signals")},
        {"articles": ("art3.1", "")},
        {"start_time": datetime.datetime(2025, 3, 1, 9, 30)},
    ],
    ids=["separator in a field", "comma in a category", "empty article", "naive datetime"],
)
@pytest.mark.django_db
def test_entries_that_would_serialise_ambiguously_are_refused(fields):
    with pytest.raises(ValueError), transaction.atomic():
        chain.append([make_entry(**fields)])
    assert not LogRecord.objects.exists()


@pytest.mark.django_db
def test_the_database_builds_the_same_message_as_python():
    amsterdam = ZoneInfo("Europe/Amsterdam")
    moments = [
        datetime.datetime(2025, 3, 1, 9, 30, tzinfo=datetime.UTC),  # no microseconds
        datetime.datetime(2025, 7, 1, 2, 0, 0, 1, tzinfo=amsterdam),  # summer time, 1 µs
        datetime.datetime(1999, 12, 31, 23, 59, 59, 999_999, tzinfo=amsterdam),
    ]
    entries = [
        make_entry(
            start_time=moment,
            end_time=moment,
            name="raadplegen — dossier Zoë",
            categories=(),
            foreign_operation="vng:trace/42",
        )
        for moment in moments
    ]
    with transaction.atomic():
        ids = chain.append(entries)
    sql = canonical.record_message_sql(connection.vendor)
    for record_id in ids:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {sql} FROM processing_log_logrecord WHERE id = %s", [record_id])
            (from_database,) = cursor.fetchone()
        row = record(record_id)
        values = {field: getattr(row, field) for field in canonical.ENTRY_FIELDS}
        assert from_database == canonical.record_message(row.prev_hash, row.chain, row.seq, values)


_field_text = st.text(st.characters(exclude_characters="\x1f", exclude_categories=["Cs"]))
_element = st.text(st.characters(exclude_characters="\x1f,", exclude_categories=["Cs"]), min_size=1)


@given(
    name=_field_text,
    categories=st.lists(_element, max_size=4),
    articles=st.lists(_element, max_size=4),
)
def test_a_record_message_splits_back_into_exactly_its_fields(name, categories, articles):
    entry = make_entry("f" * 64, name=name, categories=tuple(categories), articles=tuple(articles))
    values = canonical.stored_values(entry)
    parts = canonical.record_message(canonical.GENESIS, 7, 11, values).split("\x1f")
    assert len(parts) == 3 + len(canonical.ENTRY_FIELDS)
    fields = dict(zip(canonical.ENTRY_FIELDS, parts[3:], strict=True))
    assert fields["name"] == name
    assert fields["categories"] == ",".join(categories)
    assert (fields["categories"].split(",") if categories else []) == categories
    assert (fields["articles"].split(",") if articles else []) == articles


@given(key=st.binary(max_size=100), message=st.text())
def test_the_signer_is_hmac_sha256(key, message):
    expected = hmac.digest(key, message.encode(), hashlib.sha256).hex()
    assert canonical.Signer(key)(message) == expected


@pytest.mark.django_db
def test_an_anchor_binds_every_head_and_the_previous_anchor(settings):
    settings.ZORGVULDIG_LOG_CHAINS = 4
    append_to(2, 3)
    first = chain.anchor()
    assert first.prev_hash == canonical.GENESIS
    assert first.heads == [
        [0, 0, canonical.GENESIS],
        [1, 0, canonical.GENESIS],
        [2, 3, ChainHead.objects.get(chain=2).record_hash],
        [3, 0, canonical.GENESIS],
    ]
    append_to(0, 1)
    second = chain.anchor()
    assert second.prev_hash == first.anchor_hash
    assert second.heads[0][:2] == [0, 1]
    assert Anchor.objects.count() == 2
    assert verify().anchors == 2


@pytest.mark.django_db(transaction=True)
def test_appending_anchors_the_chains_periodically(settings, monkeypatch):
    settings.ZORGVULDIG_LOG_ANCHOR_SECONDS = 60
    monkeypatch.setattr(chain, "_next_anchor", 0.0)  # due now
    before = Anchor.objects.count()
    with transaction.atomic():
        append_to(3, 1)
    assert Anchor.objects.count() == before + 1
    with transaction.atomic():
        append_to(3, 1)  # not due again for a minute
    assert Anchor.objects.count() == before + 1
    assert verify().ok
