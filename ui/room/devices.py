"""Who is in the room: the room code, each phone's pass (token), claims and rate limits.

Thread-safe (the server thread and the Keeper's window both use it); time is
injected (``keeper.clock``) so expiry and rate limits are tested without sleeps.
"""

from __future__ import annotations

import secrets
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from keeper.clock import Clock
from ui.room.activity import Activity

CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479"  # no look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B)
CODE_LENGTH = 4
TOKEN_IDLE_S = 4 * 3600.0  # a pass unused for four hours expires
WRITES_PER_S, WRITE_BURST = 4.0, 20.0  # per phone
JOIN_TRIES_PER_MIN = 12  # per network address: the room code cannot be guessed


class RoomError(Exception):
    """A request the room refuses, worded for the phone; ``status`` is the HTTP status."""

    def __init__(self, message: str, status: int = 400, *, rejoin: bool = False) -> None:
        super().__init__(message)
        self.message, self.status, self.rejoin = message, status, rejoin


@dataclass
class Device:
    token: str
    person_id: int
    name: str
    address: str
    joined_at: float
    last_seen: float
    admitted: bool  # False while a claimed name waits for the Keeper's OK
    sent: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    last_sent: str = ""
    tokens: float = WRITE_BURST
    refilled: float = 0.0


@dataclass(frozen=True)
class DeviceRow:
    """One line of the Keeper's list: who, from where, waiting or in, what they sent."""

    token: str
    person_id: int
    name: str
    address: str
    admitted: bool
    sent: dict[str, int]
    last_sent: str


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(value: object) -> str:
    return "".join(str(value or "").split()).upper()[:16]


class Room:
    """The open room's passes; listeners are called (on any thread) after each change."""

    def __init__(self, clock: Clock, code: str | None = None) -> None:
        self.clock = clock
        self.code = code or new_code()
        self.paused = False
        self.chosen: Activity | None = None  # None: follow the running session
        self._devices: dict[str, Device] = {}
        self._tries: dict[str, list[float]] = defaultdict(list)
        self._lock = threading.Lock()
        self._listeners: list[Callable[[], None]] = []

    def listen(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def changed(self) -> None:
        for listener in self._listeners:
            listener()

    # ----- the Keeper's side ----------------------------------------------------------
    def devices(self) -> list[DeviceRow]:
        with self._lock:
            return [DeviceRow(d.token, d.person_id, d.name, d.address, d.admitted,
                              dict(d.sent), d.last_sent)
                    for d in sorted(self._devices.values(), key=lambda d: d.joined_at)]

    def admit(self, token: str) -> None:
        """The Keeper lets a waiting phone in (as a second device for that name)."""
        with self._lock:
            device = self._devices.get(token)
            if device is None:
                return
            device.admitted = True
        self.changed()

    def remove(self, token: str) -> None:
        with self._lock:
            self._devices.pop(token, None)
        self.changed()

    def choose(self, activity: Activity | None) -> None:
        self.chosen = activity
        self.changed()

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        self.changed()

    # ----- the phones' side -----------------------------------------------------------
    def check_code(self, code: object, address: str) -> None:
        """Refuse a wrong room code; too many tries from one address are slowed down."""
        now = self.clock.monotonic()
        with self._lock:
            tries = [t for t in self._tries[address] if now - t < 60.0]
            if len(tries) >= JOIN_TRIES_PER_MIN:
                self._tries[address] = tries
                raise RoomError("Too many tries. Wait a minute, then enter the room code "
                                "shown on the screen.", 429)
            if normalise_code(code) == self.code:
                self._tries[address] = tries
                return
            tries.append(now)
            self._tries[address] = tries
        raise RoomError("That is not the room code. Type the 4 characters shown on the screen.",
                        403, rejoin=True)

    def claimed(self) -> set[int]:
        with self._lock:
            return {d.person_id for d in self._devices.values() if d.admitted}

    def claim(self, person_id: int, name: str, address: str) -> Device:
        """A phone picks its name: in at once, or waiting when that name is already taken."""
        now = self.clock.monotonic()
        with self._lock:  # two phones picking one name at once: only the first is in
            taken = any(d.person_id == person_id and d.admitted for d in self._devices.values())
            device = Device(secrets.token_urlsafe(24), person_id, name, address, now, now,
                            admitted=not taken, refilled=now)
            self._devices[device.token] = device
        self.changed()
        return device

    def device(self, code: object, token: object, *, admitted: bool = True) -> Device:
        """The phone behind a request, or a clear refusal (wrong code, expired pass)."""
        if normalise_code(code) != self.code:
            raise RoomError("The room has a new code. Enter the code shown on the screen.",
                            401, rejoin=True)
        now = self.clock.monotonic()
        with self._lock:
            device = self._devices.get(str(token or ""))
            if device is not None and now - device.last_seen > TOKEN_IDLE_S:
                del self._devices[device.token]
                device = None
            if device is None:
                raise RoomError("This phone's pass has expired or was removed. "
                                "Enter the room code again.", 401, rejoin=True)
            device.last_seen = now
        if admitted and not device.admitted:
            raise RoomError(f"Someone already joined as {device.name}. Waiting for the "
                            "Keeper to let this phone in.", 403)
        return device

    def spend(self, device: Device, cost: float = 1.0, *, write: bool = True) -> None:
        """One request from ``device``: a write is refused while paused; any request
        is refused when the phone sends too fast (a read costs less than a write)."""
        if write and self.paused:
            raise RoomError("The Keeper has paused sending for a moment. "
                            "Your text is still here; send it again soon.", 423)
        now = self.clock.monotonic()
        with self._lock:
            device.tokens = min(WRITE_BURST,
                                device.tokens + (now - device.refilled) * WRITES_PER_S)
            device.refilled = now
            if device.tokens < cost:
                raise RoomError("Too fast: wait a second and send again.", 429)
            device.tokens -= cost

    def record(self, device: Device, what: str, summary: str) -> None:
        """Count what a phone sent, for the Keeper's list (never the private text)."""
        with self._lock:
            device.sent[what] += 1
            device.last_sent = summary
        self.changed()
