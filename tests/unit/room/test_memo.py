"""What the room's reader remembers between phones' reads, and when it lets go."""

from __future__ import annotations

from ui.room.desk import Memo


def test_a_remembered_read_is_reused_until_its_key_is_forgotten() -> None:
    memo, reads = Memo(), []

    def roster() -> list[str]:
        reads.append("roster")
        return ["Priya", "Marcus"]

    assert memo.get("roster", roster) == memo.get("roster", roster) == ["Priya", "Marcus"]
    assert reads == ["roster"]
    memo.get("title", lambda: "Autumn offsite")
    memo.forget(["roster"])  # a person renamed: the title stays remembered
    memo.get("roster", roster)
    assert reads == ["roster", "roster"]
    assert memo.get("title", lambda: "read again") == "Autumn offsite"
    memo.forget()
    assert memo.get("title", lambda: "read again") == "read again"


def test_a_read_begun_before_an_edit_is_not_remembered_after_it() -> None:
    memo = Memo()
    since = memo.generation()  # a phone's read begins on the snapshot before the edit
    memo.forget(["roster"])  # the laptop commits a rename and forgets the roster
    assert memo.get("roster", lambda: ["old name"], since) == ["old name"]  # served once
    assert memo.get("roster", lambda: ["new name"], memo.generation()) == ["new name"]
    assert memo.get("roster", lambda: ["never read"]) == ["new name"]
