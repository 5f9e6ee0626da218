# SPDX-License-Identifier: EUPL-1.2
"""Breaking the glass (art3.2c; decision 23).

An employee in a role that takes part in the support (``RoleAccess.breaks_glass``) who is not
assigned to a client of their own organisation opens, in an emergency, a consult of that one
client's dossier for ``ZORGVULDIG_EMERGENCY_ACCESS_HOURS`` (two): with a reason from the list
(:class:`~zorgvuldig.clients.codes.EmergencyReason`), an explanation, and a code from their
authenticator app given again. The opening is logged through the gate (required by art3.2c:
the partner's own rule of who may access what), the privacy officers of the organisation are
e-mailed at once (:mod:`.notify`), and each use is reviewed by one of them within
``ZORGVULDIG_EMERGENCY_REVIEW_DAYS`` (:mod:`.review`). While a review of one's own use is
overdue the glass cannot be broken again.

The consults themselves are decided by ``decide()`` like every other: the facts say that the
actor holds a current emergency access to the client (``Facts.emergency_access``), which
allows a consult and nothing else.

Bad input (no reason or one not on the list, no explanation, no code or a wrong one) is
answered by :class:`InvalidInput` naming the field, and nothing is written; a wrong code is a
:class:`~zorgvuldig.core.errors.WrongSecondFactor`, which the page and the API count towards
the sign-in lockout of django-axes (art3.2b; :func:`zorgvuldig.core.lockout.code_given_again`).
A client without a dossier at the actor's organisation (another partner's, or none at all) is
not found, alike, and nothing is written either.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from zorgvuldig.clients.codes import EmergencyReason
from zorgvuldig.clients.models import Client, EmergencyAccess
from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput, NotAllowed, NotFound, WrongSecondFactor
from zorgvuldig.gate.facts import active_trajectories
from zorgvuldig.gate.processing import Performed, Processing, current_trace_id, process_required
from zorgvuldig.gate.services.common import acknowledged, gate_service
from zorgvuldig.gate.services.emergency import notify
from zorgvuldig.gate.services.emergency.convert import emergency_view
from zorgvuldig.gate.services.emergency.views import EmergencyAccessView
from zorgvuldig.partners.models import Employee
from zorgvuldig.partners.services import employee_in_role
from zorgvuldig.protocol import Category, LegalBasis, Operation, Purpose

MAX_EXPLANATION = 2000

REASON_MISSING = "Kies de reden van de noodtoegang."
REASON_UNKNOWN = "Deze reden kent de noodtoegang niet; kies er een uit de lijst."
EXPLANATION_MISSING = "Leg uit waarom u nu toegang nodig heeft tot deze cliënt."
EXPLANATION_TOO_LONG = f"Houd de uitleg korter dan {MAX_EXPLANATION} tekens."
CODE_MISSING = "Geef de code die uw authenticator-app nu toont."
CODE_WRONG = (
    "Deze code klopt niet. Geef de code die uw authenticator-app nu toont; een code is maar "
    "één keer geldig."
)


def no_dossier_here() -> NotFound:
    return NotFound("client", "Deze cliënt heeft geen dossier bij uw organisatie.")


def emergency_hours() -> int:
    return int(getattr(settings, "ZORGVULDIG_EMERGENCY_ACCESS_HOURS", 2))


def review_days() -> int:
    return int(getattr(settings, "ZORGVULDIG_EMERGENCY_REVIEW_DAYS", 5))


def employee_of(actor: Actor) -> Employee:
    """The active employee the actor is, in a role that may break the glass."""
    employee = employee_in_role(
        actor,
        "Alleen een hulpverlener van uw organisatie kan in een noodgeval toegang nemen tot "
        "een cliënt (art. 3 lid 2 onder c).",
        lambda access: access.breaks_glass,
    )
    # art3.2d: over the API as on the pages, only once they acknowledged the protocol
    return acknowledged(employee)


def overdue_reviews(employee: Employee, today: datetime.date | None = None):
    """The employee's uses of the glass whose review by the privacy officer is overdue."""
    today = today or timezone.localdate()
    return EmergencyAccess.objects.filter(
        employee=employee, reviewed_at__isnull=True, review_due_on__lt=today
    )


def current(employee_id, client_id, now=None):
    """The employee's emergency accesses to the client that have not expired."""
    now = now or timezone.now()
    return EmergencyAccess.objects.filter(
        employee_id=employee_id, client_id=client_id, started_at__lte=now, expires_at__gt=now
    )


def _checked(reason, explanation, code) -> tuple[EmergencyReason, str]:
    errors: dict[str, str] = {}
    chosen = None
    if reason in (None, ""):
        errors["reason"] = REASON_MISSING
    elif reason not in EmergencyReason.values:
        errors["reason"] = REASON_UNKNOWN
    else:
        chosen = EmergencyReason(reason)
    text = (explanation or "").strip() if isinstance(explanation, str | None) else ""
    if not text:
        errors["explanation"] = EXPLANATION_MISSING
    elif len(text) > MAX_EXPLANATION:
        errors["explanation"] = EXPLANATION_TOO_LONG
    if not "".join(str(code or "").split()):
        # no code is not a wrong one: it does not count towards the lockout
        errors["code"] = CODE_MISSING
    if errors:
        raise InvalidInput(errors)
    return chosen, text


def second_factor_holds(user, code) -> bool:
    """art3.2b: ``code`` is the code the user's authenticator app shows now (django-otp: once
    only, with its throttling after a wrong code). Recovery codes are for a lost phone, not
    for this."""
    code = "".join(str(code or "").split())
    if len(code) != 6 or not code.isdigit():
        return False
    for device in TOTPDevice.objects.devices_for_user(user, confirmed=True):
        allowed, _ = device.verify_is_allowed()
        if allowed and device.verify_token(code):
            return True
    return False


def _client_here(actor: Actor, client_id) -> Client:
    """The client, if the actor's organisation supports them now (a dossier with open
    support there); else not found, for another partner's client as for none."""
    try:
        client = Client.objects.select_related("subject").get(id=client_id)
    except (Client.DoesNotExist, ValidationError, ValueError, TypeError):
        raise no_dossier_here() from None
    today = timezone.localdate()
    if not active_trajectories(today, client_id=client.id, partner_id=actor.partner_id).exists():
        raise no_dossier_here()
    return client


def _law(client: Client, partner_id) -> LegalBasis | None:
    bases = set(
        active_trajectories(
            timezone.localdate(), client_id=client.id, partner_id=partner_id
        ).values_list("legal_basis", flat=True)
    )
    return LegalBasis(bases.pop()) if len(bases) == 1 else None


@gate_service
def break_glass(actor: Actor, client_id, *, reason, explanation, code) -> EmergencyAccessView:
    """Open emergency access to one client of the actor's organisation (art3.2c), for the
    hours of the setting; the privacy officers are told at once."""
    employee = employee_of(actor)
    chosen, text = _checked(reason, explanation, code)
    client = _client_here(actor, client_id)
    today = timezone.localdate()
    if overdue_reviews(employee, today).exists():
        raise NotAllowed(
            "U kunt nu geen noodtoegang nemen: de privacy officer heeft een eerdere noodtoegang "
            "van u nog niet beoordeeld, en die beoordeling is te laat. Vraag de privacy officer "
            "die eerst te beoordelen (art. 3 lid 2 onder c)."
        )
    if (
        active_trajectories(today, client_id=client.id, partner_id=actor.partner_id)
        .filter(caseworkers=employee)
        .exists()
    ):
        raise InvalidInput(
            {"clientId": "U bent al betrokken bij de ondersteuning van deze cliënt."}
        )
    if current(employee.id, client.id).exists():
        raise InvalidInput({"clientId": "U heeft al noodtoegang tot deze cliënt."})
    if not second_factor_holds(employee.user, code):
        # art3.2b: the caller counts it towards the sign-in lockout (core.lockout), outside
        # this transaction; nothing is written here
        raise WrongSecondFactor({"code": CODE_WRONG})
    now = timezone.now()

    def perform(decision):
        access = EmergencyAccess.objects.create(
            client=client,
            partner_id=actor.partner_id,
            employee=employee,
            reason=chosen,
            explanation=text,
            started_at=now,
            expires_at=now + datetime.timedelta(hours=emergency_hours()),
            review_due_on=today + datetime.timedelta(days=review_days()),
            trace_id=current_trace_id(),
        )
        notify.tell(access)
        access = EmergencyAccess.objects.select_related("client__subject", "employee__user").get(
            id=access.id
        )
        return Performed(emergency_view(access, now), subject_ids=[client.subject_id])

    processing = Processing(
        name="noodtoegang-openen",
        actor=actor,
        operation=Operation.RECORD,
        categories=(Category.IDENTIFICATION,),
        purpose=Purpose.SUPPORT_PROVISION,
        legal_basis=_law(client, actor.partner_id),
        client_id=client.id,
        subject_ids=(client.subject_id,),
    )
    return process_required(processing, perform, "art3.2c").result
