# SPDX-License-Identifier: EUPL-1.2
"""Proof of art9.6: when a request changes, deletes or blocks items, exactly those who received
a changed item before the change are told, and nobody else.

For random items, shares of them to partners (with a webhook, with a privacy e-mail address,
with neither) and non-partners before the change, a request about some of them granted in
full or in part, and shares after the change: the notices go to exactly the recipients of a
granted item's disclosure before the change, each naming exactly the granted items it
received, by the channel its kind and address give. A second correction of the same items
after those later shares tells the earlier and the later recipients alike. What was sent is
taken from what ``share_items`` answered, not from the disclosure records the notices are
made from.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests import factories
from tests.conftest import make_partner, next_bsn
from zorgvuldig.gate import services
from zorgvuldig.webhooks.subscriptions import subscribe

CATEGORIES = ("contact", "household", "welfare", "housing")  # Wmo: no written consent needed
# who may receive: (kind, name, how a partner is reached)
RECIPIENTS = (
    ("partner", "Wmo Webhook", "webhook"),
    ("partner", "Wmo Mail", "email"),
    ("partner", "Wmo Brief", "letter"),
    ("non-partner", "Oma Jansen", "letter"),
    ("non-partner", "Buurman de Boer", "letter"),
)
KINDS = ("correction", "addition", "deletion", "blocking")

shares = st.lists(
    st.tuples(st.sets(st.integers(0, 3), min_size=1, max_size=3), st.integers(0, 4)),
    max_size=5,
)


@pytest.fixture
def recipients(actor):
    """The recipients by index: a partner's or a non-partner's id, registered once."""
    found = []
    for kind, name, reached in RECIPIENTS:
        if kind == "partner":
            partner = make_partner(name)
            if reached == "webhook":
                subscribe(partner.id, "https://wmo-webhook.example/hooks")
            elif reached == "email":
                partner.privacy_email = "privacy@wmo-mail.example"
                partner.save()
            found.append({"recipient_partner_id": partner.id, "referral_domain": "zorg"})
        else:
            non_partner = services.register_non_partner(
                actor, name=name, kind="family", informed=True
            )
            found.append({"non_partner_id": non_partner.id})
    return found


def client_with_items(actor, recipients, categories):
    """An adult Wmo client, informed, consenting to record, to share with partners and with
    the non-partners by name (art4.3, art7); an item of each category."""
    today = timezone.localdate()
    client = services.register_client(
        actor,
        bsn=next_bsn(),
        given_names="Piet",
        surname="Mulder",
        birth_date=datetime.date(1958, 6, 1),
        domain="zorg",
        legal_basis="wmo-2015",
        purpose="intake",
    )
    services.record_informing(
        actor,
        client.id,
        organisations=["Jeugdteam Heuvelrug"],
        informed_on=today,
        how="conversation",
        purpose="intake",
    )
    for scope in ("record-request", "share"):
        services.record_consent(
            actor, client.id, scope=scope, state="given", decided_on=today, purpose="intake"
        )
    services.record_consent(
        actor,
        client.id,
        scope="share",
        state="given",
        decided_on=today,
        purpose="support-provision",
        recipients=[str(r["non_partner_id"]) for r in recipients if "non_partner_id" in r],
    )
    items = [
        factories.record(actor, client.id, category, f"{category} {n}", source="Cliënt").id
        for n, category in enumerate(categories)
    ]
    return client, items


def share(actor, client, items, recipients, plan) -> dict[int, set]:
    """Carry out ``plan`` (item indexes, recipient index); what each recipient was sent."""
    sent: dict[int, set] = {}
    for chosen, to in plan:
        ids = sorted({items[i % len(items)] for i in chosen}, key=str)
        result = services.share_items(
            actor, client.id, item_ids=ids, purpose="support-provision", **recipients[to]
        )
        sent.setdefault(to, set()).update(result.sent)
    return sent


@pytest.mark.django_db
@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    categories=st.lists(st.sampled_from(CATEGORIES), min_size=1, max_size=4),
    before=shares,
    asked=st.sets(st.integers(0, 3), min_size=1),
    kept_back=st.sets(st.integers(0, 3)),
    kind=st.sampled_from(KINDS),
    after=shares,
)
def test_art9_6_exactly_the_earlier_recipients_of_a_changed_item_are_told(
    actor, recipients, categories, before, asked, kept_back, kind, after
):
    client, items = client_with_items(actor, recipients, categories)
    sent_before = share(actor, client, items, recipients, before)
    asked_ids = sorted({items[i % len(items)] for i in asked}, key=str)
    granted = set(asked_ids) - {items[i % len(items)] for i in kept_back}
    request = services.register_request(
        actor,
        client.id,
        kind=kind,
        requested_by_subject_id=client.subject.id,
        identity_method="in-person",
        received_on=timezone.localdate(),
        details="Dit klopt niet meer.",
        item_ids=asked_ids,
    )
    if granted and granted != set(asked_ids):
        services.decide_request(
            actor,
            request.id,
            outcome="partly-granted",
            protection_needed=False,
            granted_item_ids=sorted(granted, key=str),
            refusal_ground="accurate",
            refusal_reason="De rest klopt.",
        )
    else:
        granted = set(asked_ids)
        services.decide_request(actor, request.id, outcome="granted", protection_needed=False)
    new_values = dict.fromkeys(granted, "Nieuw") if kind in ("correction", "addition") else None
    done = services.carry_out_request(actor, request.id, new_values=new_values)
    sent_after = {}
    if kind in ("correction", "addition"):  # the changed items may go out again
        sent_after = share(actor, client, items, recipients, after)

    event(f"{len(sent_before)} earlier recipients, {len(sent_after)} later ones")
    assert told_of(actor, request.id) == earlier_recipients(sent_before, granted)
    assert done.state == ("carried-out" if earlier_recipients(sent_before, granted) else "closed")
    if not sent_after:
        return
    # a second correction of the same items: before it, the later recipients had them too
    again = services.register_request(
        actor,
        client.id,
        kind="correction",
        requested_by_subject_id=client.subject.id,
        identity_method="in-person",
        received_on=timezone.localdate(),
        details="Nog eens.",
        item_ids=sorted(granted, key=str),
    )
    services.decide_request(actor, again.id, outcome="granted", protection_needed=False)
    services.carry_out_request(actor, again.id, new_values=dict.fromkeys(granted, "Nieuwer"))
    everyone = {
        to: sent_before.get(to, set()) | sent_after.get(to, set())
        for to in {*sent_before, *sent_after}
    }
    assert told_of(actor, again.id) == earlier_recipients(everyone, granted)


def earlier_recipients(sent: dict[int, set], changed: set) -> dict[str, set]:
    """Who is to be told, by name, of which changed items: whoever was sent any of them."""
    return {RECIPIENTS[to][1]: got & changed for to, got in sent.items() if got & changed}


def told_of(actor, request_id) -> dict[str, set]:
    """The notices of a request, by recipient: the items named, after checking that there is
    one per recipient, pending, by the channel its kind and address give."""
    notices = services.request_notices(actor, request_id)
    channel = {name: reached for _, name, reached in RECIPIENTS}
    assert len({n.recipient for n in notices}) == len(notices)
    assert all(n.channel == channel[n.recipient] and n.status == "pending" for n in notices)
    return {n.recipient: set(n.item_ids) for n in notices}
