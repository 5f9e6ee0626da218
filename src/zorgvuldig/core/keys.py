# SPDX-License-Identifier: EUPL-1.2
"""Envelope encryption with a key per dossier and per data subject (art3.2b, art5.2).

Every client's dossier at a partner (:func:`dossier_owner`) and every data subject has a
random AES-256 key of its own, kept wrapped by the master key in :class:`DataKey`. A value
of such an owner is encrypted with its key: ``d:<owner>:`` + nonce + ciphertext, the column
and the owner authenticated with it. Destroying a dossier deletes its key (:func:`shred`),
so what a backup or an export kept of it can no longer be read, not even with the master
key. Values without an owner (a webhook's secret, a household's plan) keep the master's
field-encryption key (:mod:`.crypto`, ``g<generation>:``), as all values did before.

Keys are created on first use. They are read from the database whenever a value is written
(what is written always uses the key that is stored) and cached for a short time for
reading, so a page of a dossier reads its key once.
"""

from __future__ import annotations

import base64
import time
import uuid

from cryptography.exceptions import InvalidTag
from django.db import connection

from zorgvuldig.core import crypto
from zorgvuldig.core.models import DataKey

_OWNED = "d:"
_DOSSIERS = uuid.UUID("5b0c2f67-4a0e-4d43-9d55-7a1b8e3c9f21")
_CACHE_SECONDS = 60.0
_CACHE_SIZE = 10_000
_cache: dict[uuid.UUID, tuple[bytes, float]] = {}


class KeyDestroyed(Exception):
    """The value's key is destroyed: its dossier or data subject was destroyed (art5.2)."""

    def __init__(self, owner: uuid.UUID):
        super().__init__(f"the key of {owner} is destroyed (art5.2): the value cannot be read")
        self.owner = owner


def dossier_owner(client_id, partner_id) -> uuid.UUID:
    """The owner of the keys of a client's dossier at one partner: destroyed with it."""
    return uuid.uuid5(_DOSSIERS, f"{client_id}/{partner_id}")


def _as_uuid(owner) -> uuid.UUID:
    return owner if isinstance(owner, uuid.UUID) else uuid.UUID(str(owner))


def _remember(owner: uuid.UUID, key: bytes) -> bytes:
    if len(_cache) >= _CACHE_SIZE:
        _cache.clear()
    _cache[owner] = (key, time.monotonic() + _CACHE_SECONDS)
    return key


def _stored(owner: uuid.UUID) -> bytes | None:
    wrapped = DataKey.objects.filter(owner=owner).values_list("wrapped", flat=True).first()
    if wrapped is None:
        return None
    return _remember(owner, crypto.unwrap_key(bytes(wrapped), owner.bytes))


def _writing_key(owner: uuid.UUID) -> bytes:
    """The stored key of ``owner``, made and stored now if it has none."""
    key = _stored(owner)
    if key is None:
        # a concurrent first write of the same owner may win: then its key is the one
        DataKey.objects.bulk_create(
            [DataKey(owner=owner, wrapped=crypto.wrap_key(crypto.new_data_key(), owner.bytes))],
            ignore_conflicts=True,
        )
        key = _stored(owner)
    return key


def _reading_key(owner: uuid.UUID, *, fresh: bool = False) -> bytes:
    cached = None if fresh else _cache.get(owner)
    if cached and cached[1] > time.monotonic():
        return cached[0]
    key = _stored(owner)
    if key is None:
        raise KeyDestroyed(owner)
    return key


def _context(context: str, owner: uuid.UUID) -> bytes:
    return f"{context}#{owner.hex}".encode()


def _open(owner: uuid.UUID, sealed: bytes, context: str) -> bytes:
    try:
        return crypto.unseal(_reading_key(owner), sealed, _context(context, owner))
    except InvalidTag:  # a key cached before it was replaced (a transaction rolled back)
        return crypto.unseal(_reading_key(owner, fresh=True), sealed, _context(context, owner))


def encrypt(plaintext: str, context: str, owner=None) -> str:
    """Encrypt ``plaintext`` of column ``context`` with the key of ``owner`` (or, without
    an owner, the master's field-encryption key)."""
    if owner is None:
        return crypto.encrypt(plaintext, context)
    owner = _as_uuid(owner)
    sealed = crypto.seal(_writing_key(owner), plaintext.encode(), _context(context, owner))
    return f"{_OWNED}{owner.hex}:" + base64.urlsafe_b64encode(sealed).decode()


def decrypt(token: str, context: str) -> str:
    """Decrypt a value made by :func:`encrypt`; :class:`KeyDestroyed` once its key is gone."""
    if not token.startswith(_OWNED):
        return crypto.decrypt(token, context)
    owner, _, body = token.removeprefix(_OWNED).partition(":")
    return _open(uuid.UUID(owner), base64.urlsafe_b64decode(body), context).decode()


def encrypt_bytes(plaintext: bytes, context: str, owner=None) -> bytes:
    """:func:`encrypt` for binary content: ``d:<owner>:`` + nonce + ciphertext, as bytes."""
    if owner is None:
        return crypto.encrypt_bytes(plaintext, context)
    owner = _as_uuid(owner)
    sealed = crypto.seal(_writing_key(owner), bytes(plaintext), _context(context, owner))
    return f"{_OWNED}{owner.hex}:".encode() + sealed


def decrypt_bytes(token: bytes, context: str) -> bytes:
    """Decrypt content made by :func:`encrypt_bytes`."""
    token = bytes(token)
    if not token.startswith(_OWNED.encode()):
        return crypto.decrypt_bytes(token, context)
    owner, _, sealed = token.removeprefix(_OWNED.encode()).partition(b":")
    return _open(uuid.UUID(owner.decode()), sealed, context)


def owner_of(token) -> uuid.UUID | None:
    """The owner whose key sealed a ciphertext, or None for the master's key."""
    raw = token.encode() if isinstance(token, str) else bytes(token)
    if not raw.startswith(_OWNED.encode()):
        return None
    return uuid.UUID(raw[len(_OWNED) : len(_OWNED) + 32].decode())


def shred(owners) -> int:
    """Delete the keys of ``owners`` (inside the destruction's transaction): what remains of
    their ciphertexts anywhere is unreadable from then on. Returns how many were deleted."""
    owners = [_as_uuid(o) for o in owners]
    for owner in owners:
        _cache.pop(owner, None)
    if connection.vendor == "postgresql":  # the owners as one array: one prepared statement
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {DataKey._meta.db_table} WHERE owner = ANY(%s::uuid[])",  # noqa: S608 (the table's name only)  # nosec B608
                [owners],
            )
            return cursor.rowcount
    deleted = 0
    for start in range(0, len(owners), 500):
        deleted += DataKey.objects.filter(owner__in=owners[start : start + 500]).delete()[0]
    return deleted


def forget_cache() -> None:
    """Forget the cached keys (tests that change the master key or restore a database)."""
    _cache.clear()
