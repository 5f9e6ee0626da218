# SPDX-License-Identifier: EUPL-1.2
"""art9.6: when a request changes, deletes or blocks data (blocking and restriction: AVG art. 19),
everyone who received those items before the change, and nobody else, is told, through an outbox
with delivery status and retries.

- a partner whose system subscribed to webhooks gets a signed notification (the existing
  webhooks, event ``received-data.changed``), naming its own copies of the items and the
  received shares, nothing about the person;
- a partner without a subscription gets an e-mail at its privacy contact address, sent by the
  task worker with retries; it names the kind of change and a reference, no personal data;
- a non-partner or Veilig Thuis gets a letter: the caseworker sends it and records that.

The request closes only when every notice is delivered or marked impossible with a reason.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.core.errors import InvalidInput
from zorgvuldig.exchange.models import Disclosure, ReceivedShare
from zorgvuldig.gate import validation
from zorgvuldig.gate.context import gate_open
from zorgvuldig.gate.processing import Performed, process_required
from zorgvuldig.gate.services.common import gate_service, locked_or_404
from zorgvuldig.gate.services.rights.convert import request_view
from zorgvuldig.gate.services.rights.handlers import rights_processing
from zorgvuldig.gate.services.rights.register import reload, request_for
from zorgvuldig.gate.services.rights.views import NoticeView, SubjectRequestView
from zorgvuldig.partners.models import Partner
from zorgvuldig.protocol import Operation, RecipientKind
from zorgvuldig.rights.codes import NoticeChannel, NoticeStatus, RequestState
from zorgvuldig.rights.models import RecipientNotice, SubjectRequest
from zorgvuldig.webhooks.delivery import backoff, notify

try:  # Django 6 has the task framework built in; on 5.2 the django-tasks backport
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task

EVENT = "received-data.changed"
MAX_MAIL_ATTEMPTS = 8
CHANGE_WORDS = {
    "correction": "gecorrigeerd",
    "addition": "aangevuld",
    "deletion": "verwijderd",
    "blocking": "afgeschermd",  # AVG art. 19 asks this of restriction too
    "restriction": "in gebruik beperkt",
    "objection": "na bezwaar buiten gebruik gesteld",  # AVG art. 21
}


def _recipient_key(d: Disclosure) -> tuple:
    return (
        d.recipient_kind,
        d.recipient_partner_id,
        d.recipient_non_partner_id,
        d.report_reference,
    )


def create_notices(request: SubjectRequest, item_ids, before: datetime.datetime) -> int:
    """Inside the processing that changed ``item_ids``: one notice per recipient that received
    any of them before ``before``; returns how many."""
    disclosures = list(
        Disclosure.objects.filter(item_id__in=item_ids, disclosed_at__lt=before).order_by("id")
    )
    by_recipient = defaultdict(list)
    for d in disclosures:
        by_recipient[_recipient_key(d)].append(d)
    for (kind, partner_id, non_partner_id, reference), sent in by_recipient.items():
        notice = RecipientNotice.objects.create(
            request=request,
            recipient_kind=kind,
            recipient_partner_id=partner_id,
            recipient_non_partner_id=non_partner_id,
            report_reference=reference,
            channel=NoticeChannel.LETTER,
        )
        notice.disclosures.set(sent)
        if kind == RecipientKind.PARTNER:
            _announce(notice, request, partner_id, sent)
    return len(by_recipient)


def _announce(notice: RecipientNotice, request: SubjectRequest, partner_id, sent) -> None:
    shares = list(
        ReceivedShare.objects.filter(disclosure__in=sent).values_list("id", "accepted_item_id")
    )
    payload = {
        "change": request.kind,
        "receivedShareIds": sorted(str(i) for i, _ in shares),
        "itemIds": sorted(str(item) for _, item in shares if item is not None),
        "noticeId": str(notice.id),
    }
    notifications = notify(partner_id, EVENT, payload)
    if notifications:
        notice.channel = NoticeChannel.WEBHOOK
        notice.save(update_fields=["channel"])
        notice.notifications.set(notifications)
    elif Partner.objects.filter(id=partner_id).exclude(privacy_email="").exists():
        notice.channel = NoticeChannel.EMAIL
        notice.save(update_fields=["channel"])
        transaction.on_commit(lambda: mail_notice.enqueue(str(notice.id)))


def _mail_text(notice: RecipientNotice) -> tuple[str, str]:
    sender = Partner.objects.get(id=notice.request.partner_id).name
    change = CHANGE_WORDS.get(notice.request.kind, "gewijzigd")
    days = sorted({timezone.localdate(d.disclosed_at) for d in notice.disclosures.all()})
    subject = f"Gegevens die u van {sender} ontving zijn {change} (art. 9 lid 6)"
    body = (
        f"Op verzoek van een betrokkene heeft {sender} gegevens {change} die uw organisatie "
        f"eerder van ons ontving (op {', '.join(f'{d:%d-%m-%Y}' for d in days)}).\n\n"
        "Het Privacy protocol Sociaal Domein Regio Utrecht Zuidoost (art. 9 lid 6) vraagt u "
        "uw kopie in lijn te brengen. Om privacyredenen staan er geen persoonsgegevens in dit "
        "bericht: u vindt de betreffende gegevens in zorgvuldig onder 'Ontvangen gegevens', of "
        f"vraagt ze op onder kenmerk {notice.id}.\n"
    )
    return subject, body


@task()
def mail_notice(notice_id: str) -> str:
    """One attempt to e-mail a notice to the partner's privacy contact; retries with backoff."""
    with gate_open(), transaction.atomic():
        notice = (
            RecipientNotice.objects.select_for_update(of=("self",))
            .select_related("request", "recipient_partner")
            .filter(id=notice_id)
            .first()
        )
        if notice is None or notice.status != NoticeStatus.PENDING:
            return "done"
        subject, body = _mail_text(notice)
        notice.attempts += 1
        try:
            send_mail(subject, body, None, [notice.recipient_partner.privacy_email])
        except Exception as error:
            notice.last_error = str(error)[:500]
            notice.save(update_fields=["attempts", "last_error"])
            if notice.attempts < MAX_MAIL_ATTEMPTS:
                run_after = timezone.now() + backoff(notice.attempts)
                transaction.on_commit(
                    lambda: mail_notice.using(run_after=run_after).enqueue(notice_id)
                )
                return "retry scheduled"
            return "gave up"
        notice.status, notice.delivered_at, notice.last_error = (
            NoticeStatus.DELIVERED,
            timezone.now(),
            "",
        )
        notice.save(update_fields=["attempts", "status", "delivered_at", "last_error"])
        return "delivered"


def _refresh(notice: RecipientNotice) -> RecipientNotice:
    """A webhook notice is as far as its notifications: delivered when all are, impossible
    when one gave up (with its last error)."""
    if notice.channel != NoticeChannel.WEBHOOK or notice.status != NoticeStatus.PENDING:
        return notice
    sent = list(notice.notifications.all())
    if sent and all(n.delivered_at for n in sent):
        notice.status, notice.delivered_at = (
            NoticeStatus.DELIVERED,
            max(n.delivered_at for n in sent),
        )
        notice.save(update_fields=["status", "delivered_at"])
    elif any(n.gave_up_at for n in sent):
        given_up = next(n for n in sent if n.gave_up_at)
        notice.status = NoticeStatus.IMPOSSIBLE
        notice.impossible_reason = f"Webhook niet afgeleverd: {given_up.last_error}"[:500]
        notice.attempts = sum(n.attempts for n in sent)
        notice.save(update_fields=["status", "impossible_reason", "attempts"])
    return notice


def _name(notice: RecipientNotice) -> str:
    if notice.recipient_partner_id:
        return notice.recipient_partner.name
    if notice.recipient_non_partner_id:
        return notice.recipient_non_partner.name
    return f"Veilig Thuis (melding {notice.report_reference})"


def notice_view(notice: RecipientNotice) -> NoticeView:
    return NoticeView(
        id=notice.id,
        recipient=_name(notice),
        recipient_kind=notice.recipient_kind,
        channel=notice.channel,
        status=notice.status,
        item_ids=tuple(sorted({d.item_id for d in notice.disclosures.all()}, key=str)),
        attempts=notice.attempts,
        last_error=notice.last_error,
        impossible_reason=notice.impossible_reason,
    )


def _notices(request: SubjectRequest) -> list[RecipientNotice]:
    found = (
        request.notices.select_related("recipient_partner", "recipient_non_partner")
        .prefetch_related("disclosures", "notifications")
        .order_by("created_at", "id")
    )
    return [_refresh(n) for n in found]


@gate_service
def request_notices(actor: Actor, request_id) -> list[NoticeView]:
    """art9.6: the earlier recipients of a request's changes and how far telling them got."""
    with transaction.atomic():
        request = request_for(actor, request_id, "ontvangers-informeren-raadplegen")
        processing = rights_processing(
            actor, request.client, "ontvangers-informeren-raadplegen", Operation.CONSULT
        )
        return process_required(
            processing,
            lambda decision: Performed(
                [notice_view(n) for n in _notices(request)],
                subject_ids=[request.client.subject_id],
            ),
            "art9.6",
        ).result


@gate_service
def resolve_notice(
    actor: Actor, notice_id, *, delivered: bool, impossible_reason: str = ""
) -> NoticeView:
    """Record that a notice was delivered (a letter was sent) or cannot be (with a reason)."""
    key = validation.reference(notice_id, "noticeId")
    reason = "" if delivered else validation.text(impossible_reason, "impossibleReason", 1000)
    with transaction.atomic():
        notice = locked_or_404(
            RecipientNotice.objects.filter(id=key, request__partner_id=actor.partner_id),
            "notice",
            "Deze melding bestaat niet bij uw organisatie.",
        )
        request = request_for(actor, notice.request_id, "ontvanger-informeren-vastleggen")
        if _refresh(notice).status != NoticeStatus.PENDING:
            raise InvalidInput({"noticeId": "Deze melding is al afgehandeld."})
        processing = rights_processing(
            actor, request.client, "ontvanger-informeren-vastleggen", Operation.CHANGE
        )

        def perform(decision):
            notice.status = NoticeStatus.DELIVERED if delivered else NoticeStatus.IMPOSSIBLE
            notice.delivered_at = timezone.now() if delivered else None
            notice.impossible_reason, notice.resolved_by_id = reason, actor.employee_id
            notice.save()
            return Performed(notice_view(notice), subject_ids=[request.client.subject_id])

        return process_required(processing, perform, "art9.6").result


@gate_service
def close_request(actor: Actor, request_id) -> SubjectRequestView:
    """Close a carried-out request; refused while an earlier recipient is still to be told."""
    with transaction.atomic():
        request = request_for(actor, request_id, "verzoek-betrokkene-afsluiten", Operation.CHANGE)
        if request.state != RequestState.CARRIED_OUT:
            raise InvalidInput({"state": "Alleen een uitgevoerd verzoek wordt afgesloten."})
        waiting = [n for n in _notices(request) if n.status == NoticeStatus.PENDING]
        if waiting:
            raise InvalidInput(
                {
                    "notices": "Nog niet iedere eerdere ontvanger is ingelicht (art. 9 lid 6): "
                    + ", ".join(_name(n) for n in waiting)
                    + ". Wacht op de aflevering of leg vast waarom het niet kan."
                }
            )
        processing = rights_processing(
            actor, request.client, "verzoek-betrokkene-afsluiten", Operation.CHANGE
        )

        def perform(decision):
            request.state, request.closed_at = RequestState.CLOSED, timezone.now()
            request.save(update_fields=["state", "closed_at"])
            return Performed(
                request_view(reload(request.id)), subject_ids=[request.client.subject_id]
            )

        return process_required(processing, perform, "art9.6").result
