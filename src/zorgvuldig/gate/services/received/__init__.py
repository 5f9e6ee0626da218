# SPDX-License-Identifier: EUPL-1.2
"""What comes in: received shares, referrals in the intake queue, and asking another partner
for data (pull) (art3.2c, art4.2, art5.1, art6.1)."""

from zorgvuldig.gate.services.received.pull import request_items
from zorgvuldig.gate.services.received.referrals import (
    decline_referral,
    intake_queue,
    take_in_referral,
)
from zorgvuldig.gate.services.received.shares import (
    accept_received_share,
    decline_received_share,
    received_shares,
)

__all__ = [
    "accept_received_share",
    "decline_received_share",
    "decline_referral",
    "intake_queue",
    "received_shares",
    "request_items",
    "take_in_referral",
]
