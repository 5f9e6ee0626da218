# SPDX-License-Identifier: EUPL-1.2
"""The dossier's data items: recorded with their origin, changed, consulted, under
professional secrecy (art3.2a, art6.2)."""

from zorgvuldig.gate.services.dossier.items import (
    change_item,
    consult_items,
    item_history,
    record_item,
    release_secrecy,
)

__all__ = ["change_item", "consult_items", "item_history", "record_item", "release_secrecy"]
