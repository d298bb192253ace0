"""A write load against a served gateway: clients that each record consents on their own case, with a
key per command, noting how every request ended and how long it took."""

from __future__ import annotations

import threading
import uuid
import time
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import httpx

from tests.reliability.scene import CONSENT, error_codes


@dataclass(frozen=True)
class Outcome:
    marker: str
    seconds: float
    status: int
    codes: frozenset[str]
    finished_at: float

    @property
    def acknowledged(self) -> bool:
        return self.status == 200 and not self.codes

    @property
    def unavailable(self) -> bool:
        return self.status in (200, 503) and self.codes == {"UNAVAILABLE"}


@dataclass
class WriteLoad:
    base: str
    token: str
    cases: list[UUID]
    outcomes: list[Outcome] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _threads: list[threading.Thread] = field(default_factory=list)
    #: Keys are per user and the fault server's tables outlive a test: each load's keys are its own.
    run: str = field(default_factory=lambda: uuid.uuid4().hex[:8])

    def start(self) -> None:
        for number, case in enumerate(self.cases):
            thread = threading.Thread(target=self._client, args=(number, case), daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)

    def acknowledged_since(self, moment: float) -> int:
        return sum(1 for o in list(self.outcomes) if o.acknowledged and o.finished_at > moment)

    def _client(self, number: int, case: UUID) -> None:
        with httpx.Client(base_url=self.base, timeout=10) as http:
            sent = 0
            while not self._stop.is_set():
                marker = f"client-{number}-write-{sent}-{self.run}"
                outcome = send(http, self.token, case, marker)
                self.outcomes.append(outcome)
                sent += 1
                time.sleep(0.01 if outcome.acknowledged else 0.25)  # as a client would, told to retry shortly


def send(http: httpx.Client, token: str, case: UUID, marker: str) -> Outcome:
    """Record a consent given by ``marker``, with ``marker`` as its idempotency key."""
    started = time.monotonic()
    try:
        response = http.post("/graphql/counsellor", json={"query": CONSENT, "variables": {"case": str(case),
                                                                                           "by": [marker]}},
                             headers={"Authorization": f"Bearer {token}", "Idempotency-Key": marker})
        status, codes = response.status_code, frozenset(error_codes(_json(response)))
    except httpx.HTTPError as error:
        status, codes = 0, frozenset({type(error).__name__})
    finished = time.monotonic()
    return Outcome(marker, finished - started, status, codes, finished)


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {"errors": [{"extensions": {"code": f"not JSON: {response.text[:80]!r}"}}]}
    return body if isinstance(body, dict) else {}
