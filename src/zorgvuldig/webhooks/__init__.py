# SPDX-License-Identifier: EUPL-1.2
"""Webhook notifications to partner systems: something is waiting for them in the API.

A notification names what to fetch (ids), never personal data; the partner system then pulls
the data through the API, where the gate decides and logs (art3.2b, art6.1).
"""
