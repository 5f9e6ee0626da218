# SPDX-License-Identifier: EUPL-1.2
"""The REST API at ``/api/v1/``, after the Dutch API Design Rules (Logius)."""

# The full version of the API, sent in the API-Version header of every response and in the
# OpenAPI document; the major version is also in the path (/api/v1/).
API_VERSION = "0.1.0"
API_VERSION_HEADER = "API-Version"
