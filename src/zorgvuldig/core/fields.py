# SPDX-License-Identifier: EUPL-1.2
"""Model fields that keep personal data encrypted at rest (art3.2b).

A model whose rows belong to a dossier or a data subject says so with a ``key_owner``
property (see :class:`DossierKeyed`): its encrypted values are then sealed with that owner's
own key (:mod:`zorgvuldig.core.keys`) and destroyed with it (art5.2). The value is sealed in
``pre_save``, where the row is known; a value that reaches the database without its row (a
queryset's ``update()``) is sealed with the master's key and stays readable.
"""

from __future__ import annotations

from django.db import models

from zorgvuldig.core import keys


class _Sealed(str):
    """A text ciphertext made in ``pre_save``: passed to the database as it is."""


class _SealedBytes(bytes):
    """A binary ciphertext made in ``pre_save``."""


class DossierKeyed:
    """A model of a client's dossier at one partner (``client_id``, ``partner_id``): its
    encrypted values use the dossier's key."""

    @property
    def key_owner(self):
        return keys.dossier_owner(self.client_id, self.partner_id)


class EncryptedField:
    """A field whose values are authenticated with its column, ``db_table.column`` (its
    ``_context``), so a ciphertext copied into another column does not decrypt."""

    def contribute_to_class(self, cls, name, private_only=False):
        super().contribute_to_class(cls, name, private_only)
        self._context = f"{cls._meta.db_table}.{self.column}"

    def seal(self, instance):
        """The ciphertext of the field's value on ``instance``, with its owner's key."""
        value = getattr(instance, self.attname)
        if value is None:
            return None
        return self._seal(value, getattr(instance, "key_owner", None))

    def pre_save(self, model_instance, add):
        return self.seal(model_instance)


class EncryptedTextField(EncryptedField, models.TextField):
    """Text encrypted with AES-256-GCM; the database only ever sees the ciphertext.

    The column's ``db_table.column`` is authenticated with the value, so a ciphertext copied
    into another column does not decrypt.
    """

    description = "Encrypted text"

    def _seal(self, value, owner):
        return _Sealed(keys.encrypt(str(value), self._context, owner))

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return keys.decrypt(value, self._context)

    def get_prep_value(self, value):
        if isinstance(value, _Sealed):
            return str(value)
        value = super().get_prep_value(value)
        if value is None:
            return None
        return keys.encrypt(value, self._context)


class EncryptedBinaryField(EncryptedField, models.BinaryField):
    """Binary content (a signed consent form, art4.4) encrypted with AES-256-GCM at rest.

    Like :class:`EncryptedTextField`, the column's ``db_table.column`` is authenticated with
    the content; the database holds only the tag, the nonce and the ciphertext.
    """

    description = "Encrypted binary content"

    def _seal(self, value, owner):
        return _SealedBytes(keys.encrypt_bytes(bytes(value), self._context, owner))

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return keys.decrypt_bytes(bytes(value), self._context)

    def get_db_prep_value(self, value, connection, prepared=False):
        if value is None:
            return None
        if not isinstance(value, _SealedBytes):
            value = keys.encrypt_bytes(bytes(value), self._context)
        return super().get_db_prep_value(bytes(value), connection, prepared)
