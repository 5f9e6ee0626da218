# SPDX-License-Identifier: EUPL-1.2
"""The notification of a breach to the Autoriteit Persoonsgegevens (art3.2g; AVG art. 33).

- **The clock** runs from the moment the partner became aware that personal data was affected:
  72 hours, under every protocol version (:mod:`zorgvuldig.protocol.breaches`).
- **In phases**: a first notification is provisional or at once final; a provisional one is
  supplemented and made final; any may be withdrawn (with its reason); nothing follows a final
  one but a withdrawal, nor a withdrawal anything. Each phase is kept as reported, with the
  answers of the form as they stood (append-only).
- **Late**: a first notification after the hours gives the reasons for the delay (art. 33(1)).
- **Not required**: a breach unlikely to result in a risk to the people concerned is not
  notified (art. 33(1)); that decision is recorded with its reasons, before any notification.
- **The answers** of the AP's form in its order, ready to copy (:mod:`zorgvuldig.incidents
  .notification_form`): counts, no client.
"""

from __future__ import annotations

import json

from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.incidents import checks
from zorgvuldig.gate.services.incidents.access import Handling, readable
from zorgvuldig.gate.services.incidents.convert import clock_of, version_and_hours
from zorgvuldig.gate.services.incidents.views import IncidentView, NotificationAnswer
from zorgvuldig.incidents import notification_form
from zorgvuldig.incidents.codes import FIRST_PHASES, LetterStatus, PhaseKind
from zorgvuldig.incidents.models import (
    AffectedClient,
    Incident,
    NotificationPhase,
    SubjectDecision,
    SubjectLetter,
)
from zorgvuldig.partners.models import Employee
from zorgvuldig.protocol import Operation


def notification_facts(
    incident: Incident, contact: Employee | None, *, delay_reasons: str = ""
) -> notification_form.NotificationFacts:
    """What the answers of the form are made of, as the incident stands now; ``contact`` is
    the partner's privacy officer the Autoriteit Persoonsgegevens may ask (None: not known)."""
    partner = incident.partner
    first = NotificationPhase.objects.filter(incident=incident).first()
    decision = SubjectDecision.objects.filter(incident=incident).last()
    letters = SubjectLetter.objects.filter(affected__incident=incident)
    local = timezone.localtime
    return notification_form.NotificationFacts(
        organisation=partner.name,
        oin=partner.oin,
        privacy_email=partner.privacy_email,
        contact_name=f"{contact.display_name} (privacy officer)" if contact else "",
        contact_email=contact.user.email if contact else "",
        earlier_reference=first.ap_reference if first else "",
        summary=incident.summary,
        people_affected=incident.people_affected,
        clients_attached=AffectedClient.objects.filter(incident=incident).count(),
        records_affected=incident.records_affected,
        nature=incident.nature,
        nature_other=incident.nature_other,
        categories=tuple(incident.categories),
        consequences=incident.consequences,
        severity=incident.severity,
        measures=incident.measures,
        encrypted=incident.encrypted,
        subject_outcome=decision.outcome if decision else "",
        subject_reason=decision.reason if decision else "",
        public_notice=decision.public_notice if decision else "",
        letters=letters.count(),
        letters_sent=letters.filter(status=LetterStatus.SENT).count(),
        cross_border=incident.cross_border,
        started_at=local(incident.started_at) if incident.started_at else None,
        discovered_at=local(incident.discovered_at),
        aware_at=local(incident.aware_at) if incident.aware_at else None,
        contained_at=local(incident.contained_at) if incident.contained_at else None,
        hours=version_and_hours(incident)[1],
        delay_reasons=delay_reasons or (first.delay_reasons if first else ""),
    )


def _answers(facts) -> tuple[NotificationAnswer, ...]:
    return tuple(
        NotificationAnswer(a.key, a.question, a.answer) for a in notification_form.answers(facts)
    )


@gate_service
def notification_answers(actor: Actor, incident_id) -> tuple[NotificationAnswer, ...]:
    """The answers to the notification form of the Autoriteit Persoonsgegevens, in its order,
    as the incident stands now. The contact is the partner's privacy officer who asks, or (for
    the municipality, who reads but does not notify) the one who decided on the awareness."""
    incident, officer, handles = readable(actor, incident_id, "meldformulier-opstellen")
    contact = officer if handles else _aware_by(incident)
    return _answers(notification_facts(incident, contact))


def _aware_by(incident: Incident) -> Employee | None:
    if incident.aware_by_id is None:
        return None
    return Employee.objects.select_related("user").get(id=incident.aware_by_id)


def _phase_errors(incident: Incident, phases, kind, reported, reasons, note, hours) -> dict:
    """What stands in the way of this phase: its order, its time, the reasons of a delay."""
    errors = checks.Errors()
    latest = phases[-1] if phases else None
    if latest is None and kind not in FIRST_PHASES:
        errors.add("kind", "Een eerste melding is voorlopig of meteen definitief.")
    elif latest is not None and latest.kind == PhaseKind.WITHDRAWN:
        errors.add("kind", "De melding is ingetrokken; daarna volgt niets meer.")
    elif latest is not None and latest.kind == PhaseKind.FINAL and kind != PhaseKind.WITHDRAWN:
        errors.add("kind", "Na de definitieve melding kan zij alleen nog worden ingetrokken.")
    elif latest is not None and kind == PhaseKind.PROVISIONAL:
        errors.add(
            "kind",
            "Er is al gemeld: een volgende fase is een aanvulling, definitief of een intrekking.",
        )
    if reported is not None:
        if reported < incident.aware_at:
            errors.add(
                "reportedAt",
                "Een melding kan niet zijn gedaan vóór uw organisatie zich bewust werd van het "
                "datalek.",
            )
        elif latest is not None and reported < latest.reported_at:
            errors.add("reportedAt", "Een volgende fase komt niet vóór de vorige melding.")
    clock = clock_of(incident, None, hours)
    if latest is None and reported is not None and clock.late(reported) and not reasons:
        errors.add(
            "delayReasons",
            f"De melding komt later dan {hours} uur na het bewust worden: geef de redenen van "
            "de vertraging (AVG art. 33 lid 1).",
        )
    if kind == PhaseKind.WITHDRAWN and not note:
        errors.add("note", "Zeg waarom de melding wordt ingetrokken.")
    return errors.found


@gate_service
def record_notification(
    actor: Actor,
    incident_id,
    *,
    kind,
    reported_at,
    ap_reference: str = "",
    delay_reasons: str = "",
    note: str = "",
) -> IncidentView:
    """A phase of the notification to the Autoriteit Persoonsgegevens, as it was made: its
    kind, when it was sent, the AP's reference (meldnummer), for a late first notification the
    reasons for the delay, a note (what was added, or why it is withdrawn). The answers of the
    form are kept with it as they stood."""
    step = Handling(actor, incident_id, "datalek-melding-vastleggen")
    with step.locked(aware=True) as incident:
        errors = checks.Errors()
        phase_kind = errors.check(checks.choice, PhaseKind, kind, "kind")
        reported = errors.check(
            checks.moment,
            reported_at,
            "reportedAt",
            step.now,
            missing="Geef het tijdstip waarop bij de Autoriteit Persoonsgegevens is gemeld.",
        )
        reference = errors.check(checks.text, ap_reference, "apReference", max_length=50) or ""
        reasons = errors.check(checks.text, delay_reasons, "delayReasons") or ""
        text = errors.check(checks.text, note, "note") or ""
        errors.raise_any()
        phases = list(NotificationPhase.objects.filter(incident=incident))
        hours = version_and_hours(incident)[1]
        found = _phase_errors(incident, phases, phase_kind, reported, reasons, text, hours)
        if found:
            raise InvalidInput(found)
        facts = notification_facts(
            incident, step.officer, delay_reasons=reasons if not phases else ""
        )
        answers = [[a.question, a.answer] for a in notification_form.answers(facts)]

        def perform():
            NotificationPhase.objects.create(
                incident=incident,
                kind=phase_kind,
                reported_at=reported,
                ap_reference=reference,
                delay_reasons=reasons if not phases else "",
                note=text,
                answers=json.dumps(answers, ensure_ascii=False),
                recorded_by=step.officer,
            )
            return step.answer(incident)

        return step.logged(Operation.RECORD, perform, required_by="art3.2g", incident=incident)


@gate_service
def exempt_notification(actor: Actor, incident_id, *, reason) -> IncidentView:
    """AVG art. 33(1): the breach is unlikely to result in a risk to the rights and freedoms of
    the people concerned, so it is not notified; the decision and its reasons are kept (art.
    33(5)). Only before any notification."""
    step = Handling(actor, incident_id, "datalek-melding-niet-nodig")
    with step.locked(aware=True) as incident:
        if NotificationPhase.objects.filter(incident=incident).exists():
            raise InvalidInput({"reason": "Het datalek is al gemeld."})
        if incident.exempt_at is not None:
            raise InvalidInput({"reason": "Dat melden niet nodig is, is al vastgelegd."})
        why = checks.text(
            reason,
            "reason",
            "Zeg waarom het datalek waarschijnlijk geen risico heeft voor de rechten en vrijheden "
            "van de betrokkenen (AVG art. 33 lid 1).",
        )

        def perform():
            incident.exempt_reason, incident.exempt_at = why, step.now
            incident.exempt_by = step.officer
            incident.save(update_fields=["exempt_reason", "exempt_at", "exempt_by"])
            return step.answer(incident)

        return step.logged(Operation.RECORD, perform, required_by="art3.2g", incident=incident)
