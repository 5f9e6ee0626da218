"""For every sequence of exchanges: what left is exactly what was allowed, and every item that
left has a disclosure record and a log record (art4.3, art4.4, art4.5, art4.6, art5.1, art6)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import inform_and_consent, make_partner, next_bsn
from zorgvuldig.exchange.models import Delivery, Disclosure
from zorgvuldig.gate import services, validation
from zorgvuldig.gate.errors import ProcessingRefused
from zorgvuldig.processing_log.models import LogRecord

# (category, under professional secrecy)
ITEMS = [("contact", False), ("youth", False), ("health", False), ("youth", True)]
# art5.1: what each purpose needs in youth care, of the categories above
NECESSARY = {"support-provision": {"contact", "youth", "health"}, "intake": {"contact"}}
JUSTIFIED = validation.justification("necessary-unavoidable", "Nodig voor de overdracht.")

steps = st.lists(
    st.one_of(
        st.tuples(st.just("consent"), st.sampled_from(["given", "refused", "withdrawn"])),
        st.tuples(
            st.just("share"),
            st.lists(st.integers(0, len(ITEMS) - 1), min_size=1, max_size=len(ITEMS), unique=True),
            st.booleans(),
            st.sampled_from(sorted(NECESSARY)),
        ),
    ),
    min_size=1,
    max_size=6,
)


def expected_to_leave(index: int, consent: str, justified: bool, purpose: str) -> bool:
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
@given(sequence=steps)
def test_what_leaves_is_exactly_what_is_allowed(actor, sequence):
    recipient = make_partner(f"Ontvanger {next_bsn()}")
    client = services.register_client(
        actor,
        bsn=next_bsn(),
        given_names="Eva",
        surname="Smit",
        birth_date=datetime.date(1980, 1, 1),
        domain="jeugd",
        legal_basis="jeugdwet",
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
        _, chosen, justified, purpose = step
        expected = {
            items[i].id for i in chosen if expected_to_leave(i, consent, justified, purpose)
        }
        try:
            result = services.share_items(
                actor,
                client.id,
                item_ids=[items[i].id for i in chosen],
                recipient_partner_id=recipient.id,
                purpose=purpose,
                justification=JUSTIFIED if justified else None,
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
            Delivery.objects.filter(disclosure__trace_id=trace_id).values_list(
                "disclosure__item_id", flat=True
            )
        )
        assert waiting == sent
        assert LogRecord.objects.filter(trace_id=trace_id, name="gegevens-delen").exists()
