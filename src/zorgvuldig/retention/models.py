# SPDX-License-Identifier: EUPL-1.2
"""Holds, destruction lists and the ledger of destroyed clients (art5.2).

Personal data: only :mod:`zorgvuldig.gate` reads and writes these models.
"""
