# SPDX-License-Identifier: EUPL-1.2
"""The consent registry: informing the client and the client's consents (art4).

Personal data: only :mod:`zorgvuldig.gate` reads and writes these models (import-linter and
the gate guard check it). The pure parts (which consents are in force, who may decide, what
an uploaded form really is, the printable form) live in modules of their own that import no
model.
"""
