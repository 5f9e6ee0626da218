# SPDX-License-Identifier: EUPL-1.2
"""A household in integrated support, over time (art1, art4, art6, art7, art8.2).

One plan and one director; three partners and a non-partner; several exchanges; consent to
share withdrawn halfway; a Veilig Thuis request at the end. Afterwards the disclosure records
and the processing log answer who received what, and nothing that was refused ever left.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    name_in_consent,
    next_bsn,
)
from zorgvuldig.core.errors import ProcessingRefused
from zorgvuldig.exchange.models import Disclosure
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


DAY = datetime.date(2026, 10, 1)


def item(actor, client_id, category, value):
    return services.record_item(
        actor,
        client_id,
        category=category,
        label=category,
        value=value,
        source="Cliënt",
        method="conversation",
        obtained_on=DAY,
        purpose="assessment",
    )


def intake(actor, bsn, given, born, domain, basis):
    return services.register_client(
        actor,
        bsn=bsn,
        given_names=given,
        surname="van Leeuwen",
        surname_prefix="",
        birth_date=born,
        domain=domain,
        legal_basis=basis,
        opened_on=DAY,
        purpose="intake",
    )


def test_a_household_in_integrated_support(actor):
    youth = actor
    wmo_partner, housing_partner = make_partner("Wmo Langbroek"), make_partner("Woonstichting")
    wmo = actor_for(make_employee(wmo_partner, "jeroen"))
    housing = actor_for(make_employee(housing_partner, "kees"))
    director = actor_for(make_employee(make_partner("Gemeente Utrechtse Heuvelrug"), "marloes"))
    petra_bsn, daan_bsn = next_bsn(), next_bsn()

    # Petra (adult) is supported by the Wmo provider and the housing corporation; her son Daan
    # (13) by youth care, his mother as legal representative.
    petra = intake(wmo, petra_bsn, "Petra", datetime.date(1979, 7, 8), "zorg", "wmo-2015")
    intake(housing, petra_bsn, "Petra", datetime.date(1979, 7, 8), "wonen", "wmo-2015")
    daan = intake(youth, daan_bsn, "Daan", datetime.date(2013, 1, 21), "jeugd", "jeugdwet")
    mother = services.add_relation(
        youth,
        daan.id,
        kind="legal-representative",
        bsn=petra_bsn,
        given_names="Petra",
        surname="van Leeuwen",
        birth_date=datetime.date(1979, 7, 8),
        purpose="intake",
    )
    both = ("record-request", "share")
    inform_and_consent(wmo, petra.id, scopes=both)
    inform_and_consent(housing, petra.id, scopes=both)
    inform_and_consent(youth, daan.id, representative_id=mother.related.id, scopes=both)

    # one household, one plan, one director
    household = services.create_household(
        wmo,
        petra.id,
        name="Huishouden Van Leeuwen",
        member_client_ids=[daan.id],
        director_id=director.employee_id,
        plan="Huurachterstand oplossen; schoolgang Daan.",
    )
    assert household.director == "Marloes Test"

    arrears = item(housing, petra.id, "housing", "Drie maanden huurachterstand")
    school = item(youth, daan.id, "youth", "Verzuim sinds januari")
    # signals are recorded for safety under a Meldcode case (art8.1, art5.1)
    services.open_safety_case(youth, daan.id, signals="Blauwe plekken", taken_on=DAY)
    signal = services.record_item(
        youth,
        daan.id,
        category="safety-signals",
        label="Signaal",
        value="Blauwe plekken",
        source="Leerkracht",
        method="partner",
        obtained_on=DAY,
        purpose="safety",
    )
    phone = item(wmo, petra.id, "contact", "06-12345678")

    # exchanges among the partners
    services.share_items(
        housing,
        petra.id,
        item_ids=[arrears.id],
        recipient_partner_id=wmo_partner.id,
        purpose="support-provision",
    )
    services.share_items(
        youth,
        daan.id,
        item_ids=[school.id],
        recipient_partner_id=wmo_partner.id,
        purpose="support-provision",
        referral_domain="jeugd",  # the Wmo provider takes Daan in for youth care (art5.1)
    )
    # the grandmother, a non-partner, after the leaflet
    grandma = services.register_non_partner(
        wmo, name="Oma Van Leeuwen", kind="family", informed=True
    )
    name_in_consent(wmo, petra.id, grandma.id, minor=False)  # named, as art7 asks
    services.share_items(
        wmo, petra.id, item_ids=[phone.id], non_partner_id=grandma.id, purpose="support-provision"
    )

    # Petra withdraws her consent to share at the housing corporation halfway
    services.withdraw_consent(
        housing,
        petra.id,
        scope="share",
        decided_on=timezone.localdate(),
        purpose="support-provision",
    )
    with pytest.raises(ProcessingRefused) as refused:
        services.share_items(
            housing,
            petra.id,
            item_ids=[arrears.id],
            recipient_partner_id=wmo_partner.id,
            purpose="support-provision",
        )
    assert refused.value.decision.articles == ("art4.5",)

    # Veilig Thuis asks youth care about a report: what its task needs, without consent
    result = services.share_items(
        youth,
        daan.id,
        item_ids=[signal.id, school.id],
        report_reference="VT-2026-0311",
        purpose="safety",
    )
    assert set(result.sent) == {signal.id, school.id}

    # who received what
    def recipients(actor_, item_):
        return [
            (d.recipient, d.ground)
            for d in services.disclosures_of_item(actor_, item_.id, purpose="accountability")
        ]

    assert recipients(housing, arrears) == [("Wmo Langbroek", "consent")]  # once, not after
    assert recipients(wmo, phone) == [("Oma Van Leeuwen", "consent")]
    assert recipients(youth, school) == [
        ("Wmo Langbroek", "consent"),
        ("Veilig Thuis (melding VT-2026-0311)", "art8.2"),
    ]
    assert recipients(youth, signal) == [("Veilig Thuis (melding VT-2026-0311)", "art8.2")]

    # nothing refused ever left: every disclosure belongs to an allowed share in the log
    shares = LogRecord.objects.filter(name="gegevens-delen")
    allowed = set(shares.exclude(decision="refused").values_list("trace_id", flat=True))
    assert set(Disclosure.objects.values_list("trace_id", flat=True)) <= allowed
    refused_traces = set(shares.filter(decision="refused").values_list("trace_id", flat=True))
    assert refused.value.trace_id in refused_traces
    assert not Disclosure.objects.filter(trace_id__in=refused_traces).exists()
    # and the log of Petra names every share about her, with its decision
    petra_shares = shares.filter(subject_pseudonym=subject_pseudonym(household_subject(petra.id)))
    assert sorted(petra_shares.values_list("decision", flat=True)) == [
        "allowed",
        "allowed",
        "refused",
    ]


def household_subject(client_id):
    from zorgvuldig.clients.models import Client

    return Client.objects.get(id=client_id).subject_id
