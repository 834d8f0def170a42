"""The chime at zero: a short sound shipped in resources/sounds, played by the platform's player.

Why no QtMultimedia: PySide6-Addons is 153 MB (FFmpeg included) and needs libpulse to even
import on Linux, for one second of sound. Every desktop already has a player: ``winsound``
(the standard library) on Windows, ``afplay`` on macOS, ``pw-play``/``paplay``/``aplay`` on
Linux. Played in the background, never waited for; when no player is found ``play`` says so
and the runner flashes instead.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from keeper.resources import resource

log = logging.getLogger(__name__)
LINUX_PLAYERS = ("pw-play", "paplay", "aplay")


def chime_path() -> Path:
    return Path(str(resource("sounds", "chime.wav")))


def player_command(platform: str, which: Callable[[str], str | None],
                   path: Path) -> list[str] | None:
    """The command that plays ``path`` here (None on Windows, which plays in-process)."""
    if platform.startswith("win"):
        return None
    names = ("afplay",) if platform == "darwin" else LINUX_PLAYERS
    for name in names:
        found = which(name)
        if found:
            return [found, "-q", str(path)] if name == "aplay" else [found, str(path)]
    return None


class Chime:
    def __init__(self, platform: str = sys.platform,
                 which: Callable[[str], str | None] = shutil.which) -> None:
        self.path = chime_path()
        self.platform = platform
        self.command = player_command(platform, which, self.path)
        self._playing: subprocess.Popen[bytes] | None = None

    @property
    def available(self) -> bool:
        return self.platform.startswith("win") or self.command is not None

    def play(self) -> bool:
        """Start the chime; False when this machine has no way to play it."""
        if self.platform.startswith("win"):
            try:
                import winsound  # the standard library's, on Windows only

                winsound.PlaySound(str(self.path),
                                   winsound.SND_FILENAME | winsound.SND_ASYNC)  # type: ignore[attr-defined]
            except (ImportError, RuntimeError) as exc:
                log.warning("chime not played: %s", exc)
                return False
            return True
        if self.command is None:
            return False
        if self._playing is not None and self._playing.poll() is None:
            return True  # still ringing
        try:
            self._playing = subprocess.Popen(self.command, stdin=subprocess.DEVNULL,
                                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except OSError as exc:
            log.warning("chime not played: %s", exc)
            return False
        return True
