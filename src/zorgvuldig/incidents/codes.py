# SPDX-License-Identifier: EUPL-1.2
"""The codes of incidents and breaches (art3.2f, AVG art. 33 and 34): the nature of an
incident, the severity of its consequences, whether the data was encrypted, the phases of the
notification, the decision on telling the data subjects and the state of their letters, with
their translatable labels. No personal data: the pages and the API read these beside the
gate's views; the models (:mod:`zorgvuldig.incidents.models`) store them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Nature(models.TextChoices):
    """What happened, in the kinds the Autoriteit Persoonsgegevens sees most."""

    WRONG_RECIPIENT = "wrong-recipient", _("Personal data sent to the wrong recipient")
    ADDRESSES_VISIBLE = "addresses-visible", _("E-mail addresses visible to other recipients")
    LOST_OR_STOLEN = "lost-or-stolen", _("Device or paper lost or stolen")
    WRONG_AUTHORISATIONS = "wrong-authorisations", _("Wrong authorisations")
    HACKING = "hacking", _("Hacking, malware or phishing")
    WRONG_DOSSIER = "wrong-dossier", _("Data added to the wrong dossier")
    PUBLISHED = "published", _("Published by mistake")
    OTHER = "other", _("Other")


class Severity(models.TextChoices):
    """How severe the likely consequences for the people concerned are."""

    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Encryption(models.TextChoices):
    """Whether the data was unintelligible to whoever got it (AVG art. 34(3)(a))."""

    YES = "yes", _("Yes, encrypted or otherwise unintelligible")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Not known yet")


class IncidentState(models.TextChoices):
    REPORTED = "reported", _("Reported, being assessed")
    BREACH = "breach", _("Breach of personal data")
    CLOSED = "closed", _("Closed")


class PhaseKind(models.TextChoices):
    """The phases of a notification to the Autoriteit Persoonsgegevens (its form lets a
    notification be supplemented, made final or withdrawn)."""

    PROVISIONAL = "provisional", _("Provisional notification")
    SUPPLEMENTED = "supplemented", _("Supplement")
    FINAL = "final", _("Final notification")
    WITHDRAWN = "withdrawn", _("Withdrawal")


#: The phases a first notification can be.
FIRST_PHASES = (PhaseKind.PROVISIONAL, PhaseKind.FINAL)


class SubjectOutcome(models.TextChoices):
    """AVG art. 34: whether the data subjects are told, and why not."""

    TELL = "tell", _("Tell them: the breach is likely to result in a high risk to them")
    NO_HIGH_RISK = "no-high-risk", _("Not told: no high risk to them (GDPR art. 34(1))")
    UNINTELLIGIBLE = (
        "unintelligible",
        _("Not told: the data was unintelligible to others, e.g. encrypted (GDPR art. 34(3)(a))"),
    )
    RISK_REMOVED = (
        "risk-removed",
        _("Not told: later measures removed the high risk (GDPR art. 34(3)(b))"),
    )
    DISPROPORTIONATE = (
        "disproportionate",
        _(
            "A public notice instead: telling each would take disproportionate effort "
            "(GDPR art. 34(3)(c))"
        ),
    )


class LetterStatus(models.TextChoices):
    PENDING = "pending", _("To be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Could not be delivered")


class FoundBy(models.TextChoices):
    """How an affected client came on the incident."""

    LOG = "log", _("Found in the processing log")
    MANUAL = "manual", _("Added by the privacy officer")
