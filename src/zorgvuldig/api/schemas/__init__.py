# SPDX-License-Identifier: EUPL-1.2
"""Request and response bodies, one module per router of :mod:`zorgvuldig.api.routers`; the
shared building blocks in :mod:`.base`, the error bodies in :mod:`.problems`."""
