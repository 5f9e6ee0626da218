# SPDX-License-Identifier: EUPL-1.2
"""The users of ``bench/bench_load.py``: caseworkers who sign in with two factors and open
their client's dossier, for locust (run by ``bench_load.py``, not on its own).

Each user takes one account of the file ``LOAD_ACCOUNTS`` (username, password, the hex key of
their own authenticator app, the dossier's path) and does sessions until the run ends or it has
done ``LOAD_SESSIONS``: it follows a link to the dossier while signed out, so

- ``login page``: ``GET /inloggen/?next=<dossier>`` (the form and its CSRF token),
- ``password``: ``POST /inloggen/`` (Argon2, django-axes), answered with a redirect to the code,
- ``code page``: ``GET /inloggen/code/`` (a new CSRF token: Django rotates it at the password),
- ``code``: ``POST /inloggen/code/`` with the app's current TOTP code (django-otp), answered
  with a redirect to the dossier,
- ``dossier``: ``GET /clienten/<id>/?doel=support-provision``, ``LOAD_PAGES`` times,
- ``logout``: ``POST /uitloggen/``,

waiting ``LOAD_WAIT`` seconds (a range, ``min,max``) before each step, as a person reads or types.
django-otp accepts a code of a time step (30 s) only once per device: a user that signs in again
within the step of its last code waits for the next one (not measured).

Every request's time (ms, from sending to the whole answer read) and whether it failed go to
``LOAD_RESULTS`` (JSON) when locust stops; after ``LOAD_MAX_REQUESTS`` requests the run stops.
Only ``--host`` is spoken to, which ``bench_load.py`` sets to its server on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import random
import re
import threading
import time
from pathlib import Path

import gevent
from django_otp.oath import hotp
from locust import FastHttpUser, events, task
from locust.exception import StopUser

STEP = 30  # seconds of a TOTP code (django-otp's default)
ACCOUNTS = json.loads(Path(os.environ["LOAD_ACCOUNTS"]).read_text())
RESULTS = Path(os.environ["LOAD_RESULTS"])
PAGES = int(os.environ.get("LOAD_PAGES", "10"))
SESSIONS = int(os.environ.get("LOAD_SESSIONS", "20"))
WAIT = tuple(float(w) for w in os.environ.get("LOAD_WAIT", "2,5").split(","))
MAX_REQUESTS = int(os.environ.get("LOAD_MAX_REQUESTS", "100000"))
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

_lock = threading.Lock()
_taken: list[int] = []
_timings: list[tuple[str, float, str]] = []  # (name, ms, error or "")
_runner: list = []


@events.init.add_listener
def _keep(environment, **kwargs):
    _runner.append(environment.runner)


@events.request.add_listener
def _record(request_type, name, response_time, response_length, exception=None, **kwargs):
    _timings.append((name, response_time, "" if exception is None else str(exception)[:200]))
    if len(_timings) == MAX_REQUESTS and _runner:
        gevent.spawn(_runner[0].quit)  # not from within the user's own greenlet


@events.quitting.add_listener
def _write(environment, **kwargs):
    RESULTS.write_text(json.dumps({"timings": _timings}))


def _token(html: str) -> str:
    found = CSRF.search(html)
    return found.group(1) if found else ""


class Caseworker(FastHttpUser):
    # the think time is waited explicitly between the steps of a session
    wait_time = staticmethod(lambda: 0)

    def on_start(self):
        with _lock:
            index = len(_taken)
            _taken.append(index)
        if index >= len(ACCOUNTS):
            raise StopUser()
        self.account = ACCOUNTS[index]
        self.last_step = -1
        self.sessions = 0

    def think(self):
        time.sleep(random.uniform(*WAIT))  # gevent's sleep: locust patches time

    def code(self) -> str:
        """The app's code now, of a time step this device has not used yet; waits for the
        next step when needed, and away from a step's edge (the server's clock runs on)."""
        while True:
            now = time.time()
            step, into = divmod(now, STEP)
            if step > self.last_step and into < STEP - 2:
                break
            time.sleep(STEP - into + 0.05)
        self.last_step = step
        return f"{hotp(bytes.fromhex(self.account['key']), int(step), digits=6):06d}"

    def expect(self, response, status: int, location: str = "", text: str = "") -> bool:
        if response.status_code != status:
            response.failure(f"status {response.status_code}, expected {status}")
        elif location and not response.headers.get("Location", "").startswith(location):
            response.failure(f"redirected to {response.headers.get('Location')!r}")
        elif text and text not in response.text:
            response.failure(f"{text!r} not on the page")
        else:
            response.success()
            return True
        return False

    @task
    def session(self):
        if self.sessions >= SESSIONS:
            # done: this user stops (the run stops at its time)
            raise StopUser()
        self.sessions += 1
        self.think()
        account, dossier = self.account, self.account["dossier"]
        get = self.client.get
        post = self.client.post
        if not self._sign_in(account, dossier, get, post):
            return
        token = ""
        for _ in range(PAGES):
            self.think()
            with get(
                dossier, name="dossier", allow_redirects=False, catch_response=True
            ) as response:
                if not self.expect(response, 200, text=account["surname"]):
                    return
                token = _token(response.text)
        self.think()
        with post(
            "/uitloggen/",
            data={"csrfmiddlewaretoken": token},
            name="logout",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            self.expect(response, 302, "/inloggen/")

    def _sign_in(self, account, dossier, get, post) -> bool:
        query = {"next": dossier}
        with get("/inloggen/", params=query, name="login page", catch_response=True) as response:
            if not self.expect(response, 200, text="csrfmiddlewaretoken"):
                return False
            token = _token(response.text)
        self.think()
        with post(
            "/inloggen/",
            data={
                "csrfmiddlewaretoken": token,
                "username": account["username"],
                "password": account["password"],
                "next": dossier,
            },
            name="password",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if not self.expect(response, 302, "/inloggen/code/"):
                return False
            code_page = response.headers["Location"]
        with get(code_page, name="code page", catch_response=True) as response:
            if not self.expect(response, 200, text="csrfmiddlewaretoken"):
                return False
            token = _token(response.text)
        self.think()
        code = self.code()
        with post(
            code_page,
            data={"csrfmiddlewaretoken": token, "code": code},
            name="code",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            return self.expect(response, 302, dossier)
