# SPDX-License-Identifier: EUPL-1.2
"""Labels of the protocol's codes as the pages show them, translatable.

The codes (``intake``, ``jeugdwet``, ``dossier-raadplegen`` ...) are stable and stored; the
pages show labels. The msgids are English; the Dutch translations (locale/nl) are the labels of
:mod:`zorgvuldig.protocol.vocabulary`, which a test keeps equal. A code without a label is shown
as it is, so that a processing added elsewhere never breaks a page.
"""

from __future__ import annotations

from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from zorgvuldig.clients.codes import EmergencyReason
from zorgvuldig.incidents import codes as incident_codes
from zorgvuldig.partners.models import Role
from zorgvuldig.protocol import Category, Domain, LegalBasis, Operation, Purpose
from zorgvuldig.rights import codes

PURPOSES = {
    Purpose.INTAKE: _("Registration and recording of the request for support"),
    Purpose.ASSESSMENT: _("Assessment of the need for support"),
    Purpose.SUPPORT_PROVISION: _("Providing and carrying out support"),
    Purpose.INTEGRATED_SUPPORT: _("Integrated support (one household, one plan, one director)"),
    Purpose.SAFETY: _("Safety of the client, the caseworker or others"),
    Purpose.ACCOUNTABILITY: _("Accounting for the support given"),
}

DOMAINS = {
    Domain.YOUTH: pgettext_lazy("domain", "Youth"),
    Domain.CARE: pgettext_lazy("domain", "Care"),
    Domain.WELFARE: pgettext_lazy("domain", "Welfare"),
    Domain.HOUSING: pgettext_lazy("domain", "Housing"),
    Domain.WORK_INCOME: pgettext_lazy("domain", "Work and income"),
}

LEGAL_BASES = {
    LegalBasis.WMO_2015: _("Social Support Act 2015 (Wmo 2015)"),
    LegalBasis.YOUTH_ACT: _("Youth Act (Jeugdwet)"),
    LegalBasis.PARTICIPATION_ACT: _("Participation Act (Participatiewet)"),
}

OPERATIONS = {
    Operation.RECORD: pgettext_lazy("operation", "record"),
    Operation.REQUEST: pgettext_lazy("operation", "request"),
    Operation.CONSULT: pgettext_lazy("operation", "consult"),
    Operation.USE: pgettext_lazy("operation", "use"),
    Operation.CHANGE: pgettext_lazy("operation", "change"),
    Operation.SHARE: pgettext_lazy("operation", "share"),
    Operation.DESTROY: pgettext_lazy("operation", "destroy"),
}

CATEGORIES = {
    Category.IDENTIFICATION: _("Identification data"),
    Category.CONTACT: _("Contact details"),
    Category.HOUSEHOLD: _("Household and family composition"),
    Category.HOUSING: pgettext_lazy("category", "Housing"),
    Category.WORK_INCOME: pgettext_lazy("category", "Work and income"),
    Category.FINANCES: _("Finances and debts"),
    Category.WELFARE: pgettext_lazy("category", "Welfare"),
    Category.YOUTH: pgettext_lazy("category", "Youth"),
    Category.HEALTH: _("Health (medical data)"),
    Category.JUSTICE: _("Judicial data"),
    Category.SAFETY_SIGNALS: _("Signals about safety (domestic violence, child abuse)"),
}

# How a data item was obtained (art3.2a); the codes of dossier.models.OriginMethod.
ORIGIN_METHODS = {
    "conversation": _("Conversation with the client"),
    "document": _("Document supplied"),
    "register": _("Public register (e.g. BRP)"),
    "partner": _("Received from a partner"),
    "observation": _("Observation by the caseworker"),
}

# The codes of clients.models.RelationKind.
RELATION_KINDS = {
    "legal-representative": _("Legal representative"),
    "guardian": _("Guardian"),
    "curator": _("Curator"),
    "mentor": _("Mentor"),
    "spouse": _("Spouse or life partner"),
    "parent": _("Parent"),
    "sibling": _("Brother or sister"),
    "child": _("Child"),
}

# The names the gate gives its processings in the log.
PROCESSINGS = {
    "client-aanmelden": _("Client registered"),
    "client-zoeken": _("Client found in a search"),
    "dossier-raadplegen": _("Dossier consulted"),
    "noodtoegang-openen": _("Emergency access opened (break the glass)"),
    "noodtoegang-raadplegen": _("Emergency accesses consulted"),
    "noodtoegang-beoordelen": _("Emergency access reviewed"),
    "relatie-vastleggen": _("Relation recorded"),
    "relaties-raadplegen": _("Relations consulted"),
    "trajecten-raadplegen": _("Support trajectories consulted"),
    "traject-afsluiten": _("Support trajectory closed"),
    "hulpverlener-toewijzen": _("Caseworker assigned"),
    "gegeven-vastleggen": _("Data item recorded"),
    "gegeven-wijzigen": _("Data item changed"),
    "gegevens-raadplegen": _("Data items consulted"),
    "gegeven-historie-raadplegen": _("History of a data item consulted"),
    "huishouden-vastleggen": _("Household recorded"),
    "eigen-verwerkingen-raadplegen": _("Looking at your processings in your own view"),
    "verwerking-achterhouden": _("Hold back a processing from the resident's own view"),
    "verwerking-vrijgeven": _("Release a processing to the resident's own view"),
    "achterhouden-raadplegen": _("What the resident's own view holds back consulted"),
    "verwerkingenlog-raadplegen": _("Processing log consulted"),
    "informeren-vastleggen": _("Informing of the client recorded"),
    "toestemming-vastleggen": _("Consent decision recorded"),
    "toestemming-intrekken": _("Withdrawal of consent recorded"),
    "toestemming-raadplegen": _("Informing and consent consulted"),
    "toestemmingsformulier-afdrukken": _("Consent form printed"),
    "toestemmingsformulier-raadplegen": _("Signed consent form consulted"),
    "toegestaan-raadplegen": _("Allowed processings viewed"),
    "uitzonderingen-raadplegen": _("Processings without consent viewed"),
    "gegevens-delen": _("Data shared"),
    "delen-voorbereiden": _("Sharing prepared"),
    "ontvangers-raadplegen": _("Recipients viewed"),
    "beroepsgeheim-vrijgeven": _("Professional secrecy lifted for a recipient"),
    "gegevens-opvragen": _("Data requested from a partner"),
    "ontvangen-gegevens-inzien": _("Data received from a partner viewed"),
    "ontvangen-gegevens-afwijzen": _("Data received from a partner declined"),
    "verwijzing-inzien": _("Referral viewed for intake"),
    "verwijzing-aannemen": _("Referred client taken in"),
    "verwijzing-afwijzen": _("Referral declined"),
    "meldcode-raadplegen": _("Meldcode cases consulted"),
    "meldcode-sluiten": _("Meldcode case closed"),
    "meldcode-signalen": _("Meldcode step 1: signals mapped"),
    "meldcode-consult": _("Meldcode step 2: colleague consulted"),
    "meldcode-conversation": _("Meldcode step 3: conversation with the client"),
    "meldcode-weigh": _("Meldcode step 4: violence or abuse weighed"),
    "meldcode-decide": _("Meldcode step 5: decided on help or a report"),
    "huishouden-coordineren": _("Household plan and exchanges consulted by the director"),
    "geregisseerde-huishoudens-raadplegen": _("Households directed consulted by the director"),
    "niet-partners-raadplegen": _("Non-partners consulted"),
    "niet-partner-vastleggen": _("Non-partner recorded"),
    "niet-partner-informeren": _("Informing of a non-partner recorded"),
    "niet-partner-aanspreken": _("Addressing of a non-partner recorded"),
    "niet-partner-aanspreken-raadplegen": _("Addressing of a non-partner consulted"),
    "vertegenwoordiging-raadplegen": _("Who may act for the client consulted"),
    "onbekwaamheid-vastleggen": _("Judgement of incapacity recorded"),
    "vertegenwoordiger-beperken": _("Representative recorded as unwilling or limited"),
    "verzoek-betrokkene-vastleggen": _("Request of a data subject registered"),
    "verzoek-betrokkene-raadplegen": _("Request of a data subject consulted"),
    "verzoek-betrokkene-pauzeren": _("Request of a data subject paused"),
    "verzoek-betrokkene-hervatten": _("Request of a data subject resumed"),
    "verzoek-betrokkene-verlengen": _("Deadline of a request extended"),
    "verzoek-betrokkene-intrekken": _("Request of a data subject withdrawn"),
    "verzoeken-betrokkenen-raadplegen": _("Open requests of data subjects consulted"),
    "verzoeken-betrokkene-raadplegen": _("Requests of a data subject consulted"),
    "verzoek-betrokkene-voorbereiden": _("Registration of a request prepared"),
    "overzicht-betrokkene-verzenden": _("Overview sent to the data subject (art. 9(1))"),
    "verzoek-betrokkene-beslissen": _("Request of a data subject decided"),
    "verzoek-betrokkene-uitvoeren": _("Request of a data subject carried out"),
    "verzoek-betrokkene-afsluiten": _("Request of a data subject closed"),
    "ontvangers-informeren-raadplegen": _("Notices to earlier recipients consulted"),
    "bewaartermijn-raadplegen": _("Retention of the dossier consulted (art. 5(2))"),
    "bewaartermijn-verlengen": _("Dossier kept longer on a hold (art. 5(2))"),
    "vernietigingslijst-opstellen": _("Destruction list drawn up"),
    "vernietigingslijst-raadplegen": _("Destruction list consulted"),
    "vernietigingslijst-beoordelen": _("Dossier on a destruction list reviewed"),
    "dossier-vernietigen": _("Dossier destroyed (art. 5(2))"),
    "dossier-opnieuw-vernietigen": _("Dossier destroyed again after a restore (art. 5(2))"),
    "ontvanger-informeren-vastleggen": _("Notice to an earlier recipient recorded"),
    "overzicht-betrokkene-opstellen": _("Overview for a data subject drawn up (art. 9(1))"),
    "plan-bijwerken": _("Household plan updated"),
    "incident-melden": _("Incident reported (art. 3(2)(f))"),
    "incident-raadplegen": _("Incident consulted"),
    "incident-bijwerken": _("Incident completed or corrected"),
    "incident-bewustwording-vastleggen": _("Awareness of a breach recorded (GDPR art. 33)"),
    "datalek-melding-vastleggen": _("Notification of a breach to the Dutch DPA recorded"),
    "datalek-melding-niet-nodig": _("Breach recorded as needing no notification"),
    "meldformulier-opstellen": _("Answers of the breach notification form drawn up"),
    "incident-betrokkenen-zoeken": _("Clients affected by an incident found in the log"),
    "incident-betrokkene-koppelen": _("Client attached to an incident"),
    "incident-betrokkene-ontkoppelen": _("Client detached from an incident"),
    "betrokkenen-informeren-beslissen": _("Decision on telling the data subjects (GDPR art. 34)"),
    "incidentbrief-afdrukken": _("Letter about a breach printed"),
    "incidentbrief-verzending-vastleggen": _("Delivery of a letter about a breach recorded"),
    "incident-afsluiten": _("Incident closed"),
}

# The steps of the Meldcode (art8.1); the codes of exchange.models.MeldcodeStep.
MELDCODE_STEPS = {
    "signals": _("1. Map the signals"),
    "consult": _("2. Consult a colleague and, if needed, Veilig Thuis"),
    "conversation": _("3. Talk with the client"),
    "weigh": _("4. Weigh the violence or abuse (assessment framework)"),
    "decide": _("5. Decide: organise help and/or report to Veilig Thuis"),
}

# The kinds of non-partners (art7); the codes of exchange.models.NonPartnerKind.
NON_PARTNER_KINDS = {
    "family": _("Family member"),
    "network": _("Social network"),
    "professional": _("Professional not committed to the protocol"),
    "organisation": _("Organisation not committed to the protocol"),
}

# The kinds of recipients of a disclosure (protocol.RecipientKind).
RECIPIENT_KINDS = {
    "partner": _("Partner"),
    "non-partner": _("Non-partner"),
    "veilig-thuis": _("Veilig Thuis"),
}

# What a recipient partner did with a disclosure (services.exchange.views.RECEIPT_*).
RECEIPTS = {
    "waiting": _("Waiting at the recipient"),
    "taken-in": _("Taken into the recipient's dossier"),
    "declined": _("Declined by the recipient"),
}

# The grounds of a disclosure (exchange.models.Ground).
DISCLOSURE_GROUNDS = {
    "consent": _("Consent of the client (art. 4)"),
    "art4.6": _("Necessary without consent (art. 4(6))"),
    "art8.2": _("Veilig Thuis report (art. 8(2))"),
}

# The grounds of art4.6 for processing without consent (protocol.ExceptionGround).
EXCEPTION_GROUNDS = {
    "necessary-unavoidable": _("Necessary and unavoidable for the support"),
    "serious-risk": _(
        "Serious risk to the health or safety of the client, the caseworker or others"
    ),
}

# The scopes of consent (art4.2, art4.3), as protocol.consent.ConsentScope codes them.
CONSENT_SCOPES = {
    "record-request": _("Record and request"),
    "share": _("Share with others"),
}

CONSENT_STATES = {
    "given": pgettext_lazy("consent", "given"),
    "refused": pgettext_lazy("consent", "refused"),
    "withdrawn": pgettext_lazy("consent", "withdrawn"),
    "not-asked": pgettext_lazy("consent", "not asked"),
}

# How the client was informed (art4.1); the codes of consent.models.InformingMethod.
INFORMING_METHODS = {
    "conversation": _("In a conversation"),
    "letter": _("By letter"),
}

# Who decided on consent: the client, or a representative by the kind of relation (art10).
DECIDERS = {"client": _("The client"), **RELATION_KINDS}

DECISIONS = {
    "allowed": _("allowed"),
    "partial": _("partly allowed"),
    "refused": _("refused"),
}

# What became of a request for data (pull) and of each requested category
# (services.received.views: SENT, PARTLY_SENT, NOTHING_SENT, REFUSED, NOT_HELD).
PULL_STATUSES = {
    "sent": pgettext_lazy("pull", "Sent"),
    "partly-sent": pgettext_lazy("pull", "Partly sent"),
    "nothing-sent": pgettext_lazy("pull", "Nothing sent"),
    "refused": pgettext_lazy("pull", "Refused"),
    "not-held": pgettext_lazy("pull", "No data at the partner"),
}

STATUSES = {
    "ok": _("completed"),
    "error": _("failed"),
}

URGENCIES = {
    "overdue": _("overdue"),
    "due-this-week": _("due within a week"),
    "paused": _("paused"),
    "on-time": _("on time"),
}

# How long a dossier, an item or a trajectory is kept (protocol.retention.State, art5.2).
RETENTION_STATES = {
    "open": _("No date yet: support goes on"),
    "kept": _("A retention period still runs"),
    "held": _("Kept longer on a hold"),
    "due": _("Due for destruction"),
}

# A destruction list, the review of each dossier on it and what became of it: the codes of
# retention.models ListState, Review and EntryOutcome.
LIST_STATES = {
    "review": _("Awaiting review"),
    "approval": _("Awaiting approval"),
    "approved": _("Approved, cooling off"),
    "returned": _("Returned to its author"),
    "running": _("Being destroyed"),
    "done": _("Destroyed"),
}
LIST_REVIEWS = {"destroy": _("Destroy"), "keep": _("Keep")}
ENTRY_OUTCOMES = {
    "pending": _("Not carried out yet"),
    "destroyed": _("Destroyed"),
    "kept": _("Kept"),
}

# Why a dossier on a list was not destroyed when the list ran (services.retention.destruction
# Kept, and run.KEPT_ON_REVIEW).
KEPT_BECAUSE = {
    "gone": _("Nothing of the client was left at the organisation"),
    "open-support": _("The client is supported again"),
    "hold": _("A hold keeps the dossier"),
    "open-request": _("A request of the data subject is being handled"),
    "not-due": _("A retention period still runs"),
    "kept-on-review": _("Kept on review"),
}

# who acknowledged the protocol (art3.2d, art3.2e)
AWARENESS = {
    "current": _("Acknowledged"),
    "lapsed": _("Lapsed: to acknowledge again"),
    "never": _("Not acknowledged"),
    "no-version": _("No version in force"),
}
# Where the notification of a breach stands (protocol.breaches.ClockState, GDPR art. 33).
CLOCK_STATES = {
    "not-started": _("Not yet established that personal data was affected"),
    "running": _("The 72 hours are running"),
    "overdue": _("Overdue: not notified within the hours"),
    "in-time": _("Notified in time"),
    "late": _("Notified late"),
    "not-required": _("No notification required"),
}
# The notification in the register: its latest phase, or that none is required.
NOTIFICATIONS = {
    "exempt": _("Not required"),
    **dict(incident_codes.PhaseKind.choices),
}

KINDS = {
    "purpose": PURPOSES,
    "domain": DOMAINS,
    "legal_basis": LEGAL_BASES,
    "operation": OPERATIONS,
    "category": CATEGORIES,
    "method": ORIGIN_METHODS,
    "relation": RELATION_KINDS,
    "processing": PROCESSINGS,
    "decision": DECISIONS,
    "status": STATUSES,
    "consent_scope": CONSENT_SCOPES,
    "consent_state": CONSENT_STATES,
    "informing_method": INFORMING_METHODS,
    "decider": DECIDERS,
    "exception_ground": EXCEPTION_GROUNDS,
    "non_partner_kind": NON_PARTNER_KINDS,
    "recipient_kind": RECIPIENT_KINDS,
    "disclosure_ground": DISCLOSURE_GROUNDS,
    "receipt": RECEIPTS,
    "meldcode_step": MELDCODE_STEPS,
    "pull_status": PULL_STATUSES,
    # the rights of data subjects (art9, art10): the codes' own labels
    "request_kind": dict(codes.RequestKind.choices),
    "request_state": dict(codes.RequestState.choices),
    "outcome": dict(codes.Outcome.choices),
    "refusal_ground": dict(codes.RefusalGround.choices),
    "identity_method": dict(codes.IdentityMethod.choices),
    "withholding_ground": dict(codes.WithholdingGround.choices),
    "notice_channel": dict(codes.NoticeChannel.choices),
    "notice_status": dict(codes.NoticeStatus.choices),
    "urgency": URGENCIES,
    # retention and destruction (art5.2)
    "retention_state": RETENTION_STATES,
    "list_state": LIST_STATES,
    "list_review": LIST_REVIEWS,
    "entry_outcome": ENTRY_OUTCOMES,
    "kept_because": KEPT_BECAUSE,
    "awareness": AWARENESS,
    "role": dict(Role.choices),
    "emergency_reason": dict(EmergencyReason.choices),
    # incidents and breaches (art3.2f, GDPR art. 33 and 34)
    "incident_nature": dict(incident_codes.Nature.choices),
    "incident_state": dict(incident_codes.IncidentState.choices),
    "severity": dict(incident_codes.Severity.choices),
    "encryption": dict(incident_codes.Encryption.choices),
    "phase_kind": dict(incident_codes.PhaseKind.choices),
    "subject_outcome": dict(incident_codes.SubjectOutcome.choices),
    "letter_status": dict(incident_codes.LetterStatus.choices),
    "found_by": dict(incident_codes.FoundBy.choices),
    "clock_state": CLOCK_STATES,
    "notification": NOTIFICATIONS,
}


# The resident's own view (decision 25): who did a processing, as a role, never an employee
RESIDENT_BY = {
    "self": _("You"),
    "resident": _("Someone acting for you (DigiD)"),
    "system": _("A system of the organisation"),
    "caseworker": _("A caseworker"),
    "privacy-officer": _("The privacy officer"),
    "administrator": _("The functional administrator"),
    "director": _("A director (regisseur)"),
    "team-lead": _("A team lead"),
    "data-protection-officer": _("The data protection officer"),
    "veilig-thuis-liaison": _("The Veilig Thuis liaison"),
    "incident-reporter": _("An incident reporter"),
}
# why a processing was held back from the resident's own view until released (art9.3)
HELD_BACK = {
    "meldcode": _("Under the Meldcode"),
    "veilig-thuis": _("For or with Veilig Thuis"),
    "harm": _("Showing it would have harmed you or others"),
}
# for the partner: whether the client's own view lists a processing of its log (art9.3)
VIEW_STATES = {
    "shown": _("Visible to the client"),
    "released": _("Visible to the client since its release"),
    "held-back": _("Held back from the client"),
    "other-person": _("Never shown: it also concerns someone else"),
    "not-listed": _("Not listed: the client's own look, or the handling of what is held back"),
}
KINDS["resident_by"] = RESIDENT_BY
KINDS["held_back"] = HELD_BACK
KINDS["view_hold_kind"] = dict(codes.ViewHoldKind.choices)
KINDS["view_state"] = VIEW_STATES

#: The labels already translated, per (language, kind, code): a page shows the same few
#: codes hundreds of times (the dossier's processing log), and translating a lazy label costs
#: a catalogue lookup each time. Only the vocabularies' codes are kept, so its size is bounded.
_TRANSLATED: dict[tuple[str | None, str, object], str] = {}


def label(kind: str, code) -> str:
    """The translated label of ``code`` (a code of ``kind``), or the code itself."""
    if code in (None, ""):
        return ""
    key = (get_language(), kind, code)
    try:
        return _TRANSLATED[key]
    except KeyError:
        pass
    except TypeError:  # an unhashable value is no code of a vocabulary
        return str(code)
    vocabulary = KINDS[kind]
    if code not in vocabulary:
        return str(code)
    text = _TRANSLATED[key] = str(vocabulary[code])
    return text


def choices(kind: str) -> list[tuple[str, object]]:
    """Form choices: (code, lazy label) in the vocabulary's order."""
    return [(str(code), text) for code, text in KINDS[kind].items()]
