"""The F1 sheet: every key of the menus once, then the shown view's own keys, on one screen.

The rows come from the menu bar itself (an action's keys are said once, "Space or F5"), so
the sheet cannot disagree with what the keys do; two columns keep it inside a 1280×800
laptop screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMenuBar, QVBoxLayout, QWidget

Row = tuple[str, str]  # (keys, what they do)


def action_row(action: QAction) -> Row | None:
    keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
    keys = [k for k in keys if k]
    if not keys:
        return None
    return " or ".join(keys), action.text().replace("&", "")


def menu_rows(bar: QMenuBar) -> list[tuple[str, list[Row]]]:
    """(menu title, rows) for each menu of the bar, each action once."""
    sections: list[tuple[str, list[Row]]] = []
    seen: set[int] = set()
    for menu_action in bar.actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        rows: list[Row] = []
        for action in menu.actions():
            row = action_row(action)
            if row is not None and id(action) not in seen:
                seen.add(id(action))
                rows.append(row)
        if rows:
            sections.append((menu_action.text().replace("&", ""), rows))
    return sections


def _table(sections: Iterable[tuple[str, list[Row]]]) -> str:
    body = ""
    for title, rows in sections:
        body += (f"<tr><td colspan=2 style='padding:8px 0 2px 0'><b>{escape(title)}</b>"
                 "</td></tr>")
        body += "".join(f"<tr><td style='padding:1px 14px 1px 0'><b>{escape(k)}</b></td>"
                        f"<td>{escape(v)}</td></tr>" for k, v in rows)
    return f"<table cellspacing=0>{body}</table>"


def sheet_html(sections: list[tuple[str, list[Row]]], view_rows: str = "") -> str:
    """Two columns of menus (split near the middle row), a third of the view's own rows."""
    total = sum(len(rows) + 1 for _t, rows in sections)
    left: list[tuple[str, list[Row]]] = []
    count = 0
    for section in sections:
        if count >= total / 2:
            break
        left.append(section)
        count += len(section[1]) + 1
    right = sections[len(left):]
    third = (f"<td valign=top style='padding-left:28px'><p><b>In this view</b></p>"
             f"<table cellspacing=2>{view_rows}</table></td>" if view_rows else "")
    return (f"<table><tr><td valign=top style='padding-right:28px'>{_table(left)}</td>"
            f"<td valign=top>{_table(right)}</td>{third}</tr></table>")


class ShortcutSheet(QDialog):
    def __init__(self, sections: list[tuple[str, list[Row]]], view_rows: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.text = QLabel(sheet_html(sections, view_rows))
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAccessibleName("Keyboard shortcuts")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
