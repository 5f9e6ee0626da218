# SPDX-License-Identifier: EUPL-1.2
"""Retention in the demo region (art5.2), made only through the gate.

Welzijn Heuvelrug Zuidoost still holds the dossiers of three residents whose welfare support
under the Wmo ended in 2019; the protocol keeps them five years from that year, through 2024,
so they are due now. A fourth, Lars Dekker, is kept longer on a hold of the privacy officer
(Anouk Meijer): his daughter's support goes on. Eva Bakker drew up a destruction list of what
is due; it waits for Anouk to review and approve it, then its seven days of cooling-off, after
which ``zorgvuldig retention run`` carries it out.

Everything is fictitious.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.demo import region
from zorgvuldig.gate import services

# (given names, surname, born, what the dossier held, how the support ended)
FORMER = [
    ("Jesse", "Bos", datetime.date(1959, 4, 2), "Maatjesproject; weer actief", "goals-reached"),
    ("Iris", "Kok", datetime.date(1971, 8, 19), "Hulp bij eenzaamheid afgerond", "goals-reached"),
    ("Noah", "Peters", datetime.date(1948, 1, 30), "Dagbesteding tot verhuizing", "moved"),
    ("Lars", "Dekker", datetime.date(1966, 11, 7), "Mantelzorgondersteuning", "client-stopped"),
]
OPENED, CLOSED = datetime.date(2016, 3, 1), datetime.date(2019, 9, 30)


def load(actors: dict[str, Actor], bsns: Iterator[str]) -> None:
    eva, anouk = actors["eva"], actors["anouk"]
    held = None
    for given, surname, born, note, ending in FORMER:
        client = services.register_client(
            eva,
            bsn=next(bsns),
            given_names=given,
            surname=surname,
            birth_date=born,
            domain="welzijn",
            legal_basis="wmo-2015",
            opened_on=OPENED,
            purpose="intake",
        )
        services.record_informing(
            eva,
            client.id,
            organisations=[region.WELFARE],
            informed_on=OPENED,
            how="conversation",
            purpose="intake",
        )
        services.record_consent(
            eva,
            client.id,
            scope="record-request",
            state="given",
            decided_on=OPENED,
            purpose="intake",
        )
        services.record_item(
            eva,
            client.id,
            category="welfare",
            label="Verloop van de hulp",
            value=note,
            source="Eigen waarneming",
            method="observation",
            obtained_on=CLOSED,
            purpose="support-provision",
        )
        (trajectory,) = services.list_trajectories(eva, client.id, purpose="accountability")
        services.close_trajectory(
            eva, trajectory.id, closed_on=CLOSED, ending=ending, purpose="accountability"
        )
        held = client
    services.place_hold(
        anouk,
        held.id,
        reason="Zijn dochter krijgt nog ondersteuning; wat toen is afgesproken is daarvoor nodig.",
        review_on=timezone.localdate() + datetime.timedelta(days=180),
    )
    services.draft_destruction_list(eva, due_by=timezone.localdate())
