"""The room: phones join the offsite over the venue's own network.

A small web server (aiohttp, in a background thread) serves the phones' pages
and a JSON API. This package imports no Qt and no SQLAlchemy: it reads the
offsite through keeper/'s read models and writes through keeper operations,
both handed to a :class:`ui.room.desk.Desk` that runs them where the file
lives (the app's UI thread, see ``ui/room_bridge.py``).
"""
