# SPDX-License-Identifier: EUPL-1.2
"""What the views do around a gate service, the same on every page.

A page with personal data first names its purpose (:func:`with_purpose`, art2). A read through
the gate (:func:`consult`) gives the data or the page that says why not; a form sent to the
gate (:func:`submit`) gets the gate's input errors on its fields and is shown again
(:func:`form_page`, a 400), or leads on with a message once it is done. What the gate answers
instead of data has its own pages (:mod:`.errors`): a refusal, a function the employee does not
have, nothing found.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import redirect, render

from zorgvuldig.core.errors import InvalidInput, NotAllowed, NotFound, ProcessingRefused
from zorgvuldig.web.forms import OpenDossierForm
from zorgvuldig.web.views.errors import not_allowed, not_found, refused
from zorgvuldig.web.views.purpose import choose_purpose, read_purpose

#: The id of the forms' fieldset for processing without consent (art4.6).
JUSTIFICATION_FIELDSET = "zonder-toestemming"


@dataclass(frozen=True)
class PurposePage:
    """The purpose (and legal basis) a page processes for, as its query string names them."""

    request: object
    title: str
    form: OpenDossierForm

    @property
    def query(self) -> dict[str, str]:
        return self.form.query()

    def ask(self, error: InvalidInput):
        """The purpose page again, with the gate's errors on it (e.g. an unknown legal basis)."""
        self.form.add_gate_errors(error)
        return choose_purpose(self.request, self.form, self.title)


def with_purpose(title: str):
    """The view gets the page's :class:`PurposePage` after the request once the query string
    names a valid purpose; until then the page asks for it (art2: none without one)."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            form = read_purpose(request)
            if not form.is_valid():
                return choose_purpose(request, form, title)
            return view(request, PurposePage(request, title, form), *args, **kwargs)

        return wrapper

    return decorate


def consult(
    request, read: Callable[[], object], *, back_url: str = "", page=None, glass_url: str = ""
):
    """A read through the gate: ``(result, None)``, or ``(None, response)`` with the page that
    says why not. The gate's input errors (about the purpose) go on the purpose ``page``."""
    try:
        return read(), None
    except NotAllowed as error:
        return None, not_allowed(request, error, back_url=back_url)
    except ProcessingRefused as error:
        return None, refused(request, error, back_url=back_url, glass_url=glass_url)
    except NotFound as error:
        return None, not_found(request, error)
    except InvalidInput as error:
        if page is None:
            raise
        return None, page.ask(error)


def justification_url(request) -> str:
    """This form's fieldset for processing without consent (art4.6)."""
    return f"{request.get_full_path()}#{JUSTIFICATION_FIELDSET}"


def submit(
    request,
    form,
    record: Callable[[dict], object],
    *,
    done: str,
    next_url: str,
    back_url: str = "",
    consent_url: str = "",
    form_url: str = "",
):
    """Send the form's data to the gate (``record(form.cleaned_data)``). Its input errors go on
    the form (None: show the form again); a refusal, a function the employee does not have or
    nothing found go to their pages; done, the ``done`` message and on to ``next_url``."""
    try:
        record(form.cleaned_data)
    except InvalidInput as error:
        form.add_gate_errors(error)
        return None
    except NotAllowed as error:
        return not_allowed(request, error, back_url=back_url)
    except ProcessingRefused as error:
        return refused(
            request, error, back_url=back_url, consent_url=consent_url, form_url=form_url
        )
    except NotFound as error:
        return not_found(request, error)
    messages.success(request, done)
    return redirect(next_url)


def form_page(request, template: str, form, context: dict):
    """The page with the form; a 400 when the form has errors (its own or the gate's)."""
    return render(request, template, {"form": form, **context}, status=400 if form.errors else 200)
