"""The runner page's style sheet (object names set by the view and its panels)."""

RUNNER_STYLE = (
    "QFrame#card { background: #FFFFFF; border: 1px solid #E5E7EB; border-radius: 14px; }"
    "QFrame#lower { background: #F9FAFB; border: 1px solid #E5E7EB; border-radius: 14px;"
    " padding: 10px; }"
    "QLabel#sessionTitle { font-size: 26px; font-weight: 600; color: #111827; }"
    "QLabel#muted { color: #4B5563; font-size: 13px; }"
    "QLabel#section { color: #4B5563; font-size: 12px; font-weight: 600;"
    " letter-spacing: 1px; text-transform: uppercase; }"
    "QLabel#stateLine { color: #374151; font-size: 14px; }"
    "QLabel#nextLine { color: #111827; font-size: 17px; font-weight: 600; }"
    "QLabel#driftLine { color: #111827; font-size: 17px; font-weight: 600; }"
    "QLabel#later { color: #374151; font-size: 13px; }"
    "QPushButton { font-size: 14px; padding: 6px 10px; }"
    "QPushButton#primary { font-size: 17px; font-weight: 600; background: #1D4ED8;"
    " color: white; border: none; border-radius: 8px; padding: 8px 22px; }"
    "QPushButton#primary:disabled { background: #9CA3AF; }"
)
