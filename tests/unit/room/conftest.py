"""The room's server on 127.0.0.1 over a demo offsite, with phones as plain HTTP clients."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from keeper.clock import FakeClock
from keeper.store.offsite_file import OffsiteStore
from ui.room.activity import Activity
from ui.room.desk import DirectDesk
from ui.room.devices import Room
from ui.room.server import RoomServer


@dataclass
class Reply:
    status: int
    data: dict[str, Any]
    headers: dict[str, str]

    @property
    def error(self) -> str:
        return str(self.data.get("error", ""))


@dataclass
class Phone:
    """One phone: remembers the room code and its pass like the page does."""

    port: int
    code: str = ""
    token: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, path: str, body: Any = None, *, raw: bytes | None = None,
                headers: dict[str, str] | None = None) -> Reply:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        sent = {"X-Room-Code": self.code, "X-Room-Token": self.token,
                "Origin": f"http://127.0.0.1:{self.port}", **self.extra}
        payload = raw
        if body is not None:
            payload = json.dumps(body).encode()
        if payload is not None:
            sent["Content-Type"] = "application/json"
        sent.update(headers or {})
        conn.request(method, path, body=payload, headers=sent)
        response = conn.getresponse()
        text = response.read()
        conn.close()
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {"_text": text.decode("utf-8", "replace")}
        return Reply(response.status, data, {k: v for k, v in response.getheaders()})

    def post(self, path: str, body: Any = None, **kw: Any) -> Reply:
        return self.request("POST", path, {} if body is None else body, **kw)

    def join(self, code: str, name: str) -> Reply:
        self.code = code
        roster = self.post("/api/roster", {"code": code})
        assert roster.status == 200, roster.data
        person = next(p["id"] for p in roster.data["people"] if p["name"] == name)
        reply = self.post("/api/claim", {"code": code, "person": person})
        self.token = reply.data.get("token", "")
        return reply

    def state(self) -> Reply:
        return self.request("GET", "/api/state")


@dataclass
class Served:
    room: Room
    server: RoomServer
    desk: DirectDesk
    store: OffsiteStore
    offsite_id: int
    clock: FakeClock

    def phone(self, name: str | None = None) -> Phone:
        phone = Phone(self.server.port)
        if name is not None:
            reply = phone.join(self.room.code, name)
            assert reply.status == 200 and not reply.data["waiting"], reply.data
        return phone

    def on_desk(self, fn: Any) -> Any:
        return self.desk.submit(fn).result(10)

    def during(self, activity: Activity | None) -> None:
        self.room.choose(activity)


@pytest.fixture
def served(demo_path: Path, clock: FakeClock) -> Iterator[Served]:
    store = OffsiteStore.open(demo_path)
    offsite = store.current_offsite()
    assert offsite is not None
    desk = DirectDesk(store, offsite.id, clock)
    room = Room(clock, code="K3XA")
    server = RoomServer(room, desk, ["127.0.0.1"], 0)
    server.start()
    try:
        yield Served(room, server, desk, store, offsite.id, clock)
    finally:
        server.stop()
        desk.close()
        store.close()
