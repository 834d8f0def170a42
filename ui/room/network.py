"""The laptop's addresses on the venue's network, and the join QR code.

Nothing here sends a packet: a UDP socket "connected" to a private address
only asks the kernel which local address would be used.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket

import segno

# One address in each private range: which local address would reach it?
_PROBES = ("10.255.255.254", "192.168.255.254", "172.31.255.254")


def _is_lan(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return (ip.version == 4 and ip.is_private and not ip.is_loopback and not ip.is_link_local
            and not ip.is_unspecified and not ip.is_multicast)  # never every interface


def lan_addresses() -> list[str]:
    """The laptop's private IPv4 addresses (venue Wi-Fi, a phone's hotspot), best first."""
    found: list[str] = []
    for probe in _PROBES:
        with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect((probe, 9))
            found.append(s.getsockname()[0])
    with contextlib.suppress(OSError):
        found += socket.gethostbyname_ex(socket.gethostname())[2]
    return [a for a in dict.fromkeys(found) if _is_lan(a)]


def join_url(host: str, port: int) -> str:
    return f"http://{host}:{port}/"


def qr_matrix(url: str) -> list[list[bool]]:
    """The QR code of ``url`` as rows of dark (True) / light modules, quiet zone included."""
    code = segno.make(url, error="m", boost_error=False)
    return [[bool(m) for m in row] for row in code.matrix_iter(scale=1, border=2)]
