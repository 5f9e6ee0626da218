# SPDX-License-Identifier: EUPL-1.2
"""The data keys: one random key per dossier and per data subject (art3.2b, art5.2)."""

from __future__ import annotations

from django.db import models


class DataKey(models.Model):
    """The key of one owner (a client's dossier at one partner, or a data subject), wrapped by
    the master key. Deleting it makes every copy of the owner's ciphertexts unreadable, in
    backups too: crypto-shredding (decision 0016)."""

    owner = models.UUIDField(primary_key=True, editable=False)
    wrapped = models.BinaryField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"data key {self.owner}"
