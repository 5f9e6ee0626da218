# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer's review of every use of the glass (art3.2c; decision 23).

The privacy officer of the organisation lists the uses (those to review first, the overdue
ones before the others) and judges each: justified or not, with a note. The data protection
officer (FG) reads the list, and changes nothing. The list and a review name the clients
concerned: reading them is logged for each client, as required by art3.2c (the partner
accounts for who accessed what).
"""

from __future__ import annotations

from django.db.models import F
from django.utils import timezone

from zorgvuldig.clients.models import EmergencyAccess
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotAllowed, NotFound
from zorgvuldig.gate.processing import Performed, Processing, process_required
from zorgvuldig.gate.services.common import acknowledged, gate_service
from zorgvuldig.gate.services.emergency.convert import emergency_view
from zorgvuldig.gate.services.emergency.views import EmergencyAccessView
from zorgvuldig.partners.models import Employee, access_of
from zorgvuldig.protocol import Category, Operation, Purpose

MAX_NOTE = 2000
MAX_LISTED = 500

JUDGEMENT_MISSING = "Kies of de noodtoegang gerechtvaardigd was."
NOTE_MISSING = "Licht uw oordeel toe."
ALREADY_REVIEWED = "Deze noodtoegang is al beoordeeld."


def _reader(actor: Actor, *, handles: bool) -> Employee:
    employee = (
        Employee.objects.select_related("user")
        .filter(id=actor.employee_id, partner_id=actor.partner_id, is_active=True)
        .first()
    )
    can = access_of(employee.role if employee else None)
    if actor.employee_id is None or not (can.handles_registers if handles else can.reads_registers):
        raise NotAllowed(
            "Alleen de privacy officer van uw organisatie beoordeelt noodtoegang"
            + ("" if handles else "; de functionaris gegevensbescherming ziet ze")
            + " (art. 3 lid 2 onder c)."
        )
    # art3.2d: the uses name clients; over the API as on the pages, only once acknowledged
    return acknowledged(employee)


def _processing(actor: Actor, name: str, operation: Operation, subject_ids) -> Processing:
    return Processing(
        name=name,
        actor=actor,
        operation=operation,
        categories=(Category.IDENTIFICATION,),
        purpose=Purpose.ACCOUNTABILITY,
        legal_basis=None,
        client_id=None,
        subject_ids=tuple(subject_ids),
    )


def _uses(actor: Actor):
    return EmergencyAccess.objects.filter(partner_id=actor.partner_id).select_related(
        "client__subject", "employee__user", "reviewed_by__user"
    )


@gate_service
def emergency_accesses(actor: Actor, *, to_review: bool = False) -> list[EmergencyAccessView]:
    """The uses of the glass at the actor's organisation: those not reviewed first, the
    earliest due first; then the reviewed ones, newest first. ``to_review``: only those not
    reviewed. For the privacy officer and the FG."""
    _reader(actor, handles=False)
    uses = _uses(actor)
    if to_review:
        uses = uses.filter(reviewed_at__isnull=True)
    uses = list(
        uses.order_by(F("reviewed_at").desc(nulls_first=True), "review_due_on", "-started_at")[
            :MAX_LISTED
        ]
    )
    now = timezone.now()

    def perform(decision):
        return Performed(
            [emergency_view(u, now) for u in uses],
            subject_ids=sorted({u.client.subject_id for u in uses}, key=str),
        )

    subjects = [u.client.subject_id for u in uses]
    return process_required(
        _processing(actor, "noodtoegang-raadplegen", Operation.CONSULT, subjects),
        perform,
        "art3.2c",
    ).result


def _one(actor: Actor, access_id) -> EmergencyAccess:
    try:
        return _uses(actor).get(id=access_id)
    except Exception:  # not found, another partner's, or not an id at all
        raise NotFound("emergency-access", "Deze noodtoegang bestaat niet.") from None


@gate_service
def emergency_access(actor: Actor, access_id) -> EmergencyAccessView:
    """One use of the glass at the actor's organisation, for the privacy officer or the FG."""
    _reader(actor, handles=False)
    use = _one(actor, access_id)
    return process_required(
        _processing(actor, "noodtoegang-raadplegen", Operation.CONSULT, [use.client.subject_id]),
        lambda decision: Performed(emergency_view(use), subject_ids=[use.client.subject_id]),
        "art3.2c",
    ).result


@gate_service
def review_emergency_access(actor: Actor, access_id, *, justified, note) -> EmergencyAccessView:
    """The privacy officer judges one use: justified or not, with a note. Once."""
    officer = _reader(actor, handles=True)
    use = _one(actor, access_id)
    errors: dict[str, str] = {}
    if not isinstance(justified, bool):
        errors["justified"] = JUDGEMENT_MISSING
    text = note.strip() if isinstance(note, str) else ""
    if not text:
        errors["note"] = NOTE_MISSING
    elif len(text) > MAX_NOTE:
        errors["note"] = f"Houd de toelichting korter dan {MAX_NOTE} tekens."
    if use.reviewed_at is not None:
        errors["state"] = ALREADY_REVIEWED
    if errors:
        raise InvalidInput(errors)

    def perform(decision):
        use.reviewed_at, use.reviewed_by = timezone.now(), officer
        use.justified, use.review_note = justified, text
        use.save(update_fields=["reviewed_at", "reviewed_by", "justified", "review_note"])
        return Performed(emergency_view(use), subject_ids=[use.client.subject_id])

    return process_required(
        _processing(actor, "noodtoegang-beoordelen", Operation.RECORD, [use.client.subject_id]),
        perform,
        "art3.2c",
    ).result
