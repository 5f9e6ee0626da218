# SPDX-License-Identifier: EUPL-1.2
"""Who keeps the non-partners (art7 with art3.2c, art3.2d; decision 28).

Their names are personal data (a family member, a neighbour): a partner system's service
token, a role without casework and an employee who has not acknowledged the protocol in
force reach none of them, and nothing is written or logged for them.
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import make_employee, sign_in
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import NotAllowed
from zorgvuldig.exchange.models import NonPartner, NonPartnerAddress
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Role
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord


@pytest.fixture
def oma(actor):
    return services.register_non_partner(actor, name="Oma de Vries", kind="family")


def _every_function(asker, non_partner_id):
    """Each service of the non-partners, as a thunk."""
    today = datetime.date.today()
    return {
        "list": lambda: services.list_non_partners(asker),
        "register": lambda: services.register_non_partner(asker, name="Buurman", kind="network"),
        "inform": lambda: services.inform_non_partner(asker, non_partner_id),
        "address": lambda: services.address_non_partner(
            asker, non_partner_id, addressed_on=today, what_happened="Deelde verder."
        ),
        "addresses": lambda: services.non_partner_addresses(asker, non_partner_id),
    }


def _assert_refused_and_nothing_written(asker, oma, because="niet-partners"):
    names_before = set(NonPartner.objects.values_list("name", flat=True))
    logged_before = LogRecord.objects.count()
    for name, call in _every_function(asker, oma.id).items():
        with pytest.raises(NotAllowed, match=because):
            call()
        assert set(NonPartner.objects.values_list("name", flat=True)) == names_before, name
    assert NonPartner.objects.get(id=oma.id).informed_at is None
    assert not NonPartnerAddress.objects.exists()
    assert LogRecord.objects.count() == logged_before


def test_art3_2c_a_service_token_keeps_no_non_partners(partner, oma):
    system = Actor(partner_id=partner.id, service="jeugdhulp-registratie")
    _assert_refused_and_nothing_written(system, oma)


@pytest.mark.parametrize(
    "role",
    [Role.ADMINISTRATOR, Role.INCIDENT_REPORTER, Role.DATA_PROTECTION_OFFICER],
)
def test_art3_2c_a_role_without_casework_keeps_no_non_partners(partner, oma, role):
    employee = make_employee(partner, "elders", role=role)
    _assert_refused_and_nothing_written(actor_for(employee), oma)


def test_art3_2d_an_employee_who_has_not_acknowledged_keeps_no_non_partners(partner, oma):
    newcomer = make_employee(partner, "noor", acknowledged=False)
    _assert_refused_and_nothing_written(actor_for(newcomer), oma, because="niet bevestigd")


@pytest.mark.parametrize(
    "role", [Role.CASEWORKER, Role.DIRECTOR, Role.TEAM_LEAD, Role.PRIVACY_OFFICER]
)
def test_art7_those_who_share_or_answer_for_the_register_keep_them(partner, oma, role):
    keeper = actor_for(make_employee(partner, "keeper", role=role))
    names = [n.name for n in services.list_non_partners(keeper)]
    assert names == ["Oma de Vries"]
    assert services.inform_non_partner(keeper, oma.id).informed_at is not None


def test_art3_2c_the_register_page_refuses_an_administrator_before_the_form(client, partner):
    """The caseworker's way through the page is tested with the share (tests/exchange/test_web)."""
    administrator = make_employee(partner, "beheer", role=Role.ADMINISTRATOR)
    sign_in(client, administrator.user)
    page = client.get("/niet-partners/nieuw/")
    assert page.status_code == 403
    assert "niet-partners" in page.content.decode()
    sent = client.post("/niet-partners/nieuw/", {"name": "Buurman", "kind": "network"})
    assert sent.status_code == 403
    assert not NonPartner.objects.exists()
