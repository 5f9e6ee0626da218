# SPDX-License-Identifier: EUPL-1.2
"""The operations on personal data, each one processing through the gate.

These functions are the only way in for views, the API, commands and tasks.
"""

from zorgvuldig.gate.services.clients import (
    add_relation,
    assign_caseworker,
    close_trajectory,
    consult_dossier,
    list_relations,
    list_trajectories,
    register_client,
    search_clients,
)
from zorgvuldig.gate.services.consent import (
    consent_document,
    consent_form_pdf,
    consent_overview,
    record_consent,
    record_informing,
    withdraw_consent,
)
from zorgvuldig.gate.services.dossier import (
    change_item,
    consult_items,
    item_history,
    record_item,
    release_secrecy,
)
from zorgvuldig.gate.services.exchange import (
    address_non_partner,
    disclosures_of_client,
    disclosures_of_item,
    inform_non_partner,
    list_non_partners,
    non_partner_addresses,
    preview_share,
    register_non_partner,
    share_items,
)
from zorgvuldig.gate.services.households import (
    create_household,
    directed_households,
    household_overview,
    update_household_plan,
)
from zorgvuldig.gate.services.log import client_log
from zorgvuldig.gate.services.meldcode import (
    close_safety_case,
    open_safety_case,
    record_meldcode_step,
    safety_cases,
)
from zorgvuldig.gate.services.oversight import allowed_now, exceptions_register
from zorgvuldig.gate.services.received import (
    accept_received_share,
    decline_received_share,
    decline_referral,
    intake_queue,
    received_shares,
    request_items,
    take_in_referral,
)
from zorgvuldig.gate.services.rights import (
    extend_request,
    judge_incapacity,
    open_requests,
    pause_request,
    record_representative_stance,
    register_request,
    resume_request,
    subject_overview,
    subject_request,
    who_may_act,
    withdraw_request,
)

__all__ = [
    "accept_received_share",
    "add_relation",
    "address_non_partner",
    "allowed_now",
    "assign_caseworker",
    "change_item",
    "client_log",
    "close_safety_case",
    "close_trajectory",
    "consent_document",
    "consent_form_pdf",
    "consent_overview",
    "consult_dossier",
    "consult_items",
    "create_household",
    "decline_received_share",
    "decline_referral",
    "directed_households",
    "disclosures_of_client",
    "disclosures_of_item",
    "exceptions_register",
    "extend_request",
    "household_overview",
    "inform_non_partner",
    "intake_queue",
    "item_history",
    "judge_incapacity",
    "list_non_partners",
    "list_relations",
    "list_trajectories",
    "non_partner_addresses",
    "open_requests",
    "open_safety_case",
    "pause_request",
    "preview_share",
    "received_shares",
    "record_consent",
    "record_informing",
    "record_item",
    "record_meldcode_step",
    "record_representative_stance",
    "register_client",
    "register_non_partner",
    "register_request",
    "release_secrecy",
    "request_items",
    "resume_request",
    "safety_cases",
    "search_clients",
    "share_items",
    "subject_overview",
    "subject_request",
    "take_in_referral",
    "update_household_plan",
    "who_may_act",
    "withdraw_consent",
    "withdraw_request",
]
