# SPDX-License-Identifier: EUPL-1.2
"""The retention of a dossier, from the database, and holds (art5.2)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.conftest import make_employee, make_partner, supporting
from tests.retention.conftest import end_support
from zorgvuldig.clients.models import SupportTrajectory
from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.dossier.models import Annotation
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Role
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.retention.models import RetentionHold

D = datetime.date


def test_art5_2_the_dossier_of_a_client_in_support_has_no_date(actor, client_dossier, youth_item):
    retention = services.retention_of_dossier(actor, client_dossier.id)
    assert retention.dossier.state == "open" and retention.dossier.kept_through is None
    assert [i.retention.state for i in retention.items] == ["open"]
    assert "zolang een traject open is wordt niets vernietigd" in retention.dossier.explanation
    assert LogRecord.objects.filter(name="bewaartermijn-raadplegen", status="ok").exists()


def test_art5_2_youth_care_of_a_provider_is_kept_twenty_years_after_it_ended(
    officer, client_dossier, youth_item
):
    end_support(client_dossier)
    retention = services.retention_of_dossier(officer, client_dossier.id)
    (item,) = retention.items
    assert item.item_id == youth_item.id and item.category == "youth"
    assert item.retention.rule == "jeugdwet-7.3.8"
    assert item.retention.kept_through == D(2024, 3, 1)
    assert item.retention.state == "due" and item.retention.due_on == D(2024, 3, 2)
    assert "Jeugdwet art. 7.3.8" in item.retention.explanation
    # the dossier as a whole: as long as its longest kept item
    assert retention.dossier.kept_through == D(2024, 3, 1)


def test_art5_2_an_open_trajectory_at_another_partner_keeps_the_closed_dossier(
    actor, officer, client_dossier, youth_item
):
    end_support(client_dossier)
    supporting(make_partner("Wmo-loket"), client_dossier, "wim")
    SupportTrajectory.objects.filter(client_id=client_dossier.id, partner=actor.partner_id).update(
        opened_on=D(2000, 2, 1), closed_on=D(2004, 3, 1)
    )
    retention = services.retention_of_dossier(officer, client_dossier.id)
    assert retention.dossier.state == "open"


def test_art5_2_a_hold_keeps_a_due_dossier_until_its_review_and_is_annotated(
    officer, client_dossier, youth_item
):
    end_support(client_dossier)
    review = timezone.localdate() + datetime.timedelta(days=90)
    hold = services.place_hold(
        officer,
        client_dossier.id,
        reason="Broertje nog in zorg; samenhang nodig",
        review_on=review,
    )
    assert hold.review_on == review and not hold.lapsed and hold.decided_by == "Petra Test"
    retention = services.retention_of_dossier(officer, client_dossier.id)
    assert retention.dossier.state == "held" and retention.dossier.kept_through == review
    assert [h.id for h in retention.holds] == [hold.id]
    note = Annotation.objects.get(client_id=client_dossier.id, article="art5.2")
    assert "Broertje nog in zorg" in note.text
    assert LogRecord.objects.filter(name="bewaartermijn-verlengen", status="ok").exists()


@pytest.mark.parametrize(
    ("reason", "review_on", "field", "message"),
    [
        ("", D(2030, 1, 1), "reason", "Geef de reden"),
        ("   ", D(2030, 1, 1), "reason", "Geef de reden"),
        ("x" * 501, D(2030, 1, 1), "reason", "te lang"),
        ("Nazorg", None, "reviewOn", "geldige herziendatum"),
        ("Nazorg", "2030-01-01", "reviewOn", "geldige herziendatum"),
        ("Nazorg", "today", "reviewOn", "na vandaag"),
        ("Nazorg", "six years", "reviewOn", "ten minste elke 5 jaar"),
    ],
)
def test_art5_2_a_hold_without_reason_or_review_date_is_refused_and_nothing_is_written(
    actor, client_dossier, reason, review_on, field, message
):
    today = timezone.localdate()
    review_on = {"today": today, "six years": today.replace(year=today.year + 6)}.get(
        review_on, review_on
    )
    with pytest.raises(InvalidInput) as error:
        services.place_hold(actor, client_dossier.id, reason=reason, review_on=review_on)
    assert message in error.value.errors[field]
    assert not RetentionHold.objects.exists()
    assert not Annotation.objects.filter(article="art5.2").exists()


def test_art3_2c_only_the_privacy_officer_or_a_supporting_caseworker_sees_the_retention(
    actor, client_dossier, youth_item
):
    stranger = actor_for(make_employee(make_partner("Buurtteam"), "bram"))
    with pytest.raises(NotFound):
        services.retention_of_dossier(stranger, client_dossier.id)
    with pytest.raises(NotFound):
        services.place_hold(stranger, client_dossier.id, reason="x", review_on=D(2027, 6, 1))
    refused = LogRecord.objects.filter(name__startswith="bewaartermijn-", decision="refused")
    assert refused.count() == 2 and not RetentionHold.objects.exists()
    # once the support ended, the caseworker no longer does either
    end_support(client_dossier)
    with pytest.raises(NotFound):
        services.retention_of_dossier(actor, client_dossier.id)


def test_art3_2c_a_privacy_officer_elsewhere_reaches_no_dossier_of_the_client(
    client_dossier, youth_item
):
    """The privacy officer of an organisation that holds no dossier of the client neither
    reads its retention nor places a hold: not found, the attempt logged."""
    stranger = actor_for(
        make_employee(make_partner("Wmo-loket"), "olga", role=Role.PRIVACY_OFFICER)
    )
    with pytest.raises(NotFound):
        services.retention_of_dossier(stranger, client_dossier.id)
    with pytest.raises(NotFound):
        services.place_hold(
            stranger,
            client_dossier.id,
            reason="Wil het bewaren",
            review_on=timezone.localdate() + datetime.timedelta(days=30),
        )
    assert not RetentionHold.objects.exists()
    assert LogRecord.objects.filter(name="bewaartermijn-raadplegen", decision="refused").exists()
