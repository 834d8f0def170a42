"""Packaged resources through one function, so they work installed, editable and frozen."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    node: Traversable = resources.files("resources")
    for part in parts:
        node = node.joinpath(part)
    return node
