# SPDX-License-Identifier: EUPL-1.2
"""The codes of the clients' area that the pages and the API name without the models."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmergencyReason(models.TextChoices):
    """Why an employee broke the glass (art3.2c; decision 23)."""

    DANGER = "danger", _("Acute danger to the client's life or health")
    SAFETY = "safety", _("Acute unsafety of the client or someone at home")
    UNREACHABLE = (
        "caseworker-unreachable",
        _("The client needs help now and the assigned caseworker cannot be reached"),
    )
    CRISIS = "crisis", _("Crisis service outside office hours")
