"""Keeper: the offsite as data and rules. Never imports Qt."""

__version__ = "0.1.0"
