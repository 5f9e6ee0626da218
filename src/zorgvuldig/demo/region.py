# SPDX-License-Identifier: EUPL-1.2
"""The fictitious demo region: the municipality of Utrechtse Heuvelrug and its partners.

Everything personal is made up. Organisations are fictitious too, except the municipality.
"""

from __future__ import annotations

import datetime

PROTOCOL_VERSION = "regio-utrecht-zuidoost-2015"
PROTOCOL_START = datetime.date(2015, 1, 1)
DEMO_PASSWORD = "zorgvuldig-demo-2026"  # noqa: S105 - printed on purpose, demo only  # nosec B105
# The second factor (art3.2b) of every demo employee the demo creates: one authenticator-app key
# for them all, printed with the logins (base32 PJXX EZ3W ...), never given to anyone else.
DEMO_TOTP_KEY = b"zorgvuldig-demo-2026".hex()
# the one employee without an app: she sets it up at her first sign-in, as a newcomer would
DEMO_WITHOUT_APP = "noor"

MUNICIPALITY = "Gemeente Utrechtse Heuvelrug"
YOUTH = "Stichting Jeugdhulp De Heuvelrug"
WMO = "Thuiszorg en Wmo-ondersteuning Langbroek"
WELFARE = "Welzijn Heuvelrug Zuidoost"
HOUSING = "Woonstichting Het Heuvelland"
DEBT = "Schuldhulp Kromme Rijn"
NON_PARTNER = "Particuliere Zorgbemiddeling Amerongen B.V."

# (name, kind, committed to the protocol)
PARTNERS = [
    (MUNICIPALITY, "municipality", True),
    (YOUTH, "private", True),
    (WMO, "private", True),
    (WELFARE, "private", True),
    (HOUSING, "private", True),
    (DEBT, "public", True),
    (NON_PARTNER, "private", False),
]

# the municipality's CBS gemeentecode: it is told of the incidents of the support given on its
# behalf (art3.2f)
MUNICIPALITY_CODES = {MUNICIPALITY: "1581"}

# (username, first name, last name, partner, role, acknowledged the protocol)
EMPLOYEES = [
    ("fatima", "Fatima", "El Amrani", YOUTH, "caseworker", True),
    # the aandachtsfunctionaris huiselijk geweld en kindermishandeling (Meldcode, art8.1): the
    # Veilig Thuis liaison, a caseworker too (decision 22)
    ("ingrid", "Ingrid", "Vermeulen", YOUTH, "veilig-thuis-liaison", True),
    ("sophie", "Sophie", "van Beek", YOUTH, "privacy-officer", True),
    # the team lead of the youth caseworkers: their own clients, and the team's assignments
    ("tamara", "Tamara", "Bos", YOUTH, "team-lead", True),
    # the functionaris gegevensbescherming: oversight of the registers and the log
    ("femke", "Femke", "de Wit", YOUTH, "data-protection-officer", True),
    # the receptionist who reports incidents, without access to clients
    ("iris", "Iris", "Dekker", YOUTH, "incident-reporter", True),
    ("jeroen", "Jeroen", "van Dijk", WMO, "caseworker", True),
    ("eva", "Eva", "Bakker", WELFARE, "caseworker", True),
    ("anouk", "Anouk", "Meijer", WELFARE, "privacy-officer", True),
    ("kees", "Kees", "Verhoef", HOUSING, "caseworker", True),
    ("lotte", "Lotte", "de Graaf", DEBT, "caseworker", True),
    ("marloes", "Marloes", "Jansen", MUNICIPALITY, "caseworker", True),
    # a regisseur of the municipality, who directs households (art1)
    ("ruud", "Ruud", "Kok", MUNICIPALITY, "director", True),
    ("pieter", "Pieter", "Smit", MUNICIPALITY, "privacy-officer", True),
    ("beheer", "Bram", "Hendriks", MUNICIPALITY, "administrator", True),
    ("noor", "Noor", "Visser", YOUTH, "caseworker", False),
    ("externe", "Erik", "Mulder", NON_PARTNER, "caseworker", False),
]

# the privacy officers' e-mail addresses: an incident reported reaches them at once (art3.2f)
EMAILS = {
    "sophie": "privacy@jeugdhulp-deheuvelrug.example",
    "anouk": "privacy@welzijnheuvelrug.example",
    "pieter": "privacy@heuvelrug.example",
}

# The hand-made clients: (given names, prefix, surname, birth date, [(partner's caseworker,
# domain, legal basis, opened on)], [(category, label, value, source, method)])
CLIENTS = [
    (
        "Sanne",
        "de",
        "Vries",
        datetime.date(2012, 5, 17),
        [("fatima", "jeugd", "jeugdwet", datetime.date(2025, 9, 1))],
        [
            ("contact", "Telefoonnummer ouder", "06-12345678", "Moeder", "conversation"),
            ("youth", "School", "Groep 8, basisschool De Linde", "Moeder", "conversation"),
            (
                "health",
                "Diagnose",
                "ADHD, vastgesteld door kinderpsychiater",
                "Huisarts",
                "document",
            ),
        ],
    ),
    (
        "Johanna Maria",
        "",
        "Willems",
        datetime.date(1941, 2, 3),
        [("jeroen", "zorg", "wmo-2015", datetime.date(2024, 3, 12))],
        [
            ("contact", "Adres", "Dorpsstraat 12, Amerongen", "BRP", "register"),
            (
                "welfare",
                "Hulpvraag",
                "Hulp bij het huishouden, 3 uur per week",
                "Cliënt",
                "conversation",
            ),
        ],
    ),
    (
        "Mohamed",
        "",
        "Bouzid",
        datetime.date(1983, 11, 30),
        [
            ("lotte", "werk-en-inkomen", "participatiewet", datetime.date(2025, 1, 20)),
            ("marloes", "werk-en-inkomen", "participatiewet", datetime.date(2025, 1, 20)),
        ],
        [
            (
                "finances-debts",
                "Schuldenoverzicht",
                "Totaal € 14.300 bij 6 schuldeisers",
                "Cliënt",
                "document",
            ),
            ("work-income", "Inkomen", "Bijstandsuitkering", "Gemeente", "register"),
        ],
    ),
    (
        "Petra",
        "van",
        "Leeuwen",
        datetime.date(1979, 7, 8),
        [
            ("kees", "wonen", "wmo-2015", datetime.date(2025, 6, 2)),
            ("eva", "welzijn", "wmo-2015", datetime.date(2025, 6, 15)),
        ],
        [
            (
                "housing",
                "Woonsituatie",
                "Huurachterstand van drie maanden",
                "Woonstichting",
                "partner",
            ),
            (
                "household",
                "Gezinssamenstelling",
                "Alleenstaand met twee kinderen",
                "Cliënt",
                "conversation",
            ),
        ],
    ),
    (
        "Daan",
        "van",
        "Leeuwen",
        datetime.date(2010, 1, 21),
        [("fatima", "jeugd", "jeugdwet", datetime.date(2025, 6, 20))],
        [
            ("youth", "Hulpvraag", "Schoolverzuim sinds januari", "Leerplichtambtenaar", "partner"),
            ("contact", "Telefoonnummer moeder", "06-23456789", "Moeder", "conversation"),
        ],
    ),
]

# art10.1: clients under 16 exercise their rights through a legal representative, who gives
# the consent of art4.2 for them: (client given name, surname) -> the representative.
REPRESENTATIVES = {
    ("Sanne", "Vries"): ("Marieke", "de", "Vries", datetime.date(1984, 9, 2)),
    ("Daan", "Leeuwen"): ("Petra", "van", "Leeuwen", datetime.date(1979, 7, 8)),
}

GIVEN_NAMES = [
    "Anna",
    "Bas",
    "Chantal",
    "Dirk",
    "Emma",
    "Finn",
    "Gert",
    "Hanna",
    "Ilse",
    "Jan",
    "Karim",
    "Lisa",
    "Mila",
    "Niels",
    "Olga",
    "Priya",
    "Ruben",
    "Sara",
    "Tim",
    "Yara",
]
SURNAMES = [
    ("", "Jansen"),
    ("de", "Boer"),
    ("van den", "Berg"),
    ("", "Peters"),
    ("", "Dekker"),
    ("van", "Wijk"),
    ("", "Kok"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Yilmaz"),
    ("", "Hoekstra"),
    ("van der", "Meer"),
    ("", "Koster"),
    ("", "Prins"),
    ("", "Haddou"),
]
