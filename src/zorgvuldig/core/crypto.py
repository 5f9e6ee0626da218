# SPDX-License-Identifier: EUPL-1.2
"""Field encryption, the BSN search index and subject pseudonyms (art3.2b).

All keys are derived with HKDF-SHA256 from ``ZORGVULDIG_MASTER_KEY``, each for one purpose, so
that a leak of one derived key does not expose another use. Field values are encrypted with
AES-256-GCM; a ciphertext starts with the number of the master key that made it, so that
``ZORGVULDIG_PREVIOUS_MASTER_KEYS`` keep decrypting old values after a key rotation.
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
def _aead(generation: int) -> AESGCM:
    return AESGCM(_derive(_keyring()[generation], "field-encryption"))


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


def blind_index(value: str, purpose: str) -> str:
    """A keyed hash to find a value (a BSN) without storing it in the clear."""
    return hmac.new(purpose_key(purpose), value.encode(), hashlib.sha256).hexdigest()


def reset_caches() -> None:
    """Forget derived keys (tests that change the master key)."""
    for function in (_keyring, purpose_key, purpose_keys, _aead):
        function.cache_clear()
