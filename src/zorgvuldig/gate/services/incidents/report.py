# SPDX-License-Identifier: EUPL-1.2
"""Reporting an incident, and its course: the details, the moment the partner became aware that
personal data was affected, closing it with its measures (art3.2f; AVG art. 33).

Any active employee reports an incident of their own organisation, at once told to the
municipality (:mod:`.municipality`); the organisation's privacy officer handles it from there.
"""

from __future__ import annotations

from django.db.models import Max
from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.incidents import checks, municipality
from zorgvuldig.gate.services.incidents.access import (
    Handling,
    employee_of,
    logged,
)
from zorgvuldig.gate.services.incidents.convert import incident_view
from zorgvuldig.gate.services.incidents.views import IncidentView
from zorgvuldig.incidents.models import Incident, NotificationPhase, SubjectDecision
from zorgvuldig.partners.models import access_of
from zorgvuldig.protocol import Operation


@gate_service
def report_incident(
    actor: Actor,
    *,
    nature,
    summary,
    discovered_at,
    nature_other: str = "",
    started_at=None,
    categories=(),
    people_affected=None,
) -> IncidentView:
    """art3.2f: an employee reports an incident of their organisation: what happened (its
    nature and, without names, a description), when it was discovered and, as far as known,
    when it started, which data and about how many people. The municipality's privacy
    officers and the organisation's own are told at once."""
    reporter = employee_of(actor)
    now = timezone.now()
    errors = checks.Errors()
    kind = errors.check(checks.nature, nature)
    other = errors.check(checks.nature_other, kind, nature_other) if kind else ""
    text = errors.check(checks.text, summary, "summary", checks.SUMMARY_MISSING)
    discovered = errors.check(
        checks.moment, discovered_at, "discoveredAt", now, missing=checks.DISCOVERED_MISSING
    )
    started = errors.check(checks.moment, started_at, "startedAt", now)
    codes = errors.check(checks.categories, categories)
    people = errors.check(checks.count, people_affected, "peopleAffected")
    checks.in_order(errors, started=started, discovered=discovered, aware=None, contained=None)
    errors.raise_any()

    def perform():
        number = (Incident.objects.aggregate(n=Max("number"))["n"] or 0) + 1
        incident = Incident.objects.create(
            number=number,
            partner_id=actor.partner_id,
            reported_by=reporter,
            reported_at=now,
            nature=kind,
            nature_other=other,
            summary=text,
            started_at=started,
            discovered_at=discovered,
            categories=list(codes),
            people_affected=people,
        )
        municipality.tell(incident)
        incident = Incident.objects.select_related("partner").get(id=incident.id)
        officer = access_of(reporter.role).handles_registers
        return incident_view(incident, handled=officer, now=now), ()

    return logged(actor, "incident-melden", Operation.RECORD, perform, required_by="art3.2f")


#: The details the privacy officer may change, with the check of each (field names as the API's).
_DETAILS = {
    "nature": "nature",
    "nature_other": "natureOther",
    "summary": "summary",
    "started_at": "startedAt",
    "discovered_at": "discoveredAt",
    "contained_at": "containedAt",
    "categories": "categories",
    "people_affected": "peopleAffected",
    "records_affected": "recordsAffected",
    "encrypted": "encrypted",
    "consequences": "consequences",
    "severity": "severity",
    "measures": "measures",
    "cross_border": "crossBorder",
}


def _checked(incident: Incident, changes: dict, now) -> dict:
    """The changes as they are to be stored, each checked, and the incident's times in order."""
    unknown = sorted(set(changes) - set(_DETAILS))
    if unknown:
        raise InvalidInput({unknown[0]: "Dit gegeven van een incident bestaat niet."})
    errors = checks.Errors()
    out: dict = {}
    for name, value in changes.items():
        field = _DETAILS[name]
        if name == "nature":
            out[name] = errors.check(checks.nature, value)
        elif name == "summary":
            out[name] = errors.check(checks.text, value, field, checks.SUMMARY_MISSING)
        elif name in ("consequences", "measures"):
            out[name] = errors.check(checks.text, value, field)
        elif name == "discovered_at":
            out[name] = errors.check(
                checks.moment, value, field, now, missing=checks.DISCOVERED_MISSING
            )
        elif name in ("started_at", "contained_at"):
            out[name] = errors.check(checks.moment, value, field, now)
        elif name == "categories":
            out[name] = list(errors.check(checks.categories, value) or ())
        elif name in ("people_affected", "records_affected"):
            out[name] = errors.check(checks.count, value, field)
        elif name == "encrypted":
            out[name] = errors.check(checks.encryption, value)
        elif name == "severity":
            out[name] = errors.check(checks.severity, value)
        elif name == "cross_border":
            out[name] = errors.check(checks.flag, value, field)
    kind = out.get("nature") or incident.nature
    if "nature" in changes or "nature_other" in changes:
        out["nature_other"] = errors.check(
            checks.nature_other, kind, changes.get("nature_other", incident.nature_other)
        )
    errors.raise_any()
    merged = {
        name: out.get(name, getattr(incident, name))
        for name in ("started_at", "discovered_at", "aware_at", "contained_at")
    }
    checks.in_order(
        errors,
        started=merged["started_at"],
        discovered=merged["discovered_at"],
        aware=merged["aware_at"],
        contained=merged["contained_at"],
    )
    if "discovered_at" in out and errors.found.get("awareAt"):
        errors.found["discoveredAt"] = errors.found.pop("awareAt")  # the one being changed
    errors.raise_any()
    return out


@gate_service
def update_incident(actor: Actor, incident_id, **changes) -> IncidentView:
    """The privacy officer completes or corrects what is known of the incident: its nature and
    description, the times it started, was discovered and was contained, which data, how many
    people and records, whether the data was encrypted, the likely consequences and their
    severity, the measures, whether other EU countries are concerned. Only what is given
    changes; the times stay in their order."""
    step = Handling(actor, incident_id, "incident-bijwerken")
    with step.locked() as incident:
        out = _checked(incident, changes, step.now)

        def perform():
            for name, value in out.items():
                setattr(incident, name, value)
            if out:
                incident.save(update_fields=list(out))
            return step.answer(incident)

        return step.logged(Operation.CHANGE, perform, required_by="art3.2f", incident=incident)


AWARE_MISSING = (
    "Geef het tijdstip waarop uw organisatie er redelijk zeker van werd dat persoonsgegevens "
    "waren getroffen: vanaf dan lopen de 72 uur (AVG art. 33 lid 1)."
)


@gate_service
def record_awareness(actor: Actor, incident_id, *, aware_at, reason) -> IncidentView:
    """AVG art. 33(1): the moment the organisation became aware that personal data was affected
    (reasonably certain of it), who decided that (the privacy officer) and why. The 72 hours to
    the Autoriteit Persoonsgegevens run from then, under every protocol version (art3.2g).
    Recorded once."""
    step = Handling(actor, incident_id, "incident-bewustwording-vastleggen")
    with step.locked() as incident:
        errors = checks.Errors()
        if incident.aware_at is not None:
            errors.add("awareAt", "Het moment van bewust worden is al vastgelegd.")
        aware = errors.check(checks.moment, aware_at, "awareAt", step.now, missing=AWARE_MISSING)
        why = errors.check(
            checks.text,
            reason,
            "reason",
            "Zeg waarom vaststaat dat persoonsgegevens zijn getroffen (wie, wat, hoe bekend).",
        )
        checks.in_order(
            errors, started=None, discovered=incident.discovered_at, aware=aware, contained=None
        )
        errors.raise_any()

        def perform():
            incident.aware_at, incident.aware_by, incident.aware_reason = aware, step.officer, why
            incident.save(update_fields=["aware_at", "aware_by", "aware_reason"])
            return step.answer(incident)

        return step.logged(Operation.RECORD, perform, required_by="art3.2g", incident=incident)


MEASURES_MISSING = (
    "Beschrijf de maatregelen die zijn genomen: de partner neemt zelf de nodige maatregelen "
    "(art. 3 lid 2 onder f)."
)


@gate_service
def close_incident(actor: Actor, incident_id, *, measures=None) -> IncidentView:
    """Close the incident. It needs its measures (art3.2f: the partner takes the measures the
    incident calls for), given now or before; a breach also needs its notification to the
    Autoriteit Persoonsgegevens (or the reasoned decision that none is required) and the
    decision whether to tell the data subjects (AVG art. 33, 34)."""
    step = Handling(actor, incident_id, "incident-afsluiten")
    with step.locked() as incident:
        errors = checks.Errors()
        given = errors.check(checks.text, measures, "measures") if measures is not None else ""
        if not (given or incident.measures):
            errors.add("measures", MEASURES_MISSING)
        if incident.aware_at is not None:
            notified = NotificationPhase.objects.filter(incident=incident).exists()
            if not notified and incident.exempt_at is None:
                errors.add(
                    "notification",
                    "Meld het datalek eerst bij de Autoriteit Persoonsgegevens, of leg met redenen "
                    "vast dat melden niet nodig is (AVG art. 33 lid 1).",
                )
            if not SubjectDecision.objects.filter(incident=incident).exists():
                errors.add(
                    "subjectDecision",
                    "Leg eerst vast of de betrokkenen worden ingelicht, en waarom (AVG art. 34).",
                )
        errors.raise_any()

        def perform():
            if given:
                incident.measures = given
            incident.closed_at, incident.closed_by = step.now, step.officer
            incident.save(update_fields=["measures", "closed_at", "closed_by"])
            return step.answer(incident)

        return step.logged(Operation.RECORD, perform, required_by="art3.2f", incident=incident)
