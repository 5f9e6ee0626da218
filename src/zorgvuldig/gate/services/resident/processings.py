# SPDX-License-Identifier: EUPL-1.2
"""art9.1, as it happens: every processing of a person's data that the processing log
recorded, for the person themselves or for who may act for them (decision 25).

Shown: when, which organisation, what it did, which categories, for which purpose, on which
ground and article, for a share to whom; the organisation and the role of who did it, never
the employee. Not shown:

- a processing held back by the partner's protocol version (``resident_view.held_back``):
  under the Meldcode (art8.1), for or with Veilig Thuis (art8.2), or one the partner decided
  would harm the person or others if shown (art9.3), until the partner releases it; then it
  is shown with the kind it was held back as, since when and until when;
- a processing that also concerns someone else than the person and the resident (one trace
  of the log with a record of another data subject): it would reveal another person's case;
- the resident's own looks at this view (they are logged, but would fill it with themselves);
- the partners' handling of what the view holds back (holding back, releasing, reading that
  list): listing it would show that something is held back;
- for a represented person, what partners did at which the resident may not act for them
  (:func:`~zorgvuldig.gate.services.resident.whom.partners_acting_for`).

Reading a page that shows anything is itself logged, for the person and the resident, one
record per organisation whose processings it showed, under art9.1.
"""

from __future__ import annotations

import datetime
import uuid

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.exchange.models import Disclosure
from zorgvuldig.gate.processing import Performed, Processing, process_required
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.resident.signin import resident_pseudonym
from zorgvuldig.gate.services.resident.views import (
    RESIDENT,
    SELF,
    SYSTEM,
    ProcessingEntry,
    ResidentLog,
)
from zorgvuldig.gate.services.resident.whom import viewable
from zorgvuldig.partners.models import Employee, Partner, ProtocolCommitment
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.protocol import Category, Operation, Purpose, RecipientKind, loader
from zorgvuldig.protocol.version import HELD_BACK_KINDS
from zorgvuldig.rights.models import ViewHold, ViewHoldKind

VIEW_NAME = "eigen-verwerkingen-raadplegen"
# the partner's handling of what the view holds back (art9.3): holding back, releasing, the
# list of it; never listed, or holding something back would show that something is held back
HOLD_NAME = "verwerking-achterhouden"
RELEASE_NAME = "verwerking-vrijgeven"
HOLDS_NAME = "achterhouden-raadplegen"
PARTNER_HANDLING = (HOLD_NAME, RELEASE_NAME, HOLDS_NAME)
PAGE = 50
MAX_PAGE = 200


def resident_log_id(subject_id) -> str:
    """How the log names ``subject_id`` acting in their view (at whichever partner)."""
    return Actor(partner_id=uuid.UUID(int=0), resident=resident_pseudonym(subject_id)).log_id


def _kinds_by_partner() -> dict[frozenset[str], list[str]] | None:
    """Which kinds each partner's version holds back today; a partner bound to no version
    holds back every kind (the strictest reading). None when every version holds back every
    kind: then nothing depends on the partner, and nothing is read for it."""
    if all(v.resident_held_back == HELD_BACK_KINDS for v in loader.load_all().values()):
        return None
    today = timezone.localdate()
    committed = dict(
        ProtocolCommitment.objects.filter(starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .values_list("partner_id", "protocol_version")
    )
    groups: dict[frozenset[str], list[str]] = {}
    for partner_id in Partner.objects.order_by().values_list("id", flat=True):
        version = loader.in_force(committed[partner_id], today) if partner_id in committed else None
        kinds = version.resident_held_back if version is not None else HELD_BACK_KINDS
        groups.setdefault(frozenset(kinds), []).append(str(partner_id))
    return groups


def held_kinds(partner_id) -> frozenset[str]:
    """The kinds ``partner_id``'s version holds back today (a partner bound to none: all)."""
    groups = _kinds_by_partner()
    if groups is None:
        return frozenset(HELD_BACK_KINDS)
    return next(
        (kinds for kinds, partners in groups.items() if str(partner_id) in partners),
        frozenset(HELD_BACK_KINDS),
    )


def held_back_rules(subject_id) -> dict[ViewHoldKind, Q]:
    """Per kind, the log records (of any partner) that kind holds back from the view of
    ``subject_id`` (as a filter), whether or not the partner's version holds it back."""
    vt_traces = Disclosure.objects.filter(
        client__subject_id=subject_id, recipient_kind=RecipientKind.VEILIG_THUIS.value
    ).values("trace_id")
    harm_traces = ViewHold.objects.filter(
        client__subject_id=subject_id, kind=ViewHoldKind.HARM, released_at__isnull=True
    ).values("trace_id")
    return {
        ViewHoldKind.MELDCODE: Q(name__startswith="meldcode-") | Q(purpose=Purpose.SAFETY.value),
        ViewHoldKind.VEILIG_THUIS: Q(trace_id__in=vt_traces),
        ViewHoldKind.HARM: Q(trace_id__in=harm_traces),
    }


def _held_back(subject_id, released: set[str]) -> Q:
    """The records held back from the view now (as a filter to exclude)."""
    by_kind = held_back_rules(subject_id)
    groups = _kinds_by_partner()
    if groups is None:  # every version holds back every kind, whatever the partner
        held = Q(pk__in=[])
        for kind in HELD_BACK_KINDS:
            held |= by_kind[ViewHoldKind(kind)]
        return held & ~Q(trace_id__in=sorted(released))
    held = Q(pk__in=[])
    for kinds, partners in groups.items():
        if not kinds:
            continue
        of_kinds = Q(pk__in=[])
        for kind in kinds:
            of_kinds |= by_kind[ViewHoldKind(kind)]
        held |= Q(partner_id__in=partners) & of_kinds
    # what the partner released is shown again, whatever held it back (a harm hold released
    # is no longer among harm_traces)
    return held & ~Q(trace_id__in=sorted(released))


def releases(subject_id) -> dict[str, tuple[str, datetime.datetime | None, datetime.datetime]]:
    """Per trace released to the view of ``subject_id``: the kind it was held back as, since
    when (a harm hold's time; None: since the processing) and when it was released."""
    return {
        h.trace_id: (h.kind, h.held_since if h.kind == ViewHoldKind.HARM else None, h.released_at)
        for h in ViewHold.objects.filter(client__subject_id=subject_id, released_at__isnull=False)
    }


def another_persons_case(subject_id, resident_id) -> Exists:
    """A record whose trace also has a record of another data subject than ``subject_id`` and
    the resident: it would reveal another person's case (as a filter)."""
    known = {resident_pseudonym(subject_id), resident_pseudonym(resident_id)}
    return Exists(
        LogRecord.objects.filter(trace_id=OuterRef("trace_id")).exclude(
            subject_pseudonym__in=sorted(known)
        )
    )


def never_listed(resident_id) -> Q:
    """The records the view never lists to ``resident_id`` (as a filter): their own looks at
    it and the partners' handling of what it holds back."""
    return Q(name=VIEW_NAME, actor_id=resident_log_id(resident_id)) | Q(name__in=PARTNER_HANDLING)


def listed(subject_id, resident_id, released) -> QuerySet:
    """The log records of ``subject_id``'s data (at every partner) that the view lists to
    ``resident_id``: without what is held back now (``released``: the traces released), the
    records of another person's case, the resident's own looks at the view and the partners'
    handling of what it holds back."""
    return (
        LogRecord.objects.filter(subject_pseudonym=resident_pseudonym(subject_id))
        .exclude(never_listed(resident_id))
        .exclude(_held_back(subject_id, set(released)))
        .exclude(another_persons_case(subject_id, resident_id))
    )


def _recipients(trace_ids) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    rows = (
        Disclosure.objects.filter(trace_id__in=trace_ids)
        .order_by("id")
        .values_list(
            "trace_id",
            "recipient_partner__name",
            "recipient_non_partner__name",
            "recipient_kind",
        )
    )
    for trace_id, partner, non_partner, kind in rows:
        name = (
            partner
            or non_partner
            or ("Veilig Thuis" if kind == RecipientKind.VEILIG_THUIS.value else "")
        )
        if name and name not in found.setdefault(trace_id, []):
            found[trace_id].append(name)
    return {t: tuple(names) for t, names in found.items()}


def _employee_id(actor_id: str) -> uuid.UUID | None:
    """The employee a log record names (an employee's id), else None (a service, a resident,
    or anything else the log holds)."""
    try:
        return uuid.UUID(actor_id)
    except ValueError:
        return None


def _by(actor_id: str, own: str, roles: dict[str, str]) -> str:
    if actor_id == own:
        return SELF
    if actor_id.startswith("resident:"):
        return RESIDENT
    if actor_id.startswith("service:"):
        return SYSTEM
    return roles.get(actor_id, SYSTEM)


def _entries(records, subject_id, released) -> list[ProcessingEntry]:
    roles = {
        str(i): role
        for i, role in Employee.objects.filter(
            id__in={e for e in (_employee_id(r.actor_id) for r in records) if e}
        ).values_list("id", "role")
    }
    partners = {
        str(p): name
        for p, name in Partner.objects.filter(id__in={r.partner_id for r in records}).values_list(
            "id", "name"
        )
    }
    sent = _recipients({r.trace_id for r in records if r.operation == Operation.SHARE.value})
    own = resident_log_id(subject_id)
    entries = []
    for r in records:
        hold = released.get(r.trace_id)
        entries.append(
            ProcessingEntry(
                id=r.id,
                at=r.start_time,
                partner=partners.get(r.partner_id, ""),
                by=_by(r.actor_id, own, roles),
                name=r.name,
                operation=r.operation,
                categories=tuple(filter(None, r.categories.split(","))),
                purpose=r.purpose,
                legal_basis=r.legal_basis,
                decision=r.decision,
                articles=tuple(filter(None, r.articles.split(","))),
                recipients=sent.get(r.trace_id, ()),
                held_back=hold[0] if hold else "",
                held_since=(hold[1] or r.start_time) if hold else None,
                released_at=hold[2] if hold else None,
            )
        )
    return entries


def _cursor(value, field: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if number < 0:
        raise InvalidInput({field: "Geef een volgnummer van een verwerking."})
    return number


@gate_service
def resident_processings(
    resident_id, subject_id=None, *, after=None, before=None, limit: int = PAGE
) -> ResidentLog:
    """The processings of ``subject_id``'s data (the resident's own without it), newest
    first: ``PAGE`` of them, those older than ``before``, or those newer than ``after`` (what
    happened since the page was shown). :class:`NotFound` when the resident may not open
    that person's view; :class:`InvalidInput` for a malformed cursor."""
    whose = viewable(resident_id, subject_id or resident_id)
    after_id, before_id = _cursor(after, "after"), _cursor(before, "before")
    limit = max(1, min(int(limit), MAX_PAGE))
    released = releases(whose.subject_id)
    records = listed(whose.subject_id, resident_id, released)
    if whose.partner_ids is not None:
        records = records.filter(partner_id__in=[str(p) for p in whose.partner_ids])
    if after_id is not None:
        records = records.filter(id__gt=after_id)
    if before_id is not None:
        records = records.filter(id__lt=before_id)
    page = list(records.order_by("-id")[: limit + 1])
    older, page = len(page) > limit, page[:limit]
    entries = _entries(page, whose.subject_id, released)
    for partner_id in sorted({r.partner_id for r in page}):
        _log_view(resident_id, whose.subject_id, partner_id)
    return ResidentLog(tuple(entries), older)


def _log_view(resident_id, subject_id, partner_id: str) -> None:
    """The page read the person's processings at ``partner_id``: logged for the person and the
    resident under art9.1."""
    actor = Actor(partner_id=uuid.UUID(partner_id), resident=resident_pseudonym(resident_id))
    processing = Processing(
        name=VIEW_NAME,
        actor=actor,
        operation=Operation.CONSULT,
        categories=(Category.IDENTIFICATION,),
        purpose=Purpose.ACCOUNTABILITY,
        legal_basis=None,
        client_id=None,
        subject_ids=(subject_id, resident_id),
    )
    process_required(
        processing,
        lambda decision: Performed(None, subject_ids=[subject_id, resident_id]),
        "art9.1",
    )
