# SPDX-License-Identifier: EUPL-1.2
"""Informing and consent (art4): recorded, read as the dossier's overview, the printable form."""

from zorgvuldig.gate.services.consent.overview import (
    consent_document,
    consent_form_pdf,
    consent_overview,
)
from zorgvuldig.gate.services.consent.recording import (
    record_consent,
    record_informing,
    withdraw_consent,
)

__all__ = [
    "consent_document",
    "consent_form_pdf",
    "consent_overview",
    "record_consent",
    "record_informing",
    "withdraw_consent",
]
