# SPDX-License-Identifier: EUPL-1.2
"""The register of incidents and breaches (art3.2f; art3.2g with AVG art. 33 and 34).

Every time is a time stamp (an aware datetime), not a day: when the incident started (as far as
is known), when it was discovered, when the partner became aware that personal data was
affected (and who decided that, and why: the 72 hours to the Autoriteit Persoonsgegevens run
from then), when it was contained, notified and closed.

The notification to the Autoriteit Persoonsgegevens comes in phases, each kept as it was
reported (append-only), with the answers of the notification form as they stood. The decision
whether to tell the data subjects is kept with its reasons, also when nobody is told (AVG art.
33(5) asks every breach to be documented); when they are told, each affected client has a
letter whose delivery is recorded.

Personal data: an incident names the clients it affected, so only :mod:`zorgvuldig.gate` reads
and writes these models. An affected client is kept by the processing log's pseudonym too, so
that the incident still counts them when their dossier has been destroyed (art5.2).
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.fields import EncryptedTextField
from zorgvuldig.incidents.codes import (
    Encryption,
    FoundBy,
    LetterStatus,
    Nature,
    PhaseKind,
    Severity,
    SubjectOutcome,
)


class AppendOnlyError(Exception):
    """A record that is kept as it was written (a phase, a decision) was to be changed."""


class _AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} records are never changed")

    def delete(self):
        raise AppendOnlyError(f"{self.model.__name__} records are never deleted")


class _AppendOnly(models.Model):
    """Written once: ``save()`` of an existing row, ``delete()`` and the queryset's
    ``update()``/``delete()`` raise :class:`AppendOnlyError`."""

    objects = _AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} records are never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} records are never deleted")


class Incident(models.Model):
    """An incident one partner reported (art3.2f): what happened, to which data, how many
    people, its consequences and measures, and the times of its course."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    number = models.PositiveIntegerField(unique=True)
    partner = models.ForeignKey("partners.Partner", on_delete=models.PROTECT, related_name="+")
    reported_by = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    reported_at = models.DateTimeField()
    nature = models.CharField(max_length=30, choices=Nature.choices)
    nature_other = models.CharField(max_length=200, blank=True)
    # what happened, in words without names: the clients affected are attached, not named
    summary = EncryptedTextField(_("what happened"))
    started_at = models.DateTimeField(null=True)
    discovered_at = models.DateTimeField()
    # AVG art. 33(1): the partner became aware that personal data was affected
    aware_at = models.DateTimeField(null=True)
    aware_by = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+", null=True
    )
    aware_reason = EncryptedTextField(_("why personal data was affected"), blank=True, default="")
    contained_at = models.DateTimeField(null=True)
    categories = models.JSONField(default=list)  # protocol.Category codes
    people_affected = models.PositiveIntegerField(null=True)  # approximately
    records_affected = models.PositiveIntegerField(null=True)  # approximately
    encrypted = models.CharField(
        max_length=10, choices=Encryption.choices, default=Encryption.UNKNOWN
    )
    consequences = EncryptedTextField(_("likely consequences"), blank=True, default="")
    severity = models.CharField(max_length=10, choices=Severity.choices, blank=True)
    measures = EncryptedTextField(_("measures"), blank=True, default="")
    cross_border = models.BooleanField(default=False)
    # AVG art. 33(1): no notification, the breach being unlikely to result in a risk
    exempt_reason = EncryptedTextField(_("why no notification"), blank=True, default="")
    exempt_at = models.DateTimeField(null=True)
    exempt_by = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+", null=True
    )
    closed_at = models.DateTimeField(null=True)
    closed_by = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+", null=True
    )

    class Meta:
        ordering = ["-number"]


class NotificationPhase(_AppendOnly):
    """One phase of the notification to the Autoriteit Persoonsgegevens, kept as reported."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="phases")
    kind = models.CharField(max_length=20, choices=PhaseKind.choices)
    reported_at = models.DateTimeField()
    ap_reference = models.CharField(max_length=50, blank=True)  # the AP's meldnummer
    # AVG art. 33(1): a first notification after the hours gives the reasons for the delay
    delay_reasons = EncryptedTextField(_("reasons for the delay"), blank=True, default="")
    note = EncryptedTextField(_("note"), blank=True, default="")
    # the answers of the notification form as reported: JSON [[question, answer], ...]
    answers = EncryptedTextField(_("answers"))
    recorded_by = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["reported_at", "id"]


class AffectedClient(models.Model):
    """A client whose data the incident affected, found in the processing log or added."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="affected")
    client = models.ForeignKey(
        "clients.Client", on_delete=models.SET_NULL, related_name="+", null=True
    )
    # the processing log's pseudonym of the client: what is kept once the dossier is destroyed
    pseudonym = models.CharField(max_length=64)
    found_by = models.CharField(max_length=10, choices=FoundBy.choices)
    added_by = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "pseudonym"], name="affected_once_per_incident"
            )
        ]


class DetachedClient(_AppendOnly):
    """A client taken off the incident again, attached by mistake: by the log's pseudonym
    only (the client is no longer one it affected), how they had come on it, who took them
    off, when and why. A search of the log does not attach them again; by hand it can."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="detached")
    pseudonym = models.CharField(max_length=64)
    found_by = models.CharField(max_length=10, choices=FoundBy.choices)
    reason = EncryptedTextField(_("why"))
    detached_by = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    detached_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["detached_at", "id"]


class LogSearch(models.Model):
    """How affected clients were looked for in the processing log, and what was found."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="searches")
    searched_by = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    searched_at = models.DateTimeField(auto_now_add=True)
    window_from = models.DateTimeField()
    window_to = models.DateTimeField()
    actor = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+", null=True
    )
    recipient = models.CharField(max_length=250, blank=True)  # "partner:<id>" or "non-partner:<id>"
    categories = models.JSONField(default=list)
    records = models.PositiveIntegerField()  # log records that matched
    found = models.PositiveIntegerField()  # clients found
    added = models.PositiveIntegerField()  # of them, new on the incident
    unresolved = models.PositiveIntegerField()  # people in the records who are no client here

    class Meta:
        ordering = ["searched_at", "id"]


class SubjectDecision(_AppendOnly):
    """AVG art. 34: whether the data subjects are told, with the reasons; the latest stands."""

    incident = models.ForeignKey(
        Incident, on_delete=models.PROTECT, related_name="subject_decisions"
    )
    outcome = models.CharField(max_length=20, choices=SubjectOutcome.choices)
    reason = EncryptedTextField(_("reasons"))
    public_notice = EncryptedTextField(_("public notice"), blank=True, default="")
    decided_by = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["decided_at", "id"]


class SubjectLetter(models.Model):
    """The letter that tells one affected client of the breach (AVG art. 34), and whether it
    went out."""

    affected = models.OneToOneField(AffectedClient, on_delete=models.PROTECT, related_name="letter")
    status = models.CharField(
        max_length=10, choices=LetterStatus.choices, default=LetterStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status_at = models.DateTimeField(null=True)
    note = models.CharField(max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+", null=True
    )


class IncidentNotice(models.Model):
    """art3.2f: the e-mail that tells a privacy officer (of the municipality, or of the partner)
    that an incident was reported; it holds no personal data, only a link."""

    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="notices")
    employee = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["incident", "employee"], name="told_once_per_incident")
        ]
