# SPDX-License-Identifier: EUPL-1.2
"""The register of processing activities (AVG art. 30) that log records point into."""

from __future__ import annotations

import pytest

from zorgvuldig.processing_log.models import ProcessingActivity

CONTROLLER = "College van burgemeester en wethouders van de gemeente Utrechtse Heuvelrug"


@pytest.mark.django_db
def test_the_register_holds_an_activity_for_each_law_and_for_integrated_support():
    activities = {activity.id: activity for activity in ProcessingActivity.objects.all()}
    assert set(activities) >= {
        "wmo-2015-maatschappelijke-ondersteuning",
        "jeugdwet-jeugdhulp",
        "participatiewet-werk-en-inkomen",
        "integrale-ondersteuning",
    }
    assert activities["jeugdwet-jeugdhulp"].legal_basis == "jeugdwet"
    assert activities["participatiewet-werk-en-inkomen"].legal_basis == "participatiewet"
    for activity in activities.values():
        assert activity.controller == CONTROLLER
        assert "vijf jaar" in activity.retention  # art. 5.2 of the protocol
        assert all(
            [
                activity.purpose,
                activity.data_subjects,
                activity.data_categories,
                activity.recipients,
                activity.security,
            ]
        )
