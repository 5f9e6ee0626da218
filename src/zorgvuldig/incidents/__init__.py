# SPDX-License-Identifier: EUPL-1.2
"""Incidents and breaches of personal data (art3.2f; art3.2g with AVG art. 33 and 34): the
register, the clients affected, the phases of the notification to the Autoriteit
Persoonsgegevens, the decision whether to tell the data subjects and their letters.

The clock of the notification is a pure rule of the protocol (:mod:`zorgvuldig.protocol.breaches`).
"""
