# SPDX-License-Identifier: EUPL-1.2
"""The requests of data subjects in the demo region (art9, art10), made only through the gate.

What a demo user finds after loading, dated from the day of loading so that the deadlines
mean something:

- Sanne de Vries (14) and her mother asked Jeugdhulp for an overview of her data and where it
  went (art9.1; both signed, art10.1), six days ago: open in the queue of its privacy officer
  (Sophie van Beek), with the overview, its picture and the letter to look at;
- Petra van Leeuwen asked the housing association to correct her rent arrears (art9.4); it was
  granted and carried out, and the welfare organisation that received the old text is to be
  told (art9.6): the request waits for that notice;
- Mohamed Bouzid asked the municipality to delete the overview of his debts it received from
  the debt counsellors; refused, because the municipality must keep it for his benefit, with
  the refusal letter that says how to object under the Awb and complain to the Autoriteit
  Persoonsgegevens (art9.5).

Everything is fictitious.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from zorgvuldig.core.actor import Actor
from zorgvuldig.gate import services


def _days_ago(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


def _item(actor: Actor, client_id, category: str, purpose: str):
    (item,) = services.consult_items(actor, client_id, categories=[category], purpose=purpose)
    return item


def load(actors: dict[str, Actor], client_ids: dict, subject_ids: dict, representatives: dict):
    sanne = ("Sanne", "Vries")
    services.register_request(
        actors["fatima"],
        client_ids[sanne],
        kind="overview",
        requested_by_subject_id=representatives[sanne],
        signed_by_subject_ids=[subject_ids[sanne]],
        identity_method="in-person",
        identity_note="Moeder toonde haar paspoort, Sanne haar ID-kaart.",
        received_on=_days_ago(6),
        details="Welke gegevens heeft Jeugdhulp over Sanne en aan wie zijn ze gegeven?",
    )
    _petra_corrects(actors["kees"], client_ids[("Petra", "Leeuwen")], subject_ids)
    _mohamed_deletes(actors["marloes"], client_ids[("Mohamed", "Bouzid")], subject_ids)


def _about_item(
    actor: Actor, client_id, subject_id, item, kind: str, days_ago: int, details: str, **identity
):
    """The request of ``kind`` (art9.4) that the client's own data subject made about ``item``,
    ``days_ago`` days ago, in the words of ``details``; ``identity`` says how it was checked."""
    return services.register_request(
        actor,
        client_id,
        kind=kind,
        requested_by_subject_id=subject_id,
        received_on=_days_ago(days_ago),
        details=details,
        item_ids=[item.id],
        **identity,
    )


def _petra_corrects(kees: Actor, petra, subject_ids) -> None:
    arrears = _item(kees, petra, "housing", "support-provision")
    asked = "De achterstand is twee maanden, niet drie: de huur van juni is betaald."
    proof = {"identity_method": "in-person", "identity_note": "Rijbewijs getoond."}
    subject = subject_ids[("Petra", "Leeuwen")]
    request = _about_item(kees, petra, subject, arrears, "correction", 20, asked, **proof)
    services.decide_request(kees, request.id, outcome="granted", protection_needed=False)
    services.carry_out_request(
        kees, request.id, new_values={arrears.id: "Huurachterstand van twee maanden"}
    )


def _mohamed_deletes(marloes: Actor, mohamed, subject_ids) -> None:
    debts = _item(marloes, mohamed, "finances-debts", "support-provision")
    asked = "Verwijder alstublieft het overzicht van mijn schulden."
    proof = {"identity_method": "digital-sign-in"}
    subject = subject_ids[("Mohamed", "Bouzid")]
    request = _about_item(marloes, mohamed, subject, debts, "deletion", 12, asked, **proof)
    services.decide_request(
        marloes,
        request.id,
        outcome="refused",
        protection_needed=False,
        refusal_ground="legal-duty",
        refusal_reason="De gemeente heeft het schuldenoverzicht nodig voor de beslissing over "
        "uw bijstand en moet het bewaren zolang de Participatiewet dat vraagt.",
    )
