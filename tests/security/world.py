# SPDX-License-Identifier: EUPL-1.2
"""The one world the authorisation matrix asks every route about (art3.2c).

Two partners, A (youth care, where the client Sanne is supported) and B (Wmo, which supports
her too, with its own trajectory and dossier). For every role of ``Role.values``, with and
without an assignment to the client's support at their own partner, with and without the
acknowledgement of the protocol in force, an employee at A and one at B. Every object a route
names by id belongs to partner A's client (or is partner A's: its destruction list, incident,
non-partner, webhook subscription, commitment), made through the gate by A's own caseworker.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from tests import factories
from tests.apiclient import token_for
from tests.conftest import (
    app_code,
    inform_and_consent,
    make_employee,
    make_partner,
    name_in_consent,
    next_bsn,
)
from tests.consent.conftest import pdf_bytes
from zorgvuldig.api.models import ApiToken
from zorgvuldig.api.scopes import AREAS
from zorgvuldig.clients.models import SupportTrajectory
from zorgvuldig.consent.documents import UploadedForm
from zorgvuldig.gate import services
from zorgvuldig.partners.models import Employee, PartnerKind, Role
from zorgvuldig.partners.services import actor_for
from zorgvuldig.webhooks.subscriptions import subscribe

A, B = "A", "B"


@dataclass(frozen=True)
class Cell:
    """One column of the matrix: who asks. ``role`` None is a partner system's service token
    (API only)."""

    role: str | None
    assigned: bool
    acknowledged: bool
    same_partner: bool  # the asker works at A, the client's partner where the ids point

    @property
    def label(self) -> str:
        if self.role is None:
            return f"service@{'A' if self.same_partner else 'B'}"
        return (
            f"{self.role}@{'A' if self.same_partner else 'B'}"
            f"/{'assigned' if self.assigned else 'unassigned'}"
            f"/{'acknowledged' if self.acknowledged else 'not-acknowledged'}"
        )


def employee_cells(roles) -> list[Cell]:
    return [
        Cell(role, assigned, acknowledged, same)
        for role in roles
        for same in (True, False)
        for assigned in (True, False)
        for acknowledged in (True, False)
    ]


@dataclass
class World:
    ids: dict[str, str] = field(default_factory=dict)  # route parameter -> value
    employees: dict[Cell, Employee] = field(default_factory=dict)
    tokens: dict[Cell, str] = field(default_factory=dict)
    other_access: dict[str, str] = field(default_factory=dict)  # scope access -> token
    secrets_of_a: tuple[str, ...] = ()  # values in A's dossier of the client, never shared


def _username(cell: Cell) -> str:
    return (
        f"m-{cell.role}-{'a' if cell.same_partner else 'b'}"
        f"-{'as' if cell.assigned else 'un'}-{'ack' if cell.acknowledged else 'no'}"
    )


def build() -> World:
    world = World()
    partner_a = make_partner("Jeugdteam A")
    partner_b = make_partner("Wmo-loket B", kind=PartnerKind.PUBLIC)
    owner = make_employee(partner_a, "eigenaar-a")
    actor = actor_for(owner)
    owner_b = actor_for(make_employee(partner_b, "eigenaar-b"))
    # the client at A, informed and with consent (her mother signs, she is 14)
    sanne = services.register_client(
        actor,
        bsn=next_bsn(),
        given_names="Sanne",
        surname="de Vries",
        birth_date=datetime.date(2012, 5, 17),
        domain="jeugd",
        legal_basis="jeugdwet",
    )
    mother = services.add_relation(
        actor,
        sanne.id,
        kind="legal-representative",
        bsn=next_bsn(),
        given_names="Marieke",
        surname="de Vries",
        birth_date=datetime.date(1984, 9, 2),
        purpose="intake",
    )
    inform_and_consent(
        actor, sanne.id, representative_id=mother.related.id, scopes=("record-request", "share")
    )
    shared = factories.record(actor, sanne.id, category="youth", value="Groep 7")
    secret = "A-geheim: gesprek op school 7f3a"
    item = factories.record(actor, sanne.id, category="youth", value=secret, label="Gesprek")
    world.secrets_of_a = (secret,)
    # B supports her too, in its own dossier
    services.register_client(
        owner_b,
        bsn=sanne.subject.bsn,
        given_names="Sanne",
        surname="de Vries",
        birth_date=sanne.subject.birth_date,
        domain="jeugd",
        legal_basis="jeugdwet",
    )
    inform_and_consent(owner_b, sanne.id, representative_id=mother.related.id)
    (trajectory_a,) = SupportTrajectory.objects.filter(client_id=sanne.id, partner=partner_a)
    (trajectory_b,) = SupportTrajectory.objects.filter(client_id=sanne.id, partner=partner_b)
    world.ids.update(
        client_id=str(sanne.id),
        item_id=str(item.id),
        trajectory_id=str(trajectory_a.id),
        partner_id=str(partner_a.id),
    )
    # the employees of every cell, assigned at their own partner's trajectory of Sanne
    for cell in employee_cells(Role.values):
        partner = partner_a if cell.same_partner else partner_b
        employee = make_employee(
            partner, _username(cell), role=cell.role, acknowledged=cell.acknowledged
        )
        if cell.assigned:
            (trajectory_a if cell.same_partner else trajectory_b).caseworkers.add(employee)
        world.employees[cell] = employee
        world.tokens[cell] = token_for(employee)
    for same, partner in ((True, partner_a), (False, partner_b)):
        world.tokens[Cell(None, False, False, same)] = ApiToken.issue(
            name="registratiesysteem", partner=partner, service="registratie", scopes=["all"]
        )[1]
    # a token of A's own caseworker that holds every area, but only the other access: the
    # scope refusal comes before anything is read (decision 20)
    for access in ("read", "write"):
        world.other_access[access] = ApiToken.issue(
            name=f"alleen {access}",
            partner=partner_a,
            employee=owner,
            scopes=[f"{area}:{access}" for area in AREAS],
        )[1]
    _objects(world, actor, owner_b, partner_a, partner_b, sanne, mother.related.id, shared)
    return world


def _objects(world, actor, owner_b, partner_a, partner_b, sanne, mother_id, shared) -> None:
    """Every other object a route names, partner A's, made by its own people."""
    today = timezone.localdate()
    officer = actor_for(make_employee(partner_a, "fg-a", role=Role.PRIVACY_OFFICER))
    ids = world.ids
    ids["commitment_id"] = str(partner_a.commitments.get().id)
    consent = services.record_consent(
        actor,
        sanne.id,
        scope="record-request",
        state="given",
        decided_on=today,
        purpose="intake",
        given_by_subject_id=mother_id,
        signed_by_subject_ids=[sanne.subject.id],
        document=UploadedForm("toestemming.pdf", "application/pdf", pdf_bytes()),
    )
    ids["document_id"] = str(consent.document.id)
    case = services.open_safety_case(
        actor, sanne.id, signals="Blauwe plekken gezien.", taken_on=today
    )
    ids["case_id"] = ids["safety_case_id"] = str(case.id)
    household = services.create_household(
        actor, sanne.id, name="Huishouden De Vries", director_id=actor.employee_id, plan="Plan"
    )
    ids["household_id"] = str(household.id)
    non_partner = services.register_non_partner(actor, name="Oma de Vries", kind="family")
    ids["non_partner_id"] = str(non_partner.id)
    # B shares an item of its own dossier with A: A's received share
    name_in_consent(owner_b, sanne.id, partner_a.id)
    from_b = factories.record(owner_b, sanne.id, category="youth", value="Wmo-indicatie")
    services.share_items(
        owner_b,
        sanne.id,
        item_ids=[from_b.id],
        recipient_partner_id=partner_a.id,
        purpose="support-provision",
    )
    (received,) = services.received_shares(actor, purpose="support-provision")
    ids["share_id"] = ids["received_share_id"] = str(received.id)
    # Daan, supported at B only, referred by B to A (youth): waiting in A's intake queue
    daan = services.register_client(
        owner_b,
        bsn=next_bsn(),
        given_names="Daan",
        surname="Jansen",
        birth_date=datetime.date(1990, 1, 1),
        domain="zorg",
        legal_basis="wmo-2015",
    )
    inform_and_consent(owner_b, daan.id, scopes=("record-request",))
    name_in_consent(owner_b, daan.id, partner_a.id, minor=False)
    daan_item = factories.record(owner_b, daan.id, category="contact", value="06-1")
    services.share_items(
        owner_b,
        daan.id,
        item_ids=[daan_item.id],
        recipient_partner_id=partner_a.id,
        purpose="support-provision",
        referral_domain="jeugd",
    )
    ids["referred_client_id"] = str(daan.id)
    ids["domain"] = "jeugd"
    ids["extension"] = "json"  # the resident's overview download (decision 25)
    # requests of data subjects: an open overview; a correction carried out after A shared
    # the item with B, with its notice to B waiting
    request = services.register_request(
        actor,
        sanne.id,
        kind="overview",
        requested_by_subject_id=mother_id,
        signed_by_subject_ids=[sanne.subject.id],
        identity_method="in-person",
        received_on=today,
    )
    ids["request_id"] = str(request.id)
    inspection = services.register_request(
        actor,
        sanne.id,
        kind="inspection",
        requested_by_subject_id=mother_id,
        signed_by_subject_ids=[sanne.subject.id],
        identity_method="in-person",
        received_on=today,
    )
    ids["inspection_request_id"] = str(inspection.id)
    name_in_consent(actor, sanne.id, partner_b.id)
    services.share_items(
        actor,
        sanne.id,
        item_ids=[shared.id],
        recipient_partner_id=partner_b.id,
        purpose="support-provision",
    )
    correction = services.register_request(
        actor,
        sanne.id,
        kind="correction",
        requested_by_subject_id=mother_id,
        signed_by_subject_ids=[sanne.subject.id],
        identity_method="in-person",
        received_on=today,
        details="Sanne zit in groep 8.",
        item_ids=[shared.id],
    )
    services.decide_request(actor, correction.id, outcome="granted", protection_needed=False)
    services.carry_out_request(actor, correction.id, new_values={shared.id: "Groep 8"})
    (notice,) = services.request_notices(actor, correction.id)
    ids["corrected_request_id"] = str(correction.id)
    ids["notice_id"] = str(notice.id)
    # retention: a former client whose dossier is due, on A's destruction list
    former_client_due(actor)
    drawn = services.draft_destruction_list(actor, due_by=today)
    ids["list_id"] = str(drawn.id)
    (entry,) = services.destruction_list(actor, drawn.id).page
    ids["entry_id"] = str(entry.id)
    # an incident A's caseworker reported; its officer decided to tell Sanne, with a letter
    incident = services.report_incident(
        actor,
        nature="wrong-recipient",
        summary="Een brief is naar een verkeerd adres gestuurd.",
        discovered_at=timezone.now() - datetime.timedelta(hours=3),
        categories=["identification"],
        people_affected=1,
    )
    services.record_awareness(
        officer, incident.id, aware_at=timezone.now(), reason="De brief noemt Sanne."
    )
    services.add_affected_client(officer, incident.id, sanne.id)
    told = services.decide_subject_information(
        officer, incident.id, outcome="tell", reason="Hoog risico."
    )
    ids["incident_id"] = str(incident.id)
    ids["letter_id"] = str(next(a.letter.id for a in told.affected if a.letter))
    ids["affected_id"] = str(next(a.id for a in told.affected if a.letter))
    subscription, _secret = subscribe(partner_a.id, "https://a.example/hooks")
    ids["subscription_id"] = str(subscription.id)
    # a colleague at A, not assigned to Sanne and no cell of the matrix, broke the glass
    # (decision 23): the use the privacy officer reviews
    emergency = services.break_glass(
        actor_for(make_employee(partner_a, "nood-a")),
        sanne.id,
        reason="caseworker-unreachable",
        explanation="Sanne belt in paniek; haar hulpverlener is met verlof.",
        code=app_code("nood-a"),
    )
    ids["access_id"] = ids["emergency_access_id"] = str(emergency.id)


def former_client_due(actor) -> None:
    """A former client of the actor's partner whose support ended in 2019: their dossier is
    due for destruction today (art5.2), for a destruction list to name."""
    former = services.register_client(
        actor,
        bsn=next_bsn(),
        given_names="Jesse",
        surname="Bos",
        birth_date=datetime.date(1959, 4, 2),
        domain="welzijn",
        legal_basis="wmo-2015",
        opened_on=datetime.date(2016, 3, 1),
    )
    (ended,) = services.list_trajectories(actor, former.id, purpose="accountability")
    services.close_trajectory(
        actor,
        ended.id,
        closed_on=datetime.date(2019, 9, 30),
        ending="goals-reached",
        purpose="accountability",
    )
