# SPDX-License-Identifier: EUPL-1.2
"""Deleting a set of rows in a few statements, whatever their number (art5.2: a run destroys
thousands of dossiers).

Django's ``QuerySet.delete()`` fetches every row as an object, and then every related row,
before it deletes them a hundred at a time: for a batch of dossiers that was most of a run's
time. :func:`delete_rows` follows the same rules, the ``on_delete`` of every foreign key that
points at the model (``CASCADE`` deletes those rows first, ``SET_NULL`` empties the key,
``PROTECT`` and ``RESTRICT`` refuse with :class:`~django.db.models.ProtectedError` while such
a row exists, before anything of the set is changed; ``DO_NOTHING`` leaves it to the
database), but reads only the keys: one statement for the keys, one per relation that
cascades or empties, one that asks every refusing relation at once, one to delete, for up
to ``CHUNK`` rows. Rows that nothing refers to are deleted in one statement, and an empty
set costs one. The keys go into the statements as lists (on PostgreSQL one array, see
:mod:`.among`), so that each is an index lookup: a subquery made PostgreSQL read whole
tables to prove that nothing refers to the rows. The project sends no delete signals; the
database's own foreign keys check what is left when the transaction commits, and the
caller's transaction keeps a refusal further down a cascade whole.

It deletes through the model's base manager and ``_raw_delete``, the statement Django's own
collector uses for what it may delete at once; the consent registry's append-only querysets
(art4.5) guard against changes, not against the end of retention. The retention tests run it
on SQLite and PostgreSQL.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Value

from zorgvuldig.gate.services.retention.among import Ids, among

CHUNK = 2000  # keys per statement: far below the parameters PostgreSQL and SQLite take
_REFUSE = (models.PROTECT, models.RESTRICT)


def delete_rows(queryset: models.QuerySet, _path: tuple = ()) -> int:
    """Delete the rows of ``queryset`` and what cascades from them; the rows deleted."""
    model = queryset.model
    if model in _path or model._meta.parents:
        raise TypeError(f"delete_rows does not follow {model.__name__}'s relations")
    if not _pointing_at(model):  # nothing refers to these rows: one statement
        return _plain(queryset)._raw_delete(queryset.db)
    keys = list(queryset.order_by().values_list("pk", flat=True))
    return sum(
        _delete_keys(model, keys[start : start + CHUNK], queryset.db, (*_path, model))
        for start in range(0, len(keys), CHUNK)
    )


def _delete_keys(model, keys: list, using: str, path: tuple) -> int:
    keys = Ids(keys)  # the same keys for every relation
    rows_of = among(model._base_manager.using(using), model._meta.pk.attname, keys)
    cascading, emptying, refusing = [], [], []
    for relation in _pointing_at(model):
        field = relation.field
        target = field.target_field
        values = (
            keys if target.primary_key else list(rows_of.values_list(target.attname, flat=True))
        )
        rows = among(relation.related_model._base_manager.using(using), field.attname, values)
        on_delete = field.remote_field.on_delete
        if on_delete is models.CASCADE:
            cascading.append(rows)
        elif on_delete is models.SET_NULL:
            emptying.append((rows, field.attname))
        elif on_delete in _REFUSE:
            refusing.append((relation, rows))
        elif on_delete is not models.DO_NOTHING:
            raise TypeError(f"delete_rows does not handle on_delete of {field}")
    _refuse_if_named(refusing)  # before anything is changed
    for rows in cascading:
        delete_rows(rows, path)
    for rows, attname in emptying:
        rows.update(**{attname: None})
    return rows_of._raw_delete(using)


def _refuse_if_named(refusing: list) -> None:
    """ProtectedError when a row of a ``PROTECT`` or ``RESTRICT`` relation names the rows:
    asked of all those relations in one statement."""
    if not refusing:
        return
    one = Value(1, output_field=models.IntegerField())
    first, *rest = (rows.order_by().values_list(one) for _, rows in refusing)
    if not list(first.union(*rest, all=True)[:1]):
        return
    for relation, rows in refusing:
        if rows.exists():
            raise models.ProtectedError(
                f"{relation.related_model.__name__}.{relation.field.name} still names these rows",
                rows,
            )


def _plain(queryset: models.QuerySet) -> models.QuerySet:
    """The same rows through a plain queryset (not the model's own, e.g. append-only)."""
    return models.QuerySet(queryset.model, query=queryset.query.chain(), using=queryset.db)


def _pointing_at(model) -> list:
    """The foreign keys (and the many-to-many tables' keys) that point at ``model``, as
    Django's collector finds them."""
    return [
        f
        for f in model._meta.get_fields(include_hidden=True)
        if f.auto_created and not f.concrete and (f.one_to_one or f.one_to_many)
    ]
