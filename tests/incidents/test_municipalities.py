# SPDX-License-Identifier: EUPL-1.2
"""art3.2f: a partner's report reaches the privacy officer of the municipality on whose behalf
the affected support runs, at once; every municipality when that cannot be told apart
(decision 18). The region here has two: Utrechtse Heuvelrug (1581), whose Gerda the fixtures
make, and Zeist (0355) with Zeger."""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import make_employee, make_partner, next_bsn
from tests.incidents.conftest import report, with_email
from zorgvuldig.clients.models import SupportTrajectory
from zorgvuldig.gate import services
from zorgvuldig.incidents.models import IncidentNotice
from zorgvuldig.partners.models import Partner, PartnerKind, Role

pytestmark = pytest.mark.django_db

HEUVELRUG, ZEIST = "1581", "0355"


@pytest.fixture
def region(settings, officer, municipality):
    """Two municipalities, each a partner that carries its CBS code."""
    settings.ZORGVULDIG_MUNICIPALITIES = {HEUVELRUG: "Utrechtse Heuvelrug", ZEIST: "Zeist"}
    Partner.objects.filter(name="Gemeente Utrechtse Heuvelrug").update(municipality=HEUVELRUG)
    zeist = make_partner("Gemeente Zeist", kind=PartnerKind.MUNICIPALITY)
    zeist.municipality = ZEIST
    zeist.save()
    with_email(make_employee(zeist, "zeger", role=Role.PRIVACY_OFFICER), "zeger@zeist.example")
    return zeist


def supported(actor, given_names: str, municipality: str):
    """A client the actor's partner supports on behalf of ``municipality``."""
    return services.register_client(
        actor,
        bsn=next_bsn(),
        given_names=given_names,
        surname="Bakker",
        birth_date=datetime.date(2012, 5, 5),
        domain="jeugd",
        legal_basis="jeugdwet",
        purpose="intake",
        municipality=municipality,
    )


def told() -> set[str]:
    return {n.employee.user.username for n in IncidentNotice.objects.all()}


def test_art3_2f_a_report_reaches_the_municipality_the_partners_support_runs_for(actor, region):
    supported(actor, "Bas", HEUVELRUG)
    report(actor)
    # no client attached yet: the partner's support runs only for Utrechtse Heuvelrug
    assert told() == {"gerda", "pim"}


def test_art3_2f_a_report_reaches_every_municipality_the_partner_works_for(actor, region):
    supported(actor, "Bas", HEUVELRUG)
    supported(actor, "Zoë", ZEIST)
    report(actor)
    assert told() == {"gerda", "zeger", "pim"}


@pytest.mark.parametrize("unknown", ["no support", "not recorded", "not carried"])
def test_art3_2f_every_municipality_is_told_when_they_cannot_be_told_apart(actor, region, unknown):
    if unknown != "no support":
        bas = supported(actor, "Bas", HEUVELRUG)
        if unknown == "not recorded":  # support recorded before its municipality was kept
            SupportTrajectory.objects.filter(client_id=bas.id).update(municipality="")
        else:  # a municipality of the region without a partner carrying its code
            Partner.objects.filter(municipality=HEUVELRUG).update(municipality="")
    report(actor)
    assert told() == {"gerda", "zeger", "pim"}


def test_art3_2f_attaching_a_client_tells_the_municipality_of_its_support(
    actor, officer, region, partner
):
    supported(actor, "Bas", HEUVELRUG)
    reported = report(actor)
    assert told() == {"gerda", "pim"}
    # support on behalf of Zeist, begun after the report: its client is attached by hand
    zoe = supported(actor, "Zoë", ZEIST)
    services.add_affected_client(officer, reported.id, zoe.id)
    assert told() == {"gerda", "zeger", "pim"}
    assert IncidentNotice.objects.count() == 3  # nobody twice
    # an officer of the partner since: not told by an attaching, Pim handles the incident
    with_email(make_employee(partner, "pia", role=Role.PRIVACY_OFFICER), "pia@jeugd.example")
    services.add_affected_client(officer, reported.id, supported(actor, "Bram", ZEIST).id)
    assert told() == {"gerda", "zeger", "pim"}


def test_art3_2f_the_clients_attached_decide_which_municipality_is_told(actor, officer, region):
    """Named clients narrow the support to theirs: once a client of Zeist's support is attached,
    a privacy officer who joined Utrechtse Heuvelrug since the report is not told."""
    supported(actor, "Bas", HEUVELRUG)
    zoe = supported(actor, "Zoë", ZEIST)
    reported = report(actor)
    assert told() == {"gerda", "zeger", "pim"}
    heuvelrug = Partner.objects.get(municipality=HEUVELRUG)
    with_email(make_employee(heuvelrug, "hanna", role=Role.PRIVACY_OFFICER), "h@heuvelrug.example")
    zara = make_employee(Partner.objects.get(municipality=ZEIST), "zara", role=Role.PRIVACY_OFFICER)
    with_email(zara, "zara@zeist.example")
    services.add_affected_client(officer, reported.id, zoe.id)
    assert told() == {"gerda", "zeger", "zara", "pim"}
