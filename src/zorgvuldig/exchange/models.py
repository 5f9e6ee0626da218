# SPDX-License-Identifier: EUPL-1.2
"""Exchanges: who received which version of which item, and the non-partners (art6, art7, art8).

Personal data: only :mod:`zorgvuldig.gate` reads and writes these models.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from zorgvuldig.core import keys
from zorgvuldig.core.fields import DossierKeyed, EncryptedTextField


class NonPartnerKind(models.TextChoices):
    FAMILY = "family", _("Family member")
    NETWORK = "network", _("Social network")
    PROFESSIONAL = "professional", _("Professional not committed to the protocol")
    ORGANISATION = "organisation", _("Organisation not committed to the protocol")


class NonPartner(models.Model):
    """A recipient outside the protocol (art7), known to one partner."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    partner = models.ForeignKey(
        "partners.Partner", on_delete=models.PROTECT, related_name="non_partners"
    )
    name = EncryptedTextField(_("name"))
    kind = models.CharField(_("kind"), max_length=20, choices=NonPartnerKind.choices)
    # art7: informed of the protocol's main lines (the leaflet), before the first disclosure
    informed_at = models.DateTimeField(_("informed at"), null=True, blank=True)
    informed_by = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)


class NonPartnerAddress(models.Model):
    """art7: the partner addressed a non-partner that acted against the protocol."""

    non_partner = models.ForeignKey(NonPartner, on_delete=models.PROTECT, related_name="addresses")
    addressed_by = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+"
    )
    addressed_on = models.DateField(_("addressed on"))
    what_happened = EncryptedTextField(_("what happened"))
    recorded_at = models.DateTimeField(auto_now_add=True)


class Ground(models.TextChoices):
    CONSENT = "consent", _("Consent of the client (art. 4)")
    NECESSITY = "art4.6", _("Necessary without consent (art. 4(6))")
    VEILIG_THUIS = "art8.2", _("Veilig Thuis report (art. 8(2))")


class Disclosure(DossierKeyed, models.Model):
    """One version of one item that left the partner: to whom, when, why, on which ground.

    Answers "who received this?" for the overview of art9.1 and the notices of art9.6.
    """

    id = models.BigAutoField(primary_key=True)
    item = models.ForeignKey(
        "dossier.DataItem", on_delete=models.PROTECT, related_name="disclosures"
    )
    version_number = models.PositiveIntegerField()
    client = models.ForeignKey(
        "clients.Client", on_delete=models.PROTECT, related_name="disclosures"
    )
    partner = models.ForeignKey("partners.Partner", on_delete=models.PROTECT, related_name="+")
    sent_by = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    recipient_kind = models.CharField(max_length=20)
    recipient_partner = models.ForeignKey(
        "partners.Partner", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    recipient_non_partner = models.ForeignKey(
        NonPartner, on_delete=models.PROTECT, related_name="disclosures", null=True, blank=True
    )
    recipient_person = EncryptedTextField(_("recipient person"), blank=True, default="")
    report_reference = models.CharField(max_length=100, blank=True)
    purpose = models.CharField(max_length=50)
    ground = models.CharField(max_length=10, choices=Ground.choices)
    trace_id = models.CharField(max_length=32)
    disclosed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["item", "disclosed_at"], name="disclosure_by_item"),
            models.Index(fields=["client", "disclosed_at"], name="disclosure_by_client"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~(
                    Q(recipient_partner__isnull=False) & Q(recipient_non_partner__isnull=False)
                ),
                name="disclosure_has_one_recipient",
            )
        ]


class MeldcodeStep(models.TextChoices):
    """The five steps of the Meldcode huiselijk geweld en kindermishandeling (art8.1)."""

    SIGNALS = "signals", _("1. Map the signals")
    CONSULT = "consult", _("2. Consult a colleague and, if needed, Veilig Thuis")
    CONVERSATION = "conversation", _("3. Talk with the client")
    WEIGH = "weigh", _("4. Weigh the violence or abuse (assessment framework)")
    DECIDE = "decide", _("5. Decide: organise help and/or report to Veilig Thuis")


class SafetyCase(DossierKeyed, models.Model):
    """Signals of domestic violence or child abuse about a client, followed through the
    Meldcode (art8.1), at one partner."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    client = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="+")
    partner = models.ForeignKey("partners.Partner", on_delete=models.PROTECT, related_name="+")
    opened_by = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    opened_at = models.DateTimeField(auto_now_add=True)
    # closed once the follow-up of step 5 is over: no longer a ground for the purpose safety
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closed_by = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    closing_note = EncryptedTextField(_("closing note"), blank=True, default="")


class SafetyCaseStep(models.Model):
    """One step of the Meldcode: who took it, when, and what was concluded. Steps follow the
    Meldcode's order; the weighing uses the assessment framework (afwegingskader, 2019)."""

    case = models.ForeignKey(SafetyCase, on_delete=models.CASCADE, related_name="steps")
    step = models.CharField(max_length=20, choices=MeldcodeStep.choices)
    taken_by = models.ForeignKey("partners.Employee", on_delete=models.PROTECT, related_name="+")
    taken_on = models.DateField()
    conclusion = EncryptedTextField(_("conclusion"))
    # step 4, the assessment framework: is there acute or structural unsafety; can I offer
    # or organise adequate help?
    acute_or_structural_unsafety = models.BooleanField(null=True)
    adequate_help_possible = models.BooleanField(null=True)
    # step 5: what was decided
    organise_help = models.BooleanField(null=True)
    report_to_veilig_thuis = models.BooleanField(null=True)
    report_reference = models.CharField(max_length=100, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["case", "recorded_at"]
        constraints = [
            models.UniqueConstraint(fields=["case", "step"], name="one_meldcode_step_each")
        ]

    @property
    def key_owner(self):  # the dossier of the Meldcode case
        return self.case.key_owner


class ReceivedShare(models.Model):
    """A disclosure to a partner as the recipient sees it: waiting until a caseworker there
    takes it into the recipient's own dossier (art3.2a: with its origin), or declines it.

    The :class:`Disclosure` stays the sender's unchanging record; this is the recipient's side.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    disclosure = models.OneToOneField(
        Disclosure, on_delete=models.PROTECT, related_name="received_share"
    )
    recipient_partner = models.ForeignKey(
        "partners.Partner", on_delete=models.PROTECT, related_name="+"
    )
    client = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        "partners.Employee", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    # the item recorded in the recipient's dossier; empty when declined
    accepted_item = models.ForeignKey(
        "dossier.DataItem", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    # why the recipient did not take it in (it does not need it, art3.2 / art5.1)
    decline_reason = EncryptedTextField(_("reason for declining"), blank=True, default="")
    # art5.1: the share referred the client to the recipient for support in this domain
    # (empty: the recipient supported the client already); it waits in the intake queue
    # until a caseworker there takes the client in
    referral_domain = models.CharField(_("referred for"), max_length=20, blank=True, default="")

    class Meta:
        indexes = [
            models.Index(
                fields=["recipient_partner", "handled_at", "created_at"],
                name="received_share_waiting",
            )
        ]

    @property
    def key_owner(self):  # the client's dossier at the recipient
        return keys.dossier_owner(self.client_id, self.recipient_partner_id)
