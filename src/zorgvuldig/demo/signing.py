# SPDX-License-Identifier: EUPL-1.2
"""Who signs a demo client's consent with the representative (art10.1)."""

from __future__ import annotations


def signing_with(representative_id, client_subject_id) -> list:
    """The client signs with a representative: from 12 up to and including 15 both sign
    (art10.1); under 12 the representative's signature suffices and the client's harms
    nothing."""
    return [client_subject_id] if representative_id else []
