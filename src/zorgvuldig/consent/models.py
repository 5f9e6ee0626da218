# SPDX-License-Identifier: EUPL-1.2
"""Informing the client (art4.1), the client's consent decisions (art4.2-art4.5) and the signed
consent forms (art4.4).

All three are append-only: a record is never changed or deleted. A client who withdraws
consent (art4.5) gets a new decision with state ``withdrawn``; the earlier decisions stay as
they were, so the dossier shows what was in force at any moment. A signed form stays in the
dossier also when consent was refused (art4.4).

Personal data: only :mod:`zorgvuldig.gate` reads and writes these models.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.fields import DossierKeyed, EncryptedBinaryField, EncryptedTextField
from zorgvuldig.protocol.consent import ConsentScope, ConsentState


class AppendOnlyError(Exception):
    """A record of the consent registry was to be changed or deleted (art4.5)."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError(f"{self.model.__name__} records are never changed (art4.5)")

    def delete(self):
        raise AppendOnlyError(f"{self.model.__name__} records are never deleted (art4.5)")


class AppendOnlyModel(models.Model):
    """A model whose rows are written once: ``save()`` of an existing row, ``delete()`` and
    the queryset's ``update()``/``delete()`` raise :class:`AppendOnlyError`."""

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError(f"{type(self).__name__} records are never changed (art4.5)")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(f"{type(self).__name__} records are never deleted (art4.5)")


class InformingMethod(models.TextChoices):
    CONVERSATION = "conversation", _("In a conversation")
    LETTER = "letter", _("By letter")


class Informing(DossierKeyed, AppendOnlyModel):
    """art4.1: the caseworker told the client that data is recorded and may be exchanged, and
    with which organisations, named as concretely as possible."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="+")
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The partner whose caseworker informed the client."),
    )
    informed_on = models.DateField(_("informed on"))
    organisations = models.JSONField(
        _("organisations named"),
        help_text=_("The organisations the data may be exchanged with, as named to the client."),
    )
    how = models.CharField(_("how"), max_length=20, choices=InformingMethod.choices)
    note = EncryptedTextField(
        _("note"),
        blank=True,
        default="",
        help_text=_(
            "What else the client was told, e.g. how signals of domestic violence or "
            "child abuse are handled (art. 8)."
        ),
    )
    recorded_by = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["-informed_on", "-recorded_at"]
        indexes = [models.Index(fields=["client", "partner"], name="consent_informing_client")]


class ConsentDocument(DossierKeyed, AppendOnlyModel):
    """art4.4: a signed consent form (PDF, PNG or JPEG), encrypted at rest. Kept also when the
    client refused consent."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="+")
    partner = models.ForeignKey("partners.Partner", on_delete=models.PROTECT, related_name="+")
    filename = EncryptedTextField(_("file name"))
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256 of the content"), max_length=64)
    content = EncryptedBinaryField(_("content"))
    uploaded_by = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at"]


_SCOPES = [
    (ConsentScope.RECORD_REQUEST.value, _("Record and request")),
    (ConsentScope.SHARE.value, _("Share with others")),
]
_STATES = [
    (ConsentState.GIVEN.value, _("given")),
    (ConsentState.REFUSED.value, _("refused")),
    (ConsentState.WITHDRAWN.value, _("withdrawn")),
]


class ConsentDecision(DossierKeyed, AppendOnlyModel):
    """The client's answer to a request for consent (art4.2, art4.3), or a withdrawal (art4.5).

    ``categories`` (data category codes) and ``recipients`` (partner ids, only when sharing)
    narrow the decision; null means all categories, any recipient. ``given_by`` is the client's
    own subject or the representative who decided for the client (art10); ``given_by_role``
    keeps which ("client" or the kind of relation) as it was on the day; ``co_signed_by``
    who signed with them. "Not asked" is no
    record at all.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="+")
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The partner the consent is given to."),
    )
    scope = models.CharField(_("scope"), max_length=20, choices=_SCOPES)
    state = models.CharField(_("state"), max_length=20, choices=_STATES)
    categories = models.JSONField(_("data categories"), null=True, blank=True)
    recipients = models.JSONField(_("recipients"), null=True, blank=True)
    given_by = models.ForeignKey("clients.Subject", on_delete=models.PROTECT, related_name="+")
    given_by_role = models.CharField(_("decided as"), max_length=30)
    # art10.1: who signed with ``given_by`` (subject ids): a client of 12 to 15 signs with the
    # representative
    co_signed_by = models.JSONField(_("signed with"), default=list, blank=True)
    form = models.ForeignKey(
        ConsentDocument, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_on = models.DateField(_("decided on"))
    note = EncryptedTextField(_("note"), blank=True, default="")
    # None: the data subject (or their representative) withdrew it themselves, signed in with
    # DigiD in the resident's own view (art4.5, decision 25)
    recorded_by = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["decided_on", "recorded_at"]
        indexes = [
            models.Index(fields=["client", "partner", "decided_on"], name="consent_decision_client")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(scope__in=[s for s, _label in _SCOPES]), name="consent_scope_known"
            ),
            models.CheckConstraint(
                condition=Q(state__in=[s for s, _label in _STATES]), name="consent_state_known"
            ),
            models.CheckConstraint(
                condition=Q(scope=ConsentScope.SHARE.value) | Q(recipients__isnull=True),
                name="consent_recipients_only_when_sharing",
            ),
        ]
