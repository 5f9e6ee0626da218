# SPDX-License-Identifier: EUPL-1.2
"""Cliënt aanmelden: register a client and open a support trajectory (art1, art2)."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from zorgvuldig.core.errors import InvalidInput, ProcessingRefused
from zorgvuldig.gate import services
from zorgvuldig.protocol import Purpose
from zorgvuldig.web.forms import IntakeForm
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.errors import refused
from zorgvuldig.web.views.flow import form_page


@employee_required
@require_http_methods(["GET", "POST"])
def intake(request):
    form = IntakeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            dossier = services.register_client(
                request.actor,
                bsn=data["bsn"],
                given_names=data["given_names"],
                surname_prefix=data["surname_prefix"],
                surname=data["surname"],
                birth_date=data["birth_date"],
                domain=data["domain"],
                legal_basis=data["legal_basis"],
                opened_on=data["opened_on"],
                municipality=data.get("municipality") or None,
                purpose=Purpose.INTAKE.value,
            )
        except InvalidInput as error:
            form.add_gate_errors(error)
        except ProcessingRefused as error:
            return refused(request, error)
        else:
            messages.success(
                request, _("The client has been registered and a support trajectory opened.")
            )
            query = urlencode({"doel": Purpose.INTAKE.value, "grondslag": data["legal_basis"]})
            return redirect(f"{reverse('web:dossier', args=[dossier.id])}?{query}")
    return form_page(request, "web/intake.html", form, {})
