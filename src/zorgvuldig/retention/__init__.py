# SPDX-License-Identifier: EUPL-1.2
"""Retention and destruction (art5.2): holds, destruction lists and their runs, the ledger of
destroyed clients, the record of destruction and the anonymised statistics kept instead.

The retention date itself is a pure rule of the protocol (:mod:`zorgvuldig.protocol.retention`).
"""
