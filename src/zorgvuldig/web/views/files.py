# SPDX-License-Identifier: EUPL-1.2
"""The PDF files the pages hand out (forms, letters, the leaflet), shown in the browser; the
pages' ``never_cache`` keeps them out of caches."""

from __future__ import annotations

from django.http import HttpResponse


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
