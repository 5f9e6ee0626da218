# SPDX-License-Identifier: EUPL-1.2
"""What becomes due for destruction by a day (art5.2): how many dossiers per organisation,
domain, rule and year in which the support ended, on the page or as CSV
(``?op=YYYY-MM-DD&formaat=csv``), as ``zorgvuldig retention plan`` gives them.

Numbers only, naming no one (the gate logs nothing for them, decision 17); the destruction list
an organisation draws up from them names its clients. The plan counts every organisation of
the region, so the page is its privacy officer's, as the register of exceptions is: the page
checks the role, since the plan's service asks for no employee.
"""

from __future__ import annotations

import csv

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from zorgvuldig.gate import services
from zorgvuldig.web.retention_forms import PlanForm
from zorgvuldig.web.views.access import employee_required
from zorgvuldig.web.views.oversight import is_privacy_officer

# the columns of the CSV: those of `zorgvuldig retention plan --csv`
COLUMNS = ("partner", "domein", "regel", "jaar", "dossiers")


def _csv(rows, by) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="vernietigingsplan-{by.isoformat()}.csv"'
    )
    writer = csv.writer(response, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow((row.partner, row.domain, row.rule, row.period, row.dossiers))
    return response


@employee_required
@require_GET
def retention_plan(request):
    if not is_privacy_officer(request.employee):
        return render(request, "web/retention_plan_officer_only.html", status=403)
    asked = "op" in request.GET
    form = PlanForm(request.GET if asked else None)
    if asked and not form.is_valid():
        return render(request, "web/retention_plan.html", {"form": form}, status=400)
    by = form.cleaned_data["op"] if asked else timezone.localdate()
    rows = services.retention_plan(by)
    if request.GET.get("formaat") == "csv":
        return _csv(rows, by)
    return render(
        request,
        "web/retention_plan.html",
        {
            "form": form,
            "by": by,
            "rows": rows,
            "total": sum(r.dossiers for r in rows),
            "csv_query": f"op={by.isoformat()}&formaat=csv",
        },
    )
