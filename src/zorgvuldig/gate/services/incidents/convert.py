# SPDX-License-Identifier: EUPL-1.2
"""Incidents as the frozen values of :mod:`.views`, with their clock (AVG art. 33(1))."""

from __future__ import annotations

import datetime

from django.utils import timezone

from zorgvuldig.gate.facts import version_of
from zorgvuldig.gate.services.incidents import views
from zorgvuldig.incidents.codes import IncidentState
from zorgvuldig.incidents.models import (
    AffectedClient,
    Incident,
    IncidentNotice,
    LogSearch,
    NotificationPhase,
    SubjectDecision,
)
from zorgvuldig.partners.models import Employee
from zorgvuldig.protocol import SPECIAL_CATEGORIES, Category
from zorgvuldig.protocol.breaches import BreachClock, notification_hours

EXEMPT = "exempt"


def version_and_hours(incident: Incident, known: dict | None = None) -> tuple[str, int]:
    """The protocol version the partner was bound to when it became aware (else today), and
    the hours it gives to notify: the law's 72 under every version (art3.2g). ``known``
    keeps what was looked up, for a register of many incidents."""
    day = timezone.localdate(incident.aware_at or timezone.now())
    key = (incident.partner_id, day)
    if known is not None and key in known:
        return known[key]
    version = version_of(incident.partner_id, day)
    found = (version.id if version else "", notification_hours(version))
    if known is not None:
        known[key] = found
    return found


def clock_of(incident: Incident, first_notified_at, hours: int) -> BreachClock:
    return BreachClock(
        aware_at=incident.aware_at,
        hours=hours,
        notified_at=first_notified_at,
        not_required=incident.exempt_at is not None,
    )


def clock_view(clock: BreachClock, now: datetime.datetime) -> views.ClockView:
    left = clock.time_left(now)
    return views.ClockView(
        state=clock.state(now).value,
        hours=clock.hours,
        deadline=clock.deadline,
        seconds_left=int(left.total_seconds()) if left is not None else None,
    )


def state_of(incident: Incident) -> str:
    if incident.closed_at is not None:
        return IncidentState.CLOSED.value
    if incident.aware_at is not None:
        return IncidentState.BREACH.value
    return IncidentState.REPORTED.value


def names_of(ids) -> dict:
    ids = {i for i in ids if i is not None}
    return {
        e.id: e.display_name for e in Employee.objects.filter(id__in=ids).select_related("user")
    }


def _special(codes) -> tuple[str, ...]:
    return tuple(c for c in codes if Category(c) in SPECIAL_CATEGORIES)


def phase_view(phase: NotificationPhase, clock: BreachClock, first: bool, names) -> views.PhaseView:
    return views.PhaseView(
        id=phase.id,
        kind=phase.kind,
        reported_at=phase.reported_at,
        ap_reference=phase.ap_reference,
        late=first and clock.late(phase.reported_at),
        delay_reasons=phase.delay_reasons,
        note=phase.note,
        recorded_by=names.get(phase.recorded_by_id, ""),
        recorded_at=phase.recorded_at,
    )


def _affected(incident: Incident) -> tuple[views.AffectedView, ...]:
    found = []
    rows = (
        AffectedClient.objects.filter(incident=incident)
        .select_related("client__subject", "letter")
        .order_by("client__subject__surname", "client__subject__given_names", "id")
    )
    for a in rows:
        letter = getattr(a, "letter", None)
        found.append(
            views.AffectedView(
                id=a.id,
                client_id=a.client_id,
                client_name=a.client.subject.full_name if a.client else "",
                found_by=a.found_by,
                added_at=a.added_at,
                letter=views.LetterView(letter.id, letter.status, letter.status_at, letter.note)
                if letter
                else None,
            )
        )
    return tuple(found)


def search_view(search: LogSearch, names) -> views.SearchView:
    return views.SearchView(
        searched_by=names.get(search.searched_by_id, ""),
        searched_at=search.searched_at,
        window_from=search.window_from,
        window_to=search.window_to,
        actor=names.get(search.actor_id, ""),
        recipient=search.recipient,
        categories=tuple(search.categories),
        records=search.records,
        found=search.found,
        added=search.added,
        unresolved=search.unresolved,
    )


def incident_view(
    incident: Incident,
    *,
    handled: bool,
    clients: bool | None = None,
    now: datetime.datetime | None = None,
) -> views.IncidentView:
    """The incident as ``handled`` (its partner's privacy officer) or not (the municipality, the
    reporter, the FG) sees it: only with ``clients`` (by default: who handles it; the FG of its
    partner too, for oversight) which clients it affected and the searches that found them."""
    now = now or timezone.now()
    clients = handled if clients is None else clients
    version, hours = version_and_hours(incident)
    phases = list(NotificationPhase.objects.filter(incident=incident))
    decisions = list(SubjectDecision.objects.filter(incident=incident))
    searches = list(LogSearch.objects.filter(incident=incident)) if clients else []
    notices = list(
        IncidentNotice.objects.filter(incident=incident).select_related("employee__partner")
    )
    names = names_of(
        [
            incident.reported_by_id,
            incident.aware_by_id,
            incident.closed_by_id,
            *(p.recorded_by_id for p in phases),
            *(d.decided_by_id for d in decisions),
            *(s.searched_by_id for s in searches),
            *(s.actor_id for s in searches),
            *(n.employee_id for n in notices),
        ]
    )
    clock = clock_of(incident, phases[0].reported_at if phases else None, hours)
    return views.IncidentView(
        id=incident.id,
        number=incident.number,
        partner=incident.partner.name,
        state=state_of(incident),
        handled=handled,
        nature=incident.nature,
        nature_other=incident.nature_other,
        summary=incident.summary,
        reported_by=names.get(incident.reported_by_id, ""),
        reported_at=incident.reported_at,
        started_at=incident.started_at,
        discovered_at=incident.discovered_at,
        aware_at=incident.aware_at,
        aware_by=names.get(incident.aware_by_id, ""),
        aware_reason=incident.aware_reason,
        contained_at=incident.contained_at,
        categories=tuple(incident.categories),
        special_categories=_special(incident.categories),
        people_affected=incident.people_affected,
        records_affected=incident.records_affected,
        encrypted=incident.encrypted,
        consequences=incident.consequences,
        severity=incident.severity,
        measures=incident.measures,
        cross_border=incident.cross_border,
        protocol_version=version,
        clock=clock_view(clock, now),
        exempt_reason=incident.exempt_reason,
        exempt_at=incident.exempt_at,
        phases=tuple(phase_view(p, clock, i == 0, names) for i, p in enumerate(phases)),
        clients_affected=AffectedClient.objects.filter(incident=incident).count(),
        affected=_affected(incident) if clients else (),
        searches=tuple(search_view(s, names) for s in searches),
        subject_decisions=tuple(
            views.SubjectDecisionView(
                outcome=d.outcome,
                reason=d.reason,
                public_notice=d.public_notice,
                decided_by=names.get(d.decided_by_id, ""),
                decided_at=d.decided_at,
            )
            for d in decisions
        ),
        notices=tuple(
            views.NoticeView(
                organisation=n.employee.partner.name,
                employee=names.get(n.employee_id, ""),
                sent_at=n.sent_at,
                attempts=n.attempts,
                last_error=n.last_error,
            )
            for n in notices
        ),
        closed_at=incident.closed_at,
        closed_by=names.get(incident.closed_by_id, ""),
    )


def incident_line(
    incident: Incident, *, first_notified_at, latest_phase: str, clients: int, now, known: dict
) -> views.IncidentLine:
    _, hours = version_and_hours(incident, known)
    clock = clock_of(incident, first_notified_at, hours)
    notification = latest_phase or (EXEMPT if incident.exempt_at is not None else "")
    return views.IncidentLine(
        id=incident.id,
        number=incident.number,
        partner=incident.partner.name,
        state=state_of(incident),
        nature=incident.nature,
        reported_at=incident.reported_at,
        discovered_at=incident.discovered_at,
        aware_at=incident.aware_at,
        clock=clock_view(clock, now),
        notification=notification,
        people_affected=incident.people_affected,
        clients_affected=clients,
        closed_at=incident.closed_at,
    )
