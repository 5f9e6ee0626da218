# SPDX-License-Identifier: EUPL-1.2
"""The processing log: append-only, hash-chained, one record per processing per data subject.

Records are spread over ``ZORGVULDIG_LOG_CHAINS`` chains by the subject's pseudonym; within a
chain every record carries the keyed hash of its predecessor. ``ChainHead`` keeps the end of
each chain, ``Anchor`` periodically binds all heads together. On PostgreSQL and SQLite a
trigger refuses UPDATE and DELETE on records.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProcessingActivity(models.Model):
    """An entry of the register of processing activities (AVG art. 30)."""

    id = models.SlugField(primary_key=True, max_length=80)
    name = models.CharField(_("name"), max_length=200)
    purpose = models.TextField(_("purpose"))
    legal_basis = models.CharField(_("legal basis"), max_length=20)
    data_subjects = models.TextField(_("categories of data subjects"))
    data_categories = models.TextField(_("categories of personal data"))
    recipients = models.TextField(_("categories of recipients"))
    retention = models.TextField(_("retention"))
    security = models.TextField(_("security measures"))
    controller = models.CharField(_("controller"), max_length=200)

    class Meta:
        ordering = ["id"]
        verbose_name = _("processing activity")
        verbose_name_plural = _("register of processing activities")

    def __str__(self) -> str:
        return self.name


class LogRecord(models.Model):
    id = models.BigAutoField(primary_key=True)
    chain = models.PositiveSmallIntegerField()
    seq = models.PositiveBigIntegerField()
    prev_hash = models.CharField(max_length=64)
    record_hash = models.CharField(max_length=64)
    trace_id = models.CharField(max_length=32, db_index=True)
    span_id = models.CharField(max_length=16)
    parent_span_id = models.CharField(max_length=16, blank=True)
    name = models.CharField(max_length=100)
    start_time = models.DateTimeField()
    end_time = models.DateTimeField()
    status = models.CharField(max_length=10)
    processing_activity_id = models.CharField(max_length=80)
    subject_pseudonym = models.CharField(max_length=64, db_index=True)
    foreign_operation = models.CharField(max_length=200, blank=True)
    actor_id = models.CharField(max_length=64)
    partner_id = models.CharField(max_length=64)
    operation = models.CharField(max_length=20)
    categories = models.CharField(max_length=400)
    purpose = models.CharField(max_length=50)
    legal_basis = models.CharField(max_length=30)
    decision = models.CharField(max_length=10)
    articles = models.CharField(max_length=200)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["chain", "seq"], name="one_record_per_chain_seq")
        ]
        indexes = [
            # a partner's records in a time window: the search for the clients an incident
            # affected (art3.2f; gate.services.incidents.affected), narrowed there further
            models.Index(fields=["partner_id", "start_time"], name="log_partner_start_time"),
        ]

    def __str__(self) -> str:
        return f"record {self.id} (chain {self.chain}, seq {self.seq})"


class ChainHead(models.Model):
    """The last record of one chain: its sequence number and hash."""

    chain = models.PositiveSmallIntegerField(primary_key=True)
    seq = models.PositiveBigIntegerField(default=0)
    record_hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"chain {self.chain} at seq {self.seq}"


class Anchor(models.Model):
    """A periodic binding of all chain heads, itself chained to the previous anchor."""

    id = models.BigAutoField(primary_key=True)
    created_at = models.DateTimeField()
    heads = models.JSONField()  # [[chain, seq, record_hash], ...]
    prev_hash = models.CharField(max_length=64)
    anchor_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"anchor {self.id}"
