# SPDX-License-Identifier: EUPL-1.2
"""The facts on which a purpose wider than the ordinary support rests (art2, art5.1).

A purpose such as ``safety`` makes more categories necessary than the support itself (health
and justice data in every domain). It is a claim, and a claim needs its ground: a fact that the
system holds, not a choice in a drop-down list. Which grounds a purpose needs is data of the
protocol version (``[purpose_grounds]``); decide() refuses such a purpose without one of them.
"""

from __future__ import annotations

from enum import StrEnum


class PurposeGround(StrEnum):
    # art8.1: the actor's organisation follows the Meldcode for signals about this client
    MELDCODE_CASE = "meldcode-case"
    # art4.6: the request is justified on the ground of a serious risk to health or safety
    SERIOUS_RISK = "serious-risk"
    # art8.2: Veilig Thuis asked about a report and receives what its task needs
    VEILIG_THUIS_REQUEST = "veilig-thuis-request"
    # art1 (integrated support): a household of the client whose plan includes the actor's
    # organisation, or whose director the actor is
    HOUSEHOLD_PLAN = "household-plan"


# As a noun phrase in a refusal ("... rust op een lopende meldcodezaak ...").
PURPOSE_GROUNDS: dict[PurposeGround, str] = {
    PurposeGround.MELDCODE_CASE: "een lopende meldcodezaak van uw organisatie voor deze cliënt "
    "(art. 8 lid 1)",
    PurposeGround.SERIOUS_RISK: "een toelichting op grond van een ernstig risico voor "
    "gezondheid of veiligheid (art. 4 lid 6)",
    PurposeGround.VEILIG_THUIS_REQUEST: "een verzoek van Veilig Thuis over een melding "
    "(art. 8 lid 2)",
    PurposeGround.HOUSEHOLD_PLAN: "een huishouden van de cliënt waarvan het plan uw "
    "organisatie noemt (één gezin, één plan, één regisseur)",
}
