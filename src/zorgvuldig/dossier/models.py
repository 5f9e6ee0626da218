# SPDX-License-Identifier: EUPL-1.2
"""Data items with their origin and every earlier version, and dossier annotations (art3.2a).

Personal data: only :mod:`zorgvuldig.gate` reads and writes these models.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from zorgvuldig.core.fields import DossierKeyed, EncryptedTextField
from zorgvuldig.protocol import CATEGORIES


class OriginMethod(models.TextChoices):
    """How a data item was obtained (art3.2a: lawfully obtained, with its origin)."""

    CONVERSATION = "conversation", _("Conversation with the client")
    DOCUMENT = "document", _("Document supplied")
    REGISTER = "register", _("Public register (e.g. BRP)")
    PARTNER = "partner", _("Received from a partner")
    OBSERVATION = "observation", _("Observation by the caseworker")


class DataItem(DossierKeyed, models.Model):
    """One piece of data in a client's dossier, in one category of the taxonomy."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="items")
    subject = models.ForeignKey(
        "clients.Subject",
        on_delete=models.PROTECT,
        related_name="items",
        help_text=_("Whom the data is about: the client or another data subject."),
    )
    category = models.CharField(
        _("category"),
        max_length=30,
        choices=[(c.value, v) for c, v in CATEGORIES.items()],
        db_index=True,
    )
    # art6.2: recorded under the statutory professional secrecy (beroepsgeheim) of the
    # caseworker who recorded it; it leaves only with that professional's release.
    secrecy_holder = models.ForeignKey(
        "partners.Employee",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text=_("The professional under whose statutory secrecy the item was recorded."),
    )
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.PROTECT,
        related_name="items",
        help_text=_("The partner that holds this item."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # the processing that recorded it: its log records say for which purpose and on which
    # legal basis (art9.1: the overview names them)
    recorded_trace_id = models.CharField(max_length=32, blank=True, default="")
    # deleted at the data subject's request (art9.4) or at the end of retention (art5.2): the
    # content of every version is destroyed; the item and its disclosure records stay
    destroyed_on = models.DateField(null=True, blank=True)
    # blocked (afgeschermd) at the data subject's request (art9.4, AVG art. 18): kept, but no
    # longer consulted, changed or shared (only Veilig Thuis still receives it, art8.2)
    blocked_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["category", "created_at"]
        # a batch of clients' items at one partner (art5.2: the plan, a run's check and its
        # deletes) without reading their items at other partners
        indexes = [models.Index(fields=["partner", "client"], name="item_partner_client")]


class DataItemVersion(models.Model):
    """A version of a data item: its value and where it came from. Versions are never changed."""

    item = models.ForeignKey(DataItem, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    label = models.CharField(_("label"), max_length=200)
    value = EncryptedTextField(_("value"))
    source = models.CharField(_("supplied by"), max_length=200)
    method = models.CharField(_("obtained by"), max_length=20, choices=OriginMethod.choices)
    obtained_on = models.DateField(_("obtained on"))
    recorded_by = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    reason = models.CharField(_("reason for change"), max_length=500, blank=True)

    class Meta:
        ordering = ["item", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="one_version_number_per_item")
        ]

    @property
    def key_owner(self):  # the dossier of the item
        return self.item.key_owner


class Annotation(DossierKeyed, models.Model):
    """A note in a client's dossier ("aantekening"), required by the protocol or by choice."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey(
        "clients.Client", on_delete=models.PROTECT, related_name="annotations"
    )
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.PROTECT,
        related_name="annotations",
        help_text=_("The partner in whose dossier of the client the note stands."),
    )
    article = models.CharField(_("article"), max_length=20, blank=True)
    text = EncryptedTextField(_("text"))
    author = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    trace_id = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]


class SecrecyRelease(models.Model):
    """art6.2: the professional releases an item under secrecy for one recipient."""

    item = models.ForeignKey(DataItem, on_delete=models.CASCADE, related_name="releases")
    recipient = models.CharField(_("recipient"), max_length=64)
    released_by = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    reason = EncryptedTextField(_("reason"))
    released_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "recipient"], name="one_release_per_recipient")
        ]

    @property
    def key_owner(self):  # the dossier of the item
        return self.item.key_owner
