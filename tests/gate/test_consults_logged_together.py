# SPDX-License-Identifier: EUPL-1.2
"""The consults of one page logged together (decision 29): one append at the end of the
block, every record still written, a refusal still logged, a change still logged with its
data, the chain in the order of what happened."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import make_employee
from zorgvuldig.core.errors import ProcessingRefused
from zorgvuldig.gate import services, together
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log import verify
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


def _names_since(last_id: int) -> list[str]:
    """The processings logged after ``last_id``, in the chain's order, each once in a row (a
    consult of the dossier has a record per person it names: the client and her mother)."""
    names = list(
        LogRecord.objects.filter(id__gt=last_id).order_by("id").values_list("name", flat=True)
    )
    return [n for i, n in enumerate(names) if i == 0 or names[i - 1] != n]


def _last_id() -> int:
    return LogRecord.objects.order_by("-id").values_list("id", flat=True).first() or 0


def test_art3_2a_the_consults_of_a_block_are_appended_at_its_end_every_one(actor, client_dossier):
    before = _last_id()
    with together.consults_logged_together():
        services.consult_dossier(actor, client_dossier.id, purpose="support-provision")
        services.consent_overview(actor, client_dossier.id, purpose="support-provision")
        assert _names_since(before) == []  # kept until the block ends
    assert _names_since(before) == ["dossier-raadplegen", "toestemming-raadplegen"]
    assert verify.verify().ok


def test_art3_2a_a_refusal_in_a_block_is_logged_and_raised(partner, client_dossier):
    stranger = actor_for(make_employee(partner, "kim"))  # not assigned to the client
    before = _last_id()
    with pytest.raises(ProcessingRefused), together.consults_logged_together():
        services.consult_dossier(stranger, client_dossier.id, purpose="support-provision")
    refused = LogRecord.objects.get(id__gt=before)
    assert (refused.name, refused.decision) == ("dossier-raadplegen", "refused")
    assert verify.verify().ok


def test_art3_2a_a_change_in_a_block_is_logged_with_its_data_after_the_consults(
    actor, client_dossier
):
    before = _last_id()
    with together.consults_logged_together():
        services.consult_dossier(actor, client_dossier.id, purpose="support-provision")
        services.record_item(
            actor,
            client_dossier.id,
            category="contact",
            label="Telefoon",
            value="06-12345678",
            source="Cliënt",
            method="conversation",
            obtained_on=datetime.date(2026, 1, 5),
            purpose="support-provision",
        )
        # the change and the consult before it are in the log at once, in that order
        assert _names_since(before) == ["dossier-raadplegen", "gegeven-vastleggen"]
        services.consult_dossier(actor, client_dossier.id, purpose="support-provision")
    assert _names_since(before) == [
        "dossier-raadplegen",
        "gegeven-vastleggen",
        "dossier-raadplegen",
    ]
    assert verify.verify().ok


def test_art3_2a_an_inner_block_leaves_the_append_to_the_outer_one(actor, client_dossier):
    before = _last_id()
    with together.consults_logged_together():
        with together.consults_logged_together():
            services.consult_dossier(actor, client_dossier.id, purpose="support-provision")
        assert _names_since(before) == []
    assert _names_since(before) == ["dossier-raadplegen"]


def test_art3_2a_the_dossier_page_logs_each_of_its_consults(web, client_dossier):
    before = _last_id()
    page = web.get(f"/clienten/{client_dossier.id}/?doel=support-provision")
    assert page.status_code == 200
    names = _names_since(before)
    assert "dossier-raadplegen" in names and "toestemming-raadplegen" in names
    assert len(names) >= 5  # the dossier, consent, Meldcode, log and access consults
    assert verify.verify().ok
