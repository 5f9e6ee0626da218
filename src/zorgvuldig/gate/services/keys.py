# SPDX-License-Identifier: EUPL-1.2
"""Key rotation (art3.2b, decision 0016): every data key and every value onto the current
master key, while the service runs.

It reads each value only to seal it again: nothing is shown, changed or sent, and no one's
data is processed for any purpose of the protocol, so it writes no record per data subject.
"""

from __future__ import annotations

from django.apps import apps

from zorgvuldig.core import rotation
from zorgvuldig.gate.services.common import gate_service


@gate_service
def rotate_keys(batch: int = rotation.BATCH) -> rotation.Rotated:
    """Rewrap the data keys and re-seal the values still under a previous master key."""
    return rotation.rotate([m for m in apps.get_models() if rotation.encrypted_fields(m)], batch)
