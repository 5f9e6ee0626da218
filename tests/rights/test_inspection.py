# SPDX-License-Identifier: EUPL-1.2
"""Inspection of the dossier (art9.2) and what is withheld from it (art9.3): items about
someone else by the gate itself, items that would harm by hand with a reason; reviewed and
released by the privacy officer or the responsible caseworker."""

from __future__ import annotations

import pytest

from tests import factories
from tests.conftest import make_employee, representative_of
from tests.rights.test_requests import register
from zorgvuldig.core.errors import InvalidInput, NotFound
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.rights.models import InspectionWithholding

HARM = "Het verslag van de gedragsdeskundige zou Sanne nu schaden; eerst een gesprek."


@pytest.fixture
def dossier(actor, client_dossier):
    """Sanne's school and a behavioural report about her, and what her mother told about
    herself; Sanne and her mother together ask to inspect the dossier."""
    mother = representative_of(client_dossier.id)
    school = factories.record(actor, client_dossier.id, value="Groep 7", label="School")
    report = factories.record(
        actor, client_dossier.id, category="health", value="Verslag gedrag", label="Verslag"
    )
    about_mother = factories.record(
        actor,
        client_dossier.id,
        category="contact",
        value="Moeder werkt 's nachts",
        label="Werk moeder",
        subject_id=mother,
    )
    request = register(actor, client_dossier, kind="inspection")
    return client_dossier, request, school, report, about_mother, mother


def test_art9_2_the_subject_inspects_her_own_data_and_items_about_others_stay(actor, dossier):
    client, request, school, report, about_mother, mother = dossier
    package = services.inspection_package(actor, request.id)
    assert [i.item_id for i in package.shown] == [school.id, report.id]
    assert package.shown[0].value == "Groep 7" and package.shown[0].source == "Moeder"
    (withheld,) = package.withheld
    assert (withheld.item_id, withheld.ground, withheld.automatic) == (
        about_mother.id,
        "about-someone-else",
        True,
    )
    assert package.released_on is None and [(t.ground, t.count) for t in package.told] == [
        ("about-someone-else", 1)
    ]
    # the consult is logged for Sanne, and for her mother whose item the handler saw
    logged = LogRecord.objects.filter(name="inzage-betrokkene-raadplegen")
    assert set(logged.values_list("articles", flat=True)) == {"art9.2"}
    assert set(logged.values_list("subject_pseudonym", flat=True)) == {
        subject_pseudonym(client.subject.id),
        subject_pseudonym(mother),
    }


def test_art9_3_an_item_that_would_harm_is_withheld_with_its_reason_then_reviewed(actor, dossier):
    client, request, school, report, about_mother, _mother = dossier
    for wrong, field in [
        ({"item_id": report.id, "ground": "about-someone-else", "reason": HARM}, "ground"),
        ({"item_id": report.id, "ground": "protect-subject", "reason": " "}, "reason"),
        (
            {
                "item_id": "0c4f3c52-0000-4000-8000-000000000000",
                "ground": "protect-subject",
                "reason": HARM,
            },
            "itemId",
        ),
        ({"item_id": about_mother.id, "ground": "protect-others", "reason": HARM}, "itemId"),
    ]:
        with pytest.raises(InvalidInput) as error:
            services.withhold_from_inspection(actor, request.id, **wrong)
        assert field in error.value.errors, wrong
    assert not InspectionWithholding.objects.exists()
    package = services.withhold_from_inspection(
        actor, request.id, item_id=report.id, ground="protect-subject", reason=HARM
    )
    assert [i.item_id for i in package.shown] == [school.id]
    with pytest.raises(InvalidInput):  # once
        services.withhold_from_inspection(
            actor, request.id, item_id=report.id, ground="protect-subject", reason=HARM
        )
    # the review may disagree, and then agree again
    assert len(services.show_in_inspection(actor, request.id, item_id=report.id).shown) == 2
    with pytest.raises(InvalidInput):  # only what was withheld by hand
        services.show_in_inspection(actor, request.id, item_id=about_mother.id)
    services.withhold_from_inspection(
        actor, request.id, item_id=report.id, ground="protect-subject", reason=HARM
    )
    released = services.release_inspection(actor, request.id)
    assert (released.state, released.outcome) == ("closed", "partly-granted")
    assert released.granted_item_ids == (school.id,) and released.decided_by == "Anna Test"
    assert LogRecord.objects.get(name="inzage-vrijgeven").articles == "art9.3"
    # released: the package is what was released, also after the dossier grows
    factories.record(actor, client.id, value="Groep 8", label="School (nieuw)")
    package = services.inspection_package(actor, request.id)
    assert [i.item_id for i in package.shown] == [school.id]
    assert package.released_on is not None and package.reviewed_by == "Anna Test"
    assert {(w.item_id, w.ground, w.reason) for w in package.withheld} == {
        (report.id, "protect-subject", HARM),
        (
            about_mother.id,
            "about-someone-else",
            "Dit gegeven gaat over een ander dan de betrokkene.",
        ),
    }
    assert [(t.ground, t.count) for t in package.told] == [
        ("about-someone-else", 1),
        ("protect-subject", 1),
    ]
    with pytest.raises(InvalidInput) as error:
        services.withhold_from_inspection(
            actor, request.id, item_id=school.id, ground="protect-subject", reason=HARM
        )
    assert "vrijgegeven" in error.value.errors["state"]
    with pytest.raises(InvalidInput):
        services.release_inspection(actor, request.id)


def test_art9_2_only_the_privacy_officer_or_a_supporting_caseworker_prepares_it(
    actor, partner, dossier
):
    _client, request, *_ = dossier
    colleague = actor_for(make_employee(partner, "kees"))
    with pytest.raises(NotFound):
        services.inspection_package(colleague, request.id)
    with pytest.raises(NotFound):
        services.release_inspection(colleague, request.id)
    overview = register(actor, dossier[0])
    with pytest.raises(InvalidInput) as error:
        services.inspection_package(actor, overview.id)
    assert "inzage" in error.value.errors["kind"]
