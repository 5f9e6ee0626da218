# SPDX-License-Identifier: EUPL-1.2
"""One router per area of the API; each calls the gate's services, never the models of
personal data (import-linter contract and the gate guard)."""
