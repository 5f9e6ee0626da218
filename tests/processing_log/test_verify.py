# SPDX-License-Identifier: EUPL-1.2
"""``verify`` finds and names the first record that was altered, removed or inserted."""

from __future__ import annotations

import pytest
from django.db import transaction

from tests.processing_log.helpers import (
    append_to,
    execute,
    make_entry,
    pseudonym_in,
    record,
    tampering,
)
from zorgvuldig.core import crypto
from zorgvuldig.processing_log import canonical, chain, walk
from zorgvuldig.processing_log.models import ChainHead, LogRecord
from zorgvuldig.processing_log.verify import verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def log() -> dict[int, list[int]]:
    """Three chains of five records each, anchored after the first four of each."""
    ids = {number: append_to(number, 4) for number in (1, 6, 11)}
    chain.anchor()
    for number in ids:
        ids[number] += append_to(number, 1)
    return ids


def test_an_intact_log_verifies_and_is_counted(log):
    report = verify()
    assert report.ok, report.problem
    assert report.problem is None
    assert (report.records, report.anchors) == (15, 1)
    assert report.chains == 16  # the anchor made heads for every configured chain
    assert report.triggers_installed
    assert report.records_per_second > 0


def test_an_empty_log_verifies():
    report = verify()
    assert report.ok
    assert (report.records, report.chains, report.anchors) == (0, 0, 0)


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("name", "'destroy'"),
        ("decision", "'refused'"),
        ("categories", "'identification'"),
        ("subject_pseudonym", "'" + "e" * 64 + "'"),
        ("start_time", "end_time"),
        ("prev_hash", "'" + "1" * 64 + "'"),
        ("record_hash", "'" + "2" * 64 + "'"),
    ],
)
def test_an_altered_middle_record_is_named(log, column, value):
    altered = log[6][2]
    with tampering():
        execute(f"UPDATE processing_log_logrecord SET {column} = {value} WHERE id = %s", [altered])
    report = verify()
    assert not report.ok
    assert report.problem.kind == "altered"
    assert report.problem.record_id == altered
    assert report.problem.message == f"record {altered} (chain 6, seq 3) was altered"


def test_an_altered_last_record_is_named(log):
    last = log[11][-1]
    with tampering():
        execute("UPDATE processing_log_logrecord SET actor_id = 'someone' WHERE id = %s", [last])
    assert verify().problem.message == f"record {last} (chain 11, seq 5) was altered"


def test_a_removed_middle_record_is_named_by_its_neighbours(log):
    before, removed, after = log[1][1:4]
    with tampering():
        LogRecord.objects.filter(id=removed).delete()
    problem = verify().problem
    assert problem.kind == "removed"
    assert (problem.chain, problem.seq, problem.record_id) == (1, 3, after)
    assert problem.message == (
        f"a record was removed between record {before} and record {after} in chain 1 "
        "(seq 3 missing)"
    )


def test_removed_records_at_the_start_of_a_chain_are_found(log):
    with tampering():
        LogRecord.objects.filter(id__in=log[11][:2]).delete()
    assert verify().problem.message == (
        f"2 records were removed before record {log[11][2]} in chain 11 (seq 1–2 missing)"
    )


def test_a_removed_last_record_is_found_against_the_chain_head(log):
    with tampering():
        LogRecord.objects.filter(id=log[6][-1]).delete()
    problem = verify().problem
    assert problem.kind == "removed"
    assert problem.message == (
        f"records were removed at the end of chain 6, after record {log[6][3]} "
        "(seq 5 missing; the chain head is at seq 5)"
    )


def test_records_cut_off_with_their_head_rewound_are_found_against_the_anchor(log):
    kept = record(log[6][1])
    with tampering():
        LogRecord.objects.filter(id__in=log[6][2:]).delete()
        ChainHead.objects.filter(chain=6).update(seq=kept.seq, record_hash=kept.record_hash)
    problem = verify().problem
    assert problem.kind == "removed"
    assert problem.message.startswith(
        f"records were removed at the end of chain 6, after record {kept.id} (seq 3–4 missing; "
        "anchor "
    )


def test_a_forged_record_inserted_in_the_middle_is_named(log):
    target = record(log[1][2])
    forged = make_entry(pseudonym_in(1), name="forged")
    with tampering():
        # Make room at seq 3 (two steps: the (chain, seq) pair is unique), then slip it in.
        records = "processing_log_logrecord"
        execute(f"UPDATE {records} SET seq = seq + 1000 WHERE chain = 1 AND seq >= 3")
        execute(f"UPDATE {records} SET seq = seq - 999 WHERE chain = 1 AND seq > 1000")
        forged_id = _insert_forged(forged, 1, 3, prev_hash=target.prev_hash)
        ChainHead.objects.filter(chain=1).update(seq=6)
    problem = verify().problem
    assert problem.kind == "inserted"
    assert problem.message == f"record {forged_id} (chain 1, seq 3) was inserted"


def test_a_forged_record_appended_past_the_chain_head_is_named(log):
    last = record(log[11][-1])
    with tampering():
        forged_id = _insert_forged(make_entry(pseudonym_in(11)), 11, 6, prev_hash=last.record_hash)
    assert verify().problem.message == f"record {forged_id} (chain 11, seq 6) was inserted"


def test_a_record_in_a_chain_that_never_existed_is_named(log):
    with tampering():
        forged_id = _insert_forged(make_entry(), 99, 1, prev_hash=canonical.GENESIS)
    assert verify().problem.message == f"record {forged_id} (chain 99, seq 1) was inserted"


def test_a_head_that_does_not_match_its_record_is_found(log):
    ChainHead.objects.filter(chain=1).update(record_hash="3" * 64)
    problem = verify().problem
    assert problem.kind == "head"
    assert problem.message == f"the head of chain 1 does not match record {log[1][-1]} (seq 5)"


def test_an_altered_anchor_is_found(log):
    second = chain.anchor()
    with tampering():
        execute("UPDATE processing_log_anchor SET heads = %s WHERE id = %s", ["[]", second.id])
    assert verify().problem.message == f"anchor {second.id} was altered"


def test_a_removed_anchor_is_found(log):
    second, third = chain.anchor(), chain.anchor()
    with tampering():
        execute("DELETE FROM processing_log_anchor WHERE id = %s", [second.id])
    assert verify().problem.message == f"an anchor was removed before anchor {third.id}"


def test_the_first_problem_in_log_order_is_named_first(log):
    with tampering():
        execute(
            "UPDATE processing_log_logrecord SET name = 'x' WHERE id IN (%s, %s)",
            [log[11][0], log[1][-1]],
        )  # chain 11's first record came before chain 1's last
    report = verify()
    assert [problem.record_id for problem in report.problems] == [log[11][0], log[1][-1]]
    assert report.problem.record_id == log[11][0]


@pytest.mark.parametrize("page", [1, 2, 3])
def test_verification_reads_the_log_range_by_range(log, monkeypatch, page):
    monkeypatch.setattr(walk, "PAGE", page)
    assert verify().ok
    with tampering():
        LogRecord.objects.filter(id__in=log[6][1:4]).delete()
    assert verify().problem.message == (
        f"3 records were removed between record {log[6][0]} and record {log[6][4]} in chain 6 "
        "(seq 2–4 missing)"
    )


def test_a_forged_record_far_past_the_end_is_found_without_reading_the_gap(log, monkeypatch):
    monkeypatch.setattr(walk, "PAGE", 2)
    with tampering():
        forged_id = _insert_forged(make_entry(pseudonym_in(1)), 1, 10**12, prev_hash="0" * 64)
    assert verify().problem.message == f"record {forged_id} (chain 1, seq {10**12}) was inserted"


def test_records_whose_ids_were_swapped_are_out_of_order(log):
    first, second = log[11][:2]
    with tampering():
        execute("UPDATE processing_log_logrecord SET id = %s WHERE id = %s", [10**9, first])
        execute("UPDATE processing_log_logrecord SET id = %s WHERE id = %s", [first, second])
        execute("UPDATE processing_log_logrecord SET id = %s WHERE id = %s", [second, 10**9])
    problem = verify().problem
    assert problem.kind == "altered"
    assert problem.message == (
        f"record {first} (chain 11, seq 2) is out of order: its id was changed"
    )


def test_progress_is_reported(log):
    seen = []
    verify(progress=lambda done, expected: seen.append((done, expected)))
    assert seen[-1] == (15, 15)


def _insert_forged(entry, chain_number: int, seq: int, prev_hash: str) -> int:
    """Insert a record as someone without the chain key would: its hash cannot be right."""
    values = canonical.stored_values(entry)
    with transaction.atomic():
        forged = LogRecord.objects.create(
            chain=chain_number, seq=seq, prev_hash=prev_hash, record_hash="f" * 64, **values
        )
    return forged.id


@pytest.fixture
def rotated_master_key(settings):
    """The master key rotated: the old one kept among the previous keys."""
    settings.ZORGVULDIG_PREVIOUS_MASTER_KEYS = [settings.ZORGVULDIG_MASTER_KEY]
    settings.ZORGVULDIG_MASTER_KEY = "the-master-key-after-rotation"
    crypto.reset_caches()
    yield settings
    crypto.reset_caches()  # before the settings fixture puts the old key back


def test_records_from_before_a_key_rotation_still_verify(log, rotated_master_key):
    after = append_to(6, 2)
    chain.anchor()
    report = verify()
    assert report.ok, report.problem
    assert report.records == 17
    rotated_master_key.ZORGVULDIG_PREVIOUS_MASTER_KEYS = []
    crypto.reset_caches()
    problem = verify().problem
    assert problem.message == f"record {log[1][0]} (chain 1, seq 1) was altered"
    assert record(after[0]).prev_hash == record(log[6][-1]).record_hash
