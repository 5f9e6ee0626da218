# SPDX-License-Identifier: EUPL-1.2
"""The incidents of the demo region (art3.2f, art3.2g; AVG art. 33 and 34), made only through
the gate, timed from the moment of loading so that the clock means something:

- **Open, the clock running**: a letter about Sanne de Vries's support went to the wrong
  house number. Fatima (Jeugdhulp) reported it this morning; the municipality's privacy
  officer (Pieter Smit) and Jeugdhulp's (Sophie van Beek) were told at once. Sophie decided
  an hour later that personal data was affected, attached Sanne by hand and completed the
  details: the 72 hours to the Autoriteit Persoonsgegevens run, nothing is notified yet.
- **Closed, with its measures**: Eva's work laptop (Welzijn) was stolen from her car
  yesterday. Its disk was encrypted, the laptop was blocked and wiped remotely: Anouk Meijer
  recorded that the breach needs no notification (unlikely to be a risk) and that nobody is
  told (the data was unintelligible), with the reasons, and closed it with the measures.

Everything is fictitious.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.gate import services


def _hours_ago(hours: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(hours=hours)


def load(actors: dict[str, Actor], client_ids: dict) -> None:
    _letter_to_the_wrong_address(actors["fatima"], actors["sophie"], client_ids)
    _stolen_laptop(actors["eva"], actors["anouk"])


def _letter_to_the_wrong_address(fatima: Actor, sophie: Actor, client_ids: dict) -> None:
    reported = services.report_incident(
        fatima,
        nature="wrong-recipient",
        summary="Een brief over de ondersteuning van een jeugdige is op huisnummer 14 bezorgd "
        "in plaats van 41. De buren belden en brachten de geopende brief terug.",
        discovered_at=_hours_ago(3),
        started_at=_hours_ago(26),
        categories=["identification", "youth", "health"],
        people_affected=1,
    )
    services.record_awareness(
        sophie,
        reported.id,
        aware_at=_hours_ago(2),
        reason="De buren hebben de brief geopend en gelezen: die noemt naam, adres, de "
        "jeugdhulp en de diagnose van de jeugdige.",
    )
    services.add_affected_client(sophie, reported.id, client_ids[("Sanne", "Vries")])
    services.update_incident(
        sophie,
        reported.id,
        contained_at=_hours_ago(2.5),
        records_affected=1,
        encrypted="no",
        consequences="De buren weten van de jeugdhulp en de diagnose; kans op "
        "stigmatisering in de buurt.",
        severity="medium",
        measures="Brief teruggekregen; adres in het dossier gecontroleerd en verbeterd.",
    )


def _stolen_laptop(eva: Actor, anouk: Actor) -> None:
    reported = services.report_incident(
        eva,
        nature="lost-or-stolen",
        summary="Werklaptop gestolen uit de auto, tijdens een huisbezoek.",
        discovered_at=_hours_ago(28),
        started_at=_hours_ago(29),
        categories=["identification", "contact", "welfare"],
        people_affected=60,
    )
    services.update_incident(
        anouk,
        reported.id,
        contained_at=_hours_ago(27),
        encrypted="yes",
        consequences="Geen: de schijf is versleuteld en de laptop op afstand gewist.",
        severity="low",
    )
    services.record_awareness(
        anouk,
        reported.id,
        aware_at=_hours_ago(27.5),
        reason="Op de laptop stonden verslagen van huisbezoeken met namen en adressen.",
    )
    services.exempt_notification(
        anouk,
        reported.id,
        reason="De schijf is volledig versleuteld (BitLocker met pincode) en de laptop is "
        "binnen het uur geblokkeerd en gewist: een risico voor de cliënten is onwaarschijnlijk.",
    )
    services.decide_subject_information(
        anouk,
        reported.id,
        outcome="unintelligible",
        reason="De gegevens waren voor de dief onbegrijpelijk door de versleuteling.",
    )
    services.close_incident(
        anouk,
        reported.id,
        measures="Laptop geblokkeerd en op afstand gewist, aangifte gedaan; medewerkers "
        "herinnerd: geen apparatuur in de auto achterlaten.",
    )
