# SPDX-License-Identifier: EUPL-1.2
"""The exchanges of the demo region, made only through the gate services (art4-art8).

What a demo user finds after loading:

- shares among partners about the hand-made clients, with consent (art4.3) and the person at
  the recipient, each carrying only what the recipient's own support needs (art5.1);
- referrals to partners that do not support the client yet (art5.1): Petra van Leeuwen to the
  debt counsellors (work and income), her son Daan to the youth worker of the welfare
  organisation, Johanna Willems to its meeting group; each carries only what intake and
  assessment in its domain need (Petra's housing situation and Daan's request for help stay
  behind) and waits in the recipient's intake queue ("Aanmeldingen"); Johanna Willems refused
  one category, which stays behind with the protocol's explanation;
- a data request (pull): the municipality asks the debt counsellors for Mohamed Bouzid's debts;
- non-partners (art7): the grandmother Van Leeuwen, informed and named in Petra's consent, who
  receives the network agreements; a private care broker that is not yet informed and was
  addressed for acting against the protocol;
- a Meldcode safety case for Sanne de Vries (art8.1): five steps by her caseworker and the
  aandachtsfunctionaris, a report to Veilig Thuis, and what Veilig Thuis needs for the report
  disclosed without consent (art8.2), in the privacy officer's register of Jeugdhulp;
- the municipality's director of the Van Leeuwen household, who informed the family and sees
  the exchanges among the partners about its members.

Everything is fictitious. All of it runs once, inside the loading of the hand-made clients.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass

from zorgvuldig.core.actor import Actor
from zorgvuldig.demo import region
from zorgvuldig.demo.signing import signing_with
from zorgvuldig.gate import services

# The report of the Meldcode case at Veilig Thuis regio Utrecht (fictitious reference).
REPORT_REFERENCE = "VT-UTR-2025-08417"
VEILIG_THUIS_PERSON = "Rianne Koopmans, casemanager Veilig Thuis regio Utrecht"
NON_INFORMED = "Particuliere Zorgbemiddeling Amerongen B.V."


@dataclass(frozen=True)
class HandMade:
    """What the loader knows of the hand-made clients: (given name, surname) -> id."""

    client_ids: dict[tuple[str, str], uuid.UUID]
    representative_ids: dict[tuple[str, str], uuid.UUID]
    subject_ids: dict[tuple[str, str], uuid.UUID]


def load(actors: dict[str, Actor], hand_made: HandMade) -> None:
    clients = hand_made.client_ids
    _shares_among_partners(actors, clients)
    _data_request(actors, clients[("Mohamed", "Bouzid")])
    _non_partners(actors, clients[("Petra", "Leeuwen")])
    _meldcode(actors, clients[("Sanne", "Vries")])
    _household_director(actors, hand_made)


def _item_ids(actor: Actor, client_id, categories, purpose: str) -> list[uuid.UUID]:
    items = services.consult_items(actor, client_id, categories=categories, purpose=purpose)
    return [item.id for item in items]


def _share(
    actor: Actor,
    client_id,
    categories,
    recipient: Actor,
    person: str,
    purpose: str,
    referral_domain: str | None = None,
):
    return services.share_items(
        actor,
        client_id,
        item_ids=_item_ids(actor, client_id, categories, purpose),
        recipient_partner_id=recipient.partner_id,
        recipient_person=person,
        purpose=purpose,
        referral_domain=referral_domain,
    )


def _shares_among_partners(actors: dict[str, Actor], clients) -> None:
    """Shares with the client's consent (art4.3); Johanna Willems refused one category."""
    kees, eva, lotte = actors["kees"], actors["eva"], actors["lotte"]
    petra, daan = clients[("Petra", "Leeuwen")], clients[("Daan", "Leeuwen")]
    support = "support-provision"
    # The rent arrears go to welfare, which supports Petra (art5.1: welfare needs housing).
    _share(kees, petra, ["housing"], eva, "Eva Bakker", support)
    # Petra is referred to the debt counsellors: intake and assessment in work and income need
    # her household, not her housing situation, which stays behind (art5.1).
    _share(
        kees, petra, ["housing", "household"], lotte, "Lotte de Graaf", support, "werk-en-inkomen"
    )
    # Daan is referred to the youth worker at welfare (consent of his mother): his mother's
    # phone number goes; his request for help about school stays behind, since intake and
    # assessment in welfare do not need it (art5.1).
    _share(
        actors["fatima"],
        daan,
        ["youth", "contact"],
        eva,
        "Eva Bakker, jongerenwerker",
        support,
        "welzijn",
    )
    # Mrs Willems lets her address go to the welfare organisation's day activities, not her
    # need for help: the welfare category is refused for that recipient and stays behind.
    jeroen, johanna = actors["jeroen"], clients[("Johanna Maria", "Willems")]
    services.record_consent(
        jeroen,
        johanna,
        scope="share",
        state="refused",
        decided_on=datetime.date(2025, 9, 15),
        purpose=support,
        categories=["welfare"],
        recipients=[str(eva.partner_id)],
        note="Mevrouw Willems vertelt haar hulpvraag liever zelf aan de ontmoetingsgroep; "
        "alleen haar adres mag door, zodat een vrijwilliger haar kan ophalen.",
    )
    # She is referred to the meeting group: welfare does not support her yet (art5.1).
    _share(
        jeroen,
        johanna,
        ["contact", "welfare"],
        eva,
        "Eva Bakker, ontmoetingsgroep",
        support,
        "welzijn",
    )


def _data_request(actors: dict[str, Actor], mohamed) -> None:
    """Pull: the municipality asks the debt counsellors for the overview of debts (art4.2)."""
    services.request_items(
        actors["marloes"],
        mohamed,
        holder_partner_id=actors["lotte"].partner_id,
        categories=["finances-debts"],
        purpose="support-provision",
    )


def _non_partners(actors: dict[str, Actor], petra) -> None:
    """art7: a non-partner receives only after it was informed of the protocol's main lines;
    a partner addresses a non-partner who acts against the protocol."""
    eva, jeroen = actors["eva"], actors["jeroen"]
    grandmother = services.register_non_partner(
        eva, name="Oma Van Leeuwen", kind="family", informed=True
    )
    # A non-partner receives on consent only where the consent names it (art4.3, art7).
    services.record_consent(
        eva,
        petra,
        scope="share",
        state="given",
        decided_on=datetime.date(2025, 7, 8),
        purpose="support-provision",
        recipients=[str(grandmother.id)],
        note="Petra wil dat haar moeder de afspraken over de opvang van de kinderen kent.",
    )
    network = services.record_item(
        eva,
        petra,
        category="welfare",
        label="Afspraken netwerk",
        value="Oma Van Leeuwen vangt Daan en zijn zus op dinsdag en donderdag na school op; "
        "Petra brengt de kinderen op woensdag naar de sportclub.",
        source="Cliënt",
        method="conversation",
        obtained_on=datetime.date(2025, 7, 8),
        purpose="support-provision",
    )
    services.share_items(
        eva,
        petra,
        item_ids=[network.id],
        non_partner_id=grandmother.id,
        recipient_person="Oma Van Leeuwen",
        purpose="support-provision",
    )
    broker = services.register_non_partner(jeroen, name=NON_INFORMED, kind="organisation")
    services.address_non_partner(
        jeroen,
        broker.id,
        addressed_on=datetime.date(2025, 10, 21),
        what_happened="De zorgbemiddelaar vroeg bij de thuiszorg telefonisch het zorgplan van "
        "een cliënt op en gaf het zonder haar toestemming door aan een particuliere "
        "thuiszorgaanbieder. Jeroen van Dijk heeft de bemiddelaar daarop aangesproken en "
        "gewezen op het privacyprotocol; de folder met de hoofdlijnen volgt in een gesprek "
        "met de directie.",
    )


# The Meldcode for Sanne: (employee, step, day, conclusion, answers). Steps 2 and 4 are taken
# by the aandachtsfunctionaris, the others by Sanne's caseworker.
SIGNALS = (
    "Sanne vertelt tijdens het huisbezoek dat de nieuwe partner van haar moeder haar de laatste "
    "weken geregeld hard vastpakt en uitscheldt. Blauwe plek op de linkerbovenarm gezien. "
    "Sanne is stiller dan anders en wil na school niet naar huis."
)
MELDCODE_STEPS = [
    (
        "ingrid",
        "consult",
        datetime.date(2025, 10, 8),
        "Collegiale consultatie met de aandachtsfunctionaris. Anoniem advies gevraagd bij Veilig "
        "Thuis regio Utrecht: de signalen wijzen op mogelijke structurele onveiligheid.",
        {},
    ),
    (
        "fatima",
        "conversation",
        datetime.date(2025, 10, 13),
        "Gesprek met Sanne en haar moeder. Moeder herkent de spanningen thuis en zegt dat haar "
        "partner 'soms te ver gaat'; zij wil hulp maar ziet geen aanleiding voor een melding.",
        {},
    ),
    (
        "ingrid",
        "weigh",
        datetime.date(2025, 10, 15),
        "Samen met Fatima El Amrani gewogen met het afwegingskader: er is sprake van "
        "structurele onveiligheid; passende hulp is mogelijk via het gezinsteam, maar alleen "
        "met een melding bij Veilig Thuis.",
        {"acute_or_structural_unsafety": True, "adequate_help_possible": True},
    ),
    (
        "fatima",
        "decide",
        datetime.date(2025, 10, 16),
        "Melding gedaan bij Veilig Thuis regio Utrecht; moeder is vooraf geïnformeerd. De "
        "hulp via Jeugdhulp De Heuvelrug loopt door, met wekelijks contact met Sanne.",
        {"organise_help": True, "report_to_veilig_thuis": True},
    ),
]
# What Veilig Thuis needs for its task on the report (the version's list for art8.2).
VEILIG_THUIS_CATEGORIES = ["contact", "youth", "health", "safety-signals"]


def _meldcode(actors: dict[str, Actor], sanne) -> None:
    """art8.1: the five steps, ending in a report; art8.2: what Veilig Thuis needs goes
    without consent, annotated for the privacy officer's register."""
    fatima = actors["fatima"]
    signalled_on = datetime.date(2025, 10, 6)
    # Opening the case is the ground of the purpose safety for what follows (art5.1).
    case = services.open_safety_case(fatima, sanne, signals=SIGNALS, taken_on=signalled_on)
    (trajectory,) = services.list_trajectories(fatima, sanne, purpose="safety")
    services.assign_caseworker(
        fatima, trajectory.id, employee_id=actors["ingrid"].employee_id, purpose="safety"
    )
    services.record_item(
        fatima,
        sanne,
        category="safety-signals",
        label="Signalen kindermishandeling",
        value=SIGNALS,
        source="Sanne en eigen waarneming",
        method="observation",
        obtained_on=signalled_on,
        purpose="safety",
    )
    for username, step, day, conclusion, answers in MELDCODE_STEPS:
        reference = REPORT_REFERENCE if answers.get("report_to_veilig_thuis") else ""
        services.record_meldcode_step(
            actors[username],
            case.id,
            step=step,
            taken_on=day,
            conclusion=conclusion,
            report_reference=reference,
            **answers,
        )
    services.share_items(
        fatima,
        sanne,
        item_ids=_item_ids(fatima, sanne, VEILIG_THUIS_CATEGORIES, "safety"),
        report_reference=REPORT_REFERENCE,
        recipient_person=VEILIG_THUIS_PERSON,
        purpose="safety",
    )


def _household_director(actors: dict[str, Actor], hand_made: HandMade) -> None:
    """The director's organisation informs the household and asks consent like any other
    (art4.1, art4.2); then the household overview shows the exchanges among the partners."""
    marloes = actors["marloes"]
    day = datetime.date(2025, 7, 1)
    partners = [name for name, _, committed in region.PARTNERS if committed]
    for name, basis in ((("Petra", "Leeuwen"), "wmo-2015"), (("Daan", "Leeuwen"), "jeugdwet")):
        client_id = hand_made.client_ids[name]
        services.record_informing(
            marloes,
            client_id,
            organisations=partners,
            informed_on=day,
            how="conversation",
            purpose="integrated-support",
            legal_basis=basis,
            note="Gezinsgesprek met de regisseur over het ene plan voor het huishouden.",
        )
        services.record_consent(
            marloes,
            client_id,
            scope="record-request",
            state="given",
            decided_on=day,
            purpose="integrated-support",
            given_by_subject_id=hand_made.representative_ids.get(name),
            signed_by_subject_ids=signing_with(
                hand_made.representative_ids.get(name), hand_made.subject_ids[name]
            ),
            legal_basis=basis,
        )
