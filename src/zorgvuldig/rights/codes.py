# SPDX-License-Identifier: EUPL-1.2
"""The codes of the rights of data subjects (art9, art10): kinds of request, states, outcomes and
grounds, with their translatable labels. No personal data: the pages and the API read these
beside the gate's views; the models (:mod:`zorgvuldig.rights.models`) store them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestKind(models.TextChoices):
    OVERVIEW = "overview", _("Overview of the data and where it went (art. 9(1))")
    INSPECTION = "inspection", _("Inspection of the dossier (art. 9(2))")
    CORRECTION = "correction", _("Correction (art. 9(4))")
    ADDITION = "addition", _("Addition (art. 9(4))")
    DELETION = "deletion", _("Deletion (art. 9(4))")
    BLOCKING = "blocking", _("Blocking (art. 9(4))")
    # art5.2 with the Selectielijst gemeenten 2020 and the Jeugdwet: destroyed within three
    # months of the data subject's request, unless the law or someone else's interest opposes
    EARLY_DESTRUCTION = "early-destruction", _("Early destruction of the dossier (art. 5(2))")
    # the AVG variant (the version's rights.extra)
    RESTRICTION = "restriction", _("Restriction of processing (GDPR art. 18)")
    PORTABILITY = "portability", _("A machine-readable copy (GDPR art. 20)")
    OBJECTION = "objection", _("Objection (GDPR art. 21)")


class RequestState(models.TextChoices):
    RECEIVED = "received", _("Received")
    WAITING = "waiting", _("Waiting for the requester")
    IN_PROGRESS = "in-progress", _("In progress")
    DECIDED = "decided", _("Decided")
    CARRIED_OUT = "carried-out", _("Carried out")
    CLOSED = "closed", _("Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


OPEN_STATES = (RequestState.RECEIVED, RequestState.WAITING, RequestState.IN_PROGRESS)


class Outcome(models.TextChoices):
    GRANTED = "granted", _("Granted")
    PARTLY_GRANTED = "partly-granted", _("Partly granted")
    REFUSED = "refused", _("Refused")


class RefusalGround(models.TextChoices):
    """art9.5: why a request under art9.4 is refused (with the text that explains it)."""

    ACCURATE = "accurate", _("The data is correct, complete, relevant and lawfully processed")
    PROTECT_SUBJECT = "protect-subject", _("Refusing is needed to protect the data subject")
    PROTECT_OTHERS = (
        "protect-others",
        _("Refusing is needed to protect the rights and freedoms of others"),
    )
    LEGAL_DUTY = "legal-duty", _("A statutory duty opposes it (e.g. a retention period)")
    # GDPR art. 21(1): an objection to a processing in the public interest
    COMPELLING = (
        "compelling-grounds",
        _("Compelling legitimate grounds for the processing override the subject's interests"),
    )


PROTECTION_GROUNDS = (RefusalGround.PROTECT_SUBJECT, RefusalGround.PROTECT_OTHERS)


class IdentityMethod(models.TextChoices):
    IN_PERSON = "in-person", _("In person, with an identity document")
    SIGNED_LETTER = "signed-letter", _("A signed letter")
    DIGITAL = "digital-sign-in", _("A digital sign-in")


class StanceKind(models.TextChoices):
    UNWILLING = "unwilling", _("Does not wish to act (art. 10(2))")
    LIMITED = "limited", _("Limited or refused for weighty interests of the subject (art. 10(3))")


class NoticeChannel(models.TextChoices):
    WEBHOOK = "webhook", _("Webhook to the partner's system")
    EMAIL = "email", _("E-mail to the partner's privacy contact")
    LETTER = "letter", _("Letter, sent by the caseworker")


class NoticeStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DELIVERED = "delivered", _("Delivered")
    IMPOSSIBLE = "impossible", _("Impossible")


class WithholdingGround(models.TextChoices):
    """art9.3: why an item of the dossier is not shown on inspection."""

    ABOUT_SOMEONE_ELSE = (
        "about-someone-else",
        _("It is about someone else (the rights and freedoms of others)"),
    )
    PROTECT_OTHERS = "protect-others", _("Showing it would harm the rights and freedoms of others")
    PROTECT_SUBJECT = "protect-subject", _("Showing it would harm the data subject")


# art9.5: the kinds decided granted, partly granted or refused (art9.4; restriction and
# objection in the AVG variant), and those answered by sending the overview (art9.1, AVG
# art. 20)
DECIDED_KINDS = (
    RequestKind.CORRECTION,
    RequestKind.ADDITION,
    RequestKind.DELETION,
    RequestKind.BLOCKING,
    RequestKind.RESTRICTION,
    RequestKind.OBJECTION,
    RequestKind.EARLY_DESTRUCTION,
)
# what carrying out does to the granted items' content: nothing new to say for these
WITHOUT_VALUES = (
    RequestKind.DELETION,
    RequestKind.EARLY_DESTRUCTION,
    RequestKind.BLOCKING,
    RequestKind.RESTRICTION,
    RequestKind.OBJECTION,
)
OVERVIEW_KINDS = (RequestKind.OVERVIEW, RequestKind.PORTABILITY)


class ViewHoldKind(models.TextChoices):
    """Why a processing is held back from the resident's own view (art9.3, decision 25)."""

    MELDCODE = "meldcode", _("Under the Meldcode")
    VEILIG_THUIS = "veilig-thuis", _("For or with Veilig Thuis")
    HARM = "harm", _("Showing it would harm the resident or others")
