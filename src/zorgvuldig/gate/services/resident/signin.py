# SPDX-License-Identifier: EUPL-1.2
"""The resident signed in with DigiD: the BSN finds the data subject through the BSN index
(a keyed hash, decision 3); no match means zorgvuldig holds nothing about them (art9.1)."""

from __future__ import annotations

import uuid

from zorgvuldig.clients.models import Subject
from zorgvuldig.core.errors import NotFound
from zorgvuldig.gate import validation
from zorgvuldig.gate.services.clients.registration import bsn_index
from zorgvuldig.gate.services.common import gate_service
from zorgvuldig.gate.services.resident.views import Resident
from zorgvuldig.processing_log.entry import subject_pseudonym

SIGNED_OUT = "U bent niet (meer) ingelogd; log in met DigiD."


@gate_service
def resident_by_bsn(bsn: str) -> Resident:
    """The resident DigiD vouches for. A malformed BSN is :class:`InvalidInput` (field
    ``bsn``); nothing is read or written for it. Reading one's own identity to sign in is
    no processing of anyone else's data: what the resident then sees is logged."""
    checked = validation.bsn(bsn)
    found = Subject.objects.filter(bsn_index=bsn_index(checked)).first()
    if found is None:
        return Resident(None, "", checked[-3:])
    return Resident(found.id, found.full_name, checked[-3:])


@gate_service
def resident_again(subject_id) -> Resident:
    """The resident of a session (by the subject id it keeps); :class:`NotFound` if the
    subject is gone (destroyed since the sign-in)."""
    try:
        found = Subject.objects.get(id=uuid.UUID(str(subject_id)))
    except (Subject.DoesNotExist, ValueError):
        raise NotFound("resident", SIGNED_OUT) from None
    return Resident(found.id, found.full_name, "")


def resident_pseudonym(subject_id) -> str:
    """How the log names a resident who acts (:attr:`Actor.resident`)."""
    return subject_pseudonym(str(subject_id))
