# SPDX-License-Identifier: EUPL-1.2
"""Field encryption, the BSN search index and subject pseudonyms (art3.2b).

The purpose keys are derived with HKDF-SHA256 from ``ZORGVULDIG_MASTER_KEY``, each for one
purpose, so that a leak of one derived key does not expose another use. Values are encrypted
with AES-256-GCM: the personal data of a dossier or a data subject with a random key of its
own, wrapped by the master key (:mod:`zorgvuldig.core.keys`, envelope encryption), other
values with the master's field-encryption key. A ciphertext or wrapped key starts with the
number of the master key that made it, so that ``ZORGVULDIG_PREVIOUS_MASTER_KEYS`` keep
decrypting old values after a key rotation.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from functools import cache

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

_NONCE_BYTES = 12


def _derive(master: str, purpose: str) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose.encode())
    return hkdf.derive(master.encode())


@cache
def _keyring() -> tuple[str, ...]:
    """The current master key first, then the previous ones (newest first)."""
    return (settings.ZORGVULDIG_MASTER_KEY, *settings.ZORGVULDIG_PREVIOUS_MASTER_KEYS)


@cache
def purpose_key(purpose: str) -> bytes:
    """The current key for one purpose (``bsn-index``, ``subject-pseudonym``, ``log-chain``)."""
    return _derive(_keyring()[0], purpose)


@cache
def purpose_keys(purpose: str) -> tuple[bytes, ...]:
    """The keys for one purpose of every master key, the current one first (key rotation)."""
    return tuple(_derive(master, purpose) for master in _keyring())


@cache
def _aead(generation: int, purpose: str = "field-encryption") -> AESGCM:
    return AESGCM(_derive(_keyring()[generation], purpose))


def key_generation() -> int:
    """How many master keys there have been: ciphertexts are tagged with it."""
    return len(_keyring())


def encrypt(plaintext: str, context: str) -> str:
    """Encrypt ``plaintext``; ``context`` (table and column) is authenticated with it."""
    nonce = os.urandom(_NONCE_BYTES)
    sealed = _aead(0).encrypt(nonce, plaintext.encode(), context.encode())
    return f"g{key_generation()}:" + base64.urlsafe_b64encode(nonce + sealed).decode()


def decrypt(token: str, context: str) -> str:
    """Decrypt a value made by :func:`encrypt` with the current or a previous master key."""
    tag, _, body = token.partition(":")
    generation = key_generation() - int(tag.removeprefix("g"))
    raw = base64.urlsafe_b64decode(body)
    return (
        _aead(generation).decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], context.encode()).decode()
    )


def encrypt_bytes(plaintext: bytes, context: str) -> bytes:
    """Encrypt binary content (a signed consent form); ``context`` is authenticated with it.

    The result is ``g<generation>:`` followed by the nonce and the sealed content, as bytes:
    the same key, tag and key rotation as :func:`encrypt`, without the base64 of a text column.
    """
    nonce = os.urandom(_NONCE_BYTES)
    sealed = _aead(0).encrypt(nonce, bytes(plaintext), context.encode())
    return f"g{key_generation()}:".encode() + nonce + sealed


def decrypt_bytes(token: bytes, context: str) -> bytes:
    """Decrypt content made by :func:`encrypt_bytes` with the current or a previous master key."""
    tag, _, raw = bytes(token).partition(b":")
    generation = key_generation() - int(tag.removeprefix(b"g"))
    return _aead(generation).decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], context.encode())


def new_data_key() -> bytes:
    """A fresh random AES-256 key of one dossier or one data subject (see :mod:`.keys`)."""
    return AESGCM.generate_key(bit_length=256)


def wrap_key(data_key: bytes, owner: bytes) -> bytes:
    """``data_key`` sealed with the current master key (purpose ``key-wrapping``), bound to
    its owner: ``g<generation>:`` + nonce + sealed key. A copy of the data without the wrapped
    keys is unreadable with the master key alone."""
    nonce = os.urandom(_NONCE_BYTES)
    sealed = _aead(0, "key-wrapping").encrypt(nonce, data_key, owner)
    return f"g{key_generation()}:".encode() + nonce + sealed


def unwrap_key(wrapped: bytes, owner: bytes) -> bytes:
    """The data key of :func:`wrap_key`, with the current or a previous master key."""
    tag, _, raw = bytes(wrapped).partition(b":")
    generation = key_generation() - int(tag.removeprefix(b"g"))
    return _aead(generation, "key-wrapping").decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], owner)


def wrapped_by_current(wrapped: bytes) -> bool:
    """Whether a wrapped key is sealed with the current master key (else: rotate it)."""
    return bytes(wrapped).startswith(f"g{key_generation()}:".encode())


def seal(data_key: bytes, plaintext: bytes, context: bytes) -> bytes:
    """``plaintext`` sealed with a data key: nonce + ciphertext with its tag."""
    nonce = os.urandom(_NONCE_BYTES)
    return nonce + AESGCM(data_key).encrypt(nonce, plaintext, context)


def unseal(data_key: bytes, sealed: bytes, context: bytes) -> bytes:
    """The plaintext of :func:`seal`; ``InvalidTag`` when key, content or context differ."""
    return AESGCM(data_key).decrypt(sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:], context)


def blind_index(value: str, purpose: str) -> str:
    """A keyed hash to find a value (a BSN) without storing it in the clear."""
    return hmac.new(purpose_key(purpose), value.encode(), hashlib.sha256).hexdigest()


def reset_caches() -> None:
    """Forget derived keys (tests that change the master key)."""
    for function in (_keyring, purpose_key, purpose_keys, _aead):
        function.cache_clear()
