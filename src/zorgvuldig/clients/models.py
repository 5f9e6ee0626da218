# SPDX-License-Identifier: EUPL-1.2
"""Clients, other data subjects, their relations, households and support (art1, art2).

Personal data: only :mod:`zorgvuldig.gate` reads and writes these models (import-linter and
the gate guard check it).
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zorgvuldig.clients.codes import EmergencyReason
from zorgvuldig.core.fields import DossierKeyed, EncryptedTextField
from zorgvuldig.core.reminders import DailyReminder
from zorgvuldig.protocol import DOMAINS, LEGAL_BASES, SUPPORT_ENDINGS


class Subject(models.Model):
    """A data subject (betrokkene): a client, or a parent, partner or child of one.

    The BSN is stored encrypted; ``bsn_index`` (a keyed hash) finds a subject by BSN without
    keeping the number in the clear.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    bsn = EncryptedTextField(_("BSN"))
    bsn_index = models.CharField(max_length=64, unique=True, editable=False)
    given_names = models.CharField(_("given names"), max_length=200)
    surname_prefix = models.CharField(_("surname prefix"), max_length=20, blank=True)
    surname = models.CharField(_("surname"), max_length=200, db_index=True)
    birth_date = models.DateField(_("birth date"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["surname", "given_names"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_names, self.surname_prefix, self.surname) if p)

    @property
    def key_owner(self):  # the subject's own key: their BSN goes with them (art5.2)
        return self.id


class Client(models.Model):
    """A resident who gets support from one or more partners (art1); owns a dossier."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subject = models.OneToOneField(Subject, on_delete=models.PROTECT, related_name="client")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["subject__surname", "subject__given_names"]

    def __str__(self) -> str:
        return self.subject.full_name


class RelationKind(models.TextChoices):
    LEGAL_REPRESENTATIVE = "legal-representative", _("Legal representative")
    GUARDIAN = "guardian", _("Guardian")
    CURATOR = "curator", _("Curator")
    MENTOR = "mentor", _("Mentor")
    SPOUSE = "spouse", _("Spouse or life partner")
    PARENT = "parent", _("Parent")
    SIBLING = "sibling", _("Brother or sister")
    CHILD = "child", _("Child")


class Relation(models.Model):
    """``related`` is the ``kind`` of ``subject``: the mother is the *parent* of the child."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="relations")
    related = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="related_to")
    kind = models.CharField(_("kind"), max_length=30, choices=RelationKind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subject", "related", "kind"], name="one_relation_per_kind"
            ),
            models.CheckConstraint(
                condition=~Q(subject=models.F("related")), name="no_self_relation"
            ),
        ]


class Household(models.Model):
    """Integrated support: one household, one plan, one director (art1)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    director = models.ForeignKey(
        "partners.Employee",
        on_delete=models.PROTECT,
        related_name="directed_households",
        null=True,
        blank=True,
    )
    plan = EncryptedTextField(_("plan"), blank=True, default="")
    members = models.ManyToManyField(Subject, related_name="households")
    # the organisations that take part in the household's plan
    partners = models.ManyToManyField(
        "partners.Partner", related_name="household_plans", blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)


class SupportTrajectory(models.Model):
    """Support of one partner to a client in one domain under one law (art1, art2)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="trajectories")
    partner = models.ForeignKey(
        "partners.Partner", on_delete=models.PROTECT, related_name="trajectories"
    )
    domain = models.CharField(
        _("domain"), max_length=20, choices=[(d.value, v) for d, v in DOMAINS.items()]
    )
    legal_basis = models.CharField(
        _("legal basis"), max_length=20, choices=[(b.value, v) for b, v in LEGAL_BASES.items()]
    )
    caseworkers = models.ManyToManyField("partners.Employee", related_name="trajectories")
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    # the municipality on whose behalf the support is given (CBS gemeentecode; empty: recorded
    # before it was kept) and how it ended: counted in the anonymised statistics (art5.2)
    municipality = models.CharField(_("municipality"), max_length=4, blank=True, default="")
    ending = models.CharField(
        _("ending"),
        max_length=20,
        blank=True,
        default="",
        choices=[(e.value, v) for e, v in SUPPORT_ENDINGS.items()],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opened_on"]
        # a partner's clients in order (art5.2: the plan reads them partner by partner, a
        # run asks a batch's trajectories at the partner) without the whole client index
        indexes = [models.Index(fields=["partner", "client"], name="trajectory_partner_client")]
        constraints = [
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=models.F("opened_on")),
                name="trajectory_closes_after_opening",
            )
        ]


class EmergencyAccess(DossierKeyed, models.Model):
    """art3.2c: an employee broke the glass: for a limited time they consult the dossier of one
    client of their partner that they are not assigned to, for a reason from the list and an
    explanation, after giving their second factor again; the privacy officer is told at once
    and reviews it (decision 23)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    partner = models.ForeignKey("partners.Partner", on_delete=models.PROTECT, related_name="+")
    employee = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="emergency_accesses"
    )
    reason = models.CharField(_("reason"), max_length=40, choices=EmergencyReason.choices)
    explanation = EncryptedTextField(_("explanation"))
    started_at = models.DateTimeField(_("started at"))
    expires_at = models.DateTimeField(_("expires at"))
    trace_id = models.CharField(max_length=32, blank=True)
    officers_told_at = models.DateTimeField(null=True, blank=True)
    notice_attempts = models.PositiveSmallIntegerField(default=0)
    review_due_on = models.DateField(_("review due on"))
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    justified = models.BooleanField(null=True)
    review_note = EncryptedTextField(_("review note"), blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["employee", "client", "expires_at"], name="emergency_current"),
            models.Index(fields=["partner", "reviewed_at"], name="emergency_to_review"),
        ]


class EmergencyReminderReason(models.TextChoices):
    """Why a person is reminded of a use of the glass not yet reviewed (decision 23)."""

    REVIEW_DUE = "review-due", _("Review due within a day")
    REVIEW_OVERDUE = "review-overdue", _("Review overdue")
    GLASS_BLOCKED = "glass-blocked", _("Overdue review blocks breaking the glass")


class EmergencyReminder(DailyReminder):
    """art3.2c: a reminder about a use of the glass whose review is overdue or due within a day,
    to one of the partner's privacy officers, or to the employee who broke the glass (their
    overdue review blocks breaking it again); at most one a day per use and person. ``days``:
    until the review is due (negative: overdue). Decision 23."""

    access = models.ForeignKey(EmergencyAccess, on_delete=models.CASCADE, related_name="reminders")
    reason = models.CharField(max_length=20, choices=EmergencyReminderReason.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["access", "employee", "day"], name="one_emergency_reminder_a_day"
            )
        ]
        indexes = [models.Index(fields=["employee", "day"], name="emergency_reminders_of_a_day")]
