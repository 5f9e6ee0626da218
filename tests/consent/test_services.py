# SPDX-License-Identifier: EUPL-1.2
"""The consent registry through the gate: informing (art4.1), consent per scope (art4.2,
art4.3), the signed form (art4.4), withdrawal (art4.5) and who may decide (art10).
"""

from __future__ import annotations

import datetime

import pytest

from tests.conftest import make_employee, make_partner
from tests.consent.conftest import ORGANISATIONS, relate, signed_pdf
from zorgvuldig.consent.models import (
    AppendOnlyError,
    ConsentDecision,
    ConsentDocument,
    Informing,
)
from zorgvuldig.core.errors import InvalidInput, ProcessingRefused
from zorgvuldig.dossier.models import Annotation
from zorgvuldig.gate import services
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


FEB = datetime.date(2024, 2, 1)


MAR = datetime.date(2024, 3, 1)


APR = datetime.date(2024, 4, 1)


def rows() -> tuple[int, int, int, int]:
    return (
        Informing.objects.count(),
        ConsentDecision.objects.count(),
        ConsentDocument.objects.count(),
        Annotation.objects.count(),
    )


def give(actor, client_id, scope="record-request", state="given", day=FEB, **kwargs):
    return services.record_consent(
        actor,
        client_id,
        scope=scope,
        state=state,
        decided_on=day,
        purpose="support-provision",
        **kwargs,
    )


def test_art4_1_informing_names_the_organisations_and_is_noted_in_the_dossier(actor, adult):
    view = services.record_informing(
        actor,
        adult.id,
        organisations=[*ORGANISATIONS, " Gemeente Utrechtse Heuvelrug "],
        informed_on=FEB,
        how="letter",
        purpose="intake",
        note="Ook de meldcode besproken.",
    )
    assert view.organisations == tuple(ORGANISATIONS)
    assert (view.how, view.informed_on, view.recorded_by) == ("letter", FEB, "Anna Test")
    overview = services.consent_overview(actor, adult.id, purpose="support-provision")
    assert overview.informed
    assert overview.informings == (view,)
    note = Annotation.objects.get(article="art4.1")
    assert "Huisartsenpraktijk De Brink" in note.text and "per brief" in note.text
    assert LogRecord.objects.filter(name="informeren-vastleggen", decision="allowed").exists()


@pytest.mark.parametrize(
    ("organisations", "says"),
    [
        ([], "zo concreet mogelijk"),
        (["  "], "zo concreet mogelijk"),
        (["alle partners"], "niet concreet"),
        ("Gemeente", "lijst"),
        (["x" * 201], "Maximaal 200"),
    ],
)
def test_art4_1_informing_without_concrete_organisations_is_refused_and_writes_nothing(
    actor, adult, organisations, says
):
    before, records = rows(), LogRecord.objects.count()
    with pytest.raises(InvalidInput) as error:
        services.record_informing(
            actor,
            adult.id,
            organisations=organisations,
            informed_on=FEB,
            how="conversation",
            purpose="intake",
        )
    assert says in error.value.errors["organisations"]
    assert rows() == before
    assert LogRecord.objects.count() == records


def test_art4_1_informing_in_the_future_or_in_an_unknown_way_is_refused(actor, adult):
    with pytest.raises(InvalidInput) as error:
        services.record_informing(
            actor,
            adult.id,
            organisations=ORGANISATIONS,
            informed_on=datetime.date(2999, 1, 1),
            how="conversation",
            purpose="intake",
        )
    assert "toekomst" in error.value.errors["informedOn"]
    with pytest.raises(InvalidInput) as error:
        services.record_informing(
            actor,
            adult.id,
            organisations=ORGANISATIONS,
            informed_on=FEB,
            how="telepathy",
            purpose="intake",
        )
    assert "kies uit" in error.value.errors["how"]
    assert rows()[0] == 0


def test_art4_2_consent_to_record_and_request_is_noted_in_the_dossier(actor, informed):
    view = give(actor, informed.id)
    assert (view.scope, view.state, view.given_by, view.given_by_role) == (
        "record-request",
        "given",
        "Fatma Yılmaz",
        "client",
    )
    assert view.categories is None and view.recipients is None and not view.written
    note = Annotation.objects.get(article="art4.2")
    assert note.text.startswith("Toestemming voor vastleggen en opvragen gegeven door de cliënt")
    (in_force,) = services.consent_overview(actor, informed.id, purpose="assessment").in_force
    assert in_force.id == view.id


def test_art4_2_a_refusal_is_noted_too(actor, informed):
    view = give(actor, informed.id, state="refused")
    assert view.state == "refused"
    assert "geweigerd" in Annotation.objects.get(article="art4.2").text


def test_art4_3_consent_to_share_can_be_narrowed_to_categories_and_recipients(actor, informed):
    housing = make_partner("Woningcorporatie Heuvelrug Wonen")
    view = give(
        actor,
        informed.id,
        scope="share",
        categories=["contact", "housing", "contact"],
        recipients=[str(housing.id)],
    )
    assert view.categories == ("contact", "housing")
    assert (view.recipients, view.recipient_names) == ((str(housing.id),), (housing.name,))
    assert "Heuvelrug Wonen" in Annotation.objects.get(article="art4.3").text


@pytest.mark.parametrize(
    ("overrides", "field", "says"),
    [
        ({"scope": "everything"}, "scope", "kies uit"),
        ({"state": "maybe"}, "state", "kies uit"),
        ({"state": "withdrawn"}, "state", "intrekking"),
        ({"state": "not-asked"}, "state", "kies uit"),
        ({"categories": []}, "categories", "ten minste één"),
        ({"categories": ["gossip"]}, "categories", "kies uit"),
        ({"recipients": ["7a1c0e9e-3f1b-4c55-9a5e-0d6a8f3b2c11"]}, "recipients", "alleen bij"),
        (
            {"scope": "share", "recipients": ["7a1c0e9e-3f1b-4c55-9a5e-0d6a8f3b2c11"]},
            "recipients",
            "geen bekende partner",
        ),
        ({"scope": "share", "recipients": ["nope"]}, "recipients", "Geen geldige"),
        ({"scope": "share", "recipients": []}, "recipients", "ten minste één"),
        ({"day": datetime.date(2999, 1, 1)}, "decidedOn", "toekomst"),
        ({"day": "2024-02-01"}, "decidedOn", "JJJJ-MM-DD"),
        ({"note": "x" * 2001}, "note", "Maximaal"),
    ],
)
def test_bad_consent_input_is_refused_naming_the_field_and_nothing_written(
    actor, informed, overrides, field, says
):
    before, records = rows(), LogRecord.objects.count()
    with pytest.raises(InvalidInput) as error:
        give(actor, informed.id, **overrides)
    assert says in error.value.errors[field], error.value.errors
    assert rows() == before
    assert LogRecord.objects.count() == records


def test_own_partner_is_no_recipient(actor, caseworker, informed):
    with pytest.raises(InvalidInput) as error:
        give(actor, informed.id, scope="share", recipients=[str(caseworker.partner_id)])
    assert "eigen organisatie" in error.value.errors["recipients"]


def test_consent_is_recorded_only_by_who_supports_the_client(informed):
    stranger = actor_for(make_employee(make_partner("Wijkteam Zeist"), "dirk"))
    with pytest.raises(ProcessingRefused):
        give(stranger, informed.id)
    assert not ConsentDecision.objects.exists()
    assert LogRecord.objects.filter(name="toestemming-vastleggen", decision="refused").exists()


def test_art4_5_withdrawal_is_in_force_and_earlier_decisions_stay_as_they_were(actor, informed):
    given = give(actor, informed.id, scope="share", day=FEB)
    withdrawn = services.withdraw_consent(
        actor,
        informed.id,
        scope="share",
        decided_on=MAR,
        purpose="support-provision",
        note="Telefonisch.",
    )
    assert withdrawn.state == "withdrawn"
    overview = services.consent_overview(actor, informed.id, purpose="support-provision")
    assert [d.id for d in overview.in_force] == [withdrawn.id]
    assert [d.id for d in overview.history] == [withdrawn.id, given.id]
    assert overview.history[1] == given  # unchanged
    assert ConsentDecision.objects.get(id=given.id).state == "given"
    assert Annotation.objects.filter(article="art4.5").count() == 1


def test_art4_5_withdrawing_what_was_never_given_is_invalid(actor, informed):
    give(actor, informed.id, scope="share", state="refused")
    before = rows()
    with pytest.raises(InvalidInput) as error:
        services.withdraw_consent(
            actor, informed.id, scope="share", decided_on=MAR, purpose="support-provision"
        )
    assert "geen gegeven toestemming" in error.value.errors["scope"]
    assert rows() == before


def test_art4_5_part_of_a_consent_can_be_withdrawn(actor, informed):
    give(actor, informed.id, scope="share", day=FEB)
    services.withdraw_consent(
        actor,
        informed.id,
        scope="share",
        categories=["health"],
        decided_on=MAR,
        purpose="support-provision",
    )
    overview = services.consent_overview(actor, informed.id, purpose="support-provision")
    assert [(d.state, d.categories) for d in overview.in_force] == [
        ("given", None),
        ("withdrawn", ("health",)),
    ]


def test_art4_5_registry_records_are_never_changed_or_deleted(actor, informed):
    view = give(actor, informed.id, document=signed_pdf())
    decision = ConsentDecision.objects.get(id=view.id)
    decision.state = "refused"
    with pytest.raises(AppendOnlyError):
        decision.save()
    with pytest.raises(AppendOnlyError):
        decision.delete()
    with pytest.raises(AppendOnlyError):
        ConsentDecision.objects.filter(id=view.id).update(state="refused")
    with pytest.raises(AppendOnlyError):
        ConsentDocument.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        Informing.objects.all().delete()
    assert ConsentDecision.objects.get(id=view.id).state == "given"


def test_art10_1_a_client_under_12_does_not_decide_alone(actor, minor, parent):
    before = rows()
    with pytest.raises(InvalidInput) as error:
        give(actor, minor.id)  # Sanne is 11 on 1 February 2024
    assert "Onder de 12 jaar" in error.value.errors["givenBySubjectId"]
    assert rows() == before
    view = give(actor, minor.id, given_by_subject_id=parent.id)
    assert (view.given_by, view.given_by_role, view.co_signed_by) == (
        "Marieke de Vries",
        "parent",
        (),
    )
    assert "een ouder op" in Annotation.objects.get(article="art4.2").text


def test_art10_1_a_14_year_old_consents_with_the_representative_and_both_sign(actor, minor, parent):
    today = datetime.date.today()  # Sanne, born 17 May 2012, is 14
    before = rows()
    for alone in (
        {},
        {"given_by_subject_id": parent.id},
        {"signed_by_subject_ids": [minor.subject.id]},
    ):
        with pytest.raises(InvalidInput) as error:
            give(actor, minor.id, day=today, **alone)
        assert "beiden tekenen" in error.value.errors["signedBySubjectIds"], alone
    assert rows() == before
    view = give(
        actor,
        minor.id,
        day=today,
        given_by_subject_id=parent.id,
        signed_by_subject_ids=[minor.subject.id],
    )
    assert (view.given_by, view.co_signed_by) == ("Marieke de Vries", ("Sanne de Vries",))
    assert "een ouder samen met Sanne de Vries" in Annotation.objects.get(article="art4.2").text
    stranger = relate(minor.id, "sibling", given_names="Tim", birth_date=datetime.date(2015, 1, 1))
    with pytest.raises(InvalidInput) as error:
        services.withdraw_consent(
            actor,
            minor.id,
            scope="record-request",
            decided_on=today,
            purpose="support-provision",
            given_by_subject_id=stranger.id,
            signed_by_subject_ids=[minor.subject.id],
        )
    assert "wettelijk vertegenwoordiger" in error.value.errors["givenBySubjectId"]
    overview = services.consent_overview(actor, minor.id, purpose="support-provision")
    assert overview.representative_required and "beiden tekenen" in overview.who_signs


def test_art10_1_for_a_client_under_16_a_sibling_or_stranger_does_not_decide(actor, minor, adult):
    sibling = relate(minor.id, "sibling", given_names="Tim")
    with pytest.raises(InvalidInput) as error:
        give(actor, minor.id, given_by_subject_id=sibling.id)
    assert "wettelijk vertegenwoordiger" in error.value.errors["givenBySubjectId"]
    with pytest.raises(InvalidInput) as error:
        give(actor, minor.id, given_by_subject_id=adult.subject.id)
    assert "geen betrokkene" in error.value.errors["givenBySubjectId"]
    with pytest.raises(InvalidInput) as error:
        give(actor, minor.id, given_by_subject_id="not-a-uuid")
    assert "givenBySubjectId" in error.value.errors
    with pytest.raises(InvalidInput) as error:
        give(actor, minor.id, given_by_subject_id=sibling.id, signed_by_subject_ids=["x"])
    assert "signedBySubjectIds" in error.value.errors
    assert not ConsentDecision.objects.exists()


def test_art10_2_a_representative_decides_for_an_adult_only_when_judged_unable(actor, informed):
    curator = relate(informed.id, "curator", given_names="Hans")
    parent = relate(informed.id, "parent", given_names="Ayşe", birth_date=datetime.date(1950, 1, 1))
    with pytest.raises(InvalidInput) as error:
        give(actor, informed.id, given_by_subject_id=curator.id, note="Onder curatele.")
    assert "art. 10 lid 1" in error.value.errors["givenBySubjectId"]
    services.judge_incapacity(
        actor,
        informed.id,
        judged_on=FEB - datetime.timedelta(days=1),
        reason="Onder curatele; kan de gevolgen niet overzien.",
    )
    view = give(actor, informed.id, given_by_subject_id=curator.id)
    assert view.given_by_role == "curator"
    # the curator's tier comes first: a parent does not decide while a curator is recorded
    with pytest.raises(InvalidInput) as error:
        give(actor, informed.id, given_by_subject_id=parent.id, note="Moeder beslist.")
    assert "art. 10 lid 2" in error.value.errors["givenBySubjectId"]
    # and the client, judged unable, no longer decides alone
    with pytest.raises(InvalidInput):
        give(actor, informed.id, scope="share")


def test_art10_3_a_representative_the_partner_limited_does_not_decide_on_consent(
    actor, minor, parent
):
    guardian = relate(minor.id, "guardian", given_names="Joost")
    services.record_representative_stance(
        actor,
        minor.id,
        parent.id,
        kind="limited",
        reason="Zwaarwegend belang van Sanne: de moeder mag niet namens haar beslissen.",
    )
    today, with_sanne = datetime.date.today(), [minor.subject.id]
    before = rows()
    with pytest.raises(InvalidInput) as error:
        give(
            actor,
            minor.id,
            day=today,
            given_by_subject_id=parent.id,
            signed_by_subject_ids=with_sanne,
        )
    assert "givenBySubjectId" in error.value.errors
    assert rows() == before
    view = give(
        actor,
        minor.id,
        day=today,
        given_by_subject_id=guardian.id,
        signed_by_subject_ids=with_sanne,
    )
    assert view.given_by_role == "guardian"
    # on a day before the partner limited her, the mother still decided (art10: on the day)
    assert give(actor, minor.id, scope="share", given_by_subject_id=parent.id).given_by_role == (
        "parent"
    )
    overview = services.consent_overview(actor, minor.id, purpose="support-provision")
    assert overview.representative_required


def test_a_person_who_is_parent_and_legal_representative_decides_as_representative(
    actor, minor, parent
):
    from zorgvuldig.clients.models import Relation

    Relation.objects.create(
        subject_id=minor.subject.id, related=parent, kind="legal-representative"
    )
    view = give(actor, minor.id, given_by_subject_id=parent.id)
    assert view.given_by_role == "legal-representative"
    representatives = services.consent_overview(
        actor, minor.id, purpose="support-provision"
    ).representatives
    assert [(r.full_name, r.kind) for r in representatives] == [
        ("Marieke de Vries", "legal-representative")
    ]


def test_art4_5_a_withdrawal_refuses_every_processing_after_it(actor, informed):
    """Through the whole gate: with consent a data item is recorded; after the withdrawal the
    same processing is refused (and logged), while the earlier item stays."""

    def record_contact():
        return services.record_item(
            actor,
            informed.id,
            category="contact",
            label="Telefoon",
            value="06 12345678",
            source="de cliënt",
            method="conversation",
            obtained_on=FEB,
            purpose="assessment",
        )

    give(actor, informed.id)
    item = record_contact()
    services.withdraw_consent(
        actor,
        informed.id,
        scope="record-request",
        decided_on=datetime.date.today(),
        purpose="assessment",
    )
    with pytest.raises(ProcessingRefused):
        record_contact()
    assert LogRecord.objects.filter(name="gegeven-vastleggen", decision="refused").exists()
    (kept,) = services.consent_overview(actor, informed.id, purpose="assessment").history[1:]
    assert kept.state == "given"
    from zorgvuldig.dossier.models import DataItem

    assert list(DataItem.objects.values_list("id", flat=True)) == [item.id]
