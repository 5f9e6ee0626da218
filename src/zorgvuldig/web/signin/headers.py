# SPDX-License-Identifier: EUPL-1.2
"""The security header that neither Django nor django-csp sets: Permissions-Policy, which
switches off the browser features the pages never use (art3.2b)."""

from __future__ import annotations

PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "serial=(), bluetooth=(), display-capture=()"
)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
