# SPDX-License-Identifier: EUPL-1.2
"""Whether the data subjects are told of the breach (art3.2g; AVG art. 34), and their letters.

The decision is recorded with its reasons also when nobody is told (art. 33(5)): told when the
breach is likely to result in a high risk to them, unless the data was unintelligible to others
(encrypted), later measures removed the high risk, or telling each would take disproportionate
effort (then a public notice, which the decision describes). A later decision replaces an
earlier one; both are kept.

Told, each affected client gets a letter (:mod:`zorgvuldig.incidents.letter`), a PDF the
privacy officer prints and sends; its delivery (sent, or could not be delivered and why) is
recorded per letter. A client attached after the decision gets a letter too.
"""

from __future__ import annotations

from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import NotFound
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.incidents import checks
from zorgvuldig.gate.services.incidents.access import Handling, handled, logged, subjects_of
from zorgvuldig.gate.services.incidents.views import IncidentView
from zorgvuldig.incidents import letter
from zorgvuldig.incidents.codes import Encryption, LetterStatus, SubjectOutcome
from zorgvuldig.incidents.models import AffectedClient, SubjectDecision, SubjectLetter
from zorgvuldig.protocol import Operation


@gate_service
def decide_subject_information(
    actor: Actor, incident_id, *, outcome, reason, public_notice: str = ""
) -> IncidentView:
    """AVG art. 34: tell the data subjects, or not and why; with a public notice where telling
    each would take disproportionate effort. Telling them makes a letter for each affected
    client."""
    step = Handling(actor, incident_id, "betrokkenen-informeren-beslissen")
    with step.locked(aware=True) as incident:
        errors = checks.Errors()
        decided = errors.check(checks.choice, SubjectOutcome, outcome, "outcome")
        why = errors.check(
            checks.text,
            reason,
            "reason",
            "Geef de redenen van dit besluit; ook wie niemand inlicht legt vast waarom (AVG "
            "art. 33 lid 5).",
        )
        notice = errors.check(checks.text, public_notice, "publicNotice") or ""
        if decided == SubjectOutcome.DISPROPORTIONATE and not notice:
            errors.add(
                "publicNotice",
                "Zeg waar en hoe de openbare mededeling wordt gedaan (AVG art. 34 lid 3 onder c).",
            )
        if decided == SubjectOutcome.UNINTELLIGIBLE and incident.encrypted != Encryption.YES:
            errors.add(
                "outcome",
                "Volgens het incident waren de gegevens niet (alle) versleuteld of onbegrijpelijk "
                "gemaakt; pas dat eerst aan als het wel zo was.",
            )
        if decided == SubjectOutcome.TELL and not subjects_of(incident.id):
            errors.add(
                "outcome",
                "Koppel eerst de cliënten die het datalek trof: ieder krijgt een brief.",
            )
        errors.raise_any()

        def perform():
            SubjectDecision.objects.create(
                incident=incident,
                outcome=decided,
                reason=why,
                public_notice=notice if decided == SubjectOutcome.DISPROPORTIONATE else "",
                decided_by=step.officer,
            )
            if decided == SubjectOutcome.TELL:
                waiting = AffectedClient.objects.filter(
                    incident=incident, client__isnull=False, letter__isnull=True
                )
                SubjectLetter.objects.bulk_create(SubjectLetter(affected=a) for a in waiting)
            return step.answer(incident)

        return step.logged(Operation.RECORD, perform, required_by="art3.2g", incident=incident)


def _letter(incident, letter_id) -> SubjectLetter:
    try:
        found = (
            SubjectLetter.objects.select_related("affected__client__subject")
            .filter(affected__incident=incident, affected__client__isnull=False)
            .get(id=int(letter_id))
        )
    except (SubjectLetter.DoesNotExist, ValueError, TypeError):
        raise NotFound("letter", "Deze brief bestaat niet bij dit incident.") from None
    return found


@gate_service
def incident_letter_pdf(actor: Actor, incident_id, letter_id) -> bytes:
    """The letter to one affected client (AVG art. 34(2)), as PDF. Logged for the client."""
    incident = handled(actor, incident_id, "incidentbrief-afdrukken")[0]
    found = _letter(incident, letter_id)
    client = found.affected.client
    data = letter.LetterData(
        partner_name=incident.partner.name,
        privacy_email=incident.partner.privacy_email,
        client_name=client.subject.full_name,
        nature=incident.nature,
        summary=incident.summary,
        categories=tuple(incident.categories),
        discovered_at=timezone.localtime(incident.discovered_at),
        consequences=incident.consequences,
        measures=incident.measures,
        made_on=timezone.localdate(),
    )
    return logged(
        actor,
        "incidentbrief-afdrukken",
        Operation.USE,
        lambda: (letter.render(data), [client.subject_id]),
        required_by="art3.2g",
        subjects=[client.subject_id],
    )


@gate_service
def record_letter_delivery(
    actor: Actor, incident_id, letter_id, *, status, note: str = ""
) -> IncidentView:
    """A letter went out (``sent``), or could not be delivered (``failed``, with why)."""
    step = Handling(actor, incident_id, "incidentbrief-verzending-vastleggen")
    with step.locked(still_open=False) as incident:  # a letter goes out after closing too
        found = _letter(incident, letter_id)
        errors = checks.Errors()
        state = errors.check(checks.choice, LetterStatus, status, "status")
        text = errors.check(checks.text, note, "note", max_length=500) or ""
        if state == LetterStatus.PENDING:
            errors.add(
                "status", "Zeg of de brief is verzonden (sent) of niet kon worden bezorgd (failed)."
            )
        if state == LetterStatus.FAILED and not text:
            errors.add("note", "Zeg waarom de brief niet kon worden bezorgd.")
        errors.raise_any()
        subject = found.affected.client.subject_id

        def perform():
            found.status, found.status_at, found.note = state, step.now, text
            found.recorded_by = step.officer
            found.save(update_fields=["status", "status_at", "note", "recorded_by"])
            return step.answer(incident)[0], [subject]

        return step.logged(Operation.RECORD, perform, required_by="art3.2g", subjects=[subject])
