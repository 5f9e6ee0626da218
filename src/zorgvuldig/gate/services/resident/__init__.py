# SPDX-License-Identifier: EUPL-1.2
"""The resident's own view (decision 25): signed in with DigiD, the processings of their
data as they happen (art9.1), their consents and withdrawing one (art4.5), and whose view
they may open for someone they represent (art10.1)."""

from zorgvuldig.gate.services.resident.consents import (
    resident_consents,
    resident_withdraw_consent,
)
from zorgvuldig.gate.services.resident.holds import (
    hold_from_resident_view,
    release_to_resident_view,
    resident_view_holds,
)
from zorgvuldig.gate.services.resident.processings import resident_processings
from zorgvuldig.gate.services.resident.requests import (
    resident_make_request,
    resident_overview,
    resident_overview_pdf,
    resident_request_choices,
    resident_requests,
)
from zorgvuldig.gate.services.resident.signin import resident_again, resident_by_bsn
from zorgvuldig.gate.services.resident.whom import resident_viewables

__all__ = [
    "hold_from_resident_view",
    "release_to_resident_view",
    "resident_again",
    "resident_by_bsn",
    "resident_consents",
    "resident_make_request",
    "resident_overview",
    "resident_overview_pdf",
    "resident_processings",
    "resident_request_choices",
    "resident_requests",
    "resident_view_holds",
    "resident_viewables",
    "resident_withdraw_consent",
]
