# SPDX-License-Identifier: EUPL-1.2
"""The demo region shows the incident register (art3.2f, art3.2g), read back through the gate
services: a letter to the wrong address with the clock running, and a stolen laptop closed
with its measures; the municipality told of both."""

from __future__ import annotations

import pytest

from tests.demo.test_demo_exchanges import actor
from zorgvuldig.demo import region
from zorgvuldig.gate import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_region):
    """The demo region, loaded once for this module (the tests only read)."""


def _line(who: str, nature: str):
    (line,) = [i for i in services.incident_register(actor(who)) if i.nature == nature]
    return line


def test_art3_2g_the_letter_to_the_wrong_address_runs_its_clock(demo):
    line = _line("sophie", "wrong-recipient")
    assert (line.partner, line.state, line.clients_affected) == (region.YOUTH, "breach", 1)
    assert line.clock.state == "running" and 0 < line.clock.seconds_left < 72 * 3600
    found = services.incident(actor("sophie"), line.id)
    assert [a.client_name for a in found.affected] == ["Sanne de Vries"]
    assert found.aware_by == "Sophie van Beek" and not found.phases
    # the answers of the AP's form are ready to copy, without the client's name
    answers = services.notification_answers(actor("sophie"), line.id)
    assert answers and not any("Sanne" in a.answer for a in answers)


def test_art3_2f_the_stolen_laptop_is_closed_with_its_measures(demo):
    line = _line("anouk", "lost-or-stolen")
    assert (line.partner, line.state, line.clock.state) == (
        region.WELFARE,
        "closed",
        "not-required",
    )
    found = services.incident(actor("anouk"), line.id)
    assert found.measures.startswith("Laptop geblokkeerd") and found.exempt_reason
    assert found.subject_decisions[-1].outcome == "unintelligible"


def test_art3_2f_the_municipality_was_told_of_both_and_sees_the_counts(demo):
    pieter = actor("pieter")
    lines = {i.nature: i for i in services.incident_register(pieter)}
    assert set(lines) == {"wrong-recipient", "lost-or-stolen"}
    assert lines["wrong-recipient"].clients_affected == 1
    for line in lines.values():
        told = {n.employee for n in services.incident(pieter, line.id).notices}
        assert "Pieter Smit" in told
    # Jeugdhulp works for Utrechtse Heuvelrug only: its municipality, and its own officer
    youth = services.incident(pieter, lines["wrong-recipient"].id)
    assert {n.employee for n in youth.notices} == {"Pieter Smit", "Sophie van Beek"}
    assert not youth.affected  # counts, not clients
