"""The room's web server: the phones' page, its JSON API and live updates (aiohttp).

It runs on its own thread with its own event loop and binds only to the
addresses it is given (the laptop's LAN addresses; 127.0.0.1 in tests). Every
API request carries the room code and the phone's pass; writes must come from
the page itself (same origin, JSON), bodies are capped, and errors are short
sentences with no paths or internals. Reads and writes of the offsite run on
the desk (:mod:`ui.room.desk`), never here.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import threading
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from aiohttp import web

from keeper.resources import resource
from ui.room import reads
from ui.room.desk import Desk, Job, Keep, NoOffsite
from ui.room.devices import Device, Room, RoomError
from ui.room.writes import WRITES, Sent

log = logging.getLogger(__name__)
T = TypeVar("T")

BODY_MAX = 8 * 1024  # a note is at most 2,000 characters: 8 KB holds it in any script
READ_COST = 0.25
PING_S = 15.0
NOTIFY_S = 0.5  # the Keeper dragging notes is one "changed" per half second, not one per move
_STATIC = {"": ("index.html", "text/html"), "room.js": ("room.js", "text/javascript"),
           "room.css": ("room.css", "text/css")}
_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "connect-src 'self'; img-src 'self'; base-uri 'none'; "
                               "form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _error(message: str, status: int, **extra: Any) -> web.Response:
    return web.json_response({"error": message, **extra}, status=status, headers=_HEADERS)


@web.middleware
async def _guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Security headers on everything; every failure becomes one clear sentence."""
    try:
        response = await handler(request)
    except RoomError as e:
        return _error(e.message, e.status, rejoin=e.rejoin)
    except web.HTTPRequestEntityTooLarge:
        return _error("That is too long to send in one go: split it into shorter notes.", 413)
    except web.HTTPNotFound:
        return _error("There is nothing here.", 404)
    except web.HTTPMethodNotAllowed:
        return _error("That is not allowed here.", 405)
    except NoOffsite:
        return _error("The Keeper has no offsite open right now. Try again in a moment.", 503)
    except ValueError as e:  # keeper's refusals (BoardError, DayError) are worded for people
        return _error(str(e) or "That could not be saved.", 400)
    except Exception as e:  # noqa: BLE001 - the phone gets a sentence, never a traceback
        log.error("room request failed: %s", type(e).__name__)
        return _error("Something went wrong on the laptop. Try again.", 500)
    for key, value in _HEADERS.items():
        response.headers.setdefault(key, value)
    return response


class RoomServer:
    """Serve ``room`` on ``hosts``:``port`` until :meth:`stop`; jobs run on ``desk``."""

    def __init__(self, room: Room, desk: Desk, hosts: list[str], port: int = 0) -> None:
        if not hosts:
            raise RoomError("No network: join the venue's Wi-Fi or your phone's hotspot, "
                            "then open the room again.", 503)
        self.room, self.desk, self.hosts, self.port = room, desk, list(hosts), port
        self._loop = asyncio.new_event_loop()
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._closing = False
        self._version = 0
        self._event: asyncio.Event | None = None
        self._pending = False
        room.listen(self.notify)  # let in, removed, paused, moved on: the phones hear

    # ----- lifetime (called from the Keeper's thread) ---------------------------------
    def start(self) -> None:
        ready = threading.Event()
        failure: list[BaseException] = []

        def serve() -> None:
            asyncio.set_event_loop(self._loop)
            try:
                self._loop.run_until_complete(self._open())
            except BaseException as e:  # noqa: BLE001 - handed to start()
                failure.append(e)
                ready.set()
                return
            ready.set()
            self._loop.run_forever()
            self._loop.run_until_complete(self._close())
            self._loop.close()

        self._thread = threading.Thread(target=serve, name="room-server", daemon=True)
        self._thread.start()
        ready.wait(30)
        if failure:
            self._thread.join(5)
            error = failure[0]
            if isinstance(error, OSError):
                raise RoomError(f"The room could not open on port {self.port}: another "
                                "program uses it. Try again.", 503) from error
            raise error

    def stop(self) -> None:
        if self._thread is None:
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._thread = None

    def notify(self) -> None:
        """Something changed (any thread): the phones reload, at most twice a second."""
        if self._thread is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._schedule)

    # ----- the loop's side ------------------------------------------------------------
    def _app(self) -> web.Application:
        app = web.Application(client_max_size=BODY_MAX, middlewares=[_guard])
        app.router.add_get("/", self._page)
        app.router.add_get("/{name:room\\.(?:js|css)}", self._page)
        app.router.add_post("/api/roster", self._roster)
        app.router.add_post("/api/claim", self._claim)
        app.router.add_get("/api/state", self._state)
        app.router.add_get("/api/events", self._events)
        app.router.add_post("/api/{action:[a-z]+(?:/[a-z]+)?}", self._write)
        return app

    async def _open(self) -> None:
        self._event = asyncio.Event()
        self._runner = web.AppRunner(self._app(), access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        for host in self.hosts:  # the first socket picks the port, the others share it
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind((host, self.port))
            except OSError:
                sock.close()
                raise
            self.port = sock.getsockname()[1]
            await web.SockSite(self._runner, sock).start()

    async def _close(self) -> None:
        self._closing = True
        self._wake()
        if self._runner is not None:
            await self._runner.cleanup()

    def _schedule(self) -> None:
        if not self._pending:
            self._pending = True
            self._loop.call_later(NOTIFY_S, self._wake)

    def _wake(self) -> None:
        self._pending = False
        self._version += 1
        old, self._event = self._event, asyncio.Event()
        if old is not None:
            old.set()

    async def _on_desk(self, job: Job[T]) -> T:
        """A write (and the checks that go with it), where the file is written."""
        return await asyncio.wrap_future(self.desk.submit(job))

    async def _read(self, job: Job[T]) -> T:
        """What a phone is shown, off the Keeper's window."""
        return await asyncio.wrap_future(self.desk.read(job))

    # ----- requests -------------------------------------------------------------------
    async def _page(self, request: web.Request) -> web.Response:
        name, kind = _STATIC[request.match_info.get("name", "")]
        body = resource("room", name).read_bytes()
        return web.Response(body=body, content_type=kind, charset="utf-8")

    @staticmethod
    def _same_origin(request: web.Request) -> None:
        origin = request.headers.get("Origin")
        site = request.headers.get("Sec-Fetch-Site", "same-origin")
        if (origin is not None and origin != f"http://{request.host}") or \
                site not in ("same-origin", "none"):
            raise RoomError("Send from the room's own page.", 403)
        if request.content_type != "application/json":
            raise RoomError("Send from the room's own page.", 415)

    async def _body(self, request: web.Request) -> dict[str, Any]:
        self._same_origin(request)
        raw = await request.read()
        try:
            body = json.loads(raw or b"{}")
        except (ValueError, UnicodeDecodeError):
            raise RoomError("That request was not understood. Reload the page.") from None
        if not isinstance(body, dict):
            raise RoomError("That request was not understood. Reload the page.")
        return body

    def _device(self, request: web.Request, *, admitted: bool = True) -> Device:
        headers, query = request.headers, request.query
        code = headers.get("X-Room-Code", query.get("code"))
        token = headers.get("X-Room-Token", query.get("token"))
        return self.room.device(code, token, admitted=admitted)

    def _address(self, request: web.Request) -> str:
        return request.remote or "?"

    async def _roster(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        self.room.check_code(body.get("code"), self._address(request))
        people, title = await self._read(lambda k: (reads.roster(k), reads.offsite_title(k)))
        claimed = self.room.claimed()
        return web.json_response({"title": title, "people": [
            {"id": m.id, "name": m.name, "taken": m.id in claimed} for m in people]})

    async def _claim(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        self.room.check_code(body.get("code"), self._address(request))
        person_id = body.get("person")
        if not isinstance(person_id, int) or isinstance(person_id, bool):
            raise RoomError("Pick your name from the list.")
        person = await self._read(lambda k: reads.member(k, person_id))
        if person is None:
            raise RoomError("That name is not on this offsite's list. Ask the Keeper.", 409)
        device = self.room.claim(person.id, person.name, self._address(request))
        return web.json_response({"token": device.token, "name": device.name,
                                  "waiting": not device.admitted})

    async def _state(self, request: web.Request) -> web.Response:
        device = self._device(request)
        self.room.spend(device, READ_COST, write=False)
        return web.json_response(await self._read(self._state_job(device.person_id)))

    def _state_job(self, me: int) -> Job[dict[str, Any]]:
        chosen, paused = self.room.chosen, self.room.paused
        return lambda keep: reads.phone_state(keep, me, chosen, paused)

    async def _write(self, request: web.Request) -> web.Response:
        action = request.match_info["action"]
        if action not in WRITES:
            raise web.HTTPNotFound()
        body = await self._body(request)
        device = self._device(request)
        self.room.spend(device)
        activity, write = WRITES[action]
        chosen, me = self.room.chosen, device.person_id

        def job(keep: Keep) -> Sent:
            if reads.activity_now(keep, chosen) is not activity:
                raise RoomError("The Keeper has moved on: this part is closed now.", 409)
            return write(keep, me, body)

        sent = await self._on_desk(job)
        self.room.record(device, sent.what, sent.summary)
        self.notify()
        return web.json_response(await self._read(self._state_job(me)))

    async def _events(self, request: web.Request) -> web.StreamResponse:
        """Server-sent events: "changed" whenever the phone should reload its state."""
        self._device(request, admitted=False)
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream",
                                               **_HEADERS})
        await response.prepare(request)
        seen = -1
        while not self._closing:
            event = self._event
            assert event is not None
            try:
                self._device(request, admitted=False)
            except RoomError:
                await response.write(b"event: rejoin\ndata: 0\n\n")
                break
            if seen != self._version:
                seen = self._version
                await response.write(f"event: changed\ndata: {seen}\n\n".encode())
            try:
                await asyncio.wait_for(event.wait(), PING_S)
            except TimeoutError:
                await response.write(b": ping\n\n")
        return response
