# SPDX-License-Identifier: EUPL-1.2
"""Breaking the glass (art3.2c; decision 23): emergency access to one client outside one's
assignment, with a reason, a text and the second factor again, for a limited time, logged,
told to the privacy officer at once and reviewed by them."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from tests.conftest import app_code, app_of, make_employee, make_partner, next_bsn
from tests.emergency.conftest import break_glass, run_mail_tasks, written
from zorgvuldig.clients.models import EmergencyAccess
from zorgvuldig.core.errors import InvalidInput, NotAllowed, NotFound, ProcessingRefused
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Role
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord

pytestmark = pytest.mark.django_db


def consult(actor, client):
    return services.consult_dossier(actor, client.id, purpose="support-provision")


def refused_with(call, field: str, *words: str) -> None:
    """``call()`` is bad input on ``field``, in Dutch, and writes nothing."""
    before = written()
    with pytest.raises(InvalidInput) as raised:
        call()
    assert field in raised.value.errors, raised.value.errors
    for word in words:
        assert word in raised.value.errors[field]
    assert written() == before


def test_art3_2c_break_the_glass_opens_a_consult_of_that_one_client(
    bram, actor, client_dossier, officer
):
    with pytest.raises(ProcessingRefused) as before:
        consult(bram, client_dossier)
    assert "art3.2c" in before.value.decision.articles
    opened = break_glass(bram, client_dossier)
    assert opened.current and opened.reason == "caseworker-unreachable"
    assert opened.client_id == client_dossier.id and opened.employee == "Bram Test"
    dossier = consult(bram, client_dossier)
    assert dossier.subject.full_name == "Sanne de Vries"
    assert ("Bram Test", "emergency") in {(a.name, a.why) for a in dossier.access}
    (shown,) = [a for a in dossier.access if a.why == "emergency"]
    assert shown.until == opened.expires_at and shown.reason == "caseworker-unreachable"
    # logged through the gate: the opening, then the consult under the emergency access
    opening = LogRecord.objects.get(name="noodtoegang-openen")
    assert (opening.actor_id, opening.decision, opening.articles) == (
        str(bram.employee_id),
        "allowed",
        "art3.2c",
    )
    consulted = LogRecord.objects.filter(name="dossier-raadplegen", actor_id=str(bram.employee_id))
    assert {r.decision for r in consulted} >= {"refused", "allowed"}
    # a consult only: nothing recorded on it
    with pytest.raises(ProcessingRefused) as recording:
        services.record_item(
            bram,
            client_dossier.id,
            category="contact",
            label="Telefoon",
            value="06-1",
            source="Cliënt",
            method="conversation",
            obtained_on=datetime.date.today(),
            purpose="support-provision",
        )
    assert "alleen" in recording.value.decision.explanation


def test_art3_2c_break_the_glass_is_for_one_client_only(bram, actor, client_dossier):
    other = services.register_client(
        actor,
        bsn=next_bsn(),
        given_names="Daan",
        surname="van Leeuwen",
        birth_date=datetime.date(2010, 1, 21),
        domain="jeugd",
        legal_basis="jeugdwet",
        purpose="intake",
    )
    break_glass(bram, client_dossier)
    with pytest.raises(ProcessingRefused):
        consult(bram, other)


def test_art3_2c_break_the_glass_expires(bram, actor, client_dossier, settings):
    settings.ZORGVULDIG_EMERGENCY_ACCESS_HOURS = 1
    opened = break_glass(bram, client_dossier)
    assert opened.expires_at - opened.started_at == datetime.timedelta(hours=1)
    consult(bram, client_dossier)
    EmergencyAccess.objects.filter(id=opened.id).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    with pytest.raises(ProcessingRefused) as refused:
        consult(bram, client_dossier)
    assert "art3.2c" in refused.value.decision.articles
    assert "emergency" not in {a.why for a in consult(actor, client_dossier).access}


def test_art3_2c_break_the_glass_officer_told(bram, client_dossier, officer, partner):
    make_employee(make_partner("Elders"), "olga", role=Role.PRIVACY_OFFICER)  # not theirs
    opened = break_glass(bram, client_dossier)
    assert run_mail_tasks() == ["sent"]
    assert run_mail_tasks() == []  # once
    (letter,) = mail.outbox
    assert letter.to == ["pim@jeugd.example"]
    assert "Bram Test" in letter.body and f"/noodtoegang/{opened.id}/" in letter.body
    # no personal data of the client: not the name, not the explanation
    assert "Sanne" not in letter.body + letter.subject and "Vries" not in letter.body
    assert "verlof" not in letter.body
    assert EmergencyAccess.objects.get(id=opened.id).officers_told_at is not None


def test_art3_2c_break_the_glass_needs_a_reason(bram, client_dossier):
    refused_with(lambda: break_glass(bram, client_dossier, reason=""), "reason", "reden")
    refused_with(lambda: break_glass(bram, client_dossier, reason=None), "reason", "reden")


def test_art3_2c_break_the_glass_with_an_unknown_reason_is_refused(bram, client_dossier):
    refused_with(lambda: break_glass(bram, client_dossier, reason="curiosity"), "reason", "lijst")


def test_art3_2c_break_the_glass_needs_an_explanation(bram, client_dossier):
    refused_with(lambda: break_glass(bram, client_dossier, explanation="  "), "explanation")
    refused_with(
        lambda: break_glass(bram, client_dossier, explanation="x" * 2001), "explanation", "korter"
    )


def test_art3_2c_break_the_glass_with_a_wrong_code_writes_nothing(bram, client_dossier):
    wrong = f"{(int(app_code('bram')) + 1) % 1000000:06d}"
    refused_with(lambda: break_glass(bram, client_dossier, code=wrong), "code", "klopt niet")
    refused_with(lambda: break_glass(bram, client_dossier, code=""), "code")
    refused_with(lambda: break_glass(bram, client_dossier, code="abcdef"), "code")
    with pytest.raises(ProcessingRefused):  # and no access
        consult(bram, client_dossier)


def test_art3_2c_break_the_glass_for_a_client_of_another_partner_is_not_found(client_dossier):
    elsewhere = actor_for(make_employee(make_partner("Wmo-loket"), "wim"))
    before = written()
    with pytest.raises(NotFound) as raised:
        break_glass(elsewhere, client_dossier, username="wim")
    with pytest.raises(NotFound) as nowhere:
        services.break_glass(
            elsewhere,
            "7e57c0de-0000-4000-8000-000000000000",
            reason="danger",
            explanation="Nood.",
            code=app_code("wim"),
        )
    assert str(raised.value) == str(nowhere.value)  # confirms nothing
    assert written() == before


def test_art3_2c_break_the_glass_when_assigned_is_not_needed(actor, client_dossier):
    refused_with(
        lambda: break_glass(actor, client_dossier, username="anna"), "clientId", "al betrokken"
    )


@pytest.mark.parametrize(
    "role",
    [
        Role.ADMINISTRATOR,
        Role.INCIDENT_REPORTER,
        Role.PRIVACY_OFFICER,
        Role.DATA_PROTECTION_OFFICER,
    ],
)
def test_art3_2c_break_the_glass_only_for_a_role_in_the_support(partner, client_dossier, role):
    other = actor_for(make_employee(partner, "iris", role=role))
    before = written()
    with pytest.raises(NotAllowed):
        break_glass(other, client_dossier, username="iris")
    assert written() == before


@pytest.mark.parametrize("role", [Role.TEAM_LEAD, Role.VEILIG_THUIS_LIAISON, Role.DIRECTOR])
def test_art3_2c_break_the_glass_by_a_team_lead_liaison_or_director(partner, client_dossier, role):
    other = actor_for(make_employee(partner, "tamara", role=role))
    break_glass(other, client_dossier, username="tamara")
    assert consult(other, client_dossier).subject.full_name


def test_art3_2c_break_the_glass_blocked_while_review_overdue(
    bram, colleague, client_dossier, officer, settings
):
    settings.ZORGVULDIG_EMERGENCY_REVIEW_DAYS = 3
    opened = break_glass(bram, client_dossier)
    assert opened.review_due_on == timezone.localdate() + datetime.timedelta(days=3)
    EmergencyAccess.objects.filter(id=opened.id).update(
        expires_at=timezone.now(), review_due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    (listed,) = services.emergency_accesses(officer)
    assert listed.overdue
    before = written()
    with pytest.raises(NotAllowed) as blocked:
        break_glass(bram, client_dossier, code=app_code("bram", steps_ahead=1))
    assert "nog niet beoordeeld" in str(blocked.value)
    assert written() == before
    services.review_emergency_access(
        officer, opened.id, justified=True, note="Terecht: Anna was met verlof."
    )
    fresh_code_period(colleague)
    again = break_glass(bram, client_dossier)
    assert again.current


def fresh_code_period(employee) -> None:
    """The app's code of now is good again, whatever the test's pace: django-otp refuses a code
    of a period already used (art3.2b), and this test uses two."""
    device = app_of(employee.user)
    device.last_t = -1
    device.save(update_fields=["last_t"])


def test_art3_2c_the_privacy_officer_reviews_each_use(bram, client_dossier, officer, fg):
    opened = break_glass(bram, client_dossier)
    (listed,) = services.emergency_accesses(officer, to_review=True)
    assert (listed.id, listed.client_name, listed.explanation) == (
        opened.id,
        "Sanne de Vries",
        "Sanne belt in paniek; Anna is met verlof.",
    )
    assert LogRecord.objects.filter(name="noodtoegang-raadplegen").count() == 1
    refused_with(
        lambda: services.review_emergency_access(officer, opened.id, justified=None, note="x"),
        "justified",
    )
    refused_with(
        lambda: services.review_emergency_access(officer, opened.id, justified=False, note=""),
        "note",
    )
    # the FG sees the uses and reviews none; a caseworker sees none
    assert [u.id for u in services.emergency_accesses(fg)] == [opened.id]
    with pytest.raises(NotAllowed):
        services.review_emergency_access(fg, opened.id, justified=True, note="Goed.")
    with pytest.raises(NotAllowed):
        services.emergency_accesses(bram)
    reviewed = services.review_emergency_access(
        officer, opened.id, justified=False, note="Niet nodig: de crisisdienst was bereikbaar."
    )
    assert (reviewed.justified, reviewed.reviewed_by) == (False, "Pim Test")
    assert LogRecord.objects.get(name="noodtoegang-beoordelen").decision == "allowed"
    assert services.emergency_accesses(officer, to_review=True) == []
    refused_with(
        lambda: services.review_emergency_access(officer, opened.id, justified=True, note="x"),
        "state",
        "al beoordeeld",
    )
    # another organisation's privacy officer does not find it
    olga = actor_for(make_employee(make_partner("Elders"), "olga", role=Role.PRIVACY_OFFICER))
    with pytest.raises(NotFound):
        services.review_emergency_access(olga, opened.id, justified=True, note="x")
    assert services.emergency_accesses(olga) == []


def test_art3_2c_an_officer_who_has_not_acknowledged_reads_no_use_of_the_glass(
    bram, client_dossier, partner
):
    """The pages send such an officer to the acknowledgement first; the services (and so the
    API) refused nothing: the list and each use name the client (art3.2d, art3.2e)."""
    opened = break_glass(bram, client_dossier)
    for role in (Role.PRIVACY_OFFICER, Role.DATA_PROTECTION_OFFICER):
        reader = actor_for(make_employee(partner, f"nieuw-{role}", role=role, acknowledged=False))
        before = written()
        with pytest.raises(NotAllowed, match="niet bevestigd"):
            services.emergency_accesses(reader)
        with pytest.raises(NotAllowed, match="niet bevestigd"):
            services.emergency_access(reader, opened.id)
        assert written() == before
    officer = actor_for(
        make_employee(partner, "nieuwe-po", role=Role.PRIVACY_OFFICER, acknowledged=False)
    )
    with pytest.raises(NotAllowed):
        services.review_emergency_access(officer, opened.id, justified=True, note="Goed.")
    assert EmergencyAccess.objects.get(id=opened.id).reviewed_at is None


def test_art3_2c_who_has_not_acknowledged_breaks_no_glass(partner, client_dossier):
    other = actor_for(make_employee(partner, "iris", acknowledged=False))
    before = written()
    with pytest.raises(NotAllowed):
        break_glass(other, client_dossier, username="iris")
    assert written() == before
