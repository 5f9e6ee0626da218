# SPDX-License-Identifier: EUPL-1.2
"""zorgvuldig: the Privacy Protocol Sociaal Domein regio Utrecht Zuidoost, enforced by software."""

__version__ = "0.1.0"
