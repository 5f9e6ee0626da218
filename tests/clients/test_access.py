# SPDX-License-Identifier: EUPL-1.2
"""The dossier says who at the partner has access to it, and why (art3.2c)."""

from __future__ import annotations

import pytest

from tests.conftest import make_employee, make_partner, supporting
from zorgvuldig.clients.models import SupportTrajectory
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Role
from zorgvuldig.partners.services import actor_for


@pytest.mark.django_db
def test_art3_2c_the_dossier_names_who_has_access_and_why(actor, partner, client_dossier, web):
    officer = make_employee(partner, "petra", role=Role.PRIVACY_OFFICER)
    make_employee(partner, "bram")  # a colleague without an assignment: no access
    supporting(make_partner("Wmo-loket"), client_dossier, "wim")  # another partner's own dossier
    dossier = services.consult_dossier(actor, client_dossier.id, purpose="support-provision")
    access = {(a.name, a.why) for a in dossier.access}
    assert access == {("Anna Test", "assigned"), (officer.display_name, "privacy-officer")}
    (assigned,) = [a for a in dossier.access if a.why == "assigned"]
    assert (assigned.domain, assigned.legal_basis) == ("jeugd", "jeugdwet")
    page = web.get(f"/clienten/{client_dossier.id}/?doel=support-provision").content.decode()
    assert 'data-why="assigned"' in page and "Petra Test" in page and "Bram" not in page
    assert "Wim" not in page


@pytest.mark.django_db
def test_art3_2c_a_closed_trajectory_gives_its_caseworker_no_access(partner, client_dossier):
    officer = make_employee(partner, "petra", role=Role.PRIVACY_OFFICER)
    SupportTrajectory.objects.filter(client_id=client_dossier.id).update(
        opened_on="2020-01-01", closed_on="2021-01-01"
    )
    dossier = services.consult_dossier(
        actor_for(officer), client_dossier.id, purpose="accountability", legal_basis="jeugdwet"
    )
    assert [a.why for a in dossier.access] == ["privacy-officer"]
