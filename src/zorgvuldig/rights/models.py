# SPDX-License-Identifier: EUPL-1.2
"""The rights of data subjects (art9) and who exercises them (art10).

A request of a data subject, or of whoever art10 says acts for them, is kept from receipt to
closing: who asked, for whom, on what authority, how their identity was established, when it
came in and when the answer is due. Beside it: the partner's judgement that a data subject of
16 or older cannot exercise the rights (art10.2), and what it recorded about a representative
(unwilling, or limited for weighty interests of the subject, art10.2 and art10.3).

Personal data: only :mod:`zorgvuldig.gate` reads and writes these models.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.fields import DossierKeyed, EncryptedTextField
from zorgvuldig.core.reminders import DailyReminder
from zorgvuldig.rights.codes import (
    IdentityMethod,
    NoticeChannel,
    NoticeStatus,
    Outcome,
    RefusalGround,
    RequestKind,
    RequestState,
    StanceKind,
    ViewHoldKind,
    WithholdingGround,
)


class SubjectRequest(DossierKeyed, models.Model):
    """A request under art9 (and AVG art. 15 to 21) at one partner."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    partner = models.ForeignKey("partners.Partner", on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey(
        "clients.Client", on_delete=models.PROTECT, related_name="subject_requests"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=RequestKind.choices)
    state = models.CharField(
        _("state"), max_length=20, choices=RequestState.choices, default=RequestState.RECEIVED
    )
    # who asked (the data subject or a representative) and who signed (art10)
    requested_by = models.ForeignKey("clients.Subject", on_delete=models.PROTECT, related_name="+")
    signed_by = models.ManyToManyField("clients.Subject", related_name="+")
    authority = models.CharField(_("authority"), max_length=200)  # the articles, e.g. art10.1
    identity_method = models.CharField(
        _("identity established by"), max_length=20, choices=IdentityMethod.choices
    )
    identity_note = EncryptedTextField(_("identity note"), blank=True, default="")
    # what is asked: the items concerned and, for a correction or addition, what it should say
    details = EncryptedTextField(_("details"), blank=True, default="")
    items = models.ManyToManyField("dossier.DataItem", related_name="+", blank=True)
    protocol_version = models.CharField(_("protocol version"), max_length=80)
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("due on"))
    extended_on = models.DateField(_("extension announced on"), null=True, blank=True)
    extension_reason = EncryptedTextField(_("reason for the extension"), blank=True, default="")
    # None: made by the data subject (or who acts for them) in their own view, signed in with
    # DigiD (decision 25)
    registered_by = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    registered_at = models.DateTimeField(auto_now_add=True)
    withdrawn_on = models.DateField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # art9.5: the decision on a request under art9.4
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    # the explicit answer to "is refusing needed to protect the subject or others?"
    protection_needed = models.BooleanField(null=True)
    refusal_ground = models.CharField(
        _("ground for refusal"), max_length=20, choices=RefusalGround.choices, blank=True
    )
    refusal_reason = EncryptedTextField(_("reason for refusal"), blank=True, default="")
    granted_items = models.ManyToManyField("dossier.DataItem", related_name="+", blank=True)
    decided_by = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    decided_on = models.DateField(null=True, blank=True)
    carried_out_on = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["partner", "state", "due_on"], name="open_requests_due")]


class RequestPause(models.Model):
    """The clock stands still while the partner waits for the requester: proof of identity
    or a clarification it asked for (the deadline moves by the days paused)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(SubjectRequest, on_delete=models.CASCADE, related_name="pauses")
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    reason = EncryptedTextField(_("reason"))
    recorded_by = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["request"], condition=Q(ended_on__isnull=True), name="one_open_pause"
            )
        ]

    @property
    def key_owner(self):  # the dossier of the request
        return self.request.key_owner


class IncapacityJudgement(DossierKeyed, models.Model):
    """art10.2: the partner judged a data subject of 16 or older unable to exercise the rights
    or to oversee their consequences; in force from ``judged_on`` until ``ended_on``."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    partner = models.ForeignKey("partners.Partner", on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="+")
    judged_on = models.DateField()
    judged_by = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    reason = EncryptedTextField(_("reason"))
    ended_on = models.DateField(null=True, blank=True)


class RepresentativeStance(DossierKeyed, models.Model):
    """What the partner recorded about someone who could act for a client (art10.2, art10.3)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    partner = models.ForeignKey("partners.Partner", on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="+")
    representative = models.ForeignKey(
        "clients.Subject", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=StanceKind.choices)
    reason = EncryptedTextField(_("reason"))
    recorded_on = models.DateField()
    recorded_by = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    ended_on = models.DateField(null=True, blank=True)


class RecipientNotice(models.Model):
    """art9.6: telling someone who received the data before that a request changed or deleted
    it. One per earlier recipient; the request closes only when each is delivered or marked
    impossible with a reason."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    request = models.ForeignKey(SubjectRequest, on_delete=models.PROTECT, related_name="notices")
    recipient_kind = models.CharField(max_length=20)
    recipient_partner = models.ForeignKey(
        "partners.Partner", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    recipient_non_partner = models.ForeignKey(
        "exchange.NonPartner", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    report_reference = models.CharField(max_length=100, blank=True)
    disclosures = models.ManyToManyField("exchange.Disclosure", related_name="+")
    channel = models.CharField(max_length=10, choices=NoticeChannel.choices)
    status = models.CharField(
        max_length=12, choices=NoticeStatus.choices, default=NoticeStatus.PENDING
    )
    notifications = models.ManyToManyField("webhooks.Notification", related_name="+", blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    impossible_reason = EncryptedTextField(_("why it cannot be delivered"), blank=True, default="")
    resolved_by = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    @property
    def key_owner(self):  # the dossier of the request
        return self.request.key_owner


class InspectionWithholding(models.Model):
    """art9.3: an item withheld from an inspection (art9.2), with its ground and reason.
    Items about another person are withheld by the gate itself (``automatic``); any other by
    the privacy officer or the responsible caseworker who prepares the inspection."""

    request = models.ForeignKey(
        SubjectRequest, on_delete=models.CASCADE, related_name="withholdings"
    )
    item = models.ForeignKey("dossier.DataItem", on_delete=models.PROTECT, related_name="+")
    ground = models.CharField(_("ground"), max_length=20, choices=WithholdingGround.choices)
    reason = EncryptedTextField(_("reason"))
    automatic = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "item"], name="withheld_once_per_request")
        ]

    @property
    def key_owner(self):  # the dossier of the request
        return self.request.key_owner


class ReminderReason(models.TextChoices):
    OVERDUE = "overdue", _("Overdue")
    DUE_THIS_WEEK = "due-this-week", _("Due within a week")
    PAUSED = "paused", _("Waiting for the requester for long")


class RequestReminder(DailyReminder):
    """art9.5: a reminder about an open request to one person who handles it (the privacy
    officer, or a caseworker who supports the client), at most one a day. ``days``: left
    (negative: overdue), or paused. Decision 15."""

    request = models.ForeignKey(SubjectRequest, on_delete=models.CASCADE, related_name="reminders")
    reason = models.CharField(max_length=20, choices=ReminderReason.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["request", "employee", "day"], name="one_reminder_a_day"
            )
        ]
        indexes = [models.Index(fields=["employee", "day"], name="reminders_of_a_day")]


class ViewHold(DossierKeyed, models.Model):
    """art9.3: a processing of the client's data (one trace of the processing log) held back
    from the resident's own view, or released to it. A processing under the Meldcode or for
    Veilig Thuis is held back by the protocol version's rule without a row; its release is a
    row with ``released_at``. One the partner decided would harm the resident or others if
    shown is a row without ``released_at`` until it is released."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    partner = models.ForeignKey("partners.Partner", on_delete=models.PROTECT, related_name="+")
    client = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="+")
    trace_id = models.CharField(max_length=32)
    kind = models.CharField(max_length=20, choices=ViewHoldKind.choices)
    reason = EncryptedTextField(_("reason"), blank=True)
    held_since = models.DateTimeField()
    held_by = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    released_at = models.DateTimeField(null=True, blank=True)
    released_by = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "client", "trace_id"], name="one_view_hold_per_processing"
            )
        ]
