# SPDX-License-Identifier: EUPL-1.2
"""The expected answer of every route to every asker (art3.2c): the table of the authorisation
matrix (``test_authorisation_matrix.py``).

An asker is a :class:`~tests.security.world.Cell`: a role (``Role.values``; ``None`` for a
partner system's service token), assigned or not to the client's support at their own
partner, acknowledged the protocol in force or not, and working at partner A (where the
client is supported and every id of the routes points) or at partner B (which supports the
same client in a dossier of its own).

The table gives each route (a page by its URL name and method, an API operation by its
``operationId``) one *access class*: a function of the cell that says what the route answers.
The answers are exact, so that the test cannot pass by accident:

- ``allowed``: past authorisation (2xx, a redirect on, or a 400 of the input, such as the
  empty body the matrix sends to a write: nothing is written then);
- ``refused``: 403 (a page that says the protocol refused or that the employee does not have
  this function; a problem with the protocol's articles, or "niet toegestaan");
- ``hidden``: 404, where the code answers as if the object did not exist (another partner's
  item, request, list or incident: decision 1, "refused attempts on items");
- ``acknowledge``: a page that sends an employee who has not acknowledged the protocol in
  force to the acknowledgement page first (art3.2d, art3.2e);
- ``login`` (pages) and ``unauthenticated`` (401, the API) for no session or token, and
  ``scope`` (403, decision 20) for a token without the route's scope: the same for every
  route, checked in columns of their own.

**A new role** is a new value of ``Role``; the matrix then has its columns at once, and every
access class must say what it gets: every class asks :func:`known`, which refuses a role in
none of the role sets below, so every route's test (and ``test_art3_2c_every_role_has_
expectations``) fails until the table says what the new role may do. Adding a role is putting
it in the sets it belongs to (``CASEWORKERS``, ``PRIVACY_OFFICERS``, ``ADMINISTRATORS``, and
so ``STAFF``), or a set of its own that the classes it changes read.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.security.world import Cell
from zorgvuldig.partners.models import Role

ALLOWED, REFUSED, HIDDEN = "allowed", "refused", "hidden"
# the resident's own view (decision 25): to its DigiD sign-in, whoever asks without a
# resident's session (an employee's sign-in gives no access to it)
RESIDENT_SIGN_IN = "resident sign-in"
ACKNOWLEDGE, LOGIN, UNAUTHENTICATED, SCOPE = "acknowledge", "login", "unauthenticated", "scope"

# Every role the table knows, by what it is for. A role of ``Role.values`` in none of them has
# no expectations: the matrix fails for it (see :func:`known`).
# Written out from decision 22's table, not read from ``ROLE_ACCESS``: the table is a statement
# of its own of what each role may do, so that the matrix catches the code getting it wrong.
#: The roles with casework: the clients whose open support they are assigned to (decision 22);
#: each may also break the glass (decision 23).
CASEWORKERS = frozenset({Role.CASEWORKER, Role.DIRECTOR, Role.TEAM_LEAD, Role.VEILIG_THUIS_LIAISON})
#: The Veilig Thuis liaison: a caseworker, and for the purpose safety the clients of the
#: partner's open Meldcode cases (art8); the matrix asks for support-provision, where the
#: open safety case of the world gives them nothing beyond their assignment.
LIAISONS = frozenset({Role.VEILIG_THUIS_LIAISON})
#: The team lead: a caseworker, and the overview of the assignments at their organisation (who
#: supports how many, no client; decision 22).
TEAM_LEADS = frozenset({Role.TEAM_LEAD})
#: The privacy officer: the registers, for accountability a client's identification; the
#: content only for a request of the data subject they handle (and only for accountability).
PRIVACY_OFFICERS = frozenset({Role.PRIVACY_OFFICER})
#: The data protection officer (FG): reads the registers (the exceptions register, the uses of
#: the glass, the queue of requests and its counts, the incidents, the acknowledgements) and,
#: for accountability, a client's identification; never content, never a change (issue 13).
DATA_PROTECTION_OFFICERS = frozenset({Role.DATA_PROTECTION_OFFICER})
#: The functional administrator (the admin) and the incident reporter (reports incidents, as
#: any employee may): no client data, even when assigned to a trajectory by mistake.
ADMINISTRATORS = frozenset({Role.ADMINISTRATOR})
INCIDENT_REPORTERS = frozenset({Role.INCIDENT_REPORTER})
KNOWN_ROLES = (
    CASEWORKERS
    | LIAISONS
    | PRIVACY_OFFICERS
    | DATA_PROTECTION_OFFICERS
    | TEAM_LEADS
    | ADMINISTRATORS
    | INCIDENT_REPORTERS
)
#: Who reads the registers that are open to oversight (the exceptions register, the uses of
#: the glass, the queue of requests and its counts, the incidents and each incident, the
#: acknowledgements): the privacy officer and the FG. Only the privacy officer changes them.
REGISTER_READERS = PRIVACY_OFFICERS | DATA_PROTECTION_OFFICERS
#: Who may break the glass (decision 23): the roles with casework.
GLASS_BREAKERS = CASEWORKERS
#: Who keeps the partner's non-partners, whose names are personal data (art7, decision 28):
#: the roles with casework, which share with them, and the privacy officer, who addresses one
#: acting against the protocol; once they acknowledged the protocol. Not a service token.
NON_PARTNER_KEEPERS = CASEWORKERS | PRIVACY_OFFICERS


class UnknownRole(Exception):
    """The table has no expectation for this role yet."""


def known(cell: Cell) -> Cell:
    if cell.role is not None and cell.role not in KNOWN_ROLES:
        raise UnknownRole(cell.role)
    return cell


Rule = Callable[[Cell], str]


def _employee(cell: Cell) -> bool:
    return known(cell).role is not None


# --- the access classes -------------------------------------------------------------------


def public(cell: Cell) -> str:
    """Anyone, signed in or not (the sign-in pages, the language switch)."""
    return ALLOWED


def logs_out(cell: Cell) -> str:
    """Logging out: every asker ends on the login page."""
    known(cell)
    return LOGIN


def employee(cell: Cell) -> str:
    """Every employee, of any partner, in any role: a page or operation that reads nothing of
    the client's (a form before it is sent, the employee's own partner's lists)."""
    return ALLOWED if _employee(cell) else REFUSED


def acknowledged_employee(cell: Cell) -> str:
    """Every employee who acknowledged the protocol in force (art3.2d), of any partner; the
    rest is refused by the gate."""
    return ALLOWED if _employee(cell) and cell.acknowledged else REFUSED


def client_support(cell: Cell) -> str:
    """The client's data at the asker's own partner (decision 2): whoever, in a role with
    casework, is assigned to the client's support there and acknowledged the protocol
    (art3.2c, art3.2d). A colleague without the assignment, a role without casework (even
    assigned by mistake: the administrator, the incident reporter; the privacy officer and the
    FG, who consult for accountability only), and a service token, are refused; at B the same
    holds for B's own dossier of the client, which is what B's employee gets (never A's)."""
    if not _employee(cell) or cell.role not in CASEWORKERS:
        return REFUSED
    return ALLOWED if cell.assigned and cell.acknowledged else REFUSED


def own_partner_object(rule: Rule) -> Rule:
    """An object of partner A named by its id: at A as ``rule`` says; at B it does not exist
    (404: the answer confirms nothing, decision 1)."""

    def decide(cell: Cell) -> str:
        known(cell)
        return rule(cell) if cell.same_partner else HIDDEN

    decide.__name__ = f"own_partner_object({rule.__name__})"
    return decide


def roles(allowed_roles: frozenset, *, acknowledged: bool = False) -> Rule:
    """Only these roles (with ``acknowledged``, only once they acknowledged the protocol);
    other employees and service tokens are refused (403)."""

    def decide(cell: Cell) -> str:
        if not _employee(cell) or cell.role not in allowed_roles:
            return REFUSED
        return ALLOWED if cell.acknowledged or not acknowledged else REFUSED

    names = "|".join(sorted(allowed_roles))
    decide.__name__ = f"roles({names}{', acknowledged' if acknowledged else ''})"
    return decide


def nobody(cell: Cell) -> str:
    """Refused to every asker of the matrix."""
    known(cell)
    return REFUSED


def handler(cell: Cell) -> str:
    """A data subject's request or the retention of a dossier, of a client the asker's own
    partner has a dossier of: its privacy officer, or one in a role with casework assigned
    there, once they acknowledged the protocol (art3.2c, art3.2d; rights/handlers.py). Anyone
    else (the FG, an administrator or incident reporter even when assigned) gets 404 (the
    client is as unknown), one who has not acknowledged 403."""
    assigned = cell.role in CASEWORKERS and cell.assigned
    if not _employee(cell) or not (cell.role in PRIVACY_OFFICERS or assigned):
        return HIDDEN
    return ALLOWED if cell.acknowledged else REFUSED


def any_token(cell: Cell) -> str:
    """Every token with the route's scope, of an employee (acknowledged or not) or a service:
    the partner's own lists of what is not a client's dossier, or a write whose body is
    checked first (the matrix sends an empty one, a 400; nothing is read or written)."""
    known(cell)
    return ALLOWED


def staff_then_own_object(allowed_roles: frozenset, *, acknowledged: bool = False) -> Rule:
    """A function of these roles (refused to others, before anything is looked up) on an object
    of partner A (404 at B)."""
    inner = roles(allowed_roles, acknowledged=acknowledged)

    def decide(cell: Cell) -> str:
        verdict = inner(cell)
        if verdict != ALLOWED:
            return verdict
        return ALLOWED if cell.same_partner else HIDDEN

    decide.__name__ = f"staff_then_own_object({inner.__name__})"
    return decide


#: The partner's non-partners (art7): refused to other roles and to service tokens before
#: anything is read, and to a keeper who has not acknowledged the protocol (decision 28).
non_partners = roles(NON_PARTNER_KEEPERS, acknowledged=True)
#: One of partner A's non-partners by its id: refused as above; at B it does not exist (404).
non_partner = staff_then_own_object(NON_PARTNER_KEEPERS, acknowledged=True)


def support_then_own_object(cell: Cell) -> str:
    """An object in A's dossier of the client (a safety case): refused without the client's
    support; with it at B, 404 (B's dossier has no such case)."""
    verdict = client_support(cell)
    if verdict != ALLOWED:
        return verdict
    return ALLOWED if cell.same_partner else HIDDEN


def absent(cell: Cell) -> str:
    """The world has no such object for the route (the request was not refused, the list not
    carried out): 404 to whoever may otherwise ask."""
    known(cell)
    return HIDDEN


def refused_unless(allowed_roles: frozenset, then: Rule) -> Rule:
    """Refused to other roles before anything is looked up; for these roles as ``then``."""

    def decide(cell: Cell) -> str:
        if not _employee(cell) or cell.role not in allowed_roles:
            return REFUSED
        return then(cell)

    decide.__name__ = f"refused_unless({'|'.join(sorted(allowed_roles))}, {then.__name__})"
    return decide


def services_only(cell: Cell) -> str:
    """A partner system's service token (the webhooks); employees' tokens are refused."""
    known(cell)
    return ALLOWED if cell.role is None else REFUSED


def services_then_own_object(cell: Cell) -> str:
    """A service token's own partner's object (a webhook subscription): employees refused,
    another partner's service 404."""
    verdict = services_only(cell)
    if verdict != ALLOWED:
        return verdict
    return ALLOWED if cell.same_partner else HIDDEN


#: Who keeps destruction lists (decision 17: "an author, a caseworker or privacy officer"):
#: the caseworker role itself, not the other roles with casework (decision 22 gives a director,
#: team lead or liaison the clients they are assigned to, not the lists of former clients).
STAFF = frozenset({Role.CASEWORKER, Role.PRIVACY_OFFICER})


def records_staff(allowed_roles: frozenset, *, own_object: bool = True) -> Rule:
    """The destruction lists (art5.2, decision 17): these roles, once they acknowledged the
    protocol; other roles and service tokens refused (403) before anything is looked up;
    another partner's list 404 (``own_object``)."""
    if own_object:
        return staff_then_own_object(allowed_roles, acknowledged=True)
    return roles(allowed_roles, acknowledged=True)


# --- the table ----------------------------------------------------------------------------

#: The pages: (URL name in ``zorgvuldig.web.urls``, method) -> access class. Every page
#: behind ``employee_required`` sends an employee who has not acknowledged the protocol to the
#: acknowledgement page first; ``PUBLIC_PAGES`` are not behind it.
PUBLIC_PAGES = frozenset(
    {
        "login",
        "second_factor",
        "enrol",
        "logout",
        "acknowledge",
        "resident_signin",
        "digid_login",
        "digid_acs",
        "digid_metadata",
        "oidc_start",
        "oidc_callback",
    }
)
#: The resident's own view (decision 25): not behind an employee's sign-in; without a
#: resident's DigiD session every asker is sent to its sign-in (the poll answers 401).
RESIDENT_PAGES = frozenset(
    {
        "resident_home",
        "resident_signout",
        "resident_new",
        "resident_consents",
        "resident_withdraw",
        "resident_requests",
        "resident_new_request",
        "resident_overview",
    }
)
#: The pages of a sign-in the matrix's settings do not configure (OpenID Connect, the real
#: DigiD of ``ZORGVULDIG_DIGID``; the tests sign residents in through the DigiD mock): not
#: found to every asker, signed in or not.
UNCONFIGURED_PAGES = frozenset(
    {"oidc_start", "oidc_callback", "digid_login", "digid_acs", "digid_metadata"}
)
#: The pages that someone who is not logged in gets; every other sends them to log in.
ANONYMOUS_PAGES = frozenset({"login", "resident_signin"})

_item = own_partner_object(client_support)
_request = own_partner_object(handler)
_list = staff_then_own_object(STAFF)
#: Reading one of A's incidents (the privacy officer, the FG, once they acknowledged): 404 at B.
_incident = staff_then_own_object(REGISTER_READERS, acknowledged=True)
_officers = roles(PRIVACY_OFFICERS)
_readers = roles(REGISTER_READERS)
_use = staff_then_own_object(REGISTER_READERS)


def handle_incident(cell: Cell) -> str:
    """A step on one of A's incidents, or its letter (art3.2f): its privacy officer; the FG
    reads the incident and is refused the step (403, art3.2c: oversight changes nothing); at B
    the incident does not exist (404) for either, before the step is looked at."""
    verdict = _incident(cell)
    if verdict == ALLOWED and cell.role not in PRIVACY_OFFICERS:
        return REFUSED
    return verdict


def review_use(cell: Cell) -> str:
    """Reviewing a use of the glass on its page (decision 23): the privacy officer of A (the
    empty form: 400); the FG reads it and is refused the review (403); at B the use does not
    exist (404) for either, before the review is looked at."""
    verdict = _use(cell)
    if verdict == ALLOWED and cell.role not in PRIVACY_OFFICERS:
        return REFUSED
    return verdict


PAGES: dict[tuple[str, str], Rule] = {
    ("resident_signin", "GET"): public,
    ("digid_login", "GET"): absent,  # ZORGVULDIG_DIGID is off here (decision 25)
    ("digid_acs", "GET"): absent,
    ("digid_metadata", "GET"): absent,
    ("resident_home", "GET"): public,
    ("resident_signout", "POST"): public,
    ("resident_new", "GET"): public,
    ("resident_consents", "GET"): public,
    ("resident_withdraw", "POST"): public,
    ("resident_requests", "GET"): public,
    ("resident_new_request", "GET"): public,
    ("resident_new_request", "POST"): public,
    ("resident_overview", "GET"): public,
    ("home", "GET"): employee,
    ("home", "POST"): employee,  # the search form; a search is a processing of its own
    ("login", "GET"): public,
    ("login", "POST"): public,
    ("second_factor", "GET"): public,  # a session with only the password (anonymous: login)
    ("second_factor", "POST"): public,
    ("enrol", "GET"): public,
    ("enrol", "POST"): public,
    ("logout", "POST"): logs_out,
    ("oidc_start", "GET"): absent,
    ("oidc_start", "POST"): absent,
    ("oidc_callback", "GET"): absent,
    ("oidc_callback", "POST"): absent,
    ("acknowledge", "GET"): public,
    ("acknowledge", "POST"): public,
    ("acknowledgements", "GET"): _readers,
    ("team_overview", "GET"): roles(TEAM_LEADS),  # who supports how many, no client
    ("intake", "GET"): employee,
    ("intake", "POST"): employee,  # the empty form: 400
    ("dossier", "GET"): client_support,
    ("record_item", "GET"): employee,  # the form, nothing of the client's
    ("record_item", "POST"): employee,  # the empty form: 400 before the gate
    ("item_history", "GET"): _item,
    ("item_history", "POST"): _item,
    ("change_item", "GET"): _item,
    ("change_item", "POST"): employee,  # the empty form: 400 before the gate
    ("record_informing", "GET"): employee,
    ("record_informing", "POST"): employee,
    ("record_consent", "GET"): client_support,
    ("record_consent", "POST"): client_support,
    ("withdraw_consent", "GET"): client_support,
    ("withdraw_consent", "POST"): client_support,
    ("consent_form", "GET"): client_support,
    ("consent_document", "GET"): _item,
    ("share", "GET"): client_support,
    ("share", "POST"): client_support,
    ("register_non_partner", "GET"): non_partners,
    ("register_non_partner", "POST"): non_partners,
    ("leaflet", "GET"): employee,
    ("request_data", "GET"): employee,
    ("request_data", "POST"): employee,
    ("open_safety_case", "GET"): employee,
    ("open_safety_case", "POST"): employee,
    ("meldcode_step", "GET"): support_then_own_object,
    ("meldcode_step", "POST"): support_then_own_object,
    ("close_safety_case", "GET"): support_then_own_object,
    ("close_safety_case", "POST"): support_then_own_object,
    ("create_household", "GET"): client_support,
    ("create_household", "POST"): client_support,
    ("households", "GET"): employee,  # the households the employee directs
    ("household", "GET"): nobody,  # only its director, who is no cell of the matrix
    ("household", "POST"): nobody,
    ("client_requests", "GET"): handler,
    ("client_requests", "POST"): handler,
    ("register_request", "GET"): handler,
    ("register_request", "POST"): handler,
    ("resident_view_holds", "GET"): handler,  # art9.3: what the client's own view shows
    ("resident_view_holds", "POST"): handler,  # no step sent: the page again, for a handler
    ("rights_queue", "GET"): _readers,  # the FG without the links to handle a request
    ("subject_request", "GET"): _request,
    ("subject_request", "POST"): _request,
    ("resolve_notice", "POST"): employee,  # the empty form: 400 before the gate
    ("overview", "GET"): _request,
    ("overview_letter", "GET"): _request,
    ("refusal_letter", "GET"): absent,
    ("inspection", "GET"): _request,
    ("inspection", "POST"): _request,
    ("retention", "GET"): handler,
    ("retention", "POST"): handler,
    ("destruction_lists", "GET"): roles(STAFF),
    ("destruction_lists", "POST"): roles(STAFF),
    ("retention_plan", "GET"): _officers,
    ("destruction_list", "GET"): _list,
    ("destruction_list", "POST"): employee,  # the empty form: 400 before anything
    ("destruction_record", "GET"): refused_unless(STAFF, absent),
    ("incidents", "GET"): employee,  # what the employee reported; the register for officers
    ("report_incident", "GET"): employee,
    ("report_incident", "POST"): employee,
    ("incident", "GET"): _incident,  # the FG without the forms of the steps
    ("incident", "POST"): handle_incident,
    ("incident_letter", "GET"): handle_incident,
    ("exceptions_register", "GET"): _readers,
    ("break_glass", "GET"): roles(GLASS_BREAKERS),  # the form, nothing of the client's
    ("break_glass", "POST"): roles(GLASS_BREAKERS),  # the empty form: 400 before the gate
    ("emergency_accesses", "GET"): _readers,  # the partner's own uses; B's has none
    ("emergency_access", "GET"): _use,
    ("emergency_access", "POST"): review_use,
    ("received_shares", "GET"): employee,  # the partner's own received data, gate per item
    ("intake_queue", "GET"): employee,
    # taking a referral in opens a trajectory: a role with casework (decision 22)
    ("take_in_referral", "POST"): own_partner_object(roles(CASEWORKERS)),
    ("decline_referral", "GET"): employee,
    ("decline_referral", "POST"): employee,
    ("accept_received_share", "POST"): _item,
    ("decline_received_share", "GET"): employee,
    ("decline_received_share", "POST"): employee,
}

#: The API: operationId -> access class. A token stands for an employee (with that
#: employee's role, assignment and acknowledgement) or for a service of its partner.
_token_request = own_partner_object(handler)
_token_list = records_staff(STAFF)

OPERATIONS: dict[str, Rule] = {
    "listPartners": any_token,
    "getPartner": any_token,
    "listProtocolAcknowledgements": _readers,  # names employees, no client (decision 21)
    "recordCommitment": any_token,
    "endCommitment": any_token,
    "listEmployees": any_token,
    "searchClients": any_token,
    "registerClient": any_token,
    "getClientDossier": client_support,
    "listRelations": client_support,
    "addRelation": any_token,
    "listSupportTrajectories": client_support,
    "closeSupportTrajectory": any_token,
    "assignCaseworker": any_token,
    "recordDataItem": any_token,
    "listDataItems": client_support,
    "getDataItem": _item,
    "changeDataItem": any_token,
    "recordInforming": any_token,
    "getConsents": client_support,
    "recordConsent": any_token,
    "withdrawConsent": any_token,
    "getConsentForm": client_support,
    "getConsentDocument": _item,
    "previewShare": any_token,
    "shareItems": any_token,
    "listDisclosures": _item,
    "releaseSecrecy": any_token,
    "listNonPartners": non_partners,
    "registerNonPartner": any_token,
    "informNonPartner": non_partner,
    "listClientDisclosures": client_support,
    "listReceivedShares": any_token,
    "acceptReceivedShare": _item,
    "rejectReceivedShare": any_token,
    "listReferrals": any_token,
    "takeInReferral": any_token,
    "rejectReferral": any_token,
    "requestData": any_token,
    "openSafetyCase": any_token,
    "listSafetyCases": client_support,
    "closeSafetyCase": any_token,
    "recordMeldcodeStep": any_token,
    "createHousehold": any_token,
    "getHouseholdOverview": nobody,  # only its director, who is no cell of the matrix
    "updateHouseholdPlan": any_token,
    "addressNonPartner": any_token,
    "listNonPartnerAddresses": non_partner,
    "getAuthority": handler,
    "judgeIncapacity": any_token,
    "recordRepresentativeStance": any_token,
    "registerSubjectRequest": any_token,
    "listSubjectRequests": handler,
    "listOpenSubjectRequests": roles(REGISTER_READERS, acknowledged=True),
    "countSubjectRequests": _readers,  # counts, no request (decision 15)
    "getSubjectRequest": _token_request,
    "pauseSubjectRequest": any_token,
    "resumeSubjectRequest": _token_request,
    "extendSubjectRequest": any_token,
    "withdrawSubjectRequest": _token_request,
    "decideSubjectRequest": any_token,
    "carryOutSubjectRequest": _token_request,
    "closeSubjectRequest": _token_request,
    "getSubjectOverview": _token_request,
    "getSubjectOverviewLetter": _token_request,
    "getRefusalLetter": _token_request,  # past authorisation; then "no refusal" (400)
    "sendSubjectOverview": _token_request,
    "getInspectionPackage": _token_request,
    "withholdFromInspection": any_token,
    "showInInspection": _token_request,
    "releaseInspection": _token_request,
    "listResidentViewHolds": handler,
    "holdFromResidentView": any_token,
    "releaseToResidentView": any_token,
    "listRecipientNotices": _token_request,
    "resolveRecipientNotice": any_token,
    "getDossierRetention": handler,
    "placeRetentionHold": any_token,
    "listDestructionLists": records_staff(STAFF, own_object=False),
    "draftDestructionList": any_token,
    "getDestructionList": _token_list,
    "reviewListEntry": any_token,
    "completeListReview": _token_list,
    "approveDestructionList": records_staff(PRIVACY_OFFICERS),
    "returnDestructionList": any_token,
    "resubmitDestructionList": _token_list,
    "getDestructionRecord": _token_list,  # past authorisation: "not carried out yet" (400)
    "listIncidents": roles(REGISTER_READERS, acknowledged=True),  # no client (decision 18)
    "reportIncident": any_token,
    "getIncident": _incident,
    "updateIncident": handle_incident,
    "recordIncidentAwareness": any_token,
    "recordBreachNotification": any_token,
    "exemptBreachNotification": any_token,
    "getBreachNotificationAnswers": _incident,  # the answers of the form, read
    "searchAffectedClients": any_token,
    "addAffectedClient": any_token,
    "detachAffectedClient": any_token,
    "decideSubjectInformation": any_token,
    "getIncidentLetter": handle_incident,
    "recordIncidentLetterDelivery": any_token,
    "closeIncident": handle_incident,
    "listAllowedProcessings": client_support,
    "listProcessingExceptions": roles(REGISTER_READERS, acknowledged=True),
    "breakGlass": roles(GLASS_BREAKERS, acknowledged=True),
    "listEmergencyAccesses": roles(REGISTER_READERS, acknowledged=True),
    "getEmergencyAccess": staff_then_own_object(REGISTER_READERS, acknowledged=True),
    "reviewEmergencyAccess": staff_then_own_object(PRIVACY_OFFICERS, acknowledged=True),
    "getProcessingLog": client_support,
    "getTeamOverview": roles(TEAM_LEADS, acknowledged=True),  # who supports how many
    "listWebhookSubscriptions": services_only,
    "createWebhookSubscription": any_token,
    "deleteWebhookSubscription": services_then_own_object,
}

#: Route parameters that do not point at the object of the parameter's own name.
PAGE_PARAMETERS: dict[str, dict[str, str]] = {
    "take_in_referral": {"client_id": "referred_client_id"},
    "decline_referral": {"client_id": "referred_client_id"},
    "resolve_notice": {"request_id": "corrected_request_id"},
    "inspection": {"request_id": "inspection_request_id"},
    # without a resident's session these answer alike whatever the id (decision 25)
    "resident_withdraw": {"decision_id": "document_id"},
}
OPERATION_PARAMETERS: dict[str, dict[str, str]] = {
    "takeInReferral": {"client_id": "referred_client_id"},
    "rejectReferral": {"client_id": "referred_client_id"},
    "resolveRecipientNotice": {"request_id": "corrected_request_id"},
    "listRecipientNotices": {"request_id": "corrected_request_id"},
    "getInspectionPackage": {"request_id": "inspection_request_id"},
    "withholdFromInspection": {"request_id": "inspection_request_id"},
    "showInInspection": {"request_id": "inspection_request_id"},
    "releaseInspection": {"request_id": "inspection_request_id"},
}
