# SPDX-License-Identifier: EUPL-1.2
"""Protocol versions as data: loaded, validated, and where the two versions differ."""

from __future__ import annotations

import datetime
import tomllib

import pytest

from tests.protocol.support import V2015, VAVG
from zorgvuldig.protocol import Category, LegalBasis, Operation
from zorgvuldig.protocol.loader import BUILT_IN, VersionError, in_force, load, parse
from zorgvuldig.protocol.version import Deadline

SOURCE = BUILT_IN / "regio-utrecht-zuidoost-2015.toml"


def test_inforce_the_2015_text_applies_from_1_january_2015_under_its_title():
    assert V2015.effective_from == datetime.date(2015, 1, 1)
    assert V2015.title == "Privacy protocol Sociaal Domein Regio Utrecht Zuidoost"
    assert in_force(V2015.id, datetime.date(2014, 12, 31)) is None
    assert in_force(V2015.id, datetime.date(2015, 1, 1)) is V2015
    assert in_force("no-such-version", datetime.date(2026, 1, 1)) is None
    assert in_force(VAVG.id, datetime.date(2018, 5, 24)) is None


def test_the_versions_agree_on_what_decide_reads():
    for field in (
        "purposes",
        "consent_scope",
        "consent_exempt",
        "written_consent",
        "written_consent_operations",
        "informing_operations",
        "exception_grounds",
        "necessity",
        "representation",
    ):
        assert getattr(V2015, field) == getattr(VAVG, field), field
    assert V2015.written_consent == {Category.HEALTH}
    assert V2015.representation.joint_from_age == 12 and V2015.representation.alone_from_age == 16


def test_where_the_versions_differ():
    # art9.5: four weeks, as written; AVG art. 12(3): one month, extendable by two, and a
    # deadline on a closed day moves to the next working day (Regulation 1182/71 art. 3(4))
    assert V2015.rights_deadline == Deadline(weeks=4, moves_off_closed_days=False)
    assert VAVG.rights_deadline == Deadline(
        months=1, extension_months=2, moves_off_closed_days=True
    )
    # AVG art. 18, 20, 21 add rights the protocol lacks
    assert V2015.extra_rights == frozenset()
    assert VAVG.extra_rights == {"restriction", "portability", "objection"}
    # AVG art. 33: 72 hours; the Wbp set none
    assert V2015.breach_notification_hours is None and VAVG.breach_notification_hours == 72
    # art5.2: five years under both, and the law's longer periods under both too: the law of
    # today applies to what is kept today, whichever text the partner committed to
    assert V2015.retention == VAVG.retention
    assert V2015.retention.protocol.years == 5
    youth = {
        r.code: r.years for r in VAVG.retention.statutory if r.legal_bases == {LegalBasis.YOUTH_ACT}
    }
    assert youth == {"jeugdwet-7.3.8": 20, "selectielijst-2020-8.1.2": 20}


def _broken(edit) -> VersionError:
    data = tomllib.loads(SOURCE.read_text())
    edit(data)
    with pytest.raises(VersionError) as error:
        parse(data, "regio.toml")
    return error.value


@pytest.mark.parametrize(
    ("edit", "key", "problem"),
    [
        (
            lambda d: d["necessity"]["assessment"].update(jeugd=["helth"]),
            "necessity.assessment.jeugd",
            "unknown category 'helth'",
        ),
        (lambda d: d["version"].pop("effective_from"), "version.effective_from", "missing"),
        (
            lambda d: d["version"].update(effective_from="2015-01-01"),
            "version.effective_from",
            "must be a date",
        ),
        (
            lambda d: d["consent"]["scope_of_operation"].pop("share"),
            "consent.scope_of_operation",
            "no scope for share",
        ),
        (
            lambda d: d["consent"]["scope_of_operation"].update(share="everything"),
            "consent.scope_of_operation.share",
            "unknown consent scope 'everything'",
        ),
        (
            lambda d: d["rights"].update(deadline={"days": 28}),
            "rights.deadline",
            "unknown key 'days'",
        ),
        (
            lambda d: d["rights"]["deadline"].update(moves_off_closed_days="yes"),
            "rights.deadline.moves_off_closed_days",
            "must be a bool",
        ),
        (
            lambda d: d["rights"]["deadline"].pop("moves_off_closed_days"),
            "rights.deadline.moves_off_closed_days",
            "missing",
        ),
        (lambda d: d["retention"].update(years=0), "retention.years", "at least 1"),
        (
            lambda d: d["retention"].update(counting="whenever"),
            "retention.counting",
            "unknown counting 'whenever'; expected one of end-of-year, from-end-date",
        ),
        (
            lambda d: d["retention"]["statutory"][0].update(partner_kinds=[]),
            "retention.statutory[0].partner_kinds",
            "must not be empty",
        ),
        (
            lambda d: d["retention"]["statutory"][1].update(legal_bases=["bw"]),
            "retention.statutory[1].legal_bases",
            "unknown legal basis 'bw'",
        ),
        (
            lambda d: d["retention"]["statutory"][0].pop("source"),
            "retention.statutory[0].source",
            "missing",
        ),
        (
            lambda d: d["retention"]["statutory"][0].update(kept="ever"),
            "retention.statutory[0]",
            "unknown key 'kept'",
        ),
        (
            lambda d: d["retention"]["statutory"][1].update(code="jeugdwet-7.3.8"),
            "retention.statutory",
            "code 'jeugdwet-7.3.8' is used twice",
        ),
        (
            lambda d: d["retention"].update(statistics_threshold=1),
            "retention.statistics_threshold",
            "at least 2",
        ),
        (
            lambda d: d["representation"].update(joint_from_age=18),
            "representation.joint_from_age",
            "must not be above",
        ),
        (lambda d: d["necessity"].pop("safety"), "necessity", "no row for purpose safety"),
        (
            lambda d: d["informing"].update(waived_by_grounds=["gut-feeling"]),
            "informing.waived_by_grounds",
            "unknown exception ground",
        ),
        (
            lambda d: d["representation"].update(incapacity_order=[["neighbour"]]),
            "representation.incapacity_order[0]",
            "unknown relation kind 'neighbour'",
        ),
        (
            lambda d: d["purpose_grounds"].update(safety=["gut-feeling"]),
            "purpose_grounds.safety",
            "unknown purpose ground 'gut-feeling'",
        ),
        (
            lambda d: d["purpose_grounds"].update(safety=[]),
            "purpose_grounds.safety",
            "at least one ground",
        ),
        (
            lambda d: d["purpose_grounds"].update(leisure=["meldcode-case"]),
            "purpose_grounds.leisure",
            "unknown purpose 'leisure'",
        ),
        (lambda d: d.pop("referral"), "referral.purposes", "missing"),
        (
            lambda d: d["referral"].update(purposes=[]),
            "referral.purposes",
            "at least one purpose",
        ),
    ],
)
def test_a_malformed_version_names_file_key_and_problem(edit, key, problem):
    error = _broken(edit)
    assert error.source == "regio.toml" and error.key == key
    assert problem in error.problem
    assert str(error).startswith(f"regio.toml: {key}: ")


def test_a_file_that_is_not_toml_or_misnamed_is_refused(tmp_path):
    bad = tmp_path / "x.toml"
    bad.write_text("[version\nid = 1")
    with pytest.raises(VersionError, match=r"^x\.toml: is not valid TOML"):
        load(bad)
    renamed = tmp_path / "other-name.toml"
    renamed.write_text(SOURCE.read_text())
    with pytest.raises(VersionError, match="does not match the file name"):
        load(renamed)


def test_every_operation_has_a_consent_scope_setting():
    assert set(V2015.consent_scope) == set(Operation)
    assert V2015.consent_scope[Operation.DESTROY] is None
