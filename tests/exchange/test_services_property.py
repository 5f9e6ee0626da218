# SPDX-License-Identifier: EUPL-1.2
"""For every sequence of exchanges: what left is exactly what was allowed, never more than
the recipient's own support needs for the purpose and the sender may share, and every item
that left has a disclosure record and a log record (art4.3, art4.4, art4.5, art4.6, art5.1,
art6).
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import inform_and_consent, make_employee, make_partner, next_bsn
from zorgvuldig.core.errors import ProcessingRefused
from zorgvuldig.exchange.models import Disclosure, ReceivedShare
from zorgvuldig.gate import services, validation
from zorgvuldig.partners.services import actor_for
from zorgvuldig.processing_log.models import LogRecord
from zorgvuldig.protocol import Category, Domain, Purpose, loader

# (category, under professional secrecy)
ITEMS = [("contact", False), ("youth", False), ("health", False), ("youth", True)]


# art5.1: what each purpose needs in youth care (the sender's side), of the categories above
NECESSARY = {"support-provision": {"contact", "youth", "health"}, "intake": {"contact"}}


JUSTIFIED = validation.justification("necessary-unavoidable", "Nodig voor de overdracht.")


VERSION = loader.load_all()["regio-utrecht-zuidoost-2015"]


# the recipient supports the client in one of these domains, or not at all (None)
SUPPORT = {None: None, "jeugd": "jeugdwet", "wonen": "wmo-2015", "zorg": "wmo-2015"}


steps = st.lists(
    st.one_of(
        st.tuples(st.just("consent"), st.sampled_from(["given", "refused", "withdrawn"])),
        st.tuples(
            st.just("share"),
            st.lists(st.integers(0, len(ITEMS) - 1), min_size=1, max_size=len(ITEMS), unique=True),
            st.booleans(),
            st.sampled_from(sorted(NECESSARY)),
            st.sampled_from([None, "jeugd", "wonen", "werk-en-inkomen"]),  # referral domain
        ),
    ),
    min_size=1,
    max_size=6,
)


def recipient_needs(purpose: str, supported: str | None, referral: str | None) -> set[str]:
    """art5.1, read off the version's tables: what the recipient's own support needs for the
    purpose, and for a referral what intake and assessment in its domain need."""
    needs: set[str] = set()
    if supported is not None:
        needs |= VERSION.necessary(Purpose(purpose), Domain(supported))
    if referral is not None:
        for for_referral in (Purpose.INTAKE, Purpose.ASSESSMENT):
            needs |= VERSION.necessary(for_referral, Domain(referral))
    return {Category(c).value for c in needs}


def sender_may_share(index: int, consent: str, justified: bool, purpose: str) -> bool:
    category, secret = ITEMS[index]
    if secret or category not in NECESSARY[purpose]:
        return False  # art6.2 and art5.1 hold whatever the consent
    if justified:
        return True  # art4.6
    if consent != "given":
        return False  # art4.3, art4.5
    return category != "health"  # art4.4: no signed form in this sequence


@pytest.mark.django_db
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sequence=steps, supported=st.sampled_from(sorted(SUPPORT, key=str)))
def test_art5_1_what_leaves_is_exactly_what_is_allowed(actor, sequence, supported):
    recipient = make_partner(f"Ontvanger {next_bsn()}")
    bsn = next_bsn()
    client = services.register_client(
        actor,
        bsn=bsn,
        given_names="Eva",
        surname="Smit",
        birth_date=datetime.date(1980, 1, 1),
        domain="jeugd",
        legal_basis="jeugdwet",
    )
    if supported is not None:  # the recipient's own support of the client (art5.1)
        services.register_client(
            actor_for(make_employee(recipient, f"ontvanger-{bsn}")),
            bsn=bsn,
            given_names="Eva",
            surname="Smit",
            birth_date=datetime.date(1980, 1, 1),
            domain=supported,
            legal_basis=SUPPORT[supported],
        )
    inform_and_consent(actor, client.id)
    items = [
        services.record_item(
            actor,
            client.id,
            category=category,
            label=category,
            value="v",
            source="Cliënt",
            method="conversation",
            obtained_on=datetime.date(2026, 1, 5),
            purpose="assessment",
            professional_secrecy=secret,
        )
        for category, secret in ITEMS
    ]
    consent = "not-asked"
    for step in sequence:
        if step[0] == "consent":
            state = step[1]
            if state == "withdrawn" and consent != "given":
                continue
            record = services.withdraw_consent if state == "withdrawn" else services.record_consent
            extra = {} if state == "withdrawn" else {"state": state}
            record(
                actor,
                client.id,
                scope="share",
                decided_on=timezone.localdate(),
                purpose="support-provision",
                **extra,
            )
            consent = state
            continue
        _, chosen, justified, purpose, referral = step
        needs = recipient_needs(purpose, supported, referral)
        expected = {
            items[i].id
            for i in chosen
            if sender_may_share(i, consent, justified, purpose) and ITEMS[i][0] in needs
        }
        try:
            result = services.share_items(
                actor,
                client.id,
                item_ids=[items[i].id for i in chosen],
                recipient_partner_id=recipient.id,
                purpose=purpose,
                justification=JUSTIFIED if justified else None,
                referral_domain=referral,
            )
            sent, trace_id = set(result.sent), result.trace_id
        except ProcessingRefused as refused:
            sent, trace_id = set(), refused.trace_id
        assert sent == expected
        disclosed = set(
            Disclosure.objects.filter(trace_id=trace_id).values_list("item_id", flat=True)
        )
        assert disclosed == sent
        # and what left waits at the recipient partner, once each, nothing more
        waiting = set(
            ReceivedShare.objects.filter(disclosure__trace_id=trace_id).values_list(
                "disclosure__item_id", flat=True
            )
        )
        assert waiting == sent
        # a subset of what the recipient's own support needs and of what the sender may share
        left = {ITEMS[[i.id for i in items].index(pk)][0] for pk in sent}
        assert left <= needs
        assert all(
            sender_may_share(i, consent, justified, purpose) for i in chosen if items[i].id in sent
        )
        # a referral waits in the recipient's intake queue, anything else among received shares
        assert set(
            ReceivedShare.objects.filter(disclosure__trace_id=trace_id).values_list(
                "referral_domain", flat=True
            )
        ) <= {referral or ""}
        assert LogRecord.objects.filter(trace_id=trace_id, name="gegevens-delen").exists()
