# SPDX-License-Identifier: EUPL-1.2
"""decide(): the protocol's rules as one deterministic, side-effect free function.

Every refusal names its article and says what would make the processing allowed. Rules that
hold for the whole request come first; then every category is decided on its own:

- art2: a purpose of the protocol version and one of the three laws as legal basis, a law
  that carries the actor's support of this client and the domain the processing serves.
- art1: only a partner committed to a protocol version that applies today processes.
- art3.2d: an employee who has not acknowledged that version reaches nothing.
- art3.2c: only employees whose role takes part in the support (decision 22), assigned to the
  client's support, the household's director, the Veilig Thuis liaison for an open Meldcode
  case, or who broke the glass for this client (a consult); a caseworker of a partner to which
  the client was referred sees who the client is for the intake. The partner's privacy
  officer and data protection officer (FG) consult for accountability only, and then only who
  the client is; the privacy officer more only while handling a request of the data subject.
  Other roles (the functional administrator, the incident reporter) reach no client.
- art5.1: only the categories the version's necessity matrix gives the purpose and domain;
  a request names its categories ("all data" is no request). A share to a partner carries
  only what the recipient's own support of the client needs for the purpose; to a partner
  that does not support the client yet it is a referral to a named domain, carrying what
  intake and assessment there need. A purpose wider than the ordinary support (safety,
  integrated support) rests on a fact the system holds (the version's purpose grounds).
- art4.1: nothing is recorded or requested before the client was informed.
- art4.2 / art4.3 / art4.5: the consent the operation needs, given and not withdrawn; a
  consent narrowed to named organisations or categories says whom and what it covers.
- art4.4: medical data is requested or shared only with a signed consent form.
- art4.6: without consent, only with a stated ground and justification; annotated.
- art6.1 / art6.2: a share names its recipient; items under a professional's secrecy do not
  leave without that professional's release, whatever the consent.
- art7: a non-partner is informed of the protocol's main lines before it receives anything,
  and receives on consent only where the consent names it.
- art8.2: Veilig Thuis, asking about a report, gets what the version says its task needs,
  without consent where needed; annotated. Blocking (art9.4) does not hold against it: a
  report is about protecting others (AVG art. 18(2); decision 0013).
- art9.4: items blocked at the data subject's request are kept, but not consulted, changed or
  shared: a category of which every item named is blocked is refused.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from zorgvuldig.protocol.consent import (
    Consent,
    ConsentScope,
    ConsentState,
    ExceptionGround,
    Justification,
)
from zorgvuldig.protocol.decision import (
    Access,
    CategoryOutcome,
    Decision,
    Obligation,
    Refusal,
    article_label,
)
from zorgvuldig.protocol.grounds import PURPOSE_GROUNDS, PurposeGround
from zorgvuldig.protocol.request import Facts, RecipientKind, Request
from zorgvuldig.protocol.version import ProtocolVersion
from zorgvuldig.protocol.vocabulary import (
    CATEGORIES,
    CATEGORY_NOUNS,
    DOMAINS,
    DOMAINS_BY_LEGAL_BASIS,
    LEGAL_BASES,
    OPERATIONS,
    PURPOSES,
    Category,
    Domain,
    LegalBasis,
    Operation,
    Purpose,
)

_NO_PURPOSE = Refusal(
    "art2",
    "Geweigerd: er is geen doel opgegeven",
    "Kies het doel binnen de ondersteuning waarvoor u de gegevens verwerkt.",
)
_NO_LEGAL_BASIS = Refusal(
    "art2",
    "Geweigerd: er is geen wettelijke grondslag opgegeven",
    "Kies de wet waarop de ondersteuning rust: Wmo 2015, Jeugdwet of Participatiewet.",
)
_NOT_COMMITTED = Refusal(
    "art1",
    "Geweigerd: uw organisatie is op dit moment geen partner die zich aan het protocol heeft "
    "gecommitteerd",
    "Vraag de functioneel beheerder de deelname van uw organisatie aan het protocol vast te "
    "leggen.",
)
_NOT_ACKNOWLEDGED = Refusal(
    "art3.2d",
    "Geweigerd: u heeft de geldende versie van het privacyprotocol nog niet bevestigd",
    "Lees het protocol en bevestig dat u het kent en naleeft; daarna heeft u weer toegang.",
)
_ACKNOWLEDGEMENT_LAPSED = Refusal(
    "art3.2e",
    "Geweigerd: uw bevestiging van het privacyprotocol is verlopen",
    "Lees het protocol opnieuw en bevestig dat u het kent en naleeft, zodat u er bewust van "
    "blijft; daarna heeft u weer toegang.",
)
_NOT_EMPLOYEE = Refusal(
    "art3.2c",
    "Geweigerd: alleen een hulpverlener van een partner heeft toegang tot persoonsgegevens",
    "Gebruik een koppeling die namens een medewerker van de partner werkt.",
)
_NOT_ASSIGNED = Refusal(
    "art3.2c",
    "Geweigerd: u bent niet betrokken bij de ondersteuning van deze cliënt",
    "Laat u door uw organisatie toewijzen aan een lopend ondersteuningstraject van deze "
    "cliënt, of vraag de regisseur van het huishouden.",
)
_ROLE_WITHOUT_CLIENTS = Refusal(
    "art3.2c",
    "Geweigerd: uw rol geeft geen toegang tot de gegevens van cliënten",
    "Alleen wie bij de ondersteuning van de cliënt betrokken is heeft toegang. Klopt uw rol "
    "niet, vraag de functioneel beheerder die te wijzigen.",
)
_OVERSIGHT_ONLY = Refusal(
    "art3.2c",
    "Geweigerd: de privacy officer en de functionaris gegevensbescherming nemen geen deel aan "
    "de ondersteuning; zij raadplegen een cliënt alleen ter verantwoording",
    "Kies het doel verantwoording van de verleende ondersteuning, en raadpleeg alleen.",
)
_OVERSIGHT_IDENTIFICATION = Refusal(
    "art3.2c",
    "Geweigerd: ter verantwoording ziet de privacy officer van een cliënt alleen wie het is; "
    "de inhoud van het dossier alleen bij de behandeling van een verzoek van de betrokkene",
    "Behandel het verzoek van de betrokkene: het overzicht en de inzage tonen wat het verzoek "
    "nodig heeft.",
)
_DPO_NO_CONTENT = Refusal(
    "art3.2c",
    "Geweigerd: de functionaris gegevensbescherming houdt toezicht op de registers en het "
    "verwerkingslog, niet op de inhoud van dossiers",
    "Raadpleeg de registers en het verwerkingslog van uw organisatie.",
)
_EMERGENCY_CONSULT_ONLY = Refusal(
    "art3.2c",
    "Geweigerd: met noodtoegang raadpleegt u het dossier alleen; u legt niets vast, wijzigt of "
    "deelt niets",
    "Laat u toewijzen aan de ondersteuning van deze cliënt, of vraag de hulpverlener die de "
    "cliënt ondersteunt.",
)
_NO_CATEGORIES = Refusal(
    "art5.1",
    "Geweigerd: het verzoek noemt geen gegevenscategorieën",
    "Kies alleen de categorieën die voor de ondersteuning nodig zijn; 'alle gegevens' is "
    "geen geldig verzoek.",
)
_NO_RECIPIENT = Refusal(
    "art6.1",
    "Geweigerd: gegevens verlaten de organisatie alleen in een uitwisseling met een bekende "
    "ontvanger",
    "Kies de partner of persoon aan wie u de gegevens verstrekt.",
)
_SECRECY = Refusal(
    "art6.2",
    "Geweigerd: deze gegevens vallen onder het wettelijk beroepsgeheim van de hulpverlener "
    "die ze vastlegde, ook met toestemming van de cliënt",
    "Vraag die hulpverlener om de gegevens voor deze uitwisseling vrij te geven.",
)
_BLOCKED = Refusal(
    "art9.4",
    "Geweigerd: deze gegevens zijn op verzoek van de betrokkene afgeschermd; ze worden "
    "bewaard, maar niet meer gebruikt of verstrekt",
    "Alleen Veilig Thuis krijgt afgeschermde gegevens nog, ter bescherming van anderen "
    "(art. 8 lid 2). Heft de partner de afscherming op, dan kan het weer.",
)
_NON_PARTNER_NOT_INFORMED = Refusal(
    "art7",
    "Geweigerd: deze ontvanger heeft zich niet aan het protocol gecommitteerd en is nog niet "
    "over de hoofdlijnen ervan geïnformeerd",
    "Geef de ontvanger de folder met de hoofdlijnen van het protocol, leg dat vast, en deel "
    "daarna.",
)
_NOT_FOR_VEILIG_THUIS = Refusal(
    "art8.2",
    "Geweigerd: deze gegevens zijn niet nodig voor de taak van Veilig Thuis",
    "Verstrek Veilig Thuis alleen de gegevens die het voor de melding nodig heeft, of vraag "
    "de cliënt om toestemming.",
)
_NOT_INFORMED = Refusal(
    "art4.1",
    "Geweigerd: de cliënt is nog niet geïnformeerd dat gegevens worden vastgelegd en met "
    "welke organisaties ze worden uitgewisseld",
    "Informeer de cliënt en leg dat vast in het dossier; bij ernstige risico's voor de "
    "veiligheid legt u vast waarom informeren nu niet kan (art. 4 lid 6).",
)
_RECIPIENT_NOT_SUPPORTING = Refusal(
    "art5.1",
    "Geweigerd: de ontvangende partner ondersteunt deze cliënt niet; wat hij nodig heeft volgt "
    "dan alleen uit een verwijzing",
    "Verwijs de cliënt door: kies het domein waarin de ontvanger de cliënt gaat ondersteunen. "
    "Dan gaat alleen mee wat de aanmelding en het onderzoek in dat domein nodig hebben.",
)
_CONSENT_ARTICLE = {ConsentScope.RECORD_REQUEST: "art4.2", ConsentScope.SHARE: "art4.3"}
_BASE_ARTICLES = ("art1", "art2", "art3.2c", "art3.2d")


def _basis_refusal(request: Request, facts: Facts) -> Refusal | None:
    """art2 and art3.2c together: the law named must carry this actor's support of the client."""
    basis = request.legal_basis
    if facts.opening_trajectory is not None:
        if not facts.casework:
            return _ROLE_WITHOUT_CLIENTS
        if request.operation is Operation.RECORD and request.purpose is Purpose.INTAKE:
            if basis is facts.opening_trajectory:
                return None
            return Refusal(
                "art2",
                f"Geweigerd: het nieuwe traject rust op de "
                f"{LEGAL_BASES[facts.opening_trajectory]}, niet op de opgegeven grondslag",
                "Geef de grondslag van het traject dat u opent.",
            )
        return _NOT_ASSIGNED
    if (
        facts.household_director
        or _oversight(request, facts)
        or _referral_intake(request, facts)
        or _meldcode(request, facts)
        or _emergency(request, facts)
    ):
        return None
    if not facts.assigned_legal_bases:
        return _EMERGENCY_CONSULT_ONLY if facts.emergency_access else _NOT_ASSIGNED
    if basis not in facts.assigned_legal_bases:
        carried = ", ".join(sorted(LEGAL_BASES[b] for b in facts.assigned_legal_bases))
        return Refusal(
            "art2",
            f"Geweigerd: uw ondersteuning van deze cliënt rust niet op de {LEGAL_BASES[basis]}",
            f"Verwerk de gegevens onder de grondslag van uw traject ({carried}).",
        )
    return None


def _oversight(request: Request, facts: Facts) -> bool:
    """art3.2c: a privacy officer or the data protection officer (FG) consults, for
    accountability only, what the partner did."""
    return (
        (facts.privacy_officer or facts.data_protection_officer)
        and request.purpose is Purpose.ACCOUNTABILITY
        and request.operation is Operation.CONSULT
    )


def _meldcode(request: Request, facts: Facts) -> bool:
    """art3.2c, art8: the Veilig Thuis liaison handles, for safety, the exchange with Veilig
    Thuis about a client of an open Meldcode case of the partner: consults the dossier and
    answers Veilig Thuis, nothing else."""
    return (
        facts.casework
        and facts.meldcode_liaison
        and request.purpose is Purpose.SAFETY
        and (
            request.operation is Operation.CONSULT
            or (
                request.operation is Operation.SHARE
                and request.recipient_kind is RecipientKind.VEILIG_THUIS
            )
        )
    )


def _emergency(request: Request, facts: Facts) -> bool:
    """art3.2c: who broke the glass for this client consults its dossier until the access
    expires; nothing is recorded, changed or shared on it."""
    return facts.casework and facts.emergency_access and request.operation is Operation.CONSULT


def access_ground(request: Request, facts: Facts) -> Access | None:
    """art3.2c: what the actor's access to the client rests on for this request (None: it
    rests on nothing; the rules then refuse)."""
    if facts.casework:
        if facts.opening_trajectory is not None:
            return Access.INTAKE
        if facts.assigned_legal_bases:
            return Access.ASSIGNED
        if facts.household_director:
            return Access.DIRECTOR
        if _referral_intake(request, facts):
            return Access.REFERRAL
        if _meldcode(request, facts):
            return Access.MELDCODE
        if _emergency(request, facts):
            return Access.EMERGENCY
    if _oversight(request, facts):
        if facts.privacy_officer and facts.handles_request:
            return Access.REQUEST
        return Access.OVERSIGHT
    return None


def _referral_intake(request: Request, facts: Facts) -> bool:
    """art3.2c: a caseworker of a partner to which the client was referred sees, for the
    intake, who the client is, under the law of the domain of the referral."""
    return (
        request.purpose is Purpose.INTAKE
        and request.operation is Operation.CONSULT
        and set(request.categories) <= {Category.IDENTIFICATION}
        and request.legal_basis is not None
        and bool(DOMAINS_BY_LEGAL_BASIS[request.legal_basis] & facts.referred_to)
    )


def _purpose_ground_refusal(
    request: Request, facts: Facts, version: ProtocolVersion
) -> Refusal | None:
    """art2, art5.1: a purpose wider than the ordinary support rests on one of the facts
    the version names for it; the claim alone is not enough."""
    needed = version.purpose_grounds.get(request.purpose)
    if not needed:
        return None
    held = set(facts.purpose_grounds)
    justification = request.justification
    if (
        _valid(justification, version.exception_grounds)
        and justification.ground is ExceptionGround.SERIOUS_RISK
    ):
        held.add(PurposeGround.SERIOUS_RISK)
    if (
        request.operation is Operation.SHARE
        and request.recipient_kind is RecipientKind.VEILIG_THUIS
    ):
        held.add(PurposeGround.VEILIG_THUIS_REQUEST)
    if held & needed:
        return None
    return _purpose_without_ground(request.purpose, needed)


@cache
def _purpose_without_ground(purpose: Purpose, needed: frozenset[PurposeGround]) -> Refusal:
    grounds = [PURPOSE_GROUNDS[g] for g in PurposeGround if g in needed]
    return Refusal(
        "art5.1",
        f"Geweigerd: het doel '{PURPOSES[purpose]}' gaat verder dan de gewone ondersteuning en "
        "rust op een feit dat nu niet is vastgelegd",
        f"Dit doel vraagt {' of '.join(grounds)}. Leg dat vast, of kies het doel van uw "
        "ondersteuning.",
    )


def _request_refusals(request: Request, facts: Facts) -> list[Refusal]:
    """The rules that hold for the request as a whole."""
    refusals: list[Refusal] = []
    version = facts.version
    if request.purpose is None:
        refusals.append(_NO_PURPOSE)
    elif version is not None and request.purpose not in version.purposes:
        refusals.append(_purpose_outside(version.title, request.purpose))
    elif version is not None:
        ground_refusal = _purpose_ground_refusal(request, facts, version)
        if ground_refusal is not None:
            refusals.append(ground_refusal)
    if not facts.actor_is_employee:
        return [*refusals, _NOT_EMPLOYEE]
    if not facts.partner_committed or version is None:
        refusals.append(_NOT_COMMITTED)
    if not facts.acknowledged_current_version:
        refusals.append(
            _ACKNOWLEDGEMENT_LAPSED if facts.acknowledgement_lapsed else _NOT_ACKNOWLEDGED
        )
    if not facts.casework and not _oversight(request, facts):
        # art3.2c: the role itself stands in the way, whatever the law or the assignment
        oversees = facts.privacy_officer or facts.data_protection_officer
        refusals.append(_OVERSIGHT_ONLY if oversees else _ROLE_WITHOUT_CLIENTS)
    elif request.legal_basis is not None:
        basis_refusal = _basis_refusal(request, facts)
        if basis_refusal is not None:
            refusals.append(basis_refusal)
    elif (
        facts.assigned_legal_bases
        or facts.household_director
        or facts.opening_trajectory
        or facts.referred_to
        or facts.emergency_access
        or facts.meldcode_liaison
        or _oversight(request, facts)
    ):
        refusals.append(_NO_LEGAL_BASIS)
    else:
        # No access at all: that, not the missing law, is what stands in the way.
        refusals.append(_NOT_ASSIGNED)
    if (
        request.domain is not None
        and request.legal_basis is not None
        and request.domain not in DOMAINS_BY_LEGAL_BASIS[request.legal_basis]
    ):
        refusals.append(_domain_outside(request.domain, request.legal_basis))
    if request.operation is Operation.SHARE:
        if request.recipient is None:
            refusals.append(_NO_RECIPIENT)
        elif request.recipient_kind is RecipientKind.NON_PARTNER and not facts.recipient_informed:
            refusals.append(_NON_PARTNER_NOT_INFORMED)
        elif (
            request.recipient_kind is RecipientKind.PARTNER
            and not facts.recipient_support
            and request.referral_domain is None
        ):
            refusals.append(_RECIPIENT_NOT_SUPPORTING)
    return refusals


@cache
def _purpose_outside(title: str, purpose: Purpose) -> Refusal:
    return Refusal(
        "art2",
        f"Geweigerd: het doel '{PURPOSES[purpose]}' valt niet onder {title}",
        "Kies een doel binnen de ondersteuning dat het protocol kent.",
    )


@cache
def _domain_outside(domain: Domain, basis: LegalBasis) -> Refusal:
    return Refusal(
        "art2",
        f"Geweigerd: het domein {DOMAINS[domain].lower()} valt niet onder de {LEGAL_BASES[basis]}",
        "Kies de wet die de ondersteuning in dit domein draagt.",
    )


@cache
def _not_necessary(category: Category, purpose: Purpose) -> Refusal:
    return Refusal(
        "art5.1",
        f"Geweigerd: {CATEGORY_NOUNS[category]} zijn niet nodig voor '{PURPOSES[purpose].lower()}'",
        "Verwerk alleen de gegevens die voor dit doel in dit domein nodig zijn, of kies het "
        "doel waarvoor ze wel nodig zijn.",
    )


@cache
def _not_needed_by_recipient(category: Category, purpose: Purpose, support: str) -> Refusal:
    return Refusal(
        "art5.1",
        f"Geweigerd: de ontvanger heeft {CATEGORY_NOUNS[category]} niet nodig voor "
        f"'{PURPOSES[purpose].lower()}' in {support}",
        "Deel alleen wat de ontvanger voor zijn eigen ondersteuning van de cliënt nodig heeft; "
        "de uitwisseling gaat niet verder dan de ondersteuning vraagt.",
    )


def _recipient_support(request: Request, facts: Facts) -> str:
    """The recipient's support in words, for a refusal (art5.1)."""
    parts = []
    if facts.recipient_support:
        domains = ", ".join(DOMAINS[d].lower() for d in Domain if d in facts.recipient_support)
        parts.append(f"zijn ondersteuning ({domains})")
    if request.referral_domain is not None:
        parts.append(
            f"de aanmelding en het onderzoek na verwijzing "
            f"({DOMAINS[request.referral_domain].lower()})"
        )
    return " en ".join(parts)


def _recipient_needs(
    version: ProtocolVersion, request: Request, facts: Facts
) -> frozenset[Category] | None:
    """art5.1: what the partner receiving a share needs for the purpose in its own support
    of the client, and, for a referral, for intake and assessment in the domain referred to;
    None when the share does not go to a partner."""
    if request.operation is not Operation.SHARE or request.recipient_kind is not (
        RecipientKind.PARTNER
    ):
        return None
    needs = frozenset().union(
        *(version.necessary(request.purpose, d) for d in facts.recipient_support)
    )
    if request.referral_domain is not None:
        needs |= version.referral_needs(request.referral_domain)
    return needs


@cache
def _consent_refusal(scope: ConsentScope, state: ConsentState, operation: Operation) -> Refusal:
    verb = OPERATIONS[operation]
    if state is ConsentState.WITHDRAWN:
        return Refusal(
            "art4.5",
            f"Geweigerd: de cliënt heeft de toestemming om gegevens te {verb} ingetrokken",
            f"Verwerk alleen opnieuw met nieuwe toestemming, of leg vast waarom {verb} "
            f"noodzakelijk en onvermijdelijk is ({article_label('art4.6')}).",
        )
    what = "geweigerd" if state is ConsentState.REFUSED else "nog niet gevraagd"
    return Refusal(
        _CONSENT_ARTICLE[scope],
        f"Geweigerd: toestemming om gegevens te {verb} is {what}",
        f"Vraag de cliënt om toestemming en leg het antwoord vast, of leg vast waarom {verb} "
        f"noodzakelijk en onvermijdelijk is ({article_label('art4.6')}).",
    )


@cache
def _written_refusal(category: Category, operation: Operation) -> Refusal:
    verb = OPERATIONS[operation]
    return Refusal(
        "art4.4",
        f"Geweigerd: voor het {verb} van {CATEGORY_NOUNS[category]} is schriftelijke "
        "toestemming nodig",
        f"Voeg het ondertekende toestemmingsformulier toe, of leg vast waarom {verb} "
        f"noodzakelijk en onvermijdelijk is ({article_label('art4.6')}).",
    )


def _narrowed_refusal(
    given: list[Consent], category: Category, request: Request, facts: Facts
) -> Refusal:
    """art4.3, art7: the client consented to share, but narrowed: say what it covers and how
    to widen it, instead of "not asked"."""
    verb = OPERATIONS[request.operation]
    otherwise = (
        f"of leg vast waarom {verb} noodzakelijk en onvermijdelijk is ({article_label('art4.6')})."
    )
    for_category = [c for c in given if c.categories is None or category in c.categories]
    if not for_category:
        covered = sorted({CATEGORIES[k] for c in given for k in c.categories or ()})
        return Refusal(
            _CONSENT_ARTICLE[ConsentScope.SHARE],
            f"Geweigerd: de toestemming om te delen geldt niet voor {CATEGORY_NOUNS[category]}, "
            f"alleen voor: {', '.join(covered)}",
            f"Vraag de cliënt de toestemming uit te breiden tot {CATEGORY_NOUNS[category]} en leg "
            f"het antwoord vast, {otherwise}",
        )
    if request.recipient_kind is RecipientKind.NON_PARTNER and any(
        c.recipients is None for c in for_category
    ):
        return Refusal(
            "art7",
            "Geweigerd: de toestemming om te delen geldt voor partners; een niet-partner "
            "ontvangt alleen op toestemming die hem bij naam noemt",
            f"Vraag de cliënt toestemming om met deze ontvanger te delen en leg die vast "
            f"({article_label('art4.3')}), {otherwise}",
        )
    names = dict(facts.recipient_names)
    named = sorted({names.get(r, "") for c in for_category for r in c.recipients or ()} - {""})
    return Refusal(
        _CONSENT_ARTICLE[ConsentScope.SHARE],
        "Geweigerd: de toestemming om te delen is gevraagd en gegeven, maar geldt alleen voor "
        f"{', '.join(named) or 'andere ontvangers'}, niet voor deze ontvanger",
        f"Vraag de cliënt de toestemming uit te breiden met deze ontvanger en leg het antwoord "
        f"vast, {otherwise}",
    )


def _consent_problem(
    version: ProtocolVersion,
    facts: Facts,
    scope: ConsentScope,
    category: Category,
    request: Request,
) -> Refusal | None:
    """What lacks in the client's consent for this category, or None (art4.2-art4.5)."""
    partner = request.recipient_kind is not RecipientKind.NON_PARTNER
    of_scope = [c for c in facts.consents if c.scope is scope]
    covering = [c for c in of_scope if c.covers(category, request.recipient, partner=partner)]
    for consent in covering:
        if consent.state is not ConsentState.GIVEN:  # a refusal or withdrawal wins
            return _consent_refusal(scope, consent.state, request.operation)
    if not covering:
        given = [c for c in of_scope if c.state is ConsentState.GIVEN]
        if given:
            return _narrowed_refusal(given, category, request, facts)
        return _consent_refusal(scope, ConsentState.NOT_ASKED, request.operation)
    if (
        category in version.written_consent
        and request.operation in version.written_consent_operations
        and not any(c.written for c in covering)
    ):
        return _written_refusal(category, request.operation)
    return None


def _necessary(version: ProtocolVersion, request: Request) -> frozenset[Category]:
    purpose, domain = request.purpose, request.domain
    if domain is not None:
        return version.necessary(purpose, domain)
    domains = DOMAINS_BY_LEGAL_BASIS.get(request.legal_basis, ())
    return frozenset().union(*(version.necessary(purpose, d) for d in domains))


def _valid(justification: Justification | None, grounds: frozenset[ExceptionGround]) -> bool:
    return (
        justification is not None
        and justification.ground in grounds
        and bool(justification.text.strip())
    )


def _decide_category(
    category: Category,
    request: Request,
    facts: Facts,
    version: ProtocolVersion,
    necessary: frozenset[Category],
    recipient_needs: frozenset[Category] | None,
    justified: bool,
    waives_informing: bool,
    access: Access | None = None,
) -> tuple[CategoryOutcome, bool]:
    """One category: its outcome, and whether it rests on art4.6."""
    refusals: list[Refusal] = []
    articles = [*_BASE_ARTICLES, "art5.1"]
    without_consent = False
    if access is Access.OVERSIGHT and category is not Category.IDENTIFICATION:
        refusals.append(
            _DPO_NO_CONTENT if facts.data_protection_officer else _OVERSIGHT_IDENTIFICATION
        )
    if category in facts.blocked:
        refusals.append(_BLOCKED)
    if category not in necessary:
        refusals.append(_not_necessary(category, request.purpose))
    if recipient_needs is not None and category not in recipient_needs:
        refusals.append(
            _not_needed_by_recipient(category, request.purpose, _recipient_support(request, facts))
        )
    operation = request.operation
    if operation is Operation.SHARE:
        articles.append("art6.1")
        if category in facts.professional_secrecy:
            refusals.append(_SECRECY)
    if category not in version.consent_exempt:
        if operation in version.informing_operations:
            if facts.informed:
                articles.append("art4.1")
            elif waives_informing:
                without_consent = True
            else:
                refusals.append(_NOT_INFORMED)
        scope = version.consent_scope[operation]
        if scope is not None:
            problem = _consent_problem(version, facts, scope, category, request)
            if problem is None:
                articles.append(_CONSENT_ARTICLE[scope])
                if (
                    category in version.written_consent
                    and operation in version.written_consent_operations
                ):
                    articles.append("art4.4")
            elif justified:
                without_consent = True
            else:
                refusals.append(problem)
    if refusals:
        cited = tuple(dict.fromkeys(r.article for r in refusals))
        return CategoryOutcome(category, False, cited, tuple(refusals)), False
    if without_consent:
        articles.append("art4.6")
    return CategoryOutcome(category, True, tuple(articles)), without_consent


def decide(request: Request, facts: Facts) -> Decision:
    """Decide a processing per data category, with the articles and a Dutch explanation."""
    if not request.categories:
        refusals = (*_request_refusals(request, facts), _NO_CATEGORIES)
        return Decision(
            (), tuple(dict.fromkeys(r.article for r in refusals)), (), general_refusals=refusals
        )
    general = _request_refusals(request, facts)
    if general:
        articles = tuple(dict.fromkeys(r.article for r in general))
        refusals = tuple(general)
        outcomes = tuple(CategoryOutcome(c, False, articles, refusals) for c in request.categories)
        return Decision(outcomes, articles, ())
    version = facts.version
    if (
        request.operation is Operation.SHARE
        and request.recipient_kind is RecipientKind.VEILIG_THUIS
    ):
        return replace(
            _decide_veilig_thuis(request, facts, version),
            access=getattr(access_ground(request, facts), "value", ""),
        )
    necessary = _necessary(version, request)
    recipient_needs = _recipient_needs(version, request, facts)
    justification = request.justification
    justified = _valid(justification, version.exception_grounds)
    waives = justified and justification.ground in version.exception_grounds_without_informing
    access = access_ground(request, facts)
    outcomes, resting_on_art4_6 = [], []
    for category in request.categories:
        outcome, without_consent = _decide_category(
            category, request, facts, version, necessary, recipient_needs, justified, waives, access
        )
        outcomes.append(outcome)
        if without_consent:
            resting_on_art4_6.append(category)
    articles = tuple(dict.fromkeys(a for o in outcomes for a in o.articles))
    ground = access.value if access is not None else ""
    if not resting_on_art4_6:
        return Decision(tuple(outcomes), articles, (), access=ground)
    annotation = (
        f"Verwerkt zonder toestemming ({article_label('art4.6')}, "
        f"{_GROUND_LABELS[justification.ground]}): {OPERATIONS[request.operation]} van "
        f"{', '.join(CATEGORY_NOUNS[c] for c in resting_on_art4_6)}. "
        f"Toelichting: {justification.text.strip()}"
    )
    return Decision(
        tuple(outcomes),
        articles,
        (Obligation.ANNOTATE_DOSSIER,),
        annotation,
        "art4.6",
        access=ground,
    )


def _decide_veilig_thuis(request: Request, facts: Facts, version: ProtocolVersion) -> Decision:
    """art8.2: Veilig Thuis asks about a report; what its task needs goes, without consent
    where needed, and the dossier gets a note. Professional secrecy still holds (art6.2)."""
    outcomes, given = [], []
    for category in request.categories:
        if category in facts.professional_secrecy:
            outcomes.append(CategoryOutcome(category, False, ("art6.2",), (_SECRECY,)))
        elif category in version.veilig_thuis_categories:
            outcomes.append(CategoryOutcome(category, True, (*_BASE_ARTICLES, "art8.2")))
            given.append(category)
        else:
            outcomes.append(CategoryOutcome(category, False, ("art8.2",), (_NOT_FOR_VEILIG_THUIS,)))
    articles = tuple(dict.fromkeys(a for o in outcomes for a in o.articles))
    if not given:
        return Decision(tuple(outcomes), articles, ())
    annotation = (
        f"Verstrekt aan Veilig Thuis naar aanleiding van een melding ({article_label('art8.2')}): "
        f"{', '.join(CATEGORY_NOUNS[c] for c in given)}."
    )
    return Decision(tuple(outcomes), articles, (Obligation.ANNOTATE_DOSSIER,), annotation, "art8.2")


_GROUND_LABELS = {
    ExceptionGround.NECESSARY: "noodzakelijk en onvermijdelijk voor de ondersteuning",
    ExceptionGround.SERIOUS_RISK: "ernstig risico voor gezondheid of veiligheid",
}
