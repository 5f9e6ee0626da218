# SPDX-License-Identifier: EUPL-1.2
"""The one gate: every processing of personal data passes through :func:`process`.

Views, API endpoints, commands and tasks call the service functions in
:mod:`zorgvuldig.gate.services`; those are the only code that reads or writes the
personal-data models, and each does so inside :func:`process`, which asks the protocol,
logs the processing and writes the annotations it requires, all in one transaction.
"""
