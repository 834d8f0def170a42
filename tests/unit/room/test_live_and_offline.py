"""Live updates reach the phones; nothing in the pages reaches outside the room."""

from __future__ import annotations

import http.client
import re

from keeper.resources import resource
from ui.room.activity import Activity
from ui.room.network import _is_lan, qr_matrix

from .conftest import Served


def events(served: Served, token: str) -> tuple[http.client.HTTPConnection, object]:
    conn = http.client.HTTPConnection("127.0.0.1", served.server.port, timeout=10)
    conn.request("GET", f"/api/events?code=K3XA&token={token}")
    response = conn.getresponse()
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/event-stream"
    return conn, response


def next_event(response) -> str:
    while True:
        line = response.readline().decode()
        if line.startswith("event: "):
            return line[len("event: "):].strip()


def test_the_phone_hears_when_the_keeper_moves_on_and_when_it_is_removed(
        served: Served) -> None:
    phone = served.phone("Priya Raman")
    conn, stream = events(served, phone.token)
    try:
        assert next_event(stream) == "changed"  # at once: load the page's state
        served.during(Activity.FEEDBACK)
        assert next_event(stream) == "changed"
        served.room.remove(phone.token)
        assert next_event(stream) == "rejoin"
    finally:
        conn.close()


def test_events_need_a_pass(served: Served) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", served.server.port, timeout=10)
    conn.request("GET", "/api/events?code=K3XA&token=nope")
    assert conn.getresponse().status == 401
    conn.close()


def test_the_pages_fetch_nothing_from_outside_the_room() -> None:
    for name in ("index.html", "room.js", "room.css"):
        text = resource("room", name).read_text("utf-8")
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text, re.I), name
        assert "innerHTML" not in text and "eval(" not in text, name


def test_only_private_lan_addresses_are_served() -> None:
    assert _is_lan("192.168.1.23") and _is_lan("10.0.0.5") and _is_lan("172.20.10.2")
    assert not _is_lan("127.0.0.1") and not _is_lan("0.0.0.0")
    assert not _is_lan("8.8.8.8") and not _is_lan("169.254.1.1") and not _is_lan("fe80::1")


def test_the_qr_code_is_square_with_its_quiet_zone() -> None:
    matrix = qr_matrix("http://192.168.1.23:8765/?code=K3XA")
    assert len(matrix) == len(matrix[0]) >= 25
    assert not any(matrix[0]) and not any(row[0] for row in matrix)  # light border
    assert matrix[2][2]  # the finder pattern's corner
