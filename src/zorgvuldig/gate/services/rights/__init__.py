# SPDX-License-Identifier: EUPL-1.2
"""The rights of data subjects (art9) and who exercises them (art10): the register of
requests with their deadlines, and the partner's records of representation."""

from zorgvuldig.gate.services.rights.answers import send_overview
from zorgvuldig.gate.services.rights.choices import request_choices
from zorgvuldig.gate.services.rights.decisions import carry_out_request, decide_request
from zorgvuldig.gate.services.rights.inspection import (
    inspection_package,
    release_inspection,
    show_in_inspection,
    withhold_from_inspection,
)
from zorgvuldig.gate.services.rights.letters import overview_pdf, refusal_letter_pdf
from zorgvuldig.gate.services.rights.notices import close_request, request_notices, resolve_notice
from zorgvuldig.gate.services.rights.overview import subject_overview
from zorgvuldig.gate.services.rights.register import (
    client_requests,
    extend_request,
    open_requests,
    pause_request,
    register_request,
    resume_request,
    subject_request,
    withdraw_request,
)
from zorgvuldig.gate.services.rights.reminders import plan_reminders
from zorgvuldig.gate.services.rights.representation import (
    judge_incapacity,
    record_representative_stance,
    who_may_act,
)
from zorgvuldig.gate.services.rights.statistics import request_counts

__all__ = [
    "carry_out_request",
    "client_requests",
    "close_request",
    "decide_request",
    "extend_request",
    "inspection_package",
    "judge_incapacity",
    "open_requests",
    "overview_pdf",
    "pause_request",
    "plan_reminders",
    "record_representative_stance",
    "refusal_letter_pdf",
    "register_request",
    "release_inspection",
    "request_choices",
    "request_counts",
    "request_notices",
    "resolve_notice",
    "resume_request",
    "send_overview",
    "show_in_inspection",
    "subject_overview",
    "subject_request",
    "who_may_act",
    "withdraw_request",
    "withhold_from_inspection",
]
