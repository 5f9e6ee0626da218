# SPDX-License-Identifier: EUPL-1.2
"""A client's processing log, read through the gate."""

from zorgvuldig.gate.services.log.client_log import client_log, recent_client_log

__all__ = ["client_log", "recent_client_log"]
