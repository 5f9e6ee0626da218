# SPDX-License-Identifier: EUPL-1.2
"""Holds, destruction lists and the ledger of destroyed dossiers (art5.2).

Personal data: only :mod:`zorgvuldig.gate` reads and writes these models. A destruction
list names clients only until they are destroyed; then an entry keeps the log's pseudonym,
which no longer leads to anyone.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.fields import DossierKeyed, EncryptedTextField
from zorgvuldig.protocol import DOMAINS


class RetentionHold(DossierKeyed, models.Model):
    """art5.2: a client's data at one partner kept longer because careful support needs it;
    after ``review_on`` passes without a new hold, the data is due again."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="+")
    partner = models.ForeignKey("partners.Partner", on_delete=models.PROTECT, related_name="+")
    reason = EncryptedTextField(_("reason"))
    decided_by = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    review_on = models.DateField(_("review on"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-review_on"]


class ListState(models.TextChoices):
    REVIEW = "review", _("Awaiting review")
    APPROVAL = "approval", _("Awaiting approval")
    APPROVED = "approved", _("Approved, cooling off")
    RETURNED = "returned", _("Returned to its author")
    RUNNING = "running", _("Being destroyed")
    DONE = "done", _("Destroyed")


class DestructionList(models.Model):
    """What of one partner is due by a day, reviewed by a second person, approved by a privacy
    officer (never its author), and destroyed only after a cooling-off period."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    number = models.PositiveIntegerField(unique=True)
    partner = models.ForeignKey("partners.Partner", on_delete=models.PROTECT, related_name="+")
    due_by = models.DateField(_("due by"))
    state = models.CharField(max_length=20, choices=ListState.choices, default=ListState.REVIEW)
    author = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    reviewer = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+", null=True
    )
    reviewed_at = models.DateTimeField(null=True)
    approver = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+", null=True
    )
    approved_at = models.DateTimeField(null=True)
    cooling_off_until = models.DateTimeField(null=True)
    returned_reason = models.CharField(_("why it was returned"), max_length=500, blank=True)
    run_started_at = models.DateTimeField(null=True)
    run_ended_at = models.DateTimeField(null=True)
    # the hash of the last processing-log record when the run ended (the record of destruction)
    last_log_hash = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-number"]


class Review(models.TextChoices):
    DESTROY = "destroy", _("Destroy")
    KEEP = "keep", _("Keep")


class EntryOutcome(models.TextChoices):
    PENDING = "pending", _("Not carried out yet")
    DESTROYED = "destroyed", _("Destroyed")
    KEPT = "kept", _("Kept")


class ListEntry(models.Model):
    """One client's dossier at the list's partner, due by the list's day."""

    list = models.ForeignKey(DestructionList, on_delete=models.CASCADE, related_name="entries")
    client = models.ForeignKey(
        "clients.Client", on_delete=models.SET_NULL, related_name="+", null=True
    )
    # the processing log's pseudonym of the client: what the entry keeps once they are gone
    pseudonym = models.CharField(max_length=64)
    domain = models.CharField(max_length=20, choices=[(d.value, v) for d, v in DOMAINS.items()])
    rule = models.CharField(max_length=60)
    period = models.PositiveIntegerField(help_text=_("The year in which the support ended."))
    kept_through = models.DateField()
    review = models.CharField(max_length=10, choices=Review.choices, blank=True)
    keep_reason = EncryptedTextField(_("reason to keep"), blank=True, default="")
    keep_until = models.DateField(null=True)
    outcome = models.CharField(
        max_length=10, choices=EntryOutcome.choices, default=EntryOutcome.PENDING
    )
    # why it was kept when the list ran (a hold, an open request, support reopened, ...)
    kept_because = models.CharField(max_length=30, blank=True)
    carried_out_at = models.DateTimeField(null=True)

    class Meta:
        ordering = ["list", "id"]
        constraints = [
            models.UniqueConstraint(fields=["list", "pseudonym"], name="one_entry_per_client")
        ]


class DestroyedDossier(models.Model):
    """The ledger: a client's dossier at a partner that was destroyed, by pseudonym only, so
    that what a restore from backup brings back can be destroyed again."""

    pseudonym = models.CharField(max_length=64, db_index=True)
    partner = models.ForeignKey("partners.Partner", on_delete=models.PROTECT, related_name="+")
    # the client was destroyed as a whole (nothing of them left at any partner)
    whole_client = models.BooleanField(default=False)
    destroyed_at = models.DateTimeField()
    list = models.ForeignKey(DestructionList, on_delete=models.PROTECT, related_name="+", null=True)


class AnonymisedCount(models.Model):
    """art5.2: what is kept, anonymised, of the data destroyed: how many people had data of a
    category in a domain whose support ended in a year, by age band, municipality and ending.
    Counts only; they are published with small cells suppressed
    (:mod:`zorgvuldig.retention.suppression`)."""

    category = models.CharField(max_length=30)
    domain = models.CharField(max_length=20)
    period = models.PositiveIntegerField(help_text=_("The year in which the support ended."))
    age_band = models.CharField(max_length=10)
    municipality = models.CharField(max_length=10, default="unknown")  # a CBS gemeentecode
    ending = models.CharField(max_length=20, default="unknown")  # how the support ended
    people = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["category", "domain", "period", "age_band", "municipality", "ending"],
                name="one_count_per_cell",
            )
        ]
