# SPDX-License-Identifier: EUPL-1.2
"""Seed the register of processing activities (AVG art. 30) for the three laws of art. 2.

Every log record names one of these in ``processing_activity_id`` (Logboek Dataverwerkingen).
"""

from django.db import migrations

CONTROLLER = "College van burgemeester en wethouders van de gemeente Utrechtse Heuvelrug"
RETENTION = (
    "Maximaal vijf jaar, te rekenen vanaf het jaar waarin de ondersteuning is afgesloten "
    "(artikel 5.2 van het protocol), tenzij een langere termijn wettelijk is voorgeschreven of "
    "noodzakelijk is voor een zorgvuldige ondersteuning; daarna vernietigd of geanonimiseerd."
)
SECURITY = (
    "Persoonsgegevens versleuteld opgeslagen (AES-256-GCM), BSN alleen via een sleutelhash "
    "doorzoekbaar; toegang per rol, organisatie en toewijzing aan de cliënt, met "
    "tweefactorauthenticatie; elke verwerking vastgelegd in een verwerkingenlogboek met "
    "hashketen dat alleen kan groeien; ondertekening van het protocol door elke medewerker."
)

ACTIVITIES = [
    {
        "id": "wmo-2015-maatschappelijke-ondersteuning",
        "name": "Maatschappelijke ondersteuning (Wmo 2015)",
        "purpose": (
            "Onderzoek naar de behoefte aan maatschappelijke ondersteuning na een melding "
            "(artikel 2.3.2 Wmo 2015), het verstrekken en uitvoeren van algemene voorzieningen "
            "en maatwerkvoorzieningen op het gebied van zorg, welzijn en wonen, en de "
            "verantwoording daarvan (artikel 5.1.1 Wmo 2015)."
        ),
        "legal_basis": "wmo-2015",
        "data_subjects": (
            "Inwoners die zich melden voor ondersteuning (cliënten), hun mantelzorgers, "
            "huisgenoten en wettelijk vertegenwoordigers."
        ),
        "data_categories": (
            "Identificatiegegevens en BSN, contactgegevens, huishouden, wonen, welzijn, werk en "
            "inkomen voor de eigen bijdrage; gegevens over gezondheid alleen voor zover "
            "noodzakelijk voor het onderzoek en de voorziening."
        ),
        "recipients": (
            "Partners van het protocol die de ondersteuning bieden (sociaal wijkteam, "
            "gecontracteerde zorgaanbieders), het CAK voor de eigen bijdrage en de Sociale "
            "Verzekeringsbank voor persoonsgebonden budgetten."
        ),
        "retention": RETENTION,
    },
    {
        "id": "jeugdwet-jeugdhulp",
        "name": "Jeugdhulp (Jeugdwet)",
        "purpose": (
            "Toeleiding naar, advies over, bepaling van en het bieden van jeugdhulp aan "
            "jeugdigen en hun ouders (artikelen 2.3 en 7.4.0 Jeugdwet), en de verantwoording "
            "daarvan."
        ),
        "legal_basis": "jeugdwet",
        "data_subjects": (
            "Jeugdigen, hun ouders, pleegouders, gezinsleden en wettelijk vertegenwoordigers."
        ),
        "data_categories": (
            "Identificatiegegevens en BSN, contactgegevens, huishouden en gezinssamenstelling, "
            "jeugd; gegevens over gezondheid en signalen over veiligheid (huiselijk geweld, "
            "kindermishandeling) alleen voor zover noodzakelijk."
        ),
        "recipients": (
            "Het jeugdteam en gecontracteerde jeugdhulpaanbieders, gecertificeerde instellingen, "
            "Veilig Thuis bij een melding volgens de Meldcode en de Raad voor de "
            "Kinderbescherming waar de wet dat voorschrijft."
        ),
        "retention": RETENTION + (
            " Het dossier van een jeugdhulpaanbieder twintig jaar (artikel 7.3.8 Jeugdwet)."
        ),
    },
    {
        "id": "participatiewet-werk-en-inkomen",
        "name": "Werk en inkomen (Participatiewet)",
        "purpose": (
            "Vaststellen van het recht op algemene bijstand, ondersteuning bij "
            "arbeidsinschakeling, en het onderzoek naar en de handhaving van de "
            "inlichtingenplicht (Participatiewet)."
        ),
        "legal_basis": "participatiewet",
        "data_subjects": (
            "Aanvragers en ontvangers van bijstand, hun partners en de leden van hun gezin."
        ),
        "data_categories": (
            "Identificatiegegevens en BSN, contactgegevens, huishouden, wonen, werk en inkomen, "
            "financiën en schulden; gegevens over gezondheid alleen voor zover nodig voor "
            "arbeidsinschakeling of een ontheffing van de arbeidsplicht."
        ),
        "recipients": (
            "Partners die re-integratie en schuldhulpverlening bieden, UWV en de Sociale "
            "Verzekeringsbank (via Suwinet), en de Belastingdienst waar de wet dat voorschrijft."
        ),
        "retention": RETENTION + (
            " Gegevens over een terugvordering zolang de vordering openstaat."
        ),
    },
    {
        "id": "integrale-ondersteuning",
        "name": "Integrale ondersteuning (één gezin, één plan, één regisseur)",
        "purpose": (
            "Afstemmen van de ondersteuning aan een cliënt of huishouden met vragen op meer "
            "leefgebieden tussen de partners van het protocol, met één plan en één regisseur "
            "(artikelen 2 en 5.1 van het protocol; artikel 5.1.1 Wmo 2015 en artikel 7.4.0 "
            "Jeugdwet)."
        ),
        "legal_basis": "wmo-2015",
        "data_subjects": (
            "Cliënten met een vraag op meer leefgebieden, de leden van hun huishouden en hun "
            "wettelijk vertegenwoordigers."
        ),
        "data_categories": (
            "Identificatiegegevens, contactgegevens, huishouden en gezinssamenstelling, de "
            "activiteiten en doelen van het gezinsplan en wie ze uitvoert; de eigen problemen "
            "van elk gezinslid blijven in diens eigen dossier."
        ),
        "recipients": (
            "De regisseur en de partners die aan het gezinsplan bijdragen, alleen voor zover "
            "noodzakelijk voor hun deel van de ondersteuning (artikel 5.1 van het protocol)."
        ),
        "retention": RETENTION,
    },
]


def seed(apps, schema_editor):
    ProcessingActivity = apps.get_model("processing_log", "ProcessingActivity")
    for activity in ACTIVITIES:
        ProcessingActivity.objects.update_or_create(
            id=activity["id"],
            defaults={**activity, "security": SECURITY, "controller": CONTROLLER},
        )


def unseed(apps, schema_editor):
    ProcessingActivity = apps.get_model("processing_log", "ProcessingActivity")
    ProcessingActivity.objects.filter(id__in=[a["id"] for a in ACTIVITIES]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("processing_log", "0002_append_only_triggers"),
    ]

    operations = [
        migrations.RunPython(seed, unseed),
    ]
