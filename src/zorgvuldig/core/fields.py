# SPDX-License-Identifier: EUPL-1.2
"""Model fields that keep personal data encrypted at rest (art3.2b)."""

from __future__ import annotations

from django.db import models

from zorgvuldig.core import crypto


class _BoundToColumn:
    """A field whose values are authenticated with its column, ``db_table.column`` (its
    ``_context``), so a ciphertext copied into another column does not decrypt."""

    def contribute_to_class(self, cls, name, private_only=False):
        super().contribute_to_class(cls, name, private_only)
        self._context = f"{cls._meta.db_table}.{self.column}"


class EncryptedTextField(_BoundToColumn, models.TextField):
    """Text encrypted with AES-256-GCM; the database only ever sees the ciphertext.

    The column's ``db_table.column`` is authenticated with the value, so a ciphertext copied
    into another column does not decrypt.
    """

    description = "Encrypted text"

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return crypto.decrypt(value, self._context)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None:
            return None
        return crypto.encrypt(value, self._context)


class EncryptedBinaryField(_BoundToColumn, models.BinaryField):
    """Binary content (a signed consent form, art4.4) encrypted with AES-256-GCM at rest.

    Like :class:`EncryptedTextField`, the column's ``db_table.column`` is authenticated with
    the content; the database holds only ``g<generation>:`` + nonce + ciphertext.
    """

    description = "Encrypted binary content"

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return crypto.decrypt_bytes(bytes(value), self._context)

    def get_db_prep_value(self, value, connection, prepared=False):
        if value is None:
            return None
        return super().get_db_prep_value(
            crypto.encrypt_bytes(bytes(value), self._context), connection, prepared
        )
