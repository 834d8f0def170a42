"""The runner page's style sheet (object names set by the view and its panels)."""

from ui import palette

RUNNER_STYLE = (
    f"QFrame#card {{ background: {palette.SURFACE}; border: 1px solid {palette.BORDER};"
    " border-radius: 14px; }"
    f"QFrame#lower {{ background: {palette.SURFACE_SUBTLE}; border: 1px solid {palette.BORDER};"
    " border-radius: 14px;"
    " padding: 10px; }"
    f"QLabel#sessionTitle {{ font-size: 26px; font-weight: 600; color: {palette.INK_STRONG}; }}"
    f"QLabel#muted {{ color: {palette.TEXT_MUTED_COOL}; font-size: 13px; }}"
    f"QLabel#section {{ color: {palette.TEXT_MUTED_COOL}; font-size: 12px; font-weight: 600;"
    " letter-spacing: 1px; text-transform: uppercase; }"
    f"QLabel#stateLine {{ color: {palette.INK_SOFT}; font-size: 14px; }}"
    f"QLabel#privateNotes {{ color: {palette.PRIVATE_TEXT}; background: {palette.PRIVATE_BG};"
    " border-radius: 6px;"
    " padding: 4px 8px; font-size: 13px; }"
    f"QLabel#nextLine {{ color: {palette.INK_STRONG}; font-size: 17px; font-weight: 600; }}"
    f"QLabel#driftLine {{ color: {palette.INK_STRONG}; font-size: 17px; font-weight: 600; }}"
    f"QLabel#later {{ color: {palette.INK_SOFT}; font-size: 13px; }}"
    "QPushButton { font-size: 14px; padding: 6px 10px; }"
    "QPushButton#primary { font-size: 17px; font-weight: 600;"
    f" background: {palette.ACCENT_RUNNER};"
    f" color: {palette.ON_ACCENT}; border: none; border-radius: 8px; padding: 8px 22px; }}"
    f"QPushButton#primary:disabled {{ background: {palette.DISABLED}; }}"
)
