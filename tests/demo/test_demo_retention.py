# SPDX-License-Identifier: EUPL-1.2
"""The demo region shows retention (art5.2): dossiers due for destruction on a list that
waits for review, and one kept longer on a hold, read back through the gate services."""

from __future__ import annotations

import pytest

from tests.demo.test_demo_exchanges import actor
from zorgvuldig.clients.models import Client
from zorgvuldig.gate import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_region):
    """The demo region, loaded once for this module (the tests only read)."""


def test_art5_2_the_welfare_list_of_three_due_dossiers_waits_for_review(demo):
    anouk = actor("anouk")
    (found,) = services.destruction_lists(anouk)
    assert (found.state, found.entries, found.author) == ("review", 3, "Eva Bakker")
    page = services.destruction_list(anouk, found.id).page
    assert {e.client_name for e in page} == {"Jesse Bos", "Iris Kok", "Noah Peters"}
    assert {(e.rule, e.period, e.domain) for e in page} == {("art5.2", 2019, "welzijn")}


def test_art5_2_lars_is_kept_on_a_hold_with_its_reason(demo):
    anouk = actor("anouk")
    # the privacy officer reaches a dossier whose support ended through its retention
    lars = Client.objects.get(subject__surname="Dekker")
    retention = services.retention_of_dossier(anouk, lars.id)
    assert retention.dossier.state == "held"
    assert "dochter" in retention.holds[0].reason
