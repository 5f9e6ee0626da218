# SPDX-License-Identifier: EUPL-1.2
"""Load the demo region through the real code paths: partners, employees, clients via the gate."""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Iterator

from django.contrib.auth import get_user_model
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from zorgvuldig.demo import exchanges, incidents, region, retention, rights
from zorgvuldig.demo.models import DemoRegion
from zorgvuldig.demo.signing import signing_with
from zorgvuldig.gate import services
from zorgvuldig.gate.guard import guarded
from zorgvuldig.partners.models import Employee, Partner, ProtocolCommitment
from zorgvuldig.partners.services import acknowledge, actor_for

REGION_KEY = "utrechtse-heuvelrug"
GENERATED_BSNS_FROM = 999_500_000  # generated clients draw from a range of their own
GENERATED_DOMAINS = [
    (region.YOUTH, "fatima", "jeugd", "jeugdwet", "youth"),
    (region.WMO, "jeroen", "zorg", "wmo-2015", "welfare"),
    (region.WELFARE, "eva", "welzijn", "wmo-2015", "welfare"),
    (region.HOUSING, "kees", "wonen", "wmo-2015", "housing"),
    (region.DEBT, "lotte", "werk-en-inkomen", "participatiewet", "finances-debts"),
]


def demo_bsns(start: int = 999_100_000) -> Iterator[str]:
    """Fictitious BSNs in the 999 range that pass the elfproef, always in the same order."""
    from stdnum.nl import bsn

    candidate = start
    while True:
        candidate += 1
        if bsn.is_valid(str(candidate)):
            yield str(candidate)


def _partners() -> dict[str, Partner]:
    partners = {}
    for name, kind, committed in region.PARTNERS:
        partner, _ = Partner.objects.get_or_create(
            name=name,
            defaults={"kind": kind, "municipality": region.MUNICIPALITY_CODES.get(name, "")},
        )
        if committed:
            ProtocolCommitment.objects.get_or_create(
                partner=partner,
                protocol_version=region.PROTOCOL_VERSION,
                defaults={"starts_on": region.PROTOCOL_START},
            )
        partners[name] = partner
    return partners


def _employees(partners: dict[str, Partner]) -> dict[str, Employee]:
    users = get_user_model()
    employees = {}
    for username, first, last, partner_name, role, acknowledged in region.EMPLOYEES:
        user = users.objects.filter(username=username).first()
        if user is None:
            user = users.objects.create_user(
                username=username,
                password=region.DEMO_PASSWORD,
                first_name=first,
                last_name=last,
                email=region.EMAILS.get(username, ""),
                is_staff=role == "administrator",
                is_superuser=role == "administrator",
            )
            if username != region.DEMO_WITHOUT_APP:
                # only a user the demo makes itself gets the printed key (art3.2b)
                TOTPDevice.objects.create(
                    user=user, name="Demo", key=region.DEMO_TOTP_KEY, confirmed=True
                )
        employee, _ = Employee.objects.get_or_create(
            user=user, defaults={"partner": partners[partner_name], "role": role}
        )
        if acknowledged:
            acknowledge(employee)
        employees[username] = employee
    return employees


def _inform_and_consent(actor, dossier, day, representative_id=None) -> None:
    """At intake the caseworker informs the client (art4.1) and records consent (art4.2/4.3)."""
    client_id = dossier.id
    partner_names = [name for name, _, committed in region.PARTNERS if committed]
    services.record_informing(
        actor,
        client_id,
        organisations=partner_names,
        informed_on=day,
        how="conversation",
        purpose="intake",
    )
    for scope in ("record-request", "share"):
        services.record_consent(
            actor,
            client_id,
            scope=scope,
            state="given",
            decided_on=day,
            purpose="intake",
            given_by_subject_id=representative_id,
            signed_by_subject_ids=signing_with(representative_id, dossier.subject.id),
        )


def hand_made_bsns(bsns: Iterator[str]) -> dict[tuple[str, str], str]:
    """The BSN of each hand-made client and representative, (given name, surname) -> BSN:
    drawn from ``bsns`` in the region's order, a client's before their representative's."""
    bsn_of: dict[tuple[str, str], str] = {}
    for given, _prefix, surname, *_rest in region.CLIENTS:
        bsn_of[(given, surname)] = next(bsns)
        representative = region.REPRESENTATIVES.get((given, surname))
        if representative is not None and (representative[0], representative[2]) not in bsn_of:
            bsn_of[(representative[0], representative[2])] = next(bsns)
    return bsn_of


def residents() -> list[tuple[str, str, str]]:
    """Who can sign in to their own view in the demo (``/mijn/``, the DigiD mock): (BSN, name,
    whose view they see besides their own), the hand-made clients and their representatives."""
    bsn_of = hand_made_bsns(demo_bsns())
    found = []
    for given, prefix, surname, *_rest in region.CLIENTS:
        found.append(
            (bsn_of[(given, surname)], " ".join(p for p in (given, prefix, surname) if p), "")
        )
        representative = region.REPRESENTATIVES.get((given, surname))
        if representative is not None:
            rep_given, rep_prefix, rep_surname, _born = representative
            name = " ".join(p for p in (rep_given, rep_prefix, rep_surname) if p)
            found.append((bsn_of[(rep_given, rep_surname)], name, given))
    return found


def _hand_made_clients(employees: dict[str, Employee], bsns: Iterator[str]) -> int:
    client_ids, representative_ids, subject_ids = {}, {}, {}
    bsn_of = hand_made_bsns(bsns)
    for given, prefix, surname, born, trajectories, items in region.CLIENTS:
        bsn = bsn_of[(given, surname)]
        representative = region.REPRESENTATIVES.get((given, surname))
        for username, domain, basis, opened_on in trajectories:
            actor = actor_for(employees[username])
            dossier = services.register_client(
                actor,
                bsn=bsn,
                given_names=given,
                surname_prefix=prefix,
                surname=surname,
                birth_date=born,
                domain=domain,
                legal_basis=basis,
                opened_on=opened_on,
                purpose="intake",
            )
            representative_id = None
            if representative is not None:
                rep_given, rep_prefix, rep_surname, rep_born = representative
                representative_id = services.add_relation(
                    actor,
                    dossier.id,
                    kind="legal-representative",
                    bsn=bsn_of[(rep_given, rep_surname)],
                    given_names=rep_given,
                    surname_prefix=rep_prefix,
                    surname=rep_surname,
                    birth_date=rep_born,
                    purpose="intake",
                ).related.id
            _inform_and_consent(actor, dossier, opened_on, representative_id)
            if representative_id is not None:
                representative_ids[(given, surname)] = representative_id
        owner = actor_for(employees[trajectories[0][0]])
        for category, label, value, source, method in items:
            services.record_item(
                owner,
                dossier.id,
                category=category,
                label=label,
                value=value,
                source=source,
                method=method,
                obtained_on=trajectories[0][3],
                purpose="assessment",
            )
        client_ids[(given, surname)] = dossier.id
        subject_ids[(given, surname)] = dossier.subject.id
    # Integrated support for the Van Leeuwen household: one plan, one director (art1).
    petra, daan = client_ids[("Petra", "Leeuwen")], client_ids[("Daan", "Leeuwen")]
    services.create_household(
        actor_for(employees["kees"]),
        petra,
        name="Huishouden Van Leeuwen",
        member_client_ids=[daan],
        director_id=employees["marloes"].id,
        plan="Doelen: huurachterstand oplossen (woonstichting), schoolgang Daan herstellen "
        "(jeugdhulp), netwerk versterken (welzijn). Evaluatie elke zes weken.",
    )
    actors = {username: actor_for(employee) for username, employee in employees.items()}
    exchanges.load(actors, exchanges.HandMade(client_ids, representative_ids, subject_ids))
    rights.load(actors, client_ids, subject_ids, representative_ids)
    incidents.load(actors, client_ids)
    retention.load(actors, bsns)
    return len(region.CLIENTS)


def _generated_clients(employees, count: int, skip: int, progress: Callable[[int], None]) -> None:
    rng = random.Random(20150101)  # noqa: S311 - fictitious demo data, not security  # nosec B311
    bsns = demo_bsns(GENERATED_BSNS_FROM)
    for _ in range(skip):
        next(bsns)
    for number in range(skip, count):
        rng.seed(number)
        _, username, domain, basis, category = GENERATED_DOMAINS[number % len(GENERATED_DOMAINS)]
        prefix, surname = rng.choice(region.SURNAMES)
        actor = actor_for(employees[username])
        dossier = services.register_client(
            actor,
            bsn=next(bsns),
            given_names=rng.choice(region.GIVEN_NAMES),
            surname_prefix=prefix,
            surname=surname,
            # adults only: a minor would need a representative for consent (art10.1)
            birth_date=datetime.date(1940, 1, 1) + datetime.timedelta(days=rng.randrange(22_000)),
            domain=domain,
            legal_basis=basis,
            opened_on=datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(600)),
            purpose="intake",
        )
        _inform_and_consent(actor, dossier, datetime.date(2025, 1, 1))
        services.record_item(
            actor,
            dossier.id,
            category="contact",
            label="Telefoonnummer",
            value=f"06-{rng.randrange(10_000_000, 99_999_999)}",
            source="Cliënt",
            method="conversation",
            obtained_on=datetime.date(2025, 1, 1),
            purpose="assessment",
        )
        services.record_item(
            actor,
            dossier.id,
            category=category,
            label="Hulpvraag",
            value="Ondersteuningsvraag vastgelegd tijdens het keukentafelgesprek.",
            source="Cliënt",
            method="conversation",
            obtained_on=datetime.date(2025, 1, 1),
            purpose="assessment",
        )
        DemoRegion.objects.filter(key=REGION_KEY).update(clients=len(region.CLIENTS) + number + 1)
        progress(number + 1)


def load(clients: int = 0, progress: Callable[[int], None] = lambda n: None) -> tuple[int, int]:
    """Load the region; with ``clients`` make sure that many generated clients exist.

    Returns (clients before, clients after). Loading again changes nothing.
    """
    with guarded():
        with transaction.atomic():
            partners = _partners()
            employees = _employees(partners)
            state, created = DemoRegion.objects.select_for_update().get_or_create(key=REGION_KEY)
            before = state.clients
            if created or before == 0:
                state.clients = _hand_made_clients(employees, demo_bsns())
                state.save()
        hand_made = len(region.CLIENTS)
        generated_before = max(state.clients - hand_made, 0)
        if clients > generated_before:
            _generated_clients(employees, clients, generated_before, progress)
            state.refresh_from_db()
    return before, state.clients
