# SPDX-License-Identifier: EUPL-1.2
"""The register of incidents and breaches through the gate (art3.2f; art3.2g with AVG art. 33
and 34): any employee reports, the municipality is told at once and sees the course and the
counts, the partner's privacy officer handles: awareness starts the 72 hours, the notification
comes in phases, the clients affected are found in the processing log, the data subjects are
told or not with the reasons, and closing needs the measures."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from tests import factories
from tests.conftest import (
    inform_and_consent,
    make_employee,
    make_partner,
    representative_of,
)
from tests.incidents.conftest import ago, report
from zorgvuldig.core.errors import InvalidInput, NotAllowed, NotFound
from zorgvuldig.gate import services
from zorgvuldig.gate.services.incidents import municipality as notices
from zorgvuldig.incidents.models import (
    AffectedClient,
    AppendOnlyError,
    DetachedClient,
    Incident,
    IncidentNotice,
    LogSearch,
    NotificationPhase,
    SubjectDecision,
    SubjectLetter,
)
from zorgvuldig.partners.models import ProtocolCommitment, Role
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db

MAIL_TASK = "zorgvuldig.gate.services.incidents.municipality.mail_notice"


def written() -> dict[str, int]:
    """Rows of the register, the log and the task queue: "nothing written" is no change."""
    return {
        model.__name__: model.objects.count()
        for model in (
            Incident,
            NotificationPhase,
            AffectedClient,
            LogSearch,
            SubjectDecision,
            SubjectLetter,
            IncidentNotice,
            LogRecord,
            DBTaskResult,
        )
    }


def refused_with(call, field: str, *words: str) -> InvalidInput:
    """``call()`` is bad input on ``field``, in Dutch, and writes nothing."""
    before = written()
    with pytest.raises(InvalidInput) as raised:
        call()
    assert field in raised.value.errors, raised.value.errors
    for word in words:
        assert word in raised.value.errors[field]
    assert written() == before
    return raised.value


def run_mail_tasks() -> list[str]:
    done = []
    for row in DBTaskResult.objects.filter(task_path=MAIL_TASK).order_by("enqueued_at"):
        done.append(notices.mail_notice.call(*row.args_kwargs["args"]))
        row.delete()
    return done


def notify(officer, incident, kind="provisional", hours_ago=1.0, **extra):
    return services.record_notification(
        officer, incident.id, kind=kind, reported_at=ago(hours_ago), **extra
    )


# -- reporting, and the municipality told at once (art3.2f) ---------------------------------


def test_art3_2f_any_employee_reports_an_incident_and_the_municipality_is_told_at_once(
    actor, officer, municipality
):
    found = report(actor)
    assert (found.number, found.state, found.partner) == (1, "reported", "Jeugdteam Heuvelrug")
    assert found.reported_by == "Anna Test" and found.clock.state == "not-started"
    # the municipality's and the partner's privacy officers, not the reporter, not Henk
    told = {n.employee.user.username for n in IncidentNotice.objects.all()}
    assert told == {"gerda", "pim"}
    assert run_mail_tasks() == ["sent", "sent"]
    assert run_mail_tasks() == []  # nothing twice
    letters = {m.to[0]: m for m in mail.outbox}
    assert set(letters) == {"gerda@heuvelrug.example", "pim@jeugd.example"}
    gerda = letters["gerda@heuvelrug.example"]
    assert f"/incidenten/{found.id}/" in gerda.body
    assert "Jeugdteam Heuvelrug" in gerda.subject and "Incident 1 " in gerda.subject
    # no personal data: not what happened, nor the reporter
    assert "verkeerd adres" not in gerda.body and "Anna" not in gerda.body
    assert all(n.sent_at for n in IncidentNotice.objects.all())
    # and it is in the municipality's register at once, with its counts
    line = services.incident_register(municipality)[0]
    assert (line.id, line.partner, line.state, line.clients_affected) == (
        found.id,
        "Jeugdteam Heuvelrug",
        "reported",
        0,
    )


def test_art3_2f_a_failed_e_mail_is_tried_again(actor, officer, municipality, settings):
    settings.EMAIL_BACKEND = "tests.incidents.test_services.FailingBackend"
    report(actor)
    assert set(run_mail_tasks()) == {"retry scheduled"}
    assert {n.attempts for n in IncidentNotice.objects.all()} == {1}
    assert all(n.last_error == "the mail server is down" for n in IncidentNotice.objects.all())


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("the mail server is down")


def test_art3_2f_the_municipality_sees_the_course_and_the_counts_but_not_the_clients(
    officer, municipality, breach, client_dossier
):
    services.add_affected_client(officer, breach.id, client_dossier.id)
    notify(officer, breach)
    seen = services.incident(municipality, breach.id)
    assert not seen.handled and seen.affected == () and seen.clients_affected == 1
    assert [p.kind for p in seen.phases] == ["provisional"]
    assert seen.summary.startswith("Een brief")
    handled = services.incident(officer, breach.id)
    assert handled.handled and [a.client_name for a in handled.affected] == ["Sanne de Vries"]
    # the answers for the AP name the partner's privacy officer, also when the municipality reads
    answers = {a.key: a.answer for a in services.notification_answers(municipality, breach.id)}
    assert answers["contact"] == "Pim Test (privacy officer), pim@jeugd.example"
    # the municipality does not handle another partner's incident
    with pytest.raises(NotAllowed, match="Alleen de privacy officer van Jeugdteam Heuvelrug"):
        services.update_incident(municipality, breach.id, measures="Niets")
    with pytest.raises(NotAllowed):
        services.incident_letter_pdf(municipality, breach.id, 1)


def test_art3_2f_reading_the_incident_is_logged_for_its_clients_only_by_its_handler(
    officer, municipality, breach, client_dossier
):
    services.add_affected_client(officer, breach.id, client_dossier.id)
    sanne = subject_pseudonym(str(client_dossier.subject.id))
    before = LogRecord.objects.filter(name="incident-raadplegen").count()
    services.incident(municipality, breach.id)  # counts: nobody's data
    assert LogRecord.objects.filter(name="incident-raadplegen").count() == before
    services.incident(officer, breach.id)
    record = LogRecord.objects.filter(name="incident-raadplegen").last()
    assert (record.subject_pseudonym, record.decision, record.articles) == (
        sanne,
        "allowed",
        "art3.2f",
    )


def test_art3_2f_another_partner_finds_no_incident_and_the_attempt_is_logged(
    officer, breach, client_dossier
):
    services.add_affected_client(officer, breach.id, client_dossier.id)
    elsewhere = make_partner("Wmo Leersum")
    olga = actor_for(make_employee(elsewhere, "olga", role=Role.PRIVACY_OFFICER))
    with pytest.raises(NotFound, match="Dit incident bestaat niet"):
        services.incident(olga, breach.id)
    refused = LogRecord.objects.filter(name="incident-raadplegen", decision="refused").get()
    assert refused.actor_id == str(olga.employee_id) and refused.articles == "art3.2c"
    assert services.incident_register(olga) == []


def test_art3_2f_only_the_privacy_officer_handles_an_incident(actor, reported):
    with pytest.raises(NotAllowed, match="Alleen de privacy officer"):
        services.incident_register(actor)
    with pytest.raises(NotAllowed):
        services.record_awareness(actor, reported.id, aware_at=ago(1), reason="Zeker")


# -- awareness and the 72 hours (art3.2g; AVG art. 33(1)) -----------------------------------


def test_art3_2g_the_72_hours_run_from_awareness_with_the_time_left(officer, breach):
    assert breach.state == "breach" and breach.aware_by == "Pim Test"
    assert breach.clock.state == "running" and breach.clock.hours == 72
    assert breach.clock.deadline == breach.aware_at + datetime.timedelta(hours=72)
    assert 69.9 * 3600 < breach.clock.seconds_left <= 70 * 3600
    line = services.incident_register(officer)[0]
    assert line.clock.state == "running" and line.notification == ""


def test_art3_2g_past_72_hours_the_incident_is_overdue(officer, reported):
    services.update_incident(officer, reported.id, discovered_at=ago(80), started_at=ago(90))
    late = services.record_awareness(officer, reported.id, aware_at=ago(75), reason="Bevestigd")
    assert late.clock.state == "overdue" and late.clock.seconds_left < -2.9 * 3600
    assert services.incident_register(officer)[0].clock.state == "overdue"


def test_art3_2g_the_2015_version_still_needs_the_notification_within_72_hours(officer, breach):
    """The fixtures' partner is bound to the 2015 text, which names no hours (the Wbp)."""
    assert ProtocolCommitment.objects.get(partner__name="Jeugdteam Heuvelrug").protocol_version == (
        "regio-utrecht-zuidoost-2015"
    )
    assert breach.protocol_version == "regio-utrecht-zuidoost-2015"
    assert breach.clock.hours == 72 and breach.clock.state == "running"


def test_art3_2g_awareness_is_recorded_once_with_who_and_why(officer, breach):
    refused_with(
        lambda: services.record_awareness(officer, breach.id, aware_at=ago(1), reason="Nog eens"),
        "awareAt",
        "al vastgelegd",
    )
    assert breach.aware_reason.startswith("De ontvanger belde")


# -- the notification in phases (AVG art. 33) -----------------------------------------------


def test_art3_2g_the_notification_comes_in_phases_each_kept(officer, breach):
    first = notify(officer, breach, hours_ago=1.5, ap_reference="AP-2026-1234")
    assert first.clock.state == "in-time" and not first.phases[0].late
    notify(officer, breach, "supplemented", hours_ago=1, note="Aantal bekend: 1 persoon")
    notify(officer, breach, "final", hours_ago=0.5, note="Afgerond")
    done = notify(
        officer, breach, "withdrawn", hours_ago=0.1, note="Geen datalek: brief kwam terug"
    )
    assert [p.kind for p in done.phases] == ["provisional", "supplemented", "final", "withdrawn"]
    assert services.incident_register(officer)[0].notification == "withdrawn"
    kept = NotificationPhase.objects.order_by("reported_at")
    answers = json.loads(kept[0].answers)
    assert answers[0] == ["Naam van de organisatie", "Jeugdteam Heuvelrug"]
    assert json.loads(kept[1].answers)[4] == ["Meldnummer van de eerdere melding", "AP-2026-1234"]
    with pytest.raises(AppendOnlyError):
        NotificationPhase.objects.update(note="anders")
    phase = kept[0]
    phase.note = "anders"
    with pytest.raises(AppendOnlyError):
        phase.save()
    with pytest.raises(AppendOnlyError):
        phase.delete()


@pytest.mark.parametrize(
    ("earlier", "kind", "words"),
    [
        ((), "supplemented", "Een eerste melding is voorlopig of meteen definitief"),
        ((), "withdrawn", "Een eerste melding"),
        (("provisional",), "provisional", "Er is al gemeld"),
        (("final",), "supplemented", "alleen nog worden ingetrokken"),
        (("provisional", "withdrawn"), "final", "ingetrokken; daarna volgt niets meer"),
    ],
)
def test_art3_2g_the_phases_follow_their_order(officer, breach, earlier, kind, words):
    for previous in earlier:
        notify(officer, breach, previous, hours_ago=1, note="eerder")
    refused_with(lambda: notify(officer, breach, kind, hours_ago=0.5, note="x"), "kind", words)


def test_art3_2g_a_withdrawal_says_why(officer, breach):
    notify(officer, breach)
    refused_with(lambda: notify(officer, breach, "withdrawn", hours_ago=0.5), "note", "waarom")


def test_art3_2g_a_notification_after_72_hours_needs_the_reasons_for_the_delay(officer, reported):
    services.update_incident(officer, reported.id, discovered_at=ago(100), started_at=ago(110))
    services.record_awareness(officer, reported.id, aware_at=ago(90), reason="Bevestigd")
    refused_with(lambda: notify(officer, reported, hours_ago=1), "delayReasons", "later dan 72 uur")
    late = notify(officer, reported, hours_ago=1, delay_reasons="De FG was met verlof.")
    assert late.clock.state == "late" and late.phases[0].late
    assert late.phases[0].delay_reasons == "De FG was met verlof."
    answers = services.notification_answers(officer, reported.id)
    assert answers[-1].key == "delay-reasons" and answers[-1].answer == "De FG was met verlof."
    # a supplement after the hours needs no reasons of its own
    notify(officer, reported, "supplemented", hours_ago=0.5)


def test_art3_2g_a_notification_before_awareness_or_before_it_was_made_is_refused(
    officer, reported
):
    refused_with(lambda: notify(officer, reported), "awareAt", "72 uur")
    breach = services.record_awareness(officer, reported.id, aware_at=ago(2), reason="Zeker")
    refused_with(lambda: notify(officer, breach, hours_ago=2.5), "reportedAt", "vóór")
    refused_with(lambda: notify(officer, breach, hours_ago=-1), "reportedAt", "toekomst")


def test_art3_2g_a_breach_unlikely_to_harm_anyone_is_not_notified_with_reasons(officer, breach):
    refused_with(lambda: services.exempt_notification(officer, breach.id, reason=" "), "reason")
    exempt = services.exempt_notification(
        officer, breach.id, reason="Versleutelde usb-stick, sleutel niet verloren"
    )
    assert exempt.clock.state == "not-required" and exempt.exempt_reason.startswith("Versleutelde")
    assert services.incident_register(officer)[0].notification == "exempt"


def test_art3_2g_the_answers_of_the_notification_form_in_its_order(officer, breach):
    services.update_incident(
        officer,
        breach.id,
        categories=["identification", "youth", "health"],
        records_affected=3,
        encrypted="no",
        consequences="De ontvanger kent nu de hulpvraag.",
        severity="medium",
        measures="Ontvanger gevraagd de brief te vernietigen.",
    )
    answers = services.notification_answers(officer, breach.id)
    keys = [a.key for a in answers]
    assert keys == [
        "organisation",
        "oin",
        "contact",
        "privacy-email",
        "summary",
        "people",
        "records",
        "nature",
        "categories",
        "special-categories",
        "consequences",
        "measures",
        "encrypted",
        "subjects-informed",
        "cross-border",
        "started-at",
        "discovered-at",
        "aware-at",
        "contained-at",
    ]
    by_key = {a.key: a for a in answers}
    assert by_key["contact"].answer == "Pim Test (privacy officer), pim@jeugd.example"
    assert by_key["people"].answer == "ongeveer 1 persoon"
    assert by_key["categories"].answer == "Identificatiegegevens; Jeugd"
    assert by_key["special-categories"].answer == "Gezondheid (medische gegevens)"
    assert by_key["consequences"].answer.endswith("(ernst: gemiddeld)")
    assert by_key["encrypted"].answer == "Nee"
    assert by_key["subjects-informed"].answer == "Daarover is nog niet besloten"
    assert by_key["nature"].question == "Wat is er gebeurd? (de aard van het datalek)"
    assert " om " in by_key["aware-at"].answer  # "2 december 2026 om 14:05"


# -- bad input: a clear error on its field, nothing written ----------------------------------


def test_art3_2f_a_report_without_a_discovery_time_is_refused(actor, officer, municipality):
    refused_with(lambda: report(actor, discovered_at=None), "discoveredAt", "tijdstip", "ontdekt")


def test_art3_2f_a_time_in_the_future_or_without_its_zone_is_refused(actor, officer, municipality):
    refused_with(lambda: report(actor, discovered_at=ago(-2)), "discoveredAt", "toekomst")
    naive = datetime.datetime(2026, 1, 5, 9, 30)
    refused_with(lambda: report(actor, discovered_at=naive), "discoveredAt", "tijdzone")
    refused_with(lambda: report(actor, discovered_at="gisteren"), "discoveredAt", "geldig tijdstip")
    refused_with(lambda: report(actor, started_at=ago(1)), "startedAt", "niet na")


def test_art3_2f_an_unknown_nature_or_category_is_refused(actor, officer, municipality):
    refused_with(lambda: report(actor, nature="datalek"), "nature", "Onbekende aard", "hacking")
    refused_with(lambda: report(actor, nature="other"), "natureOther", "anders")
    refused_with(lambda: report(actor, categories=["helth"]), "categories", "'helth'", "health")
    error = refused_with(lambda: report(actor, nature="x", summary=""), "nature")
    assert "summary" in error.errors  # every wrong field at once


def test_art3_2g_an_awareness_time_before_the_discovery_is_refused(officer, reported):
    refused_with(
        lambda: services.record_awareness(officer, reported.id, aware_at=ago(4), reason="Zeker"),
        "awareAt",
        "vóór het incident werd ontdekt",
    )
    refused_with(
        lambda: services.record_awareness(officer, reported.id, aware_at=None, reason="Zeker"),
        "awareAt",
        "72 uur",
    )
    refused_with(
        lambda: services.update_incident(officer, reported.id, discovered_at=ago(-1)),
        "discoveredAt",
        "toekomst",
    )


def test_art3_2g_changing_the_discovery_after_the_awareness_is_refused(officer, breach):
    refused_with(
        lambda: services.update_incident(officer, breach.id, discovered_at=ago(1)),
        "discoveredAt",
        "bewust",
    )
    refused_with(
        lambda: services.update_incident(officer, breach.id, contained_at=ago(30)),
        "containedAt",
        "voordat het begon",
    )
    refused_with(
        lambda: services.update_incident(officer, breach.id, people_affected=-1),
        "peopleAffected",
    )
    refused_with(lambda: services.update_incident(officer, breach.id, colour="rood"), "colour")


def test_art3_2f_closing_needs_the_measures(officer, reported):
    refused_with(lambda: services.close_incident(officer, reported.id), "measures", "maatregelen")
    closed = services.close_incident(
        officer, reported.id, measures="Geen persoonsgegevens getroffen: brief ongeopend terug."
    )
    assert closed.state == "closed" and closed.closed_by == "Pim Test"
    refused_with(
        lambda: services.update_incident(officer, reported.id, severity="low"),
        "state",
        "afgesloten",
    )


def test_art3_2g_closing_a_breach_needs_its_notification_and_the_decision_on_telling(
    officer, breach
):
    services.update_incident(officer, breach.id, measures="Ontvanger heeft de brief vernietigd.")
    error = refused_with(lambda: services.close_incident(officer, breach.id), "notification")
    assert "subjectDecision" in error.errors
    notify(officer, breach, "final")
    services.decide_subject_information(
        officer, breach.id, outcome="no-high-risk", reason="Alleen naam en adres, teruggekregen."
    )
    assert services.close_incident(officer, breach.id).state == "closed"


# -- the clients affected, from the processing log ------------------------------------------


def test_art3_2f_the_clients_affected_are_found_in_the_processing_log(
    officer, caseworker, breach, processed
):
    sanne, lars, _ = processed
    found = services.find_affected_clients(
        officer, breach.id, window_from=ago(1), window_to=ago(0), employee_id=caseworker.id
    )
    # Anna's processings name Sanne and her mother; only Sanne is a client here
    assert (found.search.found, found.search.added, found.search.unresolved) == (1, 1, 1)
    assert [a.client_name for a in found.incident.affected] == ["Sanne de Vries"]
    assert found.incident.affected[0].found_by == "log"
    # all processings of the window: Lars too, Sanne once; never the other partner's client
    everyone = services.find_affected_clients(
        officer, breach.id, window_from=ago(1), window_to=ago(0)
    )
    assert (everyone.search.found, everyone.search.added) == (2, 1)
    assert sorted(a.client_name for a in everyone.incident.affected) == [
        "Lars Jansen",
        "Sanne de Vries",
    ]
    assert len(everyone.incident.searches) == 2
    # logged for each client found, as required by art3.2f
    logged = LogRecord.objects.filter(name="incident-betrokkenen-zoeken")
    assert {r.subject_pseudonym for r in logged} == {
        subject_pseudonym(str(sanne.subject.id)),
        subject_pseudonym(str(lars.subject.id)),
    }


def test_art3_2f_the_search_narrows_to_categories_and_a_window(officer, breach, processed):
    by_category = services.find_affected_clients(
        officer, breach.id, window_from=ago(1), window_to=ago(0), categories=["youth"]
    )
    assert [a.client_name for a in by_category.incident.affected] == ["Sanne de Vries"]
    before = services.find_affected_clients(
        officer, breach.id, window_from=ago(30), window_to=ago(20)
    )
    assert (before.search.records, before.search.found) == (0, 0)


def test_art3_2f_the_clients_a_share_to_the_wrong_recipient_reached_are_found(
    actor, officer, breach, client_dossier
):
    item = factories.record(actor, client_dossier.id, category="youth", value="Groep 7")
    wrong = make_partner("Jeugdhulp Elders")
    inform_and_consent(
        actor,
        client_dossier.id,
        representative_id=representative_of(client_dossier.id),
        scopes=("share",),
    )
    services.share_items(
        actor,
        client_dossier.id,
        item_ids=[item.id],
        recipient_partner_id=wrong.id,
        purpose="support-provision",
        referral_domain="jeugd",
    )
    found = services.find_affected_clients(
        officer,
        breach.id,
        window_from=ago(1),
        window_to=ago(0),
        recipient_partner_id=wrong.id,
    )
    assert [a.client_name for a in found.incident.affected] == ["Sanne de Vries"]
    assert found.search.recipient == f"partner:{wrong.id}"
    nobody = services.find_affected_clients(
        officer,
        breach.id,
        window_from=ago(1),
        window_to=ago(0),
        recipient_partner_id=make_partner("Niemand").id,
    )
    assert nobody.search.records == 0


def test_art3_2f_a_search_with_bad_input_writes_nothing(officer, breach, processed):
    search = services.find_affected_clients
    refused_with(
        lambda: search(officer, breach.id, window_from=None, window_to=ago(0)), "windowFrom"
    )
    refused_with(
        lambda: search(officer, breach.id, window_from=ago(1), window_to=ago(2)), "windowTo", "vóór"
    )
    refused_with(
        lambda: search(officer, breach.id, window_from=ago(1), window_to=ago(0), categories=["x"]),
        "categories",
    )
    olga = make_employee(make_partner("Wmo Leersum 2"), "olga2")
    refused_with(
        lambda: search(
            officer, breach.id, window_from=ago(1), window_to=ago(0), employee_id=olga.id
        ),
        "employeeId",
        "werkt niet bij uw organisatie",
    )


def test_art3_2f_a_client_of_another_partner_is_not_attached_and_the_attempt_is_logged(
    officer, breach, processed
):
    from zorgvuldig.clients.models import Client

    olaf = Client.objects.get(subject__given_names="Olaf")
    with pytest.raises(NotFound):
        services.add_affected_client(officer, breach.id, olaf.id)
    assert AffectedClient.objects.count() == 0
    refused = LogRecord.objects.filter(name="incident-betrokkene-koppelen").get()
    assert refused.decision == "refused"


def test_art3_2f_a_client_attached_by_mistake_is_taken_off_with_why(officer, breach, processed):
    lars = processed[1]
    found = services.find_affected_clients(officer, breach.id, window_from=ago(1), window_to=ago(0))
    wrong = next(a for a in found.incident.affected if a.client_name == "Lars Jansen")
    refused_with(
        lambda: services.detach_affected_client(officer, breach.id, wrong.id, reason=" "),
        "reason",
        "niet door het incident",
    )
    with pytest.raises(NotFound):
        services.detach_affected_client(officer, breach.id, 999_999, reason="Verkeerd")
    left = services.detach_affected_client(
        officer, breach.id, wrong.id, reason="Alleen Sanne's brief ging naar het verkeerde adres."
    )
    assert [a.client_name for a in left.affected] == ["Sanne de Vries"]
    kept = DetachedClient.objects.get()
    assert (kept.pseudonym, kept.found_by) == (subject_pseudonym(str(lars.subject.id)), "log")
    with pytest.raises(AppendOnlyError):
        DetachedClient.objects.update(reason="anders")
    # a later search does not attach him again, by hand he is
    again = services.find_affected_clients(officer, breach.id, window_from=ago(1), window_to=ago(0))
    assert (again.search.found, again.search.added) == (2, 0)
    back = services.add_affected_client(officer, breach.id, lars.id)
    assert {a.client_name: a.found_by for a in back.affected} == {
        "Sanne de Vries": "log",
        "Lars Jansen": "manual",
    }


def test_art3_2f_a_client_whose_letter_went_out_stays_on_the_incident(officer, breach, letter_sent):
    affected = letter_sent
    refused_with(
        lambda: services.detach_affected_client(
            officer, breach.id, affected.id, reason="Toch niet"
        ),
        "affectedId",
        "al een brief",
    )


def test_art3_2f_a_pending_letter_goes_with_the_client_taken_off(officer, breach, client_dossier):
    services.add_affected_client(officer, breach.id, client_dossier.id)
    told = services.decide_subject_information(
        officer, breach.id, outcome="tell", reason="Hoog risico: jeugdhulp."
    )
    left = services.detach_affected_client(
        officer, breach.id, told.affected[0].id, reason="Verkeerde cliënt gekozen."
    )
    assert not left.affected
    assert not SubjectLetter.objects.exists()


# -- telling the data subjects (AVG art. 34) ------------------------------------------------


def test_art3_2g_the_decision_not_to_tell_is_kept_with_its_reasons(officer, breach, client_dossier):
    services.add_affected_client(officer, breach.id, client_dossier.id)
    refused_with(
        lambda: services.decide_subject_information(officer, breach.id, outcome="tell", reason=""),
        "reason",
        "waarom",
    )
    refused_with(
        lambda: services.decide_subject_information(
            officer, breach.id, outcome="disproportionate", reason="Te veel mensen"
        ),
        "publicNotice",
    )
    refused_with(
        lambda: services.decide_subject_information(
            officer, breach.id, outcome="unintelligible", reason="Versleuteld"
        ),
        "outcome",
        "niet (alle) versleuteld",
    )
    refused_with(
        lambda: services.decide_subject_information(
            officer, breach.id, outcome="nobody", reason="x"
        ),
        "outcome",
    )
    decided = services.decide_subject_information(
        officer, breach.id, outcome="risk-removed", reason="De ontvanger vernietigde de brief."
    )
    assert [d.outcome for d in decided.subject_decisions] == ["risk-removed"]
    assert SubjectLetter.objects.count() == 0


def test_art3_2g_told_data_subjects_each_get_a_letter_with_its_delivery(
    officer, breach, client_dossier, processed
):
    sanne, lars, _ = processed
    refused_with(
        lambda: services.decide_subject_information(
            officer, breach.id, outcome="tell", reason="Hoog risico"
        ),
        "outcome",
        "Koppel eerst",
    )
    services.add_affected_client(officer, breach.id, sanne.id)
    told = services.decide_subject_information(
        officer, breach.id, outcome="tell", reason="De brief noemt de jeugdhulp: hoog risico."
    )
    letter = told.affected[0].letter
    assert letter.status == "pending"
    pdf = services.incident_letter_pdf(officer, breach.id, letter.id)
    assert pdf.startswith(b"%PDF-")
    import io

    import pypdf

    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Sanne de Vries" in text and "Jeugdteam Heuvelrug" in text
    assert "Autoriteit Persoonsgegevens" in text
    # a client attached later gets a letter too
    later = services.add_affected_client(officer, breach.id, lars.id)
    assert all(a.letter and a.letter.status == "pending" for a in later.affected)
    refused_with(
        lambda: services.record_letter_delivery(officer, breach.id, letter.id, status="failed"),
        "note",
    )
    sent = services.record_letter_delivery(officer, breach.id, letter.id, status="sent")
    by_name = {a.client_name: a.letter for a in sent.affected}
    assert by_name["Sanne de Vries"].status == "sent" and by_name["Lars Jansen"].status == "pending"
    answers = {a.key: a.answer for a in services.notification_answers(officer, breach.id)}
    assert answers["subjects-informed"].endswith("Brieven: 2, waarvan 1 verzonden.")
    assert (
        answers["people"] == "ongeveer 1 persoon (2 cliënten bij naam bekend in het eigen register)"
    )
    assert "Sanne" not in json.dumps(answers)
    with pytest.raises(AppendOnlyError):
        SubjectDecision.objects.update(reason="anders")


def test_art3_2g_a_public_notice_instead_of_letters(officer, breach):
    decided = services.decide_subject_information(
        officer,
        breach.id,
        outcome="disproportionate",
        reason="Duizenden adressen, geen actuele contactgegevens.",
        public_notice="Bericht op heuvelrug.nl en in de Kaap, 5 december.",
    )
    assert decided.subject_decisions[-1].public_notice.startswith("Bericht op")


def test_art5_2_a_destroyed_dossier_leaves_the_incident_its_count(officer, breach, client_dossier):
    """The incident keeps the log's pseudonym of whom it affected; the destruction of the
    dossier (art5.2) takes the link to the client."""
    from zorgvuldig.clients.models import Client
    from zorgvuldig.gate.context import gate_open
    from zorgvuldig.gate.services.retention.destruction import destroy_dossiers
    from zorgvuldig.partners.models import Partner

    services.add_affected_client(officer, breach.id, client_dossier.id)
    sanne = Client.objects.select_related("subject").get(id=client_dossier.id)
    with gate_open():
        destroy_dossiers([sanne], Partner.objects.get(name="Jeugdteam Heuvelrug"))
    seen = services.incident(officer, breach.id)
    assert seen.clients_affected == 1 and seen.affected[0].client_id is None
    assert seen.affected[0].client_name == ""
    assert AffectedClient.objects.get().pseudonym == subject_pseudonym(
        str(client_dossier.subject.id)
    )
