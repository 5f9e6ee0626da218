# SPDX-License-Identifier: EUPL-1.2
"""Destroying the content of data items (art9.4 at the data subject's request; art5.2 at the
end of retention): inside a processing only.

The content of every version (label kept, value and source emptied) is overwritten; the item,
its version numbers and its disclosure records stay, so that who received what, and that it
was destroyed, can still be told (art9.1, art9.6). Nothing of the content is kept elsewhere.
"""

from __future__ import annotations

import datetime

from zorgvuldig.dossier.models import DataItem, DataItemVersion

DESTROYED = "[vernietigd]"


def destroy_content(item_ids, day: datetime.date) -> int:
    """Destroy the content of ``item_ids`` on ``day``; returns how many items were destroyed
    (items destroyed before are left as they are)."""
    items = list(DataItem.objects.filter(id__in=item_ids, destroyed_on__isnull=True))
    versions = list(DataItemVersion.objects.filter(item__in=items))
    for version in versions:
        version.value, version.source = DESTROYED, DESTROYED
    DataItemVersion.objects.bulk_update(versions, ["value", "source"])
    DataItem.objects.filter(id__in=[i.id for i in items]).update(destroyed_on=day)
    return len(items)
