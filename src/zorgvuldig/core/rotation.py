# SPDX-License-Identifier: EUPL-1.2
"""Moving everything onto the current master key, online (art3.2b, decision 0016).

After a rotation (the new key in ``ZORGVULDIG_MASTER_KEY``, the old one first in
``ZORGVULDIG_PREVIOUS_MASTER_KEYS``) both keep working for reading; this rewraps the data
keys still wrapped by an old master key (the values they seal are not touched: that is what
the envelope is for), and re-seals the values still sealed by an old master key or, written
before the keys per dossier, by the master key where their row has an owner now. It goes in
batches, each its own transaction, so the service keeps running; run again, it does nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection, models, transaction

from zorgvuldig.core import crypto
from zorgvuldig.core.fields import EncryptedField
from zorgvuldig.core.models import DataKey

BATCH = 500


@dataclass(frozen=True, slots=True)
class Rotated:
    keys: int  # data keys rewrapped
    values: int  # rows re-sealed


def rewrap_keys(batch: int = BATCH) -> int:
    """Rewrap every data key wrapped by a previous master key; how many were."""
    rewrapped, last = 0, None
    while True:
        rows = DataKey.objects.order_by("owner")
        if last is not None:
            rows = rows.filter(owner__gt=last)
        rows = list(rows.values_list("owner", "wrapped")[:batch])
        if not rows:
            return rewrapped
        with transaction.atomic():
            for owner, wrapped in rows:
                if crypto.wrapped_by_current(wrapped):
                    continue
                key = crypto.unwrap_key(bytes(wrapped), owner.bytes)
                DataKey.objects.filter(owner=owner).update(
                    wrapped=crypto.wrap_key(key, owner.bytes)
                )
                rewrapped += 1
        last = rows[-1][0]


def encrypted_fields(model) -> list:
    return [f for f in model._meta.concrete_fields if isinstance(f, EncryptedField)]


def _current(raw, keyed: bool) -> bool:
    if raw is None:
        return True
    head = bytes(raw[:40]) if not isinstance(raw, str) else raw[:40].encode()
    return (
        head.startswith(b"d:")
        if keyed
        else head.startswith(f"g{crypto.key_generation()}:".encode())
    )


def reseal(model, batch: int = BATCH) -> int:
    """Re-seal the rows of ``model`` whose values are not sealed as they would be now."""
    fields = encrypted_fields(model)
    keyed = hasattr(model, "key_owner")
    quote = connection.ops.quote_name
    pk = model._meta.pk
    columns = ", ".join(quote(f.column) for f in fields)
    table = quote(model._meta.db_table)
    resealed, last = 0, None
    while True:
        where = f"WHERE {quote(pk.column)} > %s " if last is not None else ""
        with connection.cursor() as cursor:
            cursor.execute(
                # the names are the model's own, quoted; the values are parameters
                f"SELECT {quote(pk.column)}, {columns} FROM {table} {where}"  # noqa: S608  # nosec B608
                f"ORDER BY {quote(pk.column)} LIMIT %s",
                [*([last] if last is not None else []), batch],
            )
            rows = cursor.fetchall()
        if not rows:
            return resealed
        stale = [row[0] for row in rows if not all(_current(raw, keyed) for raw in row[1:])]
        with transaction.atomic():
            for instance in models.QuerySet(model).filter(pk__in=stale):
                sealed = {f.attname: f.seal(instance) for f in fields}
                models.QuerySet(model).filter(pk=instance.pk).update(**sealed)
                resealed += 1
        last = rows[-1][0]


def rotate(models_with_personal_data, batch: int = BATCH) -> Rotated:
    """Rewrap the data keys, then re-seal every model's values."""
    keys = rewrap_keys(batch)
    values = sum(reseal(model, batch) for model in models_with_personal_data)
    return Rotated(keys=keys, values=values)
