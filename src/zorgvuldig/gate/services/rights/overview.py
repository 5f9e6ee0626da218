# SPDX-License-Identifier: EUPL-1.2
"""The overview of art9.1: every data item about the subject at the partner with its origin,
its purpose and legal basis, and every organisation or person it went to, when and on which
ground; with what the processing log says the partner did with the subject's data.

Read as a whole, not item by item: one query for every version of the subject's items (the
last of each is its current one, their number its count) with the purpose and legal basis
of the log record that recorded the item (looked up by its trace id in the same query), one
for the disclosures of those items with their recipients' names, one aggregate over the
subject's log records; the days are local dates computed by the database. It names
organisations and roles, never individual employees.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.db.models import Count, Max, Min, OuterRef, Subquery
from django.db.models.functions import TruncDate
from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.dossier.models import DataItemVersion
from zorgvuldig.exchange.models import Disclosure
from zorgvuldig.gate.processing import Performed, process_required
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.rights.handlers import rights_processing
from zorgvuldig.gate.services.rights.register import request_for
from zorgvuldig.gate.services.rights.views import (
    OverviewItem,
    ProcessingLine,
    RecipientLine,
    RecipientSummary,
    SubjectOverview,
)
from zorgvuldig.partners.models import Partner
from zorgvuldig.processing_log.entry import subject_pseudonym
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.protocol import Operation, RecipientKind
from zorgvuldig.rights.codes import OVERVIEW_KINDS, RequestState


def _recipient_name(partner_name, non_partner_name, report_reference) -> str:
    return partner_name or non_partner_name or f"Veilig Thuis (melding {report_reference})"


def _about_the_subject(client, partner_id, prefix: str = "") -> dict:
    """The filter of the subject's own items at the partner (``prefix``: the path to the item)."""
    return {
        f"{prefix}client": client,
        f"{prefix}partner_id": partner_id,
        f"{prefix}subject_id": client.subject_id,
    }


def _disclosures(client, partner_id) -> dict:
    """Every disclosure of the subject's items, by item, in the order they were made; the
    day is the local date, computed by the database."""
    lines = defaultdict(list)
    rows = (
        Disclosure.objects.filter(**_about_the_subject(client, partner_id, "item__"))
        .annotate(disclosed_on=TruncDate("disclosed_at"))
        .order_by("disclosed_at", "id")
        .values_list(
            "item_id",
            "recipient_partner__name",
            "recipient_non_partner__name",
            "report_reference",
            "recipient_kind",
            "version_number",
            "purpose",
            "ground",
            "disclosed_on",
        )
    )
    for item_id, partner, non_partner, reference, kind, number, purpose, ground, on in rows:
        lines[item_id].append(
            RecipientLine(
                _recipient_name(partner, non_partner, reference),
                kind,
                number,
                purpose,
                ground,
                on,
            )
        )
    return lines


def _items(client, partner_id) -> tuple[OverviewItem, ...]:
    """The subject's items with their current version and how many versions they have: one
    query over every version, in the items' order (the last version of each is its current),
    with the purpose and legal basis of the log record of the processing that recorded the
    item, looked up by its trace id in the same query."""
    recorded = LogRecord.objects.filter(
        trace_id=OuterRef("item__recorded_trace_id"),
        subject_pseudonym=subject_pseudonym(client.subject_id),
    )
    rows = (
        DataItemVersion.objects.filter(**_about_the_subject(client, partner_id, "item__"))
        .annotate(
            recorded_on=TruncDate("item__created_at"),
            recorded_for=Subquery(recorded.values("purpose")[:1]),
            recorded_on_basis=Subquery(recorded.values("legal_basis")[:1]),
        )
        .order_by("item__created_at", "item_id", "number")
        .values_list(
            "item_id",
            "item__category",
            "label",
            "value",
            "source",
            "method",
            "obtained_on",
            "recorded_on",
            "recorded_for",
            "recorded_on_basis",
        )
    )
    versions: dict = {}
    for row in rows:
        count = versions[row[0]][1] + 1 if row[0] in versions else 1
        versions[row[0]] = (row, count)
    sent = _disclosures(client, partner_id)
    found = []
    for row, count in versions.values():
        item_id, category, label, value, source, method, obtained_on, recorded_on = row[:8]
        found.append(
            OverviewItem(
                item_id=item_id,
                category=category,
                label=label,
                value=value,
                source=source,
                method=method,
                obtained_on=obtained_on,
                recorded_on=recorded_on,
                versions=count,
                purpose=row[8] or "",
                legal_basis=row[9] or "",
                recipients=tuple(sent.get(item_id, ())),
            )
        )
    return tuple(found)


def _processings(client, partner_id) -> tuple[ProcessingLine, ...]:
    rows = (
        LogRecord.objects.filter(
            subject_pseudonym=subject_pseudonym(client.subject_id), partner_id=str(partner_id)
        )
        .values("name", "operation", "purpose", "legal_basis", "decision")
        .annotate(count=Count("id"), first=Min("start_time"), last=Max("start_time"))
        .order_by("first", "name")
    )
    return tuple(
        ProcessingLine(
            r["name"],
            r["operation"],
            r["purpose"],
            r["legal_basis"],
            r["decision"],
            r["count"],
            timezone.localdate(r["first"]),
            timezone.localdate(r["last"]),
        )
        for r in rows
    )


def _recipients(items: tuple[OverviewItem, ...]) -> tuple[RecipientSummary, ...]:
    by_recipient: dict[tuple[str, str], list] = defaultdict(list)
    for item in items:
        for line in item.recipients:
            by_recipient[line.recipient, line.recipient_kind].append((item.category, line))
    summaries = [
        RecipientSummary(
            recipient=name,
            recipient_kind=kind,
            categories=tuple(sorted({c for c, _ in lines})),
            first_on=min(line.disclosed_on for _, line in lines),
            last_on=max(line.disclosed_on for _, line in lines),
            disclosures=len(lines),
        )
        for (name, kind), lines in by_recipient.items()
    ]
    order = {RecipientKind.PARTNER: 0, RecipientKind.NON_PARTNER: 1}
    return tuple(sorted(summaries, key=lambda s: (order.get(s.recipient_kind, 2), s.recipient)))


@gate_service
def subject_overview(actor: Actor, request_id) -> SubjectOverview:
    """art9.1 (and AVG art. 20): the overview that answers an overview or portability
    request; a consult of the subject's data, logged for the subject under art9.1."""
    with transaction.atomic():
        request = request_for(actor, request_id, "overzicht-betrokkene-opstellen")
        if request.kind not in OVERVIEW_KINDS:
            raise InvalidInput({"kind": "Dit verzoek vraagt geen overzicht van de gegevens."})
        if request.state == RequestState.WITHDRAWN:
            raise InvalidInput({"state": "Dit verzoek is ingetrokken."})
        client = request.client
        processing = rights_processing(
            actor, client, "overzicht-betrokkene-opstellen", Operation.CONSULT
        )

        def perform(decision):
            items = _items(client, actor.partner_id)
            overview = SubjectOverview(
                request_id=request.id,
                client_id=client.id,
                subject_name=client.subject.full_name,
                birth_date=client.subject.birth_date,
                partner_name=Partner.objects.get(id=actor.partner_id).name,
                made_on=timezone.localdate(),
                protocol_version=request.protocol_version,
                items=items,
                processings=_processings(client, actor.partner_id),
                recipients=_recipients(items),
            )
            return Performed(overview, subject_ids=[client.subject_id])

        return process_required(processing, perform, "art9.1").result
