# SPDX-License-Identifier: EUPL-1.2
"""The web pages. Thin views: they call the gate's services and render its frozen values."""
