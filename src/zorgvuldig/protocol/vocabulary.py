# SPDX-License-Identifier: EUPL-1.2
"""The protocol's fixed vocabulary: domains, legal bases, operations, purposes, categories.

Codes are English and stable (they are stored and sent over the API); labels are Dutch, the
language the protocol and its users speak. Issue-level settings that differ between regions
(which categories need written consent, the necessity matrix, ...) do not live here but in a
protocol version.
"""

from __future__ import annotations

from enum import StrEnum


class Domain(StrEnum):
    """The support domains of art. 1 ("ondersteuning")."""

    YOUTH = "jeugd"
    CARE = "zorg"
    WELFARE = "welzijn"
    HOUSING = "wonen"
    WORK_INCOME = "werk-en-inkomen"


DOMAINS: dict[Domain, str] = {
    Domain.YOUTH: "Jeugd",
    Domain.CARE: "Zorg",
    Domain.WELFARE: "Welzijn",
    Domain.HOUSING: "Wonen",
    Domain.WORK_INCOME: "Werk en inkomen",
}


class LegalBasis(StrEnum):
    """The three laws art. 2 names as the legal basis ("grondslag") of every processing."""

    WMO_2015 = "wmo-2015"
    YOUTH_ACT = "jeugdwet"
    PARTICIPATION_ACT = "participatiewet"


LEGAL_BASES: dict[LegalBasis, str] = {
    LegalBasis.WMO_2015: "Wet maatschappelijke ondersteuning 2015",
    LegalBasis.YOUTH_ACT: "Jeugdwet",
    LegalBasis.PARTICIPATION_ACT: "Participatiewet",
}


class Operation(StrEnum):
    """The verbs of processing ("verwerken", art. 1) that pass the gate."""

    RECORD = "record"  # vastleggen
    REQUEST = "request"  # opvragen
    CONSULT = "consult"  # raadplegen
    USE = "use"  # gebruiken
    CHANGE = "change"  # wijzigen, bijwerken
    SHARE = "share"  # delen, verstrekken
    DESTROY = "destroy"  # vernietigen


OPERATIONS: dict[Operation, str] = {
    Operation.RECORD: "vastleggen",
    Operation.REQUEST: "opvragen",
    Operation.CONSULT: "raadplegen",
    Operation.USE: "gebruiken",
    Operation.CHANGE: "wijzigen",
    Operation.SHARE: "delen",
    Operation.DESTROY: "vernietigen",
}


class Purpose(StrEnum):
    """Purposes within the support domains (art. 2). Every processing names one."""

    INTAKE = "intake"
    ASSESSMENT = "assessment"
    SUPPORT_PROVISION = "support-provision"
    INTEGRATED_SUPPORT = "integrated-support"
    SAFETY = "safety"
    ACCOUNTABILITY = "accountability"


PURPOSES: dict[Purpose, str] = {
    Purpose.INTAKE: "Aanmelding en vastleggen van de hulpvraag",
    Purpose.ASSESSMENT: "Onderzoek naar de ondersteuningsbehoefte",
    Purpose.SUPPORT_PROVISION: "Bieden en uitvoeren van ondersteuning",
    Purpose.INTEGRATED_SUPPORT: "Integrale ondersteuning (één gezin, één plan, één regisseur)",
    Purpose.SAFETY: "Veiligheid van cliënt, hulpverlener of anderen",
    Purpose.ACCOUNTABILITY: "Verantwoording van de verleende ondersteuning",
}


class Category(StrEnum):
    """The fixed taxonomy of data categories. The last three are special categories."""

    IDENTIFICATION = "identification"
    CONTACT = "contact"
    HOUSEHOLD = "household"
    HOUSING = "housing"
    WORK_INCOME = "work-income"
    FINANCES = "finances-debts"
    WELFARE = "welfare"
    YOUTH = "youth"
    HEALTH = "health"
    JUSTICE = "justice"
    SAFETY_SIGNALS = "safety-signals"


CATEGORIES: dict[Category, str] = {
    Category.IDENTIFICATION: "Identificatiegegevens",
    Category.CONTACT: "Contactgegevens",
    Category.HOUSEHOLD: "Huishouden en gezinssamenstelling",
    Category.HOUSING: "Wonen",
    Category.WORK_INCOME: "Werk en inkomen",
    Category.FINANCES: "Financiën en schulden",
    Category.WELFARE: "Welzijn",
    Category.YOUTH: "Jeugd",
    Category.HEALTH: "Gezondheid (medische gegevens)",
    Category.JUSTICE: "Justitiële gegevens",
    Category.SAFETY_SIGNALS: "Signalen over veiligheid (huiselijk geweld, kindermishandeling)",
}

# The categories as a noun in a sentence ("voor het delen van medische gegevens").
CATEGORY_NOUNS: dict[Category, str] = {
    Category.IDENTIFICATION: "identificatiegegevens",
    Category.CONTACT: "contactgegevens",
    Category.HOUSEHOLD: "gegevens over het huishouden",
    Category.HOUSING: "gegevens over wonen",
    Category.WORK_INCOME: "gegevens over werk en inkomen",
    Category.FINANCES: "gegevens over financiën en schulden",
    Category.WELFARE: "gegevens over welzijn",
    Category.YOUTH: "gegevens over jeugd",
    Category.HEALTH: "medische gegevens",
    Category.JUSTICE: "justitiële gegevens",
    Category.SAFETY_SIGNALS: "signalen over veiligheid",
}

SPECIAL_CATEGORIES: frozenset[Category] = frozenset(
    {Category.HEALTH, Category.JUSTICE, Category.SAFETY_SIGNALS}
)

# Which legal basis carries which support domains (art. 2).
DOMAINS_BY_LEGAL_BASIS: dict[LegalBasis, frozenset[Domain]] = {
    LegalBasis.WMO_2015: frozenset({Domain.CARE, Domain.WELFARE, Domain.HOUSING}),
    LegalBasis.YOUTH_ACT: frozenset({Domain.YOUTH}),
    LegalBasis.PARTICIPATION_ACT: frozenset({Domain.WORK_INCOME}),
}


class SupportEnding(StrEnum):
    """How a support trajectory ended: kept, anonymised, in the statistics of art5.2."""

    GOALS_REACHED = "goals-reached"
    REFERRED = "referred"
    MOVED = "moved"
    CLIENT_STOPPED = "client-stopped"
    DECEASED = "deceased"
    OTHER = "other"


SUPPORT_ENDINGS: dict[SupportEnding, str] = {
    SupportEnding.GOALS_REACHED: "Doelen bereikt",
    SupportEnding.REFERRED: "Doorverwezen",
    SupportEnding.MOVED: "Verhuisd",
    SupportEnding.CLIENT_STOPPED: "Gestopt op verzoek van de cliënt",
    SupportEnding.DECEASED: "Overleden",
    SupportEnding.OTHER: "Anders",
}


class PartnerKind(StrEnum):
    """The kinds of partner (art. 1); the law keeps records per kind (a municipality under the
    Archiefwet, a youth-care provider under the Jeugdwet), so retention depends on it."""

    MUNICIPALITY = "municipality"
    PUBLIC = "public"
    PRIVATE = "private"
    INDEPENDENT = "independent"
