"""decide(): the protocol's rules as one deterministic, side-effect free function.

Every refusal names its article and says what would make the processing allowed. The rules
enforced here:

- art2: a processing has a purpose within the support domains and one of the three laws as
  legal basis, and that law carries the actor's support of this client.
- art1: only a partner (committed to the protocol on the day) processes under the protocol.
- art3.2d: an employee who has not acknowledged the protocol version in force reaches nothing.
- art3.2c: only employees assigned to the client's support, or the director of the client's
  household, reach the client's data.
- art5.1: a request names the categories it needs; "all data" is no request.
"""

from __future__ import annotations

from zorgvuldig.protocol.decision import CategoryOutcome, Decision, Refusal
from zorgvuldig.protocol.request import Facts, Request
from zorgvuldig.protocol.vocabulary import LEGAL_BASES, Operation, Purpose

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
_NO_CATEGORIES = Refusal(
    "art5.1",
    "Geweigerd: het verzoek noemt geen gegevenscategorieën",
    "Kies alleen de categorieën die voor de ondersteuning nodig zijn; 'alle gegevens' is "
    "geen geldig verzoek.",
)


def _legal_basis_refusal(request: Request, facts: Facts) -> Refusal | None:
    """art2 and art3.2c together: the law named must carry this actor's support of the client."""
    basis = request.legal_basis
    if facts.opening_trajectory is not None:
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
    if facts.household_director:
        return None
    if not facts.assigned_legal_bases:
        return _NOT_ASSIGNED
    if basis not in facts.assigned_legal_bases:
        carried = ", ".join(sorted(LEGAL_BASES[b] for b in facts.assigned_legal_bases))
        return Refusal(
            "art2",
            f"Geweigerd: uw ondersteuning van deze cliënt rust niet op de {LEGAL_BASES[basis]}",
            f"Verwerk de gegevens onder de grondslag van uw traject ({carried}).",
        )
    return None


def _refusals(request: Request, facts: Facts) -> list[Refusal]:
    refusals: list[Refusal] = []
    if request.purpose is None:
        refusals.append(_NO_PURPOSE)
    if request.legal_basis is None:
        refusals.append(_NO_LEGAL_BASIS)
    if not request.categories:
        refusals.append(_NO_CATEGORIES)
    if not facts.actor_is_employee:
        refusals.append(_NOT_EMPLOYEE)
        return refusals
    if not facts.partner_committed:
        refusals.append(_NOT_COMMITTED)
    if not facts.acknowledged_current_version:
        refusals.append(_NOT_ACKNOWLEDGED)
    if request.legal_basis is not None:
        basis_refusal = _legal_basis_refusal(request, facts)
        if basis_refusal is not None:
            refusals.append(basis_refusal)
    elif not (facts.assigned_legal_bases or facts.household_director or facts.opening_trajectory):
        # No access at all: that, not the missing law, is what stands in the way.
        refusals.remove(_NO_LEGAL_BASIS)
        refusals.append(_NOT_ASSIGNED)
    return refusals


# The articles that allow a processing that passed every rule.
_ALLOWING_ARTICLES = ("art2", "art3.2c", "art3.2d")


def decide(request: Request, facts: Facts) -> Decision:
    """Decide a processing per data category, with the articles and a Dutch explanation."""
    refusals = tuple(_refusals(request, facts))
    if refusals:
        articles = tuple(dict.fromkeys(r.article for r in refusals))
        outcomes = tuple(
            CategoryOutcome(category, False, articles, refusals) for category in request.categories
        )
        explanation = " ".join(r.sentence() for r in refusals)
        return Decision(outcomes, articles, (), explanation)
    outcomes = tuple(CategoryOutcome(c, True, _ALLOWING_ARTICLES) for c in request.categories)
    explanation = (
        "Toegestaan: het doel en de grondslag liggen binnen de ondersteuning (art. 2), u bent "
        "betrokken bij de ondersteuning van deze cliënt (art. 3 lid 2 onder c) en u heeft het "
        "protocol bevestigd (art. 3 lid 2 onder d)."
    )
    return Decision(outcomes, _ALLOWING_ARTICLES, (), explanation)
