# SPDX-License-Identifier: EUPL-1.2
"""Incidents and breaches (art3.2f; art3.2g with AVG art. 33 and 34): reporting one, the
register, the awareness that starts the 72 hours, the notification to the Autoriteit
Persoonsgegevens in its phases and the answers of its form, the clients affected found in the
processing log, the decision whether to tell them and their letters, closing."""

from zorgvuldig.gate.services.incidents.affected import (
    add_affected_client,
    detach_affected_client,
    find_affected_clients,
)
from zorgvuldig.gate.services.incidents.notifications import (
    exempt_notification,
    notification_answers,
    record_notification,
)
from zorgvuldig.gate.services.incidents.register import incident, incident_register
from zorgvuldig.gate.services.incidents.report import (
    close_incident,
    record_awareness,
    report_incident,
    update_incident,
)
from zorgvuldig.gate.services.incidents.subjects import (
    decide_subject_information,
    incident_letter_pdf,
    record_letter_delivery,
)

__all__ = [
    "add_affected_client",
    "close_incident",
    "decide_subject_information",
    "detach_affected_client",
    "exempt_notification",
    "find_affected_clients",
    "incident",
    "incident_letter_pdf",
    "incident_register",
    "notification_answers",
    "record_awareness",
    "record_letter_delivery",
    "record_notification",
    "report_incident",
    "update_incident",
]
